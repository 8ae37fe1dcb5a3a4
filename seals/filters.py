import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Seal, SealState

EXPIRING = "expiring"
EXPIRING_DAYS = 60


class SealFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Inhaber"), method="filter_holder")
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_state",
        empty_label=_("alle"),
        choices=[
            *SealState.choices,
            (EXPIRING, _("läuft in den nächsten 60 Tagen ab")),
        ],
    )

    class Meta:
        model = Seal
        fields = ["q", "state"]

    def filter_holder(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(holder__name__icontains=word)
        return queryset

    def filter_state(self, queryset, name, value):
        today = timezone.localdate()
        if value == EXPIRING:
            return queryset.valid_on(today).filter(
                valid_until__lte=today + datetime.timedelta(days=EXPIRING_DAYS)
            )
        return queryset.in_state(value, today)
