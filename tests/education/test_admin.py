import datetime

import pytest
from django.contrib.auth.models import User

from education.governance.rules import latest_revision
from education.models import HelpSettings, Page
from tests.second_factor import sign_in

from .conftest import make_item, make_page, make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    sign_in(client, User.objects.create_superuser("editor", "e@example.org", "x" * 16))
    return client


def form_data(response) -> dict:
    """The values of the admin form on a change page, ready to POST back."""
    data = _fields(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:  # e.g. self-checks
        formset = inline.formset
        data |= _fields(formset.management_form)
        for form in formset.forms:
            data |= _fields(form)
    return data


def _fields(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = value.isoformat() if isinstance(value, datetime.date) else value
    return data


def test_editing_a_page_in_the_admin_makes_a_draft_and_leaves_the_public_page_alone(
    admin_client,
):
    page = make_page(body="The original words.")
    change_url = f"/admin/education/page/{page.pk}/change/"
    data = form_data(admin_client.get(change_url))
    data["body"] = "The edited words."
    data["change_summary"] = "Try new words"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    public = admin_client.get(f"/learn/{page.slug}/").content.decode()
    assert "The original words." in public and "The edited words." not in public
    page.refresh_from_db()
    assert page.body == "The original words."
    draft = latest_revision(page)
    assert draft.is_draft and draft.content["body"] == "The edited words."
    assert draft.summary == "Try new words"
    # The form opens on the draft, so the editor carries on from it.
    assert "The edited words." in admin_client.get(change_url).content.decode()


def test_a_save_without_a_change_summary_is_refused(admin_client):
    page = make_page(body="The original words.")
    change_url = f"/admin/education/page/{page.pk}/change/"
    data = form_data(admin_client.get(change_url))
    data["body"] = "The edited words."
    data["change_summary"] = "   "
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert latest_revision(page) is None


def test_the_admin_stores_and_shows_the_reading_grade(admin_client):
    page = make_page(
        body="Isatuximab is a chimeric immunoglobulin monoclonal antibody directed against "
        "transmembrane glycoprotein, mediating antibody-dependent cellular cytotoxicity."
    )
    assert page.reading_grade > 8
    listing = admin_client.get("/admin/education/page/").content.decode()
    assert str(page.reading_grade) in listing
    change = admin_client.get(f"/admin/education/page/{page.pk}/change/").content.decode()
    assert "Reading grade" in change and str(page.reading_grade) in change
    assert 'name="reading_grade"' not in change  # read-only


def test_the_admin_filters_pages_overdue_for_review(admin_client):
    make_page(title="Overdue page", next_review_due=datetime.date(2020, 1, 1),
              last_reviewed=datetime.date(2019, 1, 1))  # fmt: skip
    make_page(title="Current page", next_review_due=datetime.date(2099, 1, 1))
    listing = admin_client.get("/admin/education/page/", {"review": "overdue"}).content.decode()
    assert "Overdue page" in listing and "Current page" not in listing
    assert "OVERDUE" in listing


def test_the_order_cannot_be_changed_from_the_list_without_a_draft(admin_client):
    first = make_page(title="First", order=10)
    second = make_page(title="Second", order=20)
    data = {
        "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "_save": "Save",
        "form-0-id": str(first.pk), "form-0-order": "30",
        "form-1-id": str(second.pk), "form-1-order": "20",
    }  # fmt: skip
    admin_client.post("/admin/education/page/", data)
    titles = [p.title for p in Page.objects.published()]
    assert titles == ["First", "Second"]  # every change goes through a draft and approval
    assert latest_revision(first) is None


def test_the_admin_refuses_a_bad_source_link(admin_client):
    page = make_page()
    url = f"/admin/education/page/{page.pk}/change/"
    data = form_data(admin_client.get(url))
    data["sources"] = "Label | javascript:alert(1)"
    data["change_summary"] = "New source"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "not a full http(s) address" in response.content.decode()


def test_the_admin_refuses_a_double_negative_checklist_item(admin_client):
    response = admin_client.post(
        "/admin/education/checklistitem/add/",
        {"kind": "dont", "text": "do not miss a dose", "why": "Why.", "order": "10",
         "published": "on", "language": "en", "change_summary": "New item"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "start with the action itself" in response.content.decode()


def test_view_on_site_previews_a_draft_for_staff(admin_client):
    page = make_page(status=Page.Status.DRAFT)
    change = admin_client.get(f"/admin/education/page/{page.pk}/change/").content.decode()
    assert "View on site" in change
    assert admin_client.get(page.get_absolute_url()).status_code == 200


def test_help_settings_allow_one_record_only(admin_client):
    assert admin_client.get("/admin/education/helpsettings/add/").status_code == 200
    response = admin_client.post(
        "/admin/education/helpsettings/add/",
        {
            "centre_name": "Unit A",
            "phone_24h": "0100 000",
            "emergency_number": "999",
            "fever_threshold_c": "38.0",
            "change_summary": "Our unit's numbers",  # settings are drafts too (issue 22)
        },
    )
    assert response.status_code == 302
    assert admin_client.get("/admin/education/helpsettings/add/").status_code == 403
    HelpSettings(centre_name="Another").save()
    assert HelpSettings.objects.count() == 1
    settings = HelpSettings.load()
    assert settings.centre_name == "Another"
    assert settings.history.count() == 2
    response = admin_client.post(
        f"/admin/education/helpsettings/{settings.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/education/page/",
        "/admin/education/checklistitem/",
        "/admin/education/glossaryterm/",
        "/admin/education/helpsettings/",
    ],
)
def test_every_admin_list_works(admin_client, url):
    make_page()
    make_item("do", "bring a snack")
    make_term("drip", "A tube into a vein.")
    assert admin_client.get(url, {"q": "a"}).status_code == 200


def test_every_editable_field_has_help_text():
    from education.models import ChecklistItem, GlossaryTerm

    for model in [Page, ChecklistItem, GlossaryTerm, HelpSettings]:
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
                if field.name in {"updated_at"}:
                    continue
                assert field.help_text, f"{model.__name__}.{field.name} has no help_text"


@pytest.mark.parametrize("model", ["page", "checklistitem", "glossaryterm"])
def test_editors_cannot_delete_content_so_nothing_is_lost(admin_client, model):
    objects = {
        "page": make_page,
        "checklistitem": lambda: make_item("do", "bring a snack"),
        "glossaryterm": lambda: make_term("drip", "A tube into a vein."),
    }
    obj = objects[model]()
    response = admin_client.post(f"/admin/education/{model}/{obj.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
