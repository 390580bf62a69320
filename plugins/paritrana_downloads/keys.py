"""Cache keys: a hash of everything that decides a file's bytes, or all files of a build."""

from __future__ import annotations

import hashlib
import json
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from paritrana_core.urls import siteurl

PLUGINS = Path(__file__).resolve().parent.parent
# The code a file's bytes depend on once its rows are encoded: this plugin (and zlib for XLSX).
RENDER_CODE = ("paritrana_downloads",)
# What a whole build's files depend on besides the data files: also the code that reads and groups them.
BUILD_CODE = ("paritrana_downloads", "paritrana_data", "paritrana_core")
# Settings that appear in the files (links, names, folders), besides the site's address.
SETTINGS = ("PARITRANA_SITE_NAME", "PARITRANA_DOWNLOADS_DIR", "PARITRANA_DOWNLOADS_API_DIR",
            "PARITRANA_DOWNLOADS_DATAPACKAGE")


@lru_cache(maxsize=None)
def code_digest(packages: tuple[str, ...]) -> str:
    """SHA-256 of the packages' Python sources, the Python version and the zlib in use."""
    digest = hashlib.sha256(f"{sys.version_info[:2]} {zlib.ZLIB_RUNTIME_VERSION}".encode())
    for package in packages:
        for path in sorted((PLUGINS / package).rglob("*.py")):
            digest.update(path.relative_to(PLUGINS).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_key(spec, rows: bytes = b"") -> str:
    """The key of one file: its non-row inputs (`spec`, JSON-able) and the digest of its rows."""
    head = json.dumps([code_digest(RENDER_CODE), spec], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(head.encode("utf-8") + b"\0" + rows).hexdigest()


def catalog_digest(settings) -> str:
    """SHA-256 of the theme's translation catalogues (the workbooks' 'about' sheets are translated)."""
    digest = hashlib.sha256()
    folder = Path(settings.get("THEME") or ".") / "translations"
    for path in sorted(folder.rglob("*.po")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_key(dataset_digest: str, version, settings) -> str:
    """The key of a build's manifest: data files, data version, settings, code and translations."""
    spec = [code_digest(BUILD_CODE), catalog_digest(settings), dataset_digest, version.digest,
            version.date.isoformat() if version.date else None, [siteurl(settings), *(settings.get(k) for k in SETTINGS)]]
    return hashlib.sha256(json.dumps(spec, default=str).encode("utf-8")).hexdigest()
