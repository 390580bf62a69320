"""QR codes as inline SVG, made at build time with the pinned pure-Python `segno`.

Encoding is the slow part (segno tries all eight masks), so each code is kept in the share cache,
named by a hash of the text and the segno version: an unchanged page's code is never encoded again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
import segno
from markupsafe import escape


def _encode(text: str) -> str:
    code = segno.make(text, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code",
                           lineclass=None)


def _cached(text: str, cache_dir: Path | None) -> str:
    if cache_dir is None:
        return _encode(text)
    key = hashlib.sha256(f"segno {segno.__version__} m 4\n{text}".encode("utf-8")).hexdigest()
    path = cache_dir / "qr" / key[:2] / f"{key}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        svg = _encode(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(svg, encoding="utf-8")
        os.replace(temporary, path)
        return svg


def qr_svg(text: str, label: str, cache_dir: Path | None = None) -> str:
    """An inline <svg> QR code for `text` (error correction M), sized by CSS, named by `label`."""
    head, rest = _cached(text, cache_dir).split(">", 1)
    return (f'{head} role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
            f"<title>{escape(label)}</title>{rest}")
