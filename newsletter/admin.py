from django.contrib import admin

from .models import Delivery, Issue, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Subscriptions change through the double opt-in and the unsubscribe links; the admin
    shows them, with the consent as proof."""

    list_display = ["email", "segment", "status", "requested_at", "confirmed_at"]
    list_filter = ["status", "segment"]
    search_fields = ["email", "name"]
    readonly_fields = [
        "consent_text",
        "requested_at",
        "confirm_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
    ]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "send_started_at", "sent_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "send_started_at", "send_started_by", "progress_at", "sent_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "issue", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    raw_id_fields = ["issue", "subscriber"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
