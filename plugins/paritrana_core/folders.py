"""The registry of output folders: each plugin claims what it writes, so two can never write to the same place.

A claim is a site-relative folder or file. Two claims clash when they are the same path or one lies
inside the other; the build then stops before anything is written, naming both plugins and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .settings import CORE, SettingsError, enabled_owners, languages
from .urls import EDITORIAL


@dataclass(frozen=True)
class Claim:
    """`path` (site-relative, no leading or trailing '/') is written by `owner`; `what` names the setting
    that decides it, or says what it is."""

    path: str
    owner: str
    what: str


CLAIMS: dict[str, Callable[[dict], list[Claim]]] = {}


def declare_folders(owner: str, claims: Callable[[dict], list[tuple[str, str]]]) -> None:
    """Register a plugin's claims: a function of the settings giving (path, setting or description) pairs."""
    CLAIMS[owner] = lambda settings: [Claim(path.strip("/"), owner, what) for path, what in claims(settings)]


def claims(settings, owners=None) -> list[Claim]:
    """Every claim of the owners (all enabled plugins by default)."""
    owners = tuple(owners) if owners is not None else enabled_owners(settings)
    return [claim for owner in owners if owner in CLAIMS for claim in CLAIMS[owner](settings)]


def _inside(inner: str, outer: str) -> bool:
    return inner.startswith(outer + "/")


def clashes(found: list[Claim]) -> list[str]:
    """A sentence per pair of claims that would write to the same place."""
    problems = []
    unique = list(dict.fromkeys(found))
    for i, a in enumerate(unique):
        for b in unique[i + 1:]:
            if a.path == b.path:
                how = f"'{a.path}' is claimed by {a.owner} ({a.what}) and by {b.owner} ({b.what})"
            elif _inside(b.path, a.path) or _inside(a.path, b.path):
                outer, inner = (a, b) if _inside(b.path, a.path) else (b, a)
                how = (f"'{outer.path}' of {outer.owner} ({outer.what}) contains '{inner.path}' "
                       f"of {inner.owner} ({inner.what})")
            else:
                continue
            settings = [c.what for c in (a, b) if c.what.isupper()]
            fix = f"change {' or '.join(dict.fromkeys(settings))}" if settings else "give each its own folder"
            problems.append(f"output folders clash: {how}; {fix} so that each writes to a folder of its own")
    return problems


def check_folders(settings, owners=None) -> None:
    """Stop with every clash of the enabled plugins' claims."""
    problems = clashes(claims(settings, owners))
    if problems:
        raise SettingsError("\n".join(problems))


def _core_claims(settings) -> list[tuple[str, str]]:
    """The editorial pages (content/pages) and the theme's static files (Pelican copies them to
    THEME_STATIC_DIR; plugins may add files beside them)."""
    static = Path(settings.get("THEME", "theme")) / "static"
    base = settings.get("THEME_STATIC_DIR", "theme")
    files = sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()) if static.is_dir() else []
    editorial = [(path, "editorial pages (content/pages)") for code in languages(settings)
                 for path in EDITORIAL[code].values()]
    return editorial + [(f"{base}/{name}", "the theme's static files") for name in files]


declare_folders(CORE, _core_claims)
