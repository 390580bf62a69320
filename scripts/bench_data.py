"""Time `load_dataset` on synthetic data: `PYTHONPATH=plugins python scripts/bench_data.py 10000 100000`."""

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

COLUMNS = (("rows", 9, "d"), ("load+validate s", 16, ".2f"), ("CPU s", 7, ".2f"), ("rows/s", 8, ".0f"),
           ("peak RSS MB", 12, ".1f"), ("RSS before MB", 14, ".1f"), ("traced peak MB", 15, ".1f"),
           ("generate s", 11, ".2f"))


def max_rss_mb() -> float:
    """Peak RSS of this process in MB: /proc VmHWM (ru_maxrss can carry the parent's peak over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(rows: int, folder: Path) -> dict:
    """Load once timed, then once more under tracemalloc; meant to run in a fresh process."""
    before = max_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    data = load_dataset(folder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = max_rss_mb()
    if len(data.winners) != rows:
        raise SystemExit(f"expected {rows} winners, loaded {len(data.winners)}")
    del data
    tracemalloc.start()
    load_dataset(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rows": rows, "load+validate s": seconds, "CPU s": cpu, "rows/s": rows / seconds,
            "peak RSS MB": rss, "RSS before MB": before, "traced peak MB": peak / 2**20}


def machine() -> str:
    """CPU model, cores, load and Python/pandas versions, to print next to the figures."""
    model = "unknown CPU"
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), model)
    except OSError:
        pass
    import pandas
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = "load average %.2f %.2f %.2f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"{model}; {os.cpu_count()} cores ({usable} usable); Python {platform.python_version()}; "
            f"pandas {pandas.__version__}; {platform.system()} {platform.release()}; {load}")


def run_size(rows: int, seed: int) -> dict:
    """Generate a dataset (not timed into the result) and measure its load in a subprocess."""
    with tempfile.TemporaryDirectory(prefix="paritrana-bench-") as tmp:
        folder = Path(tmp) / "data"
        start = time.perf_counter()
        make_dataset(folder, rows, seed=seed)
        generated = time.perf_counter() - start
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            filter(None, [str(ROOT / "plugins"), os.environ.get("PYTHONPATH")])))
        out = subprocess.run([sys.executable, __file__, "--one", str(rows), str(folder)],
                             check=True, capture_output=True, text=True, env=env).stdout
        return json.loads(out.strip().splitlines()[-1]) | {"generate s": generated}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000], help="winner rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", nargs=2, metavar=("ROWS", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(int(args.one[0]), Path(args.one[1]))))
        return 0
    print(machine())
    print(" ".join(f"{name:>{width}}" for name, width, _ in COLUMNS))
    for rows in args.sizes:
        result = run_size(rows, args.seed)
        print(" ".join(f"{result[name]:>{width}{fmt}}" for name, width, fmt in COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
