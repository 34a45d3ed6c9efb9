"""Admin for clinical content editors and reviewers.

Pages, checklist items, glossary terms and the safety settings (governance/admin_settings.py)
are edited as drafts and published by a clinical reviewer's approval (governance/admin.py,
governance/rules.py).
"History" on each object lists every revision with preview, word diff, approval and revert.
Nothing can be deleted here.
"""

import datetime

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from .governance.admin import SUMMARY_FIELD, GovernedAdmin
from .governance.admin_records import ApprovalAdmin, PageFeedbackAdmin, RevisionAdmin  # noqa: F401
from .governance.admin_settings import (  # noqa: F401
    HelpSettingsAdmin,
    ReviewSettingsAdmin,
    SearchSynonymAdmin,
)
from .governance.admin_users import GuardedUserAdmin  # noqa: F401
from .models import ChecklistItem, GlossaryTerm, Page, QuestionPrompt, RedFlag
from .selfcheck.admin import SelfCheckInline, SelfCheckPageMixin

REVIEW_SOON_DAYS = 60
WIDE_FIELDS = {
    models.CharField: {"widget": forms.TextInput(attrs={"class": "vLargeTextField"})},
    models.TextField: {"widget": forms.Textarea(attrs={"class": "vLargeTextField", "rows": 16})},
}
REVIEW_RECORD = ["last_reviewed", "next_review_due", "reviewer"]
# A translation names its English original and the English revision it was translated from.
TRANSLATION_FIELDS = ["language", "translation_of", "source_revision"]
PAGE_TEXT_FIELDS = ["title", "slug", "summary", "description", "body", "reading_grade",
                    "reading_score"]  # fmt: skip


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
class PageAdmin(SelfCheckPageMixin, GovernedAdmin):
    inlines = [SelfCheckInline]
    list_display = [
        "title",
        "order",
        "status",
        "next_review_due",
        "review_state",
        "reading_grade",
        "reading_score",
        "language",
        "updated_at",
    ]
    list_filter = ["language", "status", ReviewDueFilter, "show_help"]
    search_fields = ["title", "summary", "body", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["reading_grade", "reading_score", "updated_at", *REVIEW_RECORD]
    formfield_overrides = WIDE_FIELDS
    fieldsets = [
        (None, {"fields": PAGE_TEXT_FIELDS}),
        ("Language", {"fields": TRANSLATION_FIELDS}),
        ("Publishing", {"fields": ["status", "order", "show_help", "updated_at"]}),
        ("Sources", {"fields": ["sources"]}),
        (
            "Clinical review (set when a clinical reviewer approves a revision)",
            {"fields": REVIEW_RECORD},
        ),
        ("Your change", {"fields": [SUMMARY_FIELD]}),
    ]

    @admin.display(description="review", ordering="next_review_due")
    def review_state(self, page: Page) -> str:
        return "OVERDUE" if page.review_overdue else "ok"

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"status": Page.Status.PUBLISHED} | super().get_changeform_initial_data(request)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "status":
            field.help_text = (
                "Published: shown to everyone once a clinical reviewer approves this revision. "
                "Draft: kept off the public site even after approval."
            )
        return field


@admin.register(ChecklistItem)
class ChecklistItemAdmin(GovernedAdmin):
    list_display = ["text", "kind", "group", "order", "published", "language", "updated_at"]
    list_display_links = ["text"]
    list_filter = ["language", "group", "kind", "published"]
    search_fields = ["text", "why"]
    formfield_overrides = WIDE_FIELDS
    readonly_fields = ["updated_at"]
    fields = ["kind", "text", "why", "order", "published", *TRANSLATION_FIELDS, "updated_at",
              SUMMARY_FIELD]  # fmt: skip

    def view_on_site(self, obj: ChecklistItem) -> str:
        return "/es/checklist/" if obj.language == "es" else "/checklist/"


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(GovernedAdmin):
    list_display = ["term", "other_spellings", "published", "language", "updated_at"]
    list_filter = ["language", "published"]
    search_fields = ["term", "other_spellings", "definition"]
    formfield_overrides = WIDE_FIELDS
    prepopulated_fields = {"slug": ["term"]}
    readonly_fields = ["updated_at"]
    fields = ["term", "slug", "other_spellings", "definition", "published", *TRANSLATION_FIELDS,
              "updated_at", SUMMARY_FIELD]  # fmt: skip

    def view_on_site(self, obj: GlossaryTerm) -> str:
        return f"/es/glossary/#{obj.slug}" if obj.language == "es" else f"/glossary/#{obj.slug}"


@admin.register(RedFlag)
class RedFlagAdmin(GovernedAdmin):
    list_display = ["text", "tier", "regimens", "facts_ref", "order", "published", "language"]
    list_display_links = ["text"]
    list_filter = ["language", "tier", "published"]
    search_fields = ["text", "facts_ref"]
    formfield_overrides = WIDE_FIELDS
    readonly_fields = ["updated_at"]
    fields = ["tier", "text", "regimens", "facts_ref", "order", "published", *TRANSLATION_FIELDS,
              "updated_at", SUMMARY_FIELD]  # fmt: skip

    def view_on_site(self, obj: RedFlag) -> str:
        return "/es/get-help/" if obj.language == "es" else "/get-help/"


@admin.register(QuestionPrompt)
class QuestionPromptAdmin(GovernedAdmin):
    """The question builder's prompts: drafts and two-person sign-off like checklist items."""

    list_display = ["text", "group", "is_ask_me_3", "order", "published", "language", "updated_at"]
    list_display_links = ["text"]
    list_filter = ["language", "group", "is_ask_me_3", "published"]
    search_fields = ["text"]
    formfield_overrides = WIDE_FIELDS
    readonly_fields = ["updated_at"]
    fields = ["text", "group", "is_ask_me_3", "order", "published", *TRANSLATION_FIELDS,
              "updated_at", SUMMARY_FIELD]  # fmt: skip

    def view_on_site(self, obj: QuestionPrompt) -> str:
        return "/es/questions/" if obj.language == "es" else "/questions/"
