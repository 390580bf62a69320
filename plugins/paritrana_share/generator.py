"""The generator that writes the share kit: share images, SVG badges and printable summaries."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from paritrana_pages.parallel import write_pages
from paritrana_pages.preview import is_preview
from paritrana_pages.urls import save_as

from .cache import build_images
from .collect import STATE


class ShareGenerator(Generator):
    """Everything it writes was gathered from the data pages by collect() (pages_built)."""

    def generate_context(self):
        """Nothing of its own: the data pages arrive through pages_built."""

    def generate_output(self, writer):
        state = self.context.get(STATE)
        if state is None:
            raise SystemExit("paritrana_share: no data pages were built (is the paritrana_pages plugin enabled?)")
        if is_preview(self.settings):
            return  # the edit loop keeps the last build's images, badges and summaries until its complete build
        output = Path(self.output_path)
        self.stats = build_images(state["images"], output, Path(self.settings["PARITRANA_SHARE_CACHE_DIR"]),
                                  self.settings["PARITRANA_SHARE_WORKERS"], self.settings["PARITRANA_SHARE_POOL_MIN"])
        self.stats["badges"] = state["badge_store"].write(state["badges"], output)
        template = self.get_template("print_summary")

        def write_one(page):
            writer.write_file(save_as(page.url), template, self.context, url=page.url, meta=page,
                              lang=page.lang, **page.values)

        write_pages(state["print_pages"], write_one, writer, self.settings)  # both cores, as the data pages
