"""Shared test setup: the project's plugins and sitetools on sys.path and a throwaway copy of data/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "plugins"):  # sitetools/ (build, serve, tools) and the plugins
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the project's valid data/ folder at tmp_path/"data", free to break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


# --- fonts: browsers under test see no system font ---------------------------------------------

def _minimal_fontconfig() -> Path | None:
    """A fontconfig whose only fonts are the pinned Public Sans files: every Chromium the tests start
    (through any fixture) resolves system-ui, sans-serif and monospace to them, never to the fonts
    of the machine, so no test depends on the fonts installed. PARITRANA_TEST_FONTS=system opts out."""
    import os
    import tempfile

    if os.environ.get("PARITRANA_TEST_FONTS") == "system":
        return None
    try:
        import fontpkg_public_sans
    except ImportError:
        return None
    folder = Path(tempfile.gettempdir()) / f"paritrana-fontconfig-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(exist_ok=True)
    conf = folder / "fonts.conf"
    text = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
            f"  <dir>{Path(fontpkg_public_sans.ROOT) / 'files'}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
            "</fontconfig>\n")
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        partial = folder / f"fonts.conf.{os.getpid()}"
        partial.write_text(text, encoding="utf-8")
        partial.replace(conf)
    os.environ["FONTCONFIG_FILE"] = str(conf)
    return conf


MINIMAL_FONTCONFIG = _minimal_fontconfig()


# The browser: one headless Chromium per test process (skips without it; fails instead under CI=true).
from browser_support import chromium  # noqa: E402,F401
