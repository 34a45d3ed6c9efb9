import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from education.content_loader import ContentError, load_content, parse_page_file
from education.models import ChecklistItem, GlossaryTerm, HelpSettings, Page, Revision

from .conftest import write_content

pytestmark = pytest.mark.django_db

CHECKLIST = [
    {"kind": "do", "text": "bring a snack", "why": "The first infusion is long.", "order": 10},
    {"kind": "dont", "text": "skip your blood tests", "why": "They keep you safe.", "order": 20},
]
GLOSSARY = [
    {"term": "infusion", "other_spellings": ["drip"], "definition": "Medicine into a vein."},
]


@pytest.fixture
def content(tmp_path):
    return write_content(
        tmp_path,
        [
            {"title": "What is it?", "slug": "what-is-it"},
            {"title": "Side effects", "slug": "side-effects", "show_help": "yes"},
        ],
        checklist=CHECKLIST,
        glossary=GLOSSARY,
    )


def test_it_parses_a_page_file(content):
    values = parse_page_file(content / "pages" / "02-side-effects.md")
    assert values["title"] == "Side effects"
    assert values["order"] == 20
    assert values["show_help"] is True
    assert values["status"] == "published"
    assert values["last_reviewed"] == datetime.date(2026, 11, 21)
    assert values["sources"] == (
        "US prescribing information, section 1 | https://example.org/label\nA book with no link"
    )
    assert values["body"] == "## Heading\n\nPlain words here.\n"


def test_it_loads_pages_checklist_and_glossary(content):
    report = load_content(content)
    assert len(report.created) == 5
    page = Page.objects.get(slug="side-effects")
    assert page.is_published and page.show_help
    assert page.reading_grade is not None
    assert page.source_list()[1] == ("A book with no link", "")
    assert list(ChecklistItem.objects.values_list("kind", flat=True)) == ["do", "dont"]
    assert GlossaryTerm.objects.get().spellings() == ["infusion", "drip"]
    assert not HelpSettings.objects.exists()


def test_loading_twice_changes_nothing(content):
    load_content(content)
    revisions_before = Revision.objects.count()
    report = load_content(content)
    assert report.created == [] and report.updated == [] and len(report.unchanged) == 5
    assert Revision.objects.count() == revisions_before


def test_reloading_updates_content_nobody_has_edited(content):
    load_content(content)
    path = content / "pages" / "01-what-is-it.md"
    path.write_text(path.read_text().replace("Plain words here.", "New plain words."))
    report = load_content(content)
    assert report.updated == ["page page:what-is-it"]
    assert "New plain words." in Page.objects.get(slug="what-is-it").body


def test_reloading_keeps_an_admin_edit(content):
    load_content(content)
    page = Page.objects.get(slug="what-is-it")
    page.body = "The admin's own words."
    page.save()
    item = ChecklistItem.objects.get(order=10)
    item.why = "The admin's reason."
    item.save()
    path = content / "pages" / "01-what-is-it.md"
    path.write_text(path.read_text().replace("Plain words here.", "Shipped update."))
    report = load_content(content)
    assert sorted(report.kept) == ["checklist item checklist:10", "page page:what-is-it"]
    assert Page.objects.get(slug="what-is-it").body == "The admin's own words."
    assert ChecklistItem.objects.get(order=10).why == "The admin's reason."


def test_it_does_not_bring_back_content_an_admin_deleted(content):
    load_content(content)
    GlossaryTerm.objects.get(term="infusion").delete()
    report = load_content(content)
    assert report.deleted_by_admin == ["glossary term glossary:infusion"]
    assert not GlossaryTerm.objects.exists()


def test_help_numbers_fill_only_an_empty_record(tmp_path):
    help_data = {"centre_name": "Unit A", "phone_24h": "0100", "emergency_number": "112"}
    content = write_content(tmp_path, [], help=help_data)
    load_content(content)
    assert HelpSettings.load().centre_name == "Unit A"
    settings = HelpSettings.load()
    settings.centre_name = "Unit B"
    settings.save()
    load_content(content)
    assert HelpSettings.load().centre_name == "Unit B"


def test_the_command_says_when_it_kept_an_admin_edit(content):
    call_command("load_initial_content", content_dir=content, stdout=StringIO())
    Page.objects.filter(slug="side-effects").update(title="Edited title")
    out = StringIO()
    call_command("load_initial_content", content_dir=content, stdout=out)
    assert "Kept the admin's edit of page page:side-effects" in out.getvalue()


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [
        ("title: What is it?\n", "", "missing title"),
        ("order: 10", "order: ten", "invalid literal"),
        ("show_help: no", "show_help: maybe", "show_help must be yes or no"),
        ("reviewer: Content team", "reviewer Content team", "not understood"),
        ("last_reviewed: 2026-11-21", "last_reviewed: 21/11/2026", "isoformat"),
    ],
)
def test_it_reports_a_malformed_page_file_by_name(content, find, replace, message):
    path = content / "pages" / "01-what-is-it.md"
    path.write_text(path.read_text().replace(find, replace))
    with pytest.raises(ContentError) as error:
        load_content(content)
    assert str(error.value).startswith("01-what-is-it.md: ")
    assert message in str(error.value)


def test_it_refuses_a_double_negative_dont_item(tmp_path):
    bad = [{"kind": "dont", "text": "Do not skip doses", "why": "Why.", "order": 10}]
    content = write_content(tmp_path, [], checklist=bad)
    with pytest.raises(ContentError, match="not with 'do not'"):
        load_content(content)
    assert not ChecklistItem.objects.exists()


def test_it_loads_each_checklist_items_heading(tmp_path):
    items = [
        {"kind": "do", "text": "have the test", "why": "W.", "order": 10, "group": "before"},
        {"kind": "do", "text": "no heading given", "why": "W.", "order": 20},
    ]
    load_content(write_content(tmp_path, [], checklist=items))
    groups = dict(ChecklistItem.objects.values_list("text", "group"))
    assert groups == {"have the test": "before", "no heading given": "every_day"}


def test_it_refuses_an_unknown_checklist_heading(tmp_path):
    bad = [{"kind": "do", "text": "x", "why": "Why.", "order": 10, "group": "someday"}]
    with pytest.raises(ContentError, match="group must be one of before, infusion_day"):
        load_content(write_content(tmp_path, [], checklist=bad))


def _fever_migration():
    import importlib

    return importlib.import_module("education.migrations.0002_fever_threshold")


def test_the_heading_migration_lets_unedited_items_update_and_keeps_admin_edits(tmp_path):
    """Items loaded before the heading field existed carry a hash of the old fields only."""
    from django.apps import apps

    from education.models import fingerprint

    migration = _fever_migration()
    old = [
        {"kind": "do", "text": "bring a snack", "why": "It is long.", "order": 10},
        {"kind": "do", "text": "call about a fever", "why": "Be safe.", "order": 20},
    ]
    load_content(write_content(tmp_path / "v1", [], checklist=old))
    for item in ChecklistItem.objects.all():
        values = {name: getattr(item, name) for name in migration.OLD_FIELDS}
        ChecklistItem.objects.filter(pk=item.pk).update(shipped_hash=fingerprint(values))
    ChecklistItem.objects.filter(order=20).update(why="The admin's reason.")
    migration.keep_unedited_items_updatable(apps, None)
    new = [
        {**old[0], "group": "infusion_day"},
        {**old[1], "why": "Shipped reason.", "group": "call_now"},
    ]
    report = load_content(write_content(tmp_path / "v2", [], checklist=new))
    assert report.updated == ["checklist item checklist:10"]
    assert report.kept == ["checklist item checklist:20"]
    assert ChecklistItem.objects.get(order=10).group == "infusion_day"
    edited = ChecklistItem.objects.get(order=20)
    assert edited.why == "The admin's reason." and edited.group == "every_day"
