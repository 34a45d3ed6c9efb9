"""Issue 26, the parts left last time: get-help has its own governed self-check (it is a page
shown under the red-flag tiers, so its questions can send the reader back to a tier), and a
reworded heading can no longer break a question's "Read this part again" link, by the admin
form or by approval."""

import logging
import re

import pytest
from django.core.cache import cache
from django.test import Client

from education.content_loader import load_content
from education.governance import rules as governance
from education.models import Page, SelfCheckAnswer
from education.selfcheck.questions import SNAPSHOT_KEY
from tests.second_factor import sign_in

from .governance_helpers import approve_in_admin, change_form, editor, reviewer, save_in_admin

pytestmark = pytest.mark.django_db

TIER_TITLES = {
    "en": {"call-now": "Urgent: call your 24-hour number now",
           "emergency": "Emergency: call your emergency number now"},
    "es": {"call-now": "Urgente: llame ya a su número de 24 horas",
           "emergency": "Emergencia: llame ya al número de emergencias"},
}  # fmt: skip


@pytest.fixture
def shipped():
    load_content()
    cache.clear()


def fields_of(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'name="(q\d+)"', html)))


@pytest.mark.parametrize(("language", "url"), [("en", "/get-help/"), ("es", "/es/get-help/")])
def test_get_help_has_a_self_check_that_sends_the_reader_back_to_a_tier(
    shipped, language, url, caplog
):
    page = Page.objects.get(slug="get-help", language=language)
    questions = governance.published_revision(page).content[SNAPSHOT_KEY]
    assert 3 <= len(questions) <= 5
    client = Client()
    html = client.get(url).content.decode()
    # the tiers come first, then the page's governed wording, then the questions
    assert (
        html.index('id="call-now"')
        < html.index('class="page-body"')
        < html.index('id="self-check-title"')
    )
    assert f'action="{url}#self-check"' in html
    names = fields_of(html)
    assert len(names) == len(questions)
    caplog.set_level(logging.DEBUG)
    response = client.post(url, {})  # nothing answered: every explanation and link shows
    answered = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert not response.cookies
    for q in questions:
        if "{fever}" not in q["explanation"]:
            assert q["explanation"] in answered
        title = TIER_TITLES[language].get(q["anchor"])
        assert f'<a href="#{q["anchor"]}">' in answered
        if title:
            assert f"{title}</a>" in answered, q["anchor"]
    assert "{fever}" not in answered and "38" in answered.split('id="self-check-title"')[1]
    assert not [r for r in caplog.records if "get-help" in r.getMessage()]
    assert not SelfCheckAnswer.objects.exists()  # unanswered questions are not counted
    right = {names[n]: str(q["answer"]) for n, q in enumerate(questions)}
    done = client.post(url, right).content.decode()
    count = len(questions)
    expected = f"You got {count} of {count}." if language == "en" else f"Ha acertado {count} de"
    assert expected in done
    assert SelfCheckAnswer.objects.filter(correct=True).count() == count


def test_the_get_help_wording_is_a_governed_page(shipped):
    """Get-help's own sentences were template text; now a change to them is a draft that the
    public sees only after a second person approves it."""
    page = Page.objects.get(slug="get-help", language="en")
    as_editor, as_reviewer = Client(), Client()
    sign_in(as_editor, editor())
    sign_in(as_reviewer, reviewer())
    body = page.body.replace("by your bed", "by your bed and on the fridge")
    assert save_in_admin(as_editor, page, "Fridge", body=body).status_code == 302
    cache.clear()
    assert "on the fridge" not in Client().get("/get-help/").content.decode()
    draft = governance.pending_draft(page)
    assert approve_in_admin(as_editor, page, draft.number).status_code == 403
    assert approve_in_admin(as_reviewer, page, draft.number).status_code == 302
    cache.clear()
    assert "on the fridge" in Client().get("/get-help/").content.decode()
    # the Spanish translation now says the English page changed, like any translated page
    spanish = Client().get("/es/get-help/").content.decode()
    assert "La página en inglés cambió" in spanish
    assert re.search(r'<a href="/get-help/"[^>]*>Lea la página en inglés', spanish)
    # the reviewer previewed it as it shows: under the tiers, with the draft's wording
    preview = f"/admin/education/page/{page.pk}/revisions/{draft.number}/preview/"
    shown = as_reviewer.get(preview).content.decode()
    assert 'id="call-now"' in shown and "on the fridge" in shown
    assert Client().get("/learn/get-help/")["Location"] == "/get-help/"
    learn = Client().get("/learn/").content.decode()
    assert 'href="/learn/get-help/"' not in learn  # not listed twice: it has its own place


def test_rewording_a_heading_a_question_links_to_is_refused_and_the_edit_kept(shipped):
    page = Page.objects.get(slug="infusion-day", language="en")
    assert "## What if I have a reaction?" in page.body
    as_editor = Client()
    sign_in(as_editor, editor())
    body = page.body.replace("## What if I have a reaction?", "## If you have a reaction")
    response = save_in_admin(as_editor, page, "Shorter heading", body=body)
    assert response.status_code == 200  # the form again, with the message
    html = response.content.decode()
    assert "links to a section this page does not have: what-if-i-have-a-reaction" in html
    assert "if-you-have-a-reaction" in html  # the sections to choose from are listed
    assert "## If you have a reaction" in html  # the editor's edit is still in the form
    assert governance.pending_draft(page) is None
    # the same save with the question pointed at the new heading goes through
    data = change_form(as_editor, page)
    fixed = {
        key: "if-you-have-a-reaction"
        for key, value in data.items()
        if key.endswith("-anchor") and value == "what-if-i-have-a-reaction"
    }
    assert fixed
    response = save_in_admin(as_editor, page, "Shorter heading", body=body, **fixed)
    assert response.status_code == 302
    draft = governance.pending_draft(page)
    assert "if-you-have-a-reaction" in {q["anchor"] for q in draft.content[SNAPSHOT_KEY]}


def test_a_broken_link_cannot_be_approved_by_any_door(shipped):
    """A draft made outside the admin form (e.g. by code or a restored old revision) whose
    questions link to a heading the body no longer has is refused at approval."""
    page = Page.objects.get(slug="infusion-day", language="en")
    author = editor()
    page.body = page.body.replace("## What if I have a reaction?", "## If you have a reaction")
    draft = governance.save_draft(page, author, "Heading reworded outside the form")
    assert "what-if-i-have-a-reaction" in {q["anchor"] for q in draft.content[SNAPSHOT_KEY]}
    as_reviewer = Client()
    sign_in(as_reviewer, reviewer())
    response = approve_in_admin(as_reviewer, page, draft.number)
    assert governance.published_revision(page).pk != draft.pk
    with pytest.raises(governance.GovernanceError, match="what-if-i-have-a-reaction"):
        governance.approve(draft, reviewer("rev2"), draft.content_hash)
    cache.clear()
    assert "What if I have a reaction?" in Client().get("/learn/infusion-day/").content.decode()
    assert response.status_code in (200, 302, 403)


@pytest.mark.parametrize("slug", ["nerve-damage", "steroid-effects", "pomalidomide"])
def test_a_page_with_a_self_check_links_the_symptom_diary(shipped, slug):
    """A tool to act with (PEMAT-P item 23): pages without the help block still offer the
    diary, next to the self-check."""
    html = Client().get(f"/learn/{slug}/").content.decode()
    assert 'href="/diary/"' in html.split('class="page-body"', 1)[1]
    assert "Print a symptom and temperature diary" in html


def test_the_admin_lists_the_sections_a_question_can_link_to(shipped):
    page = Page.objects.get(slug="get-help", language="en")
    as_editor = Client()
    sign_in(as_editor, editor())
    html = as_editor.get(f"/admin/education/page/{page.pk}/change/").content.decode()
    assert "sections: emergency, call-now, next-visit, in-short" in html
