"""`invoke publish` refuses what would be wrong online.

- PARITRANA_SITEURL missing or not an absolute http(s) address: a clear message, nothing built;
- a publish build under a sub-path (https://example.org/arsip/) has every canonical, hreflang, og:url,
  feed, sitemap and robots.txt URL absolute under it, and `_headers` in the output;
- a deliberately broken setting (SITEURL without the sub-path) makes the check fail, list the pages,
  and leave the previous output as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from paritrana_publish.siteurl import SiteUrlError, check_siteurl
from paritrana_publish.urlcheck import url_problems
from site_build import Page
from sitetools.build import build_env

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://example.org/arsip"
ENV = build_env()


@pytest.mark.parametrize("value,problem", [
    (None, "is not set"), ("", "is not set"), ("   ", "is not set"),
    ("example.org", "must start with https://"), ("ftp://example.org/", "must start with https://"),
    ("https://", "no host name"), ("/arsip/", "must start with https://"),
    ("https://example.org/?page=1", "query"), ("https://example.org/#top", "fragment"),
    ("https://example.org/ar sip/", "spaces"),
])
def test_a_wrong_address_is_refused_with_what_to_fix(value, problem):
    with pytest.raises(SiteUrlError) as caught:
        check_siteurl(value)
    message = str(caught.value)
    assert "PARITRANA_SITEURL" in message and problem in message and "https://example.org" in message


@pytest.mark.parametrize("value,siteurl", [("https://example.org/", "https://example.org"),
                                           ("https://example.org/arsip/", "https://example.org/arsip"),
                                           (" http://127.0.0.1:8123 ", "http://127.0.0.1:8123")])
def test_a_good_address_becomes_the_siteurl(value, siteurl):
    assert check_siteurl(value) == siteurl


def _publish(output: Path, siteurl: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in ENV.items() if k != "PARITRANA_SITEURL"}
    if siteurl is not None:
        env["PARITRANA_SITEURL"] = siteurl
    return subprocess.run([sys.executable, "-m", "invoke", "publish", "--output", str(output)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("siteurl", [None, "example.org/arsip"])
def test_invoke_publish_without_a_good_address_builds_nothing(tmp_path, siteurl):
    out = tmp_path / "output"
    out.mkdir()
    (out / "previous.txt").write_text("the site before", encoding="utf-8")
    result = _publish(out, siteurl)
    assert result.returncode != 0
    assert "Publish refused: PARITRANA_SITEURL" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["previous.txt"]
    assert not (tmp_path / ".output.build").exists()


# --- a real publish build under a sub-path ---------------------------------------------------------

@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("publish") / "output"
    result = _publish(out, SITE + "/")
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-2000:]
    return out


pytestmark = pytest.mark.xdist_group("publish-site")


def test_every_outward_url_is_absolute_under_the_sub_path(published):
    assert url_problems(published, SITE) == []
    # Read independently of the checker: every page's canonical and hreflang links, the sitemap.
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > 100
    for path in pages[:: max(1, len(pages) // 60)]:
        page = Page("/" + path.relative_to(published).as_posix(), path)
        canonical = [el.attrs["href"] for el in page.find_all("link", rel="canonical")]
        assert len(canonical) == 1 and canonical[0].startswith(SITE + "/"), (path, canonical)
        for hrefs in page.alternates().values():
            assert all(h.startswith(SITE + "/") for h in hrefs), (path, hrefs)
        og = [el.attrs["content"] for el in page.find_all("meta", property="og:url")]
        assert all(u.startswith(SITE + "/") for u in og), (path, og)
    locs = [el.text for el in ET.parse(published / "sitemap.xml").getroot().iter()
            if el.tag.endswith("}loc")]
    assert locs and all(loc.startswith(SITE + "/") for loc in locs)
    assert f"Sitemap: {SITE}/sitemap.xml" in (published / "robots.txt").read_text(encoding="utf-8")
    assert (published / "_headers").read_text(encoding="utf-8").startswith("/*\n  Content-Security-Policy: ")


def test_the_check_fails_on_a_broken_setting_and_keeps_the_previous_output(tmp_path, capfd):
    """SITEURL set without the sub-path (a typical slip): every page points to the wrong place."""
    from paritrana_publish.run import finish
    from sitetools.build import build_site

    broken = tmp_path / "brokenconf.py"
    broken.write_text('from publishconf import *  # noqa\nSITEURL = "https://example.org"\n', encoding="utf-8")
    out = tmp_path / "output"
    out.mkdir()
    (out / "previous.txt").write_text("the site before", encoding="utf-8")
    os.environ["PARITRANA_SITEURL"] = SITE + "/"
    try:
        code = build_site(out, None, str(broken), finish=lambda staging: finish(staging, SITE))
    finally:
        del os.environ["PARITRANA_SITEURL"]
    err = capfd.readouterr().err
    assert code == 1
    assert "Not published: these URLs are not absolute under PARITRANA_SITEURL (https://example.org/arsip/)" in err
    assert "404.html: canonical 'https://example.org/404.html' is not under https://example.org/arsip/" in err
    assert "… and " in err and " more" in err
    assert [p.name for p in out.iterdir()] == ["previous.txt"]
    assert not (tmp_path / ".output.build").exists()


def test_the_checker_names_each_kind_of_wrong_url(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><link rel="canonical" href="/">'
        '<link rel="alternate" hreflang="en" href="https://example.org/arsip/en/">'
        '<meta property="og:url" content="https://elsewhere.test/">'
        '<link rel="alternate" type="application/atom+xml" href="/feeds/a.atom.xml"></head><body></body></html>',
        encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/en/</loc></url></urlset>',
        encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.atom.xml").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://example.org/feeds/a.atom.xml"/></feed>',
        encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\nSitemap: /sitemap.xml\n", encoding="utf-8")
    problems = url_problems(tmp_path, SITE)
    assert problems == [
        "en/index.html: no canonical link",
        "index.html: canonical '/' is not under https://example.org/arsip/",
        "index.html: og:url 'https://elsewhere.test/' is not under https://example.org/arsip/",
        "index.html: feed link '/feeds/a.atom.xml' is not under https://example.org/arsip/",
        "sitemap.xml: loc '/en/' is not under https://example.org/arsip/",
        "feeds/a.atom.xml: link rel=self 'https://example.org/feeds/a.atom.xml' is not under https://example.org/arsip/",
        "robots.txt: Sitemap '/sitemap.xml' is not under https://example.org/arsip/",
    ]
    # A prefix that merely starts the same is not under the site.
    assert url_problems(tmp_path, "https://example.org/ar") != []


def test_the_audit_covers_every_page_type_in_both_languages(published):
    from paritrana_publish.audit import PAGE_TYPES, audit_pages

    pages = audit_pages(published, SITE, "2024", "jawa-timur")
    assert [kind for kind, _id, _en in pages] == [kind for kind, _path in PAGE_TYPES]
    for kind, id_path, en_path in pages:
        assert (published / id_path / "index.html").is_file() and (published / en_path / "index.html").is_file()
        assert en_path.startswith("en/") and id_path != en_path, (kind, id_path, en_path)
    assert dict((k, i) for k, i, _e in pages)["regency"].startswith("provinsi/jawa-timur/")


def test_the_site_is_served_under_its_sub_path_with_the_headers(published):
    import urllib.error
    import urllib.request

    from paritrana_publish.policy import headers
    from sitetools.serve import serve_folder

    server, base = serve_folder(published, 0, "/arsip/", headers())
    try:
        with urllib.request.urlopen(f"{base}/arsip/en/") as response:
            assert response.status == 200 and b'hreflang="id" href="https://example.org/arsip/"' in response.read()
            assert response.headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
        with urllib.request.urlopen(f"{base}/arsip/peta") as response:  # the redirect keeps the sub-path
            assert response.url == f"{base}/arsip/peta/"
        for missing in ("/en/", "/arsip/en/no-such-page/"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(base + missing)
            assert caught.value.code == 404
    finally:
        server.shutdown()
        server.server_close()
