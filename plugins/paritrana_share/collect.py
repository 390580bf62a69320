"""pages_built receiver: give every data page its share values and gather what the generator writes."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from paritrana_core.hooks import add_pages
from paritrana_core.labels import Labels
from paritrana_core.page import link_translations
from paritrana_core.preview import is_preview
from paritrana_core.settings import languages
from paritrana_core.urls import siteurl
from paritrana_i18n.catalog import lang_for

from .badge_store import BadgeStore
from .badge_png import SCALE, badge_height
from .card import FORMATS
from .facts import (CARDS, GOVERNMENT, alt_text, badge_awards, badge_for, badge_inputs, card_for, print_page,
                    site_card)
from .paths import PRINT, absolute, badge_png_url, image_url, site_image_url, square_image_url
from .words import best_result
from .qr import qr_svg

STATE = "paritrana_share"
KIT_PAGES = ("province", "regency")


class ShareError(SystemExit):
    """The share kit cannot give every page stable addresses (e.g. a slug that clashes with 'cetak')."""


def _image(url: str, spec: dict) -> dict:
    width, height = FORMATS["wide"]
    return {"image": url, "alt": alt_text(spec), "width": width, "height": height}


def _png_badge(index, labels, winners: list, kind: str, images: dict) -> dict | None:
    """The PNG badge of a place's best result (one per place and language keeps the file count low)."""
    best = best_result(winners, [w for w in winners if w.kind in GOVERNMENT[kind]])
    if best is None:
        return None
    inputs = badge_inputs(index, labels, best)
    url = badge_png_url(best.id, labels.lang.code)
    images[url] = {**inputs, "format": "badge"}
    return {"url": url, "title": inputs["title"], "width": 360 * SCALE, "height": badge_height(inputs) * SCALE}


def check_slugs(index) -> None:
    """Print summaries live at <place>/cetak/ and <place>/print/: no regency may use those slugs."""
    clashes = sorted(r.slug for r in index.regencies.values() if r.slug in PRINT.values())
    if clashes:
        raise ShareError(f"paritrana_share: regency slug(s) {clashes} clash with the print-summary folder "
                         f"names {sorted(PRINT.values())}; rename the slug in data/regions/")


def collect(sender, pages, index, settings) -> None:
    """Add page.values['share'] to every data page; keep images, badges and print pages for the generator."""
    context = sender.context
    address = siteurl(context) or siteurl(settings)
    limit = settings["PARITRANA_SHARE_PRINT_LIMIT"]
    qr = partial(qr_svg, cache_dir=Path(settings["PARITRANA_SHARE_CACHE_DIR"]))
    check_slugs(index)
    labels = {code: Labels(index, lang_for(settings, code)) for code in languages(settings)}
    images: dict[str, dict] = {}
    site = {}
    for code, lab in labels.items():
        spec = site_card(index, lab)
        images[site_image_url(code)] = spec
        site[code] = _image(site_image_url(code), spec)
    badges: dict[str, dict[str, str]] = {}  # output path -> {language: badge key in the store}
    store = BadgeStore(Path(settings["PARITRANA_SHARE_CACHE_DIR"]))
    print_pages = []
    for page in pages:
        kind, lab = page.key[0], labels[page.lang]
        spec = card_for(index, lab, page.key) if kind in CARDS else None
        if spec is not None:
            shape = context.get("paritrana_share_shapes", {}).get(page.key)  # set by paritrana_maps
            if shape:
                spec = {**spec, "shape": shape}
            url = image_url(index, page.key, page.lang)
            images[url] = spec
            share = _image(url, spec)
            if kind in KIT_PAGES:  # the square image is offered by the kit (edition pages have none)
                square = square_image_url(index, page.key, page.lang)
                images[square] = {**spec, "format": "square"}
                share["square"] = {"image": square, "width": FORMATS["square"][0], "height": FORMATS["square"][1]}
        else:  # nothing of its own to share (a place without a known award): the site's image, no kit
            share = dict(site[page.lang])
        if kind in KIT_PAGES and spec is not None:
            permalink = absolute(address, page.url)
            items = []
            offered, left_out = badge_awards(index, page.key, settings["PARITRANA_SHARE_BADGE_LIMIT"])
            for w in offered:
                item, key = badge_for(index, lab, w, address, permalink, store)
                badges.setdefault(item.url.split("#", 1)[0], {})[page.lang] = key
                items.append(item)
            summary = print_page(index, lab, page, address, limit, qr)
            summary.values["share"] = dict(share)
            print_pages.append(summary)
            winners = (index.by_regency if kind == "regency" else index.by_province).get(page.key[1], [])
            share["kit"] = {"kind": kind, "badges": items, "left_out": left_out, "print_url": summary.url,
                            "permalink": permalink,
                            "png": _png_badge(index, lab, winners, kind, images)}
        page.values["share"] = share
    link_translations(print_pages, languages(settings))
    context[STATE] = {"images": images, "badges": badges, "badge_store": store, "print_pages": print_pages}
    if not is_preview(settings):
        add_pages(context, print_pages)  # written with the data pages, each language in its own process
    # Pages this plugin does not build (editorial pages, other plugins' pages) use the site image.
    context["share_site"] = site
