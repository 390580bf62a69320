"""The data pages' signal (sent by paritrana_pages) that other plugins connect to, and the hand-over of their pages."""

from blinker import signal

# Sent with the list of Page objects (all languages) once they are built, before any is written.
# Receivers get `index` (DataIndex) and `settings`; they may add entries to page.values.
pages_built = signal("paritrana_pages_built")

EXTRA = "extra_pages"


def add_pages(context, pages) -> None:
    """Have more pages (a plugin's own, such as printable summaries) written with the data pages:
    same writer, language by language on both cores. Call it from a pages_built receiver."""
    context.setdefault("paritrana", {}).setdefault(EXTRA, []).extend(pages)
