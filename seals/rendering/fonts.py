"""The shipped DejaVu fonts (seals/fonts/, with their licence), for Pillow and fontTools."""

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from .layout import BOLD, CONDENSED_BOLD, REGULAR

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILES = {
    BOLD: FONT_DIR / "DejaVuSans-Bold.ttf",
    CONDENSED_BOLD: FONT_DIR / "DejaVuSansCondensed-Bold.ttf",
    REGULAR: FONT_DIR / "DejaVuSans.ttf",
}


@lru_cache(maxsize=256)
def pil_font(key: str, size: float) -> ImageFont.FreeTypeFont:
    # The basic layout engine: the same glyph positions wherever the portal runs, whether
    # or not Pillow was built with libraqm.
    return ImageFont.truetype(str(FONT_FILES[key]), size=size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=8)
def outline_font(key: str):
    from fontTools.ttLib import TTFont

    return TTFont(str(FONT_FILES[key]), lazy=True)


@lru_cache(maxsize=8)
def cap_height(key: str) -> float:
    """Height of a capital letter per unit of font size."""
    font = outline_font(key)
    glyph = font["glyf"]["H"]
    return glyph.yMax / font["head"].unitsPerEm
