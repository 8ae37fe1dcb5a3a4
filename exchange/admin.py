from django.contrib import admin

from .models import Need, Offer


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["title", "party", "kind", "status", "municipality", "created_at"]
    list_filter = ["status", "kind", "effort", "remote_ok", "publish_publicly"]
    search_fields = ["title", "description", "party__name"]
    autocomplete_fields = ["party", "municipality", "competencies", "topics"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "party", "kind", "capacity", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["title", "description", "party__name"]
    autocomplete_fields = ["party", "competencies"]
