"""Migration 0007 drops the old edit history of governed content and loses nothing else.

Rows are written at 0006 (revisions, an approval, feedback, the old history), then the
migration runs forward: every revision, approval and feedback row is still there unchanged,
the three Historical* tables are gone, and content deleted before revisions existed is kept as
a retired revision, so the content loader still does not bring it back.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from education.content_loader import load_content
from education.models import GlossaryTerm

from .conftest import migrate, write_content

BEFORE = [("education", "0006_languages")]
AFTER = [("education", "0007_one_history")]
WHEN = datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)
PAGE = {
    "title": "Old page", "slug": "old-page", "summary": "Main point.", "description": "Old.",
    "body": "Line one.", "order": 10, "status": "published", "show_help": False,
    "last_reviewed": datetime.date(2026, 1, 1), "next_review_due": datetime.date(2027, 1, 1),
    "reviewer": "Nurse", "sources": "", "language": "en", "content_key": "page:old-page",
    "shipped_hash": "", "updated_at": WHEN,
}  # fmt: skip
TERM = {
    "term": "Drip", "slug": "drip", "other_spellings": "", "definition": "A tube into a vein.",
    "published": True, "language": "en", "content_key": "glossary:drip", "shipped_hash": "",
    "updated_at": WHEN,
}  # fmt: skip


def rows(apps, model_name: str) -> list[dict]:
    return list(apps.get_model("education", model_name).objects.order_by("pk").values())


def _history(apps, model_name: str, values: dict, pk: int, kind: str) -> None:
    model = apps.get_model("education", f"historical{model_name}")
    model.objects.create(id=pk, history_date=WHEN, history_type=kind, **values)


def _governed_rows(old) -> None:
    """A live page with two revisions, an approval and feedback; its old history rows; and a
    glossary term created and deleted before revisions were recorded (history only)."""
    ct = old.get_model("contenttypes", "ContentType").objects
    page_ct, _ = ct.get_or_create(app_label="education", model="page")
    page = old.get_model("education", "Page").objects.create(**PAGE)
    revisions = old.get_model("education", "Revision").objects
    first = revisions.create(
        content_type=page_ct, object_id=page.pk, number=1, content={"title": "Old page"},
        content_hash="a" * 64, summary="First", author_name="Content team", state="published",
        published_at=WHEN,
    )  # fmt: skip
    editor = old.get_model("auth", "User").objects.create(username="editor")
    revisions.create(
        content_type=page_ct, object_id=page.pk, number=2, content={"title": "New page"},
        content_hash="b" * 64, summary="Second", author=editor, author_name="Ed", state="draft",
    )  # fmt: skip
    old.get_model("education", "Approval").objects.create(
        revision=first, reviewer=editor, reviewer_name="Dr R", reviewer_role="Haematologist",
        content_hash="a" * 64, approved_on=datetime.date(2026, 5, 2), created_at=WHEN,
    )  # fmt: skip
    old.get_model("education", "PageFeedback").objects.create(
        path="/learn/old-page/", revision=first, helpful=False, reason="hard"
    )
    _history(old, "page", PAGE, page.pk, "+")
    _history(old, "page", PAGE | {"title": "Edited"}, page.pk, "~")
    _history(old, "glossaryterm", TERM, 41, "+")
    _history(old, "glossaryterm", TERM, 41, "-")


@pytest.mark.django_db(transaction=True)
def test_revisions_approvals_and_feedback_survive_and_the_old_history_goes(tmp_path):
    old = migrate(BEFORE)
    _governed_rows(old)
    before = {name: rows(old, name) for name in ("revision", "approval", "pagefeedback")}
    try:
        new = migrate(AFTER)
        after = {name: rows(new, name) for name in before}
        assert after["approval"] == before["approval"] and len(after["approval"]) == 1
        assert after["pagefeedback"] == before["pagefeedback"] and len(before["pagefeedback"]) == 1
        assert after["revision"][:2] == before["revision"] and len(before["revision"]) == 2
        kept = after["revision"][2]
        assert (kept["object_id"], kept["number"], kept["state"]) == (41, 1, "retired")
        assert kept["content"]["term"] == "Drip" and kept["author_id"] is None
        assert kept["created_at"] == WHEN
        tables = set(connection.introspection.table_names())
        assert not tables & {f"education_historical{m}" for m in ("page", "checklistitem")}
        assert "education_historicalglossaryterm" not in tables
        assert {"education_historicalhelpsettings", "education_historicalsearchsynonym"} <= tables
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    content = write_content(tmp_path, [], glossary=[{"term": "Drip", "definition": "A tube."}])
    report = load_content(content)
    assert report.deleted_by_admin == ["glossary term glossary:drip"]
    assert not GlossaryTerm.objects.exists()
