"""The admin's governance pages: history, draft preview, word diff, approval and revert.

Each function is called by ``GovernedAdmin`` (governance/admin.py) after it has found the
object; the rules themselves live in ``education.governance.rules``.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from ..models import (
    GET_HELP_SLUG,
    ChecklistItem,
    GlossaryTerm,
    HelpSettings,
    Page,
    QuestionPrompt,
    RedFlag,
    ReviewerProfile,
    Revision,
)
from ..pages import get_help_context, page_context, published_get_help
from ..red_flags import preview_help
from ..text.readability import grade_level, hard_sentences
from . import rules as governance
from .diff import revision_diff
from .roles import is_reviewer

HARD_SENTENCE_GRADE = 10


class ApproveForm(forms.Form):
    """Only the hash seen and the confirmation: the public name and role come from the
    reviewer's profile, so a name typed into a forged POST is ignored."""

    content_hash = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="I have read this revision and its medical statements are correct."
    )


def get_revision(obj, number: int) -> Revision:
    revision = governance.revisions_of(obj).filter(number=number).first()
    if revision is None:
        raise Http404("No such revision")
    return revision


def admin_url(obj, view: str, *args) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk, *args])


def _context(model_admin, request: HttpRequest, obj, title: str) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": obj,
        "title": title,
        "has_view_permission": True,
    }


def history(model_admin, request: HttpRequest, obj) -> TemplateResponse:
    revisions = list(
        governance.revisions_of(obj)
        .select_related("author", "based_on")
        .prefetch_related("approvals")
        .annotate(
            yes=Count("feedback", filter=Q(feedback__helpful=True)),
            no=Count("feedback", filter=Q(feedback__helpful=False)),
        )
    )
    events = []
    for revision in revisions:
        events.append((revision.created_at, f"Revision {revision.number} saved by "
                       f"{revision.author_name}: {revision.summary}"))  # fmt: skip
        for approval in revision.approvals.all():
            events.append((approval.created_at, f"Revision {revision.number} approved by "
                           f"{approval.reviewer_name} ({approval.reviewer_role})"))  # fmt: skip
        if revision.published_at:
            events.append((revision.published_at, f"Revision {revision.number} published"))
    context = _context(model_admin, request, obj, f"History of “{obj}”") | {
        "revisions": revisions,
        "events": sorted(events, key=lambda e: e[0], reverse=True),
        "can_change": model_admin.has_change_permission(request, obj),
        "is_reviewer": is_reviewer(request.user),
        "latest": revisions[0] if revisions else None,
    }
    return TemplateResponse(request, "admin/education/history.html", context)


def _settings_rows(draft) -> list[tuple[str, str]]:
    return [
        (str(f.verbose_name).capitalize(), f.value_from_object(draft))
        for f in governance.content_fields(type(draft))
    ]


def _preview_context(obj, revision: Revision) -> tuple[str, dict]:
    draft = governance.apply_snapshot(type(obj).objects.get(pk=obj.pk), revision.content)
    if isinstance(draft, HelpSettings):  # the public 'When to get help' page with these values
        language = translation.get_language() or "en"
        return "education/get_help.html", get_help_context(
            language, draft, published_get_help(language)
        )
    if isinstance(draft, governance.SETTINGS_MODELS):
        return "admin/education/settings_preview.html", {"rows": _settings_rows(draft)}
    if isinstance(draft, Page) and draft.slug == GET_HELP_SLUG:  # shown under the tiers
        context = get_help_context(draft.language, HelpSettings.load(), draft)
        return "education/get_help.html", context | {"approval": None}
    if isinstance(draft, Page):
        return "education/page.html", page_context(draft) | {"approval": None}
    if isinstance(draft, RedFlag):
        flags = preview_help(draft)
        return "education/get_help.html", get_help_context(
            draft.language, flags["help_settings"], None, flags["red_flag_tiers"]
        )
    if isinstance(draft, ChecklistItem):
        items = [i for i in ChecklistItem.objects.published() if i.pk != draft.pk]
        items = sorted([*items, draft] if draft.published else items, key=lambda i: (i.order, i.pk))
        return "education/checklist.html", {
            "do_items": [i for i in items if i.kind == ChecklistItem.Kind.DO],
            "dont_items": [i for i in items if i.kind == ChecklistItem.Kind.DONT],
        }
    if isinstance(draft, QuestionPrompt):
        return "admin/education/settings_preview.html", {"rows": _settings_rows(draft)}
    terms = [t for t in GlossaryTerm.objects.published() if t.pk != draft.pk]
    terms = [*terms, draft] if draft.published else terms
    return "education/glossary.html", {"terms": sorted(terms, key=lambda t: t.term.casefold())}


def preview(model_admin, request: HttpRequest, obj, number: int) -> TemplateResponse:
    """The revision rendered by the public template, with a banner and its reading level."""
    revision = get_revision(obj, number)
    public_template, context = _preview_context(obj, revision)
    body = (
        revision.content.get("body")
        or revision.content.get("definition")
        or (f"{revision.content.get('text', '')}. {revision.content.get('why', '')}")
    )
    context |= {
        "public_template": public_template,
        "preview": revision,
        "preview_object": obj,
        "grade": grade_level(body),
        "hard_sentences": hard_sentences(body, HARD_SENTENCE_GRADE),
        "hard_grade": HARD_SENTENCE_GRADE,
        "history_url": admin_url(obj, "history"),
        "approve_url": admin_url(obj, "approve", number),
    }
    response = TemplateResponse(request, "education/preview.html", context)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response


def compare(model_admin, request: HttpRequest, obj) -> TemplateResponse:
    numbers = [r.number for r in governance.revisions_of(obj)]
    try:
        new_number = int(request.GET.get("b") or max(numbers))
        old_number = int(request.GET.get("a") or max(new_number - 1, 1))
    except (TypeError, ValueError):
        raise Http404("Pick two revisions to compare") from None
    old, new = get_revision(obj, old_number), get_revision(obj, new_number)
    labels = {
        f.name: str(f.verbose_name).capitalize() for f in governance.content_fields(type(obj))
    }
    context = _context(model_admin, request, obj, f"Changes to “{obj}”") | {
        "old": old,
        "new": new,
        "numbers": sorted(numbers),
        "changes": revision_diff(old.content, new.content, labels),
        "history_url": admin_url(obj, "history"),
    }
    return TemplateResponse(request, "admin/education/compare.html", context)


def approve(model_admin, request: HttpRequest, obj, number: int) -> HttpResponse:
    revision = get_revision(obj, number)
    problem = ""
    if request.method == "POST":
        form = ApproveForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                approval = governance.approve(revision, request.user, data["content_hash"])
            except governance.GovernanceError as exc:
                problem = str(exc.args[0])
            else:
                model_admin.log_change(request, obj, f"Approved and published revision {number}.")
                messages.success(
                    request, f"Revision {number} is approved and published. {approval}."
                )
                return redirect(admin_url(obj, "history"))
    else:
        form = ApproveForm(initial={"content_hash": revision.content_hash})
        try:
            governance.check_can_approve(revision, request.user, revision.content_hash)
        except governance.GovernanceError as exc:
            problem = str(exc.args[0])
    context = _context(model_admin, request, obj, f"Approve revision {number} of “{obj}”") | {
        "revision": revision,
        "form": form,
        "problem": problem,
        "profile": ReviewerProfile.of(request.user),
        "preview_url": admin_url(obj, "preview", number),
        "compare_url": admin_url(obj, "compare") + f"?b={number}",
        "history_url": admin_url(obj, "history"),
    }
    status = 403 if problem else 200
    return TemplateResponse(request, "admin/education/approve.html", context, status=status)


def revert(model_admin, request: HttpRequest, obj, number: int) -> HttpResponse:
    if request.method != "POST":
        return redirect(admin_url(obj, "history"))
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    old = get_revision(obj, number)
    try:
        draft = governance.revert(old, request.user, request.POST.get("summary", ""))
    except governance.GovernanceError as exc:
        messages.error(request, str(exc.args[0]))
        return redirect(admin_url(obj, "history"))
    model_admin.log_change(request, obj, f"Draft revision {draft.number} copies revision {number}.")
    messages.success(
        request,
        f"Draft revision {draft.number} has the wording of revision {number}. The public page "
        "is unchanged until a clinical reviewer approves it.",
    )
    return redirect(admin_url(obj, "history"))
