"""The search bundle is reused only while every indexed page is byte-identical."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_core.settings import apply_for  # noqa: E402
from paritrana_search import bundle_cache, indexer  # noqa: E402

PAGE = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        "<body><main><h1>{title}</h1><p>{text}</p></main></body></html>")


def _site(root: Path, text: str) -> list[str]:
    pages = {"id": root / "tahun" / "2024" / "index.html", "en": root / "en" / "year" / "2024" / "index.html"}
    for lang, path in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(lang=lang, title=f"Paritrana {lang}", text=text), encoding="utf-8")
    return [str(p) for p in pages.values()]


@pytest.fixture
def settings(tmp_path):
    values = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
              "PARITRANA_SEARCH_CACHE_DIR": str(tmp_path / "cache")}
    apply_for(values, "paritrana_search")
    return values


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_unchanged_pages_reuse_the_bundle_and_a_change_reindexes(tmp_path, settings, monkeypatch):
    runs = []
    real = indexer.run_pagefind
    monkeypatch.setattr(indexer, "run_pagefind", lambda *a: (runs.append(a), real(*a))[1])
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    indexer.build_index(first, settings, _site(first, "Kabupaten Raja Ampat"))
    indexer.build_index(second, settings, _site(second, "Kabupaten Raja Ampat"))
    assert len(runs) == 1, "the second build of the same pages reuses the stored bundle"
    assert _files(first / "pagefind") == _files(second / "pagefind")
    indexer.build_index(third, settings, _site(third, "Kota Surabaya"))
    assert len(runs) == 2, "a changed page runs Pagefind again"
    assert _files(third / "pagefind") != _files(first / "pagefind")
    stored = [p for p in Path(settings["PARITRANA_SEARCH_CACHE_DIR"]).iterdir() if not p.name.startswith(".")]
    assert len(stored) == 2 and all((p / "pagefind-entry.json").is_file() for p in stored)


def test_without_a_cache_pagefind_runs_every_time(tmp_path, settings, monkeypatch):
    settings["PARITRANA_SEARCH_CACHE_DIR"] = None
    runs = []
    monkeypatch.setattr(indexer, "run_pagefind", lambda *a: runs.append(a))
    monkeypatch.setattr(indexer.json, "loads", lambda _text: {"languages": {"id": {"page_count": 1},
                                                                            "en": {"page_count": 1}}})
    for name in ("a", "b"):
        folder = tmp_path / name
        pages = _site(folder, "Raja Ampat")
        (folder / "pagefind").mkdir()
        (folder / "pagefind" / "pagefind-entry.json").write_text("{}")
        indexer.build_index(folder, settings, pages)
    assert len(runs) == 2


def test_the_cache_must_be_outside_the_output(tmp_path):
    values = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
              "PARITRANA_SEARCH_CACHE_DIR": str(tmp_path / "out" / "cache")}
    with pytest.raises(SystemExit, match="outside the output"):
        apply_for(values, "paritrana_search")


def _fake_bundles(cache: Path, count: int) -> list[Path]:
    made = []
    for n in range(count):
        bundle = cache / f"{n:064x}"
        bundle.mkdir(parents=True)
        (bundle / "pagefind-entry.json").write_text("{}", encoding="utf-8")
        os.utime(bundle, (1_700_000_000 + n, 1_700_000_000 + n))
        made.append(bundle)
    return made


def test_pruning_waits_while_a_bundle_is_being_placed(tmp_path):
    """The edit loop's background refresh prunes while a rebuild places a bundle: the reader wins."""
    cache = tmp_path / "cache"
    bundles = _fake_bundles(cache, bundle_cache.KEEP + 2)
    with bundle_cache.reading(cache):
        bundle_cache.prune(cache)
        assert all(b.is_dir() for b in bundles)
    bundle_cache.prune(cache)
    assert [b.is_dir() for b in bundles] == [False, False] + [True] * bundle_cache.KEEP


def test_a_placed_bundle_is_linked_not_copied(tmp_path):
    cache = tmp_path / "cache"
    newest = _fake_bundles(cache, 2)[-1]
    target = tmp_path / "out" / "pagefind"
    bundle_cache.place(newest, target)
    assert (target / "pagefind-entry.json").read_text(encoding="utf-8") == "{}"
    assert (target / "pagefind-entry.json").stat().st_ino == (newest / "pagefind-entry.json").stat().st_ino
