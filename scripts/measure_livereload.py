"""Measure the edit loop: with `invoke livereload` running, how long from saving one data row until
the browser shows the new text.

    .venv/bin/python scripts/measure_livereload.py [--edits 5] [--markdown BENCHMARKS.md]

It copies data/ to a temporary folder and runs `invoke livereload --data <copy> --output <tmp>` on a
free port, so the project's data/ and output/ are never touched. Headless Chromium (Playwright,
/usr/bin/chromium) opens an edition page; the script then rewrites the `note` of one winner row in the
copy and polls the page until the new text is visible (the page reloads itself through livereload.js).
Printed per edit: total latency, and the rebuild time the server reported.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sitetools.build import build_env  # noqa: E402
from sitetools.sections import update_section  # noqa: E402
from sitetools.serve import free_port  # noqa: E402
from sitetools.tools import CHROMIUM_FLAGS  # noqa: E402

CHROMIUM = os.environ.get("PARITRANA_CHROMIUM", "/usr/bin/chromium")


def pick_row(data: Path) -> tuple[Path, int, str]:
    """The newest winner file with a national-round row, that row's index and its edition's URL.

    Provincial rows sit in closed <details> on the edition page: not in the text the browser shows.
    """
    for target in sorted((data / "winners").glob("20*.csv"), reverse=True):
        with target.open(encoding="utf-8-sig", newline="") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                if row["level"] == "nasional" and row["edition"]:
                    return target, index, f"/tahun/{row['edition']}/"
    raise SystemExit(f"no national-round row in {data / 'winners'}")


def set_note(path: Path, index: int, text: str) -> None:
    """Rewrite the `note` cell of data row `index`, keeping everything else byte for byte."""
    raw = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    header = rows[0]
    rows[1 + index][header.index("note")] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@contextmanager
def livereload_server(data: Path, output: Path):
    """Run `invoke livereload --data DATA --output OUTPUT` on a free port until the block ends.

    Yields the base URL and the server's log, filled as it prints: a list of (perf_counter time, line).
    """
    port = free_port()
    log: list[tuple[float, str]] = []
    server = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", "--port", str(port), "--data", str(data),
                               "--output", str(output)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True,
                              env=build_env())

    def read_log():
        for line in server.stdout:
            log.append((time.perf_counter(), line.rstrip()))

    threading.Thread(target=read_log, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}", log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def wait_http(url: str, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"livereload did not serve {url} within {timeout} s")


def page_has(page, marker: str) -> bool:
    try:
        return marker in page.evaluate("document.body ? document.body.innerText : ''")
    except Exception:  # noqa: BLE001 (the page is reloading: its context went away)
        return False


def measure(tmp: Path, edits: int, timeout: float) -> list[tuple]:
    """Edit a copy of data/ under `tmp` `edits` times; per edit (latency, rebuild wall, rebuild CPU)."""
    from playwright.sync_api import sync_playwright

    data, output = tmp / "data", tmp / "site"
    shutil.copytree(ROOT / "data", data)
    results = []
    with livereload_server(data, output) as (base, log_lines):
        file, index, url = pick_row(data)
        wait_http(base + url)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
            page = browser.new_page()
            page.goto(base + url, wait_until="load")
            page.wait_for_function("() => window.liveReloadConnected === true", timeout=10_000)
            for n in range(1, edits + 1):
                marker = f"Catatan suntingan {n} {time.time_ns() % 10**9}"
                seen_before = len(log_lines)
                start = time.perf_counter()
                set_note(file, index, marker)
                while not page_has(page, marker):
                    if time.perf_counter() - start > timeout:
                        tail = "\n".join(line for _, line in log_lines[-20:])
                        raise SystemExit(f"edit {n}: not visible after {timeout} s; server log:\n{tail}")
                    time.sleep(0.01)
                latency = time.perf_counter() - start
                rebuilt = [(float(m.group(1)), float(m.group(2))) for _, line in log_lines[seen_before:]
                           if (m := re.search(r"Rebuilt in ([\d.]+) s \(CPU ([\d.]+) s", line))]
                results.append((latency, *(rebuilt[-1] if rebuilt else (None, None))))
                print(f"edit {n}: visible in the browser after {latency:.2f} s "
                      f"(rebuild {rebuilt[-1][0]:.2f} s, CPU {rebuilt[-1][1]:.2f} s)" if rebuilt
                      else f"edit {n}: {latency:.2f} s", flush=True)
                time.sleep(1.5)
            browser.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one edit to show")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="paritrana-livereload-"))
    try:
        results = measure(tmp, args.edits, args.timeout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    latencies = [r[0] for r in results]
    rebuilds = [r[1] for r in results if r[1] is not None] or [float("nan")]
    cpus = [r[2] for r in results if r[2] is not None] or [float("nan")]
    summary = (f"{len(latencies)} edits of one data row: median {statistics.median(latencies):.2f} s, "
               f"max {max(latencies):.2f} s from saving the file to the new text in the browser "
               f"(rebuild median {statistics.median(rebuilds):.2f} s wall, {statistics.median(cpus):.2f} s CPU "
               f"in the server process; target 2 s: "
               f"{'met' if max(latencies) <= 2 else 'NOT MET'})")
    print(summary)
    if args.markdown:
        from bench_build import machine

        info = machine()
        text = (f"Measured with `python scripts/measure_livereload.py --edits {args.edits} --markdown "
                f"{args.markdown}` on {info['cpu']}, {info['cores']} cores (load average at the end "
                f"{info['load']}).\n\n" + "| edit | save → visible | rebuild (wall) | rebuild (CPU) |\n"
                "|---|---|---|---|\n"
                + "\n".join(f"| {i} | {lat:.2f} s | {reb:.2f} s | {cpu:.2f} s |" if reb is not None
                            else f"| {i} | {lat:.2f} s | ? | ? |" for i, (lat, reb, cpu) in enumerate(results, 1))
                + f"\n\n{summary}.\n")
        update_section(args.markdown if args.markdown.is_absolute() else ROOT / args.markdown, "livereload", text)
    return 0 if max(latencies) <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
