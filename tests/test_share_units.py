"""Share kit parts without a build: card drawing, badges, QR codes, URLs, settings and colours."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from paritrana_core.settings import SettingsError, apply_for, usable_cores
from paritrana_share import badge, card
from paritrana_share.facts import _attr
from paritrana_share.paths import absolute, badge_url, site_image_url
from paritrana_share.qr import qr_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & <b>\"Co\"</b>"
LONG = ("Kabupaten Ogan Komering Ulu Selatan Dengan Nama Yang Sangat Panjang Sekali "
        "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
SPEC = {"lang": "id", "brand": "Arsip Paritrana Award", "title": "Kabupaten Raja Ampat",
        "subtitle": "Provinsi Papua Barat Daya", "stat": "4 penghargaan Paritrana Award",
        "lines": ["Terbaru: Peringkat 1 · Babak provinsi: Papua Barat Daya · Edisi 2023"],
        "footer": "Arsip publik independen: setiap hasil ditautkan ke sumbernya."}


def test_card_is_a_1200_by_630_png_with_no_metadata_and_the_same_bytes_every_time():
    first, second = card.png_bytes(SPEC), card.png_bytes(dict(SPEC))
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert not image.info.keys() - {"dpi"}, f"unexpected PNG chunks: {image.info}"
    assert b"tIME" not in first and b"tEXt" not in first and b"iTXt" not in first


def test_card_changes_when_a_drawn_text_changes():
    assert card.png_bytes(SPEC) != card.png_bytes(dict(SPEC, stat="5 penghargaan Paritrana Award"))


@pytest.mark.parametrize("role", ["title", "subtitle", "stat", "note", "line"])
def test_long_texts_wrap_inside_the_card_and_never_overflow(role):
    spec = dict(SPEC, **({"lines": [LONG, LONG]} if role == "line" else {role: LONG}))
    placed = card.fit(spec)
    bottom = card.BODY_TOP
    for face, _colour, lines, step, gap in placed:
        bottom += gap + step * len(lines)
        for line in lines:
            assert face.getlength(line) <= card.TEXT_WIDTH, f"{line!r} is wider than the card"
    assert bottom <= card.BODY_BOTTOM
    assert "".join(line for p in placed for line in p[2]).startswith(spec["title"][:20])


def test_wrap_breaks_a_word_longer_than_the_line():
    face = card.font(70, card.BOLD)
    lines = card.wrap("X" * 200, face, 500)
    assert len(lines) > 1 and all(face.getlength(line) <= 500 for line in lines)
    assert "".join(lines) == "X" * 200


def _badge_inputs() -> dict:
    return {"head": "PARITRANA AWARD 2024", "place": "Peringkat 1", "rank": 1, "who": "Kabupaten Raja Ampat",
            "details": ["Babak provinsi: Papua Barat Daya", "Pemerintah Kabupaten/Kota"],
            "site": "Arsip Paritrana Award", "title": "Peringkat 1 · Paritrana Award 2024 · Kabupaten Raja Ampat",
            "lang": "id"}


def _badge(**changes):
    values = {"head": "PARITRANA AWARD 2024", "place": "Peringkat 1", "rank": 1, "who": "Kabupaten Raja Ampat",
              "details": ["Babak provinsi: Papua Barat Daya", "Pemerintah Kabupaten/Kota"],
              "site": "Arsip Paritrana Award",
              "title": "Peringkat 1 · Paritrana Award 2024 · Kabupaten Raja Ampat", "lang": "id"}
    values.update(changes)
    return badge.render_badge(**values)


def test_badge_is_valid_svg_with_role_title_and_its_size():
    made = _badge()
    root = ET.fromstring(made.svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("lang") == "id"
    assert root.find(f"{SVG}title").text == "Peringkat 1 · Paritrana Award 2024 · Kabupaten Raja Ampat"
    assert (int(root.get("width")), int(root.get("height"))) == (made.width, made.height) == (360, made.height)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:3] == ["PARITRANA AWARD 2024", "Peringkat 1", "Kabupaten Raja Ampat"]
    assert root.find(f"{SVG}style") is not None and root.find(f"{SVG}defs/{SVG}path").get("id") == "b"
    assert all(t.get("textLength") and t.get("lengthAdjust") == "spacingAndGlyphs" for t in root.iter(f"{SVG}text"))


def test_a_file_of_both_languages_states_the_style_once():
    from paritrana_share.badge_store import BadgeStore

    store = BadgeStore(None)
    first = store.size(dict(_badge_inputs(), lang="id"))[0]
    second = store.size(dict(_badge_inputs(), lang="en", title="Rank 1 · Paritrana Award 2024"))[0]
    text = store.stacked({"id": first, "en": second})
    root = ET.fromstring(text)
    assert text.count("<style>") == 1 and text.count("<defs>") == 1 and text.count("font-family") == 1
    assert [v.get("id") for v in root.findall(f"{SVG}view")] == ["id", "en"]
    assert [b.get("lang") for b in root.findall(f"{SVG}svg")] == ["id", "en"]
    assert len(text) < 2 * len(store.svg(first)), "the shared style is not repeated per language"


def test_badge_escapes_markup_and_wraps_long_names():
    made = _badge(who=HOSTILE + " " + LONG, title=HOSTILE)
    root = ET.fromstring(made.svg)  # parses: nothing from the data became markup
    assert root.find(f"{SVG}title").text == HOSTILE
    assert not [el for el in root.iter() if el.tag in (f"{SVG}script", f"{SVG}b", "script", "b")]
    lines = [t for t in root.iter(f"{SVG}text") if t.get("class") == "w"]
    assert 1 < len(lines) <= 3
    assert root.find(f"{SVG}g").get("transform") == f"translate({badge.PAD})"
    for line in lines:
        assert badge.PAD + float(line.get("textLength")) <= badge.WIDTH - badge.PAD + 0.01
    assert made.height > _badge().height


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_badge_and_card_colours_meet_wcag_aa():
    pairs = [(badge.WHITE, badge.GREEN), (badge.INK, badge.WHITE), (badge.MUTED, badge.WHITE),
             (badge.GREEN, badge.WHITE), *[(c, badge.WHITE) for c in badge.PLACE_COLOURS.values()]]
    as_hex = lambda rgb: "#%02x%02x%02x" % rgb  # noqa: E731
    pairs += [(as_hex(card.BRAND_INK), as_hex(card.BRAND)), (as_hex(card.INK), as_hex(card.PAPER)),
              (as_hex(card.MUTED), as_hex(card.PAPER)), (as_hex(card.BRAND), as_hex(card.PAPER)),
              (as_hex(card.MUTED), as_hex(card.WASH))]
    low = [(a, b, round(contrast(a, b), 2)) for a, b in pairs if contrast(a, b) < 4.5]
    assert not low, f"colour pairs below 4.5:1: {low}"


def test_qr_svg_is_named_and_encodes_the_url():
    import segno

    svg = qr_svg("https://example.org/provinsi/a/b/", 'Kode QR "a" & <b>')
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert root.get("role") == "img" and root.get("aria-label") == 'Kode QR "a" & <b>'
    assert root.find(f"{SVG}title").text == 'Kode QR "a" & <b>'
    expected = segno.make("https://example.org/provinsi/a/b/", error="m").svg_inline(omitsize=True)
    paths = [p.get("d") for p in root.iter(f"{SVG}path") if p.get("stroke")]
    assert paths and paths[0] in expected


def test_urls_and_snippet_attributes():
    assert site_image_url("id") == "gambar/bagikan/situs.png"
    assert site_image_url("en") == "en/images/share/site.png"
    assert badge_url("w123", "en") == "lencana/w123.svg#en"  # a view of the award's one badge file
    assert absolute("", "provinsi/x/") == "/provinsi/x/"
    assert absolute("https://arsip.example/", "provinsi/x/") == "https://arsip.example/provinsi/x/"
    assert _attr('a "b" <c> & d') == "a &quot;b&quot; &lt;c&gt; &amp; d"


@pytest.mark.parametrize("key, value", [("PARITRANA_SHARE_WORKERS", 0), ("PARITRANA_SHARE_POOL_MIN", "8"),
                                        ("PARITRANA_SHARE_PRINT_LIMIT", True)])
def test_bad_settings_stop_with_a_message(tmp_path, key, value):
    conf = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output"), key: value}
    with pytest.raises(SettingsError, match=key):
        apply_for(conf, "paritrana_share")


def test_cache_inside_the_output_is_refused(tmp_path):
    conf = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output"),
            "PARITRANA_SHARE_CACHE_DIR": str(tmp_path / "output" / "cache")}
    with pytest.raises(SettingsError, match="outside the output"):
        apply_for(conf, "paritrana_share")


def test_defaults_use_both_cores_and_a_cache_beside_the_content(tmp_path):
    conf = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output")}
    apply_for(conf, "paritrana_share")
    assert conf["PARITRANA_SHARE_CACHE_DIR"] == str(tmp_path / ".cache" / "share")
    assert conf["PARITRANA_SHARE_WORKERS"] == usable_cores() >= 1
