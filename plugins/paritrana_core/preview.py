"""The edit loop's preview builds: which work a plugin may skip.

`invoke livereload` sets PARITRANA_LIVERELOAD for the build that follows an edit. Plugins then
write only the HTML pages people read and skip the rest (downloads and the data page, feeds,
sitemap, search index, share images, badges, printable summaries); the live builder keeps those
files from the site being served and swaps in a complete build a few seconds later.
"""

from __future__ import annotations

SETTING = "PARITRANA_LIVERELOAD"


def is_preview(settings) -> bool:
    """True in the edit loop's preview build: skip everything but the pages people read."""
    return bool(settings.get(SETTING, False))
