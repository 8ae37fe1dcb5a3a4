"""The annual report as a PDF for print, rendered with WeasyPrint from an HTML template.

WeasyPrint needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0) and a font with German
letters (fonts-dejavu-core). The PDF never fetches anything from the network: the only
resources it may load are consented story photos, which are read from the media storage.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import resolve
from django.utils.translation import gettext as _

from .content import ReportContent

# WeasyPrint reports every layout step at INFO; keep its warnings, drop the chatter.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class BlockedResource(Exception):
    """The PDF asked for something it may not load."""


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT).resolve()


def _local_file(url: str) -> Path:
    """The file a `file:` URL names, if it lies in the media folder; else BlockedResource."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        path = Path(unquote(parts.path)).resolve()
        if path.is_relative_to(_media_root()) and path.is_file():
            return path
    raise BlockedResource(url)


def _url_fetcher():
    """WeasyPrint's URL fetcher, limited to local media files (story photos) and data:
    URLs. Built on first use, so that importing this module does not load WeasyPrint."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalMediaFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _local_file(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return LocalMediaFetcher()


def _cover_file(story) -> str:
    """A file URL of the story's first consented photo (the thumbnail), or ""."""
    if not story.photos:
        return ""
    from publication.selectors import public_photo_file

    photo_pk = resolve(story.cover.thumbnail_url).kwargs["photo_pk"]
    name = public_photo_file(story.pk, photo_pk, thumbnail=True)
    if not name:
        return ""
    try:
        path = Path(default_storage.path(name)).resolve()
    except NotImplementedError:  # a storage without local files
        return ""
    return path.as_uri() if path.is_file() else ""


def report_html(content: ReportContent) -> str:
    stories = [(story, _cover_file(story)) for story in content.stories]
    return render_to_string(
        "reports/pdf.html",
        {
            "content": content,
            "impact": content.impact,
            "stories": stories,
            "programme": settings.PROGRAMME,
            "site_url": settings.SITE_URL,
            "title": _("Jahresbericht %(year)s") % {"year": content.year},
        },
    )


def report_document(content: ReportContent):
    """The laid-out WeasyPrint document (pages counted with `len(document.pages)`)."""
    from weasyprint import HTML

    return HTML(
        string=report_html(content), base_url=str(_media_root()), url_fetcher=_url_fetcher()
    ).render()


def report_pdf(content: ReportContent) -> bytes:
    return report_document(content).write_pdf()
