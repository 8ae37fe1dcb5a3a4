"""The Atom feed of new stories, for regional media and anyone who follows the programme."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors

FEED_SIZE = 20


class StoryAtomFeed(Atom1Feed):
    """Atom with the whole story as <content>: editors can take it over as it is."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "text"})


class StoryFeed(Feed):
    feed_type = StoryAtomFeed

    def title(self):
        return _("%(name)s: Geschichten aus den Patenschaften") % {
            "name": settings.PROGRAMME["name"]
        }

    def subtitle(self):
        return _(
            "Neue Sozialpatenschaften zwischen Unternehmen und sozialen Organisationen in der "
            "%(region)s – mit Zustimmung beider Partner veröffentlicht."
        ) % {"region": settings.PROGRAMME["region"]}

    def link(self):
        return settings.SITE_URL + reverse("publication:gallery")

    def feed_url(self):
        return settings.SITE_URL + reverse("publication:feed")

    def author_name(self):
        return settings.PROGRAMME["name"]

    def author_email(self):
        return settings.PROGRAMME["email"]

    def items(self):
        return selectors.public_story_list(selectors.public_stories(), limit=FEED_SIZE)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.absolute_url

    def item_guid(self, item):
        return item.absolute_url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return item.topics

    def item_extra_kwargs(self, item):
        return {"content": item.text}
