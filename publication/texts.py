"""Ready texts for the channels, made from the consented view of a story only."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from .selectors import PublicStory

SOCIAL_BASE_TAGS = ("LausitzerSozialpaten", "Lausitz", "Engagement")


def _number(value: Decimal, places: int) -> str:
    """German digits: 1.250 or 12,5; no decimals for whole numbers."""
    whole = value == value.to_integral_value()
    return formats.number_format(value, 0 if whole else places, force_grouping=True)


def hashtag(name: str) -> str:
    words = re.findall(r"\w+", name)
    return "".join(w[:1].upper() + w[1:] for w in words)


@dataclass(frozen=True)
class PressSection:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class PressRelease:
    """A press release in parts, written out as a text file or as a printable page."""

    dateline: str
    title: str
    teaser: str
    paragraphs: tuple[str, ...]
    quotes: tuple[str, ...]
    sections: tuple[PressSection, ...]

    def as_text(self) -> str:
        blocks = [self.dateline, self.title, self.teaser, *self.paragraphs, *self.quotes]
        for section in self.sections:
            blocks.append("\n".join((section.heading, *section.paragraphs)))
        return "\n\n".join(block.strip() for block in blocks if block.strip()) + "\n"


def press_release(story: PublicStory, *, date) -> PressRelease:
    """The press release of a public story: only what its view lets through."""
    programme = settings.PROGRAMME
    given = []
    if story.sponsor_gave:
        given.append(
            _("%(party)s gibt: %(what)s")
            % {"party": story.sponsor.label, "what": story.sponsor_gave}
        )
    if story.recipient_gave:
        given.append(
            _("%(party)s gibt zurück: %(what)s")
            % {"party": story.recipient.label, "what": story.recipient_gave}
        )
    if story.hours:
        given.append(_("Bisher bestätigt: %(hours)s Stunden.") % {"hours": _number(story.hours, 1)})
    if story.value_eur:
        given.append(
            _("Sachwert der bestätigten Leistungen: %(value)s Euro.")
            % {"value": _number(story.value_eur, 2)}
        )
    quotes = tuple(
        f"„{quote.text}“\n– {quote.by + ', ' if quote.by else ''}{quote.party}"
        for quote in story.quotes
    )
    links = [
        _("Online: %(url)s") % {"url": story.absolute_url},
        _("Bild (1200 × 630 Pixel): %(url)s") % {"url": story.image_absolute_url},
    ]
    credits = sorted({p.credit for p in story.photos if p.credit})
    if credits:
        links.append(_("Fotos: %(names)s") % {"names": ", ".join(credits)})
    sections = [
        PressSection(_("Was gegeben wurde"), tuple(given)),
        PressSection(
            _("Über %(name)s") % {"name": programme["name"]},
            (
                _(
                    "%(name)s vermitteln langfristige Patenschaften zwischen regionalen "
                    "Unternehmen und sozialen Organisationen in der %(region)s. Gegeben wird "
                    "kein Geld, sondern Können: Fachwissen, Zeit, Räume, Kontakte – in beide "
                    "Richtungen. Ein Projekt der %(operator)s."
                )
                % {
                    "name": programme["name"],
                    "region": programme["region"],
                    "operator": programme["operator"],
                },
            ),
        ),
        PressSection(
            _("Pressekontakt"),
            (
                f"{programme['operator']}, {programme['address']}",
                " · ".join(v for v in (programme["email"], programme["phone"]) if v),
            ),
        ),
        PressSection(_("Links und Bild"), tuple(links)),
    ]
    return PressRelease(
        dateline=_("Pressemitteilung – %(name)s – %(date)s")
        % {"name": programme["name"], "date": formats.date_format(date, "j. F Y")},
        title=story.title,
        teaser=story.teaser,
        paragraphs=tuple(p.strip() for p in story.text.split("\n\n") if p.strip()),
        quotes=quotes,
        sections=tuple(section for section in sections if section.paragraphs),
    )


def press_text(story: PublicStory, *, date) -> str:
    """The press release as plain text (UTF-8, paragraphs separated by blank lines)."""
    return press_release(story, date=date).as_text()


def social_text(story: PublicStory) -> str:
    """A post for Facebook and similar: title, teaser, who, link, hashtags."""
    lines = [story.title, "", story.teaser]
    if story.sponsor.named and story.recipient.named:
        lines += [
            "",
            _("%(sponsor)s und %(recipient)s – eine Sozialpatenschaft in der %(region)s.")
            % {
                "sponsor": story.sponsor.label,
                "recipient": story.recipient.label,
                "region": settings.PROGRAMME["region"],
            },
        ]
    lines += ["", _("Die ganze Geschichte: %(url)s") % {"url": story.absolute_url}]
    tags = list(SOCIAL_BASE_TAGS) + [hashtag(t) for t in story.topics]
    lines += ["", " ".join(f"#{t}" for t in dict.fromkeys(tags) if t)]
    return "\n".join(lines).strip() + "\n"
