"""Lighthouse on every page type in both languages, on a publish build served as a host would."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from invoke.exceptions import Exit

from sitetools import plugins_on_path
from sitetools.build import build_site
from sitetools.sections import update_section
from sitetools.serve import free_port, serve_folder
from sitetools.tools import CHROMIUM_FLAGS, NODE_MODULES, chromium_path, ensure_tools


def run_audit(c, form: str, edition: str, province: str, path: str, markdown: str | None) -> None:
    """Publish for http://127.0.0.1:<port><path> into a temporary folder, serve it with the headers of
    `_headers`, run Lighthouse on each page and print (and with `markdown`, write) the scores."""
    plugins_on_path()
    from paritrana_publish.audit import audit_pages
    from paritrana_publish.policy import headers
    from paritrana_publish.run import finish

    missing = ensure_tools(c)
    if {"chromium", "npm"} & set(missing):
        raise Exit("audit needs Chromium and npm (see the messages above)", code=1)
    chromium = chromium_path()
    prefix = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    with tempfile.TemporaryDirectory(prefix="paritrana-audit-") as tmp:
        site, reports = Path(tmp) / "site", Path(tmp) / "reports"
        reports.mkdir()
        port = free_port()
        siteurl = f"http://127.0.0.1:{port}{prefix}".rstrip("/")
        os.environ["PARITRANA_SITEURL"] = siteurl + "/"
        if build_site(site, None, "publishconf.py", finish=lambda staging: finish(staging, siteurl)):
            raise Exit("the publish build failed", code=1)
        sent = [(n, v) for n, v in headers() if n != "Strict-Transport-Security"]  # plain http on 127.0.0.1
        server, _base = serve_folder(site, port, prefix, sent)
        rows = []
        try:
            for kind, id_path, en_path in audit_pages(site, siteurl, edition, province):
                for lang, page in (("id", id_path), ("en", en_path)):
                    scores, failing = _lighthouse(c, f"{siteurl}/{page}", reports / f"{kind}-{lang}.json",
                                                  chromium, form, f"{kind} {lang}")
                    rows.append((kind, lang, f"{prefix}{page}", scores, failing))
                    print(f"{kind:9} {lang}  {prefix}{page:34} performance {scores['performance']:3}  "
                          f"accessibility {scores['accessibility']:3}  best-practices "
                          f"{scores['best-practices']:3}  SEO {scores['seo']:3}", flush=True)
        finally:
            server.shutdown()
    lines = _report(rows, form, prefix, chromium, markdown)
    print("\n" + "\n".join(lines))
    if markdown:
        update_section(Path(markdown).resolve(), "audit", "\n".join(lines) + "\n")


def _lighthouse(c, url: str, report: Path, chromium: str, form: str, what: str) -> tuple[dict, list[str]]:
    """Lighthouse's four category scores of one page, and the audits below full score."""
    preset = " --preset=desktop" if form == "desktop" else ""
    command = (f"{NODE_MODULES / '.bin' / 'lighthouse'} {url} --quiet --output=json "
               f"--output-path={report} --chrome-path={chromium}{preset} "
               "--only-categories=performance,accessibility,best-practices,seo "
               f"--chrome-flags=\"{' '.join(CHROMIUM_FLAGS)}\"")
    for attempt in range(3):  # Lighthouse's own trace errors (NO_NAVSTART) under load
        ran = c.run(command, hide=True, warn=True)
        if ran.ok:
            break
        print(f"{what}: Lighthouse failed ({ran.stderr.strip().splitlines()[-1:]}); "
              f"{'again' if attempt < 2 else 'giving up'}", flush=True)
    else:
        raise Exit(f"Lighthouse failed three times on {url}", code=1)
    result = json.loads(report.read_text())
    scores = {k: round(100 * (v["score"] or 0)) for k, v in result["categories"].items()}
    failing = [a["id"] for a in result["audits"].values()
               if a.get("score") is not None and a["score"] < 1
               and a.get("scoreDisplayMode") in ("binary", "numeric")]
    return scores, failing


def _report(rows: list[tuple], form: str, prefix: str, chromium: str, markdown: str | None) -> list[str]:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    options = f"--form {form}" + (f" --path {prefix}" if prefix != "/" else "")
    lines = [f"Lighthouse {_lighthouse_version()} ({form}), Chromium {_chromium_version(chromium)}; "
             f"`invoke audit {options}{' --markdown ' + markdown if markdown else ''}` (a publish build "
             f"served at `http://127.0.0.1:<port>{prefix}` with the headers of `_headers`); load average at the "
             f"end {load} (the performance score drops when other processes compete for the 2 cores).", "",
             "| page | lang | URL | performance | accessibility | best practices | SEO |",
             "|---|---|---|---|---|---|---|"]
    for kind, lang, url, s, _failing in rows:
        lines.append(f"| {kind} | {lang} | `{url}` | {s['performance']} | {s['accessibility']} | "
                     f"{s['best-practices']} | {s['seo']} |")
    notes = [f"- {kind} {lang}: below full score: {', '.join(sorted(failing))}"
             for kind, lang, _url, _s, failing in rows if failing]
    if notes:
        lines += ["", "Audits below full score (they cost points only where weighted):", *notes]
    return lines


def _lighthouse_version() -> str:
    try:
        return json.loads((NODE_MODULES / "lighthouse" / "package.json").read_text())["version"]
    except OSError:
        return "?"


def _chromium_version(chromium: str) -> str:
    try:
        out = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=30).stdout
        return out.split()[1] if out else "?"
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"
