"""A site any free host accepts: one badge file per award for both languages, and the bundled data's
site within 3,000 files (Cloudflare Pages takes 20,000; `invoke bench` prints the figures at 10,000
and 100,000 rows).

In Chromium, `lencana/<award>.svg#en` shows exactly the English badge as drawn on its own, and `#id`
the Indonesian one: the views of the one file cut nothing off and show nothing of the other language.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from browser_support import Visit
from quality_support import serving
from site_build import built_site  # noqa: F401

SVG = "{http://www.w3.org/2000/svg}"
FILE_LIMIT = 3_000


def test_the_bundled_site_stays_within_3000_files(built_site):  # noqa: F811
    files = [p for p in built_site.root.rglob("*") if p.is_file()]
    assert len(files) <= FILE_LIMIT, f"{len(files)} files"
    badges = sorted(p.name for p in (built_site.root / "lencana").iterdir() if p.is_file())
    assert badges and all(re.fullmatch(r"w[0-9a-f]+\.svg", name) for name in badges), badges[:5]
    pngs = sorted(p.relative_to(built_site.root / "lencana").as_posix()
                  for p in (built_site.root / "lencana").rglob("*.png"))
    assert pngs and all(re.fullmatch(r"png/(id|en)/w[0-9a-f]+\.png", name) for name in pngs), pngs[:5]
    assert len(pngs) < len(badges), "PNG badges only for each place's best result"


def test_each_badge_file_holds_one_view_per_language(built_site):  # noqa: F811
    offered = set()
    for url in built_site.pages:
        page = built_site.pages[url]
        for img in page.find_all("img"):
            src = img.attrs.get("src", "")
            if src.startswith("/lencana/"):
                assert src.endswith(f"#{page.lang}"), (url, src)
                offered.add(src.split("#")[0])
    on_disk = {f"/lencana/{p.name}" for p in (built_site.root / "lencana").iterdir() if p.is_file()}
    assert offered == on_disk, "every badge file is offered by a page, and every offered one exists"
    for name in sorted(on_disk)[:50]:
        root = ET.parse(built_site.root / name.lstrip("/")).getroot()
        views = [(v.get("id"), v.get("viewBox")) for v in root.findall(f"{SVG}view")]
        inner = root.findall(f"{SVG}svg")
        assert [v[0] for v in views] == ["id", "en"] and len(inner) == 2
        for (lang, box), badge in zip(views, inner):
            assert box == f"0 {badge.get('y')} {badge.get('width')} {badge.get('height')}"
            assert badge.get("lang") == lang and badge.get("role") == "img"


def _standalone(root: ET.Element, inner: ET.Element) -> str:
    """One nested badge as the SVG file it was drawn as: with the file's shared style and header band."""
    ET.register_namespace("", SVG[1:-1])
    element = ET.fromstring(ET.tostring(inner))
    element.attrib.pop("x", None)
    element.attrib.pop("y", None)
    for index, shared in enumerate(root.findall(f"{SVG}style") + root.findall(f"{SVG}defs")):
        element.insert(index, ET.fromstring(ET.tostring(shared)))
    return ET.tostring(element, encoding="unicode")


@pytest.mark.xdist_group("publish-badges")
def test_a_view_shows_exactly_its_language_badge(built_site, chromium):  # noqa: F811
    import base64

    name = sorted(p.name for p in (built_site.root / "lencana").glob("*.svg"))[0]
    root = ET.parse(built_site.root / "lencana" / name).getroot()
    with serving(built_site.root) as base, Visit(chromium, width=800, height=900) as visit:
        page = visit.page
        shots = {}
        for inner in root.findall(f"{SVG}svg"):
            lang, width, height = inner.get("lang"), inner.get("width"), inner.get("height")
            alone = base64.b64encode(_standalone(root, inner).encode()).decode()
            page.goto(base + "/404.html")  # any page of the site, so the badge is same-origin
            page.evaluate("""([src, alone, w, h]) => { document.body.innerHTML =
                `<img id=view src="${src}" width=${w} height=${h}>` +
                `<img id=alone src="data:image/svg+xml;base64,${alone}" width=${w} height=${h}>`;
                return Promise.all([...document.images].map((i) => i.decode())); }""",
                          [f"{base}/lencana/{name}#{lang}", alone, width, height])
            shots[lang] = (page.locator("#view").screenshot(), page.locator("#alone").screenshot())
    for lang, (view, alone) in shots.items():
        size, changed, most = _difference(view, alone)
        # The same picture: at most faint anti-aliasing differences along an edge.
        assert size and changed < 0.01 * size and most <= 16, f"lencana/{name}#{lang} differs from its badge"
    size, changed, _most = _difference(shots["id"][0], shots["en"][0])
    assert changed > 0.02 * size, "the two views show the same picture"


def _difference(png_a: bytes, png_b: bytes) -> tuple[int, int, int]:
    """(pixels, pixels that differ, largest channel difference) of two screenshots of one size."""
    import io

    from PIL import Image, ImageChops

    a, b = (Image.open(io.BytesIO(data)).convert("RGB") for data in (png_a, png_b))
    if a.size != b.size:
        return 0, 0, 255
    diff = list(ImageChops.difference(a, b).get_flattened_data())
    return len(diff), sum(1 for px in diff if max(px)), max(max(px) for px in diff)
