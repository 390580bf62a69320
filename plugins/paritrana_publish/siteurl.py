"""The public address a published site is built for (PARITRANA_SITEURL): checked before any build."""

from __future__ import annotations

from urllib.parse import urlsplit

ENV = "PARITRANA_SITEURL"
EXAMPLE = "https://example.org or https://example.org/arsip/"


class SiteUrlError(SystemExit):
    """PARITRANA_SITEURL is missing or not an absolute http(s) address; the message says how to fix it."""


def check_siteurl(value: str | None) -> str:
    """The SITEURL for Pelican (no trailing slash) from PARITRANA_SITEURL, or a SiteUrlError saying what to fix."""
    if value is None or not value.strip():
        raise SiteUrlError(f"{ENV} is not set: set it to the public address of the site, e.g. {EXAMPLE}")
    text = value.strip()
    parts = urlsplit(text)
    problems = []
    if parts.scheme not in ("http", "https"):
        problems.append("it must start with https:// (or http://)")
    if not parts.hostname:
        problems.append("it has no host name")
    if parts.query or parts.fragment:
        problems.append("it must not have a query (?…) or a fragment (#…)")
    if any(ch.isspace() for ch in text) or "\\" in text:
        problems.append("it contains spaces or backslashes")
    if problems:
        raise SiteUrlError(f"{ENV}={value!r} is not an absolute web address: {'; '.join(problems)}. "
                           f"Use e.g. {EXAMPLE}")
    return text.rstrip("/")
