"""The picture for social media and link previews: 1200 × 630 pixels, Facebook's
recommended size for shared links (also right for Open Graph and Twitter's large card).

Made with Pillow from what the story may show: its first photo when both partners consent
to photos, otherwise the consented logos on the programme's green, and always the title.
A pure function of its inputs; the fonts are the DejaVu files shipped with the seals app.
"""

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

from seals.rendering.fonts import pil_font
from seals.rendering.layout import BOLD, REGULAR

WIDTH, HEIGHT = 1200, 630
GREEN = (29, 92, 77)
GREEN_DARK = (18, 61, 51)
AMBER = (242, 181, 68)
WHITE = (255, 255, 255)
MARGIN = 56
LOGO_BOX = (300, 170)


@dataclass(frozen=True)
class SocialPicture:
    content: bytes
    content_type: str


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def _title_block(draw, title: str, *, width: int, max_height: int):
    """The largest font size (64 down to 34) at which the title fits in three lines."""
    for size in range(64, 32, -4):
        font = pil_font(BOLD, size)
        lines = _wrap(draw, title, font, width, 3)
        line_height = round(size * 1.2)
        if len(lines) * line_height <= max_height and not lines[-1].endswith(" …"):
            return font, lines, line_height
    return font, lines, line_height


def _draw_title(draw, title: str, *, bottom: int, programme: str, colour=WHITE) -> None:
    font, lines, line_height = _title_block(draw, title, width=WIDTH - 2 * MARGIN, max_height=240)
    y = bottom - len(lines) * line_height
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=colour)
        y += line_height
    label_font = pil_font(BOLD, 28)
    label_y = bottom - len(lines) * line_height - 52
    draw.text((MARGIN, label_y), programme, font=label_font, fill=AMBER)


def _from_photo(photo: Image.Image, title: str, programme: str) -> Image.Image:
    canvas = ImageOps.fit(photo.convert("RGB"), (WIDTH, HEIGHT), method=Image.Resampling.LANCZOS)
    # A dark gradient at the bottom keeps white text readable on any photo.
    shade = Image.new("L", (1, HEIGHT))
    for y in range(HEIGHT):
        shade.putpixel((0, y), max(0, min(215, round((y - HEIGHT * 0.35) / (HEIGHT * 0.65) * 215))))
    overlay = Image.new("RGB", (WIDTH, HEIGHT), GREEN_DARK)
    canvas = Image.composite(overlay, canvas, shade.resize((WIDTH, HEIGHT)))
    draw = ImageDraw.Draw(canvas)
    _draw_title(draw, title, bottom=HEIGHT - MARGIN, programme=programme)
    return canvas


def _logo_tile(logo: Image.Image) -> Image.Image:
    tile = Image.new("RGB", LOGO_BOX, WHITE)
    picture = logo.convert("RGBA")
    picture.thumbnail((LOGO_BOX[0] - 40, LOGO_BOX[1] - 40), Image.Resampling.LANCZOS)
    left = (LOGO_BOX[0] - picture.width) // 2
    top = (LOGO_BOX[1] - picture.height) // 2
    tile.paste(picture, (left, top), picture)
    return tile


def _from_logos(logos: list[Image.Image], names: list[str], title: str, programme: str):
    canvas = Image.new("RGB", (WIDTH, HEIGHT), GREEN)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, HEIGHT - 14, WIDTH, HEIGHT], fill=AMBER)
    if logos:
        tiles = [_logo_tile(logo) for logo in logos[:2]]
        gap = 80
        total = sum(t.width for t in tiles) + gap * (len(tiles) - 1)
        x = (WIDTH - total) // 2
        for index, tile in enumerate(tiles):
            canvas.paste(tile, (x, MARGIN))
            x += tile.width
            if index < len(tiles) - 1:
                plus = pil_font(BOLD, 56)
                width = draw.textlength("+", font=plus)
                draw.text((x + (gap - width) / 2, MARGIN + 45), "+", font=plus, fill=AMBER)
                x += gap
    elif names:
        font = pil_font(REGULAR, 34)
        lines = _wrap(draw, " + ".join(names), font, WIDTH - 2 * MARGIN, 2)
        y = MARGIN + 20
        for line in lines:
            draw.text((MARGIN, y), line, font=font, fill=WHITE)
            y += 44
    _draw_title(draw, title, bottom=HEIGHT - MARGIN - 10, programme=programme)
    return canvas


def social_picture(
    *,
    title: str,
    programme: str,
    photo_file=None,
    logo_files=(),
    names: list[str] | tuple = (),
) -> SocialPicture:
    """Render the 1200 × 630 picture. `photo_file` and `logo_files` are open binary files
    (already limited to what is consented); `names` are the partners' consented names,
    drawn when there is no logo."""
    if photo_file is not None:
        with Image.open(photo_file) as photo:
            canvas = _from_photo(photo, title, programme)
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=86, optimize=True, progressive=True)
        return SocialPicture(buffer.getvalue(), "image/jpeg")
    logos = []
    for file in logo_files:
        with Image.open(file) as logo:
            logo.load()
            logos.append(logo.copy())
    canvas = _from_logos(logos, list(names), title, programme)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return SocialPicture(buffer.getvalue(), "image/png")
