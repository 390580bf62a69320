"""Embeddable SVG badges, one per award and language: self-contained, readable, no script, no font file.

Texts are measured with the bundled font (Public Sans) so long names wrap instead of overflowing, and
every line carries its measured `textLength`, so a reader's fallback font is fitted to the same box.
Colours meet WCAG AA on their backgrounds (white on #0b5a3c 7.9:1; #1b1f24 and #4a5560 on white).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from .card import BOLD, REGULAR, SEMIBOLD, font

# Bump whenever the drawing below changes: it is part of every stored badge's key (badge_store.py).
BADGE_VERSION = 1
WIDTH = 360
PAD = 14
HEADER = 30
TEXT_WIDTH = WIDTH - 2 * PAD
FAMILY = "'Public Sans','Helvetica Neue',Arial,'Liberation Sans',sans-serif"
FAMILY_ATTR = quoteattr(FAMILY)
GREEN, WHITE, INK, MUTED = "#0b5a3c", "#ffffff", "#1b1f24", "#4a5560"
# Place colours as on the site's rank badges (all at least 4.5:1 on white).
PLACE_COLOURS = {1: "#7a5600", 2: "#3b4450", 3: "#7b3f14"}
# (size px, weight, colour, line height, max lines, space above)
STYLES = {
    "head": (13, BOLD, WHITE, 16, 1, 0),
    "place": (17, BOLD, None, 21, 2, 0),
    "who": (15, BOLD, INK, 19, 3, 3),
    "detail": (12, REGULAR, MUTED, 15, 2, 4),
    "site": (11, SEMIBOLD, GREEN, 14, 1, 8),
}
ELLIPSIS = "…"


class _Widths(dict):
    """Advance widths in px of one size and weight, measured once per character (at 4× for precision)."""

    def __init__(self, size: int, weight: int):
        super().__init__()
        self.face = font(size * 4, weight)

    def __missing__(self, char: str) -> float:
        width = self[char] = self.face.getlength(char) / 4
        return width


@lru_cache(maxsize=None)
def widths(size: int, weight: int) -> _Widths:
    return _Widths(size, weight)


def measure(text: str, size: int, weight: int) -> float:
    """Width in px of `text` (sum of the glyph advances; the font is not kerned by the BASIC layout)."""
    return sum(map(widths(size, weight).__getitem__, text))


@lru_cache(maxsize=8192)
def wrap(text: str, size: int, weight: int, width: float, limit: int) -> tuple[tuple[str, float], ...]:
    """Word wrap to `width`, breaking over-long words, at most `limit` lines (the last one ellipsised).

    Returns (line, measured width) pairs; cached, as places, rounds and categories repeat.
    """
    table = widths(size, weight)
    space = table[" "]
    lines: list[tuple[str, float]] = []
    current, current_width = "", 0.0
    for word in text.split():
        word_width = measure(word, size, weight)
        if current and current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
            continue
        if current:
            lines.append((current, current_width))
        while word_width > width:
            cut, cut_width = "", 0.0
            for char in word:
                if cut and cut_width + table[char] > width:
                    break
                cut, cut_width = cut + char, cut_width + table[char]
            lines.append((cut, cut_width))
            word = word[len(cut):]
            word_width = measure(word, size, weight)
        current, current_width = word, word_width
    if current:
        lines.append((current, current_width))
    if len(lines) > limit:
        lines = lines[:limit]
        last = lines[-1][0]
        while last and measure(last + ELLIPSIS, size, weight) > width:
            last = last[:-1].rstrip()
        lines[-1] = (last + ELLIPSIS, measure(last + ELLIPSIS, size, weight))
    return tuple(lines)


@dataclass(frozen=True)
class Badge:
    """A rendered badge: its SVG text, size and accessible name."""

    svg: str
    width: int
    height: int
    title: str


def _text(x: float, y: float, line: str, length: float, size: int, weight: int, colour: str) -> str:
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size}" font-weight="{weight}" fill="{colour}" '
            f'textLength="{length:.1f}" lengthAdjust="spacingAndGlyphs">{escape(line)}</text>')


def render_badge(*, head: str, place: str, rank: int | None, who: str, details: list[str], site: str,
                 title: str, lang: str, standalone: bool = True) -> Badge:
    """The badge SVG: a green band with the award and year, then place, winner, round and category."""
    parts = []
    size, weight, colour, _lh, _limit, _above = STYLES["head"]
    head_line, head_width = wrap(head, size, weight, TEXT_WIDTH, 1)[0]
    parts.append(_text(PAD, 20, head_line, head_width, size, weight, colour))
    y = HEADER + 10
    blocks = [("place", place), ("who", who)] + [("detail", d) for d in details if d] + [("site", site)]
    for role, text in blocks:
        size, weight, colour, step, limit, above = STYLES[role]
        if role == "place":
            colour = PLACE_COLOURS.get(rank or 0, GREEN)
        y += above
        for line, line_width in wrap(text, size, weight, TEXT_WIDTH, limit):
            y += step
            parts.append(_text(PAD, y - (step - size) / 2 - 2, line, line_width, size, weight, colour))
    height = int(y + 12)
    namespace = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    svg = (f'<svg{namespace} width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'lang="{lang}" font-family={FAMILY_ATTR}>'
           f"<title>{escape(title)}</title>"
           f'<rect x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" rx="7" fill="{WHITE}" '
           f'stroke="{GREEN}" stroke-width="2"/>'
           f'<path d="M1 8a7 7 0 0 1 7-7h{WIDTH - 16}a7 7 0 0 1 7 7v{HEADER - 7}h-{WIDTH - 2}z" fill="{GREEN}"/>'
           + "".join(parts) + "</svg>")
    return Badge(svg, WIDTH, height, title)
