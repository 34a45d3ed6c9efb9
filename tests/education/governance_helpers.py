"""Users in each role, and the steps of the editor -> reviewer flow, for the governance tests."""

import re

from django.contrib.auth.models import Group, User
from django.test import Client

from education.governance import rules as governance
from education.governance.roles import ADMINISTRATORS, EDITORS, REVIEWERS
from education.models import ReviewerProfile
from tests.second_factor import sign_in


def logged_in(user) -> Client:
    """Signed in through the real second factor (tests/second_factor.py)."""
    return sign_in(Client(), user)


def user_in(role: str, username: str, **fields) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "x" * 16, is_staff=True,
                                    **fields)  # fmt: skip
    user.groups.add(Group.objects.get(name=role))
    return user


def editor(username: str = "ed") -> User:
    return user_in(EDITORS, username, first_name="Eddie", last_name="Editor")


def reviewer(
    username: str = "rev",
    public_name: str = "Rita Reviewer",
    public_role: str = "Myeloma clinical nurse specialist",
) -> User:
    """A clinical reviewer with the profile an administrator would set (name and role)."""
    user = user_in(REVIEWERS, username, first_name="Rita", last_name="Reviewer")
    ReviewerProfile.objects.create(user=user, public_name=public_name, public_role=public_role)
    return user


def administrator(username: str = "boss") -> User:
    return user_in(ADMINISTRATORS, username)


def change_form(client, obj) -> dict:
    """The admin change form of ``obj`` as POST data (what the browser would send back)."""
    from tests.education.test_admin import form_data

    meta = obj._meta
    return form_data(client.get(f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"))


def save_in_admin(client, obj, summary: str = "An edit", **changes):
    meta = obj._meta
    data = change_form(client, obj) | changes | {"change_summary": summary}
    return client.post(f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/", data)


def approve_in_admin(client, obj, number: int, seen_hash: str | None = None, **fields):
    meta = obj._meta
    url = f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/revisions/{number}/approve/"
    form = client.get(url)
    found = re.search(r'name="content_hash" value="([0-9a-f]*)"', form.content.decode())
    if seen_hash is None:  # what the form showed, or (when it refused) the true hash anyway
        revision = governance.revisions_of(obj).filter(number=number).first()
        seen_hash = found.group(1) if found else (revision.content_hash if revision else "")
    data = {
        "reviewer_name": "Rita Reviewer",
        "reviewer_role": "Myeloma clinical nurse specialist",
        "content_hash": seen_hash,
        "confirm": "on",
    } | fields
    return client.post(url, data)
