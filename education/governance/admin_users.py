"""The user admin with the guards that keep sign-off in two hands.

- Nobody changes their own groups, permissions, superuser, staff or active status, or their own
  reviewer profile, in the form (read-only) or in the save path (refused), superusers included:
  superuser accounts are for break-glass only (docs/governance.md).
- Only a superuser can make someone a superuser or give permissions one by one.
- Ticking "Clinical reviewers" only asks for the role: another clinical reviewer must confirm
  it (education.governance.grants), so one person cannot make a second account a reviewer.
- Every change of role or status, every reviewer profile set and every password set by another
  account is written to the admin's audit log (LogEntry) as "Role change: ...", which the
  review dashboard lists.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..models import ReviewerGrant, ReviewerProfile
from . import grants
from .admin_records import ReadOnlyAdmin
from .roles import REVIEWERS, ROLE_CHANGE

GUARDED_FLAGS = ("is_superuser", "is_staff", "is_active")
SELF_READ_ONLY = (*GUARDED_FLAGS, "groups", "user_permissions")
SUPERUSER_ONLY = ("is_superuser", "user_permissions")


def is_self(request: HttpRequest, user) -> bool:
    return user is not None and user.pk is not None and user.pk == request.user.pk


class ReviewerProfileInline(admin.StackedInline):
    model = ReviewerProfile
    can_delete = False
    fields = ["public_name", "public_role"]
    verbose_name_plural = "reviewer profile (shown on public pages when this person approves)"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return not is_self(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return not is_self(request, obj) and super().has_change_permission(request, obj)


class GuardedUserAdmin(UserAdmin):
    inlines = [ReviewerProfileInline]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_self(request, obj):
            fields += [f for f in SELF_READ_ONLY if f not in fields]
        if not request.user.is_superuser:
            fields += [f for f in SUPERUSER_ONLY if f not in fields]
        return fields

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.help_text = (
                f"Ticking “{REVIEWERS}” asks for the role: it starts only when another clinical "
                "reviewer confirms it (Reviewer role requests). Removing a role is immediate."
            )
        return field

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        """Refuse a forbidden change even if a forged form got it this far."""
        before = User.objects.filter(pk=obj.pk).first() if change else None
        flags = {f: getattr(before, f) for f in GUARDED_FLAGS} if before else {}
        changed = [f for f in GUARDED_FLAGS if before and getattr(obj, f) != flags[f]]
        if changed and is_self(request, obj):
            raise PermissionDenied("You cannot change your own roles or status.")
        if "is_superuser" in changed and not request.user.is_superuser:
            raise PermissionDenied("Only a superuser can grant or remove superuser status.")
        request._role_flags_before = flags
        request._groups_before = (
            set(before.groups.values_list("name", flat=True)) if before else set()
        )
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        user = form.instance
        groups_after = set(user.groups.values_list("name", flat=True))
        groups_before = getattr(request, "_groups_before", set())
        if groups_after != groups_before and is_self(request, user):
            raise PermissionDenied("You cannot change your own roles.")
        if REVIEWERS in groups_after - groups_before:
            # Sign-off power needs a second person: the tick becomes a request (grants.py).
            user.groups.remove(*user.groups.filter(name=REVIEWERS))
            groups_after.discard(REVIEWERS)
            grants.ask(user, request.user)
            messages.warning(
                request,
                f"{user.get_username()} is not a clinical reviewer yet: another clinical "
                "reviewer must confirm the role (Reviewer role requests, or the dashboard).",
            )
        for name in sorted(groups_after - groups_before):
            self.log_change(request, user, f"{ROLE_CHANGE}granted {name} to {user.username}")
        for name in sorted(groups_before - groups_after):
            self.log_change(request, user, f"{ROLE_CHANGE}removed {name} from {user.username}")
        for flag, was in getattr(request, "_role_flags_before", {}).items():
            if getattr(user, flag) != was:
                state = "on" if getattr(user, flag) else "off"
                self.log_change(request, user, f"{ROLE_CHANGE}{flag} {state} for {user.username}")
        self._log_profile(request, user, formsets)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = ""):
        """Setting someone else's password could let one person sign in as a reviewer: it is
        allowed (people forget passwords) but recorded and shown on the dashboard, and a
        reviewer's role then waits for a second reviewer to confirm it again (grants.py)."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302 and str(request.user.pk) != id:
            user = User.objects.get(pk=id)
            message = f"{ROLE_CHANGE}password of {user.username} set by another account"
            self.log_change(request, user, message)
            if grants.suspend_after_takeover(user, request.user, "password set by another account"):
                messages.warning(
                    request,
                    f"{user.username} is not a clinical reviewer until another clinical reviewer "
                    "confirms the role again (Reviewer role requests).",
                )
        return response

    def _log_profile(self, request: HttpRequest, user, formsets) -> None:
        for formset in formsets:
            if formset.model is ReviewerProfile and formset.has_changed():
                if is_self(request, user):
                    raise PermissionDenied("You cannot set your own reviewer profile.")
                profile = ReviewerProfile.of(user)
                self.log_change(
                    request, user, f"{ROLE_CHANGE}reviewer profile of {user.username}: {profile}"
                )


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(ReadOnlyAdmin):
    """A list of who signs as whom; profiles are set on each user's page."""

    list_display = ["public_name", "public_role", "user", "updated_at"]
    search_fields = ["public_name", "public_role", "user__username"]


class ConfirmGrantForm(forms.Form):
    confirm = forms.BooleanField(
        label="I know this person, and they should approve clinical wording for this site."
    )


@admin.register(ReviewerGrant)
class ReviewerGrantAdmin(ReadOnlyAdmin):
    """Requests for the Clinical reviewers role, each confirmed or declined on its own page
    by a second person (education.governance.grants); nothing here is edited by hand."""

    list_display = ["user", "asked_by", "asked_at", "outcome", "decided_by", "decided_at"]
    list_filter = ["outcome"]
    fields = list_display
    readonly_fields = list_display

    def get_urls(self):
        decide = self.admin_site.admin_view(self.decide_view)
        return [
            path("<int:pk>/decide/", decide, name="education_reviewergrant_decide"),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        return redirect("admin:education_reviewergrant_decide", pk=object_id)

    def decide_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        grant = ReviewerGrant.objects.select_related("user", "asked_by").filter(pk=pk).first()
        if grant is None:
            raise Http404("No such request")
        form, problem = ConfirmGrantForm(), ""
        if request.method == "POST":
            declining = request.POST.get("decision") == "decline"
            form = ConfirmGrantForm() if declining else ConfirmGrantForm(request.POST)
            try:
                if declining:
                    grants.decline(grant, request.user)
                    messages.success(request, f"The request for {grant.user} is closed.")
                    return redirect("admin:education_reviewergrant_changelist")
                if form.is_valid():
                    grants.confirm(grant, request.user)
                    messages.success(request, f"{grant.user} is now a clinical reviewer.")
                    return redirect("admin:education_reviewergrant_changelist")
            except grants.GovernanceError as exc:
                problem = str(exc.args[0])
        else:
            try:
                grants.check_can_confirm(grant, request.user)
            except grants.GovernanceError as exc:
                problem = str(exc.args[0])
        can_decline = True
        try:
            grants.check_can_decline(grant, request.user)
        except grants.GovernanceError:
            can_decline = False
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Clinical reviewer role for {grant.user.get_username()}",
            "grant": grant,
            "profile": ReviewerProfile.of(grant.user),
            "form": form,
            "problem": problem,
            "can_decline": can_decline,
            "user_url": reverse("admin:auth_user_change", args=[grant.user_id]),
        }
        status = 403 if problem and request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/education/reviewer_grant.html", context, status=status
        )


admin.site.unregister(User)
admin.site.register(User, GuardedUserAdmin)
