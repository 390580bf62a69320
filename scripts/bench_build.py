"""Benchmark full-site builds: the bundled data and synthetic datasets of 1k, 10k and 100k winner rows.

    .venv/bin/invoke bench                       # or: python scripts/bench_build.py --sizes "1000 10000 100000"
    .venv/bin/invoke bench --output BENCHMARKS.md

Each dataset is built twice with everything enabled (both languages, every page, maps, share images,
search index, downloads), exactly as `invoke build` runs Pelican (`--fatal warnings`, PYTHONHASHSEED=0),
with PARITRANA_DATA_DIR pointing at the dataset:

- cold: a fresh output folder and empty build caches (share images, badges, search bundle, downloads: the
  benchmark's own under .bench/, never the project's .cache/);
- warm: the same inputs again into a fresh output folder, caches kept (what a rebuild costs).

For each it prints wall time, HTML pages written per second, peak memory (the largest process's RSS, from
getrusage, and the whole process tree's PSS, sampled from /proc/*/smaps_rollup every 100 ms: pages
a forked process shares with its parent are counted once), CPU time (user+sys, all
processes: > wall time means both cores were used) and output size: files and bytes per top-level folder,
against what free static hosts accept (HOST_TARGETS). Synthetic data come from
plugins/paritrana_data/synthetic.py (`make_dataset`: real region codes, 38 provinces x 20 years of
coverage) and are cached under .bench/.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from sitetools.build import build_env, cache_settings, pelican_command  # noqa: E402
from sitetools.sections import update_section  # noqa: E402
BENCH = ROOT / ".bench"
TARGETS = {"bundled": (15, None), 10_000: (20, None), 100_000: (60, 1024)}  # seconds, MB
# What free static hosts accept (files, bytes): Cloudflare Pages takes 20,000 files, GitHub Pages 1 GB.
HOST_TARGETS = {"bundled": (3_000, None), 10_000: (20_000, 500 * 10**6), 100_000: (None, 10**9)}


def dataset(rows: int, seed: int) -> Path:
    """A synthetic data folder of `rows` winner rows (made once, then reused from .bench/)."""
    from paritrana_data.synthetic import make_dataset

    source = (ROOT / "plugins" / "paritrana_data" / "synthetic.py").read_bytes()
    stamp = f"{rows}-{seed}-{hashlib.sha256(source).hexdigest()[:16]}"
    folder = BENCH / f"data-{rows}-seed{seed}"
    marker = folder / ".bench-stamp"
    if marker.exists() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    make_dataset(folder, rows, seed)
    for extra in sorted((ROOT / "data").iterdir()):  # folders make_dataset does not write (map boundaries)
        if extra.is_dir() and not (folder / extra.name).exists():
            shutil.copytree(extra, folder / extra.name)
            print(f"  (copied data/{extra.name}/ into the synthetic folder: make_dataset does not write it)")
    marker.write_text(stamp)
    print(f"  made {rows:,} synthetic rows in {time.perf_counter() - start:.1f} s -> {folder.relative_to(ROOT)}",
          flush=True)
    return folder


def _pss_kb(proc: Path) -> int:
    """Proportional set size (KiB): shared pages (a fork's copy-on-write memory) are split between
    the processes sharing them, so summing over a tree counts each page once."""
    try:
        found = re.search(r"^Pss:\s+(\d+)", (proc / "smaps_rollup").read_text(), re.M)
    except OSError:
        found = None
    if found:
        return int(found.group(1))
    found = re.search(r"^VmRSS:\s+(\d+)", (proc / "status").read_text(), re.M)  # no smaps_rollup
    return int(found.group(1)) if found else 0


def tree_memory_kb(pid: int) -> int:
    """Memory of a process and all its descendants (KiB, PSS), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += _pss_kb(Path("/proc") / str(current))
        except OSError:
            pass
        stack.extend(children.get(current, []))
    return total


def build(data: Path | None, output: Path, cache: Path) -> dict:
    """One Pelican build as `invoke build` runs it; returns its measurements."""
    cmd = pelican_command(output, data, settings=cache_settings(cache))  # the benchmark's own caches
    env = build_env()
    log = output.parent / f"{output.name}.log"
    peak = {"tree": 0}
    with log.open("w") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample():
            while not done.is_set():
                try:
                    peak["tree"] = max(peak["tree"], tree_memory_kb(process.pid))
                except Exception:  # noqa: BLE001 (a process vanished mid-read)
                    pass
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(errors="replace")[-4000:]
        raise SystemExit(f"build failed (exit {process.returncode}); {log}:\n{tail}")
    files = [p for p in output.rglob("*") if p.is_file()]
    pages = sum(p.suffix == ".html" for p in files)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": wall, "pages": pages, "files": len(files),
            "pages_per_s": pages / wall, "peak_rss_mb": usage.ru_maxrss / 1024,
            "peak_tree_mb": peak["tree"] / 1024,
            "cpu_s": usage.ru_utime + usage.ru_stime, "children_maxrss_mb": children.ru_maxrss / 1024,
            "size_mb": sum(p.stat().st_size for p in files) / 2**20, "folders": folders(output, files)}


def folders(output: Path, files: list[Path]) -> dict[str, list[int]]:
    """Files and bytes (as uploaded: every path counted, hard links too) per top-level folder of a site."""
    found: dict[str, list[int]] = {}
    for path in files:
        parts = path.relative_to(output).parts
        top = parts[0] if len(parts) > 1 else "(top files)"
        if top == "en" and len(parts) > 2:
            top = f"en/{parts[1]}"
        entry = found.setdefault(top, [0, 0])
        entry[0] += 1
        entry[1] += path.stat().st_size
    return found


def host_rows(results) -> tuple[list[str], list[str]]:
    """Markdown rows of files and bytes per dataset against what free hosts accept, and the verdicts."""
    lines = ["| data | files | bytes | target | largest folders (files, MB) |", "|---|---|---|---|---|"]
    verdicts = []
    for label, runs in results:
        m = runs.get("warm") or runs["cold"]
        key = "bundled" if label == "bundled" else int(label.replace(",", ""))
        total = sum(b for _f, b in m["folders"].values())
        limit_files, limit_bytes = HOST_TARGETS.get(key, (None, None))
        target = " and ".join(t for t in (f"≤ {limit_files:,} files" if limit_files else "",
                                          f"≤ {limit_bytes / 10**6:,.0f} MB" if limit_bytes else "") if t) or "none"
        biggest = sorted(m["folders"].items(), key=lambda kv: -kv[1][1])[:5]
        lines.append(f"| {label} | {m['files']:,} | {total / 10**6:,.1f} MB | {target} | "
                     + ", ".join(f"{name}/ {f:,}, {b / 10**6:,.1f}" for name, (f, b) in biggest) + " |")
        if limit_files or limit_bytes:
            ok = (not limit_files or m["files"] <= limit_files) and (not limit_bytes or total <= limit_bytes)
            verdicts.append(f"{label}: {target} (free hosts): {'met' if ok else 'NOT MET'} "
                            f"({m['files']:,} files, {total / 10**6:,.1f} MB)")
    return lines, verdicts


def machine() -> dict:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import pelican

    return {"cpu": model, "cores": os.cpu_count(), "usable": usable,
            "ram_gb": round(int(mem.group(1)) / 2**20, 1) if mem else None,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "pelican": pelican.__version__, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "plugins": plugins()}


def plugins() -> str:
    return ", ".join(sorted(p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py")
                            if "def register(" in p.read_text(encoding="utf-8")))


def fmt_row(label: str, run: str, m: dict) -> str:
    return (f"| {label} | {run} | {m['wall_s']:.1f} s | {m['pages']:,} | {m['pages_per_s']:.0f} | "
            f"{m['peak_rss_mb']:.0f} MB | {m['peak_tree_mb']:.0f} MB | {m['cpu_s']:.1f} s | "
            f"{m['size_mb']:.1f} MB ({m['files']:,} files) |")


def verdict(label, runs: dict) -> str:
    """Each run against the target: cold (empty caches) and warm (what a rebuild costs) both count."""
    key = "bundled" if label == "bundled" else int(label.replace(",", ""))
    if key not in TARGETS:
        return ""
    seconds, mb = TARGETS[key]
    parts = []
    for run, m in runs.items():
        ok = m["wall_s"] < seconds and (mb is None or m["peak_tree_mb"] < mb)
        parts.append(f"{run} {'met' if ok else 'NOT MET'}")
    target = f"< {seconds} s" + (f", < {mb} MB (whole process tree)" if mb else "")
    return f"{label}: target {target}: " + ", ".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["1000", "10000", "100000"],
                        help="winner-row counts (also accepts one quoted, space-separated string)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled data/")
    parser.add_argument("--no-warm", action="store_true", help="cold builds only")
    parser.add_argument("--markdown", type=Path, help="write the results into this Markdown file's bench block")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "").replace(",", "")) for chunk in args.sizes for s in chunk.split()]
    BENCH.mkdir(exist_ok=True)
    info = machine()
    print(f"Machine: {info['cpu']}; {info['cores']} cores ({info['usable']} usable); {info['ram_gb']} GB RAM; "
          f"{info['os']}; Python {info['python']}; Pelican {info['pelican']}; load average {info['load']}")
    print(f"Plugins: {info['plugins']}", flush=True)
    cases = ([("bundled", None)] if not args.no_bundled else []) + [(f"{n:,}", n) for n in sizes]
    results = []
    for label, rows in cases:
        data = dataset(rows, args.seed) if rows else None
        runs = {}
        cache = BENCH / f"cache-{label.replace(',', '')}"
        shutil.rmtree(cache, ignore_errors=True)  # cold: empty build caches; warm: what the cold run left
        for run in ("cold",) + (() if args.no_warm else ("warm",)):
            out = BENCH / f"out-{label.replace(',', '')}-{run}"
            shutil.rmtree(out, ignore_errors=True)
            print(f"{label:>8} {run}: building …", end="", flush=True)
            runs[run] = build(data, out, cache)
            m = runs[run]
            print(f"\r{label:>8} {run}: {m['wall_s']:6.1f} s wall, {m['pages']:,} pages "
                  f"({m['pages_per_s']:.0f}/s), peak {m['peak_rss_mb']:.0f} MB largest process / "
                  f"{m['peak_tree_mb']:.0f} MB whole tree (PSS), CPU {m['cpu_s']:.1f} s, "
                  f"output {m['size_mb']:.1f} MB in {m['files']:,} files", flush=True)
            shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        results.append((label, runs))
    lines = ["| data | run | wall time | HTML pages | pages/s | peak RSS (largest process) | "
             "peak memory, whole tree (PSS) | CPU time | output |", "|---|---|---|---|---|---|---|---|---|"]
    for label, runs in results:
        for run, m in runs.items():
            lines.append(fmt_row(label, run, m))
    verdicts = [v for label, runs in results if (v := verdict(label, runs))]
    hosts, host_verdicts = host_rows(results)
    print("\n" + "\n".join(lines))
    print("\n".join(verdicts))
    print("\nWhat a free host receives (MB = 10^6 bytes; every file counted, as uploaded):\n" + "\n".join(hosts))
    print("\n".join(host_verdicts))
    if args.markdown:
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        command = "invoke bench --sizes \"" + " ".join(str(s) for s in sizes) + "\"" + \
                  (f" --output {args.markdown}" if args.markdown else "")
        text = (f"Measured {when} with `{command}` "
                f"(`python scripts/bench_build.py --sizes {' '.join(str(s) for s in sizes)} --markdown {args.markdown}`).\n\n"
                f"- Machine: {info['cpu']}, {info['cores']} cores ({info['usable']} usable), {info['ram_gb']} GB RAM, "
                f"{info['os']}; Python {info['python']}, Pelican {info['pelican']}; load average at start "
                f"{info['load']}.\n- Plugins enabled: {info['plugins']}.\n\n" + "\n".join(lines) + "\n\n"
                + "\n".join(f"- {v}" for v in verdicts) + "\n\nWhat a free host receives (MB = 10^6 bytes; "
                "every file counted, as uploaded):\n\n" + "\n".join(hosts) + "\n\n"
                + "\n".join(f"- {v}" for v in host_verdicts) + "\n")
        update_section(args.markdown if args.markdown.is_absolute() else ROOT / args.markdown, "bench", text)
        print(f"\nWrote the results into {args.markdown}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
