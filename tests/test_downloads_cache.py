"""The downloads cache: a build with unchanged inputs renders nothing, a changed row re-renders exactly the files
that hold it, cold and warm builds write the same bytes, and nothing of the cache reaches the output.

These tests drive the plugin's Bundle directly on the bundled data (no Pelican build), with their own cache folders.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from site_build import dataset

from paritrana_core.index import DataIndex
from paritrana_core.settings import apply_for
from paritrana_downloads import render
from paritrana_downloads.bundle import Bundle
from paritrana_downloads.store import place
from paritrana_downloads.version import DataVersion

VERSION = DataVersion("0123456789ab", date(2026, 11, 20), "SOURCE_DATE_EPOCH")


def settings_for(cache: Path, keep: int = 3) -> dict:
    settings = {"SITEURL": "", "OUTPUT_PATH": str(cache.parent / "output"),
                "PARITRANA_DOWNLOADS_CACHE_DIR": str(cache), "PARITRANA_DOWNLOADS_CACHE_KEEP": keep}
    apply_for(settings, "paritrana_downloads")
    return settings


def build(data, cache: Path, output: Path | None = None, keep: int = 3) -> Bundle:
    """One build of the bundle, placed into `output` when given (as generate_output does)."""
    bundle = Bundle(DataIndex(data), settings_for(cache, keep), VERSION)
    try:
        for path, entry in bundle.files.items():
            if output is not None:
                place(entry, output / path)
    finally:
        bundle.close()
    return bundle


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def calls(monkeypatch):
    """Every job handed to the renderer, as (key, format)."""
    seen = []
    original = render.render_jobs

    def counting(jobs, table, store):
        seen.extend((job.key, job.fmt) for job in jobs)
        return original(jobs, table, store)

    monkeypatch.setattr(render, "render_jobs", counting)
    return seen


def test_a_warm_build_renders_nothing_and_writes_the_same_bytes(tmp_path, calls):
    data = dataset()
    cold = build(data, tmp_path / "cache", tmp_path / "cold")
    assert calls and len(cold.rendered) == len(cold.files), "a cold build renders every file"
    calls.clear()
    warm = build(data, tmp_path / "cache", tmp_path / "warm")
    assert warm.rendered == [] and calls == [], "nothing is rendered when nothing changed"
    first, second = tree(tmp_path / "cold"), tree(tmp_path / "warm")
    assert first == second and len(first) == len(cold.files)
    again = build(data, tmp_path / "other-cache", tmp_path / "cold-again")
    assert tree(tmp_path / "cold-again") == first, "two cold builds give the same bytes too"
    assert again.rendered


def test_without_the_manifest_every_file_still_comes_from_the_cache(tmp_path, calls):
    data = dataset()
    build(data, tmp_path / "cache", tmp_path / "cold")
    for manifest in (tmp_path / "cache" / "manifests").glob("*.json"):
        manifest.unlink()
    calls.clear()
    warm = build(data, tmp_path / "cache", tmp_path / "warm")
    assert warm.rendered == [] and calls == []
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")


def changed_note(data):
    """The data with one dated, located winner's note changed (and another digest), and that winner."""
    winner = next(w for w in data.winners
                  if w.edition and w.province and w.regency and w.scope_province and w.scope_province != w.province)
    changed = dataclasses.replace(winner, note=winner.note + " (diperbarui)")
    winners = tuple(changed if w is winner else w for w in data.winners)
    return dataclasses.replace(data, winners=winners, digest="fedcba987654"), winner


def test_a_changed_row_renders_exactly_the_files_that_hold_it(tmp_path, calls):
    data = dataset()
    before = build(data, tmp_path / "cache", tmp_path / "before")
    new, winner = changed_note(data)
    calls.clear()
    after = build(new, tmp_path / "cache", tmp_path / "after")
    provinces = {p.code: p.slug for p in data.provinces}
    expected = {"unduh/paritrana-pemenang.json"} | {f"unduh/{base}.{fmt}" for fmt in ("csv", "xlsx")
                for base in ("paritrana-pemenang", f"tahun/{winner.edition}",
                             f"provinsi/{provinces[winner.province]}", f"provinsi/{provinces[winner.scope_province]}",
                             f"kategori/{winner.category.replace('_', '-')}")
                + ((f"tahun/{winner.edition}-nasional",) if winner.level == "nasional" else ())}
    expected |= {f"api/v1/editions/{winner.edition}.json", f"api/v1/provinces/{provinces[winner.province]}.json",
                 f"api/v1/provinces/{provinces[winner.scope_province]}.json",
                 f"api/v1/regencies/{winner.regency}.json", "datapackage.json"}
    assert set(after.rendered) == expected
    assert len(calls) == len(expected) - 1, "each changed file rendered once (datapackage.json is not a job)"
    old, fresh = tree(tmp_path / "before"), tree(tmp_path / "after")
    assert sorted(name for name in old if old[name] != fresh[name]) == sorted(expected)
    assert set(before.files) == set(after.files)


def test_nothing_of_the_cache_reaches_the_output(tmp_path):
    bundle = build(dataset(), tmp_path / "cache", tmp_path / "out")
    found = set(tree(tmp_path / "out"))
    assert found == set(bundle.files)
    assert not any(name.endswith((".meta", ".tmp")) or "manifests" in name or name.startswith(".") for name in found)
    cache = {p.relative_to(tmp_path / "cache").parts[0] for p in (tmp_path / "cache").rglob("*") if p.is_file()}
    assert cache <= {"files", "manifests", ".lock"}


def test_a_file_changed_in_the_output_is_rendered_again(tmp_path):
    """Output files are hard links into the cache: writing one in place must not poison the next build."""
    data = dataset()
    build(data, tmp_path / "cache", tmp_path / "one")
    victim = tmp_path / "one" / "unduh" / "paritrana-pemenang.csv"
    with open(victim, "r+b") as handle:
        handle.write(b"tampered")
    second = build(data, tmp_path / "cache", tmp_path / "two")
    assert second.rendered == ["unduh/paritrana-pemenang.csv"]
    assert not (tmp_path / "two" / "unduh" / "paritrana-pemenang.csv").read_bytes().startswith(b"tampered")
    build(data, tmp_path / "fresh", tmp_path / "three")
    assert tree(tmp_path / "two") == tree(tmp_path / "three")


def test_prune_keeps_the_files_of_recent_builds_only(tmp_path):
    data = dataset()
    first = build(data, tmp_path / "cache", keep=1)
    new, _ = changed_note(data)
    build(new, tmp_path / "cache", keep=1)
    manifests = list((tmp_path / "cache" / "manifests").glob("*.json"))
    assert len(manifests) == 1
    names = {p.name for p in (tmp_path / "cache" / "files").rglob("*") if p.is_file()}
    latest = build(new, tmp_path / "cache", keep=1)
    stale = {e.path.name for e in first.files.values()} - {e.path.name for e in latest.files.values()}
    assert stale and not stale & names, "files only the older build used are gone"


@pytest.mark.parametrize(("key", "value"), [
    ("PARITRANA_DOWNLOADS_CACHE_DIR", "INSIDE"), ("PARITRANA_DOWNLOADS_CACHE_DIR", ""),
    ("PARITRANA_DOWNLOADS_CACHE_KEEP", 0), ("PARITRANA_DOWNLOADS_CACHE_KEEP", "3"),
])
def test_wrong_cache_settings_stop_with_the_setting_named(tmp_path, key, value):
    settings = {"OUTPUT_PATH": str(tmp_path / "output"),
                key: str(tmp_path / "output" / "cache") if value == "INSIDE" else value}
    with pytest.raises(SystemExit, match=key):
        apply_for(settings, "paritrana_downloads")


def test_default_cache_is_beside_the_share_cache(tmp_path):
    settings = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output")}
    apply_for(settings, "paritrana_downloads")
    assert Path(settings["PARITRANA_DOWNLOADS_CACHE_DIR"]) == tmp_path / ".cache" / "downloads"


def test_xlsx_cells_keep_awkward_text_exactly():
    """The row-at-once escaping: markup, ampersands, edge spaces, empty and illegal characters."""
    from paritrana_downloads.tables import COVERAGE_COLUMNS
    from downloads_support import xlsx_bytes
    texts = ["a & b <c> \"d\" 'e'", " lead", "trail ", "", "bell\x07", "=SUM(A1)", "tab\tin", "ünï ‘x’"]
    rows = [{c.name: None for c in COVERAGE_COLUMNS} | {"id": f"c{i}", "unit": text, "year": 2020, "value": 2.0,
                                                        "source_date": date(2024, 5, 31)}
            for i, text in enumerate(texts)]
    data = xlsx_bytes(COVERAGE_COLUMNS, rows, [("title", "t & u")], datetime(2026, 11, 21), "t", "s")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["data"]
    header = [c.value for c in sheet[1]]
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[header.index("unit")] for r in got] == [t.replace("\x07", "\ufffd") or None for t in texts]
    assert {r[header.index("value")] for r in got} == {2} and {type(r[header.index("year")]) for r in got} == {int}
    assert {r[header.index("source_date")] for r in got} == {datetime(2024, 5, 31)}
