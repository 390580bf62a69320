"""Normalise names as written in sources so that variants compare equal."""

from __future__ import annotations

import functools
import re
import unicodedata

_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Prefixes naming a government or region type, longest first; value = regency kind they imply.
REGENCY_PREFIXES = (
    ("pemerintahan kabupaten", "kabupaten"), ("pemerintah kabupaten", "kabupaten"),
    ("pemerintah daerah kabupaten", "kabupaten"), ("pemerintah kota", "kota"),
    ("pemerintah daerah kota", "kota"), ("pemerintahan kota", "kota"),
    ("kabupaten administrasi", "kabupaten"), ("kota administrasi", "kota"),
    ("pemkab", "kabupaten"), ("pemkot", "kota"), ("pemko", "kota"), ("kabupaten", "kabupaten"),
    ("kab", "kabupaten"), ("kota", "kota"), ("pemda", None), ("pemerintah daerah", None),
    ("pemerintah", None),
)
PROVINCE_PREFIXES = ("pemerintah daerah provinsi", "pemerintah provinsi", "pemerintahan provinsi",
                     "pemprov", "provinsi", "prov", "pemerintah")


@functools.lru_cache(maxsize=None)  # pure, and called once per row: compute each distinct value once
def fold(text: str) -> str:
    """Lower case ASCII words separated by single spaces, without parenthesised asides."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _PARENS.sub(" ", text.lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


def squash(text: str) -> str:
    """Fold and drop spaces, so 'Tanjung Pinang' equals 'Tanjungpinang'."""
    return fold(text).replace(" ", "")


def split_regency_prefix(text: str) -> tuple[str | None, str]:
    """('kota', 'makassar') from 'Pemkot Makassar'; (None, name) when no prefix says the kind."""
    folded = fold(text)
    for prefix, kind in REGENCY_PREFIXES:
        if folded.startswith(prefix + " "):
            return kind, folded[len(prefix) + 1:]
    return None, folded


def strip_province_prefix(text: str) -> str:
    """'pemerintah provinsi jawa tengah' -> 'jawa tengah'."""
    folded = fold(text)
    for prefix in PROVINCE_PREFIXES:
        if folded.startswith(prefix + " "):
            return folded[len(prefix) + 1:]
    return folded


def slugify(text: str) -> str:
    """URL slug: lower case ASCII words joined by hyphens."""
    return fold(text).replace(" ", "-")
