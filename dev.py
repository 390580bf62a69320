"""Set up and run the project with one command: `python3 dev.py serve` or `python3 dev.py test`.

Creates .venv/ with Python 3.11+, installs the pinned requirements when they changed,
then hands over to the invoke tasks in tasks.py.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
COMMANDS = {
    "serve": (["requirements.txt"], ["build", "serve"]),
    "livereload": (["requirements.txt"], ["livereload"]),
    "test": (["requirements-dev.txt", "requirements.txt"], ["test"]),
    "bench": (["requirements.txt"], ["bench"]),
    "audit": (["requirements-dev.txt", "requirements.txt"], ["audit"]),
    "publish": (["requirements.txt"], ["publish"]),
}


def ensure_environment(requirement_files: list[str]) -> None:
    """Create .venv and install the requirements unless the same ones are installed already."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not (BIN / "python").exists():
        print("Creating .venv/ …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in sorted(requirement_files))).hexdigest()
    stamp = VENV / f".installed-{'-'.join(Path(f).stem for f in sorted(requirement_files))}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing {requirement_files[0]} into .venv/ …", flush=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / requirement_files[0])], check=True)
    stamp.write_text(digest)


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in COMMANDS:
        print("usage: python3 dev.py serve | livereload | test | bench | audit | publish", file=sys.stderr)
        return 2
    files, tasks = COMMANDS[command]
    ensure_environment(files)
    return subprocess.run([str(BIN / "invoke"), *tasks, *sys.argv[2:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
