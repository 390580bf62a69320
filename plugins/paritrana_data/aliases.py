"""Values as people write them: vocabulary look-ups by any known name, and ranks in any notation."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from .values import ValueProblem

# Words that frame a name without changing it: "Kategori UKM Terbaik" is the category "UKM".
_FRAME_WORDS = re.compile(r"^(?:kategori|category|tingkat|level|zona|zone|sektor|sector)\s+|\s+(?:terbaik)$")

LEVEL_NAMES = {
    "nasional": ("nasional", "national", "tingkat nasional", "national level", "pusat"),
    "provinsi": ("provinsi", "provincial", "province", "tingkat provinsi", "provincial level",
                 "prov", "babak provinsi", "provincial round"),
}

ROMAN = {"i": 1, "ii": 2, "iii": 3}
WORDS = {"pertama": 1, "kesatu": 1, "satu": 1, "first": 1, "kedua": 2, "dua": 2, "second": 2,
         "ketiga": 3, "tiga": 3, "third": 3}
_RANK_PREFIX = r"(?:juara|peringkat|terbaik|rank|place|posisi|urutan|winner|pemenang)"
_RANK = re.compile(
    rf"^(?:(?P<harapan>(?:juara\s+)?harapan)|{_RANK_PREFIX})?\s*(?:ke\s*)?(?P<n>[0-9]+|i{{1,3}}|[a-z]+)$")


class Ambiguous(ValueError):
    """A name that two entries of one vocabulary carry."""

    def __init__(self, slugs: list[str]):
        super().__init__(", ".join(slugs))
        self.slugs = slugs


@functools.lru_cache(maxsize=None)  # pure, and called once per row and vocabulary: compute each value once
def keys(text: str) -> tuple[str, ...]:
    """Look-up keys of a name: case, accents, spacing and punctuation ignored; framing words dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = " ".join(re.sub(r"[^a-z0-9()]+", " ", ascii_text).split())
    out = []
    for variant in (words, re.sub(r"\([^)]*\)", " ", words)):
        variant = " ".join(variant.replace("(", " ").replace(")", " ").split())
        for _ in range(3):
            variant = _FRAME_WORDS.sub("", variant).strip()
        key = variant.replace(" ", "")
        if key and key not in out:
            out.append(key)
    return tuple(out)


class Lookup:
    """One vocabulary: every name an entry carries, resolved to its slug."""

    def __init__(self, what: str):
        self.what = what
        self._exact: dict[str, set[str]] = {}
        self._loose: dict[str, set[str]] = {}
        self.names: dict[str, str] = {}  # name as written -> slug, for suggestions
        self.slugs: list[str] = []
        self._how: dict[str, str] = {}  # key -> how the name is known ('label', 'alias' ...)

    def add(self, slug: str, *names: str, how: str = "name") -> None:
        """Names of one entry; `how` says what they are (the slug itself is always 'slug')."""
        if slug not in self.slugs:
            self.slugs.append(slug)
            self.add_names(slug, (slug,), "slug")
        self.add_names(slug, names, how)

    def add_names(self, slug: str, names, how: str) -> None:
        for name in names:
            name = (name or "").strip()
            if not name:
                continue
            self.names.setdefault(name, slug)
            found = keys(name)
            self._exact.setdefault(found[0], set()).add(slug)
            self._how.setdefault(found[0], how)
            for key in found[1:]:
                self._loose.setdefault(key, set()).add(slug)
                self._how.setdefault(key, how)

    def how(self, text: str) -> str:
        """What kind of name `text` matched: 'slug', 'label', 'alias', 'name over the editions'..."""
        return next((self._how[k] for k in keys(text) if k in self._how), "name")

    def find(self, text: str) -> str | None:
        """The slug a name stands for, None when unknown; raises Ambiguous for a shared name."""
        found = keys(text)
        for table, key in [(self._exact, k) for k in found] + [(self._loose, k) for k in found]:
            slugs = table.get(key)
            if slugs:
                if len(slugs) > 1:
                    raise Ambiguous(sorted(slugs))
                return next(iter(slugs))
        return None

    def closest(self, text: str, n: int = 3) -> list[str]:
        """Slugs whose names look most like `text`, best first."""
        want = keys(text)[0] if keys(text) else text.lower()
        scored = {}
        for name, slug in self.names.items():
            score = difflib.SequenceMatcher(None, want, keys(name)[0] if keys(name) else name).ratio()
            scored[slug] = max(scored.get(slug, 0), score)
        best = sorted((s for s in scored if scored[s] >= 0.5), key=lambda s: (-scored[s], s))
        return best[:n]


def level_lookup() -> Lookup:
    """The two levels of the award under every name sources give them."""
    lookup = Lookup("level")
    for slug, names in LEVEL_NAMES.items():
        lookup.add(slug, *names, how="level name")
    return lookup


@functools.lru_cache(maxsize=None)  # pure; a refused rank raises, and raising is not cached
def parse_rank(text: str) -> tuple[int, bool]:
    """(place, is_harapan) from '1', '1.0', 'I', 'Juara I', 'Peringkat II', 'Terbaik 3', 'Harapan 1'."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", text.strip().lower()).split())
    folded = re.sub(r"^(\d+) 0$", r"\1", folded)  # a number cell stored as a decimal: 1.0
    match = _RANK.match(folded)
    number = None
    if match:
        n = match.group("n")
        number = int(n) if n.isdigit() else ROMAN.get(n) or WORDS.get(n)
    if number is None or not 1 <= number <= 3:
        raise ValueProblem(f"rank '{text}' is not 1, 2 or 3",
                           "leave rank empty when the source gives no order; put other titles in 'title'")
    return number, bool(match.group("harapan"))
