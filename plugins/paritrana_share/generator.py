"""The generator that writes the share kit's files: share images and SVG badges (the printable summaries
are written with the data pages: collect() hands them over with paritrana_core.hooks.add_pages)."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from paritrana_core.preview import is_preview

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
        if is_preview(self.settings):
            return  # the edit loop keeps the last build's images and badges until its complete build
        output = Path(self.output_path)
        self.stats = build_images(state["images"], output, Path(self.settings["PARITRANA_SHARE_CACHE_DIR"]),
                                  self.settings["PARITRANA_SHARE_WORKERS"], self.settings["PARITRANA_SHARE_POOL_MIN"])
        self.stats["badges"] = state["badge_store"].write(state["badges"], output)

