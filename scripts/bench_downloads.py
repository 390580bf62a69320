"""Time the downloads plugin alone: `python scripts/bench_downloads.py --sizes 10000 100000 [--markdown BENCHMARKS.md]`.

For each size (synthetic data from .bench/, made as `invoke bench` makes it) two fresh processes load the data
(not timed) and build the plugin's Bundle, then place its files into an output folder as generate_output does:
*cold* with an empty cache (a temporary folder, never the project's .cache/), *warm* with the cache the cold run
left. No Pelican build. Peak RSS is the process's high-water mark; "extra" is that minus the RSS once the data
are loaded, i.e. what the plugin itself adds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_build import dataset, machine  # noqa: E402
from sitetools.sections import update_section  # noqa: E402

TARGETS = {"cold": 8.0, "warm": 1.0}  # CPU seconds at 100,000 rows
COLUMNS = ("| rows | run | wall time | CPU time | peak RSS | extra RSS | files | output | rendered |",
           "|---|---|---|---|---|---|---|---|---|")
INTRO = """## Downloads plugin

`scripts/bench_downloads.py` builds the downloads plugin's `Bundle` alone (no Pelican build) from the
synthetic data of `invoke bench`, and places its files into an output folder as `generate_output` does:
48 tables (all, per edition, per province) as CSV, XLSX and JSON, the JSON API and `datapackage.json`.
*cold*: empty cache; *warm*: the cache the cold run left (same data). Each run is a fresh process;
*extra RSS* is its peak minus its RSS once the data are loaded. Targets at 100,000 rows: cold < 8 s CPU
and well under 300 MB extra, warm < 1 s. For scale, the plugin before its cache and own XLSX writer
took 23 s of CPU for 10,000 rows on this machine (openpyxl's normal mode was most of it).
"""


def rss_mb(field: str) -> float:
    """VmRSS or VmHWM (peak) of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(folder: Path, cache: Path, output: Path) -> dict:
    """One build of the bundle in this process; meant to run in a fresh process."""
    from paritrana_core.index import DataIndex
    from paritrana_core.settings import apply_for
    from paritrana_data import load_dataset
    from paritrana_downloads.bundle import Bundle
    from paritrana_downloads.store import place
    from paritrana_downloads.version import data_version

    data = load_dataset(folder)
    index = DataIndex(data)
    settings = {"OUTPUT_PATH": str(output), "PARITRANA_DOWNLOADS_CACHE_DIR": str(cache)}
    apply_for(settings, "paritrana_downloads")
    version = data_version(data, folder, environ={"SOURCE_DATE_EPOCH": "1795176000"})
    before = rss_mb("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    bundle = Bundle(index, settings, version)
    for path, entry in bundle.files.items():
        place(entry, output / path)
    bundle.close()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = rss_mb("VmHWM")
    return {"rows": len(data.winners), "wall": seconds, "cpu": cpu, "peak": peak, "extra": peak - before,
            "files": len(bundle.files), "bytes": sum(e.size for e in bundle.files.values()),
            "rendered": len(bundle.rendered)}


def run(folder: Path, cache: Path, output: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    out = subprocess.run([sys.executable, __file__, "--one", str(folder), str(cache), str(output)],
                         check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def row(run_name: str, m: dict) -> str:
    return (f"| {m['rows']:,} | {run_name} | {m['wall']:.2f} s | {m['cpu']:.2f} s | {m['peak']:.0f} MB | "
            f"{m['extra']:.0f} MB | {m['files']:,} | {m['bytes'] / 1e6:.1f} MB | {m['rendered']:,} |")


def verdict(name: str, m: dict) -> str:
    """The run against its target at 100,000 rows."""
    limit = TARGETS[name]
    text = f"100,000 {name}: {m['cpu']:.2f} s CPU, target < {limit:g} s"
    if name == "cold":
        text += f"; {m['extra']:.0f} MB extra, target well under 300 MB"
        met = m["cpu"] < limit and m["extra"] < 300
    else:
        met = m["cpu"] < limit
    return text + (": met" if met else ": NOT MET")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000], help="winner rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--markdown", type=Path, help="write the figures into this file's downloads section")
    parser.add_argument("--one", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(*args.one)))
        return 0
    info = machine()
    print(f"{info['cpu']}, {info['usable']} usable cores; load average {info['load']}")
    lines, verdicts = list(COLUMNS), []
    print("\n".join(lines), flush=True)
    for size in args.sizes:
        folder = dataset(size, args.seed)
        with tempfile.TemporaryDirectory(prefix="dl-bench-") as tmp:
            cache = Path(tmp) / "cache"
            for name in ("cold", "warm"):
                output = Path(tmp) / f"output-{name}"
                found = run(folder, cache, output)
                lines.append(row(name, found))
                print(lines[-1], flush=True)
                if size == 100_000:
                    verdicts.append(verdict(name, found))
                shutil.rmtree(output, ignore_errors=True)
    print("\n".join(verdicts))
    if args.markdown:
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        sizes = " ".join(str(s) for s in args.sizes)
        text = (INTRO + f"\nMeasured {when} with `python scripts/bench_downloads.py --sizes {sizes} --markdown "
                f"{args.markdown}` on {info['cpu']}, {info['usable']} usable cores, Python {info['python']}; "
                f"load average at start {info['load']}, at the end {machine()['load']}.\n\n" + "\n".join(lines) + "\n\n"
                + "\n".join(f"- {v}" for v in verdicts) + "\n")
        path = args.markdown if args.markdown.is_absolute() else ROOT / args.markdown
        update_section(path, "downloads", text)
        print(f"\nWrote the figures into {args.markdown}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
