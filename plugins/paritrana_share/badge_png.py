"""A badge as a PNG (for sites and apps that take no SVG): the SVG badge's layout drawn with Pillow at 2×.

Runs in the image workers (through card.render), so it imports only Pillow and the drawing modules.
The spec holds the same inputs as the SVG badge (badge.render_badge) plus "format": "badge".
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from .badge import HEADER, PAD, PLACE_COLOURS, STYLES, TEXT_WIDTH, WIDTH, wrap
from .card import font

SCALE = 2  # pixels per badge unit: sharp on high-density screens, still small files


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _blocks(spec: dict) -> list[tuple[str, str]]:
    return ([("place", spec["place"]), ("who", spec["who"])] + [("detail", d) for d in spec["details"] if d]
            + [("site", spec["site"])])


def badge_height(spec: dict) -> int:
    """The badge's height in badge units, as the SVG badge computes it."""
    y = HEADER + 10
    for role, text in _blocks(spec):
        size, weight, _colour, step, limit, above = STYLES[role]
        y += above + step * len(wrap(text, size, weight, TEXT_WIDTH, limit))
    return int(y + 12)


def render_badge_png(spec: dict) -> Image.Image:
    """The badge: a green band with the award and year, then place, winner, round, category and site."""
    height = badge_height(spec)
    image = Image.new("RGB", (WIDTH * SCALE, height * SCALE), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    green = _rgb("#0b5a3c")
    draw.rounded_rectangle((0, 0, WIDTH * SCALE - 1, height * SCALE - 1), radius=8 * SCALE, fill=(255, 255, 255),
                           outline=green, width=2 * SCALE)
    draw.rounded_rectangle((0, 0, WIDTH * SCALE - 1, HEADER * SCALE), radius=8 * SCALE, fill=green,
                           corners=(True, True, False, False))
    size, weight, colour, _step, _limit, _above = STYLES["head"]
    head = wrap(spec["head"], size, weight, TEXT_WIDTH, 1)[0][0]
    draw.text((PAD * SCALE, 20 * SCALE), head, font=font(size * SCALE, weight), fill=_rgb(colour), anchor="ls")
    y = HEADER + 10
    for role, text in _blocks(spec):
        size, weight, colour, step, limit, above = STYLES[role]
        if role == "place":
            colour = PLACE_COLOURS.get(spec.get("rank") or 0, "#0b5a3c")
        y += above
        for line, _width in wrap(text, size, weight, TEXT_WIDTH, limit):
            y += step
            baseline = y - (step - size) / 2 - 2
            draw.text((PAD * SCALE, round(baseline * SCALE)), line, font=font(size * SCALE, weight),
                      fill=_rgb(colour), anchor="ls")
    return image
