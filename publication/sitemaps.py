"""sitemap.xml: the public pages, stories and party profiles, with absolute URLs from
SITE_URL (the portal may sit behind a proxy that changes the host)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class PublicSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self):
        return ["pages:home", "publication:gallery", "publication:needs"]

    def location(self, item):
        return reverse(item)


class StorySitemap(PublicSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.public_story_list(selectors.public_stories())

    def location(self, item):
        return item.url

    def lastmod(self, item):
        return item.updated_at


class PartySitemap(PublicSitemap):
    changefreq = "monthly"

    def items(self):
        return list(selectors.public_parties().select_related(None).only("slug", "updated_at"))

    def location(self, item):
        return reverse("publication:party", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "stories": StorySitemap, "parties": PartySitemap}
