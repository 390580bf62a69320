"""Share images are rendered once: a second build reuses the cache and writes byte-identical files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from site_build import PLUGINS, ROOT
from sitetools.build import build_env, pelican_command


def build(output: Path, cache: Path) -> dict:
    """Build the bundled data with its own share cache; return the share kit's build statistics."""
    cmd = pelican_command(output, settings={"PARITRANA_SHARE_CACHE_DIR": str(cache)})
    result = subprocess.run(cmd, cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"pelican exited {result.returncode}:\n{result.stderr}\n{result.stdout}"
    return json.loads((cache / "last-build.json").read_text(encoding="utf-8"))


def files(root: Path, pattern: str) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob(pattern))}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("share-cache")
    cache = base / "cache"
    first = build(base / "first", cache)
    second = build(base / "second", cache)
    return base, first, second


def test_a_cold_cache_renders_every_image_once(two_builds):
    _base, first, _second = two_builds
    assert first["rendered"] == first["unique"] > 100
    assert first["reused"] == 0
    assert first["images"] == first["unique"], "two pages should never share one rendered image"


def test_a_second_build_renders_nothing_and_reuses_every_image(two_builds):
    _base, first, second = two_builds
    assert second["rendered"] == 0
    assert second["reused"] == second["unique"] == first["unique"]
    assert second["mode"] == "none"


def test_share_files_are_byte_identical_across_builds(two_builds):
    base, _first, _second = two_builds
    for pattern in ("*.png", "*.svg"):
        one, two = files(base / "first", pattern), files(base / "second", pattern)
        assert one and one.keys() == two.keys()
        different = [name for name in one if one[name] != two[name]]
        assert not different, f"{len(different)} {pattern} differ between builds: {different[:5]}"
    one = files(base / "first", "*.html")
    two = files(base / "second", "*.html")
    printed = [n for n in one if n.endswith(("/cetak/index.html", "/print/index.html"))]
    assert printed and all(one[n] == two[n] for n in printed)


def test_cached_images_are_the_same_as_freshly_rendered_ones(two_builds):
    """The cache never changes a byte: the site image rendered now equals the file the build wrote."""
    from paritrana_i18n.catalog import lang_for
    from paritrana_core.index import DataIndex
    from paritrana_core.labels import Labels
    from paritrana_share.card import png_bytes
    from paritrana_share.facts import site_card

    from site_build import dataset

    base, _first, _second = two_builds
    settings = {"THEME": str(ROOT / "theme"), "PARITRANA_LANGUAGES": ("id", "en")}
    index = DataIndex(dataset())
    for lang, path in (("id", "gambar/bagikan/situs.png"), ("en", "en/images/share/site.png")):
        spec = site_card(index, Labels(index, lang_for(settings, lang)))
        assert png_bytes(spec) == (base / "first" / path).read_bytes() == (base / "second" / path).read_bytes()


# --- badges ---------------------------------------------------------------------------------

def _badge_inputs(who: str) -> dict:
    return {"head": "PARITRANA AWARD 2024", "place": "Peringkat 1", "rank": 1, "who": who,
            "details": ["Nasional", "Pemerintah Kabupaten/Kota"], "site": "Arsip Paritrana Award",
            "title": f"Peringkat 1 · Paritrana Award 2024 · {who}", "lang": "id"}


def test_badges_are_drawn_once_and_linked_into_the_output(tmp_path, monkeypatch):
    sys.path.insert(0, str(PLUGINS))
    from paritrana_share import badge_store

    drawn = []
    real = badge_store.render_badge
    monkeypatch.setattr(badge_store, "render_badge", lambda **kw: (drawn.append(kw["who"]), real(**kw))[1])
    cache = tmp_path / "cache"
    first = badge_store.BadgeStore(cache)
    key, width, height = first.size(_badge_inputs("Kabupaten Raja Ampat"))
    other, _width, other_height = first.size(_badge_inputs("Kota Surabaya"))
    first.write({"lencana/a.svg": {"id": key, "en": other}}, tmp_path / "out1")
    assert drawn == ["Kabupaten Raja Ampat", "Kota Surabaya"]

    second = badge_store.BadgeStore(cache)  # a later build: heights come from the index, nothing is drawn
    assert second.size(_badge_inputs("Kabupaten Raja Ampat")) == (key, width, height)
    assert drawn == ["Kabupaten Raja Ampat", "Kota Surabaya"]
    stats = second.write({"lencana/a.svg": {"id": key, "en": other}}, tmp_path / "out2")
    assert stats["files"] == 1 and stats["badges"] == 2 and stats["stacked"] == 0  # the stacked file was kept
    out1, out2 = (tmp_path / d / "lencana/a.svg" for d in ("out1", "out2"))
    assert out1.read_bytes() == out2.read_bytes() and b"Raja Ampat" in out1.read_bytes()
    assert out1.stat().st_ino == out2.stat().st_ino  # linked from the cache, not written twice
    # One file, two views: each frames its own badge at its own height; without a fragment, the first.
    text = out1.read_text()
    assert f'<view id="id" viewBox="0 0 {width} {height}"/>' in text
    assert f'<view id="en" viewBox="0 {height} {width} {other_height}"/>' in text
    assert text.startswith(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" ')
    assert b"Kota Surabaya" in out1.read_bytes()
    memory = badge_store.BadgeStore(None)  # no cache folder: the same bytes, drawn in the build
    memory.size(_badge_inputs("Kabupaten Raja Ampat"))
    memory.size(_badge_inputs("Kota Surabaya"))
    memory.write({"lencana/a.svg": {"id": key, "en": other}}, tmp_path / "out3")
    assert (tmp_path / "out3" / "lencana/a.svg").read_bytes() == out1.read_bytes()

    second.path(key).unlink()  # the cache lost a file: the next build draws it again
    third = badge_store.BadgeStore(cache)
    third.size(_badge_inputs("Kabupaten Raja Ampat"))
    assert drawn[-1] == "Kabupaten Raja Ampat" and second.path(key).is_file()
