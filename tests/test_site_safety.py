"""Hostile text in the data is shown as text; bad data stops the build cleanly and writes nothing."""

from __future__ import annotations

import re
import shutil

import pytest

from site_build import ROOT, LazyPages, append_row, dataset, run_pelican

HOSTILE = "<script>alert(1)</script> & <b>Co</b>"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The bundled data plus one winner whose name is markup, built into a temporary folder."""
    base = tmp_path_factory.mktemp("hostile")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    original = dataset()
    jatim = next(p for p in original.provinces if p.name == "Jawa Timur")
    taken = [w for w in original.winners if (w.edition, w.level, w.scope_province, w.category, w.rank)
             == (2023, "provinsi", jatim.code, "usaha_besar", 1)]
    assert not taken, "the test row would collide with an existing rank-1 slot; pick another scope"
    append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="provinsi",
               scope_province="Jawa Timur", category="usaha_besar", rank="1", title="Terbaik I",
               winner_name=HOSTILE, winner_kind="business", winner_province="Jawa Timur",
               source_url="https://example.org/berita/paritrana?a=1&b=2",
               quote='kutipan "<i>miring</i>"', note="<img src=x onerror=alert(2)>")
    out = base / "out"
    result = run_pelican(out, data)
    assert result.returncode == 0, result.stderr
    winner = next(w for w in dataset(str(data)).winners if w.name == HOSTILE)
    return out, LazyPages(out), winner, jatim


def test_no_markup_from_the_data_reaches_any_page(hostile_build):
    _out, pages, _winner, _jatim = hostile_build
    scripts = [url for url in pages if pages[url].find_all("script")]
    images = [url for url in pages if pages[url].find_all("img")]
    bold = [url for url in pages if pages[url].find_all("b")]
    assert scripts == [] and images == [] and bold == []


@pytest.mark.parametrize("url", ["/tahun/2023/", "/en/year/2023/", "/kategori/usaha-besar/",
                                 "/en/category/usaha-besar/", "/provinsi/jawa-timur/", "/en/province/jawa-timur/"])
def test_hostile_name_shows_literally(hostile_build, url):
    _out, pages, winner, jatim = hostile_build
    assert jatim.slug == "jawa-timur"
    page = pages[url]
    row = page.by_id(winner.id)
    assert row is not None, f"{url}: the added winner #{winner.id} is missing"
    assert [el.text() for el in row.find_all(cls="winner-name")] == [HOSTILE]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;" in page.source
    assert "https://example.org/berita/paritrana?a=1&b=2" in [a.attrs.get("href") for a in row.find_all("a")]
    assert "<img src=x" not in page.source


# --- bad data -------------------------------------------------------------------------------

def _unknown_winner_province(data):
    row = append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="provinsi",
                     scope_province="Bali", category="usaha_besar", title="Terbaik II", rank="2",
                     winner_name="PT Contoh Atlantis", winner_kind="business",
                     winner_province="Provinsi Atlantis", source_url="https://example.org/atlantis")
    return "winners/2023.csv", row, "winner_province"


def _unknown_category(data):
    row = append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="nasional",
                     category="usaha_raksasa", title="Terbaik", winner_name="PT Contoh",
                     winner_kind="business", source_url="https://example.org/raksasa")
    return "winners/2023.csv", row, "category"


def _coverage_not_a_number(data):
    row = append_row(data / "coverage" / "coverage.csv", province="Bali", year="2024", metric="coverage_pct",
                     value="banyak", unit="persen", source_url="https://example.org/cakupan")
    return "coverage/coverage.csv", row, "value"


@pytest.mark.parametrize("breakage", [_unknown_winner_province, _unknown_category, _coverage_not_a_number],
                         ids=lambda f: f.__name__.lstrip("_"))
def test_bad_data_stops_the_build_and_keeps_the_output(tmp_path, breakage):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    file, row, column = breakage(data)
    out = tmp_path / "out"
    (out / "tahun").mkdir(parents=True)
    (out / "sentinel.txt").write_text("previous build\n", encoding="utf-8")
    (out / "tahun" / "index.html").write_text("<p>old</p>\n", encoding="utf-8")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    result = run_pelican(out, data)

    assert result.returncode != 0
    messages = result.stderr + result.stdout
    assert re.search(rf"{re.escape(file)}:{row}:{column}: ", result.stderr), result.stderr
    assert "Traceback" not in messages
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before, "the failed build changed the existing output folder"
    assert {p.relative_to(out) for p in out.rglob("*")} == {p for p in before} | {p.parent for p in before
                                                                                 if str(p.parent) != "."}
