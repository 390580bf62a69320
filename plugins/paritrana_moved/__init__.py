"""Old addresses keep working: a category merged into another leaves a page that sends readers on."""


def register():
    """Hand the pages generator a moved-page for every former category slug, in every language."""
    from paritrana_core.hooks import pages_built

    from .pages import add_moved_pages

    pages_built.connect(add_moved_pages)
