"""Two or more editors on one page: the stale form is refused with the difference, never a
500, never a silently lost edit, never two open drafts (issue 22)."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.test import Client

from education.governance import rules as governance
from education.models import Page, Revision

from .conftest import make_page
from .governance_helpers import change_form, editor, logged_in

ORIGINAL = "You sit in a chair for the drip."
STALE = "Someone changed this since you opened it"


def published_page() -> Page:
    page = make_page(title="Infusion day", body=ORIGINAL)
    governance.record_published(page, "Shipped")
    return page


def post_form(client: Client, page: Page, data: dict, **changes):
    url = f"/admin/education/page/{page.pk}/change/"
    return client.post(url, data | changes | {"change_summary": changes.get("body", "edit")[:50]})


def drafts(page: Page) -> list[Revision]:
    return list(governance.revisions_of(page).filter(state=Revision.State.DRAFT))


@pytest.mark.django_db
def test_a_save_from_a_stale_form_is_refused_with_the_difference():
    page = published_page()
    anna, ben = logged_in(editor("anna")), logged_in(editor("ben"))
    anna_form, ben_form = change_form(anna, page), change_form(ben, page)
    assert post_form(ben, page, ben_form, body="You lie on a bed for the drip.").status_code == 302
    response = post_form(anna, page, anna_form, body="Anna's careful rewrite.")
    html = response.content.decode()
    assert response.status_code == 200
    assert STALE in html
    assert "<del>[-sit-]</del>" in html and "<ins>{+lie+}</ins>" in html
    assert "Anna&#x27;s careful rewrite." in html  # her edit is still in the form, not lost
    assert [r.content["body"] for r in drafts(page)] == ["You lie on a bed for the drip."]
    # Opened again, her save goes through on top of Ben's draft, which it replaces.
    fresh = change_form(anna, page)
    assert post_form(anna, page, fresh, body="Anna's careful rewrite.").status_code == 302
    assert [r.content["body"] for r in drafts(page)] == ["Anna's careful rewrite."]
    page.refresh_from_db()
    assert page.body == ORIGINAL


@pytest.mark.django_db
def test_the_service_refuses_a_stale_base_too():
    page = published_page()
    governance.save_draft(
        governance.apply_snapshot(page, {"body": "One."}), editor(), "One", base=1
    )
    from education.governance.concurrency import StaleEdit

    with pytest.raises(StaleEdit):
        governance.save_draft(
            governance.apply_snapshot(page, {"body": "Two."}), editor("e2"), "Two", base=1
        )
    assert len(drafts(page)) == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_open_draft():
    page = published_page()
    governance.save_draft(governance.apply_snapshot(page, {"body": "One."}), editor(), "One")
    ct = ContentType.objects.get_for_model(Page)
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(content_type=ct, object_id=page.pk, number=9, content={},
                                content_hash="x", summary="Forged", author_name="x")  # fmt: skip
    assert len(drafts(page)) == 1


EDITORS = 8


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("draft_waiting", [False, True])
def test_editors_saving_at_once_give_one_draft_and_clear_refusals(draft_waiting):
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions need PostgreSQL (SQLite serialises writers)")
    page = published_page()
    if draft_waiting:
        governance.save_draft(governance.apply_snapshot(page, {"body": "Waiting."}), editor(), "W")
    clients = [logged_in(editor(f"ed{n}")) for n in range(EDITORS)]
    forms = [change_form(c, page) for c in clients]
    barrier, results = threading.Barrier(EDITORS), [None] * EDITORS

    def save(n: int) -> None:
        barrier.wait()
        try:
            response = post_form(clients[n], page, forms[n], body=f"Edit by editor {n}.")
            results[n] = (response.status_code, STALE in response.content.decode())
        except Exception as exc:  # a 500 in the test client
            results[n] = (500, repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    winners = [n for n, r in enumerate(results) if r == (302, False)]
    assert len(winners) == 1, results
    assert all(r == (200, True) for n, r in enumerate(results) if n not in winners), results
    open_drafts = drafts(page)
    assert [d.content["body"] for d in open_drafts] == [f"Edit by editor {winners[0]}."]
    assert governance.revisions_of(page).count() == (3 if draft_waiting else 2)
