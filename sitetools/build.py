"""Running Pelican: its one command line, its environment, and the build that swaps in only on success."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from sitetools import PLUGINS, ROOT

OUTPUT = ROOT / "output"
STAGING = ROOT / ".build"
ENV = {"PYTHONPATH": str(PLUGINS), "PYTHONHASHSEED": "0"}

# Plugins that keep work between builds, and the setting naming their cache folder (the benchmark and
# the reproducibility test give each build its own).
CACHES = {"paritrana_share": "PARITRANA_SHARE_CACHE_DIR", "paritrana_search": "PARITRANA_SEARCH_CACHE_DIR",
          "paritrana_downloads": "PARITRANA_DOWNLOADS_CACHE_DIR", "paritrana_fonts": "PARITRANA_FONTS_CACHE_DIR"}


def pelican_command(output: Path, data: Path | None = None, config: str | Path = "pelicanconf.py",
                    settings: Mapping[str, object] | None = None) -> list[str]:
    """The Pelican command line of a build into `output`: warnings are errors; `data` is the data folder
    (default data/), `settings` more settings (JSON values). Run it with `cwd=ROOT, env=build_env()`."""
    overrides = dict(settings or {})
    if data is not None:
        overrides["PARITRANA_DATA_DIR"] = str(Path(data).resolve())
    cmd = [sys.executable, "-m", "pelican", "--fatal", "warnings", "-s", str(ROOT / config), "-o", str(output),
           str(ROOT / "content")]
    if overrides:  # one -e for all: Pelican keeps only the pairs of the last -e
        cmd += ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())]
    return cmd


def pelican_listen_command(port: int, output: Path = OUTPUT) -> str:
    """Pelican's own static server on 127.0.0.1:`port` for a built `output` (a shell command line)."""
    return shlex.join([sys.executable, "-m", "pelican", "--listen", "--port", str(port), "--bind", "127.0.0.1",
                       "-s", "pelicanconf.py", "-o", str(output)])


def build_env() -> dict[str, str]:
    """The environment of a build: the plugins importable, a fixed hash seed."""
    return {**os.environ, **ENV}


def cache_settings(folder: Path) -> dict[str, str]:
    """Settings that give a build empty caches of its own under `folder` (one subfolder per plugin)."""
    return {setting: str(Path(folder) / plugin.removeprefix("paritrana_")) for plugin, setting in CACHES.items()}


def staging_for(output: Path) -> Path:
    """Where a build into `output` is written before it is swapped in."""
    return STAGING if output == OUTPUT else output.parent / f".{output.name}.build"


def build_site(output: Path = OUTPUT, data: Path | None = None, config: str | Path = "pelicanconf.py",
               finish: Callable[[Path], list[str]] | None = None) -> int:
    """Build into a staging folder next to `output` and swap it in only on success.

    A failed build (bad data, template error, any Pelican warning) leaves `output` exactly as it
    was and returns Pelican's non-zero exit code; its messages went to stderr. `finish(staging)`, when
    given, completes the staged site and returns its problems: any problem is a failure too (exit 1).
    """
    output = Path(output).resolve()
    staging = staging_for(output)
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(pelican_command(staging, data, config), cwd=ROOT, env=build_env())
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return result.returncode
    problems = finish(staging) if finish else []
    if problems:
        print("\n".join(problems), file=sys.stderr, flush=True)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    swap_in(staging, output)
    return 0


def swap_in(staging: Path, output: Path) -> None:
    """Put `staging` in place of `output` (renames: the old tree is gone only once the new one is there)."""
    old = output.parent / f".{output.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)
