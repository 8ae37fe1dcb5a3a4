from django.contrib import admin

from .models import Notification, NotificationSetting


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "kind", "created_at", "read_at", "email_mode", "emailed_at"]
    list_filter = ["kind", "email_mode", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "body", "user__email", "user__name"]
    raw_id_fields = ["user"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]


@admin.register(NotificationSetting)
class NotificationSettingAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email_mode", "updated_at"]
    list_filter = ["kind", "email_mode"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
    list_select_related = ["user"]
