"""Reuse the Pagefind bundle of an earlier build when the pages it indexes are byte-identical.

Pagefind cannot update an index in place, so the unit of reuse is the whole bundle: it is stored
under PARITRANA_SEARCH_CACHE_DIR, named by a hash of every indexed page (path and bytes), the
Pagefind version and the indexing options. A rebuild with unchanged pages copies it instead of
running Pagefind; the newest few bundles are kept. Builds (and the edit loop's background refresh)
may share the cache: readers hold a shared lock on it, and pruning happens only when nobody reads.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from paritrana_core.files import place as place_file

from .snippets import BLOCK_END

try:
    import fcntl
except ImportError:  # not on POSIX: no concurrent builds to guard against
    fcntl = None

KEEP = 3


def bundle_key(output: Path, pages: list[Path], options: list[str]) -> str:
    """A hash of what decides the bundle: the pages (sorted paths and bytes), options, Pagefind version."""
    digest = hashlib.sha256()
    digest.update(f"pagefind {metadata.version('pagefind-bin')}\n".encode())
    digest.update(("\0".join(options) + "\n").encode())
    digest.update(f"spacing {BLOCK_END.pattern}\n".encode())  # the indexed copy is spaced (snippets.py)
    for rel in sorted(pages):
        data = (output / rel).read_bytes()
        digest.update(f"{rel.as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@contextmanager
def reading(cache_dir: Path):
    """Hold the cache's shared lock: no bundle is pruned while it is held."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / ".lock", "a+b") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_SH)
        yield


def place(cached: Path, bundle: Path) -> None:
    """Put a cached bundle at `bundle`, as hard links where possible (nothing writes into a placed bundle)."""
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(cached, bundle, copy_function=place_file)


def restore(cache_dir: Path, key: str, bundle: Path) -> bool:
    """Put the cached bundle for `key` in place; False if there is none."""
    cached = cache_dir / key
    with reading(cache_dir):
        if not (cached / "pagefind-entry.json").is_file():
            return False
        place(cached, bundle)
        os.utime(cached)  # most recently used: kept longest
    return True


def store(cache_dir: Path, key: str, bundle: Path) -> None:
    """Keep a copy of a fresh bundle (written aside and renamed: builds may share the cache)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / key
    if target.is_dir():
        return
    temporary = cache_dir / f".{key}.{os.getpid()}.tmp"
    shutil.rmtree(temporary, ignore_errors=True)
    shutil.copytree(bundle, temporary)
    try:
        os.rename(temporary, target)
    except OSError:  # another build stored the same bundle first
        shutil.rmtree(temporary, ignore_errors=True)
    prune(cache_dir)


def prune(cache_dir: Path) -> None:
    """Remove all but the KEEP most recently used bundles, unless another build is reading the cache."""
    with open(cache_dir / ".lock", "a+b") as lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # someone is placing a bundle: prune next time
        bundles = sorted((p for p in cache_dir.iterdir() if p.is_dir() and not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in bundles[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
