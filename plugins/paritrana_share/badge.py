"""Embeddable SVG badges, one per award and language: self-contained, readable, no script, no font file.

Texts are measured with the bundled font (Public Sans) so long names wrap instead of overflowing, and
every line carries its measured `textLength`, so a reader's fallback font is fitted to the same box.
Colours meet WCAG AA on their backgrounds (white on #0b5a3c 7.9:1; #1b1f24 and #4a5560 on white).
The font, sizes and colours are one <style> block and the header band one <defs> path (STYLE), so a
file holding both languages' badges (badge_store.stacked) states them once: 100,000 badges at scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import escape

from .card import BOLD, REGULAR, SEMIBOLD, font

# Bump whenever the drawing below changes: it is part of every stored badge's key (badge_store.py).
BADGE_VERSION = 2
WIDTH = 360
PAD = 14
HEADER = 30
TEXT_WIDTH = WIDTH - 2 * PAD
FAMILY = "'Public Sans','Helvetica Neue',Arial,'Liberation Sans',sans-serif"
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
# Each role's class in the style block; the place line's class also says its rank (k0: no rank).
CLASSES = {"head": "h", "who": "w", "detail": "d", "site": "s"}
PLACE_CLASS = {1: "k1", 2: "k2", 3: "k3"}


def _style() -> str:
    rules = [f"svg{{font-family:{FAMILY}}}", f".f{{fill:{WHITE};stroke:{GREEN};stroke-width:2px}}",
             f"#b{{fill:{GREEN}}}"]
    for role, name in CLASSES.items():
        size, weight, colour, *_rest = STYLES[role]
        rules.append(f".{name}{{font-size:{size}px;font-weight:{weight};fill:{colour}}}")
    size, weight, *_rest = STYLES["place"]
    rules.append(f"[class^=k]{{font-size:{size}px;font-weight:{weight};fill:{GREEN}}}")
    rules += [f".{name}{{fill:{colour}}}" for rank, colour in PLACE_COLOURS.items()
              for name in (PLACE_CLASS[rank],)]
    return ("<style>" + "".join(rules) + "</style>"
            f'<defs><path id="b" d="M1 8a7 7 0 0 1 7-7h{WIDTH - 16}a7 7 0 0 1 7 7v{HEADER - 7}h-{WIDTH - 2}z"/></defs>')


# The shared part of every badge: stated once per file (badge_store.stacked removes it from each badge).
STYLE = _style()


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


def _text(y: float, line: str, length: float, name: str) -> str:
    return (f'<text class="{name}" y="{y:g}" textLength="{length:.1f}" lengthAdjust="spacingAndGlyphs">'
            f"{escape(line)}</text>")


def render_badge(*, head: str, place: str, rank: int | None, who: str, details: list[str], site: str,
                 title: str, lang: str, standalone: bool = True) -> Badge:
    """The badge SVG: a green band with the award and year, then place, winner, round and category."""
    size, weight, _colour, _lh, _limit, _above = STYLES["head"]
    head_line, head_width = wrap(head, size, weight, TEXT_WIDTH, 1)[0]
    parts = [_text(20, head_line, head_width, CLASSES["head"])]
    y = HEADER + 10
    blocks = [("place", place), ("who", who)] + [("detail", d) for d in details if d] + [("site", site)]
    for role, text in blocks:
        size, weight, _colour, step, limit, above = STYLES[role]
        name = PLACE_CLASS.get(rank or 0, "k0") if role == "place" else CLASSES[role]
        y += above
        for line, line_width in wrap(text, size, weight, TEXT_WIDTH, limit):
            y += step
            parts.append(_text(y - (step - size) / 2 - 2, line, line_width, name))
    height = int(y + 12)
    head = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    svg = (f'<svg{head} width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'lang="{escape(lang)}">{STYLE if standalone else ""}<title>{escape(title)}</title>'
           f'<rect class="f" x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" rx="7"/><use href="#b"/>'
           f'<g transform="translate({PAD})">' + "".join(parts) + "</g></svg>")
    return Badge(svg, WIDTH, height, title)
