from django.db import models
from django.utils.translation import gettext_lazy as _

from .geo import distance_km


class MunicipalityQuerySet(models.QuerySet):
    def by_name_or_postcode(self, value: str):
        """Municipalities whose name or one of whose postcodes is `value`."""
        value = value.strip()
        if value.isdigit():
            return self.filter(postcodes__contains=value)
        return self.filter(name__iexact=value)


class Municipality(models.Model):
    """A municipality (Gemeinde or town) of the region, with the coordinates of its centre."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    district = models.CharField(_("Landkreis"), max_length=100)
    state = models.CharField(_("Bundesland"), max_length=50)
    postcodes = models.CharField(
        _("Postleitzahlen"), max_length=200, blank=True, help_text=_("Durch Kommas getrennt.")
    )
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gemeinde")
        verbose_name_plural = _("Gemeinden")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def postcode_list(self) -> list[str]:
        return [p.strip() for p in self.postcodes.split(",") if p.strip()]

    def distance_to(self, other: "Municipality") -> float:
        return distance_km(self.latitude, self.longitude, other.latitude, other.longitude)
