"""What the quality gates need outside .venv/ (Chromium, Java, npm tools): found, installed, or named loudly."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

from invoke.exceptions import Exit

from sitetools import ROOT

NODE_MODULES = ROOT / "node_modules"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")
# What the quality gates need outside .venv/: (command or file, Debian package(s), gates that use it).
TOOLS = {
    "chromium": (("chromium", "chromium-driver"), "accessibility (axe-core), no-third-party requests, "
                 "page weight in the browser, Content-Security-Policy in the browser"),
    "java": (("default-jre-headless",), "HTML validity (Nu HTML Checker)"),
    "npm": (("nodejs", "npm"), "accessibility (axe-core from node_modules/), the current Nu HTML Checker "
            "(node_modules/vnu-jar) and `invoke audit` (Lighthouse)"),
}


def chromium_path() -> str:
    """The Chromium the gates and the audit start (PARITRANA_CHROMIUM, default the Debian one)."""
    return os.environ.get("PARITRANA_CHROMIUM", "/usr/bin/chromium")


def in_ci(environ=None) -> bool:
    """CI=true (or 1, yes): a missing tool fails its gate instead of skipping it."""
    return (os.environ if environ is None else environ).get("CI", "").lower() in ("1", "true", "yes")


def missing_tools() -> list[str]:
    """The tools of TOOLS not found on this machine."""
    found = {"chromium": Path(chromium_path()).exists() or shutil.which("chromium") is not None,
             "java": shutil.which("java") is not None,
             "npm": shutil.which("npm") is not None and shutil.which("node") is not None}
    return [name for name, ok in found.items() if not ok]


def ensure_tools(c) -> list[str]:
    """Install what the quality gates need; return what is still missing (after saying so loudly).

    With apt and root: apt-get installs Chromium, Java and Node/npm when absent. Then npm installs the
    pinned axe-core and Lighthouse into node_modules/ (again only when package-lock.json changed).
    """
    missing = missing_tools()
    if missing and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        packages = [p for name in missing for p in TOOLS[name][0]]
        print(f"Installing {', '.join(packages)} with apt-get …", flush=True)
        apt_env = {"DEBIAN_FRONTEND": "noninteractive"}
        c.run("apt-get update -qq", env=apt_env, warn=True)
        c.run(f"apt-get install -y -qq --no-install-recommends {' '.join(packages)}", env=apt_env, warn=True)
        missing = missing_tools()
    if "npm" not in missing:
        lock = ROOT / "package-lock.json"
        stamp = NODE_MODULES / ".paritrana-lock-sha256"
        digest = hashlib.sha256(lock.read_bytes()).hexdigest()
        if not (stamp.exists() and stamp.read_text() == digest and (NODE_MODULES / "axe-core").is_dir()):
            print("Installing axe-core, vnu-jar and lighthouse (package-lock.json) into node_modules/ …", flush=True)
            if c.run("npm ci --no-audit --no-fund --loglevel=error", warn=True).ok:
                stamp.write_text(digest)
        if not (NODE_MODULES / "axe-core" / "axe.min.js").exists():
            missing.append("npm")
    for name in missing:
        packages, gates = TOOLS[name]
        bar = "!" * 78
        print(f"\n{bar}\nMISSING: {name} (Debian: apt-get install {' '.join(packages)})\n"
              f"  These gates will be SKIPPED: {gates}.\n"
              f"  In CI (CI=true) they FAIL instead.\n{bar}\n", file=sys.stderr, flush=True)
    return missing


def require_tools(c) -> None:
    """`ensure_tools`, and in CI (CI=true) stop with an error when anything is still missing."""
    missing = ensure_tools(c)
    if missing and in_ci():
        raise Exit(f"missing in CI: {', '.join(missing)}", code=1)
