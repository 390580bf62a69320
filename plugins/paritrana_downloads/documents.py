"""JSON documents whose row lists are spliced in from the rows' ready-made texts (see encode.json_texts).

`json_bytes(document)` with the rows in place gives the same bytes; the splice only avoids encoding each
row again, and lets a document be written in pieces.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .writers import json_bytes

PLACE = re.compile(r'"\\u0000rows(\d+)\\u0000"')


@dataclass(frozen=True)
class Rows:
    """A list of rows at the top level of a document, as the positions of their texts."""

    texts: list      # all row texts of the table (encode.json_texts)
    digests: list    # and their digests (encode.digests)
    positions: list  # the rows of this list, in order

    def digest(self) -> bytes:
        digests = self.digests
        return hashlib.sha256(b"".join([digests[i] for i in self.positions])).digest()


def outline(document: dict) -> tuple[str, list[Rows]]:
    """The document's text with a marker for each Rows value, and those values in order."""
    lists: list[Rows] = []
    marked = {}
    for key, value in document.items():
        if isinstance(value, Rows):
            value = f"\x00rows{len(lists)}\x00"
            lists.append(document[key])
        marked[key] = value
    return json_bytes(marked).decode("utf-8"), lists


def pieces(text: str, lists: list[Rows], chunk: int = 1000):
    """The document's text in pieces, row lists written out (as writers.json_bytes writes them)."""
    parts = PLACE.split(text)
    for i, part in enumerate(parts):
        if i % 2 == 0:
            yield part
            continue
        rows = lists[int(part)]
        yield "["
        texts, positions = rows.texts, rows.positions
        for start in range(0, len(positions), chunk):
            yield ",".join(texts[p] for p in positions[start:start + chunk])
            if start + chunk < len(positions):
                yield ","
        yield "]"
