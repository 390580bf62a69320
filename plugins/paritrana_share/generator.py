"""The generator that writes the share kit: share images, SVG badges and printable summaries."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.generators import Generator

from paritrana_pages.urls import save_as

from .cache import build_images
from .collect import STATE


class ShareGenerator(Generator):
    """Everything it writes was gathered from the data pages by collect() (pages_built)."""

    def generate_context(self):
        """Nothing of its own: the data pages arrive through pages_built."""

    def generate_output(self, writer):
        state = self.context.get(STATE)
        if state is None:
            raise SystemExit("paritrana_share: no data pages were built (is the paritrana_pages plugin enabled?)")
        output = Path(self.output_path)
        self.stats = build_images(state["images"], output, Path(self.settings["PARITRANA_SHARE_CACHE_DIR"]),
                                  self.settings["PARITRANA_SHARE_WORKERS"], self.settings["PARITRANA_SHARE_POOL_MIN"])
        self.write_badges(state["badges"], output)
        template = self.get_template("print_summary")
        for page in state["print_pages"]:
            writer.write_file(save_as(page.url), template, self.context, url=page.url, meta=page,
                              lang=page.lang, **page.values)

    @staticmethod
    def write_badges(badges: dict[str, str], output: Path) -> None:
        """One small file per badge (200,000 for 100,000 awards): plain os calls, no text-file layers."""
        folders = set()
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        for relative, svg in sorted(badges.items()):
            path = output / relative
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            descriptor = os.open(path, flags, 0o644)
            try:
                os.write(descriptor, (svg + "\n").encode("utf-8"))
            finally:
                os.close(descriptor)
