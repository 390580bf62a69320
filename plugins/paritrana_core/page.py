"""A page to write, and the one way to hand it to Pelican's writer with its translations."""

from __future__ import annotations

from dataclasses import dataclass, field

from .urls import save_as


@dataclass(frozen=True)
class Link:
    """Text with an optional site-relative URL."""

    text: str
    url: str | None = None


@dataclass
class Page:
    """One page in one language; `key` pairs it with its translations."""

    key: tuple
    lang: str
    url: str
    template: str
    title: str
    description: str
    breadcrumbs: list[Link] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    alternates: dict[str, str] = field(default_factory=dict)


class MissingCounterpart(SystemExit):
    """A page exists in one language only."""


def link_translations(pages, langs) -> None:
    """Give each page the URLs of its versions (its hreflang alternates); refuse a page that lacks one."""
    versions: dict[tuple, dict[str, str]] = {}
    for page in pages:
        versions.setdefault(page.key, {})[page.lang] = page.url
    lonely = [f"{key} ({', '.join(found)} only)" for key, found in versions.items() if set(found) != set(langs)]
    if lonely:
        raise MissingCounterpart("pages without a version in every language: " + "; ".join(lonely))
    for page in pages:
        page.alternates = versions[page.key]


def content_alternates(page) -> dict[str, str]:
    """The versions of a Markdown page (Pelican's own translations), as `link_translations` gives a Page."""
    alternates = {page.lang: page.url}
    alternates.update({t.lang: t.url for t in page.translations})
    return alternates


def write_page(writer, generator, page: Page) -> None:
    """Hand a page to Pelican's writer: its file, template, URL, language, translations and values."""
    writer.write_file(save_as(page.url), generator.get_template(page.template), generator.context, url=page.url,
                      meta=page, lang=page.lang, **page.values)
