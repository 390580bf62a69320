"""Tools to build, serve, check and measure the site: what tasks.py, the scripts and the tests share.

Not a Pelican plugin (those are under plugins/): nothing here runs inside a build.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"


def plugins_on_path() -> None:
    """Make the project's plugins importable in this process (the build runs them in its own)."""
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))
