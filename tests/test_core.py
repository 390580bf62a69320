"""The core every plugin stands on: every setting's check, the output-folder registry, URLs, navigation and
the written-files collector; a build with a clash of folders stops before touching the output."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_core import core_settings, written  # noqa: E402,F401
from sitetools.build import build_env, pelican_command  # noqa: E402
from paritrana_core.folders import claims, clashes  # noqa: E402
from paritrana_core.navigation import site_nav  # noqa: E402
from paritrana_core.settings import TABLE, SettingsError, apply  # noqa: E402
from paritrana_core.startup import check_start  # noqa: E402
from paritrana_core.urls import absolute, not_found_url, served_path, siteurl  # noqa: E402

PLUGINS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py")
                 if "def register(" in p.read_text(encoding="utf-8"))
for _plugin in PLUGINS:
    importlib.import_module(_plugin)
    if (ROOT / "plugins" / _plugin / "settings.py").is_file():
        importlib.import_module(f"{_plugin}.settings")

# Every row of the table: a value its check accepts, one it refuses, and words of the refusal.
CASES = {
    "PARITRANA_DATA_DIR": (str(ROOT / "data"), "/no/such/folder", "does not exist"),
    "PARITRANA_LANGUAGES": (("id", "en"), ("en", "id"), "Indonesian at /"),
    "PARITRANA_SITE_NAME": ("Arsip", "", "non-empty text"),
    "PARITRANA_LIVERELOAD": (True, "yes", "True or False"),
    "PARITRANA_PAGES_WORKERS": (1, 0, "at least 1"),
    "PARITRANA_PAGES_FORK_MIN": (50, True, "whole number"),
    "PARITRANA_PAGES_LIST_LIMIT": (100, 0, "at least 1"),
    "PARITRANA_FONTS_CACHE_DIR": ("CACHE", "INSIDE", "outside the output folder"),
    "PARITRANA_SHARE_CACHE_DIR": ("CACHE", "", "folder path"),
    "PARITRANA_SHARE_WORKERS": (2, "8", "whole number"),
    "PARITRANA_SHARE_POOL_MIN": (1, 0, "at least 1"),
    "PARITRANA_SHARE_PRINT_LIMIT": (12, 1.5, "whole number"),
    "PARITRANA_SHARE_BADGE_LIMIT": (5, "30", "whole number"),
    "PARITRANA_SEARCH_INDEX": (False, "yes", "True or False"),
    "PARITRANA_SEARCH_BUNDLE_DIR": ("zoek", "../x", "folder name inside the output"),
    "PARITRANA_SEARCH_ROOT_SELECTOR": ("body", "", "non-empty text"),
    "PARITRANA_SEARCH_EXCLUDE_SELECTORS": ((".x",), "thead", "tuple of texts"),
    "PARITRANA_SEARCH_TIMEOUT": (60, 0, "positive number"),
    "PARITRANA_SEARCH_CACHE_DIR": (None, "INSIDE", "outside the output folder"),
    "PARITRANA_FEEDS_LATEST": ({"id": "a.xml", "en": "en/a.xml"}, {"id": "a.xml"}, "map every language"),
    "PARITRANA_FEEDS_CORRECTIONS": ({"id": "b.xml", "en": "en/b.xml"}, {"id": "/b.xml", "en": "b.xml"},
                                    "ending in .xml"),
    "PARITRANA_FEEDS_CORRECTIONS_KEY": ("log", "", "Key:"),
    "PARITRANA_FEEDS_TAG_AUTHORITY": ("arsip.example", "not a domain", "domain name"),
    "PARITRANA_FEEDS_TAG_DATE": ("2026-11-21", "2026/11", "date such as"),
    "PARITRANA_SITEMAP": (False, 1, "True or False"),
    "PARITRANA_ROBOTS": (False, None, "True or False"),
    "PARITRANA_MAPS_BOUNDARIES": (None, "/nonexistent/x.geojson", "does not exist"),
    "PARITRANA_MAPS_REGENCIES": (None, "/nonexistent/y.geojson", "does not exist"),
    "PARITRANA_MAPS_CAPITALS": (None, "/nonexistent/c.csv", "does not exist"),
    "PARITRANA_MAPS_METRIC": ("formal_pct", "participants", "not a percentage metric"),
    "PARITRANA_MAPS_BREAKS": ((25, 50), (50, 20), "ascending"),
    "PARITRANA_MAPS_SIMPLIFY": (0.01, "0.1", "not a number"),
    "PARITRANA_MAPS_PRECISION": (4, 0, "1 to 6"),
    "PARITRANA_MAPS_MIN_AREA": (0.001, 2, "between 0 and 1"),
    "PARITRANA_MAPS_MAX_GEOMETRY_KB": (200, 0, "between 1 and"),
    "PARITRANA_MAPS_TILES": ({"url": "https://t.example/{z}/{x}/{y}.png", "attribution": "© t"},
                             {"url": "http://t.example/{z}/{x}/{y}.png", "attribution": "x"}, "https://"),
    "PARITRANA_DOWNLOADS_DIR": ("berkas", "/unduh", "site-relative path"),
    "PARITRANA_DOWNLOADS_API_DIR": ("api/v2", "api/../v1", "site-relative path"),
    "PARITRANA_DOWNLOADS_DATAPACKAGE": ("paket.json", "datapackage.csv", "site-relative path"),
    "PARITRANA_DOWNLOADS_CITE_TEMPLATES": (["edition"], ("edition", "blog"), "tuple of page types"),
    "PARITRANA_DOWNLOADS_CACHE_KEEP": (1, "3", "whole number"),
    "PARITRANA_DOWNLOADS_CACHE_DIR": ("CACHE", "CONTAINS", "not contain it"),
}


def site_settings(tmp_path: Path, **values) -> dict:
    """The settings of a site built into tmp_path/output with every plugin, as pelicanconf.py gives them."""
    folders = {"CACHE": str(tmp_path / "cache"), "INSIDE": str(tmp_path / "output" / "cache"),
               "CONTAINS": str(tmp_path)}
    settings = {"PATH": str(ROOT / "content"), "OUTPUT_PATH": str(tmp_path / "output"), "THEME": str(ROOT / "theme"),
                "DEFAULT_LANG": "id", "PLUGINS": PLUGINS, "PARITRANA_DATA_DIR": str(ROOT / "data")}
    settings.update({k: folders.get(v, v) if isinstance(v, str) else v for k, v in values.items()})
    return settings


def test_every_setting_has_a_case():
    assert set(CASES) == set(TABLE), "give every row of the settings table a case above"
    assert all(row.help for row in TABLE.values()), "every setting says what it is for"


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_good_value_passes(tmp_path, name):
    settings = site_settings(tmp_path, **{name: CASES[name][0]})
    apply(settings)
    assert settings[name] == site_settings(tmp_path, **{name: CASES[name][0]})[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_value_stops_naming_the_setting_and_the_fix(tmp_path, name):
    settings = site_settings(tmp_path, **{name: CASES[name][1]})
    with pytest.raises(SettingsError) as caught:
        apply(settings)
    message = str(caught.value)
    assert message.startswith(f"{name}: "), message
    assert CASES[name][2] in message and "(got " in message, message


def test_every_problem_is_listed_at_once(tmp_path):
    settings = site_settings(tmp_path, PARITRANA_SHARE_WORKERS=0, PARITRANA_SEARCH_TIMEOUT=0)
    with pytest.raises(SettingsError) as caught:
        apply(settings)
    assert "PARITRANA_SHARE_WORKERS" in str(caught.value) and "PARITRANA_SEARCH_TIMEOUT" in str(caught.value)


def test_the_defaults_pass_and_fill_every_row(tmp_path):
    settings = site_settings(tmp_path)
    check_start(settings)
    assert set(TABLE) <= set(settings)
    assert settings["PARITRANA_LANGUAGES"] == ("id", "en")
    assert clashes(claims(settings)) == []


@pytest.mark.parametrize("folder,other", [("gambar", "paritrana_share"), ("lencana", "paritrana_share"),
                                          ("feeds", "paritrana_feeds"), ("pagefind", "paritrana_search"),
                                          ("tahun", "paritrana_pages"), ("en/map", "paritrana_maps"),
                                          ("theme", "paritrana_core"), ("api", "paritrana_downloads")])
def test_a_downloads_folder_that_another_plugin_writes_to_is_refused(tmp_path, folder, other):
    settings = site_settings(tmp_path, PARITRANA_DOWNLOADS_DIR=folder)
    with pytest.raises(SettingsError) as caught:
        check_start(settings)
    message = str(caught.value)
    assert "paritrana_downloads (PARITRANA_DOWNLOADS_DIR)" in message and other in message, message


def test_a_clash_inside_one_plugin_names_both_settings(tmp_path):
    settings = site_settings(tmp_path, PARITRANA_DOWNLOADS_API_DIR="unduh/api")
    with pytest.raises(SettingsError, match="PARITRANA_DOWNLOADS_DIR or PARITRANA_DOWNLOADS_API_DIR"):
        check_start(settings)


def test_a_build_with_a_clash_stops_and_leaves_the_output_as_it_was(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous build", encoding="utf-8")
    cmd = pelican_command(output, settings={"PARITRANA_DOWNLOADS_DIR": "gambar"})
    done = subprocess.run(cmd, cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    said = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0
    assert "paritrana_downloads (PARITRANA_DOWNLOADS_DIR)" in said and "paritrana_share" in said, said
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "previous build"


def test_urls_local_and_under_a_sub_path():
    assert siteurl({"SITEURL": ""}) == "" and absolute({}, "tahun/2024/") == "/tahun/2024/"
    public = {"SITEURL": "https://example.org/arsip/"}
    assert absolute(public, "en/year/2024/") == "https://example.org/arsip/en/year/2024/"
    assert served_path(public) == "/arsip/" and served_path({}) == "/"
    assert not_found_url("id") == "404.html" and not_found_url("en") == "en/404.html"


def test_the_menu_shows_the_entries_of_enabled_plugins_in_order():
    every = site_nav({"PLUGINS": PLUGINS, "THEME": str(ROOT / "theme")})
    assert [item.url for item in every["en"]["items"]] == [
        "en/", "en/year/", "en/province/", "en/category/", "en/standings/", "en/map/", "en/data/", "en/search/",
        "en/about/"]
    without_maps = site_nav({"PLUGINS": [p for p in PLUGINS if p != "paritrana_maps"], "THEME": str(ROOT / "theme")})
    assert "peta/" not in [item.url for item in without_maps["id"]["items"]]
    assert [item.url for item in every["id"]["footer"]] == ["tentang/", "metode/", "sumber/", "koreksi/"]


@pytest.mark.parametrize("head,expected", [
    ('<meta name="robots" content="noindex">', True), ("<meta content='noindex, follow' name='robots'>", True),
    ('<meta name="description" content="noindex is a word">', False), ('<meta name="robots" content="all">', False),
])
def test_one_noindex_rule(head, expected):
    assert written.noindex(f"<head>{head}</head>") is expected
