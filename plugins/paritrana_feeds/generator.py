"""Atom feeds per language: new results by edition plus the change log, and the change log alone.

Every date comes from the data (ceremony and source dates of an edition's rows, the dates in the
corrections log) or, failing those, from SOURCE_DATE_EPOCH: never the build time, so the same
inputs give byte-identical feeds. Entry ids are tag: URIs that never change for the same entry.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from paritrana_core.data import site_data
from paritrana_core.labels import Labels
from paritrana_core.preview import is_preview
from paritrana_core.settings import languages
from paritrana_core.urls import absolute, edition_url, url
from paritrana_i18n.catalog import lang_for

from .atom import Entry, Feed, render
from .corrections import LogEntry, corrections_pages, parse_log
from .settings import tag_authority


class FeedBuilder:
    """Builds the feeds of one language from the data index and the corrections log."""

    def __init__(self, settings, index, code: str, log: list[LogEntry], log_url: str | None):
        self.settings, self.index, self.code = settings, index, code
        self.lang = lang_for(settings, code)
        self.log, self.log_url = log, log_url
        self.zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        self.tag = f"tag:{tag_authority(settings)},{settings['PARITRANA_FEEDS_TAG_DATE']}:"

    def stamp(self, day: date) -> str:
        return datetime(day.year, day.month, day.day, tzinfo=self.zone).isoformat()

    def fallback_date(self) -> date | None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(self.zone).date()
        return None

    def edition_entries(self) -> list[tuple[date, Entry]]:
        _ = self.lang._
        entries = []
        for year in sorted(self.index.editions):
            edition = self.index.editions[year]
            winners = self.index.by_edition.get(year, [])
            if not winners:
                continue
            days = [d for w in winners for d in (w.ceremony_date, w.source_date) if d]
            if edition.national_ceremony:
                days.append(edition.national_ceremony)
            updated = max(days) if days else (self.fallback_date() or date(year + 1, 1, 1))
            published = edition.national_ceremony or (min(days) if days else None)
            national = sum(w.level == "nasional" for w in winners)
            provincial = len(winners) - national
            rounds = len({w.scope_province for w in winners if w.scope_province})
            parts = [self.lang.ngettext("%(num)s known winner", "%(num)s known winners", len(winners)) + ":",
                     _("%(national)s national, %(provincial)s in %(rounds)s provincial rounds.",
                       national=self.lang.number(national), provincial=self.lang.number(provincial),
                       rounds=self.lang.number(rounds))]
            if edition.national_ceremony:
                parts.append(_("National ceremony: %(date)s.", date=self.lang.date(edition.national_ceremony)))
            note = edition.note_en if self.code == "en" else edition.note_id
            if note:
                parts.append(note)
            title = Labels(self.index, self.lang).edition_title(year) + ": " + \
                self.lang.ngettext("%(num)s known winner", "%(num)s known winners", len(winners))
            entries.append((updated, Entry(
                id=f"{self.tag}edition/{year}/{self.code}", title=title,
                link=absolute(self.settings, edition_url(self.code, year)),
                updated=self.stamp(updated), published=self.stamp(published) if published else None,
                summary=" ".join(parts))))
        return entries

    def log_entries(self) -> list[tuple[date, Entry]]:
        _ = self.lang._
        entries = []
        for item in self.log:
            link = absolute(self.settings, self.log_url) + (f"#{item.anchor}" if item.anchor else "")
            entries.append((item.date, Entry(
                id=f"{self.tag}change/{item.date.isoformat()}/{item.ordinal}/{self.code}",
                title=_("Change to the data, %(date)s", date=self.lang.date(item.date)),
                link=link, updated=self.stamp(item.date), summary=item.text)))
        return entries

    def feed(self, kind: str, entries: list[tuple[date, Entry]]) -> Feed:
        _ = self.lang._
        ordered = sorted(entries, key=lambda pair: (pair[0], pair[1].id), reverse=True)
        newest = ordered[0][0] if ordered else (self.fallback_date() or date(2017, 1, 1))
        if kind == "latest":
            title = _("Paritrana Award Archive: new results and changes")
            subtitle = _("New and updated Paritrana Award results by edition, and every dated change to the data.")
            path = self.settings["PARITRANA_FEEDS_LATEST"][self.code]
        else:
            title = _("Paritrana Award Archive: changes to the data")
            subtitle = _("Every dated correction and change to the data of the Paritrana Award record.")
            path = self.settings["PARITRANA_FEEDS_CORRECTIONS"][self.code]
        return Feed(id=f"{self.tag}feed/{kind}/{self.code}", lang=self.code, title=title, subtitle=subtitle,
                    self_url=absolute(self.settings, path), home_url=absolute(self.settings, url("home", self.code)),
                    author=_("Paritrana Award Archive"),
                    rights=_("Compiled data: CC BY 4.0. Region codes: idn-area-data (ODbL)."),
                    updated=self.stamp(newest), entries=tuple(entry for _day, entry in ordered))

    def feeds(self) -> dict[str, Feed]:
        changes = self.log_entries()
        return {"latest": self.feed("latest", self.edition_entries() + changes),
                "corrections": self.feed("corrections", changes)}


def build_feeds(settings, context) -> dict[str, bytes]:
    """Feed path -> Atom document, for every language."""
    index = site_data(context, settings)["index"]
    logs = corrections_pages(context, settings["PARITRANA_FEEDS_CORRECTIONS_KEY"])
    files = {}
    for code in languages(settings):
        page = logs.get(code)
        log = parse_log(page.content) if page is not None else []
        builder = FeedBuilder(settings, index, code, log, page.url if page is not None else None)
        feeds = builder.feeds()
        files[settings["PARITRANA_FEEDS_LATEST"][code]] = render(feeds["latest"])
        files[settings["PARITRANA_FEEDS_CORRECTIONS"][code]] = render(feeds["corrections"])
    return files


class FeedsGenerator(Generator):
    """Writes the Atom feeds after every generator has read its content (the corrections page too)."""

    def generate_context(self):
        site_data(self.context, self.settings)

    def generate_output(self, writer):
        if is_preview(self.settings):
            return  # the edit loop keeps the last build's feeds until its complete build
        for path, content in build_feeds(self.settings, self.context).items():
            target = Path(self.output_path) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
