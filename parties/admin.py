from django.contrib import admin

from .models import ContactPerson, Invitation, Membership, Party, PartyCompetency


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class PartyCompetencyInline(admin.TabularInline):
    model = PartyCompetency
    extra = 0
    autocomplete_fields = ["competency"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "municipality", "is_paused", "created_on_behalf"]
    list_filter = ["kind", "status", "is_paused", "created_on_behalf", "legal_form"]
    search_fields = ["name", "description", "sector"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["topics", "target_groups"]
    inlines = [ContactPersonInline, PartyCompetencyInline, MembershipInline]
    readonly_fields = ["created_by", "reviewed_by", "reviewed_at", "created_at", "updated_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "party", "role", "created_at", "accepted_at"]
    search_fields = ["email", "party__name"]
    raw_id_fields = ["party", "invited_by", "accepted_by"]
