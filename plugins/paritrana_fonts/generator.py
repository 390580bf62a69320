"""Write the subset font and its licence under the theme folder of the output, cached between builds."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.generators import Generator

from paritrana_core.files import place

from .subset import FILE_NAME, LICENCE_NAME, digest, licence_text, make_woff2


def cached_font(cache_dir: Path) -> Path:
    """The subset font in the cache, made first when this source, character set and toolset lack one."""
    target = Path(cache_dir) / f"{digest()}.woff2"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(make_woff2())
        partial.replace(target)
    return target


class FontsGenerator(Generator):
    """Puts theme/fonts/public-sans-latin.woff2 and the font's licence into the output."""

    def generate_output(self, writer=None):
        folder = Path(self.output_path) / self.settings.get("THEME_STATIC_DIR", "theme") / "fonts"
        folder.mkdir(parents=True, exist_ok=True)
        place(cached_font(Path(self.settings["PARITRANA_FONTS_CACHE_DIR"])), folder / FILE_NAME)
        (folder / LICENCE_NAME).write_bytes(licence_text())
