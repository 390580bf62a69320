"""Build gates, through `invoke build` exactly as a user runs it:

- the full build of the bundled data passes with Pelican warnings as errors;
- reproducibility: two clean builds into two folders give byte-identical trees;
- bad input: broken data files stop the build with file:row:column messages, a non-zero exit, no
  traceback, and the previous output folder untouched;
- hostile input: markup and script in every text field of a winner row and a coverage row come out as
  inert, escaped text; non-web source URLs (javascript: …) are rejected with a clear message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quality_support import ENV, ROOT, invoke_build, plain_pelican_command, xml_script_problems
from site_build import LazyPages, append_row

pytestmark = pytest.mark.xdist_group("builds")

BAD = ROOT / "tests" / "bad_inputs"


# --- full build and reproducibility --------------------------------------------------------------

def plain_pelican(output: Path) -> subprocess.CompletedProcess:
    """Pelican run directly (not through invoke) with another hash seed and empty caches of its own:
    output must depend on neither (the other build reuses the project's caches)."""
    return subprocess.run(plain_pelican_command(output), cwd=ROOT,
                          env={**ENV, "PYTHONHASHSEED": "4242"}, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two clean builds of the same inputs into two folders, side by side (both cores): `invoke build`,
    and Pelican run directly with a different PYTHONHASHSEED."""
    base = tmp_path_factory.mktemp("repro")
    outputs = [base / "first", base / "second"]
    with ThreadPoolExecutor(2) as pool:
        results = [pool.submit(invoke_build, outputs[0]), pool.submit(plain_pelican, outputs[1])]
        results = [r.result() for r in results]
    return outputs, results


def test_full_build_with_warnings_as_errors(two_builds):
    outputs, results = two_builds
    for out, result in zip(outputs, results):
        messages = result.stdout + result.stderr
        assert result.returncode == 0, f"the build failed (exit {result.returncode}):\n{messages[-5000:]}"
        assert "Traceback" not in messages
        assert not re.search(r"^\s*(WARNING|ERROR|CRITICAL)\b", messages, re.M), messages[-5000:]
        assert (out / "index.html").is_file() and (out / "en" / "index.html").is_file()
    assert not (outputs[0].parent / f".{outputs[0].name}.build").exists(), "invoke build left its staging folder"
    assert "--fatal" in plain_pelican_command(outputs[0])


def owner_of(rel: str) -> str:
    """The plugin that most likely writes an output path (by where its first segments are named)."""
    parts = [p for p in rel.split("/") if p not in ("en",)]
    if rel.endswith(".html") and (len(parts) == 1 or parts[0] in ("tahun", "year", "provinsi", "province",
                                                                  "kategori", "category")):
        return "paritrana_pages (theme/templates)"
    needles = [parts[0]] + ([Path(rel).suffix] if Path(rel).suffix else [])
    owners = []
    for plugin in sorted((ROOT / "plugins").glob("paritrana_*")):
        text = " ".join(f.read_text(encoding="utf-8", errors="replace") for f in plugin.rglob("*")
                        if f.is_file() and f.suffix in (".py", ".html", ".js", ".json"))
        if re.search(rf"[\"'/]{re.escape(parts[0])}[\"'/]", text):
            owners.append(plugin.name)
    return ", ".join(owners) or f"unknown (segment {needles[0]!r})"


def _first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"sizes {len(a)} / {len(b)}; first difference at byte {n}: "
            f"{a[max(0, n - 60):n + 60]!r}\n      vs {b[max(0, n - 60):n + 60]!r}")


def test_two_clean_builds_are_byte_identical(two_builds):
    (first, second), results = two_builds
    assert all(r.returncode == 0 for r in results), "the builds failed (see the full-build test)"
    files_a = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    files_b = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    problems = [f"only in the first build: {f} ({owner_of(f)})" for f in sorted(files_a - files_b)]
    problems += [f"only in the second build: {f} ({owner_of(f)})" for f in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        a, b = (first / rel).read_bytes(), (second / rel).read_bytes()
        if a != b:
            problems.append(f"differs: {rel} (owner: {owner_of(rel)}): {_first_difference(a, b)}")
    assert len(files_a) > 100
    assert not problems, f"{len(problems)} file(s) not reproducible:\n" + "\n".join(problems[:30])


# --- bad input ---------------------------------------------------------------------------------------

# Corpus file -> the column its first error names (None: a whole-file problem, named by file only).
BAD_CASES = {
    "winners/kota_jember.csv": "winner_regency",
    "winners/unknown_category.csv": "category",
    "winners/rank_4.csv": "rank",
    "winners/bad_date.csv": "ceremony_date",
    "winners/misspelt_column.csv": "source_url",
    "winners/province_office.xlsx": "winner_regency",
    "winners/javascript_url.csv": "source_url",
    "winners/many_errors.csv": None,
    "winners/damaged.xlsx": None,
    "winners/enc_utf16.csv": None,
    "coverage/not_a_number.csv": "value",
    "coverage/negative.csv": "value",
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_stops_the_build_cleanly(tmp_path, name):
    source = BAD / name
    if not source.exists():
        pytest.fail(f"corpus file {name} is missing from tests/bad_inputs/")
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copyfile(source, data / name)
    out = tmp_path / "site"
    (out / "tahun").mkdir(parents=True)
    (out / "sentinel.txt").write_text("previous build\n", encoding="utf-8")
    (out / "tahun" / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")
    before = {p.relative_to(out): (p.is_file() and p.read_bytes()) for p in out.rglob("*")}

    result = invoke_build(out, data)

    messages = result.stdout + result.stderr
    assert result.returncode != 0, f"the build of {name} succeeded:\n{messages[-3000:]}"
    assert "Traceback" not in messages, messages[-5000:]
    column = BAD_CASES[name]
    pattern = rf"data/{re.escape(name)}:\d+:{column}: " if column else rf"data/{re.escape(name)}(:\d+)?(:\w+)?: "
    assert re.search(pattern, result.stderr), f"stderr does not name {pattern!r}:\n{result.stderr[-3000:]}"
    after = {p.relative_to(out): (p.is_file() and p.read_bytes()) for p in out.rglob("*")}
    assert after == before, "the failed build changed the previous output folder"
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert not leftovers, f"staging folders left behind: {leftovers}"


# --- hostile input -----------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"{SCRIPT} {BREAKOUT} '\"&amp;"
WINNER_FIELDS = ("winner_name", "title", "quote", "note")
COVERAGE_FIELDS = ("unit", "quote")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The bundled data plus a winner row and a coverage row whose every text field is hostile."""
    base = tmp_path_factory.mktemp("hostile-all")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="provinsi",
               scope_province="Bali", category="usaha_menengah", rank="",
               winner_kind="business", winner_province="Bali",
               source_url="https://example.org/berita?a=1&b=2",
               **{f: f"{f} {PAYLOAD}" for f in WINNER_FIELDS})
    append_row(data / "coverage" / "coverage.csv", province="Bali", year="2019", metric="other", value="12",
               as_of="2019", source_url="https://example.org/cakupan?x=1&y=2",
               **{f: f"{f} {PAYLOAD}" for f in COVERAGE_FIELDS})
    out = base / "site"
    result = invoke_build(out, data)
    assert result.returncode == 0, f"the build with hostile text failed:\n{result.stderr[-5000:]}"
    return out, LazyPages(out)


def test_hostile_text_is_never_markup(hostile_site):
    out, pages = hostile_site
    problems = []
    for url in sorted(pages):
        page = pages[url]
        for el in page.root.iter():
            handlers = [a for a in el.attrs if a.lower().startswith("on")]
            if handlers:
                problems.append(f"{url}: <{el.tag}> has event handler attribute(s) {handlers}")
            if el.tag == "script" and "alert(1)" in el.text() + el.attrs.get("src", ""):
                problems.append(f"{url}: a <script> carries data: {el.text()[:120]!r}")
            if el.tag == "img" and el.attrs.get("src") == "x":
                problems.append(f"{url}: an <img src=x> came from the data")
            for attr in ("href", "src", "action", "formaction"):
                if el.attrs.get(attr, "").strip().lower().startswith(("javascript:", "data:text/html")):
                    problems.append(f"{url}: {attr}={el.attrs[attr]!r}")
    assert not problems, "\n".join(problems[:40])


SHOWN = ("winner_name", "title", "note")  # the quote fields go to the downloads, not to the pages


@pytest.mark.parametrize("url,fields", [
    ("/tahun/2023/", SHOWN), ("/en/year/2023/", SHOWN),
    ("/provinsi/bali/", ("winner_name", "unit")), ("/en/province/bali/", ("winner_name", "unit")),
    ("/kategori/usaha-menengah/", ("winner_name", "title")),
])
def test_hostile_text_shows_escaped(hostile_site, url, fields):
    _out, pages = hostile_site
    page = pages[url]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for field in fields:
        assert f"{field} {PAYLOAD}" in page.text(), f"{url}: the {field} text is not shown as text"
    assert page.source.count(escaped) >= len(fields), f"{url}: the markup is not escaped as text"
    assert "<img src=x" not in page.source and SCRIPT not in page.source


def test_hostile_text_wherever_shown_is_whole(hostile_site):
    """Every page that shows any part of a hostile field shows all of it, as text."""
    _out, pages = hostile_site
    problems, shown = [], set()
    for url in sorted(pages):
        page = pages[url]
        text = page.text()
        for field in WINNER_FIELDS + COVERAGE_FIELDS:
            if f"{field} <script>" in text or f"{field} &lt;" in text:
                shown.add(field)
                if f"{field} {PAYLOAD}" not in text:
                    problems.append(f"{url}: {field} shown altered")
    assert {"winner_name", "title", "note", "unit"} <= shown, shown
    assert not problems, "\n".join(problems[:20])


def test_hostile_text_in_other_outputs_is_data(hostile_site):
    """JSON parses and keeps the text as a string; SVG and XML stay well-formed and script-free."""
    out, _pages = hostile_site
    problems, seen = [], 0
    for file in sorted(out.rglob("*")):
        rel = file.relative_to(out).as_posix()
        if file.suffix in (".json", ".geojson"):
            try:
                json.loads(file.read_bytes())
            except ValueError as exc:
                problems.append(f"{rel}: not valid JSON any more: {exc}")
            seen += b"alert(1)" in file.read_bytes()
        elif file.suffix in (".svg", ".xml", ".atom", ".rss"):
            problems += xml_script_problems(file, rel)
        elif file.suffix in (".js", ".mjs") and b"<script>alert(1)</script>" in file.read_bytes():
            text = file.read_text(encoding="utf-8", errors="replace")
            problems.append(f"{rel}: data written into JavaScript source: …{text[text.find('alert(1)') - 80:][:160]}…")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"])
def test_non_web_source_urls_are_rejected(tmp_path, url):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    row = append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="provinsi",
                     scope_province="Bali", category="usaha_menengah", title="Penerima Penghargaan",
                     winner_name="PT Contoh Tautan", winner_kind="business", winner_province="Bali",
                     source_url=url)
    out = tmp_path / "site"
    result = invoke_build(out, data)
    assert result.returncode != 0, f"a source_url {url!r} was accepted"
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(rf"data/winners/2023\.csv:{row}:source_url: .*is not a web address", result.stderr), \
        result.stderr[-3000:]
    assert not out.exists()


def test_source_url_with_markup_is_rejected_or_escaped(tmp_path):
    """An http(s) address carrying markup: refused by the data layer, or written as an intact attribute."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    url = 'https://example.org/a?b="><script>alert(1)</script>'
    append_row(data / "winners" / "2023.csv", edition="2023", label_year="2023", level="provinsi",
               scope_province="Bali", category="usaha_menengah", title="Penerima Penghargaan",
               winner_name="PT Contoh Tautan Kedua", winner_kind="business", winner_province="Bali",
               source_url=url)
    out = tmp_path / "site"
    result = invoke_build(out, data)
    assert "Traceback" not in result.stdout + result.stderr
    if result.returncode != 0:
        assert re.search(r"data/winners/2023\.csv:\d+:source_url: ", result.stderr), result.stderr[-3000:]
        return
    page = LazyPages(out)["/tahun/2023/"]
    assert url in [a.attrs.get("href") for a in page.find_all("a")], "the address was altered"
    assert SCRIPT not in page.source
    assert not [s for s in page.find_all("script") if "alert(1)" in s.text()]


def test_the_build_command_is_the_task(tmp_path):
    """`invoke build --help` documents --data and --output (the gates above rely on them)."""
    result = subprocess.run([sys.executable, "-m", "invoke", "build", "--help"], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "--data" in result.stdout and "--output" in result.stdout
