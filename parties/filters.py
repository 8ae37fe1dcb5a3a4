import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.models import Municipality
from taxonomy.models import Competency, Topic

from .models import Party, PartyKind, PartyStatus


class PartyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=PartyKind.choices, empty_label=_("alle")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PartyStatus.choices, empty_label=_("alle")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeinde"), queryset=Municipality.objects.all(), empty_label=_("alle Gemeinden")
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Kompetenz"),
        field_name="competencies",
        queryset=Competency.objects.all(),
        empty_label=_("alle Kompetenzen"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        queryset=Topic.objects.all(),
        empty_label=_("alle Themen"),
    )
    capacity = django_filters.ChoiceFilter(
        label=_("Kapazität"),
        method="filter_capacity",
        empty_label=_("egal"),
        choices=[("free", _("hat freie Kapazität")), ("full", _("ausgelastet oder pausiert"))],
    )

    class Meta:
        model = Party
        fields = ["q", "kind", "status", "municipality", "competency", "topic", "capacity"]

    def filter_text(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(description__icontains=word) | Q(sector__icontains=word)
            )
        return queryset

    def filter_capacity(self, queryset, name, value):
        if value == "free":
            return queryset.filter(free__gt=0, is_paused=False)
        return queryset.filter(Q(free__lte=0) | Q(is_paused=True))
