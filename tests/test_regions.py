"""Names as sources write them resolve to Kemendagri codes; unknown ones get useful suggestions."""

from __future__ import annotations

import pytest

from datahelp import ROOT
from paritrana_data.problems import DataValidationError, Problem, Problems
from paritrana_data.regions import RegionIndex, Unresolved, load_regions


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    """The index over the bundled region tables, which must load without problems."""
    problems = Problems(root=ROOT / "data")
    index = RegionIndex(*load_regions(ROOT / "data" / "regions", problems))
    assert problems.items == []
    assert (len(index.provinces), len(index.regencies)) == (38, 514)
    return index


@pytest.mark.parametrize(("text", "code"), [
    ("KAB. RAJA AMPAT", "96.03"), ("Pemkab Raja Ampat", "96.03"), ("Raja Ampat", "96.03"),
    ("Kabupaten Raja Ampat", "96.03"), ("96.03", "96.03"), ("Pemko Medan", "12.71"), ("Kota Medan", "12.71"),
    ("Medan", "12.71"), ("Muba", "16.06"), ("Pemerintah Kota (Pemkot) Bekasi", "32.75"),
    ("Kabupaten Bekasi", "32.16"), ("Pemkot Bekasi", "32.75"), ("Tanjung Pinang", "21.72"),
    ("Kota Tanjungpinang", "21.72"), ("Pemerintahan Kabupaten Morowali", "72.06"),
])
def test_regency_names_resolve(regions, text, code):
    """Prefixes (Kab., Pemkab, Pemko, Pemerintah Kota), aliases and spacing variants all resolve."""
    assert regions.regency(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Jateng", "33"), ("DIY", "34"), ("Jogja", "34"), ("Babel", "19"), ("NTT", "53"), ("Kaltara", "65"),
    ("Pemerintah Provinsi Jawa Tengah", "33"), ("Provinsi Jabar", "32"), ("Pemprov Kaltara", "65"),
    ("DKI Jakarta", "31"), ("Central Java", "33"), ("ID-JT", "33"), ("33", "33"), ("Sumatra Utara", "12"),
    ("Daerah Istimewa Yogyakarta", "34"), ("jawa tengah", "33"),
])
def test_province_names_resolve(regions, text, code):
    """Short names, English names, ISO codes and government prefixes resolve."""
    assert regions.province(text) == code


def test_regency_within_its_province(regions):
    """Giving the province narrows nothing away from a regency that is in it."""
    assert regions.regency("Medan", "12") == "12.71"
    assert regions.regency("Kota Bekasi", "32") == "32.75"


@pytest.mark.parametrize(("text", "province", "message", "hint"), [
    ("Kota Jember", None, "'Kota Jember' is not a known kabupaten/kota",
     "did you mean 'Kabupaten Jember', 'Kabupaten Jembrana'?"),
    ("Bekasi", None, "'Bekasi' is ambiguous", "did you mean 'Kabupaten Bekasi', 'Kota Bekasi'?"),
    ("Bekasi", "32", "'Bekasi' is ambiguous", "did you mean 'Kabupaten Bekasi', 'Kota Bekasi'?"),
    ("Kabupaten Jember", "33", "'Kabupaten Jember' is not in Jawa Tengah: it is Kabupaten Jember (Jawa Timur)",
     "fix winner_province, or name a regency in Jawa Tengah"),
    ("Kab. Kuduss", None, "'Kab. Kuduss' is not a known kabupaten/kota", "did you mean 'Kabupaten Kudus'?"),
    ("Qwxz", None, "'Qwxz' is not a known kabupaten/kota", "check the spelling against data/regions/"),
])
def test_unresolved_regencies(regions, text, province, message, hint):
    """Unknown, ambiguous and misplaced regencies say what is wrong and what was meant."""
    with pytest.raises(Unresolved) as info:
        regions.regency(text, province)
    assert (info.value.message, info.value.hint) == (message, hint)


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("Jawa Tngah", "'Jawa Tngah' is not a known province",
     "did you mean 'Jawa Tengah', 'Papua Tengah', 'Sulawesi Tengah'?"),
    ("Atlantis", "'Atlantis' is not a known province", "check the spelling against data/regions/"),
])
def test_unresolved_provinces(regions, text, message, hint):
    """Unknown provinces are refused with close names as suggestions."""
    with pytest.raises(Unresolved) as info:
        regions.province(text)
    assert (info.value.message, info.value.hint) == (message, hint)


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("data/w.csv", None, None, "the file is empty"), "data/w.csv: the file is empty"),
    (Problem("data/w.csv", 3, None, "bad row", "fix it"), "data/w.csv:3: bad row (fix it)"),
    (Problem("data/w.csv", 3, "rank", "bad rank", "1-3"), "data/w.csv:3:rank: bad rank (1-3)"),
    (Problem("data/w.csv", None, "level", "missing"), "data/w.csv:level: missing"),
])
def test_problem_prints_as_file_row_column(problem, text):
    """A problem prints as `file:row:column: message (hint)`, leaving out what it lacks."""
    assert str(problem) == text


def test_report_lists_errors_before_warnings():
    """DataValidationError counts only errors and reports them before the warnings."""
    warning = Problem("data/a.csv", 2, "edition", "undated", severity="warning")
    error = Problem("data/b.csv", 5, "rank", "bad")
    exc = DataValidationError([warning, error])
    assert str(exc) == "1 error(s) in the data files"
    assert exc.report() == "data/b.csv:5:rank: bad\nwarning: data/a.csv:2:edition: undated"
