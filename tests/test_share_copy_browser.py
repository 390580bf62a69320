"""The share kit's copy buttons in headless Chromium: what each button copies and what it announces.

The page's clipboard is replaced by a recorder before the page's own script runs, so the test checks
what the button hands to navigator.clipboard.writeText, whatever the browser build allows; nothing
depends on fonts or timing (the announcement is awaited with locator checks, never a fixed delay).
"""

from __future__ import annotations

import re

import pytest

from browser_support import Visit
from quality_support import serving
from site_build import built_site  # noqa: F401
from site_build import dataset

RECORDER = """window.__copied = [];
Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
  writeText: (text) => { window.__copied.push(text); return Promise.resolve(); }}});"""
WORDS = {"id": ("Salin", "disalin ke papan klip."), "en": ("Copy", "copied to the clipboard.")}
COPIED = {"id": "Disalin", "en": "Copied"}
pytestmark = pytest.mark.xdist_group("share-browser")


def _regency_with_awards():
    data = dataset()
    provinces = {p.code: p for p in data.provinces}
    regencies = {r.code: r for r in data.regencies}
    code = min(w.regency for w in data.winners if w.regency)
    r = regencies[code]
    slug = provinces[r.province_code].slug
    return {"id": f"/provinsi/{slug}/{r.slug}/", "en": f"/en/province/{slug}/{r.slug}/"}


@pytest.fixture(scope="module")
def opened(built_site, chromium):  # noqa: F811
    with serving(built_site.root) as base:
        yield base, chromium, built_site


@pytest.mark.parametrize("lang", ["id", "en"])
def test_copy_buttons_copy_the_page_link_and_a_badge_code_and_say_so(opened, lang):
    from playwright.sync_api import expect  # here, so that a machine without playwright collects the file

    base, chromium, site = opened
    url = _regency_with_awards()[lang]
    with Visit(chromium, width=390, height=844) as visit:
        page = visit.page
        page.add_init_script(RECORDER)
        page.goto(base + url, wait_until="load")
        button_word, done = WORDS[lang]
        buttons = page.locator(".share-kit button.copy-button")
        fields = page.locator(".share-kit .copy-source")
        assert buttons.count() == fields.count() >= 2, "one copy button per read-only field"
        link = page.locator("#tautan-halaman")
        assert link.input_value().endswith(url)
        first = buttons.nth(0)
        assert first.inner_text() == button_word
        assert first.get_attribute("aria-label").startswith(button_word + ": ")
        first.click()
        status = page.locator(".share-kit .copy-status")
        # Locator waits (no in-page eval: the site's CSP forbids it, as it should).
        expect(status).to_have_text(re.compile(re.escape(done) + "$"))
        assert status.get_attribute("role") == "status"
        assert status.inner_text().endswith(done)
        assert page.evaluate("window.__copied") == [link.input_value()]
        assert first.inner_text() == COPIED[lang], "the button says it copied"
        # A badge's HTML code: exactly the snippet shown in its text area.
        snippet = page.locator(".badge-snippet").first
        button = page.locator(f"button.copy-button[data-copy-for='{snippet.get_attribute('id')}']")
        button.click()
        expect(button).to_have_text(COPIED[lang])
        copied = page.evaluate("window.__copied")[1]
        assert copied == snippet.input_value() and copied.startswith("<a href=") and "<img src=" in copied
        assert site.root.joinpath(url.strip("/"), "index.html").is_file()


def test_without_javascript_the_fields_are_plain_selectable_text_and_no_button_is_shown(opened):
    base, chromium, _site = opened
    with Visit(chromium, javascript=False) as visit:
        page = visit.page
        page.goto(base + _regency_with_awards()["id"], wait_until="load")
        assert page.locator("button.copy-button").count() == 0
        assert page.locator("#tautan-halaman").get_attribute("readonly") is not None
        assert page.locator(".badge-snippet").count() >= 1
