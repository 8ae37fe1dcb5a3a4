from django.contrib import admin

from .models import Competency, CompetencyGroup, TargetGroup, Topic


class CompetencyInline(admin.TabularInline):
    model = Competency
    extra = 0
    fields = ["name", "slug", "name_en", "synonyms"]


@admin.register(CompetencyGroup)
class CompetencyGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "side", "position"]
    list_editable = ["position"]
    inlines = [CompetencyInline]


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "name_en"]
    list_filter = ["group"]
    search_fields = ["name", "name_en", "synonyms"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en"]
    search_fields = ["name", "synonyms"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en"]
