"""Writing the second language's pages in a forked process: files, signals and errors come back."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import signals  # noqa: E402

from paritrana_core import parallel, written  # noqa: E402

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs the fork start method")


def _writer_into(folder: Path, fail_on: str | None = None):
    def write_one(page):
        if page == fail_on:
            raise RuntimeError(f"template error on {page}")
        path = folder / page / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{page}</p>")
        signals.content_written.send(str(path), context={"page": page})
    return write_one


@pytest.fixture
def announced():
    seen = []

    def note(path, context=None, **_kwargs):
        seen.append(str(path))

    written.reset()
    signals.content_written.connect(note, weak=False)
    signals.content_written.connect(written.remember)
    yield seen
    signals.content_written.disconnect(note)
    signals.content_written.disconnect(written.remember)
    written.reset()


def test_both_languages_are_written_and_every_file_is_announced_here(tmp_path, announced):
    groups = [["tahun/2024", "provinsi/aceh"], ["en/year/2024", "en/province/aceh", "en/province/bali"]]
    parallel.write_in_two(groups, _writer_into(tmp_path))
    expected = {str(tmp_path / p / "index.html") for group in groups for p in group}
    assert {str(p) for p in tmp_path.rglob("index.html")} == expected
    assert set(announced) == expected and len(announced) == len(expected)
    assert written.html_files() == sorted(expected), "the collector holds the files of both processes"


def test_a_file_the_second_process_wrote_cannot_be_written_again(tmp_path, announced):
    groups = [["tahun/2024"], ["en/year/2024"]]
    parallel.write_in_two(groups, _writer_into(tmp_path))
    with pytest.raises(written.WrittenTwice, match="en/year/2024/index.html"):
        signals.content_written.send(str(tmp_path / "en/year/2024/index.html"), context=None)


def test_an_error_in_the_second_process_stops_the_build_with_its_message(tmp_path):
    groups = [["tahun/2024"], ["en/year/2024", "en/province/aceh"]]
    with pytest.raises(parallel.PageWriteError, match="template error on en/province/aceh"):
        parallel.write_in_two(groups, _writer_into(tmp_path, fail_on="en/province/aceh"))


def test_an_error_here_still_waits_for_the_second_process(tmp_path):
    groups = [["tahun/2024"], ["en/year/2024"]]
    with pytest.raises(RuntimeError, match="template error on tahun/2024"):
        parallel.write_in_two(groups, _writer_into(tmp_path, fail_on="tahun/2024"))
    assert (tmp_path / "en/year/2024/index.html").is_file(), "the child finished before the error surfaced"
