"""Every page: language, hreflang alternates, language switch, canonical, headings, skip link; every link resolves."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from urllib.parse import urlsplit

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset, pairs

PAIRS = pairs(dataset())


def page_lang(url: str) -> str:
    return "en" if url.startswith("/en/") else "id"


# --- one check per function, applied to every built page -------------------------------------

def check_lang(site, page):
    if page.lang != page_lang(page.url):
        yield f'<html lang="{page.lang}">, expected "{page_lang(page.url)}"'


def check_alternates(site, page):
    alts = page.alternates()
    for code in ("id", "en", "x-default"):
        if len(alts.get(code, [])) != 1:
            yield f"hreflang={code}: {alts.get(code)} (expected exactly one)"
    if any(len(alts.get(code, [])) != 1 for code in ("id", "en", "x-default")):
        return
    own, other = page_lang(page.url), "id" if page_lang(page.url) == "en" else "en"
    if alts[own][0] != page.url:
        yield f"hreflang={own} points to {alts[own][0]}, not to the page itself"
    if alts["x-default"][0] != alts["id"][0]:
        yield f"x-default {alts['x-default'][0]} is not the Indonesian page {alts['id'][0]}"
    expected = PAIRS.get(page.url) if own == "id" else {v: k for k, v in PAIRS.items()}.get(page.url)
    if expected and alts[other][0] != expected:
        yield f"hreflang={other} points to {alts[other][0]}, expected {expected}"
    target = site.pages.get(alts[other][0])
    if target is None:
        yield f"hreflang={other} target {alts[other][0]} is not a built page"
    elif target.alternates().get(own) != [page.url]:
        yield f"not symmetric: {alts[other][0]} has hreflang={own} {target.alternates().get(own)}"


def check_lang_switch(site, page):
    switches = page.find_all("a", cls="lang-switch")
    other = "id" if page_lang(page.url) == "en" else "en"
    alt = page.alternates().get(other)
    if len(switches) != 1:
        yield f"{len(switches)} language-switch links (expected 1)"
    elif [switches[0].attrs.get("href")] != alt:
        yield f"language switch goes to {switches[0].attrs.get('href')}, the {other} alternate is {alt}"


def check_canonical(site, page):
    canon = [el.attrs.get("href") for el in page.find_all("link") if "canonical" in el.attrs.get("rel", "").split()]
    if canon != [page.url]:
        yield f"canonical links {canon}, expected [{page.url!r}]"


def check_one_h1(site, page):
    count = len(page.find_all("h1"))
    if count != 1:
        yield f"{count} <h1> elements"


def check_skip_link(site, page):
    if not page.find_all("a", href="#main"):
        yield 'no skip link <a href="#main">'
    if page.by_id("main") is None:
        yield "no element with id main"


def check_unique_ids(site, page):
    dupes = sorted(k for k, v in page.ids.items() if len(v) > 1)
    if dupes:
        yield f"duplicate ids: {dupes[:10]}"


CHECKS = [check_lang, check_alternates, check_lang_switch, check_canonical, check_one_h1,
          check_skip_link, check_unique_ids]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("check_"))
def test_every_page(built_site, check):  # noqa: F811
    problems = [f"{url}: {message}" for url in sorted(built_site.pages)
                for message in check(built_site, built_site.pages[url])]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_the_checks_see_every_page(built_site):  # noqa: F811
    assert len(built_site.pages) >= 2 * len(PAIRS)
    assert "/" in built_site.pages and "/en/404.html" in built_site.pages


# --- links ----------------------------------------------------------------------------------

EXTERNAL = {"http", "https", "mailto"}


def internal_links(page):
    for el in page.root.iter():
        for attr in ("href", "src"):
            if attr in el.attrs:
                yield el.tag, el.attrs[attr]


def test_every_internal_link_resolves(built_site):  # noqa: F811
    problems, checked = [], 0
    for url in sorted(built_site.pages):
        for tag, href in internal_links(built_site.pages[url]):
            scheme = urlsplit(href).scheme
            if scheme in EXTERNAL:
                continue
            if scheme or href.startswith("//"):
                problems.append(f"{url}: <{tag}> {href!r} has an unexpected scheme")
                continue
            checked += 1
            path, file, fragment = built_site.resolve(url, href)
            if not file.is_file():
                problems.append(f"{url}: <{tag}> {href!r} -> {file.relative_to(built_site.root)} missing")
                continue
            if fragment and path.endswith(".svg"):  # a badge's view: an id in the SVG file
                if not any(el.get("id") == fragment for el in ET.parse(file).getroot().iter()):
                    problems.append(f"{url}: {href!r}: no id {fragment!r} in {path}")
            elif fragment:
                target = built_site.pages.get(path)
                if target is None:
                    problems.append(f"{url}: {href!r} has an anchor but {path} is not an HTML page")
                elif target.by_id(fragment) is None:
                    problems.append(f"{url}: {href!r}: no id {fragment!r} on {path}")
    assert checked > 10 * len(built_site.pages)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_in_page_anchors_target_ids(built_site):  # noqa: F811
    """The same check for links written as bare '#x' (tables of contents, skip links)."""
    problems, seen = [], 0
    for url in sorted(built_site.pages):
        page = built_site.pages[url]
        for el in page.find_all("a"):
            href = el.attrs.get("href", "")
            if href.startswith("#"):
                seen += 1
                if href == "#" or page.by_id(href[1:]) is None:
                    problems.append(f"{url}: {href!r} targets no id")
    assert seen >= len(built_site.pages), "every page has at least its skip link"
    assert not problems, "\n".join(problems[:40])


def test_links_carry_no_build_paths(built_site):  # noqa: F811
    """No link leaks the temporary output folder or a local file path."""
    root = str(built_site.root)
    leaks = [f"{url}: {href}" for url in sorted(built_site.pages)
             for _tag, href in internal_links(built_site.pages[url])
             if root in href or href.startswith("file:") or "\\" in href]
    assert not leaks, "\n".join(leaks[:20])
