from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from parties.models import Party, PartyKind, PartyQuerySet


class CompanyManager(models.Manager.from_queryset(PartyQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(kind=PartyKind.COMPANY)


class Company(Party):
    objects = CompanyManager()

    class Meta:
        proxy = True
        verbose_name = pgettext_lazy("one party", "Unternehmen")
        verbose_name_plural = _("Unternehmen")

    def save(self, *args, **kwargs):
        self.kind = PartyKind.COMPANY
        super().save(*args, **kwargs)
