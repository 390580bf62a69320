"""A share kit's badge list as HTML: the `badge_list` template global.

A regency page offers one badge per award, hundreds at scale (200,000 items in a 100,000-award
build), and Jinja spent ten times longer on each item than these escaped f-strings do. The section
around the list stays in _after_content_share.html.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup, escape

from paritrana_core.urls import siteurl


def badge_item(badge, siteurl: str, code_label: str, file_label: str) -> str:
    """One <li> for a facts.Badge: the badge image, its labelled read-only HTML code and a link to the SVG file."""
    src, ident = f"{escape(siteurl)}/{escape(badge.url)}", escape(badge.id)
    return (
        '<li class="badge-item">'
        f'<div class="badge-preview"><img src="{src}" alt="{escape(badge.title)}" width="{int(badge.width)}" '
        f'height="{int(badge.height)}" loading="lazy" decoding="async"></div>'
        f'<div class="badge-code"><label for="kode-lencana-{ident}">{escape(code_label)}</label>'
        f'<textarea id="kode-lencana-{ident}" class="badge-snippet copy-source" readonly rows="5" cols="60" '
        f'spellcheck="false" autocomplete="off">{escape(badge.snippet)}</textarea>'
        f'<a class="badge-file" href="{src}" type="image/svg+xml">{escape(file_label)}</a></div></li>')


def install_badge_list(generator) -> None:
    """generator_init receiver: give the generator's templates `badge_list(badges, code_label, file_label)`."""

    @pass_context
    def badge_list(context, badges, code_label, file_label):
        address = siteurl(context)
        return Markup("\n".join(badge_item(b, address, code_label, file_label) for b in badges))

    generator.env.globals["badge_list"] = badge_list
