"""Cut Public Sans (variable weight, from the pinned package) down to the Latin characters, as WOFF2."""

from __future__ import annotations

import hashlib
import io
import json
from functools import lru_cache
from pathlib import Path

# Basic Latin, Latin-1, Latin Extended-A and the punctuation, currency and maths signs of the pages:
# every letter of Indonesian and English and of the names in the data. The font has each of them (a
# test checks), and the CSS declares the same range (`unicode-range`), so any other character (an
# arrow, a script the font lacks) comes from the reader's own fonts.
RANGES = ((0x0020, 0x007E), (0x00A0, 0x0131), (0x0134, 0x0148), (0x014A, 0x017E), (0x02BB, 0x02BC),
          (0x02C6, 0x02C6), (0x02DA, 0x02DA), (0x02DC, 0x02DC), (0x2013, 0x2014), (0x2018, 0x201A),
          (0x201C, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026), (0x2030, 0x2030), (0x2039, 0x203A),
          (0x2044, 0x2044), (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2212, 0x2212))
# OpenType features kept: kerning and ligatures, tabular and lining figures (tables), case forms.
FEATURES = ("kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "tnum", "lnum", "pnum", "case")
FILE_NAME = "public-sans-latin.woff2"
LICENCE_NAME = "public-sans-OFL.txt"
VERSION = 1  # bump when the way the subset is made changes


def source_font() -> Path:
    """PublicSans[wght].ttf as shipped by fontpkg-public-sans (never a system font)."""
    import fontpkg_public_sans

    return Path(fontpkg_public_sans.ROOT) / "files" / "PublicSans[wght].ttf"


def licence_text() -> bytes:
    """The SIL Open Font License text shipped with the font package."""
    import fontpkg_public_sans

    return (Path(fontpkg_public_sans.ROOT) / "LICENSE").read_bytes()


def codepoints() -> list[int]:
    return [c for a, b in RANGES for c in range(a, b + 1)]


@lru_cache(maxsize=None)
def digest() -> str:
    """A hash of everything that decides the subset's bytes: source font, characters, features, tools."""
    import brotli
    import fontTools

    payload = {"font": hashlib.sha256(source_font().read_bytes()).hexdigest(), "ranges": RANGES,
               "features": FEATURES, "fonttools": fontTools.version, "brotli": brotli.__version__,
               "version": VERSION}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def make_woff2(source: Path | None = None) -> bytes:
    """The subset font as WOFF2 bytes; the same inputs give the same bytes (no timestamps)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = list(FEATURES)
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.notdef_outline = True
    font = TTFont(source or source_font(), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()
