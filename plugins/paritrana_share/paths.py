"""The share kit's URLs, all built on paritrana_core.urls: share images, badges, print summaries.

Site-relative without a leading slash, like every URL of the site; slugs are the pages' own, so an
image, badge or print summary keeps its address as long as its page does.

    gambar/bagikan/provinsi/papua-barat-daya/raja-ampat.png    en/images/share/province/…/raja-ampat.png
    gambar/bagikan/tahun/2023.png                              en/images/share/year/2023.png
    gambar/bagikan/situs.png                                   en/images/share/site.png
    gambar/bagikan/persegi/provinsi/jambi/kabupaten-bungo.png  en/images/share/square/province/jambi/… (1080×1080)
    lencana/png/id/<winner-id>.png                             lencana/png/en/<winner-id>.png
    lencana/<winner-id>.svg#id                                 lencana/<winner-id>.svg#en (one file)
    provinsi/papua-barat-daya/raja-ampat/cetak/                en/province/papua-barat-daya/raja-ampat/print/
"""

from __future__ import annotations

from paritrana_core.urls import UNDATED, join, url

IMAGE_DIR = {"id": "gambar/bagikan", "en": "images/share"}
SITE_IMAGE = {"id": "situs", "en": "site"}
BADGE_DIR = "lencana"
PRINT = {"id": "cetak", "en": "print"}
SQUARE = {"id": "persegi", "en": "square"}


def _place_parts(index, kind: str, code: str) -> tuple[str, ...]:
    if kind == "province":
        return (index.provinces[code].slug,)
    regency = index.regencies[code]
    return index.provinces[regency.province_code].slug, regency.slug


def _page_parts(index, key: tuple, lang: str) -> tuple[str, tuple]:
    """(paritrana_core.urls kind, parts) of a data page with a share image of its own."""
    kind, value = key[0], key[1]
    if kind == "edition":
        return "editions", (value if value is not None else UNDATED[lang],)
    if kind in ("province", "regency"):
        return "provinces", _place_parts(index, kind, value)
    raise ValueError(f"no share image of its own for page {key!r}")


def image_url(index, key: tuple, lang: str) -> str:
    """The share image of an edition, province or regency page."""
    kind, parts = _page_parts(index, key, lang)
    home = url("home", lang)
    rest = url(kind, lang, *parts)[len(home):].strip("/")
    return f"{home}{IMAGE_DIR[lang]}/{rest}.png"


def square_image_url(index, key: tuple, lang: str) -> str:
    """The 1080×1080 share image (Instagram and WhatsApp status) of a page with a share kit."""
    kind, parts = _page_parts(index, key, lang)
    home = url("home", lang)
    rest = url(kind, lang, *parts)[len(home):].strip("/")
    return f"{home}{IMAGE_DIR[lang]}/{SQUARE[lang]}/{rest}.png"


def badge_png_url(winner_id: str, lang: str) -> str:
    """An award's badge as a PNG in one language (made for each place's best result only)."""
    return f"{BADGE_DIR}/png/{lang}/{winner_id}.png"


def site_image_url(lang: str) -> str:
    """The site's own share image: home, index, category and editorial pages."""
    return f"{url('home', lang)}{IMAGE_DIR[lang]}/{SITE_IMAGE[lang]}.png"


def badge_url(winner_id: str, lang: str) -> str:
    """The badge of an award in a language: a view of the award's one badge file (badge_store.py)."""
    return f"{badge_file(winner_id)}#{lang}"


def badge_file(winner_id: str) -> str:
    """The one badge file of an award, holding its badge in every language."""
    return f"{BADGE_DIR}/{winner_id}.svg"


def print_url(index, key: tuple, lang: str) -> str:
    """The printable summary of a province or regency page."""
    kind, code = key[0], key[1]
    return url("provinces", lang, *_place_parts(index, kind, code), PRINT[lang])


def absolute(address: str, relative: str) -> str:
    """`relative` under the site's address: absolute for the public site, '/relative' for a local build."""
    return join(address, relative)
