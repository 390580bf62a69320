"""Site-test helpers: build the site with Pelican in a subprocess and read its pages back.

Test modules use the fixture with `from site_build import built_site  # noqa: F401`. The bundled
data is built once per test run: the modules that import the fixture, and the xdist workers, share it.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

try:
    import fcntl
except ImportError:  # Windows: no shared lock, so each xdist worker builds its own copy
    fcntl = None

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
for _folder in (ROOT, PLUGINS):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from paritrana_data import load_dataset  # noqa: E402
from sitetools.build import build_env, pelican_command  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ORIGIN = "http://site.test"
ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
PERCENT_METRICS = {"coverage_pct", "formal_pct", "informal_pct", "target_pct"}


# --- building -------------------------------------------------------------------------------

def run_pelican(output: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Build the site into `output` (optionally from another data folder); never raises on failure."""
    return subprocess.run(pelican_command(output, data_dir), cwd=ROOT, env=build_env(), capture_output=True,
                          text=True, timeout=300)


@lru_cache(maxsize=None)
def dataset(folder: str = str(ROOT / "data")):
    """The validated dataset the site is built from (loaded once per process)."""
    return load_dataset(folder)


def append_row(path: Path, **values: str) -> int:
    """Append a row (by column name) to a CSV data file; return its spreadsheet row number."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    unknown = set(values) - set(header)
    assert not unknown, f"no such columns in {path.name}: {unknown}"
    if not path.read_bytes().endswith(b"\n"):
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write("\n")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([values.get(col, "") for col in header])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


# --- parsing --------------------------------------------------------------------------------

@dataclass(eq=False)
class Element:
    """A parsed HTML element: tag, attributes, children (elements and text strings)."""

    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list = field(default_factory=list)

    def iter(self):
        """This element and all elements below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        """Descendants (and self) by tag, one class name and exact attribute values ('rel', 'hreflang'...)."""
        found = []
        for el in self.iter():
            if tag and el.tag != tag:
                continue
            if cls and cls not in el.attrs.get("class", "").split():
                continue
            if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(el)
        return found

    def text(self) -> str:
        """The text content with whitespace collapsed (entities already decoded)."""
        parts = []

        def walk(el):
            for child in el.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)
        walk(self)
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


class Page:
    """One built HTML file: its URL path, source text and parsed tree."""

    def __init__(self, url: str, path: Path):
        self.url, self.path = url, path
        self.source = path.read_text(encoding="utf-8")
        builder = _TreeBuilder()
        builder.feed(self.source)
        builder.close()
        self.root = builder.root

    @cached_property
    def ids(self) -> dict[str, list[Element]]:
        found: dict[str, list[Element]] = {}
        for el in self.root.iter():
            if "id" in el.attrs:
                found.setdefault(el.attrs["id"], []).append(el)
        return found

    def by_id(self, element_id: str) -> Element | None:
        return (self.ids.get(element_id) or [None])[0]

    def find_all(self, tag=None, cls=None, **attrs) -> list[Element]:
        return self.root.find_all(tag, cls, **attrs)

    @property
    def lang(self) -> str | None:
        html = self.find_all("html")
        return html[0].attrs.get("lang") if html else None

    def alternates(self) -> dict[str, list[str]]:
        """hreflang -> hrefs of <link rel=alternate>."""
        found: dict[str, list[str]] = {}
        for el in self.find_all("link"):
            if "alternate" in el.attrs.get("rel", "").split() and "hreflang" in el.attrs:
                found.setdefault(el.attrs["hreflang"], []).append(el.attrs.get("href", ""))
        return found

    def text(self) -> str:
        return self.root.text()


class LazyPages(Mapping):
    """URL path ('/tahun/2023/', '/404.html') -> Page, parsed on first access."""

    def __init__(self, root: Path):
        self._files = {url_of(path, root): path for path in sorted(root.rglob("*.html"))}
        self._parsed: dict[str, Page] = {}

    def __getitem__(self, url: str) -> Page:
        if url not in self._parsed:
            self._parsed[url] = Page(url, self._files[url])
        return self._parsed[url]

    def __iter__(self):
        return iter(self._files)

    def __len__(self):
        return len(self._files)


def url_of(path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    return "/" + (rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)


@dataclass
class Site:
    """A finished build: output folder, Pelican's messages and the pages."""

    root: Path
    stdout: str
    stderr: str
    pages: LazyPages

    def resolve(self, page_url: str, href: str) -> tuple[str, Path, str]:
        """An internal link as (URL path, file it needs, fragment)."""
        parts = urlsplit(urljoin(ORIGIN + page_url, href))
        path = unquote(parts.path) or "/"
        file = self.root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        return path, file, parts.fragment


_BUILDS: dict[str, Site] = {}


def build(tmp_path_factory) -> Site:
    """Build the bundled data once per test run: xdist workers share one build behind a file lock."""
    if "main" in _BUILDS:
        return _BUILDS["main"]
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        base = base.parent  # the run's folder, shared by the workers
    out, log = base / "built-site", base / "built-site.json"
    with (base / "built-site.lock").open("w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            result = run_pelican(out)
            log.write_text(json.dumps({"rc": result.returncode, "stdout": result.stdout,
                                       "stderr": result.stderr}), encoding="utf-8")
    done = json.loads(log.read_text(encoding="utf-8"))
    assert done["rc"] == 0, f"pelican exited {done['rc']}:\n{done['stderr']}\n{done['stdout']}"
    _BUILDS["main"] = Site(out, done["stdout"], done["stderr"], LazyPages(out))
    return _BUILDS["main"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Site:
    """The site built from data/ into a temporary folder."""
    return build(tmp_path_factory)


# --- expected URLs and formats (written from the documented URL scheme, not the plugin) -------

EDITORIAL = {"/tentang/": "/en/about/", "/metode/": "/en/method/", "/sumber/": "/en/sources/",
             "/koreksi/": "/en/corrections/"}


# Pages of the capability plugins (data downloads, search, map).
CAPABILITY_PAGES = {"/data/": "/en/data/", "/cari/": "/en/search/", "/peta/": "/en/map/"}


def pairs(data) -> dict[str, str]:
    """Every expected Indonesian page URL -> its English counterpart."""
    prov = {p.code: p.slug for p in data.provinces}
    found = {"/": "/en/", "/tahun/": "/en/year/", "/provinsi/": "/en/province/",
             "/kategori/": "/en/category/", "/404.html": "/en/404.html", **EDITORIAL, **CAPABILITY_PAGES}
    found.update({f"/tahun/{e.year}/": f"/en/year/{e.year}/" for e in data.editions})
    if any(w.edition is None for w in data.winners):
        found["/tahun/tanpa-tahun/"] = "/en/year/undated/"
    found.update({f"/provinsi/{p.slug}/": f"/en/province/{p.slug}/" for p in data.provinces})
    for r in data.regencies:
        if any(w.regency == r.code for w in data.winners):
            found[f"/provinsi/{prov[r.province_code]}/{r.slug}/"] = f"/en/province/{prov[r.province_code]}/{r.slug}/"
    for c in data.categories:
        slug = c.slug.replace("_", "-")
        found[f"/kategori/{slug}/"] = f"/en/category/{slug}/"
    return found


def winner_urls(data, w) -> dict[str, str]:
    """The Indonesian pages a winner must appear on, by page kind."""
    prov = {p.code: p.slug for p in data.provinces}
    regencies = {r.code: r for r in data.regencies}
    urls = {"edition": f"/tahun/{w.edition if w.edition is not None else 'tanpa-tahun'}/",
            "category": f"/kategori/{w.category.replace('_', '-')}/"}
    if w.province:
        urls["province"] = f"/provinsi/{prov[w.province]}/"
    if w.regency:
        r = regencies[w.regency]
        urls["regency"] = f"/provinsi/{prov[r.province_code]}/{r.slug}/"
    return urls


def fmt_date(d: date, lang: str) -> str:
    """12 September 2024 / September 12, 2024."""
    if lang == "id":
        return f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}"
    return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"


def fmt_partial(text: str, lang: str) -> str:
    """'2024', 'Agustus 2024' / 'August 2024', or a full date."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{(ID_MONTHS if lang == 'id' else EN_MONTHS)[parts[1] - 1]} {parts[0]}"
    return fmt_date(date(*parts), lang)


def fmt_number(value: float, lang: str) -> str:
    """2.617.816 / 2,617,816 and 41,61 / 41.61 (at most two decimals, no trailing zeros)."""
    whole, frac = f"{value:,.2f}".split(".")
    frac = frac.rstrip("0")
    if lang == "id":
        whole = whole.replace(",", ".")
    return whole + (("," if lang == "id" else ".") + frac if frac else "")


def fmt_figure(f, lang: str) -> str:
    suffix = "%" if f.metric in PERCENT_METRICS else ""
    if f.value_high is not None:
        text = f"{fmt_number(f.value, lang)}–{fmt_number(f.value_high, lang)}{suffix}"
    else:
        text = fmt_number(f.value, lang) + suffix
    bounds = {"more_than": {"id": "lebih dari ", "en": "more than "},
              "less_than": {"id": "kurang dari ", "en": "less than "}}
    return bounds[f.bound][lang] + text if f.bound else text


def badge_view(stack, lang: str):
    """The badge a view of an award's one badge file shows: the nested <svg> its <view> frames."""
    views = {v.get("id"): v.get("viewBox").split() for v in stack.findall("{http://www.w3.org/2000/svg}view")}
    _x, top, width, height = views[lang]
    for inner in stack.findall("{http://www.w3.org/2000/svg}svg"):
        if (inner.get("y"), inner.get("width"), inner.get("height")) == (top, width, height):
            return inner
    raise LookupError(f"no badge under the view {lang!r}")
