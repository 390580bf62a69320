"""The files written in this build, collected once from Pelican's content_written signal.

The sitemap and the search index read them when the build is finalized (never stale files in a
reused output folder); pages written by a forked process are adopted here, so a file written twice
stops the build however it was written. `noindex` is the one rule for pages that must not be found.
"""

from __future__ import annotations

import re

from .html_head import head_text

_files: dict[str, None] = {}
_adopted: set[str] = set()
_announced: set[str] = set()  # adopted files whose content_written is on its way
META = re.compile(r"<meta\b([^>]*)>", re.IGNORECASE)
ROBOTS = re.compile(r"""\bname\s*=\s*["']?robots\b""", re.IGNORECASE)
NOINDEX = re.compile(r"""\bcontent\s*=\s*["'][^"']*\bnoindex\b""", re.IGNORECASE)


class WrittenTwice(SystemExit):
    """Two writers produced the same output file; the message names it."""


def reset(*_args, **_kwargs) -> None:
    """Start a build's list (all_generators_finalized: before any page is written, in every run)."""
    _files.clear()
    _adopted.clear()
    _announced.clear()


def remember(path, context=None, **_kwargs) -> None:
    """content_written receiver: note a written file; refuse one a forked process already wrote."""
    name = str(path)
    if name in _announced:
        _announced.discard(name)
    elif name in _adopted:
        raise WrittenTwice(f"{name} was written twice in this build (once by the second page-writing process)")
    _files[name] = None


def adopt(paths) -> None:
    """Take the files another process wrote for this build as if written here (their content_written is
    sent next); refuse one written twice."""
    names = [str(p) for p in paths]
    twice = sorted(name for name in names if name in _files or name in _adopted)
    if twice:
        raise WrittenTwice("written twice in this build: " + ", ".join(twice))
    for name in names:
        _files[name] = None
        _adopted.add(name)
        _announced.add(name)


def html_files() -> list[str]:
    """Every HTML file written in this build, sorted."""
    return sorted(name for name in _files if name.endswith(".html"))


def noindex(head: str) -> bool:
    """True when a page's <head> says <meta name="robots" content="…noindex…">: not for sitemaps or search."""
    return any(ROBOTS.search(m.group(1)) and NOINDEX.search(m.group(1)) for m in META.finditer(head))


def is_noindex(path) -> bool:
    """`noindex` of a written page, reading only its <head>."""
    return noindex(head_text(path))
