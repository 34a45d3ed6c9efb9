"""The data migration carries today's safety settings over as published, changing nothing."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from education.governance.snapshots import content_hash

from .conftest import migrate

BEFORE = [("education", "0010_search_synonym_published")]
AFTER = [("education", "0011_settings_under_sign_off")]


@pytest.mark.django_db(transaction=True)
def test_todays_settings_become_published_revision_1():
    old = migrate(BEFORE)
    old.get_model("education", "HelpSettings").objects.create(
        pk=1, centre_name="Unit A", phone_24h="0100", emergency_number="999",
        fever_threshold_c=Decimal("37.5"),
    )  # fmt: skip
    old.get_model("education", "ReviewSettings").objects.create(pk=1, review_months=6)
    synonym_model = old.get_model("education", "SearchSynonym")
    synonym_model.objects.get_or_create(words="jab, vaccine, booster")
    synonyms = synonym_model.objects.count()  # the shipped list too, unless a flush removed it
    try:
        new = migrate(AFTER)
        revisions = new.get_model("education", "Revision").objects.select_related("content_type")
        by_model: dict[str, list] = {}
        for revision in revisions:
            by_model.setdefault(revision.content_type.model, []).append(revision)
        (help_rev,) = by_model["helpsettings"]
        assert (help_rev.number, help_rev.state, help_rev.author_id) == (1, "published", None)
        expected = {"centre_name": "Unit A", "phone_24h": "0100", "emergency_number": "999",
                    "fever_threshold_c": "37.5"}  # fmt: skip
        assert help_rev.content == expected
        assert help_rev.content_hash == content_hash(help_rev.content)
        assert by_model["reviewsettings"][0].content == {"review_months": 6}
        assert synonyms > 0 and len(by_model["searchsynonym"]) == synonyms
        assert all(r.content["published"] is True for r in by_model["searchsynonym"])
        live = new.get_model("education", "HelpSettings").objects.get()
        assert live.fever_threshold_c == Decimal("37.5") and live.phone_24h == "0100"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_duplicate_open_drafts_left_by_the_old_race_become_replaced():
    old = migrate([("education", "0008_reviewer_profiles")])
    ct = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="education", model="page"
    )[0]
    revisions = old.get_model("education", "Revision").objects
    for number in (1, 2, 3):
        revisions.create(content_type=ct, object_id=42, number=number, content={},
                         content_hash="x", summary="s", author_name="a", state="draft")  # fmt: skip
    try:
        new = migrate([("education", "0009_one_open_draft")])
        states = dict(
            new.get_model("education", "Revision")
            .objects.filter(object_id=42)
            .values_list("number", "state")
        )
        assert states == {1: "replaced", 2: "replaced", 3: "draft"}
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
