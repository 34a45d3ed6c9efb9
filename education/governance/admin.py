"""``GovernedAdmin``: the admin for content that needs clinical sign-off.

Saving the form never changes what the public sees: it stores a draft revision with the
editor's one-line change summary (governance.rules.save_draft). The form opens on the
latest draft, so editors carry on from where they left off. History lists every revision and
event, with preview, word diff, approval and revert. Nothing can be deleted.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import path

from . import admin_views
from . import rules as governance
from .concurrency import StaleEdit, changes_since, check_fresh, latest_number, lock_object
from .roles import is_reviewer

SUMMARY_FIELD = "change_summary"
BASE_FIELD = "base_revision"


class GovernedForm(forms.ModelForm):
    change_summary = forms.CharField(
        label="Change summary",
        max_length=200,
        help_text="Required. One line saying what you changed and why, e.g. 'Shorter "
        "sentences in the side effects list'. Reviewers see it in the history.",
        widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stale_changes = None
        if self.instance.pk:  # the revision this form was opened on, sent back with the save
            self.fields[BASE_FIELD].initial = latest_number(self.instance)

    def clean_change_summary(self) -> str:
        summary = " ".join(self.cleaned_data["change_summary"].split())
        if not summary:
            raise forms.ValidationError("Say in one line what you changed.")
        return summary

    def clean(self) -> dict:
        """Refuse a save made from a stale form, under the row lock the save then keeps."""
        data = super().clean()
        if not self.instance.pk:
            return data
        base = data.get(BASE_FIELD)
        if base is None:
            raise forms.ValidationError("This form is out of date. Open the item again.")
        lock_object(self.instance)  # held until the admin's transaction ends
        try:
            check_fresh(self.instance, base)
        except StaleEdit as stale:
            labels = {f.name: str(f.verbose_name).capitalize()
                      for f in governance.content_fields(type(self.instance))}  # fmt: skip
            self.stale_changes = changes_since(self.instance, stale, labels)
            raise forms.ValidationError(str(stale)) from None
        return data


class GovernedAdmin(admin.ModelAdmin):
    form = GovernedForm
    change_form_template = "admin/education/governed_change_form.html"
    object_history_template = "admin/education/history.html"

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_fieldsets(self, request: HttpRequest, obj=None):
        """The hidden base revision rides in the last fieldset of a change form."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not fieldsets:
            return fieldsets
        *rest, (name, options) = fieldsets
        return [*rest, (name, {**options, "fields": [*options["fields"], BASE_FIELD]})]

    def get_object(self, request: HttpRequest, object_id: str, from_field=None):
        """The live object with the latest draft's wording applied (in memory only)."""
        obj = super().get_object(request, object_id, from_field)
        draft = governance.pending_draft(obj) if obj is not None else None
        if draft is not None:
            governance.apply_snapshot(obj, draft.content)
        return obj

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        revision = governance.save_draft(
            obj,
            request.user,
            form.cleaned_data[SUMMARY_FIELD],
            adding=not change,
            base=form.cleaned_data.get(BASE_FIELD) if change else None,
        )
        request._governance_revision = revision

    def construct_change_message(self, request, form, formsets, add=False):
        revision = getattr(request, "_governance_revision", None)
        if revision is None:
            return super().construct_change_message(request, form, formsets, add)
        return f"Draft revision {revision.number}: {revision.summary}"

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs) -> None:
        revision = getattr(request, "_governance_revision", None)
        if revision is not None and level == messages.SUCCESS:
            message = (
                f"Saved as draft revision {revision.number}. The public site is unchanged "
                "until a clinical reviewer approves it."
            )
        super().message_user(request, message, level, *args, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["published_revision"] = governance.published_revision(obj)
            context["pending_draft"] = governance.pending_draft(obj)
            context["public_approval"] = governance.public_approval(obj)
            context["is_reviewer"] = is_reviewer(request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/revisions/<int:number>/preview/",
                 wrap(self.preview_view), name=f"{prefix}_preview"),
            path("<path:object_id>/revisions/<int:number>/approve/",
                 wrap(self.approve_view), name=f"{prefix}_approve"),
            path("<path:object_id>/revisions/<int:number>/revert/",
                 wrap(self.revert_view), name=f"{prefix}_revert"),
            path("<path:object_id>/compare/", wrap(self.compare_view), name=f"{prefix}_compare"),
            *super().get_urls(),
        ]  # fmt: skip

    def _viewable(self, request: HttpRequest, object_id: str):
        obj = (
            self.model._default_manager.filter(pk=object_id).first()
            if object_id.isdigit()
            else None
        )
        if obj is None:
            raise Http404("No such object")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        return admin_views.history(self, request, self._viewable(request, object_id))

    def preview_view(self, request: HttpRequest, object_id: str, number: int):
        return admin_views.preview(self, request, self._viewable(request, object_id), number)

    def compare_view(self, request: HttpRequest, object_id: str):
        return admin_views.compare(self, request, self._viewable(request, object_id))

    def approve_view(self, request: HttpRequest, object_id: str, number: int):
        return admin_views.approve(self, request, self._viewable(request, object_id), number)

    def revert_view(self, request: HttpRequest, object_id: str, number: int):
        return admin_views.revert(self, request, self._viewable(request, object_id), number)
