"""What an issue says: its blocks resolved to stories, needs, dates and text, rendered as
the HTML email, the plain-text email and the archive page.

Stories and open needs are read through the publication app's public selectors only, so an
issue never shows more than the public pages do. A draft picks the newest public items each
time it is shown; when sending starts, the items are frozen into the blocks (`Block.frozen`)
and the rendered email is stored on the issue. The archive shows the frozen items that are
still public: a withdrawn consent removes a story from the archive too.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Block, BlockKind, Issue

# Stands for each recipient's own unsubscribe link in the stored email.
UNSUBSCRIBE_PLACEHOLDER = "%%NEWSLETTER-ABMELDELINK%%"
MAX_ITEMS = 10


@dataclass(frozen=True)
class NeedItem:
    pk: int
    title: str
    party: str
    municipality: str
    kind: str
    description: str
    topics: tuple[str, ...]

    @property
    def help_url(self) -> str:
        return settings.SITE_URL + reverse("publication:need_help", args=[self.pk])


@dataclass(frozen=True)
class DateItem:
    day: datetime.date
    text: str


@dataclass
class ResolvedBlock:
    block: Block
    stories: list = field(default_factory=list)
    needs: list[NeedItem] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.block.kind

    @property
    def heading(self) -> str:
        return self.block.heading

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def is_empty(self) -> bool:
        if self.kind == BlockKind.TEXT:
            return not (self.block.text.strip() or self.block.title.strip())
        return not (self.stories or self.needs or self.dates)


def _stories(ids: list[int] | None, count: int) -> list:
    from publication.selectors import public_stories, public_story_list

    stories = public_stories()
    if ids is None:
        return public_story_list(stories, limit=min(count, MAX_ITEMS))
    found = {s.pk: s for s in public_story_list(stories.filter(pk__in=ids))}
    return [found[pk] for pk in ids if pk in found]


def _needs(ids: list[int] | None, count: int) -> list[NeedItem]:
    from publication.selectors import public_needs

    needs = public_needs()
    rows = list(needs[: min(count, MAX_ITEMS)] if ids is None else needs.filter(pk__in=ids))
    items = {
        need.pk: NeedItem(
            pk=need.pk,
            title=need.title,
            party=need.party.name,
            municipality=need.municipality.name if need.municipality else "",
            kind=str(need.get_kind_display()),
            description=need.description,
            topics=tuple(t.name for t in need.topics.all()),
        )
        for need in rows
    }
    order = ids if ids is not None else [need.pk for need in rows]
    return [items[pk] for pk in order if pk in items]


def _dates(entries: list[dict], *, today: datetime.date) -> list[DateItem]:
    items = []
    for entry in entries:
        try:
            day = datetime.date.fromisoformat(entry["date"])
        except (KeyError, TypeError, ValueError):
            continue
        if day >= today:
            items.append(DateItem(day=day, text=str(entry.get("text", ""))))
    return sorted(items, key=lambda item: item.day)


def blocks_resolve(issue: Issue, *, frozen: bool, today: datetime.date | None = None):
    """The issue's blocks with their items: the frozen ones (as sent) or the newest."""
    today = today or timezone.localdate()
    resolved = []
    for block in issue.blocks.all():
        ids = block.frozen.get("ids") if frozen and block.frozen else None
        item = ResolvedBlock(block=block)
        if block.kind == BlockKind.STORIES:
            item.stories = _stories(ids if frozen else None, block.count)
        elif block.kind == BlockKind.NEEDS:
            item.needs = _needs(ids if frozen else None, block.count)
        elif block.kind == BlockKind.DATES:
            dates = block.frozen.get("dates", block.dates) if frozen and block.frozen else None
            # Sent issues keep the dates they announced; drafts show only those still ahead.
            item.dates = (
                _dates(dates, today=datetime.date.min)
                if dates is not None
                else _dates(block.dates, today=today)
            )
        resolved.append(item)
    return resolved


def blocks_freeze(resolved: list[ResolvedBlock]) -> None:
    """Keep what is about to be sent, so the archive shows the same items."""
    for item in resolved:
        block = item.block
        if block.kind == BlockKind.STORIES:
            block.frozen = {"ids": [story.pk for story in item.stories]}
        elif block.kind == BlockKind.NEEDS:
            block.frozen = {"ids": [need.pk for need in item.needs]}
        elif block.kind == BlockKind.DATES:
            block.frozen = {
                "dates": [{"date": d.day.isoformat(), "text": d.text} for d in item.dates]
            }
        else:
            block.frozen = {}
        block.save(update_fields=["frozen"])


def _context(issue: Issue, resolved: list[ResolvedBlock], unsubscribe_url: str) -> dict:
    return {
        "issue": issue,
        "blocks": [item for item in resolved if not item.is_empty],
        "programme": settings.PROGRAMME,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        "archive_url": settings.SITE_URL + reverse("newsletter:archive"),
        "subscribe_url": settings.SITE_URL + reverse("newsletter:subscribe"),
    }


def issue_email_render(
    issue: Issue, resolved: list[ResolvedBlock], *, unsubscribe_url: str = UNSUBSCRIBE_PLACEHOLDER
) -> tuple[str, str]:
    """(HTML, plain text) of the email; the unsubscribe link is a placeholder by default."""
    context = _context(issue, resolved, unsubscribe_url)
    # Every reader gets the same issue in the portal's language, whatever the
    # coordinator's own page language is.
    with translation.override(settings.LANGUAGE_CODE):
        return (
            render_to_string("newsletter/email/issue.html", context),
            render_to_string("newsletter/email/issue.txt", context),
        )


def personalise(body: str, *, unsubscribe_url: str) -> str:
    return body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url)


def archive_context(issue: Issue) -> dict:
    return _context(issue, blocks_resolve(issue, frozen=True), unsubscribe_url="")
