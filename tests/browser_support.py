"""The one browser of the tests: headless system Chromium driven by Playwright (never `playwright install`).

- `browser_verdict`: whether browser tests run here; a missing Chromium or playwright skips them loudly,
  except under CI=true, where it fails them (never a silent green);
- `launch`: the one Chromium launcher, and `chromium`, the fixture every browser test uses (conftest.py);
- `Visit`: one page in a fresh browser context that records requests and script errors.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitetools.tools import CHROMIUM_FLAGS, in_ci  # noqa: F401  (in_ci: re-exported for the tests)

DEFAULT_CHROMIUM = "/usr/bin/chromium"


def chromium_path(environ=None, which=None) -> str | None:
    """PARITRANA_CHROMIUM (default /usr/bin/chromium) when it exists, else `chromium` on PATH, else None."""
    wanted = (os.environ if environ is None else environ).get("PARITRANA_CHROMIUM", DEFAULT_CHROMIUM)
    return wanted if Path(wanted).exists() else (which or shutil.which)("chromium")


def missing_browser(environ=None, which=None) -> str | None:
    """Why browser tests cannot run here (no Chromium, no playwright), or None when they can."""
    environ = os.environ if environ is None else environ
    if chromium_path(environ, which) is None:
        wanted = environ.get("PARITRANA_CHROMIUM", DEFAULT_CHROMIUM)
        return f"Chromium not found at {wanted} (apt-get install chromium chromium-driver)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -r requirements-dev.txt)"
    return None


def browser_verdict(environ=None, which=None) -> tuple[str, str]:
    """('run', ''), ('skip', why) or, under CI=true, ('fail', why): what the browser tests do here."""
    problem = missing_browser(environ, which)
    if problem is None:
        return "run", ""
    message = "MISSING TOOL, browser test not run: " + problem
    if in_ci(environ):
        return "fail", message + " (CI=true: a missing tool is a failure)"
    return "skip", message


def require_browser() -> None:
    """Skip the calling test or fixture when no browser can run here; fail it instead under CI=true."""
    verdict, message = browser_verdict()
    if verdict == "fail":
        pytest.fail(message, pytrace=False)
    if verdict == "skip":
        pytest.skip(message)


_RUNNING: list = []  # the Playwright driver of this process while one runs (one per thread is allowed)


@contextmanager
def _driver():
    """The running Playwright driver, or a new one for as long as the block lasts."""
    if _RUNNING:
        yield _RUNNING[-1]
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        _RUNNING.append(playwright)
        try:
            yield playwright
        finally:
            _RUNNING.pop()


@contextmanager
def launch(env: dict | None = None):
    """A headless system Chromium; `env` replaces the browser's environment (e.g. its fontconfig)."""
    with _driver() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_FLAGS), headless=True,
                                              env=env)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def chromium():
    """The system Chromium under Playwright, one per test process."""
    require_browser()
    with launch() as browser:
        yield browser


class Visit:
    """A page in a fresh browser context that records its requests and its script errors.

    `errors` holds uncaught exceptions and console errors (Chromium's own /favicon.ico probe is not the
    page's); with `local`, any request outside that base URL is refused (and still recorded)."""

    def __init__(self, chromium, *, width: int = 1280, height: int = 900, javascript: bool = True,
                 local: str | None = None, bypass_csp: bool = False, init_script: str | None = None,
                 console: bool = True, service_workers: str = "block"):
        self.context = chromium.new_context(viewport={"width": width, "height": height},
                                            java_script_enabled=javascript, bypass_csp=bypass_csp,
                                            service_workers=service_workers)
        self.local = local
        if local is not None:
            self.context.route("**/*", self._route)
        if init_script:
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        if local is None:
            self.page.on("request", lambda r: self.requests.append(r.url))
        if console:
            self.page.on("console", self._console)

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url.startswith(self.local + "/"):
            route.continue_()
        else:
            route.abort()

    def _console(self, message):
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(f"console.error: {message.text} at {message.location}")

    def goto(self, url: str, wait_until: str = "networkidle", timeout: float = 60_000):
        return self.page.goto(url, wait_until=wait_until, timeout=timeout)

    def close(self):
        self.context.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()
