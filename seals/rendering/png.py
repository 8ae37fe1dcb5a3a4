"""Draw a seal layout with Pillow: shapes supersampled for smooth edges, text hinted at
its real size so that even the 120-pixel seal stays legible."""

import io

from PIL import Image, ImageDraw

from .fonts import cap_height, pil_font
from .layout import Layout, SealFace, seal_layout


def _supersample(width: float) -> int:
    """Smooth edges need about 2000 drawn pixels across; more only costs time."""
    return max(1, min(4, round(2000 / width)))


def _measure(text: str, font: str, size: float) -> float:
    return pil_font(font, round(size * 2) / 2).getlength(text)


def _shapes(layout: Layout) -> Image.Image:
    s = _supersample(layout.width)
    size = (round(layout.width * s), round(layout.height * s))
    canvas = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    for r in layout.rects:
        box = (r.x * s, r.y * s, (r.x + r.w) * s - 1, (r.y + r.h) * s - 1)
        if r.radius:
            draw.rounded_rectangle(box, radius=r.radius * s, fill=r.fill)
        else:
            draw.rectangle(box, fill=r.fill)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, size[0] - 1, size[1] - 1), radius=layout.radius * s, fill=255
    )
    canvas.putalpha(mask)
    # Pillow draws an outline inwards from the box, so the frame shares the mask's edge.
    draw.rounded_rectangle(
        (0, 0, size[0] - 1, size[1] - 1),
        radius=layout.radius * s,
        outline=layout.border_color,
        width=round(layout.border * s),
    )
    return canvas.resize((round(layout.width), round(layout.height)), Image.Resampling.LANCZOS)


def render_png(face: SealFace, *, width: int, qr_matrix=None, dpi: int | None = None) -> bytes:
    layout = seal_layout(
        face,
        width=width,
        measure=_measure,
        ascent=cap_height,
        qr_matrix=qr_matrix,
        snap=lambda v: float(round(v)),
    )
    image = _shapes(layout)
    draw = ImageDraw.Draw(image)
    for t in layout.texts:
        font = pil_font(t.font, round(t.size * 2) / 2)
        draw.text((t.cx, t.baseline), t.text, font=font, fill=t.fill, anchor="ms")
    if layout.qr is not None:
        qr = layout.qr
        for row, values in enumerate(qr.matrix):
            for col, dark in enumerate(values):
                if dark:
                    x, y = qr.x + col * qr.module, qr.y + row * qr.module
                    draw.rectangle((x, y, x + qr.module - 1, y + qr.module - 1), fill=qr.fill)
    buffer = io.BytesIO()
    options = {"dpi": (dpi, dpi)} if dpi else {}
    image.save(buffer, format="PNG", optimize=True, **options)
    return buffer.getvalue()
