"""Admin for clinical content editors. Every model keeps its history: open an object, click
"History", pick a version and "Revert" to restore it. Nothing can be deleted here."""

import datetime

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from .models import ChecklistItem, GlossaryTerm, HelpSettings, Page

REVIEW_SOON_DAYS = 60
WIDE_FIELDS = {
    models.CharField: {"widget": forms.TextInput(attrs={"class": "vLargeTextField"})},
    models.TextField: {"widget": forms.Textarea(attrs={"class": "vLargeTextField", "rows": 16})},
}


class KeepEverythingAdmin(SimpleHistoryAdmin):
    """History admin without delete: nothing an editor writes is lost. To take content off
    the site, set a page to draft or untick "published"; every version stays restorable."""

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review due"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue"),
            ("soon", f"Due in the next {REVIEW_SOON_DAYS} days"),
            ("ok", "Not due yet"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=soon)
        if self.value() == "ok":
            return queryset.filter(next_review_due__gt=soon)
        return queryset


@admin.register(Page)
class PageAdmin(KeepEverythingAdmin):
    list_display = [
        "title",
        "order",
        "status",
        "next_review_due",
        "review_state",
        "reading_grade",
        "updated_at",
    ]
    list_editable = ["order"]
    list_filter = ["status", ReviewDueFilter, "show_help"]
    search_fields = ["title", "summary", "body", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["reading_grade", "updated_at"]
    history_list_display = ["status", "reading_grade"]
    formfield_overrides = WIDE_FIELDS
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "body", "reading_grade"]}),
        ("Publishing", {"fields": ["status", "order", "show_help", "updated_at"]}),
        (
            "Review and sources",
            {"fields": ["last_reviewed", "next_review_due", "reviewer", "sources"]},
        ),
    ]

    @admin.display(description="review", ordering="next_review_due")
    def review_state(self, page: Page) -> str:
        return "OVERDUE" if page.review_overdue else "ok"


@admin.register(ChecklistItem)
class ChecklistItemAdmin(KeepEverythingAdmin):
    list_display = ["text", "kind", "group", "order", "published", "updated_at"]
    list_display_links = ["text"]
    list_editable = ["order", "published"]
    list_filter = ["group", "kind", "published"]
    search_fields = ["text", "why"]
    formfield_overrides = WIDE_FIELDS
    readonly_fields = ["updated_at"]

    def view_on_site(self, obj: ChecklistItem) -> str:
        return "/checklist/"


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(KeepEverythingAdmin):
    list_display = ["term", "other_spellings", "published", "updated_at"]
    list_editable = ["published"]
    list_filter = ["published"]
    search_fields = ["term", "other_spellings", "definition"]
    formfield_overrides = WIDE_FIELDS
    prepopulated_fields = {"slug": ["term"]}
    readonly_fields = ["updated_at"]

    def view_on_site(self, obj: GlossaryTerm) -> str:
        return f"/glossary/#{obj.slug}"


@admin.register(HelpSettings)
class HelpSettingsAdmin(KeepEverythingAdmin):
    list_display = [
        "__str__",
        "centre_name",
        "phone_24h",
        "emergency_number",
        "fever_threshold_c",
        "updated_at",
    ]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not HelpSettings.objects.exists()

    def view_on_site(self, obj: HelpSettings) -> str:
        return "/get-help/"
