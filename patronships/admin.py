from django.contrib import admin

from .models import Patronship, PatronshipTransition


class TransitionInline(admin.TabularInline):
    model = PatronshipTransition
    extra = 0
    readonly_fields = ["from_status", "to_status", "by", "at", "reason"]
    can_delete = False


@admin.register(Patronship)
class PatronshipAdmin(admin.ModelAdmin):
    list_display = ["title", "sponsor", "recipient", "status", "start_date", "end_date"]
    list_filter = ["status"]
    search_fields = ["title", "sponsor__name", "recipient__name"]
    autocomplete_fields = ["sponsor", "recipient", "need"]
    raw_id_fields = ["previous", "coordinator"]
    inlines = [TransitionInline]
