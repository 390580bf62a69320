"""The old addresses of merged categories: written in both languages, sending readers on, kept out of
the sitemap and the search index."""

from __future__ import annotations

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset

DATA = dataset()
OLD = sorted((old, c.slug) for c in DATA.categories for old in c.former_slugs)
PREFIX = {"id": "/kategori/", "en": "/en/category/"}


def test_the_data_has_merged_categories():
    assert ("usaha_kecil", "umkm") in OLD and ("usaha_mikro", "umkm") in OLD


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("old,new", OLD)
def test_an_old_category_address_sends_readers_to_the_merged_category(built_site, lang, old, new):  # noqa: F811
    page = built_site.pages[PREFIX[lang] + old.replace("_", "-") + "/"]
    target = PREFIX[lang] + new.replace("_", "-") + "/"
    assert target in built_site.pages
    metas = {m.attrs.get("http-equiv") or m.attrs.get("name"): m.attrs.get("content") for m in page.find_all("meta")}
    assert metas["refresh"] == f"0; url={target}"
    assert metas["robots"] == "noindex"
    assert [a.attrs["href"] for a in page.find_all("main")[0].find_all("a") if a.attrs.get("href") == target]
    assert page.lang == lang


def test_old_addresses_are_not_in_the_sitemap(built_site):  # noqa: F811
    sitemap = (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for old, _new in OLD:
        assert f"/{old.replace('_', '-')}/" not in sitemap
