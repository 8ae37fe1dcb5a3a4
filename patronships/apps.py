from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatronshipsConfig(AppConfig):
    name = "patronships"
    verbose_name = _("Patenschaften")
