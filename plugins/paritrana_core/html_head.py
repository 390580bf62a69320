"""Reading back the <head> of a written page without loading the whole file."""

from __future__ import annotations

from pathlib import Path

END = b"</head>"


def head_text(path: Path, chunk: int = 16384) -> str:
    """Everything before </head> (the whole file if it has none): a long page costs one small read."""
    data = b""
    with open(path, "rb") as handle:
        while True:
            block = handle.read(chunk)
            if not block:
                break
            start = max(0, len(data) - len(END))
            data += block
            found = data.find(END, start)
            if found >= 0:
                data = data[:found]
                break
    return data.decode("utf-8")
