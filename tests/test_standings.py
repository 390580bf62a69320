"""Standings (klasemen): counts from the data equal hand counts, shared ranks, pre-sorted views, the home box."""

from __future__ import annotations

import re

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset

from paritrana_core.page import Link
from paritrana_pages.standings import ranked

DATA = dataset()
SLUG = {p.name: p.slug for p in DATA.provinces}
# Counted by hand from data/winners/*.csv (winner_province and winner_kind columns), 3 December 2026.
GOVERNMENT_NATIONAL = {"Papua Barat": 5, "Sulawesi Utara": 3, "Jambi": 2}
LOCATED = {"Papua Barat": (5, 8), "Jambi": (2, 10), "Nusa Tenggara Timur": (0, 29)}  # (national, provincial rounds)
REGENCY_OWN = {"Kabupaten Raja Ampat": 3, "Kabupaten Jember": 2}  # national awards of the government itself


def rows_of(page, caption_id: str) -> dict[str, list[str]]:
    """Place name -> the cells of its row in the table whose caption has `caption_id`."""
    caption = page.by_id(caption_id)
    table = next(t for t in page.find_all("table") if caption in t.find_all("caption"))
    found = {}
    for tr in table.find_all("tr")[1:]:
        cells = [" ".join(c.text().split()) for c in tr.children if getattr(c, "tag", None) in ("td", "th")]
        rank, place = re.fullmatch(r"(\d+)\. (.+)", cells[1]).groups()  # the rank shown beside the name on phones
        assert rank == cells[0], cells
        cells[1] = place
        found[place] = cells
    return found


@pytest.mark.parametrize("counts, key, expected", [
    ([3, 2, 2, 1], "total", [1, 2, 2, 4]),
    ([1, 1, 1], "total", [1, 1, 1]),
    ([0, 5], "total", [1, 2]),
])
def test_equal_counts_share_a_rank(counts, key, expected):
    items = [{"place": Link(f"P{i}"), "national": 0, "provincial": 0, "total": n, "firsts": 0, "editions": ""}
             for i, n in enumerate(counts)]
    assert [s.rank for s in ranked(items, key)] == expected


def test_ties_are_ordered_by_first_places_then_name():
    items = [{"place": Link(name), "national": 2, "provincial": 0, "total": 2, "firsts": firsts, "editions": ""}
             for name, firsts in (("B", 0), ("A", 0), ("C", 1))]
    assert [s.place.text for s in ranked(items, "national")] == ["C", "A", "B"]


@pytest.mark.parametrize("url", ["/klasemen/", "/en/standings/"])
def test_provincial_governments_equal_hand_counts(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    rows = rows_of(page, "pemprov-tabel")
    names = {p.name: (p.name if url.startswith("/klasemen") else p.name_en) for p in DATA.provinces}
    for province, count in GOVERNMENT_NATIONAL.items():
        assert rows[names[province]][2] == str(count), (province, rows[names[province]])
    assert names["Nusa Tenggara Timur"] not in rows, "a province whose government won nothing is not in the table"
    first = next(iter(rows.values()))
    assert first[0] == "1" and first[1] == names["Papua Barat"]


def test_the_page_opens_with_the_answer_and_states_its_rules(built_site):  # noqa: F811
    page = built_site.pages["/en/standings/"]
    lead = " ".join(page.find_all("p", cls="lead")[0].text().split())
    assert lead.startswith("The provincial government with the most national awards is West Papua: 5 awards")
    rules = page.by_id("cara-hitung")
    assert rules is not None and "counted apart" in page.text()


@pytest.mark.parametrize("view, column", [("", 2), ("babak-provinsi/", 3), ("semua/", 4)])
def test_provinces_equal_hand_counts_in_every_order(built_site, view, column):  # noqa: F811
    page = built_site.pages[f"/klasemen/{view}"]
    rows = rows_of(page, f"provinsi-{view.strip('/') or 'nasional'}-tabel")
    for province, (national, provincial) in LOCATED.items():
        assert rows[province][2:5] == [str(national), str(provincial), str(national + provincial)], province
    values = [int(cells[column]) for cells in rows.values()]
    assert values == sorted(values, reverse=True), "each view is sorted by its own column"
    assert len(rows) == len({w.province for w in DATA.winners if w.province})


def test_regency_governments_count_their_own_awards(built_site):  # noqa: F811
    page = built_site.pages["/klasemen/"]
    rows = rows_of(page, "kabkota-tabel") | rows_of(page, "kabkota-lain-tabel")
    for regency, national in REGENCY_OWN.items():
        assert rows[regency][2] == str(national), rows[regency]


@pytest.mark.parametrize("url, word", [("/", "Papua Barat"), ("/en/", "West Papua")])
def test_home_has_a_most_awarded_box_linking_to_the_standings(built_site, url, word):  # noqa: F811
    page = built_site.pages[url]
    box = page.find_all("section", cls="leaders")[0]
    first = box.find_all("li")[0]
    assert word in first.text() and "5" in first.text()
    assert any(a.attrs["href"] in ("/klasemen/", "/en/standings/") for a in box.find_all("a"))
