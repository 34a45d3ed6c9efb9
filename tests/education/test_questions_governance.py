"""The question builder's prompts are clinical wording: an editor's change is a draft the public
does not see until a different person, a clinical reviewer, approves it; the editor cannot
approve their own change, and a new prompt starts hidden."""

import pytest
from django.test import Client

from education.governance import rules as governance
from education.models import QuestionPrompt
from tests.second_factor import sign_in

from .governance_helpers import approve_in_admin, editor, reviewer, save_in_admin

pytestmark = pytest.mark.django_db
OLD = "How long will my first drip take?"
NEW = "How long will my first drip take, start to end?"


@pytest.fixture
def prompt_item():
    item = QuestionPrompt.objects.create(text=OLD, group="infusion_day", order=20)
    governance.record_published(item, "Shipped")
    return item


def signed_in(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def public() -> str:
    return Client().get("/questions/").content.decode()


def test_an_edit_is_public_only_after_another_person_approves_it(prompt_item):
    author = signed_in(editor())
    response = save_in_admin(author, prompt_item, summary="Say start to end", text=NEW)
    assert response.status_code == 302
    assert OLD in public() and NEW not in public()
    refused = approve_in_admin(author, prompt_item, 2)  # the author tries to approve it
    assert refused.status_code in (302, 403)
    prompt_item.refresh_from_db()
    assert prompt_item.text == OLD and NEW not in public()
    approve_in_admin(signed_in(reviewer()), prompt_item, 2)
    html = public()
    assert NEW in html and OLD not in html


def test_a_reviewer_cannot_approve_a_change_they_wrote(prompt_item):
    own_work = signed_in(reviewer())
    save_in_admin(own_work, prompt_item, summary="Say start to end", text=NEW)
    approve_in_admin(own_work, prompt_item, 2)
    prompt_item.refresh_from_db()
    assert prompt_item.text == OLD and NEW not in public()


def test_a_new_prompt_starts_hidden_until_approved():
    author = signed_in(editor())
    data = {"text": "Can I travel?", "group": "after", "order": "70", "published": "on",
            "language": "en", "change_summary": "A question about travel"}  # fmt: skip
    response = author.post("/admin/education/questionprompt/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = QuestionPrompt.objects.get(text="Can I travel?")
    assert not new.published and "Can I travel?" not in public()
    approve_in_admin(signed_in(reviewer()), new, 1)
    assert "Can I travel?" in public()
