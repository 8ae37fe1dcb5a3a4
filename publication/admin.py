from django.contrib import admin

from .models import Consent, Story, StoryPhoto


class StoryPhotoInline(admin.TabularInline):
    model = StoryPhoto
    extra = 0
    fields = ["caption", "alt_text", "credit", "position"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # uploads are checked and re-encoded by the portal's own form


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    """Stories are written, approved and published in the portal (which asks both partners
    and records each step); the admin shows them."""

    list_display = ["title", "patronship", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["title", "patronship__title"]
    raw_id_fields = ["patronship"]
    inlines = [StoryPhotoInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Both partners approved exactly this text: changes go through the portal's review.
        return False


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Consent is given by the partners (or recorded by the coordinator with a note) in the
    portal; here it can only be read."""

    list_display = [
        "patronship",
        "party",
        "show_story",
        "show_name",
        "show_logo",
        "show_photos",
        "show_quote",
        "changed_at",
    ]
    search_fields = ["patronship__title", "party__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
