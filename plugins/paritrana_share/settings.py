"""The share kit's rows of the settings table, and the packages and font it needs."""

from __future__ import annotations

from paritrana_core.checks import beside_content, cache_folder, missing_packages, whole_number
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare, declare_check, languages, usable_cores
from paritrana_core.urls import url

from .paths import BADGE_DIR, IMAGE_DIR

OWNER = "paritrana_share"
ROWS = declare(
    OWNER,
    Setting("PARITRANA_SHARE_CACHE_DIR", beside_content("share"), cache_folder(),
            "Rendered PNGs, keyed by a hash of everything drawn; outside output/ so builds reuse them."),
    Setting("PARITRANA_SHARE_WORKERS", lambda _s: usable_cores(), whole_number(1),
            "Processes that render new share images (1 renders in the build process itself)."),
    Setting("PARITRANA_SHARE_POOL_MIN", 24, whole_number(1),
            "Below this many new images, rendering in the build process beats starting a pool."),
    Setting("PARITRANA_SHARE_PRINT_LIMIT", 12, whole_number(1),
            "Most awards listed on a printable summary, so that it stays one A4 page."),
    Setting("PARITRANA_SHARE_BADGE_LIMIT", 30, whole_number(1),
            "A place page offers a badge for each award up to this many; a longer page offers those of the "
            "place's government only (fewer files, and a list a reader can still use)."),
)
_packages = missing_packages(OWNER, (("PIL", "Pillow"), ("segno", "segno"), ("fontpkg_public_sans", "fontpkg-public-sans")),
                             "run `python3 dev.py serve` or `.venv/bin/pip install -r requirements.txt`")


def check_packages(settings) -> list[str]:
    """The font and QR packages come from requirements.txt; say so instead of a traceback."""
    problems = _packages(settings)
    if problems:
        return problems
    from .card import font_path

    if not font_path().is_file():
        return [f"{OWNER}: the font file {font_path()} is missing; reinstall fontpkg-public-sans "
                "(`.venv/bin/pip install --force-reinstall -r requirements.txt`)"]
    return []


declare_check(OWNER, check_packages)


def claims(settings) -> list[tuple[str, str]]:
    """The share images of every language and the badges."""
    return [*((url("home", code) + IMAGE_DIR[code], "share images") for code in languages(settings)),
            (BADGE_DIR, "award badges")]


declare_folders(OWNER, claims)
