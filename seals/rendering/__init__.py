"""Seal images: PNG in web sizes and for print, SVG for any size. Pure functions of a
`SealFace`: equal faces give byte-identical files (no timestamps, fixed layout engine)."""

from dataclasses import dataclass

import segno

from .layout import SealFace, seal_height
from .png import render_png
from .svg import render_svg

__all__ = ["VARIANTS", "SealFace", "Variant", "render"]


@dataclass(frozen=True)
class Variant:
    filename: str
    content_type: str
    width: int  # pixels for PNG; nominal width for SVG
    with_qr: bool = False
    dpi: int | None = None
    label: str = ""

    @property
    def height(self) -> int:
        return round(seal_height(self.width, with_qr=self.with_qr))

    @property
    def is_svg(self) -> bool:
        return self.content_type == "image/svg+xml"


PRINT_WIDTH = 1200
PRINT_DPI = 300

# Keyed by file name: the names are part of the stable embedding URLs.
VARIANTS = {
    v.filename: v
    for v in (
        Variant("siegel-120.png", "image/png", 120, label="120 × 150 px"),
        Variant("siegel-240.png", "image/png", 240, label="240 × 300 px"),
        Variant("siegel-480.png", "image/png", 480, label="480 × 600 px"),
        Variant(
            "siegel-druck.png",
            "image/png",
            PRINT_WIDTH,
            with_qr=True,
            dpi=PRINT_DPI,
            label="1200 × 2244 px, 300 dpi",
        ),
        Variant("siegel.svg", "image/svg+xml", 1000, label="SVG"),
        Variant("siegel-druck.svg", "image/svg+xml", 1000, with_qr=True, label="SVG"),
    )
}
WEB_SIZES = (120, 240, 480)


def qr_matrix(url: str) -> tuple:
    """The QR code's modules (medium error correction, no quiet zone)."""
    return tuple(tuple(bool(v) for v in row) for row in segno.make(url, error="m").matrix)


def render(face: SealFace, variant: Variant, *, alt: str = "") -> bytes:
    matrix = qr_matrix(face.verify_url) if variant.with_qr else None
    if variant.is_svg:
        return render_svg(face, qr_matrix=matrix, title=alt)
    return render_png(face, width=variant.width, qr_matrix=matrix, dpi=variant.dpi)
