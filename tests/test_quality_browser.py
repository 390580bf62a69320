"""Browser gates, on one page of every type in both languages, in headless system Chromium:

- accessibility: axe-core (node_modules/axe-core, pinned) finds zero violations;
- no third-party requests: every request the page makes (and every one the CSP blocked) is to the site;
- the Content-Security-Policy blocks nothing the site needs, comes right after <meta charset>, and no
  script throws;
- a 375 px wide screen: the page never scrolls sideways (wide tables and tile maps scroll in their own box);
- a 700 px wide screen, where wide tables scroll sideways in their box (province and edition pages): axe
  again, and a table box that scrolls does so from the keyboard;
- page weight: HTML + CSS + JS (gzip) within the budget of each page type; the map page counts its
  geometry/JSON fetches too.

Every page is loaded once (a module fixture); the tests then read what was recorded.
"""

from __future__ import annotations

import gzip
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from browser_support import Visit
from quality_support import AXE, OPTIONAL_TYPES, PRINT_DIRS, REQUIRED_TYPES, gzip_size, need, \
    page_file, sample_pages, serving
from site_build import built_site  # noqa: F401

TYPES = list(REQUIRED_TYPES) + list(OPTIONAL_TYPES) + ["print"]
# One xdist group per language: each worker loads the pages of one language once.
CASES = [pytest.param(kind, lang, id=f"{kind}-{lang}", marks=pytest.mark.xdist_group(f"browser-{lang}"))
         for kind in TYPES for lang in ("id", "en")]
KB = 1024
BUDGETS = {"edition": 60 * KB, "province": 60 * KB, "province-empty": 60 * KB, "regency": 60 * KB,
           "map": 300 * KB}
WEIGHED = {"document", "stylesheet", "script", "fetch", "xhr"}
LOCAL_SCHEMES = {"data", "about", "blob"}
CSP_PROBE = """
window.__paritrana_csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__paritrana_csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}` +
  (e.sample ? ` sample: ${e.sample}` : '')));
"""
PHONE = {"width": 375, "height": 812}
# Between the card layout of phones (up to 40rem) and wide screens, winner tables scroll in their box.
TABLET = {"width": 700, "height": 900}
TABLET_KINDS = ("province", "edition")
# The table boxes that scroll sideways: their place among the boxes and whether each takes keyboard focus.
SIDEWAYS = """() => [...document.querySelectorAll('.table-scroll')].map((el, n) => ({n, scrolls: el.scrollWidth > el.clientWidth + 1,
  tabindex: el.getAttribute('tabindex'), html: el.outerHTML.slice(0, 120)})).filter(box => box.scrolls)"""
# Parts with content-visibility: auto are laid out only near the screen; the checks need all of it.
RENDER_ALL = """() => { for (const el of document.querySelectorAll('*'))
  if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible'; }"""
HEAD_START = "() => [...document.head.children].slice(0, 2).map(e => e.outerHTML)"
# The page's width, and what sticks out of it outside any box that scrolls or clips on its own.
OVERFLOW = """() => {
  const width = window.innerWidth, out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.getBoundingClientRect().right <= width + 0.5) continue;
    let boxed = false;
    for (let p = el.parentElement; p && p !== document.body && !boxed; p = p.parentElement)
      boxed = getComputedStyle(p).overflowX !== 'visible';
    if (!boxed) out.push(el.outerHTML.slice(0, 120));
  }
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              summary: n.failureSummary}))}));
}"""


@dataclass
class Report:
    """What loading one sample page in the browser found."""

    kind: str
    lang: str
    url: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    weights: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # url -> (type, raw, gzip)
    csp: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    axe: list[dict] = field(default_factory=list)
    head_start: list[str] = field(default_factory=list)
    phone: dict = field(default_factory=dict)
    tablet_axe: list[dict] = field(default_factory=list)
    tablet_sideways: list[dict] = field(default_factory=list)
    tablet_arrow_scroll: float | None = None


def visit(chromium, base: str, kind: str, lang: str, url: str, axe_source: str) -> Report:
    result = Report(kind, lang, url)
    opened = Visit(chromium, init_script=CSP_PROBE, console=False)
    page, result.requests, result.errors = opened.page, opened.requests, opened.errors
    responses = []
    page.on("response", lambda r: responses.append(r))
    # Failed loads are checked on the responses below (Chromium's own favicon probe is not the page's).
    page.on("console", lambda m: result.errors.append(f"console.{m.type}: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    try:
        response = opened.goto(base + url)
        result.status = response.status if response else None
        page.wait_for_timeout(150)  # late fetches (map geometry) and their CSP reports
        for r in responses:
            kind_of = r.request.resource_type
            if r.status >= 400 and r.url != base + url:
                result.errors.append(f"HTTP {r.status} for {r.url}")
            if kind_of in WEIGHED and r.ok and r.url.startswith(base):
                body = r.body()
                result.weights[r.url] = (kind_of, len(body), gzip_size(body))
        result.csp = page.evaluate("window.__paritrana_csp")
        result.head_start = page.evaluate(HEAD_START)
        page.evaluate(RENDER_ALL)
        page.evaluate(axe_source)  # evaluated through the DevTools protocol, so the page's CSP allows it
        result.axe = page.evaluate(AXE_RUN)
    finally:
        opened.close()
    with _rendered(chromium, PHONE, base + url) as page:
        result.phone = page.evaluate(OVERFLOW)
    if kind in TABLET_KINDS:
        with _rendered(chromium, TABLET, base + url) as page:
            result.tablet_sideways = page.evaluate(SIDEWAYS)
            if result.tablet_sideways:
                from playwright.sync_api import TimeoutError as PlaywrightTimeout

                box = page.locator(".table-scroll").nth(result.tablet_sideways[0]["n"])
                box.focus()
                page.keyboard.press("ArrowRight")
                page.keyboard.press("ArrowRight")
                try:  # the browser may scroll smoothly: wait for it to move
                    page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle(), timeout=3_000)
                except PlaywrightTimeout:
                    pass
                result.tablet_arrow_scroll = box.evaluate("el => el.scrollLeft")
            page.evaluate(axe_source)
            result.tablet_axe = page.evaluate(AXE_RUN)
    return result


@contextmanager
def _rendered(chromium, viewport: dict, url: str):
    """The page at `url` in a fresh browser context of this size, loaded and every part drawn."""
    with Visit(chromium, width=viewport["width"], height=viewport["height"]) as opened:
        page = opened.page
        opened.goto(url)
        page.evaluate(RENDER_ALL)
        yield page


_VISITS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def visits(built_site, chromium):  # noqa: F811
    """Loads the sample pages of one language in Chromium on first use (per process), recording what each
    requested, weighed and violated."""
    need("axe")

    def load(lang: str) -> dict:
        if lang not in _VISITS:
            axe_source = AXE.read_text(encoding="utf-8")
            found = {}
            with serving(built_site.root) as base:
                for kind, page_lang, url in sample_pages(built_site.root):
                    if page_lang == lang:
                        found[(kind, lang)] = visit(chromium, base, kind, lang, url, axe_source)
                found["base"] = base
            _VISITS[lang] = found
        return _VISITS[lang]
    return load


def _visit(visits, kind, lang) -> Report:
    visits = visits(lang)
    if (kind, lang) not in visits:
        if kind in REQUIRED_TYPES:
            pytest.fail(f"no {kind} page in the build")
        pytest.skip(f"this build has no {kind} page (its plugin is not enabled)")
    return visits[(kind, lang)]


def _axe_report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:6]:
            summary = " ".join(node["summary"].split())[:300]
            lines.append(f"    {node['target']}  {node['html']!r}\n      {summary}")
        if len(v["nodes"]) > 6:
            lines.append(f"    … and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


@pytest.mark.parametrize("kind,lang", CASES)
def test_axe_finds_no_violations(visits, kind, lang):
    v = _visit(visits, kind, lang)
    assert v.status in (200, 404 if kind == "404" else 200), f"{v.url}: HTTP {v.status}"
    assert not v.axe, f"axe-core: {len(v.axe)} violation(s) on {v.url}:\n" + _axe_report(v.axe)


@pytest.mark.parametrize("kind,lang", [c for c in CASES if c.values[0] in TABLET_KINDS])
def test_axe_finds_no_violations_at_700_px_where_tables_scroll_sideways(visits, kind, lang):
    v = _visit(visits, kind, lang)
    assert not v.tablet_axe, (f"axe-core at {TABLET['width']} px: {len(v.tablet_axe)} violation(s) on {v.url}:\n"
                              + _axe_report(v.tablet_axe))
    if kind == "province":  # the sample (the longest province page) has tables that scroll at this width
        assert v.tablet_sideways, f"{v.url}: no table box scrolls sideways at {TABLET['width']} px; pick another width"
    unfocusable = [box["html"] for box in v.tablet_sideways if box["tabindex"] != "0"]
    assert not unfocusable, f"{v.url}: table boxes that scroll but take no keyboard focus:\n" + "\n".join(unfocusable)
    if v.tablet_sideways:
        assert v.tablet_arrow_scroll and v.tablet_arrow_scroll > 0, f"{v.url}: the arrow key did not scroll the table box"


@pytest.mark.parametrize("kind,lang", CASES)
def test_every_request_stays_on_the_site(visits, kind, lang):
    v = _visit(visits, kind, lang)
    base = visits(lang)["base"]
    blocked = [re.search(r"blocked (\S+)", c).group(1) for c in v.csp]
    outside = [u for u in v.requests + blocked
               if not u.startswith(base + "/") and urlsplit(u).scheme not in LOCAL_SCHEMES
               and u not in ("(inline)", "inline", "eval", "wasm-eval")]
    assert v.requests and v.requests[0] == base + v.url
    assert not outside, f"{v.url} requested outside the site:\n" + "\n".join(sorted(set(outside)))


@pytest.mark.parametrize("kind,lang", CASES)
def test_csp_blocks_nothing_and_no_script_fails(visits, kind, lang):
    v = _visit(visits, kind, lang)
    assert not v.csp, f"{v.url}: the Content-Security-Policy blocked:\n" + "\n".join(v.csp)
    assert not v.errors, f"{v.url}: errors in the browser:\n" + "\n".join(v.errors)


@pytest.mark.parametrize("kind,lang", CASES)
def test_the_policy_comes_right_after_the_charset(visits, kind, lang):
    """A meta policy covers only what follows it."""
    v = _visit(visits, kind, lang)
    assert len(v.head_start) == 2 and v.head_start[0].lower().startswith("<meta charset="), v.head_start
    assert 'http-equiv="Content-Security-Policy"' in v.head_start[1], f"{v.url}: head starts {v.head_start}"


@pytest.mark.parametrize("kind,lang", CASES)
def test_no_sideways_scrolling_on_a_375_px_screen(visits, kind, lang):
    v = _visit(visits, kind, lang)
    assert v.phone["scroll"] <= v.phone["width"], (
        f"{v.url} at {PHONE['width']} px is {v.phone['scroll']} px wide; sticking out:\n" + "\n".join(v.phone["out"]))


# --- page weight ------------------------------------------------------------------------------------

def referenced_assets(root: Path, page_url: str, html: str) -> list[str]:
    """Site-relative URLs of the stylesheets and scripts an HTML page loads."""
    found = []
    for tag in re.finditer(r"<(link|script)\b[^>]*>", html):
        text = tag.group(0)
        if tag.group(1) == "link" and not re.search(r'rel="?(stylesheet|modulepreload|preload)"?', text):
            continue
        if tag.group(1) == "link" and "preload" in text and not re.search(r'as="?(script|style|fetch)', text):
            continue
        href = re.search(r'(?:href|src)="([^"]+)"', text)
        if href:
            path = urlsplit(urljoin("http://site.test" + page_url, href.group(1)))
            if path.netloc == "site.test":
                found.append(path.path)
    return found


def static_weight(root: Path, page_url: str) -> tuple[int, dict[str, int]]:
    """gzip bytes of an HTML page plus the CSS and JS it references."""
    html = page_file(root, page_url).read_bytes()
    parts = {page_url: gzip_size(html)}
    for asset in referenced_assets(root, page_url, html.decode("utf-8")):
        file = page_file(root, asset)
        if file.is_file():
            parts[asset] = gzip_size(file.read_bytes())
    return sum(parts.values()), parts


def pages_of_type(root: Path, kind: str) -> list[str]:
    patterns = {"edition": ("tahun/*/index.html", "en/year/*/index.html"),
                "province": ("provinsi/*/index.html", "en/province/*/index.html"),
                "regency": ("provinsi/*/*/index.html", "en/province/*/*/index.html")}
    return sorted("/" + p.parent.relative_to(root).as_posix() + "/" for pattern in patterns[kind]
                  for p in root.glob(pattern) if p.parent.name not in PRINT_DIRS)


def _kb(n: int) -> str:
    return f"{n / KB:.1f} KB"


@pytest.mark.xdist_group("links")
@pytest.mark.parametrize("kind", ["edition", "province", "regency"])
def test_page_weight_of_every_page_of_the_type(built_site, kind):  # noqa: F811
    """Every edition, province and regency page, both languages: HTML+CSS+JS gzip <= 60 KB."""
    pages = pages_of_type(built_site.root, kind)
    assert pages
    weights = {url: static_weight(built_site.root, url) for url in pages}
    heaviest = max(weights, key=lambda u: weights[u][0])
    total, parts = weights[heaviest]
    print(f"{kind}: {len(pages)} pages, heaviest {heaviest} = {_kb(total)} gzip "
          f"({', '.join(f'{k} {_kb(v)}' for k, v in parts.items())}); budget {_kb(BUDGETS[kind])}")
    over = sorted((u for u, (t, _) in weights.items() if t > BUDGETS[kind]), key=lambda u: -weights[u][0])
    assert not over, (f"{len(over)} {kind} page(s) over {_kb(BUDGETS[kind])} (HTML+CSS+JS, gzip): "
                      + ", ".join(f"{u} {_kb(weights[u][0])}" for u in over[:15]))


@pytest.mark.parametrize("kind,lang", [
    pytest.param(k, lang, id=f"{k}-{lang}", marks=pytest.mark.xdist_group(f"browser-{lang}"))
    for k in BUDGETS for lang in ("id", "en")])
def test_page_weight_in_the_browser(visits, kind, lang):
    """What the browser really fetched (HTML, CSS, JS, JSON/geometry), gzip, within the budget."""
    v = _visit(visits, kind, lang)
    total = sum(g for _t, _raw, g in v.weights.values())
    detail = ", ".join(f"{urlsplit(u).path} {_kb(g)}" for u, (_t, _r, g) in
                       sorted(v.weights.items(), key=lambda kv: -kv[1][2]))
    print(f"{kind} {lang} {v.url}: {_kb(total)} gzip ({detail})")
    assert total <= BUDGETS[kind], f"{v.url}: {_kb(total)} > {_kb(BUDGETS[kind])}: {detail}"


def test_gzip_size_is_what_servers_send():
    data = b"<p>Paritrana</p>" * 200
    assert gzip_size(data) == len(gzip.compress(data, 6, mtime=0)) < len(data)
