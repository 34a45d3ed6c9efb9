"""The self-check questions, edited inline on their page in the admin.

The inline rows are the editors' working copy. ``SelfCheckPageMixin`` makes the page's draft
revision only after the inline rows are saved, so the draft (and its content hash, which the
reviewer approves) holds the questions as the editor left them. The public reads questions only
from the page's published revision (selfcheck.questions), never from these rows.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from ..governance import rules as governance
from ..governance.admin import BASE_FIELD, SUMMARY_FIELD
from ..governance.snapshots import content_hash
from ..models import Revision, SelfCheckQuestion
from .anchors import anchor_message, section_ids
from .questions import SNAPSHOT_KEY, snapshot_questions


class SelfCheckFormSet(BaseInlineFormSet):
    """Each included question must link to a section the page (as edited in this same form)
    has: rewording a heading that a question points to is refused here, with the edit kept in
    the form, instead of silently breaking the question's "Read this part again" link."""

    def clean(self) -> None:
        super().clean()
        page = self.instance  # the page form's cleaned values are already on it
        sections = section_ids(page.slug, page.body or "")
        broken = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            anchor = data.get("anchor")
            if data.get("included") and anchor and anchor not in sections:
                form.add_error("anchor", anchor_message(anchor, sections))
                broken.append(anchor)
        if broken:
            raise ValidationError(
                "A self-check question links to a section this page does not have: "
                f"{', '.join(dict.fromkeys(broken))}. If you reworded a heading, change the "
                "question's “section to re-read” to the new one (listed by the question)."
            )


class SelfCheckInline(admin.StackedInline):
    model = SelfCheckQuestion
    formset = SelfCheckFormSet
    extra = 0
    can_delete = False  # untick "in the self-check" instead: answer counts point to questions
    fields = ["order", "key", "kind", "question", ("choice_1", "choice_2", "choice_3"),
              "answer", "explanation", "anchor", "facts_ref", "included"]  # fmt: skip
    verbose_name_plural = "Check what you understood (self-check questions, 3 to 5)"

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        """The "section to re-read" box lists the page's sections as they are now."""
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            sections = section_ids(obj.slug, obj.body or "")
            field = formset.form.base_fields["anchor"]
            field.help_text = "The id of the heading to link to. This page's sections: " + (
                ", ".join(sections) or "none yet: give the page a ## heading first"
            )
        return formset


class SelfCheckPageMixin:
    """For PageAdmin: the draft is made in save_related, after the question rows are saved."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if not change:  # a new page must exist before its questions can point to it
            super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        obj = form.instance
        if change:
            request._governance_revision = governance.save_draft(
                obj,
                request.user,
                form.cleaned_data[SUMMARY_FIELD],
                base=form.cleaned_data.get(BASE_FIELD),
            )
            return
        revision = request._governance_revision  # the new page's first draft: add its questions
        content = dict(revision.content) | {SNAPSHOT_KEY: snapshot_questions(obj)}
        Revision.objects.filter(pk=revision.pk).update(
            content=content, content_hash=content_hash(content)
        )
