"""The site's own font: a Public Sans subset cut from the pinned package at build time, served by the site.

- the build writes theme/fonts/public-sans-latin.woff2 (a real WOFF2 with the weight axis, tabular
  figures and every character its CSS unicode-range promises), the same bytes as a fresh cut, and
  the font's licence beside it; every page preloads it and the stylesheet names it first;
- in Chromium the page's text is set in it whatever fonts the machine has: two browsers whose only
  "system" fonts differ (the upright and the italic file of the package) lay a page out identically,
  and without the web font (its request blocked) they do not, so the check can fail.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from browser_support import Visit, launch, require_browser
from quality_support import page_types, serving
from site_build import built_site  # noqa: F401

from paritrana_fonts.subset import FILE_NAME, LICENCE_NAME, RANGES, codepoints, licence_text, make_woff2, source_font

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "theme" / "static" / "css" / "site.css"


def _font_face(css: str) -> str:
    found = re.search(r"@font-face\s*{([^}]*)}", css)
    assert found, "site.css has no @font-face"
    return found.group(1)


def test_the_build_writes_the_subset_font_and_its_licence(built_site):  # noqa: F811
    from fontTools.ttLib import TTFont

    folder = built_site.root / "theme" / "fonts"
    data = (folder / FILE_NAME).read_bytes()
    assert data[:4] == b"wOF2"
    assert data == make_woff2(), "the built font differs from a fresh cut of the pinned package"
    assert len(data) < 40_000, f"the subset is {len(data)} bytes"
    font = TTFont(folder / FILE_NAME)
    source = TTFont(source_font())
    assert set(font.getBestCmap()) == set(codepoints()), "the subset lacks characters its CSS range promises"
    assert set(codepoints()) <= set(source.getBestCmap())
    for char in "AZaz09%–—‘’“”…€ÉéÑñ":
        assert ord(char) in font.getBestCmap(), f"{char!r} is not in the subset"
    assert [a.axisTag for a in font["fvar"].axes] == ["wght"]
    features = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    assert "tnum" in features
    assert (folder / LICENCE_NAME).read_bytes() == licence_text()
    assert b"SIL Open Font License" in licence_text()


def test_the_stylesheet_names_the_font_first_with_the_range_of_the_subset():
    css = CSS.read_text(encoding="utf-8")
    face = _font_face(css)
    assert f'url("../fonts/{FILE_NAME}") format("woff2")' in face
    declared = re.search(r"unicode-range:\s*([^;]+);", face).group(1).strip()
    assert declared == ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in RANGES)
    assert "font-display: swap" in face
    assert re.search(r'font-family:\s*"Public Sans",', css.split("@font-face", 1)[1].split("}", 1)[1])
    assert re.search(r"table\s*{[^}]*font-variant-numeric:\s*tabular-nums", css)


def test_every_page_preloads_the_font(built_site):  # noqa: F811
    preload = f'<link rel="preload" href="/theme/fonts/{FILE_NAME}" as="font" type="font/woff2" crossorigin>'
    missing = [url for url in built_site.pages if preload not in built_site.pages[url].source]
    assert not missing, f"{len(missing)} pages do not preload the font, e.g. {missing[:3]}"


# --- in the browser -----------------------------------------------------------------------------

def _fontconfig(folder: Path, font_file: Path) -> dict:
    """An environment whose fontconfig knows one font file only."""
    fonts = folder / font_file.stem.replace("[", "").replace("]", "")
    fonts.mkdir(parents=True, exist_ok=True)
    link = fonts / font_file.name
    if not link.exists():
        link.symlink_to(font_file)
    conf = fonts / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                    f"<fontconfig><dir>{fonts}</dir><cachedir>{fonts / 'cache'}</cachedir></fontconfig>\n",
                    encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


MEASURE = """() => [...document.querySelectorAll('h1, main p, main td, main th')].slice(0, 60)
  .map((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.width * 4), Math.round(r.height * 4)]; })"""


def _layout(env: dict, url: str, block_font: bool) -> tuple[list, list]:
    with launch(env) as browser, Visit(browser, width=390, height=844) as visit:
        page = visit.page
        if block_font:
            page.route("**/*.woff2", lambda route: route.abort())
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready")
        faces = page.evaluate("""() => [...document.fonts].filter((f) => f.status === 'loaded')
                                 .map((f) => f.family.replace(/"/g, ''))""")
        boxes = page.evaluate(MEASURE)
    return faces, boxes


@pytest.mark.xdist_group("publish-fonts")
@pytest.mark.parametrize("lang", [0, 1], ids=["id", "en"])
def test_pages_look_the_same_whatever_fonts_the_machine_has(built_site, tmp_path, lang):  # noqa: F811
    require_browser()
    import fontpkg_public_sans

    files = Path(fontpkg_public_sans.ROOT) / "files"
    upright = _fontconfig(tmp_path, files / "PublicSans[wght].ttf")
    italic = _fontconfig(tmp_path, files / "PublicSans-Italic[wght].ttf")
    with serving(built_site.root) as base:
        url = base + page_types(built_site.root)["province"][lang]
        faces_a, boxes_a = _layout(upright, url, block_font=False)
        faces_b, boxes_b = _layout(italic, url, block_font=False)
        assert "Public Sans" in faces_a and "Public Sans" in faces_b, "the site's font did not load"
        assert len(boxes_a) > 10
        assert boxes_a == boxes_b, "the layout depends on the fonts of the machine"
        _faces, bare_a = _layout(upright, url, block_font=True)
        _faces, bare_b = _layout(italic, url, block_font=True)
        assert bare_a != bare_b, "the two machines' fonts should differ without the web font (test is blind)"
