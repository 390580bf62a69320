"""Phone-first pages, measured in headless Chromium: page heights at 390 px and no sideways
overflow at 360 px, on every page type in both languages.

The height limits are the targets of the phone layout (winner rows as short cards, provincial rounds
folded) with room for another font: they hold for any sans-serif the machine falls back to, and fail
if rows go back to labelled cards of ~330 px or the provincial rounds unfold.
"""

from __future__ import annotations

import pytest

from browser_support import Visit
from quality_support import page_types, serving
from site_build import built_site  # noqa: F401
from site_build import dataset

DATA = dataset()
# The printable summary is laid out for paper, not for a phone.
NOT_CHECKED_TYPES = {"print"}
# Overflow is the page scrolling sideways; the elements that stick out (outside boxes that scroll or
# clip on purpose, such as the tile map's) are listed to say which.
NOT_CHECKED = ".table-scroll, [hidden], .pa-tilemap"
pytestmark = pytest.mark.xdist_group("phone-browser")
# (Indonesian URL, English URL, tallest allowed at 390 px)
HEIGHTS = [("/", "/en/", 6000), ("/provinsi/", "/en/province/", 6000),
           ("/klasemen/", "/en/standings/", 9000)] + [
    (f"/tahun/{e.year}/", f"/en/year/{e.year}/", 12000) for e in DATA.editions] + [
    (f"/kategori/{c.slug.replace('_', '-')}/", f"/en/category/{c.slug.replace('_', '-')}/", 12000) for c in DATA.categories]


@pytest.fixture(scope="module")
def served(built_site, chromium):  # noqa: F811
    with serving(built_site.root) as base:
        yield base, chromium, built_site.root


def measure(chromium, url: str, width: int, skip: str = NOT_CHECKED) -> dict:
    with Visit(chromium, width=width, height=800) as visit:
        page = visit.page
        page.goto(url, wait_until="load")
        return page.evaluate("""(skip) => {
            const root = document.documentElement;
            const wide = [...document.querySelectorAll('body *')].filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.right > root.clientWidth + 1 && !el.closest(skip);
            }).slice(0, 5).map((el) => el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 40));
            return {height: root.scrollHeight, scroll: root.scrollWidth, client: root.clientWidth, wide};
        }""", skip)


@pytest.mark.parametrize("urls", HEIGHTS, ids=lambda u: u[0] if isinstance(u, tuple) else str(u))
def test_page_height_at_390px(served, urls):
    base, browser_, _root = served
    *pair, limit = urls
    for url in pair:
        found = measure(browser_, base + url, 390)
        assert found["height"] <= limit, f"{url}: {found['height']} px tall at 390 px (limit {limit})"


def test_no_horizontal_overflow_at_360px_on_any_page_type(served):
    base, browser_, root = served
    types = page_types(root)
    types["standings"] = ("/klasemen/", "/en/standings/")
    problems = []
    for kind, pair in sorted(types.items()):
        if kind in NOT_CHECKED_TYPES:
            continue
        for url in pair:
            found = measure(browser_, base + url, 360)
            if found["scroll"] > found["client"]:  # `wide`: the elements that stick out, to say which
                problems.append(f"{kind} {url}: {found['scroll']} px wide in {found['client']}; {found['wide']}")
    assert not problems, "\n".join(problems)


WORDS_BROKEN = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const m of text.matchAll(/[^\\s\\/\\-–·,()]{4,}/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken.slice(0, 10);
}"""


@pytest.mark.parametrize("width", [360, 800, 1024, 1280])
@pytest.mark.parametrize("kind", ["edition", "category", "regency", "province"])
def test_no_word_breaks_in_the_middle(served, kind, width):
    """'Lhokseumawe' stays one word: cells wrap between words, never inside one (phone and fixed columns)."""
    base, browser_, root = served
    for url in page_types(root)[kind]:
        with Visit(browser_, width=width, height=800) as visit:
            page = visit.page
            page.goto(base + url, wait_until="load")
            page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
            broken = page.evaluate(WORDS_BROKEN)
        assert not broken, f"{url}: words broken across lines at {width} px: {broken}"


def test_standings_sort_in_the_page_with_javascript(served):
    """The province table sorts by a count column in place, ranks renumbered, as its pre-sorted view does."""
    base, browser_, _root = served
    with Visit(browser_, width=1280, height=800) as visit:
        page = visit.page
        page.goto(base + "/klasemen/", wait_until="load")
        table = page.locator("table.standings").nth(1)
        table.locator("th.c-provincial button").click()
        first = table.locator("tbody tr").first.locator("th a").text_content()
        ranks = table.locator("tbody td.c-rank").all_text_contents()
        assert table.locator("th.c-provincial").get_attribute("aria-sort") == "descending"
        values = [int(v) for v in table.locator("tbody td.c-provincial").all_text_contents()]
        page.goto(base + "/klasemen/babak-provinsi/", wait_until="load")
        view = page.locator("table.standings").first.locator("tbody tr").first.locator("th a").text_content()
    assert values == sorted(values, reverse=True) and ranks[0] == "1"
    assert first == view, (first, view)


SPILLS = """() => [...document.querySelectorAll('table.winners td')].filter((td) => {
  const right = td.getBoundingClientRect().right;
  return [...td.children].some((c) => c.getBoundingClientRect().right > right + 1);
}).slice(0, 5).map((td) => td.className + ': ' + td.textContent.trim().slice(0, 60))"""


@pytest.mark.parametrize("width", [1024, 1280])
def test_winner_cells_keep_their_content_in_their_fixed_width_columns(served, width):
    """Columns have fixed widths on wide screens: a long chip ("Winner (order not stated)") wraps in its cell."""
    base, browser_, root = served
    types = page_types(root)
    problems = []
    for kind in ("edition", "province", "category", "regency"):
        for url in types[kind]:
            with Visit(browser_, width=width, height=800) as visit:
                page = visit.page
                page.goto(base + url, wait_until="load")
                page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
                spilled = page.evaluate(SPILLS)
            if spilled:
                problems.append(f"{url} at {width} px: {spilled}")
    assert not problems, "\n".join(problems)
