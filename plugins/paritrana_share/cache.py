"""Share images: render only what is new, in a process pool when there is much, then link into the output.

A rendered PNG is stored once under PARITRANA_SHARE_CACHE_DIR, named by a hash of everything that
decides its pixels: the card spec (every text drawn), the font file, LAYOUT_VERSION and the Pillow
and FreeType versions. A build links (or copies) the cached file into the output, so an unchanged
page's image is never drawn again and its bytes stay identical from build to build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import features

from paritrana_core.files import place

from .card import LAYOUT_VERSION, font_path, render_to_file

logger = logging.getLogger(__name__)
STATS_FILE = "last-build.json"


@lru_cache(maxsize=None)
def renderer_digest() -> str:
    """Everything besides the spec that changes the pixels: font bytes, layout and library versions."""
    font = hashlib.sha256(font_path().read_bytes()).hexdigest()
    from .palette import palette

    return json.dumps({"layout": LAYOUT_VERSION, "font": font, "pillow": PIL.__version__,
                       "freetype": features.version("freetype2"), "palette": palette()}, sort_keys=True)


def cache_key(spec: dict) -> str:
    payload = json.dumps({"renderer": renderer_digest(), "spec": spec}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def cache_file(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.png"


def render_missing(jobs: list[tuple[dict, str]], workers: int, pool_min: int) -> str:
    """Render cache files that do not exist yet; 'pool' when both cores share the work."""
    if not jobs:
        return "none"
    if workers > 1 and len(jobs) >= pool_min:
        # 'spawn': fresh workers that import only the drawing code, whatever the build process holds.
        context = multiprocessing.get_context("spawn")
        count = min(workers, len(jobs))
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            for _ in pool.map(render_to_file, jobs, chunksize=max(1, len(jobs) // (count * 8))):
                pass
        return f"pool of {count}"
    for job in jobs:
        render_to_file(job)
    return "in process"


def build_images(images: dict[str, dict], output: Path, cache_dir: Path, workers: int, pool_min: int) -> dict:
    """Make every share image of the build: `images` maps output path -> card spec."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = {target: cache_key(spec) for target, spec in images.items()}
    specs = {keys[target]: spec for target, spec in images.items()}
    jobs = [(spec, str(cache_file(cache_dir, key))) for key, spec in sorted(specs.items())
            if not cache_file(cache_dir, key).is_file()]
    mode = render_missing(jobs, workers, pool_min)
    rendered_at = time.perf_counter()
    for target, key in sorted(keys.items()):
        place(cache_file(cache_dir, key), output / target)
    stats = {"images": len(images), "unique": len(specs), "rendered": len(jobs), "reused": len(specs) - len(jobs),
             "mode": mode, "render_seconds": round(rendered_at - start, 3),
             "seconds": round(time.perf_counter() - start, 3)}
    temporary = cache_dir / f".{STATS_FILE}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, cache_dir / STATS_FILE)  # builds sharing the cache never read half a file
    logger.info("Share images: %(images)s (%(rendered)s rendered, %(reused)s from the cache, %(mode)s) "
                "in %(seconds)ss", stats)
    return stats
