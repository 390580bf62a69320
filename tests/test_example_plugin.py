"""A new plugin written against paritrana_core alone (tests/example_plugin, under 50 lines) is enough: built
with the site, its page is written in both languages with translations, in the menu, the sitemap and search."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sitetools.build import build_env, pelican_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "example_plugin"
PLUGINS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py")
                 if "def register(" in p.read_text(encoding="utf-8")) + ["paritrana_example"]


def build(output: Path, **settings) -> subprocess.CompletedProcess:
    extra = {"PLUGINS": PLUGINS, "PLUGIN_PATHS": [str(ROOT / "plugins"), str(EXAMPLE)],
             "THEME_TEMPLATES_OVERRIDES": [str(EXAMPLE / "templates")], **settings}
    return subprocess.run(pelican_command(output, settings=extra), cwd=ROOT, env=build_env(), capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("example") / "output"
    done = build(output, PARITRANA_EXAMPLE_GREETING="Selamat datang")
    assert done.returncode == 0, done.stderr + done.stdout
    return output


def test_the_plugin_is_short():
    assert len((EXAMPLE / "paritrana_example" / "__init__.py").read_text(encoding="utf-8").splitlines()) < 50


def test_its_page_is_written_in_both_languages_linked_to_each_other(site):
    for page, lang in (("contoh/index.html", "id"), ("en/example/index.html", "en")):
        text = (site / page).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in text and '<p class="greeting">Selamat datang</p>' in text
        assert '<link rel="alternate" hreflang="id" href="/contoh/">' in text
        assert '<link rel="alternate" hreflang="en" href="/en/example/">' in text


def test_its_menu_entry_is_on_every_page(site):
    assert '<a href="/contoh/">Contoh</a>' in (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="/en/example/">Example</a>' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_the_collector_gives_its_page_to_the_sitemap(site):
    assert "<loc>/contoh/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting,value,words", [
    ("PARITRANA_EXAMPLE_GREETING", "", "PARITRANA_EXAMPLE_GREETING: give a non-empty text"),
    ("PARITRANA_SEARCH_BUNDLE_DIR", "contoh", "paritrana_example"),
])
def test_its_setting_and_folder_are_checked_at_start_up(tmp_path, setting, value, words):
    done = build(tmp_path / "output", **{setting: value})
    assert done.returncode != 0
    assert words in " ".join((done.stdout + done.stderr).split())
    assert not (tmp_path / "output").exists()
