"""What `invoke publish` does around the build: check the address first, then finish the staged site."""

from __future__ import annotations

from pathlib import Path

from .hostfiles import write_host_files
from .urlcheck import url_problems


def finish(staging: Path, siteurl: str) -> list[str]:
    """Write the host files into a freshly built site and check its URLs; the problems, or [] when it may go live."""
    write_host_files(staging)
    problems = url_problems(staging, siteurl)
    if problems:
        problems.insert(0, f"Not published: these URLs are not absolute under PARITRANA_SITEURL ({siteurl}/). "
                           "Check SITEURL and RELATIVE_URLS in publishconf.py and in any -e setting:")
    return problems
