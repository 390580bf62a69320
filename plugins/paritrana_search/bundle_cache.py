"""Reuse the Pagefind bundle of an earlier build when the pages it indexes are byte-identical.

Pagefind cannot update an index in place, so the unit of reuse is the whole bundle: it is stored
under PARITRANA_SEARCH_CACHE_DIR, named by a hash of every indexed page (path and bytes), the
Pagefind version and the indexing options. A rebuild with unchanged pages copies it instead of
running Pagefind; the newest few bundles are kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from importlib import metadata
from pathlib import Path

KEEP = 3


def bundle_key(output: Path, pages: list[Path], options: list[str]) -> str:
    """A hash of what decides the bundle: the pages (sorted paths and bytes), options, Pagefind version."""
    digest = hashlib.sha256()
    digest.update(f"pagefind {metadata.version('pagefind-bin')}\n".encode())
    digest.update(("\0".join(options) + "\n").encode())
    for rel in sorted(pages):
        data = (output / rel).read_bytes()
        digest.update(f"{rel.as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def restore(cache_dir: Path, key: str, bundle: Path) -> bool:
    """Copy the cached bundle for `key` into place; False if there is none."""
    cached = cache_dir / key
    if not (cached / "pagefind-entry.json").is_file():
        return False
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(cached, bundle)
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
    bundles = sorted((p for p in cache_dir.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in bundles[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
