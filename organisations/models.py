from django.db import models
from django.utils.translation import gettext_lazy as _

from parties.models import Party, PartyKind, PartyQuerySet


class OrganisationManager(models.Manager.from_queryset(PartyQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(kind=PartyKind.ORGANISATION)


class Organisation(Party):
    objects = OrganisationManager()

    class Meta:
        proxy = True
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def save(self, *args, **kwargs):
        self.kind = PartyKind.ORGANISATION
        super().save(*args, **kwargs)
