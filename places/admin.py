from django.contrib import admin

from .models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "state", "postcodes", "latitude", "longitude"]
    list_filter = ["district", "state"]
    search_fields = ["name", "postcodes"]
    prepopulated_fields = {"slug": ["name"]}
