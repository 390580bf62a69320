"""The tile-grid map: every province one equal square, in its approximate place (row, column).

    col  0   1   2   3   4   5   6   7   8   9   10  11  12  13
    r0   AC
    r1   SU  RI  KR              KU      GO  SA  MU
    r2   SB  JA              KB  KI      ST          PD  PB  PA
    r3   BE  SS  BB          KT  KS  SR          MA      PT  PE
    r4       LA                      SN  SG                  PS
    r5       BT  JK  JB  JT  JI  BA  NB  NT
    r6                   YO
"""

from __future__ import annotations

TILES = {
    # Sumatra and its islands
    "11": (0, 0), "12": (1, 0), "14": (1, 1), "21": (1, 2), "13": (2, 0), "15": (2, 1),
    "17": (3, 0), "16": (3, 1), "19": (3, 2), "18": (4, 1),
    # Java, Bali and Nusa Tenggara
    "36": (5, 1), "31": (5, 2), "32": (5, 3), "33": (5, 4), "34": (6, 4), "35": (5, 5),
    "51": (5, 6), "52": (5, 7), "53": (5, 8),
    # Kalimantan
    "65": (1, 6), "61": (2, 5), "64": (2, 6), "62": (3, 5), "63": (3, 6),
    # Sulawesi
    "75": (1, 8), "71": (1, 9), "72": (2, 8), "76": (3, 7), "73": (4, 7), "74": (4, 8),
    # Maluku
    "82": (1, 10), "81": (3, 10),
    # Papua
    "96": (2, 11), "92": (2, 12), "91": (2, 13), "94": (3, 12), "95": (3, 13), "93": (4, 13),
}
ROWS = 1 + max(r for r, _ in TILES.values())
COLUMNS = 1 + max(c for _, c in TILES.values())

# Phones: the same grid in two bands, the west (Sumatra, Java, Bali, Kalimantan; columns 0-6) above the
# east (Nusa Tenggara Barat and Timur, Sulawesi, Maluku, Papua; columns 7-13), so that every tile keeps a
# readable code and a target of at least 24 px at 360 px instead of scrolling sideways.
SPLIT = 7
_EAST_TOP = min(r for r, c in TILES.values() if c >= SPLIT)
PORTRAIT = {code: (r, c) if c < SPLIT else (r - _EAST_TOP + 1 + max(r for r, c in TILES.values() if c < SPLIT),
                                            c - SPLIT)
            for code, (r, c) in TILES.items()}
PORTRAIT_ROWS = 1 + max(r for r, _ in PORTRAIT.values())
PORTRAIT_COLUMNS = 1 + max(c for _, c in PORTRAIT.values())


class TileLayoutError(SystemExit):
    """A province has no tile, or two share one."""


def check_layout(codes) -> None:
    """Every province of the data has exactly one tile and no two tiles overlap."""
    missing = sorted(set(codes) - set(TILES))
    if missing:
        raise TileLayoutError("paritrana_maps: no tile-map position for province(s) " + ", ".join(missing)
                              + "; add them to TILES in plugins/paritrana_maps/tilegrid.py")
    if len(set(TILES.values())) != len(TILES) or len(set(PORTRAIT.values())) != len(PORTRAIT):
        raise TileLayoutError("paritrana_maps: two provinces share a tile in tilegrid.TILES")
