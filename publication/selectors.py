"""Everything public pages, the feed and the sitemap may read: the one door to public data.

`public_stories()` lets through a story only when it is published, its patronship is running
or completed, both partners are approved parties and both consent to the story. Each
partner's consent to name, logo, photos and quote is annotated on the row; the `Public*`
objects built from it carry only what is consented, so templates never hold a model
instance from which they could print more. Withdrawing a consent changes what these
functions return at once; the public version (see caching.py) makes cached pages follow.
"""

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from exchange.models import Need
from parties.models import Party, PartyCompetency, PartyKind, PartyStatus
from patronships.models import (
    SIDE_RECIPIENT,
    SIDE_SPONSOR,
    Contribution,
    Patronship,
    PatronshipStatus,
)
from places.models import Municipality
from seals.models import Seal, SealState
from taxonomy.models import Competency, Topic

from .models import SIDES, Story, StoryPhoto, StoryStatus

RUNNING_STATUSES = (PatronshipStatus.ACTIVE,)
DONE_STATUSES = (PatronshipStatus.COMPLETED, PatronshipStatus.RENEWED)
# Patronships whose story may be public. Proposed and agreed ones have no story yet; one that
# ended early leaves the gallery (its seals are revoked too).
PUBLIC_PATRONSHIP_STATUSES = RUNNING_STATUSES + DONE_STATUSES

ITEM_FLAGS = ("show_name", "show_logo", "show_photos", "show_quote")


def _consent_relation(side: str) -> FilteredRelation:
    return FilteredRelation(
        "patronship__publication_consents",
        condition=Q(patronship__publication_consents__party=F(f"patronship__{side}")),
    )


def _flag(side: str, item: str):
    return Coalesce(F(f"{side}_consent__{item}"), Value(False))


def public_stories() -> QuerySet[Story]:
    """Published stories both partners consent to, newest first, with per-partner flags
    `<side>_show_name`, `_show_logo`, `_show_quote` and `show_photos` (both partners)."""
    annotations = {f"{side}_{item}": _flag(side, item) for side in SIDES for item in ITEM_FLAGS}
    return (
        Story.objects.annotate(
            sponsor_consent=_consent_relation(SIDE_SPONSOR),
            recipient_consent=_consent_relation(SIDE_RECIPIENT),
        )
        .filter(
            status=StoryStatus.PUBLISHED,
            patronship__status__in=PUBLIC_PATRONSHIP_STATUSES,
            patronship__sponsor__status=PartyStatus.APPROVED,
            patronship__recipient__status=PartyStatus.APPROVED,
            sponsor_consent__show_story=True,
            recipient_consent__show_story=True,
        )
        .annotate(**annotations)
        .annotate(
            show_photos=ExpressionWrapper(
                Q(sponsor_show_photos=True) & Q(recipient_show_photos=True),
                output_field=BooleanField(),
            )
        )
        .order_by("-first_published_at", "-pk")
    )


def _for_display(stories: QuerySet[Story]) -> QuerySet[Story]:
    # The partners' places come in a query of their own (see _evaluate): two more joins in
    # the page's query made PostgreSQL spend most of its time planning it.
    return stories.select_related("patronship__sponsor", "patronship__recipient").prefetch_related(
        Prefetch("patronship__topics", queryset=Topic.objects.order_by("name")),
        Prefetch(
            "patronship__seals",
            queryset=Seal.objects.not_revoked().order_by("pk"),
            to_attr="standing_seals",
        ),
        Prefetch(
            "photos", queryset=StoryPhoto.objects.order_by("position", "pk"), to_attr="photo_list"
        ),
    )


# --- what templates get ------------------------------------------------------------------


@dataclass(frozen=True)
class PublicParty:
    label: str
    named: bool
    is_company: bool
    municipality: str
    profile_url: str = ""
    logo_url: str = ""
    website: str = ""


@dataclass(frozen=True)
class PublicPhoto:
    url: str
    thumbnail_url: str
    caption: str
    alt: str
    credit: str
    width: int
    height: int


@dataclass(frozen=True)
class PublicQuote:
    text: str
    by: str
    party: str


@dataclass(frozen=True)
class PublicSeal:
    verify_url: str
    holder: str
    state: SealState
    valid_from: datetime.date
    valid_until: datetime.date


@dataclass(frozen=True)
class PublicStory:
    pk: int
    slug: str
    title: str
    teaser: str
    text: str
    sponsor_gave: str
    recipient_gave: str
    sponsor: PublicParty
    recipient: PublicParty
    topics: tuple[str, ...]
    start_date: datetime.date | None
    end_date: datetime.date | None
    is_running: bool
    published_at: datetime.datetime
    updated_at: datetime.datetime
    photos: tuple[PublicPhoto, ...] = ()
    quotes: tuple[PublicQuote, ...] = ()
    seals: tuple[PublicSeal, ...] = ()
    hours: Decimal | None = None
    value_eur: Decimal | None = None
    logos: tuple[PublicParty, ...] = field(default=())

    @property
    def url(self) -> str:
        return reverse("publication:story", args=[self.pk, self.slug])

    @property
    def absolute_url(self) -> str:
        return settings.SITE_URL + self.url

    @property
    def year(self) -> int:
        return (self.start_date or self.published_at.date()).year

    @property
    def period_label(self) -> str:
        """ "seit 2025" while it runs; "2024" or "2024–2025" once it is over."""
        if self.is_running:
            return _("seit %(year)s") % {"year": self.year}
        end = self.end_date.year if self.end_date else self.year
        return str(self.year) if end == self.year else f"{self.year}–{end}"

    @property
    def state_label(self) -> str:
        return _("läuft") if self.is_running else _("abgeschlossen")

    @property
    def partners(self) -> tuple[PublicParty, PublicParty]:
        return (self.sponsor, self.recipient)

    @property
    def image_alt(self) -> str:
        if self.cover:
            return self.cover.alt
        return _("%(title)s – Bild zur Geschichte") % {"title": self.title}

    @property
    def municipalities(self) -> tuple[str, ...]:
        names = [p.municipality for p in (self.sponsor, self.recipient) if p.municipality]
        return tuple(dict.fromkeys(names))

    @property
    def cover(self) -> PublicPhoto | None:
        return self.photos[0] if self.photos else None

    @property
    def valid_seal(self) -> PublicSeal | None:
        return next((s for s in self.seals if s.state == SealState.VALID), None)

    @property
    def image_url(self) -> str:
        """The 1200×630 picture for social media and link previews."""
        return reverse("publication:social_image", args=[self.pk, self.slug])

    @property
    def image_absolute_url(self) -> str:
        return settings.SITE_URL + self.image_url


def neutral_label(party: Party, place: str) -> str:
    """How a partner who did not consent to their name is called."""
    if party.kind == PartyKind.COMPANY:
        if place:
            return _("Ein Unternehmen aus %(place)s") % {"place": place}
        return _("Ein Unternehmen")
    if place:
        return _("Eine Organisation aus %(place)s") % {"place": place}
    return _("Eine Organisation")


def _public_party(story: Story, side: str, places: dict[int, str]) -> PublicParty:
    party: Party = getattr(story.patronship, side)
    place = places.get(party.municipality_id, "")
    named = getattr(story, f"{side}_show_name")
    logo = ""
    # A logo names its owner as clearly as the name does: shown only with both consents.
    if named and getattr(story, f"{side}_show_logo") and (party.logo_thumbnail or party.logo):
        logo = reverse("publication:story_logo", args=[story.pk, side])
    return PublicParty(
        label=party.name if named else neutral_label(party, place),
        named=named,
        is_company=party.kind == PartyKind.COMPANY,
        municipality=place,
        profile_url=reverse("publication:party", args=[party.slug]) if named else "",
        logo_url=logo,
        website=party.website if named else "",
    )


def _public_photo(story: Story, photo: StoryPhoto) -> PublicPhoto:
    return PublicPhoto(
        url=reverse("publication:photo", args=[story.pk, photo.pk]),
        thumbnail_url=reverse("publication:photo_thumbnail", args=[story.pk, photo.pk]),
        caption=photo.caption,
        alt=photo.alt_text,
        credit=photo.credit,
        width=photo.width,
        height=photo.height,
    )


def public_story_from(story: Story, *, today: datetime.date, places: dict[int, str]) -> PublicStory:
    """The consented view of a row from `public_stories()` (prefetched by `_for_display`;
    `places` names the partners' municipalities by id)."""
    patronship: Patronship = story.patronship
    sponsor = _public_party(story, SIDE_SPONSOR, places)
    recipient = _public_party(story, SIDE_RECIPIENT, places)
    quotes = []
    for side, party in ((SIDE_SPONSOR, sponsor), (SIDE_RECIPIENT, recipient)):
        text = getattr(story, f"{side}_quote").strip()
        if text and getattr(story, f"{side}_show_quote"):
            # Who said it (a person's name) would name the partner too.
            by = getattr(story, f"{side}_quote_by") if party.named else ""
            quotes.append(PublicQuote(text=text, by=by, party=party.label))
    photos = ()
    if story.show_photos:
        photos = tuple(_public_photo(story, p) for p in story.photo_list)
    seals = ()
    # The verification page names holder and partner: link it only when both are named.
    if sponsor.named and recipient.named:
        seals = tuple(
            PublicSeal(
                verify_url=reverse("seals:verify", args=[seal.code]),
                holder=sponsor.label
                if seal.holder_id == patronship.sponsor_id
                else recipient.label,
                state=seal.state_on(today),
                valid_from=seal.valid_from,
                valid_until=seal.valid_until,
            )
            for seal in patronship.standing_seals
        )
    return PublicStory(
        pk=story.pk,
        slug=story.slug or "geschichte",
        title=story.title,
        teaser=story.teaser,
        text=story.text,
        sponsor_gave=story.sponsor_gave,
        recipient_gave=story.recipient_gave,
        sponsor=sponsor,
        recipient=recipient,
        topics=tuple(t.name for t in patronship.topics.all()),
        start_date=patronship.start_date,
        end_date=patronship.end_date,
        is_running=patronship.status in RUNNING_STATUSES,
        published_at=story.first_published_at or story.published_at,
        updated_at=max(story.updated_at, story.published_at or story.updated_at),
        photos=photos,
        quotes=tuple(quotes),
        seals=seals,
        logos=tuple(p for p in (sponsor, recipient) if p.logo_url),
    )


def _evaluate(stories) -> list[PublicStory]:
    """Public objects for rows of `_for_display()`, with the partners' places from one query."""
    stories = list(stories)
    ids = {getattr(s.patronship, side).municipality_id for s in stories for side in SIDES}
    places = dict(Municipality.objects.filter(pk__in=ids - {None}).values_list("pk", "name"))
    today = timezone.localdate()
    return [public_story_from(s, today=today, places=places) for s in stories]


def public_story_list(stories: QuerySet[Story], *, limit: int | None = None) -> list[PublicStory]:
    """Evaluate `public_stories()` (filtered) into public objects: five queries."""
    stories = _for_display(stories)
    if limit is not None:
        stories = stories[:limit]
    return _evaluate(stories)


def paginate(queryset: QuerySet, number, per_page: int):
    """Page `number` of `queryset`; InvalidPage for a page that is not there."""
    return Paginator(queryset, per_page).page(number or 1)


def public_story_page(stories: QuerySet[Story], number, per_page: int):
    """One page of `stories` and its public objects. Raises InvalidPage for a page number
    that is not a number or out of range (stable URLs: no silent "last page")."""
    page = paginate(_for_display(stories), number, per_page)
    return page, _evaluate(page.object_list)


def public_story(pk: int) -> PublicStory | None:
    """One public story with everything its page shows, or None."""
    found = _evaluate(_for_display(public_stories().filter(pk=pk))[:1])
    if not found:
        return None
    public = found[0]
    patronship_id = Story.objects.filter(pk=pk).values_list("patronship_id", flat=True)
    totals = Contribution.objects.filter(
        patronship_id__in=patronship_id, confirmed_at__isnull=False
    ).aggregate(hours=Sum("hours"), value=Sum("value_eur"))
    return dataclasses.replace(public, hours=totals["hours"], value_eur=totals["value"])


# --- files behind public URLs -----------------------------------------------------------


def public_photo_file(story_pk: int, photo_pk: int, *, thumbnail: bool) -> str | None:
    """The stored file name of a photo public pages show right now, or None."""
    visible = public_stories().filter(pk=story_pk, show_photos=True)
    photo = StoryPhoto.objects.filter(pk=photo_pk, story__in=visible.values("pk")).first()
    if photo is None:
        return None
    file = photo.thumbnail if thumbnail and photo.thumbnail else photo.image
    return file.name or None


def _logo_name(party: Party) -> str | None:
    file = party.logo_thumbnail or party.logo
    return file.name if file else None


def public_story_logo_file(story_pk: int, side: str) -> str | None:
    """A partner's logo as shown on a story: only with that partner's logo consent."""
    if side not in SIDES:
        return None
    story = (
        public_stories()
        .filter(pk=story_pk, **{f"{side}_show_logo": True, f"{side}_show_name": True})
        .select_related(f"patronship__{side}")
        .first()
    )
    return _logo_name(getattr(story.patronship, side)) if story else None


def public_party_logo_file(slug: str) -> str | None:
    party = public_parties().filter(slug=slug, shows_logo=True).first()
    return _logo_name(party) if party else None


@dataclass(frozen=True)
class SocialSources:
    title: str
    names: tuple[str, ...]
    photo: str | None
    logos: tuple[str, ...]


def social_sources(story_pk: int) -> SocialSources | None:
    """What the social-media picture of a public story may show."""
    story = (
        public_stories()
        .filter(pk=story_pk)
        .select_related("patronship__sponsor", "patronship__recipient")
        .first()
    )
    if story is None:
        return None
    photo = None
    if story.show_photos:
        first = story.photos.order_by("position", "pk").first()
        photo = first.image.name if first else None
    logos, names = [], []
    for side in SIDES:
        party = getattr(story.patronship, side)
        if not getattr(story, f"{side}_show_name"):
            continue
        names.append(party.name)
        logo = _logo_name(party) if getattr(story, f"{side}_show_logo") else None
        if logo:
            logos.append(logo)
    return SocialSources(title=story.title, names=tuple(names), photo=photo, logos=tuple(logos))


# --- search ------------------------------------------------------------------------------

MAX_QUERY_WORDS = 8


def _consented(item_flag: str, field_name: str):
    return Case(
        When(**{item_flag: True}, then=F(field_name)), default=Value(""), output_field=TextField()
    )


def stories_search(stories: QuerySet[Story], query: str) -> QuerySet[Story]:
    """Stories of `stories` matching `query` in consented text only: title, teaser, text,
    what was given, and names and quotes only where their partner consents.

    PostgreSQL: German full-text search (stemmed, every word as a prefix), best matches
    first. Elsewhere (SQLite): every word must appear somewhere (case-insensitive for ASCII
    letters only).
    """
    words = re.findall(r"\w+", query)[:MAX_QUERY_WORDS]
    if not words:
        return stories
    consented = [
        ("sponsor_show_name", "patronship__sponsor__name"),
        ("recipient_show_name", "patronship__recipient__name"),
        ("sponsor_show_quote", "sponsor_quote"),
        ("recipient_show_quote", "recipient_quote"),
    ]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import (
            SearchQuery,
            SearchRank,
            SearchVector,
            SearchVectorField,
        )

        from .search import CONFIG, story_document

        # One to_tsvector() for the consented names and quotes: it runs for every row.
        consented_words = SearchVector(
            *(_consented(flag, field_name) for flag, field_name in consented),
            weight="B",
            config=CONFIG,
        )
        vector = Func(
            Coalesce(F("search_document"), story_document()),
            consented_words,
            template="(%(expressions)s)",
            arg_joiner=" || ",
            output_field=SearchVectorField(),
        )
        # Every word, as a prefix ("Dach" finds "Dachdeckerei"; German loves compounds).
        # Only word characters reach the raw query, so no tsquery syntax can get in.
        raw = " & ".join(f"{word}:*" for word in words)
        search = SearchQuery(raw, config=CONFIG, search_type="raw")
        return (
            stories.annotate(search=vector)
            .filter(search=search)
            .annotate(rank=SearchRank(F("search"), search))
            .order_by("-rank", "-first_published_at", "-pk")
        )
    for word in words:
        condition = (
            Q(title__icontains=word)
            | Q(teaser__icontains=word)
            | Q(text__icontains=word)
            | Q(sponsor_gave__icontains=word)
            | Q(recipient_gave__icontains=word)
        )
        for flag, field_name in consented:
            condition |= Q(**{flag: True, f"{field_name}__icontains": word})
        stories = stories.filter(condition)
    return stories


# --- choices for the gallery's filters ---------------------------------------------------


@dataclass(frozen=True)
class GalleryChoices:
    """What the gallery's filters offer: only topics, places, competencies and years of
    public stories. Made from one query over the public stories, so that each list is a
    plain lookup by primary key."""

    topics: QuerySet
    municipalities: QuerySet
    competencies: QuerySet
    years: tuple[int, ...]


def gallery_choices() -> GalleryChoices:
    rows = list(
        public_stories()
        .order_by()
        .values_list(
            "patronship_id",
            "patronship__start_date",
            "patronship__sponsor_id",
            "patronship__sponsor__municipality_id",
            "patronship__recipient__municipality_id",
            "patronship__need_id",
        )
    )
    patronships = [row[0] for row in rows]
    places = {row[3] for row in rows} | {row[4] for row in rows}
    sponsors = {row[2] for row in rows}
    needs = {row[5] for row in rows} - {None}
    return GalleryChoices(
        topics=Topic.objects.filter(
            pk__in=Patronship.topics.through.objects.filter(patronship_id__in=patronships).values(
                "topic_id"
            )
        ).order_by("name"),
        municipalities=Municipality.objects.filter(pk__in=places - {None}).order_by("name"),
        competencies=Competency.objects.filter(
            Q(
                pk__in=Need.competencies.through.objects.filter(need_id__in=needs).values(
                    "competency_id"
                )
            )
            | Q(
                pk__in=PartyCompetency.objects.filter(party_id__in=sponsors).values("competency_id")
            )
        ).order_by("name"),
        years=tuple(sorted({row[1].year for row in rows if row[1]}, reverse=True)),
    )


def stories_with_competency(stories: QuerySet[Story], competency) -> QuerySet[Story]:
    """Stories whose need asked for `competency` or whose sponsor has it."""
    return stories.filter(
        Exists(
            Need.competencies.through.objects.filter(
                need=OuterRef("patronship__need"), competency=competency
            )
        )
        | Exists(
            PartyCompetency.objects.filter(
                party=OuterRef("patronship__sponsor"), competency=competency
            )
        )
    )


# --- parties -------------------------------------------------------------------------------


def _stories_naming(party_ref) -> QuerySet[Story]:
    return public_stories().filter(
        Q(patronship__sponsor=party_ref, sponsor_show_name=True)
        | Q(patronship__recipient=party_ref, recipient_show_name=True)
    )


def public_parties() -> QuerySet[Party]:
    """Parties with a public profile: named (by their own consent) on a public story."""
    logo_stories = public_stories().filter(
        Q(patronship__sponsor=OuterRef("pk"), sponsor_show_name=True, sponsor_show_logo=True)
        | Q(
            patronship__recipient=OuterRef("pk"),
            recipient_show_name=True,
            recipient_show_logo=True,
        )
    )
    return (
        Party.objects.filter(status=PartyStatus.APPROVED)
        .filter(Exists(_stories_naming(OuterRef("pk"))))
        .annotate(shows_logo=Exists(logo_stories))
        .select_related("municipality")
        .order_by("name")
    )


@dataclass(frozen=True)
class PublicProfile:
    slug: str
    name: str
    is_company: bool
    kind_label: str
    municipality: str
    description: str
    website: str
    sector: str
    competencies: tuple[str, ...]
    logo_url: str
    updated_at: datetime.datetime
    stories: tuple[PublicStory, ...]

    @property
    def url(self) -> str:
        return reverse("publication:party", args=[self.slug])


def public_profile(slug: str) -> PublicProfile | None:
    party = public_parties().filter(slug=slug).first()
    if party is None:
        return None
    stories = public_story_list(_stories_naming(party))
    competencies = ()
    if party.kind == PartyKind.COMPANY:
        competencies = tuple(
            PartyCompetency.objects.filter(party=party)
            .order_by("-rating", "competency__name")
            .values_list("competency__name", flat=True)
        )
    logo = ""
    if party.shows_logo and (party.logo_thumbnail or party.logo):
        logo = reverse("publication:party_logo", args=[party.slug])
    return PublicProfile(
        slug=party.slug,
        name=party.name,
        is_company=party.kind == PartyKind.COMPANY,
        kind_label=str(party.get_kind_display()),
        municipality=party.municipality.name if party.municipality else "",
        description=party.description,
        website=party.website,
        sector=party.sector
        if party.kind == PartyKind.COMPANY
        else str(party.get_legal_form_display() or ""),
        competencies=competencies,
        logo_url=logo,
        updated_at=party.updated_at,
        stories=tuple(stories),
    )


# --- needs ---------------------------------------------------------------------------------


def public_needs() -> QuerySet[Need]:
    """Open needs of approved parties whose owner agreed to show them publicly."""
    return (
        Need.objects.published()
        .select_related("party", "municipality")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("-created_at", "-pk")
    )


def public_need_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(pk__in=Need.objects.published().values("topics")).order_by("name")


def public_need_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(
        pk__in=Need.objects.published().values("municipality")
    ).order_by("name")
