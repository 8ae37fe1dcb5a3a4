import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from patronships.models import Patronship
from places.models import Municipality
from taxonomy.models import Topic

from .pipeline import STAGE_FILTERS, Stage


class PipelineFilter(django_filters.FilterSet):
    """What the pipeline board is filtered by. Choosing a status shows that column as a full,
    paginated list instead of the board."""

    coordinator = django_filters.ModelChoiceFilter(
        label=_("Koordination"),
        queryset=get_user_model().objects.filter(is_coordinator=True).order_by("name", "email"),
        empty_label=_("alle"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        queryset=Topic.objects.all(),
        empty_label=_("alle Themen"),
        # One topic matches a patronship at most once, so no DISTINCT is needed (and none
        # should wrap the board's window counts).
        distinct=False,
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeinde"),
        help_text=_("von Pate oder Partner"),
        queryset=Municipality.objects.all(),
        method="filter_municipality",
        empty_label=_("alle Gemeinden"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Stage.choices,
        method="filter_stage",
        empty_label=_("alle als Tafel"),
    )

    class Meta:
        model = Patronship
        fields = ["coordinator", "topic", "municipality", "status"]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(Q(sponsor__municipality=value) | Q(recipient__municipality=value))

    def filter_stage(self, queryset, name, value):
        return queryset.filter(STAGE_FILTERS[Stage(value)])

    @property
    def stage(self) -> Stage | None:
        """The status chosen, or None for the whole board (also when the value is invalid:
        the form then says so, and the other filters still apply)."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        value = self.form.cleaned_data.get("status")
        return Stage(value) if value else None
