"""Read-only admin lists of revisions, approvals and page feedback (with totals).

These are records: nobody can add, change or delete them here. Revisions are made by saving
content, approvals by the approval page, feedback by the public 'Was this page helpful?' form.
"""

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from ..models import Approval, PageFeedback, Revision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def object_history_link(revision: Revision) -> str:
    meta = revision.content_type
    url = reverse(f"admin:{meta.app_label}_{meta.model}_history", args=[revision.object_id])
    return format_html('<a href="{}">{}</a>', url, revision.content_object or revision.object_id)


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["number", "content_link", "state", "author_name", "created_at", "summary"]
    list_filter = ["state", "content_type"]
    search_fields = ["summary", "author_name"]
    list_select_related = ["content_type"]
    exclude = ["content"]

    @admin.display(description="content")
    def content_link(self, revision: Revision) -> str:
        return object_history_link(revision)


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = [
        "approved_on",
        "reviewer_name",
        "reviewer_role",
        "revision_link",
        "by_superuser",
    ]
    list_filter = ["by_superuser"]
    list_select_related = ["revision__content_type"]
    search_fields = ["reviewer_name", "reviewer_role"]

    @admin.display(description="revision")
    def revision_link(self, approval: Approval) -> str:
        return format_html(
            "{} (revision {})", object_history_link(approval.revision), approval.revision.number
        )


def feedback_totals(queryset: QuerySet[PageFeedback] | None = None) -> list[dict]:
    """Yes/no counts and reasons per page and revision, most answers first."""
    queryset = PageFeedback.objects.all() if queryset is None else queryset
    reasons = {value: Count("pk", filter=Q(reason=value)) for value in PageFeedback.Reason.values}
    rows = (
        queryset.values("path", "revision__number")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            total=Count("pk"),
            **reasons,
        )
        .order_by("-total", "path", "revision__number")
    )
    return list(rows)


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["date", "path", "revision_number", "helpful", "reason"]
    list_filter = ["helpful", "reason", "date"]
    search_fields = ["path"]
    list_select_related = ["revision"]
    change_list_template = "admin/education/pagefeedback/change_list.html"

    @admin.display(description="revision")
    def revision_number(self, feedback: PageFeedback) -> str:
        return str(feedback.revision.number) if feedback.revision else "-"

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra = {"totals": feedback_totals(), "reasons": PageFeedback.Reason.choices}
        return super().changelist_view(request, extra | (extra_context or {}))
