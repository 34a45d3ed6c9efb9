"""The review dashboard on the admin home page, and the reminder e-mails to reviewers."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from education.governance import rules as governance
from education.models import HelpSettings, PageFeedback, Revision
from tests.second_factor import sign_in

from .conftest import make_page
from .governance_helpers import editor, reviewer

pytestmark = pytest.mark.django_db

HARD = (
    "Isatuximab is a chimeric immunoglobulin monoclonal antibody directed against "
    "transmembrane glycoprotein, mediating antibody-dependent cellular cytotoxicity."
)


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def content():
    overdue = make_page(title="Overdue page", last_reviewed=days(-400), next_review_due=days(-5))
    soon = make_page(title="Soon page", last_reviewed=days(-300), next_review_due=days(30))
    later = make_page(title="Later page", last_reviewed=days(-10), next_review_due=days(200))
    hard = make_page(title="Hard page", body=f"You sit down. {HARD}", next_review_due=days(300))
    for page in (overdue, soon, later, hard):
        governance.record_published(page, "Shipped")
    author = editor("writer")
    draft_of = governance.apply_snapshot(later, {"body": "A waiting draft."})
    draft = governance.save_draft(draft_of, author, "Plainer words")
    Revision.objects.filter(pk=draft.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=9)
    )
    PageFeedback.objects.create(path="/learn/test-page-3/", helpful=False, reason="hard")
    return {"author": author}


@pytest.fixture
def home(client, content):
    sign_in(client, reviewer())
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading: str) -> str:
    start = html.index(heading)
    end = html.find("<h3>", start + 1)
    return html[start : end if end > 0 else None]


def test_it_lists_overdue_and_soon_reviews_but_not_later_ones(home):
    due = section(home, "Reviews overdue or due in the next 60 days")
    assert "Overdue page" in due and "OVERDUE" in due
    assert "Soon page" in due and "in 30 days" in due
    assert "Later page" not in due


def test_it_lists_drafts_awaiting_approval_and_for_how_long(home):
    waiting = section(home, "Drafts waiting for clinical approval")
    assert "Later page" in waiting and "Plainer words" in waiting and "Waiting 9 days" in waiting


def test_it_lists_hard_pages_with_their_hard_sentences(home):
    hard = section(home, "Pages above reading grade 8")
    assert "Hard page" in hard and "chimeric immunoglobulin" in hard
    assert "You sit down" not in hard
    assert "Later page" not in hard


def test_it_lists_empty_help_numbers(home, client):
    numbers = section(home, "Help numbers")
    assert "24-hour phone number" in numbers and "emergency number" in numbers
    HelpSettings(phone_24h="0100 000 000", emergency_number="999").save()
    assert "All help numbers are set" in client.get("/admin/").content.decode()


def test_it_shows_feedback_counts(home):
    feedback = section(home, "Page feedback")
    assert "/learn/test-page-3/" in feedback


def test_people_without_access_to_content_see_no_dashboard(client, content, django_user_model):
    user = django_user_model.objects.create_user("staff", password="x" * 16, is_staff=True)
    sign_in(client, user)
    assert "Review dashboard" not in client.get("/admin/").content.decode()


def test_the_reminder_command_mails_each_reviewer_what_is_due(content):
    first = reviewer("rev1")
    second = reviewer("rev2")
    second.groups.add(*content["author"].groups.all())
    Revision.objects.filter(state="draft").update(author=second)
    reviewer("no-mail").__class__.objects.filter(username="no-mail").update(email="")
    editor("not-a-reviewer")
    out = StringIO()
    call_command("send_review_reminders", stdout=out)
    assert "Sent 2 reminder" in out.getvalue()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {first.email, second.email}
    body = by_address[first.email].body
    assert "Overdue page: OVERDUE" in body and "Soon page: due" in body
    assert "Later page" in body and "Plainer words" in body
    # The author of the draft is not asked to approve it.
    assert "Plainer words" not in by_address[second.email].body
    assert "Overdue page" in by_address[second.email].body


def test_the_reminder_command_sends_nothing_when_nothing_is_due(db):
    reviewer("idle")
    out = StringIO()
    call_command("send_review_reminders", stdout=out)
    assert mail.outbox == [] and "Sent 0" in out.getvalue()


def test_it_lists_published_pages_without_clinical_sign_off(home):
    unsigned = section(home, "Published pages without clinical sign-off")
    for title in ["Overdue page", "Soon page", "Later page", "Hard page"]:
        assert title in unsigned


def test_an_approved_page_leaves_the_sign_off_list(client, content):
    rita = reviewer()
    draft = governance.awaiting_approval()[0]
    governance.approve(draft, rita, draft.content_hash)
    sign_in(client, rita)
    unsigned = section(client.get("/admin/").content.decode(), "Published pages without")
    assert "Later page" not in unsigned and "Soon page" in unsigned
