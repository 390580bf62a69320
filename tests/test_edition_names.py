"""Official names of the national rounds: sourced in data/editions.csv, led with on every heading,
badge, share image and feed, and never contradicting the label a winner's own source used."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_build import built_site  # noqa: F401
from site_build import ROOT, dataset
from site_build import badge_view

from paritrana_data.problems import Problems
from paritrana_data.vocab import load_editions

DATA = dataset()
EDITIONS = {e.year: e for e in DATA.editions}
SVG = "{http://www.w3.org/2000/svg}"
# Read by hand from ../shared/data/award_notes.md §2: the year in the name the organisers (or the
# sources the notes rely on) gave each national round; 2024 has no reported national ceremony.
HAND = {2017: 2017, 2018: 2018, 2019: 2019, 2020: 2020, 2021: 2021, 2022: 2023, 2023: 2024, 2024: None}


def expected_award(w) -> str:
    """The award name a page may show for a row: the official national name, else the source's label."""
    edition = EDITIONS.get(w.edition)
    if w.level == "nasional" and edition and edition.national_name:
        return edition.national_name
    year = w.label_year or w.edition
    return f"Paritrana Award {year}" if year else "Paritrana Award"


# --- data ---------------------------------------------------------------------------------

@pytest.mark.parametrize("year", sorted(HAND))
def test_every_edition_has_its_official_name_with_a_source_or_is_unknown(year):
    edition = EDITIONS[year]
    if HAND[year] is None:
        assert edition.national_name == "" and edition.national_name_source_url is None
        assert edition.national_ceremony is None, "an edition with a national ceremony needs its name"
        return
    assert edition.national_name == f"Paritrana Award {HAND[year]}"
    assert edition.name_year == HAND[year] and HAND[year] in edition.labels
    assert edition.national_name_source_url.startswith("https://")
    assert str(HAND[year]) in edition.national_name_quote, "the quote shows the name as the source wrote it"


def test_since_2022_the_national_round_is_named_by_its_ceremony_year():
    for edition in DATA.editions:
        if edition.national_name and edition.national_ceremony:
            expected = edition.national_ceremony.year if edition.year >= 2022 else edition.year
            assert edition.name_year == expected, edition.year


def test_every_name_source_is_a_source_the_data_already_cites():
    cited = {w.source_url for w in DATA.winners} | {e.national_source_url for e in DATA.editions}
    for edition in DATA.editions:
        if edition.national_name:
            assert edition.national_name_source_url in cited, edition.year


HEADER = ("edition,number,labels,national_ceremony,national_ceremony_place,national_source_url,note_id,note_en,"
          "national_name,national_name_source_url,national_name_quote\n")


@pytest.mark.parametrize("row, column, words", [
    ("2023,7,2023;2024,,,,,,Paritrana Award 2024,,", "national_name_source_url", "needs its source"),
    ("2023,7,2023;2024,,,,,,Paritrana Award 2025,https://example.org/a,", "national_name", "not among"),
    ("2023,7,2023;2024,,,,,,Paritrana 2024,https://example.org/a,", "national_name", "not of the form"),
    ("2023,7,2023;2024,,,,,,,https://example.org/a,", "national_name", "name is empty"),
    ("2023,7,2023;2024,,,,,,Paritrana Award 2024,not a url,", "national_name_source_url", ""),
])
def test_a_bad_official_name_is_reported_with_file_row_and_column(tmp_path: Path, row, column, words):
    path = tmp_path / "editions.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    problems = Problems()
    load_editions(path, problems)
    found = [p for p in problems.errors if p.column == column]
    assert found and found[0].row == 2 and words in found[0].message, problems.errors


def test_the_bundled_editions_file_has_the_name_columns():
    with (ROOT / "data" / "editions.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert {"national_name", "national_name_source_url", "national_name_quote"} <= set(header)


# --- pages, badges, share images, feeds ---------------------------------------------------

@pytest.mark.parametrize("year", sorted(y for y in HAND if HAND[y]))
def test_edition_heading_and_share_image_lead_with_the_official_name(built_site, year):  # noqa: F811
    name = f"Paritrana Award {HAND[year]}"
    for url in (f"/tahun/{year}/", f"/en/year/{year}/"):
        page = built_site.pages[url]
        h1 = page.find_all("h1")[0].text().strip()
        assert h1.startswith(name), (url, h1)
        alt = [el.attrs["content"] for el in page.find_all("meta", property="og:image:alt")][0]
        assert alt.startswith(name), (url, alt)
        assert page.find_all("title")[0].text().startswith(name)


def test_a_year_that_names_two_rounds_points_to_both(built_site):  # noqa: F811
    """'Paritrana Award 2024' is the national round of edition 2023 and the assessment year 2024."""
    page = built_site.pages["/tahun/2024/"]
    links = [a.attrs["href"] for p in page.find_all("p", cls="disambiguation") for a in p.find_all("a")]
    assert "/tahun/2023/" in links
    links = [a.attrs["href"] for p in built_site.pages["/en/year/2023/"].find_all("p", cls="disambiguation")
             for a in p.find_all("a")]
    assert {"/en/year/2022/", "/en/year/2024/"} <= set(links)
    index = " ".join(built_site.pages["/tahun/"].text().split())
    assert "Paritrana Award 2024: babak nasional Paritrana Award 2024 (edisi 2023)" in index


def test_no_row_says_the_source_uses_one_of_the_editions_known_names(built_site):  # noqa: F811
    text = built_site.pages["/tahun/2023/"].text()
    assert "Sumber menyebutnya Paritrana Award 2024" not in text
    assert "Sumber menyebutnya Paritrana Award 2023" not in text


def test_every_badge_uses_the_name_its_winners_sources_use(built_site):  # noqa: F811
    checked = 0
    for w in DATA.winners:
        file = built_site.root / "lencana" / f"{w.id}.svg"
        if not file.exists():
            continue
        stack = ET.parse(file).getroot()
        for lang in ("id", "en"):
            root = badge_view(stack, lang)
            title = root.find(f"{SVG}title").text
            drawn = " ".join(t for el in root.iter(f"{SVG}text") for t in el.itertext())
            assert f" · {expected_award(w)} · " in title, (w.id, title)
            assert expected_award(w).upper() in drawn, (w.id, drawn)
            checked += 1
    national = [w for w in DATA.winners if w.level == "nasional" and w.edition == 2023 and w.province]
    assert national and checked >= 100


def test_feed_entries_are_titled_by_the_official_name(built_site):  # noqa: F811
    atom_id = (built_site.root / "feeds" / "terbaru.atom.xml").read_text(encoding="utf-8")
    atom_en = (built_site.root / "en" / "feeds" / "latest.atom.xml").read_text(encoding="utf-8")
    assert '<title type="text">Paritrana Award 2024 (edisi 2023): ' in atom_id
    assert '<title type="text">Paritrana Award 2024 (2023 edition): ' in atom_en
    assert '<title type="text">Paritrana Award edisi 2024: ' in atom_id, "an unknown name stays unknown"
