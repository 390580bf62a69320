"""Parse single cell values: numbers in Indonesian or English notation, dates, URLs, ranks."""

from __future__ import annotations

import functools
import re
from datetime import date

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8,
    "aug": 8, "agt": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12,
    "december": 12, "des": 12, "dec": 12,
}


class ValueProblem(ValueError):
    """A cell that cannot be read; `hint` says how to fix it."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_ID_FULL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")
_EN_FULL = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")


def parse_number(text: str, counts: bool) -> float:
    """Read '41,61', '2.617.816', '2,617,816', '41.61'; `counts` says a number counts people."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    value = raw[1:] if raw[:1] in ("-", "+") else raw
    sign = -1.0 if raw.startswith("-") else 1.0
    if _ID_FULL.match(value):
        return sign * float(value.replace(".", "").replace(",", "."))
    if _EN_FULL.match(value):
        return sign * float(value.replace(",", ""))
    for pattern, sep in ((_GROUPED_DOT, "."), (_GROUPED_COMMA, ",")):
        if pattern.match(value):
            if value.count(sep) > 1 or counts:
                return sign * float(value.replace(sep, ""))
            raise ValueProblem(f"'{text}' is ambiguous: {sep} may separate thousands or decimals",
                               "write the number without thousands separators, e.g. 2617816 or 41,61")
    if _PLAIN.match(value):
        return sign * float(value.replace(",", "."))
    raise ValueProblem(f"'{text}' is not a number", "write digits only, e.g. 41,61 or 2617816")


def parse_range(text: str, counts: bool) -> tuple[float, float | None]:
    """A number or a range such as '41-42' (low, high)."""
    parts = re.split(r"\s*[\u2013\-]\s*(?=\d)", text.strip())
    if len(parts) == 2 and parts[0]:
        low, high = parse_number(parts[0], counts), parse_number(parts[1], counts)
        if high < low:
            raise ValueProblem(f"range '{text}' runs backwards", "write the lower number first")
        return low, high
    return parse_number(text, counts), None


@functools.lru_cache(maxsize=None)  # pure, and called once per row: compute each distinct value once
def parse_date(text: str) -> date:
    """A full date: 2024-09-12, 12/09/2024 or 12 September 2024."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match:
        y, m, d = map(int, match.groups())
    elif (match := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", value)):
        d, m, y = map(int, match.groups())
    elif (match := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", value)) and \
            match.group(2).lower() in MONTHS:
        d, m, y = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        raise ValueProblem(f"'{text}' is not a date", "write it as YYYY-MM-DD, e.g. 2024-09-12")
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem(f"'{text}' is not a real calendar date",
                           "check the day and month") from None


def parse_partial_date(text: str) -> str:
    """A date that may be partial: YYYY, YYYY-MM or a full date; returned in ISO form."""
    value = text.strip()
    if re.fullmatch(r"\d{4}", value):
        return value
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if match:
        year, month = map(int, match.groups())
        if not 1 <= month <= 12:
            raise ValueProblem(f"'{text}' has no month {month}", "write YYYY-MM with a month 01-12")
        return f"{year:04d}-{month:02d}"
    return parse_date(value).isoformat()


@functools.lru_cache(maxsize=None)  # pure, and called once per row: compute each distinct value once
def parse_year(text: str, low: int, high: int,
               hint: str = "the award exists since the 2017 edition; check for a typo") -> int:
    """A whole year within [low, high]; `hint` says what a year out of range likely means."""
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not re.fullmatch(r"\d{4}", value):
        raise ValueProblem(f"'{text}' is not a year", "write four digits, e.g. 2024")
    year = int(value)
    if not low <= year <= high:
        raise ValueProblem(f"year {year} is outside {low}–{high}", hint)
    return year


# scheme http(s), a host, no white space: one regex instead of urlsplit (it runs once per row)
_WEB_ADDRESS = re.compile(r"(?i:https?)://[^/?#\s]+[^\s]*")


def parse_url(text: str) -> str:
    """An absolute http(s) URL with a host; anything else (javascript:, relative) is refused."""
    value = text.strip()
    if not _WEB_ADDRESS.fullmatch(value):
        raise ValueProblem(f"'{text}' is not a web address",
                           "give the full source address starting with https:// or http://")
    return value


ORDINALS = {"i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3, "pertama": 1, "kedua": 2,
            "ketiga": 3, "satu": 1, "dua": 2, "tiga": 3}
_TITLE_RANK = re.compile(
    r"\b(?:terbaik|juara|peringkat|urutan|posisi|ke|rank)[\s\-]*(i{1,3}|[123]|pertama|kedua|ketiga|satu|dua|tiga)\b(?!\s+kali)"
    r"|\b(pertama|kedua|ketiga)\b(?!\s+kali)", re.IGNORECASE)  # not "untuk ketiga kalinya"


@functools.lru_cache(maxsize=None)  # pure, and called once per row: compute each distinct value once
def rank_in_title(title: str) -> int | None:
    """The rank a title states ('Terbaik I', 'juara 2', 'urutan ketiga'), if any, else None."""
    if re.search(r"\bharapan\b", title, re.IGNORECASE):
        return None
    found = {ORDINALS[(m.group(1) or m.group(2)).lower()] for m in _TITLE_RANK.finditer(title)}
    return found.pop() if len(found) == 1 else None
