"""Make Pagefind's bundle byte-identical for the same pages.

Pagefind 1.5.2 writes the word index and the page fragments deterministically, but not the
filters: the values inside each `filter/*.pf_filter` file, the filter list in each
`pagefind.<lang>_<hash>.pf_meta` file and the languages in `pagefind-entry.json` come out in hash-map
order, which changes from run to run, and so do the content-hash file names that depend on them.

`normalise_bundle` rewrites exactly those parts in sorted order and renames the rewritten files after
a hash of their new content; the index and fragment files are left untouched. The files are gzip
(no timestamp) of "pagefind_dcd" followed by CBOR made of arrays, text and unsigned integers, which
the small codec below reads and writes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class BundleFormatError(SystemExit):
    """The Pagefind bundle is not in the format this module knows (a new Pagefind version?)."""


# --- minimal CBOR (RFC 8949) for the types Pagefind uses -------------------------------------

def _decode(data: bytes, pos: int):
    first = data[pos]
    major, info = first >> 5, first & 31
    pos += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise BundleFormatError(f"search: unexpected CBOR item {first:#x} in the Pagefind bundle")
    if major == 0:
        return value, pos
    if major == 2:
        return bytes(data[pos:pos + value]), pos + value
    if major == 3:
        return data[pos:pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    raise BundleFormatError(f"search: unexpected CBOR type {major} in the Pagefind bundle")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise BundleFormatError("search: number too large for CBOR")


def _encode(value) -> bytes:
    if isinstance(value, bool) or not isinstance(value, (int, str, bytes, list)):
        raise BundleFormatError(f"search: cannot encode {type(value).__name__} in the Pagefind bundle")
    if isinstance(value, int):
        if value < 0:
            raise BundleFormatError("search: negative number in the Pagefind bundle")
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(v) for v in value)


def read_chunk(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise BundleFormatError(f"search: {path.name} is not a Pagefind file")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise BundleFormatError(f"search: trailing data in {path.name}")
    return value


def chunk_bytes(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)


def _digest(content: bytes, length: int) -> str:
    return hashlib.sha256(content).hexdigest()[:length]


# --- the bundle ------------------------------------------------------------------------------

def _normalise_filter(bundle: Path, lang: str, old_hash: str) -> str:
    path = bundle / "filter" / f"{old_hash}.pf_filter"
    name, values = read_chunk(path)
    values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda item: item[0])
    content = chunk_bytes([name, values])
    new_hash = f"{lang}_{_digest(content, 7)}"
    path.unlink()
    (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(content)
    return new_hash


def normalise_bundle(bundle: Path) -> None:
    """Rewrite the filter files, the meta files and the entry file of a Pagefind bundle in sorted order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages = {}
    for lang in sorted(entry["languages"]):
        info = dict(entry["languages"][lang])
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_chunk(meta_path)
        if len(meta) != 6 or not isinstance(meta[3], list):
            raise BundleFormatError(f"search: {meta_path.name} has an unknown layout (Pagefind {meta[0]!r})")
        meta[3] = sorted(([name, _normalise_filter(bundle, lang, old)] for name, old in meta[3]),
                         key=lambda item: item[0])
        content = chunk_bytes(meta)
        info["hash"] = f"{lang}_{_digest(content, 10)}"
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(content)
        languages[lang] = info
    entry["languages"] = languages
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
