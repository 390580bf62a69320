"""Table boxes on the built pages, both languages: every `.table-scroll` (a box that may scroll sideways
between the card layout of phones and wide screens) is a named, focusable region, so that keyboard users
can scroll it (WCAG 2.1.1; axe rule scrollable-region-focusable).

Each must have role="region", tabindex="0" and an aria-labelledby whose ids name one element each on the
page, with text, among them the caption of its own table; the names of the regions on a page differ.
"""

from __future__ import annotations

import pytest

from site_build import built_site  # noqa: F401


def regions(page) -> list[tuple[object, str, list[str]]]:
    """(box, its accessible name, problems) for every .table-scroll of a page."""
    found = []
    for box in page.find_all(cls="table-scroll"):
        problems = []
        if box.attrs.get("role") != "region":
            problems.append(f'role={box.attrs.get("role")!r}, not "region"')
        if box.attrs.get("tabindex") != "0":
            problems.append(f'tabindex={box.attrs.get("tabindex")!r}, not "0"')
        ids = box.attrs.get("aria-labelledby", "").split()
        if not ids:
            problems.append("no aria-labelledby")
        parts = []
        for ident in ids:
            targets = page.ids.get(ident, [])
            if len(targets) != 1:
                problems.append(f"aria-labelledby id {ident!r} names {len(targets)} elements")
            elif not targets[0].text():
                problems.append(f"aria-labelledby id {ident!r} names an element without text")
            else:
                parts.append(targets[0].text())
        captions = [c.attrs.get("id") for c in box.find_all("caption")]
        if captions and captions[0] not in ids:
            problems.append(f"the table's own caption (id {captions[0]!r}) is not part of the name")
        found.append((box, " ".join(parts), problems))
    return found


def test_every_table_box_is_a_named_focusable_region(built_site):  # noqa: F811
    pages = list(built_site.pages)
    boxes, bad, named_twice = 0, [], []
    for url in pages:
        page = built_site.pages[url]
        found = regions(page)
        boxes += len(found)
        for box, _name, problems in found:
            if problems:
                bad.append(f"{url}: {'; '.join(problems)}\n    <div {' '.join(f'{k}={v!r}' for k, v in box.attrs.items())}>")
        names = [name for _box, name, _problems in found]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            named_twice.append(f"{url}: {twice}")
    assert boxes > 500, f"only {boxes} table boxes in {len(pages)} pages: is the build complete?"
    assert not bad, f"{len(bad)} table box(es) are not named, focusable regions:\n" + "\n".join(bad[:20])
    assert not named_twice, "regions with the same name on one page (axe landmark-unique):\n" + "\n".join(named_twice[:20])


@pytest.mark.parametrize("url,names", [
    ("/provinsi/aceh/", {"Pemenang di provinsi ini Edisi 2023 (babak nasional: Paritrana Award 2024)"}),
    ("/en/province/aceh/", {"Winners in this province 2023 edition (national round: Paritrana Award 2024)"}),
])
def test_a_winner_table_is_named_by_its_heading_and_caption(built_site, url, names):  # noqa: F811
    """The caption alone (an edition's heading) can repeat under other headings of the page: the name has both."""
    found = {name for _box, name, _problems in regions(built_site.pages[url])}
    assert names <= found, f"{url}: region names {sorted(found)}"


def test_the_names_are_in_the_language_of_the_page(built_site):  # noqa: F811
    """The same page in both languages: the regions pair up, and their names are translated, not copied."""
    for slug in ("aceh", "jawa-barat"):
        id_names = [n for _b, n, _p in regions(built_site.pages[f"/provinsi/{slug}/"])]
        en_names = [n for _b, n, _p in regions(built_site.pages[f"/en/province/{slug}/"])]
        assert len(id_names) == len(en_names) > 0, (slug, id_names, en_names)
        assert all(a != b for a, b in zip(id_names, en_names)), list(zip(id_names, en_names))


def test_no_stylesheet_leaves_links_to_content_visibility_auto():
    """Parts laid out only near the screen put their links at guessed places: Lighthouse's target-size
    check then sees links of different parts as overlapping (the map page's year blocks: accessibility 96)."""
    from site_build import ROOT

    lazy = [f"{css.relative_to(ROOT)}: {line.strip()}" for css in sorted((ROOT / "theme" / "static").rglob("*.css"))
            for line in css.read_text(encoding="utf-8").splitlines() if "content-visibility: auto" in line]
    assert not lazy, lazy
