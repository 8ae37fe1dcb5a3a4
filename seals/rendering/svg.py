"""Draw a seal layout as SVG. Text becomes outlines from the shipped font, so the file needs
no font on the viewer's machine and looks the same everywhere (an SVG shown through <img>
may not load fonts anyway)."""

from functools import lru_cache
from xml.sax.saxutils import escape

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen

from .fonts import cap_height, outline_font
from .layout import Layout, SealFace, seal_layout

WIDTH = 1000  # user units; the SVG scales to any size


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@lru_cache(maxsize=8)
def _metrics(key: str):
    font = outline_font(key)
    return (
        font.getBestCmap(),
        font.getGlyphSet(),
        font["hmtx"].metrics,
        font["head"].unitsPerEm,
    )


def _glyph_names(text: str, key: str) -> list[str]:
    cmap = _metrics(key)[0]
    return [cmap.get(ord(char), cmap.get(ord("?"))) for char in text]


def _measure(text: str, font: str, size: float) -> float:
    _cmap, _glyphs, hmtx, upm = _metrics(font)
    return sum(hmtx[name][0] for name in _glyph_names(text, font)) * size / upm


def _text_path(text: str, key: str, size: float, cx: float, baseline: float) -> str:
    _cmap, glyphs, hmtx, upm = _metrics(key)
    scale = size / upm
    x = cx - _measure(text, key, size) / 2
    pen = SVGPathPen(glyphs, ntos=_num)
    for name in _glyph_names(text, key):
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
        x += hmtx[name][0] * scale
    return pen.getCommands()


def _qr_path(qr) -> str:
    """One path for the whole code: a rectangle per horizontal run of dark modules."""
    parts = []
    for row, values in enumerate(qr.matrix):
        col = 0
        while col < len(values):
            if values[col]:
                start = col
                while col < len(values) and values[col]:
                    col += 1
                parts.append(f"M{start} {row}h{col - start}v1h{start - col}z")
            else:
                col += 1
    return "".join(parts)


def render_svg(face: SealFace, *, qr_matrix=None, title: str = "") -> bytes:
    layout: Layout = seal_layout(
        face, width=WIDTH, measure=_measure, ascent=cap_height, qr_matrix=qr_matrix
    )
    w, h = _num(layout.width), _num(layout.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        f'width="{w}" height="{h}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">',
        f"<title>{escape(title)}</title>",
        f'<defs><clipPath id="seal-shape"><rect width="{w}" height="{h}" '
        f'rx="{_num(layout.radius)}"/></clipPath></defs>',
        '<g clip-path="url(#seal-shape)">',
    ]
    for r in layout.rects:
        radius = f' rx="{_num(r.radius)}"' if r.radius else ""
        out.append(
            f'<rect x="{_num(r.x)}" y="{_num(r.y)}" width="{_num(r.w)}" '
            f'height="{_num(r.h)}"{radius} fill="{r.fill}"/>'
        )
    out.append("</g>")
    half = layout.border / 2
    out.append(
        f'<rect x="{_num(half)}" y="{_num(half)}" width="{_num(layout.width - layout.border)}" '
        f'height="{_num(layout.height - layout.border)}" rx="{_num(layout.radius - half)}" '
        f'fill="none" stroke="{layout.border_color}" stroke-width="{_num(layout.border)}"/>'
    )
    for t in layout.texts:
        out.append(
            f'<path fill="{t.fill}" d="{_text_path(t.text, t.font, t.size, t.cx, t.baseline)}"/>'
        )
    if layout.qr is not None:
        qr = layout.qr
        out.append(
            f'<path fill="{qr.fill}" shape-rendering="crispEdges" '
            f'transform="translate({_num(qr.x)} {_num(qr.y)}) scale({_num(qr.module)})" '
            f'd="{_qr_path(qr)}"/>'
        )
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode()
