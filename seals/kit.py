"""What a holder takes home: the copy-paste snippet and the media kit (a ZIP)."""

import datetime
import io
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import slugify

from .images import image_alt, seal_face, seal_image
from .records import SealRecord
from .rendering import VARIANTS, WEB_SIZES

DEFAULT_SNIPPET_SIZE = 240


def image_url(record: SealRecord, filename: str) -> str:
    return settings.SITE_URL + reverse("seals:image", args=[record.code, filename])


def seal_snippet(record: SealRecord, size: int = DEFAULT_SNIPPET_SIZE) -> str:
    """The HTML a holder pastes into their website: the live image (twice the pixels for
    sharp screens where there is a larger size) linking to the verification page."""
    variant = VARIANTS[f"siegel-{size}.png"]
    larger = f"siegel-{size * 2}.png"
    face = seal_face(record, record.valid_from)
    srcset = format_html(' srcset="{} 2x"', image_url(record, larger)) if larger in VARIANTS else ""
    return format_html(
        '<a href="{}" title="{}"><img src="{}"{} width="{}" height="{}" alt="{}"></a>',
        record.verify_url,
        "Siegel prüfen",
        image_url(record, variant.filename),
        srcset,
        variant.width,
        variant.height,
        image_alt(face),
    )


def _entry(name: str, day: datetime.date, *, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def kit_filename(record: SealRecord) -> str:
    return f"siegel-{slugify(record.holder_name)[:60] or 'partner'}-{record.year}.zip"


def media_kit(record: SealRecord, *, day: datetime.date) -> bytes:
    """The ZIP: every image variant, the snippets and a short usage guide (HTML). The
    same seal on the same day gives the same bytes."""
    face = seal_face(record, day)
    folder = kit_filename(record).removesuffix(".zip")
    snippets = {size: seal_snippet(record, size) for size in WEB_SIZES}
    # The kit is a German document like the seal, whatever language the holder browses in.
    with translation.override("de"):
        guide = render_to_string(
            "seals/kit/anleitung.html",
            {
                "record": record,
                "face": face,
                "state": record.state_on(day),
                "snippets": snippets,
                "variants": VARIANTS.values(),
                "programme": settings.PROGRAMME,
                "alt": image_alt(face),
            },
        )
    snippet_text = "\n\n".join(
        f"<!-- {size} × {VARIANTS[f'siegel-{size}.png'].height} Pixel -->\n{snippets[size]}"
        for size in WEB_SIZES
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            _entry(f"{folder}/Anleitung.html", record.valid_from, compress=True), guide
        )
        archive.writestr(
            _entry(f"{folder}/einbinden.txt", record.valid_from, compress=True),
            snippet_text + "\n",
        )
        for variant in VARIANTS.values():
            image = seal_image(face, variant)
            archive.writestr(
                _entry(f"{folder}/{variant.filename}", record.valid_from, compress=variant.is_svg),
                image.content,
            )
    return buffer.getvalue()
