"""The gallery's and the open-needs board's filters. Choices list only what public pages
show (topics, places and competencies of public stories), never the whole directory."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from exchange.models import Need, NeedKind
from patronships.models import Patronship
from places.models import Municipality
from taxonomy.models import Competency, Topic

from . import selectors
from .models import Consent, Story, StoryStatus

MAX_QUERY_LENGTH = 100


class StateChoice:
    RUNNING = "laufend"
    DONE = "abgeschlossen"
    CHOICES = [(RUNNING, _("läuft")), (DONE, _("abgeschlossen"))]


class StoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suche"),
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="patronship__topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("alle Themen"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Ort"),
        method="filter_municipality",
        to_field_name="slug",
        queryset=Municipality.objects.none(),
        empty_label=_("alle Orte"),
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Kompetenz"),
        method="filter_competency",
        to_field_name="slug",
        queryset=Competency.objects.none(),
        empty_label=_("alle"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Jahr"), method="filter_year", empty_label=_("alle Jahre")
    )
    state = django_filters.ChoiceFilter(
        label=_("Stand"),
        choices=StateChoice.CHOICES,
        method="filter_state",
        empty_label=_("alle"),
    )

    class Meta:
        model = Story
        fields = ["q", "topic", "municipality", "competency", "year", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = selectors.gallery_choices()
        self.filters["topic"].queryset = choices.topics
        self.filters["municipality"].queryset = choices.municipalities
        self.filters["competency"].queryset = choices.competencies
        self.filters["year"].extra["choices"] = [(y, str(y)) for y in choices.years]
        fields = self.form.fields
        fields["q"].error_messages["max_length"] = _(
            "Bitte suchen Sie mit höchstens %(limit_value)d Zeichen."
        )
        for name in ("topic", "municipality", "competency", "year", "state"):
            fields[name].error_messages["invalid_choice"] = _(
                "Diese Auswahl gibt es in der Galerie nicht. Bitte wählen Sie aus der Liste."
            )

    def filter_text(self, queryset, name, value):
        return selectors.stories_search(queryset, value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(patronship__start_date__year=int(value))

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(
            Q(patronship__sponsor__municipality=value)
            | Q(patronship__recipient__municipality=value)
        )

    def filter_competency(self, queryset, name, value):
        return selectors.stories_with_competency(queryset, value)

    def filter_state(self, queryset, name, value):
        statuses = (
            selectors.RUNNING_STATUSES if value == StateChoice.RUNNING else selectors.DONE_STATUSES
        )
        return queryset.filter(patronship__status__in=statuses)


class PublicNeedFilter(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("alle Themen"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Ort"),
        field_name="municipality",
        to_field_name="slug",
        queryset=Municipality.objects.none(),
        empty_label=_("alle Orte"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art der Hilfe"), choices=NeedKind.choices, empty_label=_("jede Art")
    )

    class Meta:
        model = Need
        fields = ["topic", "municipality", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["topic"].queryset = selectors.public_need_topics()
        self.filters["municipality"].queryset = selectors.public_need_municipalities()
        for name in ("topic", "municipality", "kind"):
            self.form.fields[name].error_messages["invalid_choice"] = _(
                "Diese Auswahl gibt es hier nicht. Bitte wählen Sie aus der Liste."
            )


class Stage:
    MISSING = "zustimmung-fehlt"
    DRAFT = "entwurf"
    REVIEW = "freigabe"
    PUBLISHED = "veroeffentlicht"
    CHOICES = [
        (MISSING, _("Zustimmung zur Geschichte fehlt")),
        (DRAFT, _("noch keine Geschichte oder Entwurf")),
        (REVIEW, _("bei den Partnern zur Freigabe")),
        (PUBLISHED, _("veröffentlicht")),
    ]


class PublicationStageFilter(django_filters.FilterSet):
    """The coordinator's overview: where each patronship's publication stands."""

    stage = django_filters.ChoiceFilter(
        label=_("Stand"), choices=Stage.CHOICES, method="filter_stage", empty_label=_("alle")
    )

    class Meta:
        model = Patronship
        fields = ["stage"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["stage"].error_messages["invalid_choice"] = _(
            "Bitte wählen Sie einen Stand aus der Liste."
        )

    def filter_stage(self, queryset, name, value):
        if value == Stage.MISSING:
            consented = Consent.objects.filter(patronship=OuterRef("pk"), show_story=True)
            both = Exists(consented.filter(party=OuterRef("sponsor"))) & Exists(
                consented.filter(party=OuterRef("recipient"))
            )
            return queryset.exclude(both)
        if value == Stage.DRAFT:
            return queryset.filter(Q(story__isnull=True) | Q(story__status=StoryStatus.DRAFT))
        if value == Stage.REVIEW:
            return queryset.filter(story__status=StoryStatus.REVIEW)
        return queryset.filter(story__status=StoryStatus.PUBLISHED)
