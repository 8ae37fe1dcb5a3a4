import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import (
    Competency,
    CompetencyGroup,
    SuggestionStatus,
    TargetGroup,
    TaxonomySuggestion,
    Topic,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def _upsert(model, *, slug: str, values: dict, update: bool) -> bool:
    """Create the entry if missing; overwrite it only with `update`. True when created."""
    obj, created = model.objects.get_or_create(slug=slug, defaults=values)
    if not created and update:
        for field, value in values.items():
            setattr(obj, field, value)
        obj.save()
    return created


@transaction.atomic
def taxonomy_load_reference(*, update: bool = False) -> dict[str, int]:
    """Load the curated competencies, topics and target groups shipped in `taxonomy/data/`.

    Existing entries are left alone unless `update` is set, so that the coordinator's
    edits (names, synonyms) survive a re-run on every deployment.
    """
    created = {"groups": 0, "competencies": 0, "topics": 0, "target_groups": 0}
    groups = json.loads((DATA_DIR / "competencies.json").read_text(encoding="utf-8"))
    for position, group in enumerate(groups):
        created["groups"] += _upsert(
            CompetencyGroup,
            slug=group["slug"],
            values={
                "name": group["name"],
                "name_en": group.get("name_en", ""),
                "side": group.get("side", "business"),
                "position": position,
            },
            update=update,
        )
        group_obj = CompetencyGroup.objects.get(slug=group["slug"])
        for comp in group["competencies"]:
            created["competencies"] += _upsert(
                Competency,
                slug=comp["slug"],
                values={
                    "group": group_obj,
                    "name": comp["name"],
                    "name_en": comp.get("name_en", ""),
                    "synonyms": comp.get("synonyms", []),
                },
                update=update,
            )
    for topic in json.loads((DATA_DIR / "topics.json").read_text(encoding="utf-8")):
        created["topics"] += _upsert(
            Topic,
            slug=topic["slug"],
            values={
                "name": topic["name"],
                "name_en": topic.get("name_en", ""),
                "synonyms": topic.get("synonyms", []),
            },
            update=update,
        )
    for target in json.loads((DATA_DIR / "target_groups.json").read_text(encoding="utf-8")):
        created["target_groups"] += _upsert(
            TargetGroup,
            slug=target["slug"],
            values={"name": target["name"], "name_en": target.get("name_en", "")},
            update=update,
        )
    return created


class SuggestionError(Exception):
    pass


def _add_to_party(suggestion: TaxonomySuggestion, competency: Competency) -> None:
    from parties.models import MAX_CORE_COMPETENCIES, PartyCompetency

    party = suggestion.party
    if party.party_competencies.filter(competency=competency).exists():
        return
    if party.party_competencies.count() < MAX_CORE_COMPETENCIES:
        PartyCompetency.objects.create(party=party, competency=competency)


def _resolve(suggestion, *, status, competency, by) -> TaxonomySuggestion:
    if suggestion.status != SuggestionStatus.OPEN:
        raise SuggestionError(_("Dieser Vorschlag ist bereits entschieden."))
    suggestion.status = status
    suggestion.competency = competency
    suggestion.resolved_by = by
    suggestion.resolved_at = timezone.now()
    suggestion.save()
    return suggestion


@transaction.atomic
def suggestion_map(*, suggestion: TaxonomySuggestion, competency: Competency, by):
    """The label means an existing competency: it becomes a synonym, the party gets it."""
    label = suggestion.label.strip()
    if label.casefold() not in {s.casefold() for s in competency.synonyms} and (
        label.casefold() != competency.name.casefold()
    ):
        competency.synonyms = [*competency.synonyms, label]
        competency.save(update_fields=["synonyms"])
    _add_to_party(suggestion, competency)
    return _resolve(suggestion, status=SuggestionStatus.MAPPED, competency=competency, by=by)


@transaction.atomic
def suggestion_create_competency(*, suggestion: TaxonomySuggestion, group, name: str, by):
    """The label is something new: a competency of its own in the chosen group."""
    base = slugify(name.replace("ß", "ss"))[:70] or "kompetenz"
    slug, n = base, 2
    while Competency.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    synonyms = [] if suggestion.label.casefold() == name.casefold() else [suggestion.label]
    competency = Competency.objects.create(group=group, slug=slug, name=name, synonyms=synonyms)
    _add_to_party(suggestion, competency)
    return _resolve(suggestion, status=SuggestionStatus.CREATED, competency=competency, by=by)


@transaction.atomic
def suggestion_reject(*, suggestion: TaxonomySuggestion, by):
    return _resolve(suggestion, status=SuggestionStatus.REJECTED, competency=None, by=by)
