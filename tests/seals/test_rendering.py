"""Seal images: every size renders, long names and umlauts fit, equal seals give equal
bytes, the state shows, and the print QR code leads to the verification page.

The rendered files are also written to test-artifacts/seals/ for a person to look at.
"""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from seals.rendering import VARIANTS, SealFace, render
from seals.rendering.fonts import FONT_FILES, cap_height, outline_font, pil_font
from seals.rendering.layout import fit_text, seal_layout
from tests.conftest import require

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "seals"
URL = "https://sozialpaten.example.org/siegel/pruefen/3q2-9fLkQeW7hYpXz0aBcDeFgHiJkLmN/"
NAMES = {
    "short": "Ö",
    "plain": "Dachdeckerei Krüger GmbH",
    "umlauts": "Bäckerei Müßig & Söhne – Ökohöfe Größenwahn ÄÖÜ",
    "compound": "Wohnungsbaugenossenschaftsverwaltungsgesellschaft mbH",
    "long": (
        "Evangelisch-Lutherische Kirchgemeinde Weißwasser/O.L. und Bad Muskau – Förderverein "
        "für Jugendarbeit, Seniorenbegegnung und Kultur in der Oberlausitz e.V."
    ),
}


def face(name="Dachdeckerei Krüger GmbH", state="valid", **kwargs) -> SealFace:
    values = {
        "title": "Lausitzer Sozialpate",
        "year": 2027,
        "holder_name": name,
        "state": state,
        "valid_from": datetime.date(2027, 1, 1),
        "valid_until": datetime.date(2027, 12, 31),
        "revoked_on": datetime.date(2027, 3, 12) if state == "revoked" else None,
        "verify_url": URL,
        **kwargs,
    }
    return SealFace(**values)


def _png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _save(name: str, data: bytes) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(data)


@pytest.mark.parametrize("filename", sorted(VARIANTS))
@pytest.mark.parametrize("kind", sorted(NAMES))
def test_every_variant_renders_every_name(filename, kind):
    variant = VARIANTS[filename]
    state = {"long": "revoked", "umlauts": "expired"}.get(kind, "valid")
    data = render(face(NAMES[kind], state), variant, alt="Siegel")
    _save(f"{kind}-{state}-{filename}", data)
    if variant.is_svg:
        root = ET.fromstring(data)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.get("viewBox") == f"0 0 1000 {variant.height * 1000 // variant.width}"
        # Text is drawn as outlines: the file needs no font where it is shown.
        assert not any(el.tag.endswith("}text") for el in root.iter())
        assert root.findall(".//{http://www.w3.org/2000/svg}path")
        assert b"<script" not in data
    else:
        image = _png(data)
        assert image.format == "PNG"
        assert image.size == (variant.width, variant.height)
        assert image.mode == "RGBA"
        # Rounded corners are transparent, the middle is opaque.
        assert image.getpixel((0, 0))[3] == 0
        assert image.getpixel((variant.width // 2, variant.height // 2))[3] == 255
        if variant.dpi:
            assert round(image.info["dpi"][0]) == variant.dpi


@pytest.mark.parametrize("width", [120, 240, 480, 1200])
@pytest.mark.parametrize("kind", sorted(NAMES))
def test_every_line_fits_inside_the_seal(width, kind):
    """No line of text runs past the seal's inner margin, at any size, with any name."""

    def measure(text, font, size):
        return pil_font(font, round(size * 2) / 2).getlength(text)

    layout = seal_layout(
        face(NAMES[kind]), width=width, measure=measure, ascent=cap_height, snap=round
    )
    inner = width * (1 - 2 * 0.07)
    for text in layout.texts:
        assert measure(text.text, text.font, text.size) <= inner + 0.5, text
        assert 0 < text.baseline < layout.height
    name_lines = [t.text for t in layout.texts if t.font == "condensed-bold"]
    assert 1 <= len(name_lines) <= 4
    joined = "".join(name_lines).replace("-", "").replace(" ", "")
    if kind != "long":
        # Everything of the name is there (only line breaks were added).
        assert joined == NAMES[kind].replace("-", "").replace(" ", "")
    else:
        # A name too long for four lines is shortened visibly, never silently.
        assert name_lines[-1].endswith("…")
    # The name block stays between the title band and the footer band.
    name_texts = [t for t in layout.texts if t.font == "condensed-bold"]
    band, footer = layout.rects[0], layout.rects[2]
    assert name_texts[0].baseline - name_texts[0].size > band.y + band.h
    assert name_texts[-1].baseline < footer.y


def test_the_shipped_fonts_cover_german():
    for key, path in FONT_FILES.items():
        assert path.exists(), key
        cmap = outline_font(key).getBestCmap()
        for char in "ÄÖÜäöüßẞ–„“€":
            assert ord(char) in cmap, (key, char)
    assert (FONT_FILES["bold"].parent / "LICENSE.txt").read_text().count("Bitstream") > 3


def test_same_face_same_bytes():
    for variant in VARIANTS.values():
        assert render(face(), variant) == render(face(), variant)


def test_the_state_changes_the_image():
    variant = VARIANTS["siegel-240.png"]
    images = {
        state: render(face(state=state), variant) for state in ("valid", "revoked", "expired")
    }
    assert len(set(images.values())) == 3
    # The footer band carries the state's colour: green-light, red, dark grey.
    footer_pixel = {state: _png(data).getpixel((30, 280))[:3] for state, data in images.items()}
    assert footer_pixel["valid"] == (0xE6, 0xF1, 0xEE)
    assert footer_pixel["revoked"] == (0xA4, 0x26, 0x2C)
    assert footer_pixel["expired"] == (0x37, 0x47, 0x4F)


def test_the_print_qr_code_leads_to_the_verification_page():
    zxingcpp = _zxing()
    image = _png(render(face(), VARIANTS["siegel-druck.png"])).convert("RGB")
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [URL]
    # The SVG draws the code as runs of modules in one path: paint those runs and read them.
    root = ET.fromstring(render(face(), VARIANTS["siegel-druck.svg"]))
    [qr_path] = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("transform")]
    runs = re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", qr_path.get("d"))
    side = max(int(x) + int(n) for x, _y, n in runs)
    modules = Image.new("RGB", (side + 8, side + 8), "white")
    for x, y, n in runs:
        for col in range(int(x), int(x) + int(n)):
            modules.putpixel((col + 4, int(y) + 4), (0, 0, 0))
    modules = modules.resize((modules.width * 8, modules.height * 8), Image.Resampling.NEAREST)
    assert [r.text for r in zxingcpp.read_barcodes(modules)] == [URL]


def _zxing():
    try:
        import zxingcpp
    except ImportError:  # pragma: no cover - a dev dependency
        zxingcpp = None
    require(
        zxingcpp is not None, "zxing-cpp is not installed (pip install -r requirements/dev.txt)"
    )
    return zxingcpp


def test_web_sizes_have_no_qr_code():
    zxingcpp = _zxing()
    image = _png(render(face(), VARIANTS["siegel-480.png"])).convert("RGB")
    assert zxingcpp.read_barcodes(image) == []


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Dachdeckerei Krüger GmbH", ["Dachdeckerei", "Krüger GmbH"]),
        ("Weißwasser/O.L. Mitte", ["Weißwasser/", "O.L. Mitte"]),
        ("Bad Muskau-Weißwasser", ["Bad Muskau-", "Weißwasser"]),
    ],
)
def test_fit_text_breaks_between_words_and_after_hyphens(text, lines):
    def measure(value, font, size):
        return len(value) * size  # one unit per character

    size, result = fit_text(
        text, measure=measure, font="x", max_width=12, max_lines=3, max_size=1, min_size=0.5
    )
    assert size == 1 and result == lines


def test_fit_text_shrinks_before_it_breaks_words():
    def measure(value, font, size):
        return len(value) * size

    size, lines = fit_text(
        "Genossenschaft",
        measure=measure,
        font="x",
        max_width=10,
        max_lines=2,
        max_size=1,
        min_size=0.5,
    )
    assert lines == ["Genossenschaft"] and size <= 10 / 14


def test_fit_text_breaks_a_word_only_at_the_smallest_size():
    def measure(value, font, size):
        return len(value) * size

    size, lines = fit_text(
        "Wohnungsbaugenossenschaft",
        measure=measure,
        font="x",
        max_width=10,
        max_lines=3,
        max_size=1,
        min_size=1,
    )
    assert size == 1
    assert lines == ["Wohnungsb-", "augenosse-", "nschaft"]


def test_fit_text_splits_a_long_word_evenly_and_reflows_the_rest():
    def measure(value, font, size):
        return len(value) * size

    size, lines = fit_text(
        "Wohnungsbaugenossenschaft mbH",
        measure=measure,
        font="x",
        max_width=17,
        max_lines=3,
        max_size=1,
        min_size=1,
    )
    # Two even pieces rather than a full line and a stray letter; "mbH" joins the second.
    assert lines == ["Wohnungsbauge-", "nossenschaft mbH"]
