"""The sequential colour scale shared by the choropleth, the tile maps and the legend."""

from __future__ import annotations

from dataclasses import dataclass

# Viridis (perceptually uniform, readable with every common colour-vision deficiency and in grey),
# sampled at 0.0, 0.1 … 1.0 and reversed: light yellow for low coverage, dark violet for high.
VIRIDIS = ("#fde725", "#bddf26", "#7ad151", "#44bf70", "#22a884", "#21918c", "#2a788e", "#355f8d",
           "#414487", "#482475", "#440154")
NO_DATA = "#eceff2"       # background of the hatched "no data" fill
NO_DATA_LINE = "#7b8794"  # its hatch lines
HATCH_ID = "pa-hatch"
DARK_TEXT, LIGHT_TEXT = "#1b1f24", "#ffffff"


def palette(classes: int) -> tuple[str, ...]:
    """`classes` colours spread evenly over the scale, light to dark."""
    if classes == 1:
        return (VIRIDIS[4],)
    step = (len(VIRIDIS) - 1) / (classes - 1)
    return tuple(VIRIDIS[round(i * step)] for i in range(classes))


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour(fill: str) -> str:
    """Dark or white text, whichever contrasts more with the fill."""
    return DARK_TEXT if contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) else LIGHT_TEXT


@dataclass(frozen=True)
class Scale:
    """Class breaks in percent and one colour per class."""

    breaks: tuple[float, ...]
    colours: tuple[str, ...]

    @classmethod
    def from_breaks(cls, breaks) -> Scale:
        breaks = tuple(float(b) for b in breaks)
        return cls(breaks, palette(len(breaks) + 1))

    def index(self, value: float | None) -> int | None:
        """The class of a value (a range is classed by its midpoint before calling this)."""
        if value is None:
            return None
        return sum(value >= b for b in self.breaks)

    def colour(self, value: float | None) -> str | None:
        i = self.index(value)
        return None if i is None else self.colours[i]

    def classes(self, lang) -> list[dict]:
        """Legend entries: label ('under 20%', '20–30%', '60% or more') and colours."""
        _ = lang._
        entries = []
        bounds = (None, *self.breaks, None)
        for i, colour in enumerate(self.colours):
            low, high = bounds[i], bounds[i + 1]
            if low is None:
                label = _("under %(value)s", value=lang.percent(high))
            elif high is None:
                label = _("%(value)s or more", value=lang.percent(low))
            else:
                label = f"{lang.number(low)}–{lang.percent(high)}"
            entries.append({"label": label, "colour": colour, "text": text_colour(colour)})
        return entries
