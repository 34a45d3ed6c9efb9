"""Issue 22: a backup restores into a fresh database with every row of every table intact.

Runs on SQLite always and on PostgreSQL when DATABASE_URL points there (CI's second pass);
pg_dump/pg_restore come from PATH or /usr/lib/postgresql/*/bin.
"""

import uuid
from urllib.parse import quote

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from access import backup, second_factor
from education.governance import rules as governance
from education.models import Page, PageFeedback
from tests.education.conftest import make_page
from tests.education.governance_helpers import administrator, editor, reviewer
from tests.second_factor import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
MUST_BE_FILLED = [
    "auth_user",
    "auth_user_groups",
    "otp_totp_totpdevice",
    "otp_static_statictoken",
    "axes_accessattempt",
    "django_admin_log",
    "education_revision",
    "education_approval",
    "education_pagefeedback",
]


def fill(client) -> None:
    """Pages with drafts and approvals (the real governance functions), a Spanish translation,
    feedback, users in roles with second-factor devices, a lockout record and the admin log."""
    author, rita, boss = editor("writer"), reviewer("rita"), administrator("boss")
    page = make_page(title="Infusion day", body="You sit in a chair for the drip.")
    governance.record_published(page, "Shipped")
    draft = governance.save_draft(
        governance.apply_snapshot(page, {"body": "You lie on a bed."}), author, "Bed"
    )
    governance.approve(draft, rita, draft.content_hash)  # signs as her reviewer profile
    governance.save_draft(governance.apply_snapshot(page, {"body": "A chair again."}), author, "2")
    spanish = make_page(title="Día de la infusión", slug="dia-de-infusion", language="es",
                        translation_of=page, source_revision=draft)  # fmt: skip
    governance.record_published(spanish, "Traducción")
    PageFeedback.objects.create(path="/learn/infusion-day/", revision=draft, helpful=True)
    PageFeedback.objects.create(path="/es/learn/dia-de-infusion/", helpful=False, reason="hard")
    sign_in(client, rita)  # a TOTP device that has accepted a code (last_t, drift)
    second_factor.new_recovery_codes(rita)
    client.post("/admin/login/", {"username": "boss", "password": "wrong"})  # axes records
    page_type = ContentType.objects.get_for_model(Page)
    for flag, user in [(ADDITION, boss), (CHANGE, author)]:
        LogEntry.objects.create(
            user=user,
            content_type=page_type,
            object_id=str(page.pk),
            object_repr=str(page),
            action_flag=flag,
            change_message="[]",
        )


def rows_by_table(wrapper) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order (or all columns without one)."""
    tables = {}
    with wrapper.cursor() as cursor:
        for table in sorted(wrapper.introspection.table_names(cursor)):
            keys = wrapper.introspection.get_primary_key_columns(cursor, table) or []
            quoted = wrapper.ops.quote_name(table)
            order = ", ".join(wrapper.ops.quote_name(k) for k in keys) or "1"
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")
            tables[table] = cursor.fetchall()
    return tables


@pytest.fixture
def fresh_database(tmp_path):
    """A new, empty database of the same kind as the test database, and its URL."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        name = tmp_path / "fresh.sqlite3"
        yield f"sqlite:///{name}", {**settings, "NAME": str(name)}
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user, password = quote(settings["USER"], safe=""), quote(settings["PASSWORD"], safe="")
    url = f"postgres://{user}:{password}@{settings['HOST']}:{settings['PORT']}/{name}"
    yield url, {**settings, "NAME": name}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_a_backup_restores_every_row_of_every_table_exactly(client, tmp_path, fresh_database):
    fill(client)
    path = tmp_path / f"site.{backup.extension(connection.settings_dict)}"
    url, fresh_settings = fresh_database

    call_command("backup", str(path))
    call_command("restore", str(path), into=url)

    restored = type(connections["default"])(fresh_settings, alias="restored")
    try:
        before, after = rows_by_table(connection), rows_by_table(restored)
    finally:
        restored.close()
    assert list(after) == list(before)
    for table in before:
        assert after[table] == before[table], table
    for table in MUST_BE_FILLED:
        assert before[table], f"{table} was not filled, so the test proves nothing for it"
    stamps = [entry.action_time for entry in LogEntry.objects.all()]
    assert any(stamp.microsecond % 1000 for stamp in stamps)  # finer than dumpdata keeps


def test_a_restore_refuses_to_overwrite_a_database_in_use(client, tmp_path):
    editor("writer")
    path = tmp_path / f"site.{backup.extension(connection.settings_dict)}"
    call_command("backup", str(path))

    with pytest.raises(CommandError, match="already holds accounts or content"):
        call_command("restore", str(path))
    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore", str(tmp_path / "missing"), force=True)
