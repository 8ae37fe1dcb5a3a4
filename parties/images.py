"""Uploaded images: checked by their content, limited in size and pixels, re-encoded.

Re-encoding drops every metadata block (EXIF with GPS positions, camera serials) and any
payload hidden after the image data; the stored file is a fresh PNG or JPEG made by Pillow.
"""

import io
from dataclasses import dataclass

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000  # 5000 × 5000; more is a decompression bomb, not a logo
MAX_STORED_SIDE = 1600
THUMBNAIL_SIDE = 320
ACCEPTED_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}


@dataclass
class ProcessedImage:
    image: ContentFile
    thumbnail: ContentFile


def _encode(img: Image.Image, *, as_png: bool) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if as_png:
        img.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue(), "png"
    img.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue(), "jpg"


def image_process(upload, *, name: str) -> ProcessedImage:
    """Validate an uploaded image and return re-encoded image and thumbnail files.

    Raises forms.ValidationError with a German message for anything that is not a
    reasonable image: too large, not an image at all, a format we do not take, too many
    pixels, or a broken file.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            _("Die Datei ist zu groß (höchstens %(mb)s MB).") % {"mb": MAX_UPLOAD_BYTES // 2**20}
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            fmt = probe.format
            width, height = probe.size
            if fmt not in ACCEPTED_FORMATS:
                raise forms.ValidationError(
                    _("Bitte laden Sie ein Bild als PNG, JPEG, GIF oder WebP hoch.")
                )
            if width * height > MAX_PIXELS:
                raise forms.ValidationError(
                    _("Das Bild hat zu viele Bildpunkte (höchstens 25 Megapixel).")
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as img:
            img.load()
            img = ImageOps.exif_transpose(img)  # keep the orientation, then forget the EXIF
            keep_alpha = img.mode in ("RGBA", "LA", "P") and (
                img.mode != "P" or "transparency" in img.info
            )
            img = img.convert("RGBA" if keep_alpha else "RGB")
            # Graphics (logos) stay lossless; photos become JPEG.
            as_png = keep_alpha or fmt in ("PNG", "GIF")
            img.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE))
            main_bytes, ext = _encode(img, as_png=as_png)
            thumb = img.copy()
            thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
            thumb_bytes, _ext = _encode(thumb, as_png=as_png)
    except forms.ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise forms.ValidationError(
            _(
                "Die Datei ist kein lesbares Bild. "
                "Bitte wählen Sie eine PNG-, JPEG-, GIF- oder WebP-Datei."
            )
        ) from None
    return ProcessedImage(
        image=ContentFile(main_bytes, name=f"{name}.{ext}"),
        thumbnail=ContentFile(thumb_bytes, name=f"{name}-klein.{ext}"),
    )


class SafeImageField(forms.FileField):
    """A file field whose cleaned value is a ProcessedImage (or the unchanged initial file)."""

    default_error_messages = {
        "invalid": _("Bitte wählen Sie eine Bilddatei."),
        "empty": _("Die Datei ist leer."),
    }

    def __init__(self, *args, image_name: str = "bild", **kwargs):
        self.image_name = image_name
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial and hasattr(value, "size"):
            return image_process(value, name=self.image_name)
        return value
