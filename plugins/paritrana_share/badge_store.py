"""Badge SVGs drawn once and kept in the share cache, named by a hash of what they show.

At 100,000 awards a build offers 200,000 badges (one per award and language). Each is drawn only
when its texts change: the store keeps the SVG under <cache>/badges/ and its height in an index
(pages need it for the snippet before anything is written), draws again any file the cache lost.

The output holds ONE file per award for both languages (free hosts cap a site's file count: 20,000
on Cloudflare Pages): `lencana/<award>.svg` stacks the badge of each language and names each with
an SVG <view>, so `lencana/<award>.svg#en` shows the English badge alone, exactly as drawn, and the
file opened without a fragment shows the first language's. The stacked files are cached too, named
by the keys of their badges, and linked into the output.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from paritrana_core.files import place

from .badge import BADGE_VERSION, STYLE, WIDTH, render_badge

INDEX = "heights.json"
STACK_VERSION = 2  # bump when stacked() changes: part of every stacked file's key


class BadgeStore:
    """Heights and files of rendered badges; `size()` draws what the cache lacks."""

    def __init__(self, cache_dir: Path | None):
        self.root = Path(cache_dir) / "badges" if cache_dir is not None else None
        self.heights: dict[str, int] = {}
        self.fresh: dict[str, str] = {}  # without a cache folder: key -> SVG drawn in this build
        self.drawn = 0
        self._files: set[str] | None = None  # keys with a file in the cache, listed once per build
        if self.root is not None:
            try:
                self.heights = json.loads((self.root / INDEX).read_text(encoding="utf-8"))
            except (FileNotFoundError, ValueError):
                self.heights = {}

    @staticmethod
    def key(inputs: dict) -> str:
        # repr of the values in a fixed key order: unambiguous for these str/int/None/list values.
        payload = repr((BADGE_VERSION, sorted(inputs.items())))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.svg"

    def _in_cache(self, key: str) -> bool:
        if self._files is None:  # one listing instead of a stat() per badge (200,000 at scale)
            self._files = set()
            if self.root.is_dir():
                for folder in os.scandir(self.root):
                    if folder.is_dir():
                        self._files.update(name[:-4] for name in os.listdir(folder.path) if name.endswith(".svg"))
        return key in self._files

    def size(self, inputs: dict) -> tuple[str, int, int]:
        """The badge's cache key, width and height, drawing it if the cache does not have it."""
        key = self.key(inputs)
        height = self.heights.get(key)
        if height is None or (self.root is not None and not self._in_cache(key)):
            badge = render_badge(**inputs)
            if self.root is None:
                self.fresh[key] = badge.svg
            else:  # the cache is not the output: writing it now keeps no SVG in memory
                _write(self.path(key), badge.svg)
                if self._files is not None:
                    self._files.add(key)
            self.heights[key], height = badge.height, badge.height
            self.drawn += 1
        return key, WIDTH, height

    def svg(self, key: str) -> str:
        """One drawn badge's SVG text."""
        if self.root is None:
            return self.fresh[key]
        try:
            return self.path(key).read_text(encoding="utf-8").rstrip("\n")
        except FileNotFoundError:
            raise SystemExit(f"paritrana_share: the badge {self.path(key)} left the cache during the build "
                             "(was the cache folder cleaned meanwhile?); build again") from None

    def stacked(self, views: dict[str, str]) -> str:
        """One SVG holding the badge of each view (language -> badge key), each named by a <view>."""
        parts, names, top = [], [], 0
        for name, key in views.items():
            height = self.heights[key]
            names.append(f'<view id="{name}" viewBox="0 {top} {WIDTH} {height}"/>')
            inner = self.svg(key).replace(' xmlns="http://www.w3.org/2000/svg"', "", 1).replace(STYLE, "", 1)
            parts.append(inner.replace("<svg ", f'<svg y="{top}" ', 1))
            top += height
        first = self.heights[next(iter(views.values()))]
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{first}" '
                f'viewBox="0 0 {WIDTH} {first}">' + STYLE + "".join(names) + "".join(parts) + "</svg>")

    def write(self, badges: dict[str, dict[str, str]], output: Path) -> dict:
        """Put every badge file (output path -> {language: badge key}) into `output`, linked from the cache."""
        self._save_index()
        out = str(output)
        stacked = 0
        for relative, views in sorted(badges.items()):
            target = f"{out}/{relative}"  # plain strings: 100,000 of these at scale
            if self.root is None:
                _write(Path(target), self.stacked(views))
                continue
            key = self.key({"stacked": sorted(views.items()), "layout": STACK_VERSION})
            if not self._in_cache(key):
                _write(self.path(key), self.stacked(views))
                self._files.add(key)
                stacked += 1
            place(str(self.path(key)), target)
        return {"badges": sum(len(v) for v in badges.values()), "files": len(badges), "drawn": self.drawn,
                "stacked": stacked}

    def _save_index(self) -> None:
        """Record the heights of this build's new badges (atomically: builds may share the cache)."""
        if self.root is None or not self.drawn:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{INDEX}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(self.heights, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.root / INDEX)


def _write(path: Path, svg: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(svg + "\n")
    os.replace(temporary, path)
