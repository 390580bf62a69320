"""Draw a share image (1200×630, or 1080×1080 "square") PNG from a card spec: plain texts in the page's language.

Runs in worker processes too, so it imports only Pillow and the font package. Everything that is
drawn comes from the spec, the font file and LAYOUT_VERSION: change the drawing code, bump it.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Bump whenever the drawing below changes: it is part of every cached image's key.
LAYOUT_VERSION = 8
WIDTH, HEIGHT = 1200, 630
# spec["format"]: the wide card for link previews, the square one for Instagram/WhatsApp status.
FORMATS = {"wide": (WIDTH, HEIGHT), "square": (1080, 1080)}
SQUARE_SHAPE = 300  # height of the shape panel under the text of a square card
MARGIN = 64
TEXT_WIDTH = WIDTH - 2 * MARGIN
SHAPE_PANEL = 360  # right of the text when the spec has a place's shape (paritrana_maps draws it there)
BAR = 112          # green brand bar at the top
STRIPE = 8         # gold stripe under it
FOOTER = 72        # grey band at the bottom
BODY_TOP = BAR + STRIPE + 40
BODY_BOTTOM = HEIGHT - FOOTER - 28

BRAND = (11, 90, 60)        # #0b5a3c, the site header
BRAND_INK = (255, 255, 255)
GOLD = (255, 210, 122)      # #ffd27a, the site's nav highlight
INK = (27, 31, 36)          # #1b1f24
MUTED = (74, 85, 96)        # #4a5560
WASH = (243, 245, 247)      # #f3f5f7
LINE = (211, 217, 223)      # #d3d9df
PAPER = (255, 255, 255)

REGULAR, SEMIBOLD, BOLD = 400, 600, 700
# (role, size, weight, colour, line-height factor, max lines, space above)
STYLES = {
    "kicker": (30, SEMIBOLD, MUTED, 1.25, 1, 0),
    "title": (70, BOLD, INK, 1.12, 3, 0),
    "subtitle": (34, REGULAR, MUTED, 1.25, 2, 10),
    "stat": (46, BOLD, BRAND, 1.15, 2, 30),
    "note": (30, REGULAR, MUTED, 1.25, 2, 6),
    "line": (31, REGULAR, INK, 1.3, 3, 22),
}
ELLIPSIS = "…"


def font_path() -> Path:
    """Public Sans (OFL-1.1) from the pinned fontpkg-public-sans package: never a system font."""
    import fontpkg_public_sans

    return Path(fontpkg_public_sans.ROOT) / "files" / "PublicSans[wght].ttf"


@lru_cache(maxsize=None)
def font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    """The variable font at one size and weight; BASIC layout so output never depends on libraqm."""
    face = ImageFont.truetype(str(font_path()), size, layout_engine=ImageFont.Layout.BASIC)
    face.set_variation_by_axes([weight])
    return face


def _break_word(word: str, face, width: float) -> list[str]:
    """Split a word wider than the line at character boundaries (a very long name has no spaces)."""
    pieces, current = [], ""
    for char in word:
        if current and face.getlength(current + char) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + [current] if current else pieces


def wrap(text: str, face, width: float) -> list[str]:
    """Greedy word wrap that never lets a line exceed `width`."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if face.getlength(word) <= width:
            current = word
        else:
            *full, current = _break_word(word, face, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _clip(lines: list[str], limit: int, face, width: float) -> list[str]:
    """At most `limit` lines; the last kept line ends in an ellipsis when text was cut."""
    if len(lines) <= limit:
        return lines
    kept = lines[:limit]
    last = kept[-1]
    while last and face.getlength(last + ELLIPSIS) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + ELLIPSIS
    return kept


def size(spec: dict) -> tuple[int, int]:
    """The card's width and height in pixels."""
    return FORMATS[spec.get("format", "wide")]


def text_width(spec: dict) -> int:
    """The width of the text column: narrower when the place's shape stands beside it (wide cards)."""
    width = size(spec)[0] - 2 * MARGIN
    return width - SHAPE_PANEL if spec.get("shape") and spec.get("format", "wide") == "wide" else width


def body_bottom(spec: dict) -> int:
    """The lowest text line's limit: a square card keeps its lower part for the place's shape."""
    bottom = size(spec)[1] - FOOTER - 28
    return bottom - SQUARE_SHAPE if spec.get("shape") and spec.get("format") == "square" else bottom


def layout(spec: dict, scale: float) -> tuple[list[tuple], int, bool]:
    """Blocks of wrapped lines at a scale: (face, colour, lines, line height, space above); total height; clipped?"""
    blocks, total, clipped = [], 0, False
    width = text_width(spec)
    for role in ("kicker", "title", "subtitle", "stat", "note"):
        texts = [spec[role]] if isinstance(spec.get(role), str) else []
        blocks += [(role, t) for t in texts if t]
    blocks += [("line", t) for t in spec.get("lines", ()) if t]
    placed = []
    for index, (role, text) in enumerate(blocks):
        size, weight, colour, leading, limit, above = STYLES[role]
        face = font(max(12, round(size * scale)), weight)
        lines = wrap(text, face, width)
        if len(lines) > limit:
            clipped = True
            lines = _clip(lines, limit, face, width)
        step = round(face.size * leading)
        gap = round(above * scale) if index else 0
        placed.append((face, colour, lines, step, gap))
        total += gap + step * len(lines)
    return placed, total, clipped


def fit(spec: dict) -> list[tuple]:
    """The largest scale at which every block fits the body without cutting; else the smallest, cut."""
    room = body_bottom(spec) - BODY_TOP
    for step in range(0, 9):
        scale = 1.0 - step * 0.05
        placed, total, clipped = layout(spec, scale)
        if total <= room and not clipped:
            return placed
    # Still too much at the smallest scale: drop trailing lines until it fits (never overflow).
    while total > room and len(placed) > 1:
        face, colour, lines, height, gap = placed[-1]
        if len(lines) > 1:
            lines = _clip(lines + [""], len(lines) - 1, face, text_width(spec))
            placed[-1] = (face, colour, lines, height, gap)
        else:
            placed.pop()
        total = sum(g + h * len(ls) for _f, _c, ls, h, g in placed)
    return placed


def _brand_bar(draw: ImageDraw.ImageDraw, spec: dict) -> None:
    width = size(spec)[0]
    draw.rectangle((0, 0, width, BAR), fill=BRAND)
    draw.rectangle((0, BAR, width, BAR + STRIPE), fill=GOLD)
    centre_y, radius = BAR // 2, 30
    cx = MARGIN + radius
    draw.ellipse((cx - radius, centre_y - radius, cx + radius, centre_y + radius), outline=BRAND_INK, width=4)
    mark = font(24, BOLD)
    draw.text((cx, centre_y), "PA", font=mark, fill=BRAND_INK, anchor="mm")
    name_face = font(36, BOLD)
    name = spec.get("brand", "")
    room = width - MARGIN - (cx + radius + 24)
    draw.text((cx + radius + 24, centre_y), _clip(wrap(name, name_face, room), 1, name_face, room)[0]
              if name else "", font=name_face, fill=BRAND_INK, anchor="lm")


def _footer(draw: ImageDraw.ImageDraw, spec: dict) -> None:
    width, height = size(spec)
    top = height - FOOTER
    draw.rectangle((0, top, width, height), fill=WASH)
    draw.line((0, top, width, top), fill=LINE, width=2)
    face = font(24, REGULAR)
    text = spec.get("footer", "")
    room = width - 2 * MARGIN
    if text:
        line = _clip(wrap(text, face, room), 1, face, room)[0]
        draw.text((MARGIN, top + FOOTER // 2), line, font=face, fill=MUTED, anchor="lm")


def _fitted(shape: dict, box: tuple[int, int, int, int]) -> dict:
    """The shape's rings (drawn for the wide card's panel) scaled and centred into `box` (x0, y0, x1, y1)."""
    xs = [v for key in ("rings", "here") for ring in shape.get(key, ()) for v in ring[0::2]]
    ys = [v for key in ("rings", "here") for ring in shape.get(key, ()) for v in ring[1::2]]
    if not xs:
        return shape
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / max(max(xs) - min(xs), 1), (y1 - y0) / max(max(ys) - min(ys), 1))
    dx = x0 + ((x1 - x0) - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    dy = y0 + ((y1 - y0) - (max(ys) - min(ys)) * scale) / 2 - min(ys) * scale
    return {key: [[round(v * scale + (dx if i % 2 == 0 else dy), 1) for i, v in enumerate(ring)]
                  for ring in shape.get(key, ())] for key in ("rings", "here")}


def _shape(draw: ImageDraw.ImageDraw, shape: dict, spec: dict) -> None:
    """The place: its province's kabupaten/kota in grey and the place itself in brand green (a
    province card has them all in green), as flat [x, y, …] rings in card pixels."""
    if spec.get("format") == "square":
        width, height = size(spec)
        shape = _fitted(shape, (MARGIN, height - FOOTER - SQUARE_SHAPE, width - MARGIN, height - FOOTER - 28))
    for key, fill in (("rings", LINE), ("here", BRAND)):
        for ring in shape.get(key, ()):
            points = list(zip(ring[0::2], ring[1::2]))
            if len(points) >= 3:
                draw.polygon(points, fill=fill, outline=PAPER)


def render(spec: dict) -> Image.Image:
    """The share image for a card spec (see facts.py for what each field holds)."""
    if spec.get("format") == "badge":
        from .badge_png import render_badge_png

        return render_badge_png(spec)
    image = Image.new("RGB", size(spec), PAPER)
    draw = ImageDraw.Draw(image)
    _brand_bar(draw, spec)
    _footer(draw, spec)
    if spec.get("shape"):
        _shape(draw, spec["shape"], spec)
    y = BODY_TOP
    for face, colour, lines, step, gap in fit(spec):
        y += gap
        for line in lines:
            # Top of the line box: ascender-anchored so every size sits on the same grid.
            draw.text((MARGIN, y), line, font=face, fill=colour, anchor="la")
            y += step
    # A brand-green rule at the left of the facts ties them to the header.
    draw.rectangle((MARGIN - 28, BODY_TOP + 4, MARGIN - 20, max(BODY_TOP + 60, y - 8)), fill=BRAND)
    return image


def png_bytes(spec: dict) -> bytes:
    """A palette PNG without timestamps or text chunks: the same spec gives the same bytes."""
    from .palette import indexed

    buffer = io.BytesIO()
    indexed(render(spec)).save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def render_to_file(job: tuple[dict, str]) -> str:
    """Worker entry: render one spec into a cache file, atomically (parallel builds may share the cache)."""
    spec, target = job
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(png_bytes(spec))
    os.replace(temporary, path)
    return target
