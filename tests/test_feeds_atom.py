"""Atom feeds per language: valid Atom, stable unique tag: ids, dates from the data, links that resolve."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest

from site_build import ROOT, built_site, dataset  # noqa: F401

A = "{http://www.w3.org/2005/Atom}"
FEEDS = {("latest", "id"): "/feeds/terbaru.atom.xml", ("latest", "en"): "/en/feeds/latest.atom.xml",
         ("corrections", "id"): "/feeds/koreksi.atom.xml", ("corrections", "en"): "/en/feeds/corrections.atom.xml"}
LOGS = {"id": ROOT / "content" / "pages" / "koreksi.md", "en": ROOT / "content" / "pages" / "corrections.en.md"}
DATA = dataset()


def log_rows(lang: str) -> list[tuple[date, str]]:
    """The dated rows of the corrections page's Markdown table, read independently of the plugin."""
    rows = []
    for line in LOGS[lang].read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[0]):
            rows.append((date.fromisoformat(cells[0]), cells[1]))
    return rows


def parse(built, url: str) -> ET.Element:
    path = built.root / url.lstrip("/")
    assert path.is_file(), f"{url} was not written"
    root = ET.parse(path).getroot()
    assert root.tag == A + "feed", f"{url} is not an Atom feed"
    return root


def stamp(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, f"{text}: Atom dates need a time zone"
    return value


@pytest.mark.parametrize("kind,lang", sorted(FEEDS))
def test_feed_is_atom_with_the_required_elements(built_site, kind, lang):  # noqa: F811
    url = FEEDS[(kind, lang)]
    feed = parse(built_site, url)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(A + tag) is not None, f"{url}: <{tag}> missing"
    stamp(feed.findtext(A + "updated"))
    self_links = [link.get("href") for link in feed.findall(A + "link") if link.get("rel") == "self"]
    assert self_links == [url]
    entries = feed.findall(A + "entry")
    assert entries, f"{url} has no entries"
    newest = max(stamp(e.findtext(A + "updated")) for e in entries)
    assert stamp(feed.findtext(A + "updated")) == newest, "the feed is as new as its newest entry"
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.findtext(A + tag) or "").strip(), f"{url}: an entry lacks <{tag}>"
        links = [link.get("href") for link in entry.findall(A + "link") if link.get("rel") == "alternate"]
        assert len(links) == 1


def test_every_link_in_every_feed_resolves(built_site):  # noqa: F811
    for url in FEEDS.values():
        for link in parse(built_site, url).iter(A + "link"):
            path, file, fragment = built_site.resolve(url, link.get("href"))
            assert file.is_file(), f"{url}: {link.get('href')} does not resolve"
            if fragment:
                assert built_site.pages[path].by_id(fragment) is not None, f"{url}: #{fragment} missing on {path}"


def test_ids_are_unique_stable_tag_uris(built_site):  # noqa: F811
    seen = {}
    for (kind, lang), url in FEEDS.items():
        feed = parse(built_site, url)
        ids = [feed.findtext(A + "id")] + [e.findtext(A + "id") for e in feed.findall(A + "entry")]
        assert len(ids) == len(set(ids)), f"{url}: duplicate ids"
        for value in ids:
            assert re.fullmatch(r"tag:[a-z0-9.-]+,\d{4}(-\d{2}){0,2}:[\w/.-]+", value), value
        for entry in feed.findall(A + "entry"):
            seen.setdefault(entry.findtext(A + "id"), set()).add(entry.findtext(A + "updated"))
    # An entry shared by the latest and the corrections feed keeps its id and date.
    assert all(len(dates) == 1 for dates in seen.values())


def test_latest_feed_has_one_entry_per_edition_with_results(built_site):  # noqa: F811
    editions = sorted({w.edition for w in DATA.winners if w.edition is not None})
    for lang, prefix in (("id", "/tahun/"), ("en", "/en/year/")):
        feed = parse(built_site, FEEDS[("latest", lang)])
        links = [e.find(A + "link").get("href") for e in feed.findall(A + "entry")]
        assert sorted(link for link in links if link.startswith(prefix)) == sorted(f"{prefix}{y}/" for y in editions)
        for entry in feed.findall(A + "entry"):
            link = entry.find(A + "link").get("href")
            if not link.startswith(prefix):
                continue
            year = int(link.rstrip("/").rsplit("/", 1)[1])
            winners = [w for w in DATA.winners if w.edition == year]
            edition = next(e for e in DATA.editions if e.year == year)
            days = [d for w in winners for d in (w.ceremony_date, w.source_date) if d]
            days += [edition.national_ceremony] if edition.national_ceremony else []
            assert stamp(entry.findtext(A + "updated")).date() == max(days), f"{link}: date not from the data"
            assert str(len(winners)) in entry.findtext(A + "title") + entry.findtext(A + "summary")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_corrections_feed_follows_the_log(built_site, lang):  # noqa: F811
    rows = log_rows(lang)
    assert rows, "the corrections page has a dated change log"
    feed = parse(built_site, FEEDS[("corrections", lang)])
    entries = feed.findall(A + "entry")
    got = sorted((stamp(e.findtext(A + "updated")).date(), e.findtext(A + "summary")) for e in entries)
    assert got == sorted((d, re.sub(r"\*\*|`", "", text)) for d, text in rows)
    page = "/koreksi/" if lang == "id" else "/en/corrections/"
    assert all(e.find(A + "link").get("href").startswith(page + "#") for e in entries)
    latest = {e.findtext(A + "id") for e in parse(built_site, FEEDS[("latest", lang)]).findall(A + "entry")}
    assert {e.findtext(A + "id") for e in entries} <= latest, "the latest feed carries the changes too"


def test_feeds_are_announced_in_every_page_head(built_site):  # noqa: F811
    for url in ("/", "/en/", "/provinsi/jawa-tengah/", "/en/about/", "/cari/"):
        page = built_site.pages[url]
        feeds = [el.attrs["href"] for el in page.find_all("link", rel="alternate", type="application/atom+xml")]
        lang = page.lang
        assert feeds == [FEEDS[("latest", lang)], FEEDS[("corrections", lang)]], url


def test_change_log_parser_numbers_rows_of_one_day():
    from paritrana_feeds.corrections import parse_log

    html = ('<h2 id="log">Log</h2><table><thead><tr><th>Date</th><th>Change</th></tr></thead><tbody>'
            '<tr><td>2027-01-05</td><td>Second <strong>fix</strong> &amp; more</td></tr>'
            '<tr><td>2027-01-05</td><td>Third</td></tr><tr><td>2026-11-21</td><td>First</td></tr></tbody></table>'
            '<h2 id="decisions">Decisions</h2><table><tr><td>2017</td><td>Not a dated change</td></tr></table>')
    entries = parse_log(html)
    assert [(e.date.isoformat(), e.ordinal, e.text, e.anchor) for e in entries] == [
        ("2027-01-05", 1, "Second fix & more", "log"), ("2027-01-05", 2, "Third", "log"),
        ("2026-11-21", 1, "First", "log")]


def test_feed_xml_escapes_text():
    from paritrana_feeds.atom import Entry, Feed, render

    nasty = '<script>alert(1)</script> & "x"'
    xml = render(Feed("tag:a,2026:f", "id", nasty, nasty, "/f.xml", "/", nasty, nasty, "2026-01-01T00:00:00+07:00",
                      (Entry("tag:a,2026:e", nasty, "/?a=1&b=2", "2026-01-01T00:00:00+07:00", nasty),)))
    root = ET.fromstring(xml)
    assert root.find(A + "entry").findtext(A + "title") == nasty
    assert b"<script>" not in xml


def test_no_build_time_in_the_feeds(built_site):  # noqa: F811
    """Feed dates come from the data: none is later than the newest date in the data or the log."""
    newest = max([d for w in DATA.winners for d in (w.ceremony_date, w.source_date) if d]
                 + [d for lang in LOGS for d, _text in log_rows(lang)])
    for url in FEEDS.values():
        text = Path(built_site.root / url.lstrip("/")).read_text(encoding="utf-8")
        for value in re.findall(r"<(?:updated|published)>([^<]+)<", text):
            assert stamp(value).date() <= newest, f"{url}: {value} is not a date from the data"
