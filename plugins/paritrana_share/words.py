"""The best result of a place and its place in the words its award's title uses ("Juara 1", "Terbaik 2").

Recipients share what their own press release says: "Juara 1 Paritrana Award 2024", "Terbaik I",
"Harapan I". The Indonesian wording follows the title the source gave (the first of juara/jawara,
terbaik, peringkat that it uses); a title without one keeps the site's neutral label ("Peringkat 1",
"Pemenang"). Nothing is invented: no rank is stated that the data does not hold.
"""

from __future__ import annotations

import re

from paritrana_core.index import winner_order
from paritrana_data.winners import harapan_place

# The words a title may use for a place, as they are written in a headline.
TITLE_WORDS = (("Juara", r"\bjuara\b|\bjawara\b"), ("Terbaik", r"\bterbaik\b"), ("Peringkat", r"\bperingkat\b"))
# How good a result is, after its level: a stated place, an unranked win, a harapan, the rest.
TIERS = {"winner": 1, "khusus": 1, "coverage": 1, "inovasi": 1, "harapan": 2, "nominasi": 3, "piagam": 3}


def title_word(title: str) -> str | None:
    """The word the title uses for the place: the first of Juara, Terbaik, Peringkat in it, if any."""
    lowered = title.lower()
    found = [(m.start(), word) for word, pattern in TITLE_WORDS if (m := re.search(pattern, lowered))]
    return min(found)[1] if found else None


def rank_words(labels, w) -> str:
    """'Juara 1', 'Terbaik 2', 'Harapan 1' in Indonesian; '1st place', 'Honourable mention' in English."""
    _ = labels.lang._
    if w.distinction == "harapan":
        number = harapan_place(w.title)
        return _("Honourable mention %(place)s", place=number) if number else labels.place(None, "harapan")
    word = title_word(w.title) if labels.lang.code == "id" else None
    if w.rank and word:
        return f"{word} {w.rank}"
    if w.rank:
        return labels.place(w.rank, w.distinction)
    if w.distinction == "winner":
        return word if word in ("Juara", "Terbaik") else _("Winner")
    return labels.place(None, w.distinction)


def best_key(w) -> tuple:
    """National before provincial rounds, then the better place, then the newer edition."""
    tier = 0 if w.rank and w.distinction != "harapan" else TIERS.get(w.distinction, 3)
    return (w.level != "nasional", tier, w.rank or 9, w.edition is None, -(w.edition or 0), winner_order(w))


def best_result(winners, own):
    """The result a place is proudest of: its government's best, else the best of any winner in it."""
    pool = own or winners
    return min(pool, key=best_key) if pool else None
