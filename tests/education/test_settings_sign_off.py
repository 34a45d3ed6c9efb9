"""Safety settings under sign-off: the fever temperature, the care team's numbers, search
synonyms and the review interval are drafts until a different clinical reviewer approves them;
every public reader keeps the approved values until then (issue 22)."""

import io
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader

from education.governance import rules as governance
from education.models import HelpSettings, ReviewSettings, SearchSynonym

from .conftest import make_page
from .governance_helpers import administrator, approve_in_admin, logged_in, reviewer, save_in_admin

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"
OLD_FEVER, NEW_FEVER = "38 °C (100.4 °F)", "39 °C (102.2 °F)"


def in_language(fever: str, where: str) -> str:
    """The threshold as the page writes it: with a decimal comma under /es/ (issue 25)."""
    return fever.replace(".", ",") if where.startswith(("/es/", "es ")) else fever


OLD_PHONE, NEW_PHONE = "0100 000 1111", "0999 999 9999"
PUBLIC_URLS = ["/get-help/", "/checklist/", "/learn/side-effects/", "/es/get-help/",
               "/es/checklist/", "/es/learn/side-effects/"]  # fmt: skip


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("&nbsp;", " ")


def diary_pdf_text(url: str = "/diary/pdf/") -> str:
    response = Client().get(url, {"paper": "a4", "weeks": "1"})
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return plain(" ".join(" ".join(p.extract_text().split()) for p in reader.pages))


def public_texts() -> dict[str, str]:
    texts = {url: plain(Client().get(url).content.decode()) for url in PUBLIC_URLS}
    texts["diary pdf"] = diary_pdf_text()
    texts["es diary pdf"] = diary_pdf_text("/es/diary/pdf/")
    return texts


@pytest.fixture
def site():
    """The shipped content and today's help settings, published (as the data migration does)."""
    call_command("load_initial_content", stdout=StringIO())
    settings = HelpSettings(phone_24h=OLD_PHONE, emergency_number="999")
    settings.save()
    governance.record_published(settings, "Values in use")
    return settings


def test_a_fever_and_phone_change_is_not_public_until_a_different_reviewer_approves(site):
    boss = administrator()
    response = save_in_admin(logged_in(boss), site, "Hotter fever, new number",
                             fever_threshold_c="39.0", phone_24h=NEW_PHONE)  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert HelpSettings.load().fever_threshold_c == Decimal("38.0")
    waiting = logged_in(reviewer("dash")).get("/admin/").content.decode()
    assert "Help settings (care team numbers)</a>,\n      revision 2 by boss" in waiting
    for where, text in public_texts().items():
        old, new = in_language(OLD_FEVER, where), in_language(NEW_FEVER, where)
        assert old in text and new not in text, where
        assert NEW_PHONE not in text, where
    # The administrator, even when also a reviewer, cannot approve their own change.
    boss.groups.add(*reviewer("alt").groups.all())
    from education.models import ReviewerProfile

    ReviewerProfile.objects.create(user=boss, public_name="Boss", public_role="Admin")
    assert approve_in_admin(logged_in(boss), site, 2).status_code == 403
    assert NEW_FEVER not in plain(Client().get("/get-help/").content.decode())
    assert approve_in_admin(logged_in(reviewer()), site, 2).status_code == 302
    for where, text in public_texts().items():
        old, new = in_language(OLD_FEVER, where), in_language(NEW_FEVER, where)
        assert new in text and old not in text, where
    assert NEW_PHONE in plain(Client().get("/get-help/").content.decode())


def test_settings_have_history_diff_and_preview_like_pages(site):
    save_in_admin(logged_in(administrator()), site, "New number", phone_24h=NEW_PHONE)
    staff = logged_in(reviewer())
    base = f"/admin/education/helpsettings/{site.pk}"
    history = staff.get(f"{base}/history/").content.decode()
    assert "Revision 2 saved by boss: New number" in history
    compare = staff.get(f"{base}/compare/?a=1&b=2").content.decode()
    assert "<del>[-0100-]</del>" in compare and "9999+}</ins>" in compare
    preview = plain(staff.get(f"{base}/revisions/2/preview/").content.decode())
    assert NEW_PHONE in preview and "Preview of revision 2" in preview


def test_a_new_help_settings_record_keeps_the_defaults_until_approved(client):
    boss = logged_in(administrator())
    data = {"centre_name": "Unit A", "phone_24h": NEW_PHONE, "emergency_number": "112",
            "fever_threshold_c": "37.5", "change_summary": "Our numbers"}  # fmt: skip
    assert boss.post("/admin/education/helpsettings/add/", data).status_code == 302
    live = HelpSettings.load()
    assert (live.phone_24h, live.fever_threshold_c) == ("", Decimal("38.0"))
    assert NEW_PHONE not in client.get("/get-help/").content.decode()
    assert approve_in_admin(logged_in(reviewer()), live, 1).status_code == 302
    assert NEW_PHONE in client.get("/get-help/").content.decode()


def test_a_new_search_synonym_is_not_used_until_approved(client):
    page = make_page(title="Vaccines", body="Ask before any booster.")
    governance.record_published(page, "Shipped")
    boss = logged_in(administrator())
    data = {"words": "jabz, booster", "published": "on", "change_summary": "Slang"}
    response = boss.post("/admin/education/searchsynonym/add/", data)
    assert response.status_code == 302
    group = SearchSynonym.objects.get(words="jabz, booster")
    assert not group.published
    assert "Vaccines" not in client.get("/search/", {"q": "jabz"}).content.decode()
    assert approve_in_admin(logged_in(reviewer()), group, 1).status_code == 302
    assert "Vaccines" in client.get("/search/", {"q": "jabz"}).content.decode()


def test_an_edit_of_a_live_synonym_waits_for_approval(client):
    page = make_page(title="Vaccines", body="Ask before any booster.")
    governance.record_published(page, "Shipped")
    group = SearchSynonym.objects.create(words="jabz, booster")
    governance.record_published(group, "Shipped")
    save_in_admin(logged_in(administrator()), group, "Off", published="")
    assert "Vaccines" in client.get("/search/", {"q": "jabz"}).content.decode()
    approve_in_admin(logged_in(reviewer()), group, 2)
    assert "Vaccines" not in client.get("/search/", {"q": "jabz"}).content.decode()


def test_the_review_interval_changes_only_after_approval():
    settings = ReviewSettings.objects.create(review_months=12)
    governance.record_published(settings, "In use")
    boss, rita = logged_in(administrator()), logged_in(reviewer())
    assert save_in_admin(boss, settings, "Shorter", review_months="6").status_code == 302
    assert ReviewSettings.load().review_months == 12
    page = make_page()
    governance.record_published(page, "Shipped")
    save_in_admin(boss, page, "Edit", body="New words.")
    approve_in_admin(rita, page, 2)
    page.refresh_from_db()
    assert (page.next_review_due - page.last_reviewed).days > 300
    approve_in_admin(logged_in(reviewer("rev2")), settings, 2)
    assert ReviewSettings.load().review_months == 6


def test_the_shipped_help_numbers_are_published_by_the_loader(tmp_path):
    from .conftest import write_content

    root = write_content(tmp_path, [{"title": "One", "slug": "one"}], help={"phone_24h": "0100"})
    from education.content_loader import load_content

    load_content(root)
    published = governance.published_revision(HelpSettings.load())
    assert published is not None and published.content["phone_24h"] == "0100"
