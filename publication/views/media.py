"""Pictures on public pages: story photos, partners' logos and the social-media picture.

They are served through these views rather than from /media/, so that a withdrawn consent
takes a picture off the web at once, including for anyone who kept its address. Whether a
picture is public is looked up under the public version (one query per request when cached);
browsers revalidate each time (no-cache) and get a 304 while nothing changed.
"""

import hashlib
import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from .. import selectors
from ..caching import cached
from ..images import social_picture

CACHE_CONTROL = "public, no-cache"


def _not_modified(request, etag: str) -> bool:
    wanted = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    return etag in wanted or "*" in wanted


def _file_response(request, name: str | None):
    if not name:
        raise Http404
    etag = '"' + hashlib.sha256(name.encode()).hexdigest()[:24] + '"'
    if _not_modified(request, etag):
        response = HttpResponseNotModified()
    else:
        try:
            file = default_storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(file, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_safe
def photo(request, pk: int, photo_pk: int):
    name = cached(
        "photo",
        [pk, photo_pk],
        lambda: selectors.public_photo_file(pk, photo_pk, thumbnail=False),
    )
    return _file_response(request, name)


@require_safe
def photo_thumbnail(request, pk: int, photo_pk: int):
    name = cached(
        "photo_thumbnail",
        [pk, photo_pk],
        lambda: selectors.public_photo_file(pk, photo_pk, thumbnail=True),
    )
    return _file_response(request, name)


@require_safe
def story_logo(request, pk: int, side: str):
    name = cached("story_logo", [pk, side], lambda: selectors.public_story_logo_file(pk, side))
    return _file_response(request, name)


@require_safe
def party_logo(request, slug: str):
    name = cached("party_logo", [slug], lambda: selectors.public_party_logo_file(slug))
    return _file_response(request, name)


def _social_picture(pk: int):
    sources = selectors.social_sources(pk)
    if sources is None:
        return None
    programme = settings.PROGRAMME["name"]
    if sources.photo:
        with default_storage.open(sources.photo, "rb") as photo_file:
            return social_picture(title=sources.title, programme=programme, photo_file=photo_file)
    files = [default_storage.open(name, "rb") for name in sources.logos]
    try:
        return social_picture(
            title=sources.title, programme=programme, logo_files=files, names=sources.names
        )
    finally:
        for file in files:
            file.close()


@require_safe
def social_image(request, pk: int, slug: str):
    """The 1200 × 630 picture of a story (Open Graph, Twitter card, Facebook posts)."""
    picture = cached("social_image", [pk], lambda: _social_picture(pk))
    if picture is None:
        raise Http404
    etag = '"' + hashlib.sha256(picture.content).hexdigest()[:24] + '"'
    if _not_modified(request, etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(picture.content, content_type=picture.content_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response
