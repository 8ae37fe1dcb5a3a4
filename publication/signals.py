"""Raise the public version whenever something public pages show may have changed.

This app's own writes go through its services, which bump too; these receivers catch the
changes other apps make to what public pages read: parties (name, logo, description), their
competencies, patronships (status, topics), seals (issued, revoked, corrected dates), needs
(published, closed) and the taxonomy and places named on the cards.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from exchange.models import Need
from parties.models import Party, PartyCompetency
from patronships.models import Contribution, Patronship
from places.models import Municipality
from seals.models import Seal
from taxonomy.models import Competency, Topic

from .caching import public_version_bump
from .models import Consent, Story, StoryPhoto
from .search import story_document_refresh

WATCHED = (
    Story,
    StoryPhoto,
    Consent,
    Party,
    PartyCompetency,
    Patronship,
    Contribution,
    Seal,
    Need,
    Topic,
    Competency,
    Municipality,
)
WATCHED_M2M = (
    Patronship.topics.through,
    Need.topics.through,
    Party.topics.through,
)


def _changed(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata
        return
    public_version_bump()


def _story_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        story_document_refresh(Story.objects.filter(pk=instance.pk))


def _m2m_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        public_version_bump()


for _model in WATCHED:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"publication-save-{_model.__name__}")
    post_delete.connect(
        _changed, sender=_model, dispatch_uid=f"publication-delete-{_model.__name__}"
    )
post_save.connect(_story_saved, sender=Story, dispatch_uid="publication-story-search")
for _through in WATCHED_M2M:
    m2m_changed.connect(
        _m2m_changed, sender=_through, dispatch_uid=f"publication-m2m-{_through.__name__}"
    )
