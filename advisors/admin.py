from django.contrib import admin

from .models import Network, NetworkMembership, NetworkTie, Recommendation


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["advisor"]
    readonly_fields = ["joined_at"]


class NetworkTieInline(admin.TabularInline):
    model = NetworkTie
    extra = 0
    autocomplete_fields = ["party"]
    readonly_fields = ["recorded_by", "at"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    readonly_fields = ["created_by", "created_at"]
    inlines = [NetworkMembershipInline, NetworkTieInline]


@admin.register(NetworkTie)
class NetworkTieAdmin(admin.ModelAdmin):
    list_display = ["party", "network", "recorded_by", "at"]
    list_filter = ["network__kind"]
    search_fields = ["party__name", "network__name", "note"]
    list_select_related = ["party", "network", "recorded_by"]
    autocomplete_fields = ["party", "network"]
    readonly_fields = ["recorded_by", "at"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = [
        "candidate",
        "need",
        "advisor",
        "offers_warm_introduction",
        "created_at",
        "withdrawn_at",
    ]
    list_filter = ["offers_warm_introduction", "withdrawn_at"]
    search_fields = ["candidate__name", "need__title", "advisor__name", "advisor__email", "note"]
    list_select_related = ["candidate", "need", "advisor"]
    raw_id_fields = ["need"]
    autocomplete_fields = ["candidate", "advisor"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
