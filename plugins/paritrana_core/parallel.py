"""Both cores write pages: the second language's pages are rendered in a forked process.

Rendering dominates a large build and the languages share nothing but the read-only data, so a
fork (copy-on-write: no data is copied or pickled) writes the English pages through its copy of
Pelican's writer while this process writes the Indonesian ones. The child reports the files it
wrote; this process adopts them in the collector of written files (so a file written twice still
stops the build) and sends `content_written` for each, as if written here.
"""

from __future__ import annotations

import multiprocessing
import traceback

from pelican import signals

from . import written
from .settings import languages


class PageWriteError(SystemExit):
    """Writing pages in the second process failed; the message carries its error."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def write_pages(pages: list, write_one, settings) -> None:
    """Write `pages` (each with a .lang) language by language: on two cores when the settings allow
    (PARITRANA_PAGES_WORKERS > 1, at least PARITRANA_PAGES_FORK_MIN pages, fork available)."""
    groups = [[p for p in pages if p.lang == code] for code in languages(settings)]
    if settings["PARITRANA_PAGES_WORKERS"] > 1 and len(pages) >= settings["PARITRANA_PAGES_FORK_MIN"] and can_fork():
        write_in_two(groups, write_one)
        return
    for group in groups:
        for page in group:
            write_one(page)


def write_in_two(groups: list[list], write_one) -> None:
    """Write groups[0] here and the other groups in a forked process; wait for it, then announce its files."""
    context = multiprocessing.get_context("fork")
    reader, sender = context.Pipe(duplex=False)
    child = context.Process(target=_write_child, args=(groups[1:], write_one, sender), name="pages-writer")
    child.start()
    sender.close()
    try:
        for page in groups[0]:
            write_one(page)
    finally:
        try:
            outcome, payload = reader.recv()
        except EOFError:
            outcome, payload = "error", f"the process writing pages ended without a word (exit {child.exitcode})"
        child.join()
    if outcome != "ok":
        raise PageWriteError(f"writing pages in the second process failed:\n{payload}")
    written.adopt(payload)
    for path in payload:
        signals.content_written.send(path, context=None)


def _write_child(groups, write_one, sender) -> None:
    files: list[str] = []

    def note(path, context=None, **_kwargs):
        files.append(str(path))

    signals.content_written.connect(note, weak=False)
    try:
        for group in groups:
            for page in group:
                write_one(page)
        sender.send(("ok", files))
    except BaseException:  # noqa: BLE001 (everything goes back to the parent, which stops the build)
        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()
