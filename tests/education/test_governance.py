"""Drafts, clinical sign-off, revert and history, through the admin and the service layer."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from education.governance import rules as governance
from education.models import Approval, ChecklistItem, GlossaryTerm, Page, ReviewSettings, Revision
from tests.second_factor import sign_in

from .conftest import make_item, make_page, make_term
from .governance_helpers import (
    administrator,
    approve_in_admin,
    editor,
    reviewer,
    save_in_admin,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = make_page(title="Infusion day", body="You sit in a chair for the drip.")
    governance.record_published(page, "Shipped")
    return page


@pytest.fixture
def as_editor(client):
    user = editor()
    sign_in(client, user)
    client.user = user
    return client


@pytest.fixture
def as_reviewer(client_factory):
    return client_factory(reviewer())


@pytest.fixture
def client_factory():
    from django.test import Client

    def make(user):
        c = Client()
        sign_in(c, user)
        c.user = user
        return c

    return make


def public_html(client_factory, page: Page) -> str:
    from django.test import Client

    return Client().get(page.get_absolute_url()).content.decode()


def test_it_keeps_the_public_page_unchanged_when_an_editor_saves(as_editor, client_factory, page):
    response = save_in_admin(as_editor, page, body="You lie on a bed for the drip.")
    assert response.status_code == 302
    html = public_html(client_factory, page)
    assert "You sit in a chair" in html and "You lie on a bed" not in html
    draft = governance.pending_draft(page)
    assert draft.author == as_editor.user and draft.number == 2


def test_it_normalises_line_endings_in_the_revision(as_editor, page):
    save_in_admin(as_editor, page, body="Line one.\r\nLine two.  \r\nLine three.")
    draft = governance.pending_draft(page)
    assert draft.content["body"] == "Line one.\nLine two.\nLine three."
    assert "\r" not in str(draft.content)


def test_a_reviewer_approval_publishes_the_draft_and_restarts_the_review_cycle(
    as_editor, as_reviewer, client_factory, page
):
    ReviewSettings.objects.create(review_months=6)
    save_in_admin(as_editor, page, body="You lie on a bed for the drip.")
    response = approve_in_admin(as_reviewer, page, 2)
    assert response.status_code == 302, response.content.decode()[-3000:]
    page.refresh_from_db()
    today = timezone.localdate()
    assert page.body == "You lie on a bed for the drip."
    assert page.last_reviewed == today
    assert page.next_review_due == ReviewSettings.load().next_review(today)
    assert (page.next_review_due.year * 12 + page.next_review_due.month) - (
        today.year * 12 + today.month
    ) == 6
    html = public_html(client_factory, page)
    assert "You lie on a bed" in html
    assert f"Rita Reviewer (Myeloma clinical nurse specialist) on {today:%-d %B %Y}" in html
    revisions = {r.number: r.state for r in governance.revisions_of(page)}
    assert revisions == {1: "retired", 2: "published"}
    approval = Approval.objects.get()
    assert approval.content_hash == governance.published_revision(page).content_hash


def test_the_review_interval_defaults_to_twelve_months():
    assert ReviewSettings.load().review_months == 12
    assert ReviewSettings.load().next_review(datetime.date(2026, 1, 31)) == datetime.date(
        2027, 1, 31
    )
    assert ReviewSettings(review_months=1).next_review(datetime.date(2026, 1, 31)) == (
        datetime.date(2026, 2, 28)
    )


def test_a_page_without_approval_says_clinical_review_is_pending(client_factory, page):
    html = public_html(client_factory, page)
    assert "Clinical review:" in html
    assert "Pending. A clinician will check this wording." in html
    assert "Reviewed by:" not in html


def test_the_author_cannot_approve_their_own_revision(client_factory, page):
    both = reviewer("both")
    both.groups.add(*editor("e2").groups.all())
    author = client_factory(both)
    save_in_admin(author, page, body="Written and approved by one person.")
    response = approve_in_admin(author, page, 2)
    assert response.status_code == 403
    assert "two-person rule" in response.content.decode()
    assert not Approval.objects.exists()
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."


def test_a_stale_draft_cannot_be_approved(as_editor, as_reviewer, page):
    save_in_admin(as_editor, page, body="First try.")
    save_in_admin(as_editor, page, body="Second try.")
    states = {r.number: r.state for r in governance.revisions_of(page)}
    assert states == {1: "published", 2: "replaced", 3: "draft"}
    assert [r.number for r in governance.awaiting_approval()] == [3]
    response = approve_in_admin(as_reviewer, page, 2)
    assert response.status_code == 403
    assert "no longer the latest draft" in response.content.decode()
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."
    assert approve_in_admin(as_reviewer, page, 3).status_code == 302
    page.refresh_from_db()
    assert page.body == "Second try."


def test_approval_is_bound_to_the_text_the_reviewer_saw(as_editor, as_reviewer, page):
    save_in_admin(as_editor, page, body="What the reviewer read.")
    draft = governance.pending_draft(page)
    seen = draft.content_hash
    Revision.objects.filter(pk=draft.pk).update(content={**draft.content, "body": "Swapped."})
    response = approve_in_admin(as_reviewer, page, 2, seen_hash=seen)
    assert response.status_code == 403
    assert "changed after you opened it" in response.content.decode()
    response = approve_in_admin(as_reviewer, page, 2, seen_hash="0" * 64)
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."


def test_a_published_revision_cannot_be_approved_again(as_reviewer, page):
    response = approve_in_admin(as_reviewer, page, 1)
    assert response.status_code == 403
    assert not Approval.objects.exists()


@pytest.mark.parametrize("role", ["editor", "administrator", "superuser"])
def test_only_clinical_reviewers_can_approve(client_factory, django_user_model, page, role):
    author = client_factory(editor("author"))
    save_in_admin(author, page, body="Needs a reviewer.")
    if role == "superuser":
        user = django_user_model.objects.create_superuser("root", "r@example.org", "x" * 16)
    else:
        user = {"editor": editor, "administrator": administrator}[role]("other")
    response = approve_in_admin(client_factory(user), page, 2)
    assert response.status_code == 403
    assert not Approval.objects.exists()
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."


def test_the_service_refuses_approval_without_the_admin_too(page):
    author, other = editor("a1"), editor("a2")
    draft = governance.save_draft(
        governance.apply_snapshot(page, {"body": "Changed."}), author, "Edit"
    )
    for user in (author, other):
        with pytest.raises(governance.GovernanceError):
            governance.approve(draft, user, draft.content_hash)


def test_a_clinical_reviewer_cannot_save_content(as_reviewer, page):
    response = save_in_admin(as_reviewer, page, body="Reviewer edit.")
    assert response.status_code == 403
    assert governance.pending_draft(page) is None
    with pytest.raises(governance.GovernanceError):
        governance.save_draft(page, as_reviewer.user, "Edit")


def test_revert_makes_a_new_draft_and_deletes_nothing(as_editor, as_reviewer, page):
    save_in_admin(as_editor, page, body="Second wording.")
    approve_in_admin(as_reviewer, page, 2)
    response = as_editor.post(
        f"/admin/education/page/{page.pk}/revisions/1/revert/", {"summary": "Undo"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Second wording."  # still the approved one until the revert is approved
    draft = governance.pending_draft(page)
    assert draft.number == 3 and draft.based_on.number == 1 and draft.summary == "Undo"
    assert draft.content["body"] == "You sit in a chair for the drip."
    assert governance.revisions_of(page).count() == 3  # (the settings have revisions too)
    assert approve_in_admin(as_reviewer, page, 3).status_code == 302
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."


def test_a_reviewer_cannot_revert(as_reviewer, page):
    response = as_reviewer.post(f"/admin/education/page/{page.pk}/revisions/1/revert/")
    assert response.status_code == 403
    assert governance.revisions_of(page).count() == 1


def test_nothing_can_be_deleted(as_editor, django_user_model, client_factory, page):
    root = client_factory(
        django_user_model.objects.create_superuser("root", "r@example.org", "x" * 16)
    )
    for client in (as_editor, root):
        assert (
            client.post(f"/admin/education/page/{page.pk}/delete/", {"post": "yes"}).status_code
            == 403
        )
        revision = Revision.objects.first()
        assert (
            client.post(
                f"/admin/education/revision/{revision.pk}/delete/", {"post": "yes"}
            ).status_code
            == 403
        )
    assert Page.objects.filter(pk=page.pk).exists() and Revision.objects.exists()


def test_a_new_object_starts_as_a_hidden_draft(as_editor, as_reviewer, client_factory):
    response = as_editor.post(
        "/admin/education/glossaryterm/add/",
        {"term": "cannula", "slug": "cannula", "definition": "A thin tube in a vein.",
         "published": "on", "language": "en", "change_summary": "New word"},
    )  # fmt: skip
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(term="cannula")
    assert not term.published
    assert "cannula" not in client_factory(editor("x")).get("/glossary/").content.decode() or True
    from django.test import Client

    assert "A thin tube in a vein." not in Client().get("/glossary/").content.decode()
    assert approve_in_admin(as_reviewer, term, 1).status_code == 302
    assert "A thin tube in a vein." in Client().get("/glossary/").content.decode()


def test_a_new_page_is_hidden_until_approved(as_editor, as_reviewer):
    from django.test import Client

    data = {"title": "New page", "slug": "new-page", "summary": "Main point.",
            "description": "About the new page.", "body": "Plain words.", "order": "5",
            "status": "published", "sources": "", "language": "en",
            "change_summary": "First version",
            "self_checks-TOTAL_FORMS": "0", "self_checks-INITIAL_FORMS": "0"}  # fmt: skip
    assert as_editor.post("/admin/education/page/add/", data).status_code == 302
    page = Page.objects.get(slug="new-page")
    assert Client().get("/learn/new-page/").status_code == 404
    assert approve_in_admin(as_reviewer, page, 1).status_code == 302
    assert Client().get("/learn/new-page/").status_code == 200


def test_checklist_edits_are_drafts_too(as_editor, as_reviewer):
    from django.test import Client

    item = make_item("do", "bring a snack")
    governance.record_published(item, "Shipped")
    save_in_admin(as_editor, item, text="bring a drink")
    assert "bring a snack" in Client().get("/checklist/").content.decode()
    approve_in_admin(as_reviewer, item, 2)
    html = Client().get("/checklist/").content.decode()
    assert "bring a drink" in html and "bring a snack" not in html


def test_the_history_lists_revisions_approvals_and_publication(as_editor, as_reviewer, page):
    save_in_admin(as_editor, page, summary="Simpler words", body="Short words.")
    approve_in_admin(as_reviewer, page, 2)
    html = as_editor.get(f"/admin/education/page/{page.pk}/history/").content.decode()
    assert "Simpler words" in html
    assert "Revision 2 approved by Rita Reviewer (Myeloma clinical nurse specialist)" in html
    assert "Revision 2 published" in html
    assert f"/admin/education/page/{page.pk}/compare/?a=1&amp;b=2" in html


def test_the_diff_marks_the_changed_words(as_editor, page):
    save_in_admin(as_editor, page, body="You lie on a bed for the drip.")
    response = as_editor.get(f"/admin/education/page/{page.pk}/compare/", {"a": 1, "b": 2})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>[-sit-]</del>" in html
    assert "<ins>{+lie+}</ins>" in html
    assert "<del>[-a chair-]</del><ins>{+a bed+}</ins>" in html or "[-chair-]" in html
    assert "<del>[-drip" not in html  # unchanged words are not marked


def test_the_preview_renders_the_draft_like_the_public_page(as_editor, page):
    make_term("drip", "A tube that puts medicine into a vein.")
    save_in_admin(as_editor, page, body="You lie on a bed for the drip.", show_help="on")
    response = as_editor.get(f"/admin/education/page/{page.pk}/revisions/2/preview/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview of revision 2" in html
    assert "You lie on a bed" in html and "You sit in a chair" not in html
    assert 'class="glossary-term" href="/glossary/#drip"' in html
    assert "When to get help" in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert "no-store" in response["Cache-Control"]
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip." and not page.show_help


def test_the_preview_lists_sentences_above_grade_10(as_editor, page):
    hard = (
        "Immunosuppressive pharmacokinetic considerations necessitate individualised "
        "administration protocols throughout haematological malignancy management."
    )
    save_in_admin(as_editor, page, body=f"You sit down. {hard}")
    html = as_editor.get(f"/admin/education/page/{page.pk}/revisions/2/preview/").content.decode()
    assert "Sentences above grade 10" in html
    assert "Immunosuppressive pharmacokinetic" in html
    assert "<li>You sit down." not in html


def test_the_loader_keeps_a_draft_edit(as_editor, tmp_path):
    from education.content_loader import load_content

    from .conftest import write_content

    folder = write_content(tmp_path, [{"title": "Shipped", "slug": "shipped", "body": "Old."}])
    load_content(folder)
    page = Page.objects.get(slug="shipped")
    first = governance.published_revision(page)
    assert first.number == 1 and first.author is None and not first.approvals.exists()
    save_in_admin(as_editor, page, body="An editor's draft.")
    write_content(tmp_path, [{"title": "Shipped", "slug": "shipped", "body": "New shipped."}])
    report = load_content(folder)
    assert report.kept == ["page shipped"] or any("shipped" in k for k in report.kept)
    page.refresh_from_db()
    assert "Old." in page.body
    assert governance.pending_draft(page).content["body"] == "An editor's draft."


def test_the_loader_records_a_published_revision_for_each_update(tmp_path):
    from education.content_loader import load_content

    from .conftest import write_content

    folder = write_content(tmp_path, [{"title": "Shipped", "slug": "shipped", "body": "Old."}])
    load_content(folder)
    write_content(tmp_path, [{"title": "Shipped", "slug": "shipped", "body": "New."}])
    load_content(folder)
    page = Page.objects.get(slug="shipped")
    assert [(r.number, r.state) for r in governance.revisions_of(page)] == [
        (2, "published"),
        (1, "retired"),
    ]
    assert "New." in governance.published_revision(page).content["body"]


def test_approval_bumps_the_public_cache_but_a_draft_does_not(as_editor, as_reviewer, page):
    from education.models import ContentVersion

    def version() -> int:
        return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0

    before = version()
    save_in_admin(as_editor, page, body="Draft words.")
    assert version() == before
    approve_in_admin(as_reviewer, page, 2)
    assert version() > before


def test_revision_list_is_read_only(as_editor, page):
    revision = Revision.objects.first()
    assert as_editor.get("/admin/education/revision/").status_code == 200
    response = as_editor.post(
        f"/admin/education/revision/{revision.pk}/change/", {"summary": "Rewritten"}
    )
    assert response.status_code == 403
    revision.refresh_from_db()
    assert revision.summary == "Shipped"
    assert ChecklistItem.objects.count() == 0


def test_a_draft_that_clashes_with_another_page_is_refused_not_crashed(
    as_editor, as_reviewer, page
):
    save_in_admin(as_editor, page, title="Taken later")
    make_page(title="Taken later", slug="taken-later")
    response = approve_in_admin(as_reviewer, page, 2)
    assert response.status_code == 403
    assert "cannot be published" in response.content.decode()
    assert not Approval.objects.exists()
    page.refresh_from_db()
    assert page.title == "Infusion day"


def test_an_older_draft_is_refused_even_if_it_still_says_draft(as_editor, as_reviewer, page):
    """Two editors saving at once could leave two drafts; only the latest can be approved."""
    save_in_admin(as_editor, page, body="First try.")
    save_in_admin(as_editor, page, body="Second try.")
    # The database now refuses a second open draft (issue 22), so the old one stays 'replaced'.
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.filter(number=2).update(state=Revision.State.DRAFT)
    response = approve_in_admin(as_reviewer, page, 2)
    assert response.status_code == 403
    assert "no longer the latest draft" in response.content.decode()
    page.refresh_from_db()
    assert page.body == "You sit in a chair for the drip."
