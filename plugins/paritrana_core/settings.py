"""The one table of PARITRANA_* settings: each plugin declares its rows, the core fills in and checks them all."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

CORE = "paritrana_core"
# Indonesian at /, English at /en/: the site's languages, the first one the main language.
LANGUAGES = ("id", "en")
DEFAULT_LANG = LANGUAGES[0]
SITE_NAME = "Arsip Paritrana Award"


@dataclass(frozen=True)
class Setting:
    """One row of the table. `default` is a value, or a function of the other settings; `check` returns
    what to fix (a sentence) or None when the value is fine."""

    name: str
    default: object
    check: Callable[[object, dict], str | None]
    help: str
    owner: str = CORE


class SettingsError(SystemExit):
    """A setting is wrong; the message names it, shows the value and says how to fix it."""


TABLE: dict[str, Setting] = {}
# Start-up checks that are not one setting's (packages a plugin needs): owner -> functions returning problems.
CHECKS: dict[str, list[Callable[[dict], list[str]]]] = {}


def declare(owner: str, *rows: Setting) -> tuple[Setting, ...]:
    """Add a plugin's rows to the table (declaring again replaces them); a name has one owner."""
    owned = []
    for row in rows:
        row = Setting(row.name, row.default, row.check, row.help, owner)
        if row.name in TABLE and TABLE[row.name].owner != owner:
            raise SettingsError(f"{row.name} is declared by both {TABLE[row.name].owner} and {owner}")
        TABLE[row.name] = row
        owned.append(row)
    return tuple(owned)


def declare_check(owner: str, check: Callable[[dict], list[str]]) -> None:
    """Add a start-up check of a plugin's own (e.g. the packages it needs); it returns its problems."""
    checks = CHECKS.setdefault(owner, [])
    if check not in checks:
        checks.append(check)


def problem(name: str, value, fix: str) -> str:
    """The one message style: the setting, its value, what to do."""
    return f"{name}: {fix} (got {value!r}); set it in pelicanconf.py or remove it to use the default"


def enabled_owners(settings) -> tuple[str, ...]:
    """The core and every plugin in PLUGINS."""
    names = [getattr(p, "__name__", p) for p in settings.get("PLUGINS") or ()]
    return (CORE, *(n for n in names if n != CORE))


def apply(settings, owners=None) -> None:
    """Fill in the defaults of the owners' rows (all enabled plugins' by default) and check every row,
    raising one SettingsError that lists every problem."""
    owners = tuple(owners) if owners is not None else enabled_owners(settings)
    rows = [row for row in TABLE.values() if row.owner in owners]
    for row in rows:
        if row.name not in settings:
            settings[row.name] = row.default(settings) if callable(row.default) else row.default
    problems = []
    for row in rows:
        fix = row.check(settings[row.name], settings)
        if fix:
            problems.append(problem(row.name, settings[row.name], fix))
    for owner in owners:
        for check in CHECKS.get(owner, ()):
            problems += check(settings)
    if problems:
        raise SettingsError("\n".join(problems))


def languages(settings) -> tuple[str, ...]:
    """The site's languages, main one first."""
    return tuple(settings.get("PARITRANA_LANGUAGES", LANGUAGES))


def usable_cores() -> int:
    """Cores this process may run on (2 on the project's machines)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def site_name(settings) -> str:
    """The site's name ("Arsip Paritrana Award"), the same in both languages."""
    return settings.get("PARITRANA_SITE_NAME") or SITE_NAME


def apply_for(settings, *plugins: str) -> None:
    """Fill in and check the settings of these plugins alone (scripts and tests, outside a Pelican run)."""
    import importlib

    for plugin in plugins:
        importlib.import_module(f"{plugin}.core_settings" if plugin == CORE else f"{plugin}.settings")
    apply(settings, plugins)
