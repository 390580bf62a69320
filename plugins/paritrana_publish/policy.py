"""The one security policy: the CSP of the theme's meta tag, and the HTTP headers built from it."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "theme" / "templates" / "_head_security.html"
# What a <meta> policy cannot carry; every header host adds it (clickjacking protection).
HEADER_ONLY = "frame-ancestors 'none'"
# Sent with every response besides the Content-Security-Policy (docs/SECURITY.md says why).
OTHER_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)


def meta_policy(template: Path = TEMPLATE) -> str:
    """The Content-Security-Policy of the theme's meta tag, exactly as written there."""
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', template.read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"{template}: no Content-Security-Policy meta tag to publish")
    return found.group(1).strip()


def header_policy(template: Path = TEMPLATE) -> str:
    """The header CSP: the meta policy plus frame-ancestors 'none'."""
    return f"{meta_policy(template).rstrip(';')}; {HEADER_ONLY}"


def headers(template: Path = TEMPLATE) -> list[tuple[str, str]]:
    """Every header a host should send, in order, the policy first."""
    return [("Content-Security-Policy", header_policy(template)), *OTHER_HEADERS]
