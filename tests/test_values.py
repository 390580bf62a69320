"""Unit tests for single-cell parsing in paritrana_data.values."""

from __future__ import annotations

from datetime import date

import pytest

from paritrana_data.values import (ValueProblem, parse_date, parse_number, parse_partial_date, parse_range,
                                   parse_url, parse_year, rank_in_title)


@pytest.mark.parametrize(("text", "counts", "expected"), [
    ("41,61", False, 41.61),
    ("41.61", False, 41.61),
    ("0,4", False, 0.4),
    ("100", False, 100.0),
    ("  42 ", False, 42.0),
    ("2.617.816", False, 2617816.0),
    ("2,617,816", False, 2617816.0),
    ("2.617", True, 2617.0),
    ("2,617", True, 2617.0),
    ("1.234,5", False, 1234.5),
    ("1,234.5", False, 1234.5),
    ("2 617 816", True, 2617816.0),
    ("2\u00a0617\u00a0816", True, 2617816.0),
    ("-5", False, -5.0),
    ("+5", False, 5.0),
])
def test_parse_number_reads(text, counts, expected):
    """Indonesian and English notations give the same number."""
    assert parse_number(text, counts) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "counts", "message"), [
    ("2.617", False, "'2.617' is ambiguous: . may separate thousands or decimals"),
    ("41,616", False, "'41,616' is ambiguous: , may separate thousands or decimals"),
    ("abc", False, "'abc' is not a number"),
    ("", True, "'' is not a number"),
    ("41,61%", False, "'41,61%' is not a number"),
    ("1.2.3", True, "'1.2.3' is not a number"),
    ("2,61,7816", True, "'2,61,7816' is not a number"),
    ("Rp 5.000", True, "'Rp 5.000' is not a number"),
])
def test_parse_number_refuses(text, counts, message):
    """Ambiguous or non-numeric text is refused with a message that quotes it."""
    with pytest.raises(ValueProblem) as info:
        parse_number(text, counts)
    assert info.value.message == message
    assert info.value.hint


@pytest.mark.parametrize(("text", "counts", "expected"), [
    ("42", False, (42.0, None)),
    ("41-42", False, (41.0, 42.0)),
    ("41 – 42", False, (41.0, 42.0)),
    ("41,5-42,5", False, (41.5, 42.5)),
    ("2.617.816 - 2.700.000", True, (2617816.0, 2700000.0)),
    ("42-42", False, (42.0, 42.0)),
    ("-5", False, (-5.0, None)),
])
def test_parse_range_reads(text, counts, expected):
    """A single number or a low-high range."""
    assert parse_range(text, counts) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("42-41", "range '42-41' runs backwards"),
    ("41-", "'41-' is not a number"),
    ("1-2-3", "'1-2-3' is not a number"),
])
def test_parse_range_refuses(text, message):
    """Backwards or malformed ranges are refused."""
    with pytest.raises(ValueProblem, match=f"^{message}$"):
        parse_range(text, False)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-09-12", date(2024, 9, 12)),
    ("2024-9-2", date(2024, 9, 2)),
    (" 2024-09-12 ", date(2024, 9, 12)),
    ("12/09/2024", date(2024, 9, 12)),
    ("12.09.2024", date(2024, 9, 12)),
    ("12 September 2024", date(2024, 9, 12)),
    ("12 Sept. 2024", date(2024, 9, 12)),
    ("1 Mei 2024", date(2024, 5, 1)),
    ("5 Nopember 2020", date(2020, 11, 5)),
    ("29 Februari 2024", date(2024, 2, 29)),
])
def test_parse_date_reads(text, expected):
    """ISO, day/month/year and Indonesian or English month names."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2024-02-30", "'2024-02-30' is not a real calendar date"),
    ("29 Februari 2023", "'29 Februari 2023' is not a real calendar date"),
    ("31 Juni 2024", "'31 Juni 2024' is not a real calendar date"),
    ("12/13/2024", "'12/13/2024' is not a real calendar date"),
    ("2024/09/12", "'2024/09/12' is not a date"),
    ("12 Foo 2024", "'12 Foo 2024' is not a date"),
    ("kemarin", "'kemarin' is not a date"),
    ("", "'' is not a date"),
])
def test_parse_date_refuses(text, message):
    """Impossible or unreadable dates are refused."""
    with pytest.raises(ValueProblem, match=f"^{message}$"):
        parse_date(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024", "2024"),
    ("2024-5", "2024-05"),
    ("2024-05", "2024-05"),
    ("2024-05-31", "2024-05-31"),
    ("31/05/2024", "2024-05-31"),
    ("31 Mei 2024", "2024-05-31"),
])
def test_parse_partial_date_reads(text, expected):
    """Year, year-month or a full date, returned in ISO form."""
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2024-13", "'2024-13' has no month 13"),
    ("2024-00", "'2024-00' has no month 0"),
    ("2024-02-30", "'2024-02-30' is not a real calendar date"),
    ("Mei 2024", "'Mei 2024' is not a date"),
    ("24", "'24' is not a date"),
])
def test_parse_partial_date_refuses(text, message):
    """Impossible months and unreadable text are refused."""
    with pytest.raises(ValueProblem, match=f"^{message}$"):
        parse_partial_date(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("HTTPS://EXAMPLE.ORG/x", "HTTPS://EXAMPLE.ORG/x"),
    ("  https://example.org/x  ", "https://example.org/x"),
    ("https://example.org/berita?id=1,2#bagian", "https://example.org/berita?id=1,2#bagian"),
])
def test_parse_url_accepts_absolute_web_addresses(text, expected):
    """Absolute http(s) addresses pass, trimmed."""
    assert parse_url(text) == expected


@pytest.mark.parametrize("text", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "mailto:humas@example.org", "ftp://example.org/x", "/berita/1", "berita/1.html",
    "www.example.org/x", "//example.org/x", "https://", "https:///path", "https://exa mple.org", "",
])
def test_parse_url_refuses_everything_else(text):
    """Scripts, relative paths, missing hosts and other schemes are refused."""
    with pytest.raises(ValueProblem) as info:
        parse_url(text)
    assert info.value.message == f"'{text}' is not a web address"


@pytest.mark.parametrize(("text", "expected"), [("2024", 2024), ("2024.0", 2024), (" 2017 ", 2017)])
def test_parse_year_reads(text, expected):
    """Four digits, also as Excel writes them."""
    assert parse_year(text, 2017, 2100) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("24", "'24' is not a year"), ("2016", "year 2016 is outside 2017–2100"),
    ("2101", "year 2101 is outside 2017–2100"),
])
def test_parse_year_refuses(text, message):
    """Short or out-of-range years are refused."""
    with pytest.raises(ValueProblem, match=f"^{message}$"):
        parse_year(text, 2017, 2100)


@pytest.mark.parametrize(("title", "expected"), [
    ("Terbaik I", 1), ("Terbaik II", 2), ("Terbaik III", 3), ("Juara 1", 1), ("juara 2", 2),
    ("terbaik ke-3 se-Indonesia", 3), ("urutan ketiga", 3), ("Peringkat Pertama", 1), ("posisi ketiga", 3),
    ("juara dua", 2), ("diikuti (urutan kedua)", 2), ("UKM Terbaik 1", 1), ("Terbaik I kategori Pemerintah Provinsi", 1),
    ("Juara Harapan I", None), ("Harapan 2", None), ("Terbaik IV", None), ("peringkat 10", None),
    ("Juara 1 dan Juara 2", None), ("Anugerah Paritrana", None), ("Terbaik Coverage Zona Jawa-Bali", None),
    ("Juara Umum", None), ("", None),
])
def test_rank_in_title(title, expected):
    """The rank a title states, or None when it states none, several, or a harapan place."""
    assert rank_in_title(title) == expected
