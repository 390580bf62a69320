"""The generator that writes the downloads, the JSON API, datapackage.json and the data page."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from paritrana_core.data import site_data
from paritrana_core.page import write_page
from paritrana_core.preview import is_preview
from paritrana_core.settings import languages
from paritrana_i18n.catalog import lang_for

from .bundle import Bundle
from .cite import add_citations, add_download_links
from .page import data_pages
from .store import place
from .version import data_version

logger = logging.getLogger(__name__)
CONTEXT_KEY = "paritrana_downloads"


def shared_version(context, settings):
    """The data version, worked out once per build and shared by the citations and the data page."""
    state = context.setdefault(CONTEXT_KEY, {})
    if "version" not in state:
        dataset = site_data(context, settings)["dataset"]
        state["version"] = data_version(dataset, settings["PARITRANA_DATA_DIR"])
    return state["version"]


def cite_pages(sender, pages, index, settings) -> None:
    """pages_built receiver: the citation block's values on edition, province and regency pages."""
    add_citations(pages, index, settings, shared_version(sender.context, settings))
    add_download_links(pages, index, settings)


class DownloadsGenerator(Generator):
    """Renders what the cache lacks in generate_context; writes into the output only in generate_output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.index = site_data(self.context, self.settings)["index"]  # bad data stops the build here
        self.bundle = None
        self.pages = []

    def generate_context(self):
        if is_preview(self.settings):
            return  # the edit loop keeps the last build's files and data page until its complete build
        version = shared_version(self.context, self.settings)
        self.bundle = Bundle(self.index, self.settings, version)
        langs = [lang_for(self.settings, code) for code in languages(self.settings)]
        self.pages = data_pages(self.bundle, self.settings, langs)
        self.context[CONTEXT_KEY]["pages"] = self.pages
        self.context[CONTEXT_KEY]["files"] = sorted(self.bundle.files)

    def generate_output(self, writer):
        if self.bundle is None:
            return
        root = Path(self.output_path)
        try:
            for path, entry in self.bundle.files.items():
                place(entry, root / path)
        finally:
            self.bundle.close()
        logger.info("Wrote %d download and API files (%d rendered, the rest from the cache)",
                    len(self.bundle.files), len(self.bundle.rendered))
        for page in self.pages:
            write_page(writer, self, page)
