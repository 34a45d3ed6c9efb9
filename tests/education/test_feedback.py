"""'Was this page helpful?': stores page, revision and date only; no cookie; abuse limits."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from education import feedback
from education.governance import rules as governance
from education.models import PageFeedback
from tests.second_factor import sign_in

from .conftest import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = make_page(title="Side effects", slug="side-effects")
    governance.record_published(page, "Shipped")
    return page


@pytest.fixture
def strict():
    """A client that enforces CSRF like a real browser without a cookie would."""
    return Client(enforce_csrf_checks=True)


def feedback_form(html: str) -> dict:
    form = re.search(r'<form class="feedback__form".*?</form>', html, re.S).group(0)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def test_every_public_page_ends_with_the_feedback_question(strict, page):
    for url in ["/", "/learn/", page.get_absolute_url(), "/checklist/", "/glossary/",
                "/get-help/", "/search/?q=drip", "/schedule/"]:  # fmt: skip
        response = strict.get(url)
        html = response.content.decode()
        assert "Was this page helpful?" in html, url
        assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
        assert "Set-Cookie" not in response.serialize_headers().decode(), url
        assert not response.cookies, url


def test_a_yes_stores_exactly_page_revision_and_date(strict, page):
    hidden = feedback_form(strict.get(page.get_absolute_url()).content.decode())
    response = strict.post(
        "/feedback/",
        hidden | {"helpful": "yes", "website": ""},
        REMOTE_ADDR="198.51.100.77",
        HTTP_USER_AGENT="Secret-Agent/1.0",
    )
    assert response.status_code == 302
    assert response["Location"] == "/feedback/thanks/?page=%2Flearn%2Fside-effects%2F"
    assert not response.cookies and "Set-Cookie" not in response.serialize_headers().decode()
    record = PageFeedback.objects.get()
    assert record.path == "/learn/side-effects/"
    assert record.revision == governance.published_revision(page)
    assert record.helpful is True and record.reason == ""
    assert record.date == timezone.localdate()
    stored = {f.name for f in PageFeedback._meta.concrete_fields} - {"id"}
    assert stored == {"path", "revision", "helpful", "reason", "date"}
    row = " ".join(str(v) for v in PageFeedback.objects.values().get().values())
    assert "198.51.100.77" not in row and "Secret-Agent" not in row
    thanks = strict.get(response["Location"])
    assert thanks.status_code == 200 and "Thank you" in thanks.content.decode()
    assert not thanks.cookies


def test_a_no_then_a_reason_is_stored_on_the_same_answer(strict, page):
    hidden = feedback_form(strict.get(page.get_absolute_url()).content.decode())
    response = strict.post("/feedback/", hidden | {"helpful": "no"})
    html = response.content.decode()
    assert response.status_code == 200 and "What was wrong with the page?" in html
    for label in ["hard to understand", "missing", "out of date", "Something else"]:
        assert label in html
    assert "<textarea" not in html and 'type="text" id="reason-website"' in html  # trap only
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = strict.post("/feedback/reason/", {"token": token, "reason": "outdated"})
    assert response.status_code == 302
    record = PageFeedback.objects.get()
    assert record.helpful is False and record.reason == "outdated"
    strict.post("/feedback/reason/", {"token": token, "reason": "other"})  # only once
    assert PageFeedback.objects.get().reason == "outdated"


def test_the_honeypot_stores_nothing(strict, page):
    hidden = feedback_form(strict.get(page.get_absolute_url()).content.decode())
    response = strict.post("/feedback/", hidden | {"helpful": "yes", "website": "http://spam"})
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"page": "/learn/side-effects/"},
        {"page": "/learn/side-effects/", "helpful": "maybe"},
        {"page": "https://evil.example/", "helpful": "yes"},
        {"page": "//evil.example/", "helpful": "yes"},
        {"page": "/admin/", "helpful": "yes"},
        {"page": "/no-such-page/at/all/", "helpful": "yes"},
        {"page": "/" + "x" * 500, "helpful": "yes"},
        {},
    ],
)
def test_bad_answers_get_a_clear_page_not_an_error(strict, page, data):
    response = strict.post("/feedback/", data)
    assert response.status_code == 400
    assert "could not count your answer" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_forged_reason_token_is_refused(strict, page):
    record = PageFeedback.objects.create(path="/learn/side-effects/", helpful=False)
    response = strict.post("/feedback/reason/", {"token": f"{record.pk}:forged", "reason": "hard"})
    assert response.status_code == 400
    assert PageFeedback.objects.get().reason == ""


def test_a_revision_that_is_not_shown_on_that_page_is_not_stored(strict, page):
    other = make_page(title="Other", slug="other")
    other_revision = governance.record_published(other, "Shipped")
    strict.post("/feedback/", {"page": "/learn/side-effects/", "helpful": "yes",
                               "revision": str(other_revision.pk)})  # fmt: skip
    assert PageFeedback.objects.get().revision is None


def test_the_rate_limit_counts_per_page_without_any_address(strict, page, monkeypatch):
    monkeypatch.setattr(feedback, "PAGE_LIMIT", 3)
    answers = [strict.post("/feedback/", {"page": "/learn/side-effects/", "helpful": "yes"},
                           REMOTE_ADDR=f"203.0.113.{n}") for n in range(5)]  # fmt: skip
    assert [r.status_code for r in answers] == [302, 302, 302, 429, 429]
    assert PageFeedback.objects.count() == 3
    assert "try again in a minute" in answers[-1].content.decode()
    for key in cache._cache:  # the locmem cache's own keys
        assert "203.0.113" not in str(key)
    other = strict.post("/feedback/", {"page": "/checklist/", "helpful": "yes"})
    assert other.status_code == 302  # another page still counts


def test_the_rate_limit_also_caps_the_whole_site(strict, page, monkeypatch):
    monkeypatch.setattr(feedback, "SITE_LIMIT", 2)
    codes = [strict.post("/feedback/", {"page": url, "helpful": "no"}).status_code
             for url in ["/", "/checklist/", "/glossary/"]]  # fmt: skip
    assert codes == [200, 200, 429]


def test_feedback_totals_show_per_page_and_revision_in_the_admin(client, page, admin_user):
    revision = governance.published_revision(page)
    today = datetime.date(2026, 11, 30)
    for helpful, reason in [(True, ""), (True, ""), (False, "hard"), (False, "outdated")]:
        PageFeedback.objects.create(path="/learn/side-effects/", revision=revision,
                                    helpful=helpful, reason=reason, date=today)  # fmt: skip
    sign_in(client, admin_user)
    html = client.get("/admin/education/pagefeedback/").content.decode()
    row = re.search(r"<tr><th scope=\"row\">/learn/side-effects/</th>(.*?)</tr>", html, re.S)
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells == [str(revision.number), "2", "2", "1", "0", "1", "0"]
    history = client.get(f"/admin/education/page/{page.pk}/history/").content.decode()
    assert "Yes 2, No 2" in history


@pytest.mark.parametrize(
    "data",
    [
        {"page": "/learn/no-such-page/", "helpful": "yes"},
        {"page": "/es/learn/no-such-page/", "helpful": "no"},
        {"page": "/learn/side-effects/", "helpful": "yes", "revision": "²"},
        {"page": "/learn/side-effects/", "helpful": "yes", "revision": "١٢"},
        {"page": "/learn/side-effects/", "helpful": "yes", "revision": "-1"},
        {"page": "/learn/side-effects/", "helpful": "yes", "revision": "1e3"},
        {"page": "/learn/side-effects/", "helpful": "yes", "revision": "9" * 40},
    ],
)
def test_unknown_pages_and_malformed_revisions_get_a_400_and_no_row(strict, page, data):
    response = strict.post("/feedback/", data)
    assert response.status_code == 400
    assert "could not count your answer" in response.content.decode()
    assert not PageFeedback.objects.exists()
