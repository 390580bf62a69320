"""The rendered-file cache under PARITRANA_DOWNLOADS_CACHE_DIR: files named by the hash of their inputs.

`files/ab/<key>.<ext>` holds a rendered file, `<key>.meta` beside it its size, SHA-256 and mtime. A cached
file counts only while its size and mtime still match, so a file changed in place (through a hard link
in an old output, say) is rendered again. `manifests/<key>.json` lists every file of one build, keyed by
everything the build reads; a build with the same inputs takes all files from it without reading a row.
Builds hold a shared lock while they use the cache; old files are removed only under the exclusive lock.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from paritrana_core.files import place as place_file

try:
    import fcntl
except ImportError:  # no locks (Windows): the cache is never pruned there
    fcntl = None


@dataclass(frozen=True)
class Entry:
    """One rendered file in the cache."""

    path: Path
    size: int
    sha256: str
    mtime_ns: int

    def as_list(self) -> list:
        return [self.path.name, self.size, self.sha256, self.mtime_ns]

    def valid(self) -> bool:
        try:
            found = self.path.stat()
        except OSError:
            return False
        return (found.st_size, found.st_mtime_ns) == (self.size, self.mtime_ns)


class Store:
    """Rendered files and build manifests in one folder."""

    def __init__(self, root, keep: int = 3):
        self.root, self.keep = Path(root), keep
        self._lock = None
        self._serial = 0

    def _file(self, key: str, ext: str) -> Path:
        return self.root / "files" / key[:2] / f"{key}.{ext}"

    def lookup(self, key: str, ext: str) -> Entry | None:
        """The cached file for `key`, if it is there and unchanged."""
        path = self._file(key, ext)
        try:
            size, sha256, mtime_ns = json.loads(path.with_suffix(".meta").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        entry = Entry(path, size, sha256, mtime_ns)
        return entry if entry.valid() else None

    def temporary(self, key: str, ext: str) -> Path:
        """A fresh path to render into (then `commit` it)."""
        self._serial += 1
        path = self._file(key, ext)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.with_name(f".{path.name}.{os.getpid()}.{self._serial}.tmp")

    def commit(self, temporary: Path, key: str, ext: str, sha256=None) -> Entry:
        """Move a rendered file into place and record its size, hash (a hashlib object if known) and mtime."""
        if sha256 is None:
            sha256 = hashlib.sha256()
            with open(temporary, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    sha256.update(block)
        path = self._file(key, ext)
        found = temporary.stat()
        os.replace(temporary, path)
        entry = Entry(path, found.st_size, sha256.hexdigest(), found.st_mtime_ns)
        meta = path.with_name(f".{path.name}.meta.{os.getpid()}.tmp")
        meta.write_text(json.dumps([entry.size, entry.sha256, entry.mtime_ns]), encoding="utf-8")
        os.replace(meta, path.with_suffix(".meta"))
        return entry

    # --- manifests ------------------------------------------------------------------------------

    def manifest(self, key: str) -> dict | None:
        """A build's manifest when every file it names is still in the cache unchanged."""
        path = self.root / "manifests" / f"{key}.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        entries = {}
        for target, (name, size, sha256, mtime_ns) in found["files"].items():
            entry = Entry(self.root / "files" / name[:2] / name, size, sha256, mtime_ns)
            if not entry.valid():
                return None
            entries[target] = entry
        found["files"] = entries
        os.utime(path)  # recently used: kept by prune()
        return found

    def save_manifest(self, key: str, manifest: dict) -> None:
        folder = self.root / "manifests"
        folder.mkdir(parents=True, exist_ok=True)
        data = {**manifest, "files": {target: entry.as_list() for target, entry in manifest["files"].items()}}
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, folder / f"{key}.json")

    # --- locking and pruning --------------------------------------------------------------------

    def acquire(self) -> None:
        """Hold the shared lock: no other build prunes while this one uses the cache."""
        self.root.mkdir(parents=True, exist_ok=True)
        if fcntl is not None and self._lock is None:
            self._lock = open(self.root / ".lock", "a+b")
            fcntl.flock(self._lock, fcntl.LOCK_SH)

    def release(self) -> None:
        """Give up the lock; prune first when no other build is using the cache."""
        if self._lock is None:
            return
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass
        else:
            self.prune()
        finally:
            self._lock.close()
            self._lock = None

    def prune(self) -> int:
        """Keep the files of the `keep` most recently used manifests, remove the rest; return how many went."""
        manifests = sorted((self.root / "manifests").glob("*.json"), key=lambda p: p.stat().st_mtime_ns,
                           reverse=True)
        kept: set[str] = set()
        for path in manifests[:self.keep]:
            try:
                kept.update(item[0].split(".")[0] for item in json.loads(path.read_text("utf-8"))["files"].values())
            except (OSError, ValueError, KeyError, AttributeError):
                continue
        for path in manifests[self.keep:]:
            path.unlink(missing_ok=True)
        removed = 0
        for path in (self.root / "files").glob("*/*"):  # leftovers of stopped builds start with '.'
            if path.name.startswith(".") or path.name.split(".")[0] not in kept:
                path.unlink(missing_ok=True)
                removed += path.suffix != ".meta"
        return removed


def place(entry: Entry, target: Path) -> None:
    """Hard-link a cached file into the output (a copy across file systems), replacing what is there."""
    place_file(entry.path, target)
