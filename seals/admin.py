from django.contrib import admin

from .models import Seal


@admin.register(Seal)
class SealAdmin(admin.ModelAdmin):
    list_display = ["holder", "patronship", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["holder__name", "code"]
    raw_id_fields = ["holder", "patronship"]
    readonly_fields = ["code", "created_at"]
