"""paritrana_core.files.place: how every cache puts its files into the output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from paritrana_core.files import place  # noqa: E402


@pytest.mark.parametrize("before", ["nothing", "no folder", "another file", "the same file"])
def test_place_links_the_cached_file_whatever_was_there(tmp_path, before):
    source = tmp_path / "cache" / "ab" / "abc.svg"
    source.parent.mkdir(parents=True)
    source.write_text("<svg/>", encoding="utf-8")
    target = tmp_path / "out" / "lencana" / "w1-id.svg"
    if before != "no folder":
        target.parent.mkdir(parents=True)
    if before == "another file":
        target.write_text("old", encoding="utf-8")
    elif before == "the same file":
        os.link(source, target)
    place(source, target)
    assert target.read_text(encoding="utf-8") == "<svg/>"
    assert target.stat().st_ino == source.stat().st_ino
    assert source.read_text(encoding="utf-8") == "<svg/>", "the cache file is never written"


def test_a_missing_cache_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        place(tmp_path / "gone.png", tmp_path / "out.png")
