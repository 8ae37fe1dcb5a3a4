from django.contrib import admin

from .models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    """Reports are written and published on the portal's own pages; the admin shows them."""

    list_display = ["year", "published_at", "updated_at"]
    readonly_fields = ["published_at", "published_by", "updated_at", "updated_by"]
