"""An example plugin written against paritrana_core alone: a setting, a claimed folder, a menu entry
and a page in both languages, linked to each other (docs/PLUGINS.md walks through it)."""

from pelican import signals
from pelican.generators import Generator

import paritrana_core
from paritrana_core.checks import text
from paritrana_core.folders import declare_folders
from paritrana_core.navigation import add_menu_entry
from paritrana_core.page import Link, Page, link_translations, write_page
from paritrana_core.settings import Setting, declare, languages
from paritrana_core.urls import url

OWNER = "paritrana_example"
URLS = {"id": "contoh/", "en": "en/example/"}
TITLES = {"id": "Contoh", "en": "Example"}

declare(OWNER, Setting("PARITRANA_EXAMPLE_GREETING", "Halo", text("Halo"), "What the example page says."))
declare_folders(OWNER, lambda settings: [(page_url, "example page") for page_url in URLS.values()])
add_menu_entry(OWNER, 90, TITLES, URLS)


class ExampleGenerator(Generator):
    """Writes the example page in every language through the core's writer."""

    def generate_output(self, writer):
        langs = languages(self.settings)
        greeting = self.settings["PARITRANA_EXAMPLE_GREETING"]
        pages = [Page(("example",), code, URLS[code], "example", TITLES[code], greeting,
                      [Link(TITLES[code], url("home", code))], {"greeting": greeting}) for code in langs]
        link_translations(pages, langs)
        for page in pages:
            write_page(writer, self, page)


def _generators(pelican):
    return ExampleGenerator


def register():
    """Use the core, add the example generator."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
