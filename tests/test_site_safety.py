"""Hostile text in the data is shown as text; bad data stops the build cleanly and writes nothing."""

from __future__ import annotations

import re
import shutil

import pytest

from site_build import ROOT, LazyPages, append_row, dataset, run_pelican

HOSTILE = "<script>alert(1)</script> & <b>Co</b>"


def hostile_build(base):
    """The bundled data plus one winner whose name (and note) is markup, built under `base`."""
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


HOSTILE_PAGES = ["/tahun/2023/", "/en/year/2023/", "/kategori/usaha-besar/", "/en/category/usaha-besar/",
                 "/provinsi/jawa-timur/", "/en/province/jawa-timur/"]


def test_markup_in_the_data_is_shown_as_text(tmp_path):
    """One build (so it is not repeated per xdist worker), checked on every page that lists the winner."""
    out, pages, winner, jatim = hostile_build(tmp_path)
    assert jatim.slug == "jawa-timur"
    problems = []
    for url in HOSTILE_PAGES:
        page = pages[url]
        row = page.by_id(winner.id)
        if row is None:
            problems.append(f"{url}: the added winner #{winner.id} is missing")
            continue
        injected = ([el.tag for el in page.find_all("script") if "alert(1)" in el.text()]
                    + [el.tag for el in page.find_all("b") if el.text() == "Co"]
                    + [el.tag for el in page.find_all("img", src="x")])
        if injected:
            problems.append(f"{url}: elements from the data's markup are in the page: {injected}")
        names = [el.text() for el in row.find_all(cls="winner-name")]
        if names != [HOSTILE]:
            problems.append(f"{url}: the name shows as {names}, expected the literal text {HOSTILE!r}")
        if "https://example.org/berita/paritrana?a=1&b=2" not in [a.attrs.get("href") for a in row.find_all("a")]:
            problems.append(f"{url}: the source link is wrong")
    leaked = sorted(str(f.relative_to(out)) for f in out.rglob("*.html")
                    if "<script>alert(1)" in (text := f.read_text(encoding="utf-8")) or "<img src=x" in text)
    if leaked:
        problems.append(f"raw markup from the data in {leaked}")
    assert not problems, "\n".join(problems)


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


BREAKAGES = [_unknown_winner_province, _unknown_category, _coverage_not_a_number]


def test_bad_data_stops_the_build_and_keeps_the_output(tmp_path):
    """Three broken rows in one build (every problem is reported at once); the output stays as it was."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    places = [breakage(data) for breakage in BREAKAGES]
    out = tmp_path / "out"
    (out / "tahun").mkdir(parents=True)
    (out / "sentinel.txt").write_text("previous build\n", encoding="utf-8")
    (out / "tahun" / "index.html").write_text("<p>old</p>\n", encoding="utf-8")
    before = {p.relative_to(out): p.read_bytes() if p.is_file() else "folder" for p in out.rglob("*")}

    result = run_pelican(out, data)

    assert result.returncode != 0
    for file, row, column in places:
        assert re.search(rf"(^|\s|/){re.escape(file)}:{row}:{column}: ", result.stderr, re.M), \
            f"no {file}:{row}:{column} message in:\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    after = {p.relative_to(out): p.read_bytes() if p.is_file() else "folder" for p in out.rglob("*")}
    assert after == before, "the failed build changed the existing output folder"
