"""What the annual report takes from the publication app: stories and named sponsors.

The report shows only what partners consented to publish, and reads it through this small
adapter so that the rules stay in the publication app:

- stories come from `publication.selectors.public_stories()` (published, both partners
  consent to the story) and are turned into `PublicStory` objects by `public_story_list()`,
  which carry only the consented items (names, logos, quotes, photos);
- a sponsor is named when it is an approved party and its publication consent for a
  patronship that ran in the year has `show_name` set; patronships that ended early are
  left out, as they are from the gallery (`PUBLIC_PATRONSHIP_STATUSES`).

Everything is imported lazily: the report works (without stories and sponsors) in a
project without the publication app, and a withdrawn consent changes these answers at once.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import F
from django.urls import reverse


@dataclass(frozen=True)
class NamedSponsor:
    name: str
    municipality: str
    profile_url: str = ""


def publication_installed() -> bool:
    return apps.is_installed("publication")


def published_stories(year: int, *, chosen_ids=(), limit: int = 6) -> list:
    """The stories for the report of `year`: the chosen ones (in the chosen order) that are
    still public, or without a choice the newest stories first published in `year`."""
    if not publication_installed():
        return []
    from publication.selectors import public_stories, public_story_list

    stories = public_stories()
    if chosen_ids:
        found = {s.pk: s for s in public_story_list(stories.filter(pk__in=list(chosen_ids)))}
        return [found[pk] for pk in chosen_ids if pk in found]
    return public_story_list(stories.filter(first_published_at__year=year), limit=limit)


def story_choices() -> list[tuple[int, str]]:
    """Every public story as (pk, label), newest first, for the coordinator's choice."""
    if not publication_installed():
        return []
    from publication.selectors import public_stories

    return [
        (pk, f"{title} ({published:%d.%m.%Y})" if published else title)
        for pk, title, published in public_stories().values_list(
            "pk", "title", "first_published_at"
        )
    ]


def named_sponsors(*, patronship_ids) -> list[NamedSponsor]:
    """Sponsors of these patronships who agreed to be named, by name."""
    if not publication_installed() or not patronship_ids:
        return []
    from publication.models import Consent
    from publication.selectors import PUBLIC_PATRONSHIP_STATUSES, public_parties

    rows = (
        Consent.objects.filter(
            patronship_id__in=list(patronship_ids),
            patronship__status__in=PUBLIC_PATRONSHIP_STATUSES,
            party_id=F("patronship__sponsor_id"),
            party__status="approved",
            show_name=True,
        )
        .values_list("party_id", "party__name", "party__municipality__name")
        .distinct()
    )
    parties = {pk: (name, place or "") for pk, name, place in rows}
    if not parties:
        return []
    profiles = dict(public_parties().filter(pk__in=parties).values_list("pk", "slug"))
    return sorted(
        (
            NamedSponsor(
                name=name,
                municipality=place,
                profile_url=reverse("publication:party", args=[profiles[pk]])
                if pk in profiles
                else "",
            )
            for pk, (name, place) in parties.items()
        ),
        key=lambda sponsor: sponsor.name.casefold(),
    )
