"""Generated blocks in Markdown files, between <!-- name:start --> and <!-- name:end -->."""

from __future__ import annotations

from pathlib import Path


def update_section(path: Path, name: str, text: str) -> None:
    """Replace the block between <!-- name:start --> and <!-- name:end --> of a Markdown file."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.rstrip()}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in current and end in current:
        before, rest = current.split(start, 1)
        current = before + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip() + ("\n\n" if current else "") + block + "\n"
    path.write_text(current, encoding="utf-8")
