"""Putting a cached file into the output: one helper for every plugin that keeps a cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def place(source, target) -> None:
    """Hard-link `source` (a cache's file) at `target` (a copy across file systems), making the folder and
    replacing whatever is there. The usual case, a fresh output folder whose folder exists, costs one call."""
    try:
        os.link(source, target)
        return
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        if os.path.exists(target) and os.path.samefile(source, target):
            return
        os.unlink(target)
    except OSError:
        pass
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
