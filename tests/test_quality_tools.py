"""The test command installs the tools the quality gates need, or says loudly what is missing; in CI a
missing tool fails its gates instead of skipping them."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from invoke.exceptions import Exit

import browser_support
import quality_support
from sitetools import tools


class FakeContext:
    """Records the commands an invoke task runs."""

    def __init__(self):
        self.commands = []

    def run(self, command, **kwargs):
        self.commands.append(command)
        return SimpleNamespace(ok=True)


@pytest.fixture
def no_tools(monkeypatch, tmp_path):
    """A machine without Chromium, Java, node or npm (and an empty node_modules/)."""
    real_which = shutil.which
    monkeypatch.setenv("PARITRANA_CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(tools.shutil, "which",
                        lambda name, *a, **k: None if name in ("chromium", "java", "node", "npm", "apt-get")
                        else real_which(name, *a, **k))
    monkeypatch.setattr(tools, "NODE_MODULES", tmp_path / "node_modules")
    return tmp_path


def test_without_apt_every_missing_tool_is_named_with_its_gates(no_tools, capsys):
    c = FakeContext()
    missing = tools.ensure_tools(c)
    err = capsys.readouterr().err
    assert missing == ["chromium", "java", "npm"]
    assert c.commands == []
    for name, (packages, gates) in tools.TOOLS.items():
        assert f"MISSING: {name} (Debian: apt-get install {' '.join(packages)})" in err
        assert gates in err
    assert err.count("will be SKIPPED") == 3 and "In CI (CI=true) they FAIL instead." in err


def test_with_apt_as_root_the_tools_are_installed(no_tools, monkeypatch):
    monkeypatch.setattr(tools.shutil, "which", lambda name, *a, **k: "/usr/bin/apt-get" if name == "apt-get" else None)
    monkeypatch.setattr(tools.os, "geteuid", lambda: 0)
    c = FakeContext()
    tools.ensure_tools(c)
    assert c.commands[0] == "apt-get update -qq"
    assert c.commands[1].startswith("apt-get install -y") and "chromium chromium-driver" in c.commands[1]
    assert "default-jre-headless" in c.commands[1] and "nodejs npm" in c.commands[1]


def test_not_root_means_no_apt(no_tools, monkeypatch):
    monkeypatch.setattr(tools.shutil, "which", lambda name, *a, **k: "/usr/bin/apt-get" if name == "apt-get" else None)
    monkeypatch.setattr(tools.os, "geteuid", lambda: 1000)
    c = FakeContext()
    assert tools.ensure_tools(c) == ["chromium", "java", "npm"]
    assert c.commands == []


def test_npm_tools_install_from_the_lock_file_once(monkeypatch, tmp_path):
    modules = tmp_path / "node_modules"
    monkeypatch.setattr(tools, "NODE_MODULES", modules)
    monkeypatch.setattr(tools, "missing_tools", lambda: [])
    c = FakeContext()

    def fake_run(command, **kwargs):
        c.commands.append(command)
        (modules / "axe-core").mkdir(parents=True, exist_ok=True)
        (modules / "axe-core" / "axe.min.js").write_text("/* axe */")
        return SimpleNamespace(ok=True)

    c.run = fake_run
    assert tools.ensure_tools(c) == []
    assert tools.ensure_tools(c) == []
    assert c.commands == ["npm ci --no-audit --no-fund --loglevel=error"], "npm ci runs again only when the lock changes"


def test_invoke_tools_fails_in_ci_when_something_is_missing(no_tools, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Exit):
        tools.require_tools(FakeContext())


def test_a_missing_tool_skips_locally_and_fails_in_ci(monkeypatch):
    monkeypatch.setattr(quality_support, "missing_tool", lambda name: f"{name} not found (apt-get install it)")
    monkeypatch.setattr(quality_support, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="MISSING TOOL, quality gate not run: chromium not found"):
        quality_support.need("chromium")
    monkeypatch.setattr(quality_support, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI=true: a missing tool is a failure"):
        quality_support.need("chromium")


NO_CHROMIUM = {"PARITRANA_CHROMIUM": "/nonexistent/chromium"}


def no_chromium_on_path(name):
    return None


def test_without_chromium_browser_tests_skip_locally_and_fail_under_ci():
    """The rule of the `chromium` fixture, on a made-up environment: skip here, fail under CI=true."""
    verdict, message = browser_support.browser_verdict(NO_CHROMIUM, no_chromium_on_path)
    assert verdict == "skip" and "Chromium not found at /nonexistent/chromium" in message, message
    for ci in ("true", "TRUE", "1", "yes"):
        verdict, message = browser_support.browser_verdict({**NO_CHROMIUM, "CI": ci}, no_chromium_on_path)
        assert verdict == "fail" and message.endswith("(CI=true: a missing tool is a failure)"), ci
    assert browser_support.browser_verdict({**NO_CHROMIUM, "CI": "false"}, no_chromium_on_path)[0] == "skip"
    assert browser_support.browser_verdict(NO_CHROMIUM, lambda name: "/usr/bin/chromium")[0] in ("run", "skip")


def test_the_chromium_fixture_fails_under_ci_when_chromium_is_missing(tmp_path):
    """End to end: a browser test run with no Chromium is skipped, and under CI=true it fails (an error)."""
    import os
    import subprocess
    import sys

    (tmp_path / "test_needs_browser.py").write_text("def test_opens(chromium):\n    assert chromium\n")
    (tmp_path / "conftest.py").write_text(f"import sys\nsys.path[:0] = [{str(quality_support.ROOT / 'tests')!r}, {str(quality_support.ROOT)!r}]\n"
                                          "from browser_support import chromium  # noqa: F401\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(NO_CHROMIUM, PATH=str(tmp_path))  # no chromium on PATH either

    def run(extra):
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                               "-rs", str(tmp_path)], cwd=tmp_path, env={**env, **extra}, capture_output=True,
                              text=True, timeout=120)

    local = run({})
    assert local.returncode == 0 and "1 skipped" in local.stdout and "Chromium not found" in local.stdout, local.stdout
    ci = run({"CI": "true"})
    assert ci.returncode == 1 and "1 error" in ci.stdout and "CI=true: a missing tool is a failure" in ci.stdout, \
        ci.stdout


def test_the_tools_are_here():
    """On this machine (and in CI, after `invoke test` installed them) nothing is missing."""
    missing = [m for m in (quality_support.missing_tool(n) for n in ("chromium", "java", "axe")) if m]
    if missing and not quality_support.IN_CI:
        pytest.skip("MISSING TOOL: " + "; ".join(missing))
    assert not missing
