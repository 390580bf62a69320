"""The edit loop: a preview of the pages at once, then the complete site swapped in behind it."""

from __future__ import annotations

import os
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

from measure_livereload import livereload_server, set_note  # noqa: E402
from sitetools.live.builder import carry_over, unlink_shared  # noqa: E402

TREES = [
    # (served tree, preview tree, what the preview tree holds afterwards, how many entries moved)
    ({"a/x.html": "old", "a/y.csv": "y", "b/c/d.json": "d", "e.xml": "e"}, {"a/x.html": "new"},
     {"a/x.html": "new", "a/y.csv": "y", "b/c/d.json": "d", "e.xml": "e"}, 3),
    ({"a/x.html": "old"}, {"a/x.html": "new", "f.html": "f"}, {"a/x.html": "new", "f.html": "f"}, 0),
    ({"p/q/r.html": "r", "p/s.html": "s"}, {"p/q/t.html": "t"},
     {"p/q/r.html": "r", "p/q/t.html": "t", "p/s.html": "s"}, 2),
]


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def _read(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("served, preview, expected, moved", TREES)
def test_carry_over_keeps_what_the_preview_wrote_and_moves_the_rest(tmp_path, served, preview, expected, moved):
    _tree(tmp_path / "served", served)
    _tree(tmp_path / "preview", preview)
    assert carry_over(tmp_path / "served", tmp_path / "preview") == moved
    assert _read(tmp_path / "preview") == expected


def test_a_kept_tree_loses_its_hard_links_before_a_preview_writes_into_it(tmp_path):
    """A file linked from a cache must not be written over in place: the cache would change too."""
    cache, kept = tmp_path / "cache", tmp_path / "kept"
    _tree(cache, {"badge.svg": "<svg/>"})
    _tree(kept, {"a/page.html": "page", "b/c/style.css": "css"})
    os.link(cache / "badge.svg", kept / "b" / "badge.svg")
    unlink_shared(kept)
    assert _read(kept) == {"a/page.html": "page", "b/c/style.css": "css"}
    assert _read(cache) == {"badge.svg": "<svg/>"}


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(check, timeout: float, what: str, log: list[tuple[float, str]]):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{what} not seen within {timeout} s; server log:\n"
                         + "\n".join(line for _, line in log[-30:]))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="previews need fork(); without it every edit is a complete build")
def test_an_edit_shows_in_the_preview_and_the_complete_build_follows(tmp_path):
    """`invoke livereload`: edit a row twice; each preview shows it, downloads catch up, the second edit wins."""
    data, output = tmp_path / "data", tmp_path / "site"
    shutil.copytree(ROOT / "data", data)
    newest = sorted((data / "winners").glob("20*.csv"))[-1]
    page, csv_url = f"/tahun/{newest.stem}/", f"/unduh/tahun/{newest.stem}.csv"
    with livereload_server(data, output) as (base, log):
        _until(lambda: _get(base + page), 300, "the first build", log)
        assert f'href="{csv_url}"' in _get(base + page)
        for n, note in enumerate(("Catatan pratinjau pertama", "Catatan pratinjau kedua"), 1):
            set_note(newest, 0, note)
            _until(lambda: note in (_get(base + page) or ""), 30, f"edit {n} on the edition page", log)
            if n == 1:  # the preview kept the last build's downloads: they still hold the old note
                assert note not in (_get(base + csv_url) or ""), "downloads are the complete build's work"
                assert _get(base + "/sitemap.xml") and _get(base + "/data/"), "skipped files were kept"
        _until(lambda: "Catatan pratinjau kedua" in (_get(base + csv_url) or ""), 120,
               "the complete build's downloads", log)
        assert "Catatan pratinjau pertama" not in _get(base + csv_url)
        assert "Catatan pratinjau kedua" in _get(base + page)
        assert _get(base + "/pagefind/pagefind-entry.json"), "the search index is served throughout"
        previews = [line for _, line in log if "Rebuilt in" in line and "preview" in line]
        assert len(previews) == 2, log


def _stream(base: str, token: str) -> str:
    """The first event the reload stream sends to a page of site `token` (a comment line does not count)."""
    with urllib.request.urlopen(f"{base}/livereload?site={token}", timeout=10) as response:
        assert response.headers["Content-Type"] == "text/event-stream"
        for line in response:
            if line.startswith(b"data:"):
                return line.decode().strip()
    return ""


def test_the_server_adds_the_reload_script_and_tells_older_pages_to_reload(tmp_path):
    import threading

    from sitetools.live.server import CLIENT, Rebuilds, live_server

    _tree(tmp_path, {"index.html": "<html><head><title>t</title></head><body>x</body></html>",
                     "404.html": "<html><head></head><body>not here</body></html>", "style.css": "p{}"})
    rebuilds = Rebuilds()
    server = live_server(tmp_path, 0, rebuilds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        first = rebuilds.token
        page = _get(base + "/")
        assert f'<script src="/livereload.js?site={first}"></script></head>' in page
        assert _get(base + "/style.css") == "p{}", "only pages get the script"
        with urllib.request.urlopen(base + "/livereload.js") as response:
            assert response.read() == CLIENT and response.headers["Content-Type"] == "text/javascript"
        assert _stream(base, "an-older-site") == "data: reload", "a page of another site reloads at once"
        threading.Timer(0.5, rebuilds.swapped).start()
        assert _stream(base, first) == "data: reload", "a page of the current site reloads after the next swap"
        assert rebuilds.token != first and rebuilds.token in _get(base + "/")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/nowhere/")
        assert missing.value.code == 404 and b"not here" in missing.value.read()
    finally:
        server.shutdown()
        server.server_close()
