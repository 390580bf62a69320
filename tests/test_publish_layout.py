"""The search page keeps still while it loads (Lighthouse: cumulative layout shift 0, performance 100):
the form holds its place, invisible, until search.js reveals it; without JavaScript it takes no room."""

from __future__ import annotations

import pytest

from browser_support import Visit
from quality_support import serving
from site_build import built_site  # noqa: F401

PHONE = {"width": 412, "height": 823}
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
  .observe({type: 'layout-shift', buffered: true});"""

pytestmark = pytest.mark.xdist_group("publish-layout")


@pytest.mark.parametrize("url", ["/cari/", "/en/search/"])
def test_nothing_moves_when_the_search_form_appears(built_site, chromium, url):  # noqa: F811
    with serving(built_site.root) as base:
        with Visit(chromium, **PHONE, init_script=SHIFTS) as visit:
            visit.goto(base + url, wait_until="load")
            visit.page.wait_for_selector("#search:not([hidden])", timeout=15000)
            visit.page.wait_for_timeout(300)
            shifts = visit.page.evaluate("window.__shifts")
        with Visit(chromium, **PHONE, javascript=False) as quiet:
            quiet.goto(base + url, wait_until="load")
            display = quiet.page.evaluate("getComputedStyle(document.getElementById('search')).display")
    assert sum(shifts) == 0, f"{url}: layout shifts {shifts}"
    assert display == "none", "without JavaScript the form must take no room"
