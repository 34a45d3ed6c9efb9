"""The data migration makes existing content revision 1 of each object, losing nothing."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .conftest import migrate

BEFORE = [("education", "0004_governance")]
AFTER = [("education", "0005_governance_data")]


@pytest.mark.django_db(transaction=True)
def test_existing_content_becomes_published_revision_1_with_sign_off_pending():
    old = migrate(BEFORE)
    page_model = old.get_model("education", "Page")
    page = page_model.objects.create(
        title="Old page", slug="old-page", summary="Main point.", description="Old.",
        body="Line one.\r\nLine two.", order=10, status="published", show_help=True,
        last_reviewed=datetime.date(2026, 1, 1), next_review_due=datetime.date(2027, 1, 1),
        reviewer="Nurse", sources="Label | https://example.org",
    )  # fmt: skip
    item = old.get_model("education", "ChecklistItem").objects.create(
        kind="do", text="bring a snack", why="It helps.", order=10, published=False
    )
    term = old.get_model("education", "GlossaryTerm").objects.create(
        term="drip", slug="drip", definition="A tube into a vein."
    )
    try:
        new = migrate(AFTER)
        revisions = new.get_model("education", "Revision").objects.all()
        assert revisions.count() == 3
        by_model = {r.content_type.model: r for r in revisions}
        first = by_model["page"]
        assert (first.number, first.state, first.author_id) == (1, "published", None)
        assert first.content["body"] == "Line one.\nLine two."
        assert first.content["show_help"] is True and first.content["sources"].startswith("Label")
        assert first.object_id == page.pk
        assert by_model["checklistitem"].content["published"] is False
        assert by_model["glossaryterm"].content["definition"] == "A tube into a vein."
        assert by_model["glossaryterm"].object_id == term.pk and item.pk
        assert not new.get_model("education", "Approval").objects.exists()
        kept = new.get_model("education", "Page").objects.get(pk=page.pk)
        assert kept.body == "Line one.\r\nLine two." and kept.reviewer == "Nurse"
        groups = new.get_model("auth", "Group").objects
        reviewers = groups.get(name="Clinical reviewers")
        assert reviewers.permissions.filter(codename="approve_revision").exists()
        assert (
            not groups.get(name="Content editors")
            .permissions.filter(codename="approve_revision")
            .exists()
        )
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
