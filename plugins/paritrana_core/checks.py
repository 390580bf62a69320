"""Checks for the settings table: each returns what to fix, or None when the value is fine."""

from __future__ import annotations

import os
import re
from pathlib import Path

SITE_PATH = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole_number(minimum: int):
    def check(value, _settings):
        if not _is_int(value) or value < minimum:
            return f"give a whole number of at least {minimum}"
    return check


def number_between(low, high):
    def check(value, _settings):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            return f"not a number between {low} and {high}"
    return check


def positive_number(value, _settings):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return "give a positive number of seconds"


def boolean(value, _settings):
    if not isinstance(value, bool):
        return "give True or False"


def text(example: str):
    def check(value, _settings):
        if not isinstance(value, str) or not value:
            return f"give a non-empty text such as {example!r}"
    return check


def texts(example: tuple):
    def check(value, _settings):
        if isinstance(value, str) or not all(isinstance(s, str) and s for s in value):
            return f"give a tuple of texts such as {example!r}"
    return check


def site_path(example: str, suffix: str = ""):
    """A site-relative path: lower-case letters, digits, '.', '_', '-' and '/', no leading or trailing '/'."""
    def check(value, _settings):
        if not isinstance(value, str) or not SITE_PATH.match(value) or ".." in value or not value.endswith(suffix):
            return (f"give a site-relative path such as {example!r} (lower-case letters, digits, '.', '_', '-' "
                    "and '/', no leading or trailing '/')")
    return check


def cache_folder(optional: bool = False):
    """A cache folder: outside the output and not containing it (the output is replaced on every build,
    the cache must stay), and not an existing file. With `optional`, None turns the cache off."""
    def check(value, settings):
        if value is None and optional:
            return None
        if not isinstance(value, (str, os.PathLike)) or not str(value):
            return "give a folder path" + (" or None" if optional else "")
        path, output = Path(value).resolve(), Path(settings.get("OUTPUT_PATH", "output")).resolve()
        if path == output or output in path.parents or path in output.parents:
            return (f"the cache ({path}) must be outside the output folder ({output}) and not contain it: "
                    "the output is replaced on every build, the cache must stay")
        if path.exists() and not path.is_dir():
            return f"{path} exists and is not a folder"
    return check


def beside_content(name: str):
    """Default cache folder: .cache/<name> beside the content folder."""
    def default(settings):
        return str(Path(settings.get("PATH", "content")).resolve().parent / ".cache" / name)
    return default


def missing_packages(owner: str, modules: tuple[tuple[str, str], ...], fix: str):
    """A start-up check that names the packages from requirements.txt that cannot be imported."""
    def check(_settings) -> list[str]:
        missing = []
        for module, package in modules:
            try:
                __import__(module)
            except ImportError:
                missing.append(package)
        return [f"{owner} needs {', '.join(missing)} from requirements.txt ({fix})"] if missing else []
    return check
