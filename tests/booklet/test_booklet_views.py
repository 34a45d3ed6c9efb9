"""The booklet's addresses: one build per content version, ETag and 304, cache headers,
a polite 503 without WeasyPrint, and the links to the booklet from the site."""

import gzip as gzip_module
import sys
from unittest import mock

import pytest

from education.booklet import store
from education.models import ChecklistItem, Page
from tests.education.conftest import make_item, make_page

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

A4 = "/booklet/isatuximab-guide-a4.pdf"
LARGE = "/booklet/isatuximab-guide-a4-large-print.pdf"


@pytest.fixture
def page() -> Page:
    make_item("do", "Bring your medicines list")
    return make_page(title="What is isatuximab?", slug="what-is-isatuximab")


@pytest.fixture
def builds(monkeypatch) -> mock.Mock:
    """Counts real builds: wraps the builder the store calls."""
    spy = mock.Mock(wraps=store.build_booklet)
    monkeypatch.setattr(store, "build_booklet", spy)
    return spy


@pytest.mark.usefixtures("needs_weasyprint")
def test_it_builds_once_per_content_version_and_then_serves_the_cached_one(client, page, builds):
    first = client.get(A4)
    second = client.get(A4)
    assert first.status_code == second.status_code == 200
    assert builds.call_count == 1
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


@pytest.mark.usefixtures("needs_weasyprint")
def test_a_published_edit_gives_a_new_booklet_on_the_next_request(client, page, builds):
    before = client.get(A4)
    page.title = "What is isatuximab, and how does it work?"
    page.save()
    after = client.get(A4)
    assert builds.call_count == 2
    assert after["ETag"] != before["ETag"]
    assert "What is isatuximab, and how does it work?" in pdf_text(after.content)
    assert "What is isatuximab, and how does it work?" not in pdf_text(before.content)


@pytest.mark.usefixtures("needs_weasyprint")
def test_a_checklist_edit_also_gives_a_new_booklet(client, page, builds):
    client.get(A4)
    item = ChecklistItem.objects.get()
    item.text = "Bring a list of every medicine you take"
    item.save()
    client.get(A4)
    assert builds.call_count == 2
    assert "Bring a list of every medicine you take" in pdf_text(client.get(A4).content)


@pytest.mark.usefixtures("needs_weasyprint")
def test_each_edition_is_built_and_cached_on_its_own(client, page, builds):
    client.get(A4)
    client.get(LARGE)
    client.get(A4)
    client.get(LARGE)
    assert builds.call_count == 2
    editions = [call.args[0] for call in builds.call_args_list]
    assert [edition.key for edition in editions] == ["a4-standard", "a4-large"]


@pytest.mark.usefixtures("needs_weasyprint")
def test_it_sends_cache_headers_and_an_inline_file_name(client, page):
    response = client.get(LARGE)
    assert response["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34
    assert response["Content-Disposition"] == (
        'inline; filename="isatuximab-guide-a4-large-print.pdf"'
    )
    assert not response.cookies


@pytest.mark.usefixtures("needs_weasyprint")
def test_it_answers_304_when_the_reader_already_has_this_booklet(client, page, builds):
    etag = client.get(A4)["ETag"]
    response = client.get(A4, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert builds.call_count == 1
    assert client.get(A4, headers={"If-None-Match": '"something-else"'}).status_code == 200


@pytest.mark.usefixtures("needs_weasyprint")
def test_it_sends_a_gzipped_copy_made_once_with_a_weak_etag(client, page, monkeypatch):
    plain = client.get(A4)
    # Compressing again on this request (here or in the gzip middleware) would fail the test.
    monkeypatch.setattr("django.utils.text.gzip_compress", mock.Mock(side_effect=AssertionError))
    gzipped = client.get(A4, headers={"Accept-Encoding": "gzip, br"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in gzipped["Vary"]
    assert gzip_module.decompress(gzipped.content) == plain.content
    assert gzipped["ETag"] == f"W/{plain['ETag']}"
    for etag in (gzipped["ETag"], plain["ETag"]):
        again = client.get(A4, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status_code == 304


@pytest.mark.usefixtures("needs_weasyprint")
def test_a_stale_etag_gets_the_new_booklet_after_an_edit(client, page):
    etag = client.get(A4)["ETag"]
    page.summary = "A new main message."
    page.save()
    response = client.get(A4, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_it_says_sorry_with_a_503_when_weasyprint_cannot_load(client, page, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now fails
    response = client.get(A4)
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "The booklet cannot be made right now" in html
    assert 'href="/learn/"' in html
    assert client.get("/learn/").status_code == 200
    assert client.get("/booklet/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/booklet/isatuximab-guide-a5.pdf", "/booklet/nothing", "/booklet/../settings.py"]
)
def test_unknown_booklets_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/booklet/", A4])
def test_the_booklet_addresses_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_the_booklet_page_links_to_every_edition(client):
    response = client.get("/booklet/")
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    for name in [
        "isatuximab-guide-a4.pdf",
        "isatuximab-guide-a4-large-print.pdf",
        "isatuximab-guide-letter.pdf",
        "isatuximab-guide-letter-large-print.pdf",
    ]:
        assert f'href="/booklet/{name}"' in html
    assert "at least 16 point" in html


def test_the_learn_index_and_every_page_link_to_the_booklet(client, page):
    other = make_page(title="Side effects", slug="side-effects")
    for url in ["/learn/", page.get_absolute_url(), other.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert f'href="{A4}"' in html, url
        assert 'href="/booklet/"' in html, url


def test_the_calendar_result_page_links_to_the_booklet(client, monkeypatch):
    from tests.schedule import test_calendar_views as calendar

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: calendar.TODAY)
    response = client.post(calendar.URL, calendar.VALID)
    assert response.status_code == 200
    assert "Your treatment calendar" in response.content.decode()
    assert f'href="{A4}"' in response.content.decode()


@pytest.mark.usefixtures("needs_weasyprint")
def test_a_site_with_no_content_yet_still_gets_a_booklet(client):
    response = client.get(A4)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Your guide to isatuximab (Sarclisa)" in text
    assert "999 in the UK, 112 in the EU, 911 in the US" in text
    assert "Write the number here:" in text
    assert "There are no words in the glossary yet." in text
