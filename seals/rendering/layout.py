"""Where everything on a seal goes: one layout, drawn by both the PNG and the SVG renderer.

The layout is computed in the target's own units (pixels for a PNG, user units for an SVG)
with a `measure(text, font, size)` function of that target, so that hinted small PNGs and
the unhinted vector outlines both fit their text. Nothing here touches Django.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

# Font keys; each renderer maps them to the shipped DejaVu files.
BOLD = "bold"
CONDENSED_BOLD = "condensed-bold"
REGULAR = "regular"

Measure = Callable[[str, str, float], float]

ELLIPSIS = "…"


@dataclass(frozen=True)
class SealFace:
    """Everything a seal image shows. Equal faces render to equal bytes."""

    title: str  # "Lausitzer Sozialpate"
    year: int
    holder_name: str
    state: str  # SealState value
    valid_from: datetime.date
    valid_until: datetime.date
    revoked_on: datetime.date | None = None
    verify_url: str = ""  # only drawn (as a QR code) on print variants


@dataclass(frozen=True)
class Palette:
    band: str
    band_text: str
    pill: str
    pill_text: str
    body: str
    name: str
    tagline: str
    footer: str
    footer_text: str
    border: str


VALID_PALETTE = Palette(
    band="#1d5c4d",
    band_text="#ffffff",
    pill="#f2b544",
    pill_text="#123d33",
    body="#ffffff",
    name="#123d33",
    tagline="#3f4d53",
    footer="#e6f1ee",
    footer_text="#123d33",
    border="#1d5c4d",
)
# A seal that is not valid keeps its content readable but loses its colours; the footer
# band says why in a colour of its own.
GREY = {
    "band": "#6b777c",
    "band_text": "#ffffff",
    "pill": "#d5dbde",
    "pill_text": "#37474f",
    "body": "#f4f5f5",
    "name": "#37474f",
    "tagline": "#4d5a60",
}
# The frame takes the footer's colour: a red frame reads as "revoked" even at 120 pixels.
REVOKED_PALETTE = Palette(**GREY, footer="#a4262c", footer_text="#ffffff", border="#a4262c")
EXPIRED_PALETTE = Palette(**GREY, footer="#37474f", footer_text="#ffffff", border="#37474f")
NOT_YET_PALETTE = Palette(**GREY, footer="#fff3d6", footer_text="#4a3400", border="#6b777c")

# The words on the seal are German by design: the seal is a German-language mark, and the
# same seal must render the same bytes whatever language a visitor's browser asks for.
TAGLINE = "engagiert sich sozial"
VERIFY_CAPTION = "Echtheit prüfen:"


def _date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def footer_lines(face: SealFace) -> tuple[Palette, str, str]:
    """The palette and the two footer lines (state word, date) for the face's state."""
    if face.state == "revoked":
        day = face.revoked_on or face.valid_until
        return REVOKED_PALETTE, "WIDERRUFEN", f"am {_date(day)}"
    if face.state == "expired":
        return EXPIRED_PALETTE, "ABGELAUFEN", f"seit {_date(face.valid_until)}"
    if face.state == "not_yet_valid":
        return NOT_YET_PALETTE, "NOCH NICHT GÜLTIG", f"ab {_date(face.valid_from)}"
    return VALID_PALETTE, "GÜLTIG", f"bis {_date(face.valid_until)}"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0


@dataclass(frozen=True)
class Text:
    """One line, centred on `cx`, its baseline at `baseline`."""

    cx: float
    baseline: float
    text: str
    font: str
    size: float
    fill: str


@dataclass(frozen=True)
class QR:
    x: float
    y: float
    module: float  # side of one module
    matrix: tuple  # rows of 0/1 (or bool) values, without quiet zone
    fill: str


@dataclass
class Layout:
    width: float
    height: float
    radius: float
    border: float
    border_color: str
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    qr: QR | None = None


# --- fitting text ------------------------------------------------------------------------


def _chunks(text: str) -> list[str]:
    """Pieces a line may break after: words (with their trailing space dropped later) and
    the parts of hyphenated or slashed compounds ("Bad Muskau-Weißwasser", "Weißwasser/O.L.")."""
    pieces: list[str] = []
    for word in text.split():
        start = 0
        for i, char in enumerate(word):
            if char in "-/" and 0 < i < len(word) - 1:
                pieces.append(word[start : i + 1])
                start = i + 1
        pieces.append(word[start:] + " ")
    if pieces:
        pieces[-1] = pieces[-1].rstrip()
    return pieces


def _greedy(chunks: list[str], fits: Callable[[str], bool]) -> list[str]:
    lines: list[str] = []
    current = ""
    for chunk in chunks:
        candidate = current + chunk
        if not current or fits(candidate.rstrip()):
            current = candidate
        else:
            lines.append(current.rstrip())
            current = chunk
    if current:
        lines.append(current.rstrip())
    return lines


def _split_long(chunk: str, fits: Callable[[str], bool]) -> list[str]:
    """Break a chunk too long for any line into the fewest near-equal pieces that fit,
    each but the last ending in a hyphen; a piece of a single character is the limit."""
    word, space = chunk.rstrip(), chunk[len(chunk.rstrip()) :]
    if fits(word):
        return [chunk]
    for count in range(2, len(word) + 1):
        size = -(-len(word) // count)  # ceiling division
        pieces = [word[i : i + size] for i in range(0, len(word), size)]
        pieces = [p + "-" for p in pieces[:-1]] + [pieces[-1] + space]
        if all(fits(p.rstrip()) for p in pieces):
            return pieces
    return list(word[:-1]) + [word[-1] + space]


def _ellipsize(line: str, fits: Callable[[str], bool]) -> str:
    while line and not fits(line.rstrip(" -") + ELLIPSIS):
        line = line[:-1]
    return line.rstrip(" -") + ELLIPSIS


def fit_text(
    text: str,
    *,
    measure: Measure,
    font: str,
    max_width: float,
    max_lines: int,
    max_size: float,
    min_size: float,
    max_height: float | None = None,
    line_height: float = 1.2,
    steps: int = 24,
) -> tuple[float, list[str]]:
    """The largest size between max_size and min_size at which `text` wraps into at most
    `max_lines` lines of at most `max_width` (and, given `max_height`, whose lines of
    `line_height` times the size stack no higher than that). Words are broken only when
    even min_size does not fit them, and the last line is shortened with "…" only as a
    last resort."""
    chunks = _chunks(" ".join(text.split()))
    if not chunks:
        return max_size, []
    for i in range(steps + 1):
        size = max_size - (max_size - min_size) * i / steps

        def fits(line: str, size=size) -> bool:
            return measure(line, font, size) <= max_width

        lines = _greedy(chunks, fits)
        too_high = max_height is not None and len(lines) * size * line_height > max_height
        if len(lines) <= max_lines and not too_high and all(fits(line) for line in lines):
            return size, lines

    size = min_size

    def fits_min(line: str) -> bool:
        return measure(line, font, size) <= max_width

    pieces = [piece for chunk in chunks for piece in _split_long(chunk, fits_min)]
    lines = _greedy(pieces, fits_min)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], fits_min)
    return size, lines


# --- the seal ----------------------------------------------------------------------------

WEB_RATIO = 1.25  # height / width of the web seal
PRINT_EXTRA = 0.74  # height of the verification section on print variants, per width


def seal_height(width: float, *, with_qr: bool) -> float:
    return width * (WEB_RATIO + (PRINT_EXTRA if with_qr else 0))


def seal_layout(
    face: SealFace,
    *,
    width: float,
    measure: Measure,
    ascent: Callable[[str], float],
    qr_matrix: tuple | None = None,
    snap: Callable[[float], float] = lambda v: v,
) -> Layout:
    """Lay out `face` at `width`. `ascent(font)` is the cap height per unit of size (for
    centring text vertically); `snap` rounds lengths where pixels should be whole."""
    w = width
    palette, state_word, state_date = footer_lines(face)
    with_qr = qr_matrix is not None
    h = seal_height(w, with_qr=with_qr)
    pad = 0.07 * w
    inner = w - 2 * pad
    layout = Layout(
        width=w,
        height=h,
        radius=0.075 * w,
        border=max(1.0, snap(0.018 * w)),
        border_color=palette.border,
    )

    # Top band: title on up to two lines, the year in a pill.
    band_h = snap(0.5 * w)
    layout.rects.append(Rect(0, 0, w, band_h, palette.band))
    title_size, title_lines = fit_text(
        face.title.upper(),
        measure=measure,
        font=BOLD,
        max_width=inner,
        max_lines=2,
        max_size=0.1 * w,
        min_size=0.06 * w,
    )
    line_h = title_size * 1.18
    cap = ascent(BOLD)
    title_block = line_h * (len(title_lines) - 1) + title_size * cap
    pill_h = 0.15 * w
    gap = 0.045 * w
    top = (band_h - (title_block + gap + pill_h)) / 2
    baseline = top + title_size * cap
    for line in title_lines:
        layout.texts.append(Text(w / 2, baseline, line, BOLD, title_size, palette.band_text))
        baseline += line_h
    pill_top = top + title_block + gap
    year = str(face.year)
    year_size = 0.105 * w
    pill_w = measure(year, BOLD, year_size) + 0.16 * w
    layout.rects.append(
        Rect((w - pill_w) / 2, pill_top, pill_w, pill_h, palette.pill, radius=pill_h / 2)
    )
    layout.texts.append(
        Text(
            w / 2,
            pill_top + (pill_h + year_size * cap) / 2,
            year,
            BOLD,
            year_size,
            palette.pill_text,
        )
    )

    # Footer band: state and date.
    footer_h = snap(0.235 * w)
    footer_top = h - footer_h
    layout.rects.append(Rect(0, footer_top, w, footer_h, palette.footer))
    state_size, state_lines = fit_text(
        state_word,
        measure=measure,
        font=BOLD,
        max_width=inner,
        max_lines=1,
        max_size=0.085 * w,
        min_size=0.05 * w,
    )
    date_size = 0.07 * w
    gap = 0.035 * w
    block = state_size * cap + gap + date_size * ascent(REGULAR)
    y = footer_top + (footer_h - block) / 2 + state_size * cap
    layout.texts.append(Text(w / 2, y, state_lines[0], BOLD, state_size, palette.footer_text))
    y += gap + date_size * ascent(REGULAR)
    layout.texts.append(Text(w / 2, y, state_date, REGULAR, date_size, palette.footer_text))

    # Print variants: the verification QR code above the footer.
    body_bottom = footer_top
    if with_qr:
        section_h = PRINT_EXTRA * w
        section_top = footer_top - section_h
        layout.rects.append(Rect(0, section_top, w, section_h, "#ffffff"))
        layout.rects.append(
            Rect(pad, section_top, inner, max(1.0, snap(0.006 * w)), palette.footer)
        )
        caption_size = 0.055 * w
        y = section_top + 0.05 * w + caption_size * ascent(REGULAR)
        layout.texts.append(Text(w / 2, y, VERIFY_CAPTION, REGULAR, caption_size, palette.name))
        n = len(qr_matrix)
        module = snap(0.40 * w / n) or 0.40 * w / n
        qr_side = module * n
        # At least four modules of quiet zone between the caption and the code.
        qr_top = snap(y + max(0.045 * w, 4 * module))
        layout.qr = QR(snap((w - qr_side) / 2), qr_top, module, qr_matrix, "#000000")
        # The address on two lines: where, and the code itself (never broken inside).
        url = face.verify_url.split("://", 1)[-1].rstrip("/")
        prefix, _slash, code = url.rpartition("/")
        url_lines = [f"{prefix}/", f"{code}/"] if prefix else [f"{url}/"]
        url_size = 0.036 * w
        widest = max(measure(line, REGULAR, url_size) for line in url_lines)
        if widest > inner:
            url_size *= 0.97 * inner / widest
        y = qr_top + qr_side + max(0.05 * w, 4 * module) + url_size * ascent(REGULAR)
        for line in url_lines:
            layout.texts.append(Text(w / 2, y, line, REGULAR, url_size, palette.tagline))
            y += url_size * 1.35
        body_bottom = section_top

    # Body: the holder's name (shrunk and wrapped to fit) and the tagline.
    layout.rects.append(Rect(0, band_h, w, body_bottom - band_h, palette.body))
    tag_size = 0.068 * w
    gap = 0.055 * w
    name_size, name_lines = fit_text(
        face.holder_name,
        measure=measure,
        font=CONDENSED_BOLD,
        max_width=inner,
        max_lines=4,
        max_size=0.1 * w,
        min_size=max(0.058 * w, min(7.0, 0.07 * w)),
        max_height=body_bottom - band_h - 0.1 * w - gap - tag_size,
    )
    name_line_h = name_size * 1.2
    name_cap = ascent(CONDENSED_BOLD)
    block = name_line_h * (len(name_lines) - 1) + name_size * name_cap + gap
    block += tag_size * ascent(REGULAR)
    y = band_h + (body_bottom - band_h - block) / 2 + name_size * name_cap
    for line in name_lines:
        layout.texts.append(Text(w / 2, y, line, CONDENSED_BOLD, name_size, palette.name))
        y += name_line_h
    y += gap + tag_size * ascent(REGULAR) - name_line_h
    layout.texts.append(Text(w / 2, y, TAGLINE, REGULAR, tag_size, palette.tagline))
    return layout
