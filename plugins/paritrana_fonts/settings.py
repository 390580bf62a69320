"""The fonts plugin's rows of the settings table, and the packages it needs."""

from __future__ import annotations

from paritrana_core.checks import beside_content, cache_folder, missing_packages
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare, declare_check

OWNER = "paritrana_fonts"
ROWS = declare(
    OWNER,
    Setting("PARITRANA_FONTS_CACHE_DIR", beside_content("fonts"), cache_folder(),
            "Subset fonts, named by a hash of the source font, the character set and the tool versions."),
)
declare_check(OWNER, missing_packages(OWNER, (("fontTools", "fonttools"), ("brotli", "brotli"),
                                             ("fontpkg_public_sans", "fontpkg-public-sans")),
                                      "`.venv/bin/pip install -r requirements.txt`"))
declare_folders(OWNER, lambda settings: [(f"{settings.get('THEME_STATIC_DIR', 'theme')}/fonts", "the site's font")])
