"""Atom 1.0 documents (RFC 4287) from plain entries, byte-identical for the same input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: str
    summary: str
    published: str | None = None


@dataclass(frozen=True)
class Feed:
    id: str
    lang: str
    title: str
    subtitle: str
    self_url: str
    home_url: str
    author: str
    rights: str
    updated: str
    entries: tuple[Entry, ...]


def _text(parent, tag: str, text: str, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    el.text = text
    return el


def render(feed: Feed) -> bytes:
    """The feed as UTF-8 XML; entries in the given order."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    a = f"{{{ATOM}}}"
    _text(root, a + "id", feed.id)
    _text(root, a + "title", feed.title, type="text")
    _text(root, a + "subtitle", feed.subtitle, type="text")
    ET.SubElement(root, a + "link", {"rel": "self", "type": "application/atom+xml", "href": feed.self_url})
    ET.SubElement(root, a + "link", {"rel": "alternate", "type": "text/html", "href": feed.home_url})
    _text(root, a + "updated", feed.updated)
    author = ET.SubElement(root, a + "author")
    _text(author, a + "name", feed.author)
    _text(root, a + "rights", feed.rights, type="text")
    for entry in feed.entries:
        el = ET.SubElement(root, a + "entry")
        _text(el, a + "id", entry.id)
        _text(el, a + "title", entry.title, type="text")
        ET.SubElement(el, a + "link", {"rel": "alternate", "type": "text/html", "href": entry.link})
        if entry.published:
            _text(el, a + "published", entry.published)
        _text(el, a + "updated", entry.updated)
        _text(el, a + "summary", entry.summary, type="text")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
