"""The share PNGs' palette: the design colours and the anti-aliased steps between them, exact at both ends.

A card drawn in RGB holds about a thousand colours, nearly all blends along the edges of text and
shapes; mapped onto this palette it looks the same and its PNG is a third of the size.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image

from .card import BRAND, BRAND_INK, GOLD, INK, LINE, MUTED, PAPER, WASH

# Every colour drawn, and the steps of the anti-aliased edges between the pairs that touch.
PAIRS = ((INK, PAPER), (MUTED, PAPER), (BRAND, PAPER), (BRAND_INK, BRAND), (MUTED, WASH), (LINE, PAPER),
         (BRAND, LINE), (LINE, WASH), (GOLD, BRAND), (GOLD, PAPER), (PAPER, WASH))
BADGE_COLOURS = ((122, 86, 0), (59, 68, 80), (123, 63, 20))  # badge.PLACE_COLOURS, on white


@lru_cache(maxsize=None)
def palette() -> tuple[tuple[int, int, int], ...]:
    """The design palette: each pair blended in 16 steps (exact colours at both ends), under 256 colours."""
    colours: dict[tuple[int, int, int], None] = {}
    for a, b in PAIRS + tuple((c, PAPER) for c in BADGE_COLOURS):
        for step in range(17):
            colours[tuple(round(a[k] + (b[k] - a[k]) * step / 16) for k in range(3))] = None
    return tuple(colours)


def indexed(image: Image.Image) -> Image.Image:
    """The image in the design palette, each colour mapped to its nearest entry (design colours stay
    exact): a third of the RGB file's size, the same pixels to the eye."""
    import numpy as np

    pal = np.array(palette(), dtype=np.int32)
    rgb = np.asarray(image, dtype=np.int32)
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    counted = image.getcolors(1 << 14)  # a card has about a thousand colours (fast in Pillow's C)
    unique = (np.array([(r << 16) | (g << 8) | b for _n, (r, g, b) in counted], dtype=np.int32)
              if counted is not None else np.unique(packed))
    colours = np.stack([(unique >> 16) & 255, (unique >> 8) & 255, unique & 255], axis=1)
    nearest = ((colours[:, None, :] - pal[None, :, :]) ** 2).sum(axis=2).argmin(axis=1).astype(np.uint8)
    lookup = np.zeros(1 << 24, dtype=np.uint8)
    lookup[unique] = nearest
    out = Image.fromarray(lookup[packed], mode="P")
    out.putpalette([v for colour in palette() for v in colour])
    return out
