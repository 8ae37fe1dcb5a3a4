"""Machine-read channels: the Atom feed, sitemap.xml and robots.txt. Cached whole."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from ..caching import cached
from ..feeds import StoryFeed
from ..sitemaps import SITEMAPS

# Areas for signed-in people only: nothing there for search engines.
PRIVATE_PATHS = [
    "/konto/",
    "/mein-bereich/",
    "/parteien/",
    "/verzeichnis/",
    "/kompetenzen/",
    "/vorschlaege/",
    "/koordination/",
    "/patenschaften/",
    "/benachrichtigungen/",
    "/protokoll/",
    "/foerderkreis/",
    "/veroeffentlichung/",
    "/sprache/",
    "/interessen/",
    "/angebote/",
    "/bedarfe/",
    "/verwaltung/",
]


def _uncached_headers(response):
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def feed(request):
    content = cached("feed", [], lambda: StoryFeed()(request).content)
    return _uncached_headers(
        HttpResponse(content, content_type="application/atom+xml; charset=utf-8")
    )


@require_safe
def sitemap(request):
    def build() -> bytes:
        response = sitemap_view(request, sitemaps=SITEMAPS)
        response.render()
        return response.content

    return _uncached_headers(
        HttpResponse(cached("sitemap", [], build), content_type="application/xml")
    )


@require_safe
def robots(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS), "Allow: /"]
    lines += ["", f"Sitemap: {settings.SITE_URL}{reverse('publication:sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
