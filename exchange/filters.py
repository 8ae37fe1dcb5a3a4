import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.geo import distance_km
from places.models import Municipality
from taxonomy.models import Topic

from .models import Effort, Need, NeedKind

DISTANCE_CHOICES = [
    (10, _("bis 10 km")),
    (25, _("bis 25 km")),
    (50, _("bis 50 km")),
    (100, _("bis 100 km")),
]


class NeedFilter(django_filters.FilterSet):
    """What a party filters open needs by. Distance counts from the viewer's own party."""

    q = django_filters.CharFilter(label=_("Suche"), method="filter_text")
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        queryset=Topic.objects.all(),
        empty_label=_("alle Themen"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=NeedKind.choices, empty_label=_("alle Arten")
    )
    effort = django_filters.ChoiceFilter(
        label=_("Aufwand"), choices=Effort.choices, empty_label=_("jeder Aufwand")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeinde"), queryset=Municipality.objects.all(), empty_label=_("alle Gemeinden")
    )
    distance = django_filters.ChoiceFilter(
        label=_("Entfernung"),
        choices=DISTANCE_CHOICES,
        method="filter_distance",
        empty_label=_("beliebig"),
    )

    class Meta:
        model = Need
        fields = ["q", "topic", "kind", "effort", "municipality", "distance"]

    def __init__(self, *args, origin: Municipality | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.origin = origin
        if origin is None:
            del self.filters["distance"]
        else:
            self.filters["distance"].label = _("Entfernung von %(place)s") % {"place": origin}

    def filter_text(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(party__name__icontains=word)
            )
        return queryset

    def filter_distance(self, queryset, name, value):
        """Needs within `value` km of the origin; remote-friendly needs always count."""
        near = [
            m.pk
            for m in Municipality.objects.only("pk", "latitude", "longitude")
            if distance_km(self.origin.latitude, self.origin.longitude, m.latitude, m.longitude)
            <= int(value)
        ]
        return queryset.filter(Q(municipality__in=near) | Q(remote_ok=True))
