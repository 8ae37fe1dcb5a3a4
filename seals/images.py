"""Seal images, rendered once per face and variant and kept in the cache.

The cache key and the ETag are a digest of everything the image shows (title, year, name,
state, dates, verification address) and of the variant, so a revoked or expired seal gets a
new key and a new ETag by itself, and an unchanged one is answered with 304 before any
image is loaded.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache

from .records import SealRecord, seal_title
from .rendering import VARIANTS, SealFace, Variant, render

# Bump when the design changes, so that cached images and browsers' copies are replaced.
RENDER_VERSION = 1
IMAGE_TIMEOUT = 30 * 24 * 60 * 60
# The most requested images also stay in each process: their keys name their content, so a
# local copy can never be stale, and a hit costs no round trip to Redis.
LOCAL_IMAGES = 128
_local: OrderedDict[str, bytes] = OrderedDict()
_local_lock = threading.Lock()


@dataclass(frozen=True)
class SealImage:
    etag: str
    content: bytes
    content_type: str


def seal_face(record: SealRecord, day) -> SealFace:
    return SealFace(
        title=seal_title(),
        year=record.year,
        holder_name=record.holder_name,
        state=str(record.state_on(day).value),
        valid_from=record.valid_from,
        valid_until=record.valid_until,
        revoked_on=record.revoked_on,
        verify_url=record.verify_url,
    )


def image_alt(face: SealFace) -> str:
    """The text alternative, in German like the seal itself."""
    return f"{face.title} {face.year}: {face.holder_name} engagiert sich sozial"


def image_etag(face: SealFace, variant: Variant) -> str:
    digest = hashlib.sha256(
        repr((RENDER_VERSION, variant.filename, face)).encode(), usedforsecurity=False
    ).hexdigest()[:32]
    return f'"{digest}"'


def seal_image(face: SealFace, variant: Variant) -> SealImage:
    etag = image_etag(face, variant)
    key = f"seals:image:{etag.strip(chr(34))}"
    with _local_lock:
        content = _local.get(key)
        if content is not None:
            _local.move_to_end(key)
    if content is None:
        content = cache.get(key)
        if content is None:
            content = render(face, variant, alt=image_alt(face))
            cache.set(key, content, IMAGE_TIMEOUT)
        with _local_lock:
            _local[key] = content
            while len(_local) > LOCAL_IMAGES:
                _local.popitem(last=False)
    return SealImage(etag=etag, content=content, content_type=variant.content_type)


def variant_for(filename: str) -> Variant | None:
    return VARIANTS.get(filename)
