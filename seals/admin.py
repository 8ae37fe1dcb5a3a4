from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import Seal
from .records import seal_record_forget


@admin.register(Seal)
class SealAdmin(admin.ModelAdmin):
    """Seals are issued and revoked through the portal's own pages (which notify and
    record); the admin shows them and may correct dates."""

    list_display = ["holder", "patronship", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["holder__name", "code"]
    raw_id_fields = ["holder", "patronship"]
    readonly_fields = [
        "code",
        "created_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
        "expiry_reminded_at",
    ]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The public record is cached; a corrected date must show at once.
        seal_record_forget(obj.code)
        messages.info(request, _("Prüfseite und Siegelbild zeigen die Änderung sofort."))
