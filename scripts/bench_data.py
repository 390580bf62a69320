"""Benchmark `load_dataset` on synthetic data: `PYTHONPATH=plugins python scripts/bench_data.py 10000 100000`."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_data import load_dataset  # noqa: E402
from paritrana_data.synthetic import make_dataset  # noqa: E402


def max_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(rows: int, folder: Path) -> dict:
    """Load once timed, then once under tracemalloc; run in a fresh process so RSS is its own."""
    before = max_rss_mb()
    start = time.perf_counter()
    data = load_dataset(folder)
    seconds = time.perf_counter() - start
    rss = max_rss_mb()
    if len(data.winners) != rows:
        raise SystemExit(f"expected {rows} winners, loaded {len(data.winners)}")
    del data
    tracemalloc.start()
    load_dataset(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rows": rows, "seconds": seconds, "rss_mb": rss, "rss_before_mb": before,
            "traced_peak_mb": peak / 2**20}


def machine() -> str:
    """CPU model, cores and Python/pandas versions, for the record next to the figures."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pandas
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{model}; {os.cpu_count()} cores ({usable} usable); Python {platform.python_version()}; "
            f"pandas {pandas.__version__}; {platform.system()} {platform.release()}")


def run_size(rows: int, seed: int) -> dict:
    """Generate a dataset (untimed) and measure its load in a subprocess."""
    with tempfile.TemporaryDirectory(prefix="paritrana-bench-") as tmp:
        folder = Path(tmp) / "data"
        start = time.perf_counter()
        make_dataset(folder, rows, seed=seed)
        generated = time.perf_counter() - start
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            filter(None, [str(ROOT / "plugins"), os.environ.get("PYTHONPATH")])))
        out = subprocess.run([sys.executable, __file__, "--one", str(rows), str(folder)],
                             check=True, capture_output=True, text=True, env=env).stdout
        result = json.loads(out.strip().splitlines()[-1])
        result["generate_seconds"] = generated
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", nargs=2, metavar=("ROWS", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(int(args.one[0]), Path(args.one[1]))))
        return 0
    print(machine())
    header = f"{'rows':>9} {'load+validate s':>16} {'rows/s':>9} {'peak RSS MB':>12} " \
             f"{'RSS before MB':>14} {'traced peak MB':>15} {'generate s':>11}"
    print(header)
    for rows in args.sizes:
        r = run_size(rows, args.seed)
        print(f"{r['rows']:>9} {r['seconds']:>16.2f} {r['rows'] / r['seconds']:>9.0f} "
              f"{r['rss_mb']:>12.1f} {r['rss_before_mb']:>14.1f} {r['traced_peak_mb']:>15.1f} "
              f"{r['generate_seconds']:>11.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
