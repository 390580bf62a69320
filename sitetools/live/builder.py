"""The edit loop's builder: a quick preview of the pages at once, the complete site a few seconds later.

One Pelican instance stays warm (imports, settings, compiled templates) and each edit runs it twice:

1. A preview build with PARITRANA_LIVERELOAD set: the plugins write the HTML pages people read and
   skip what no open page needs at once (downloads and the data page, feeds, sitemap, search index,
   share images, badges, printable summaries). What it skipped is moved over from the site being
   served, the staging folder is swapped in and the browser reloads.
2. A complete build (PARITRANA_LIVERELOAD off) in a forked process at low priority, into a folder of
   its own, swapped in when it finishes, unless another edit came first: that edit stops it.

Every run writes a staging folder and swaps it in, so a failed build keeps the last good site. On
systems without fork() every edit gets a complete build.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from sitetools import plugins_on_path

plugins_on_path()
from paritrana_core.preview import SETTING as PREVIEW_SETTING  # noqa: E402


def carry_over(old: Path, new: Path) -> int:
    """Move every file and folder of `old` that `new` lacks into `new`; return how many were moved.

    A folder the preview did not write at all (downloads, search) moves in one rename.
    """
    moved = 0
    with os.scandir(old) as entries:
        for entry in entries:
            target = os.path.join(new, entry.name)
            if not os.path.lexists(target):
                os.rename(entry.path, target)
                moved += 1
            elif entry.is_dir(follow_symlinks=False) and os.path.isdir(target):
                moved += carry_over(Path(entry.path), Path(target))
    return moved


def _delete_in_background(folder: Path) -> None:
    """Delete off the critical path, in another process where there is `rm` (a thread would hold the GIL)."""
    if not folder.exists():
        return
    if shutil.which("rm"):
        # At the lowest priority: the next preview should not wait for the disk or a core.
        lowest = [*(["ionice", "-c", "3"] if shutil.which("ionice") else []),
                  *(["nice", "-n", "19"] if shutil.which("nice") else [])]
        subprocess.Popen([*lowest, "rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL)
    else:
        threading.Thread(target=shutil.rmtree, args=(folder, True), daemon=True).start()


def unlink_shared(folder: Path) -> None:
    """Remove the files in `folder` that have other hard links (a cache's files): writing into them in
    place would change the cache too."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                unlink_shared(Path(entry.path))
            elif entry.stat(follow_symlinks=False).st_nlink > 1:
                os.unlink(entry.path)


class LiveBuilder:
    """Builds into `output` on demand: `build()` for the first site, `preview()` after every edit."""

    def __init__(self, root: Path, output: Path, staging: Path, data: Path | None):
        os.environ.setdefault("PYTHONHASHSEED", "0")
        from jinja2 import FileSystemBytecodeCache
        from pelican import Pelican
        from pelican.settings import read_settings

        self.output, self.staging = output, staging
        self.complete_root = staging.with_name(staging.name + "-complete")  # one folder per edit inside
        shutil.rmtree(self.complete_root, ignore_errors=True)
        for left in output.parent.glob(f".{output.name}.old-*"):  # from a server that was killed
            _delete_in_background(left)
        cache = root / ".cache" / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        base = read_settings(str(root / "pelicanconf.py"))
        # Pelican's own cache of parsed Markdown pages, kept between the edit loop's builds.
        override = {"OUTPUT_PATH": str(self.staging), PREVIEW_SETTING: False, "CACHE_CONTENT": True,
                    "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(root / ".cache" / "pelican"),
                    "JINJA_ENVIRONMENT": {**base.get("JINJA_ENVIRONMENT", {}),
                                          "bytecode_cache": FileSystemBytecodeCache(str(cache))}}
        if data is not None:
            override["PARITRANA_DATA_DIR"] = str(data)
        self.settings = read_settings(str(root / "pelicanconf.py"), override=override)
        self.pelican = Pelican(self.settings)
        self.lock = threading.Lock()
        self.generation = 0  # bumped by every preview: a complete build of an older site is not swapped in
        # The tree a preview replaced holds just the files a preview writes: the next preview writes over them
        # (no folder or file made anew: the slow part of writing on some disks) instead of starting empty.
        self.recycle: Path | None = None
        self.complete_pid: int | None = None

    def build(self) -> bool:
        """A complete build, swapped in on success (the first one, and every one without fork())."""
        with self.lock:
            self._stop_complete_build()
            self.generation += 1
            return self._run(preview=False)

    def preview(self, swapped: Callable[[], object] | None = None) -> bool:
        """The preview build after an edit: swap it in, call `swapped` (reload the browser), then start
        the complete build in the background."""
        if not hasattr(os, "fork"):
            done = self.build()
            if done and swapped is not None:
                swapped()
            return done
        with self.lock:
            self._stop_complete_build()
            self.generation += 1
            if not self._run(preview=True):
                return False
            generation = self.generation
        if swapped is not None:
            swapped()
        self._complete_in_background(generation)
        return True

    def stop(self) -> None:
        """Stop a complete build still running and drop the kept tree (before the server exits or restarts)."""
        with self.lock:
            self._stop_complete_build()
            if self.recycle is not None:
                shutil.rmtree(self.recycle, ignore_errors=True)
                self.recycle = None

    # --- inside the lock -------------------------------------------------------------------------

    def _run(self, preview: bool) -> bool:
        start, cpu = time.perf_counter(), time.process_time()
        shutil.rmtree(self.staging, ignore_errors=True)
        recycled, self.recycle = self.recycle, None
        if recycled is not None and recycled.is_dir():
            if preview:
                unlink_shared(recycled)
                recycled.rename(self.staging)
            else:
                _delete_in_background(recycled)
        self.settings[PREVIEW_SETTING] = preview
        try:
            self.pelican.run()
        except (Exception, SystemExit) as exc:  # keep serving the last good build; the error was printed
            shutil.rmtree(self.staging, ignore_errors=True)
            print(f"Build failed, keeping the previous site: {exc}", file=sys.stderr, flush=True)
            return False
        finally:
            self.settings[PREVIEW_SETTING] = False
        moved = carry_over(self.output, self.staging) if preview and self.output.is_dir() else 0
        self._swap_in(self.staging, keep=preview)
        what = f"preview, {moved} skipped files and folders kept from the last build" if preview else "complete"
        print(f"Rebuilt in {time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s; {what})",
              flush=True)
        return True

    def _swap_in(self, staging: Path, keep: bool = False) -> None:
        """Put `staging` in place of the served tree; with `keep`, keep the old tree for the next preview."""
        trash = self.output.parent / f".{self.output.name}.old-{time.time_ns()}"
        if self.output.exists():
            self.output.rename(trash)
        staging.rename(self.output)
        if keep and trash.exists():
            if self.recycle is not None:
                _delete_in_background(self.recycle)
            self.recycle = trash
        else:
            _delete_in_background(trash)

    def _stop_complete_build(self) -> None:
        if self.complete_pid is not None:
            try:  # the whole group: its own children (Pagefind, the page writer) too
                os.killpg(self.complete_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self.complete_pid = None

    # --- the complete build ----------------------------------------------------------------------

    def _complete_in_background(self, generation: int) -> None:
        target = self.complete_root / str(generation)
        started = time.perf_counter()
        with self.lock:
            if self.generation != generation:
                return
            pid = os.fork()
            if pid == 0:  # pragma: no cover (the child ends with os._exit; its result is what is tested)
                self._complete_child(target)
            try:
                os.setpgid(pid, pid)  # here as well as in the child, so that a kill right away reaches it
            except OSError:
                pass
            self.complete_pid = pid

        def wait():
            _pid, status = os.waitpid(pid, 0)
            with self.lock:
                if self.complete_pid == pid:
                    self.complete_pid = None
                current = self.generation == generation
                if os.waitstatus_to_exitcode(status) == 0 and current:
                    self._swap_in(target)
                    print(f"Complete build swapped in after {time.perf_counter() - started:.2f} s "
                          "(downloads, feeds, sitemap, search, share images, printable summaries)", flush=True)
                elif current:
                    print("The complete build failed (its messages are above); serving the preview.",
                          file=sys.stderr, flush=True)
            if not current or os.waitstatus_to_exitcode(status) != 0:
                _delete_in_background(target)

        threading.Thread(target=wait, daemon=True, name="complete-build").start()

    def _complete_child(self, target: Path) -> None:
        code = 1
        try:
            os.setpgid(0, 0)
            os.nice(10)  # the browser and the next preview come first
            # Stopped by a newer edit: unwind, so that temporary folders (Pagefind's) are removed.
            signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
            self.settings["OUTPUT_PATH"] = str(target)
            self.pelican.output_path = str(target)
            self.pelican.run()
            code = 0
        except SystemExit as exc:
            if exc.code not in (0, 1, None):
                print(f"Complete build: {exc}", file=sys.stderr)
        except Exception:  # noqa: BLE001 (a template or plugin error: the parent reports the failure)
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
