"""Sign-off that holds against one person: every side door tried through the real admin, as
real users in the real roles (issue 22)."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client

from education.governance import rules as governance
from education.governance.roles import ADMINISTRATORS, EDITORS, REVIEWERS
from education.models import Approval, ReviewerGrant, ReviewerProfile

from .conftest import make_page
from .governance_helpers import (
    administrator,
    approve_in_admin,
    editor,
    logged_in,
    reviewer,
    save_in_admin,
    user_in,
)

pytestmark = pytest.mark.django_db
ORIGINAL = "You sit in a chair for the drip."


@pytest.fixture
def page():
    page = make_page(title="Infusion day", body=ORIGINAL)
    governance.record_published(page, "Shipped")
    return page


def user_form(client: Client, user: User) -> dict:
    """The user's admin change form as the browser would POST it back, inline included."""
    response = client.get(f"/admin/auth/user/{user.pk}/change/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.datetime):
            data[f"{name}_0"], data[f"{name}_1"] = value.date().isoformat(), value.strftime("%T")
        elif isinstance(value, bool):
            data.update({name: "on"} if value else {})
        elif value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data |= {f"{formset.prefix}-{k}": v for k, v in management.initial.items()}
        for sub in formset.forms:
            data |= {sub.add_prefix(n): sub[n].value() or "" for n in sub.fields if n != "DELETE"}
    return data


def post_user(client: Client, user: User, **changes):
    data = user_form(client, user) | changes
    return client.post(f"/admin/auth/user/{user.pk}/change/", data)


def reviewers_group() -> Group:
    return Group.objects.get(name=REVIEWERS)


def public_html(page) -> str:
    return Client().get(page.get_absolute_url()).content.decode()


# Self-promotion ------------------------------------------------------------------------------


def test_an_administrator_cannot_make_themselves_superuser_or_reviewer(page):
    boss = administrator()
    client = logged_in(boss)
    groups = [str(g.pk) for g in Group.objects.filter(name__in=[ADMINISTRATORS, REVIEWERS])]
    response = post_user(client, boss, is_superuser="on", groups=groups, first_name="B")
    assert response.status_code in (200, 302, 403)
    boss.refresh_from_db()
    assert not boss.is_superuser
    assert set(boss.groups.values_list("name", flat=True)) == {ADMINISTRATORS}
    assert not ReviewerProfile.objects.filter(user=boss).exists()


def test_even_a_superuser_cannot_change_their_own_roles_or_status():
    root = User.objects.create_superuser("root", "r@example.org", "x" * 16)
    client = logged_in(root)
    response = post_user(client, root, groups=[str(reviewers_group().pk)])
    assert response.status_code in (200, 302, 403)
    root.refresh_from_db()
    assert not root.groups.exists()
    post_user(client, root, **{"is_staff": ""})
    root.refresh_from_db()
    assert root.is_staff and root.is_superuser


def test_an_administrator_cannot_set_their_own_reviewer_profile():
    boss = administrator()
    client = logged_in(boss)
    data = user_form(client, boss) | {
        "reviewer_profile-0-public_name": "Dr Jane Independent",
        "reviewer_profile-0-public_role": "Consultant haematologist",
    }
    client.post(f"/admin/auth/user/{boss.pk}/change/", data)
    assert not ReviewerProfile.objects.exists()


def test_an_administrator_cannot_make_anyone_superuser_nor_edit_the_roles_themselves():
    boss, other = administrator(), editor()
    client = logged_in(boss)
    post_user(client, other, is_superuser="on")
    other.refresh_from_db()
    assert not other.is_superuser
    group = reviewers_group()
    response = client.post(f"/admin/auth/group/{group.pk}/change/", {"name": ADMINISTRATORS})
    assert response.status_code == 403
    assert Group.objects.filter(name=REVIEWERS).exists()


def test_the_save_path_refuses_self_promotion_even_past_the_form(rf):
    """The server check, not only the read-only form: a forged form reaching save_model."""
    from django.contrib import admin

    boss = administrator()
    request = rf.post("/")
    request.user = boss
    model_admin = admin.site._registry[User]
    boss.is_superuser = True
    with pytest.raises(governance.PermissionDenied):
        model_admin.save_model(request, boss, None, change=True)
    assert not User.objects.get(pk=boss.pk).is_superuser


def grant_url(grant) -> str:
    return f"/admin/education/reviewergrant/{grant.pk}/decide/"


def ask_for_reviewer(client: Client, user: User, **changes):
    groups = [str(g.pk) for g in Group.objects.filter(name__in=[EDITORS, REVIEWERS])]
    data = user_form(client, user) | {"groups": groups} | changes
    return client.post(f"/admin/auth/user/{user.pk}/change/", data)


def test_ticking_the_reviewer_role_asks_and_a_second_reviewer_confirms_on_record():
    boss, newcomer, rita = administrator(), editor("newcomer"), reviewer("rita")
    client = logged_in(boss)
    response = ask_for_reviewer(client, newcomer, **{
        "reviewer_profile-0-public_name": "Dr Ana Ruiz",
        "reviewer_profile-0-public_role": "Consultant haematologist",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not newcomer.groups.filter(name=REVIEWERS).exists()  # asked, not given
    assert newcomer.groups.filter(name=EDITORS).exists()
    grant = ReviewerGrant.objects.get(user=newcomer)
    assert grant.waiting and grant.asked_by == boss
    page = client.get(f"/admin/auth/user/{newcomer.pk}/change/").content.decode()
    assert "another clinical reviewer" in page
    messages = list(LogEntry.objects.values_list("change_message", flat=True))
    assert any(m.startswith(f"Role change: asked for {REVIEWERS} for newcomer") for m in messages)
    assert any("reviewer profile of newcomer: Dr Ana Ruiz" in m for m in messages)
    rita_client = logged_in(rita)
    home = rita_client.get("/admin/").content.decode()
    assert "Reviewer role requests waiting for a second reviewer" in home
    assert grant_url(grant) in home and "asked by boss" in home
    assert "Confirm the reviewer role" in rita_client.get(grant_url(grant)).content.decode()
    assert rita_client.post(grant_url(grant), {"confirm": "on"}).status_code == 302
    assert newcomer.groups.filter(name=REVIEWERS).exists()
    grant.refresh_from_db()
    assert grant.outcome == "confirmed" and grant.decided_by == rita
    home = rita_client.get("/admin/").content.decode()
    assert f"granted {REVIEWERS} to newcomer (asked by boss, confirmed by rita) (by rita)" in home
    profiles = client.get("/admin/education/reviewerprofile/").content.decode()
    assert "Dr Ana Ruiz" in profiles and "Consultant haematologist" in profiles
    client.post(f"/admin/auth/user/{newcomer.pk}/change/", user_form(client, newcomer)
                | {"groups": [str(Group.objects.get(name=EDITORS).pk)]})  # fmt: skip
    assert not newcomer.groups.filter(name=REVIEWERS).exists()  # taking it away is immediate
    assert f"Role change: removed {REVIEWERS} from newcomer" in LogEntry.objects.values_list(
        "change_message", flat=True
    )


def test_one_administrator_with_a_second_account_cannot_sign_off_their_own_words(page):
    """The sock puppet: boss creates "helper" in the admin, ticks the reviewer role, sets its
    profile and password, signs in as it and tries to approve boss's own draft."""
    boss = administrator()
    boss.groups.add(Group.objects.get(name=EDITORS))
    client = logged_in(boss)
    secret = "A-long-pass-phrase-1"
    response = client.post("/admin/auth/user/add/", {
        "username": "helper", "password1": secret, "password2": secret, "usable_password": "true",
        "reviewer_profile-TOTAL_FORMS": "0", "reviewer_profile-INITIAL_FORMS": "0",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    helper = User.objects.get(username="helper")
    ask_for_reviewer(client, helper, is_staff="on", **{
        "reviewer_profile-0-public_name": "Dr Made Up",
        "reviewer_profile-0-public_role": "Consultant haematologist",
    })  # fmt: skip
    save_in_admin(client, page, "Boss's words", body="Words nobody else has read.")
    helper.refresh_from_db()
    assert helper.is_staff and ReviewerProfile.of(helper) is not None
    helper_client = logged_in(helper)
    grant = ReviewerGrant.objects.get(user=helper)
    for who in (client, helper_client):  # neither the asker nor the account itself confirms
        response = who.post(grant_url(grant), {"confirm": "on"})
        assert response.status_code in (403, 200)
    assert not helper.groups.filter(name=REVIEWERS).exists()
    response = approve_in_admin(helper_client, page, 2)
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.body == ORIGINAL
    assert "Words nobody else has read." not in public_html(page)
    grant.refresh_from_db()
    assert grant.waiting


def test_a_superuser_ticking_the_reviewer_role_also_waits_for_a_reviewer():
    root = User.objects.create_superuser("root", "r@example.org", "x" * 16)
    newcomer = editor("newcomer")
    ask_for_reviewer(logged_in(root), newcomer)
    assert not newcomer.groups.filter(name=REVIEWERS).exists()
    assert ReviewerGrant.objects.get(user=newcomer).waiting


def test_who_may_decide_a_reviewer_request():
    boss, newcomer = administrator(), editor("newcomer")
    rita, unprofiled, other_boss = (
        reviewer("rita"),
        user_in(REVIEWERS, "noprofile"),
        administrator("b2"),
    )
    ask_for_reviewer(logged_in(boss), newcomer)
    grant = ReviewerGrant.objects.get(user=newcomer)
    for user in (newcomer, boss, unprofiled, other_boss):  # never confirms
        client = logged_in(user)
        response = client.post(grant_url(grant), {"confirm": "on", "decision": "confirm"})
        assert response.status_code in (403, 200), user
        grant.refresh_from_db()
        assert grant.waiting, user
    assert logged_in(editor("ed2")).get(grant_url(grant)).status_code == 403  # editors: no view
    rita_client = logged_in(rita)
    assert rita_client.post(grant_url(grant), {}).status_code == 200  # the box is required
    grant.refresh_from_db()
    assert grant.waiting
    assert rita_client.get(grant_url(grant)).status_code == 200  # a GET changes nothing
    rita_client.post(grant_url(grant), {"decision": "decline"})
    grant.refresh_from_db()
    assert grant.outcome == "declined" and not newcomer.groups.filter(name=REVIEWERS).exists()
    response = rita_client.post(grant_url(grant), {"confirm": "on"})  # a closed request stays
    assert response.status_code == 403
    assert not newcomer.groups.filter(name=REVIEWERS).exists()
    ask_for_reviewer(logged_in(boss), newcomer)  # asked again, then withdrawn by the asker
    again = ReviewerGrant.objects.get(user=newcomer, outcome="waiting")
    logged_in(boss).post(grant_url(again), {"decision": "decline"})
    again.refresh_from_db()
    assert again.outcome == "withdrawn"
    newcomer.is_active = False
    newcomer.save()
    ask_for_reviewer(logged_in(boss), newcomer)
    third = ReviewerGrant.objects.get(user=newcomer, outcome="waiting")
    assert rita_client.post(grant_url(third), {"confirm": "on"}).status_code == 403
    assert not newcomer.groups.filter(name=REVIEWERS).exists()


def test_a_request_cannot_be_edited_added_or_deleted_by_hand():
    boss, newcomer, rita = administrator(), editor("newcomer"), reviewer("rita")
    ask_for_reviewer(logged_in(boss), newcomer)
    grant = ReviewerGrant.objects.get(user=newcomer)
    for client in (logged_in(boss), logged_in(rita)):
        assert client.get("/admin/education/reviewergrant/add/").status_code == 403
        client.post(f"/admin/education/reviewergrant/{grant.pk}/change/",
                    {"outcome": "confirmed", "user": str(newcomer.pk)})  # fmt: skip
        client.post(f"/admin/education/reviewergrant/{grant.pk}/delete/", {"post": "yes"})
        client.post("/admin/education/reviewergrant/", {
            "action": "delete_selected", "_selected_action": [str(grant.pk)], "post": "yes"
        })  # fmt: skip
        grant.refresh_from_db()
        assert grant.waiting
    assert not newcomer.groups.filter(name=REVIEWERS).exists()


# Approval independence -----------------------------------------------------------------------


def test_the_author_cannot_approve_after_someone_else_resaves_it_unchanged(page):
    both = reviewer("both")
    both.groups.add(Group.objects.get(name=EDITORS))
    save_in_admin(logged_in(both), page, "My words", body="Written by one person.")
    save_in_admin(logged_in(editor("accomplice")), page, "For clinical review")
    assert governance.latest_revision(page).author.username == "accomplice"
    response = approve_in_admin(logged_in(both), page, 3)
    assert response.status_code == 403
    assert "two-person rule" in response.content.decode()
    assert not Approval.objects.exists()
    page.refresh_from_db()
    assert page.body == ORIGINAL
    assert approve_in_admin(logged_in(reviewer("independent")), page, 3).status_code == 302
    page.refresh_from_db()
    assert page.body == "Written by one person."


def test_no_author_of_any_open_revision_can_approve_even_after_a_revert(page):
    first = reviewer("first")
    first.groups.add(Group.objects.get(name=EDITORS))
    save_in_admin(logged_in(first), page, "Edit one", body="First draft.")
    save_in_admin(logged_in(editor()), page, "Edit two", body="Second draft.")
    old = governance.revisions_of(page).get(number=1)
    governance.revert(old, editor("reverter"), "Back to the shipped words")
    for number in (3, 4):
        response = approve_in_admin(logged_in(first), page, number)
        assert response.status_code == 403
    assert not Approval.objects.exists()
    with pytest.raises(governance.GovernanceError):
        governance.approve(governance.latest_revision(page), first, "0" * 64)


def test_after_publication_the_earlier_authors_may_approve_a_new_edit(page):
    first = reviewer("first")
    first.groups.add(Group.objects.get(name=EDITORS))
    save_in_admin(logged_in(first), page, "Edit one", body="First draft.")
    assert approve_in_admin(logged_in(reviewer("second")), page, 2).status_code == 302
    save_in_admin(logged_in(editor()), page, "Edit two", body="Second draft.")
    assert approve_in_admin(logged_in(first), page, 3).status_code == 302
    page.refresh_from_db()
    assert page.body == "Second draft."
    assert Approval.objects.filter(reviewer=first).count() == 1


# Public name and role -------------------------------------------------------------------------


def test_a_forged_name_in_the_approval_post_is_ignored(page):
    save_in_admin(logged_in(editor()), page, "Edit", body="New words.")
    rita = reviewer("rita", public_name="Rita Reviewer", public_role="Myeloma nurse")
    response = approve_in_admin(logged_in(rita), page, 2, reviewer_name="Dr Jane Independent",
                                reviewer_role="Consultant haematologist")  # fmt: skip
    assert response.status_code == 302
    approval = Approval.objects.get()
    assert (approval.reviewer_name, approval.reviewer_role) == ("Rita Reviewer", "Myeloma nurse")
    html = public_html(page)
    assert "Rita Reviewer (Myeloma nurse)" in html
    assert "Jane Independent" not in html


def test_the_approval_form_has_no_name_or_role_to_type(page):
    save_in_admin(logged_in(editor()), page, "Edit", body="New words.")
    url = f"/admin/education/page/{page.pk}/revisions/2/approve/"
    html = logged_in(reviewer()).get(url).content.decode()
    assert 'name="reviewer_name"' not in html and 'name="reviewer_role"' not in html
    assert "You sign as <strong>Rita Reviewer (Myeloma clinical nurse specialist)" in html


def test_a_reviewer_without_a_profile_cannot_approve_and_is_told_why(page):
    save_in_admin(logged_in(editor()), page, "Edit", body="New words.")
    nameless = reviewer("nameless")
    ReviewerProfile.objects.filter(user=nameless).delete()
    response = approve_in_admin(logged_in(nameless), page, 2)
    assert response.status_code == 403
    assert "no reviewer profile" in response.content.decode()
    assert not Approval.objects.exists()


def test_a_superuser_approval_is_shown_on_the_dashboard(page):
    save_in_admin(logged_in(editor()), page, "Edit", body="New words.")
    root = User.objects.create_superuser("root", "r@example.org", "x" * 16)
    root.groups.add(reviewers_group())
    ReviewerProfile.objects.create(user=root, public_name="On-call", public_role="Consultant")
    assert approve_in_admin(logged_in(root), page, 2).status_code == 302
    assert Approval.objects.get().by_superuser
    home = logged_in(reviewer()).get("/admin/").content.decode()
    section = home[home.index("Approvals by superusers") :]
    assert "approved by root as On-call (Consultant)" in section


def test_assign_role_records_the_grant_and_the_profile(page):
    from io import StringIO

    from django.core.management import call_command

    rita = User.objects.create_user("rita", "r@example.org", "x" * 16)
    out = StringIO()
    call_command("assign_role", "rita", "reviewer", public_name="Rita Ruiz",
                 public_role="Myeloma nurse", stdout=out)  # fmt: skip
    assert "Approvals by rita will show: Rita Ruiz (Myeloma nurse)." in out.getvalue()
    messages = list(LogEntry.objects.values_list("change_message", flat=True))
    assert f"Role change: granted {REVIEWERS} to rita (server command line)" in messages
    save_in_admin(logged_in(editor()), page, "Edit", body="New words.")
    rita.refresh_from_db()  # now staff: she signs in with her second factor
    assert approve_in_admin(logged_in(rita), page, 2).status_code == 302
    assert "Rita Ruiz (Myeloma nurse)" in public_html(page)


def test_setting_a_reviewers_password_is_on_the_dashboard():
    boss, rita = administrator(), reviewer("rita")
    url = f"/admin/auth/user/{rita.pk}/password/"
    data = {"password1": "another-long-pass-42", "password2": "another-long-pass-42"}
    response = logged_in(boss).post(url, data | {"usable_password": "true"})
    assert response.status_code == 302
    home = logged_in(reviewer("other")).get("/admin/").content.decode()
    assert "password of rita set by another account (by boss)" in home


def test_a_reviewer_whose_password_someone_else_sets_waits_for_a_second_reviewer(page):
    """boss could now sign in as rita (if she has no second factor yet, boss could enrol one):
    rita's role is taken away until another reviewer confirms it is still her."""
    boss, rita, ed = administrator(), reviewer("rita"), editor()
    data = {"password1": "another-long-pass-42", "password2": "another-long-pass-42",
            "usable_password": "true"}  # fmt: skip
    boss_client = logged_in(boss)
    assert boss_client.post(f"/admin/auth/user/{ed.pk}/password/", data).status_code == 302
    assert ed.groups.filter(name=EDITORS).exists()  # an editor's password: nothing more
    assert not ReviewerGrant.objects.exists()
    assert boss_client.post(f"/admin/auth/user/{rita.pk}/password/", data).status_code == 302
    assert not rita.groups.filter(name=REVIEWERS).exists()
    grant = ReviewerGrant.objects.get(user=rita, outcome="waiting")
    assert grant.asked_by == boss and "password set by another account" in grant.reason
    save_in_admin(boss_client, page, "Boss's words", body="Words nobody else has read.")
    rita.refresh_from_db()  # her new password (boss knows it)
    assert approve_in_admin(logged_in(rita), page, 2).status_code == 403
    other = logged_in(reviewer("other"))
    home = other.get("/admin/").content.decode()
    assert "password set by another account; check it is still them" in home
    assert other.post(grant_url(grant), {"confirm": "on"}).status_code == 302
    assert rita.groups.filter(name=REVIEWERS).exists()
    messages = list(LogEntry.objects.values_list("change_message", flat=True))
    assert f"Role change: removed {REVIEWERS} from rita (password set by another account)" in (
        messages
    )


def test_changing_ones_own_password_keeps_the_reviewer_role():
    rita = reviewer("rita")
    client = logged_in(rita)
    response = client.post("/admin/password_change/", {
        "old_password": "x" * 16, "new_password1": "a-new-long-pass-42",
        "new_password2": "a-new-long-pass-42",
    })  # fmt: skip
    assert response.status_code == 302
    assert rita.groups.filter(name=REVIEWERS).exists()
    assert not ReviewerGrant.objects.exists()


def test_a_superuser_deleting_a_reviewers_second_factor_suspends_the_role():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    root = User.objects.create_superuser("root", "r@example.org", "x" * 16)
    rita, ed = reviewer("rita"), editor()
    root_client = logged_in(root)
    logged_in(rita), logged_in(ed)  # both have an authenticator app now
    device = TOTPDevice.objects.get(user=rita)
    url = f"/admin/otp_totp/totpdevice/{device.pk}/delete/"
    assert root_client.post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=rita).exists()
    assert not rita.groups.filter(name=REVIEWERS).exists()
    grant = ReviewerGrant.objects.get(user=rita, outcome="waiting")
    assert "second factor deleted by another account" in grant.reason
    ed_device = TOTPDevice.objects.get(user=ed)
    root_client.post("/admin/otp_totp/totpdevice/", {
        "action": "delete_selected", "_selected_action": [str(ed_device.pk)], "post": "yes",
    })  # fmt: skip
    assert not TOTPDevice.objects.filter(user=ed).exists()
    assert ReviewerGrant.objects.count() == 1  # an editor: nothing to suspend
