from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from patronships.models import RUNNING_STATUSES, Patronship

from .models import Party


def _running_count(field: str):
    return Coalesce(
        Subquery(
            Patronship.objects.filter(**{field: OuterRef("pk")}, status__in=RUNNING_STATUSES)
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def parties_with_capacity():
    """All parties with how many patronships are running and how many more they take."""
    return Party.objects.select_related("municipality").annotate(
        running=_running_count("sponsor") + _running_count("recipient"),
        free=F("max_patronships") - F("running"),
    )
