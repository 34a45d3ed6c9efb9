import datetime
import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.cache import forget_version
from education.models import ContentVersion, GlossaryTerm, HelpSettings, Page
from tests.second_factor import sign_in


@pytest.fixture
def page(db):
    return Page.objects.create(
        title="Cached page",
        slug="cached-page",
        summary="A page used to test caching.",
        description="Cached page description.",
        body="First version of the body.",
        status=Page.Status.PUBLISHED,
        last_reviewed=datetime.date(2026, 11, 1),
        next_review_due=datetime.date(2027, 11, 1),
        reviewer="Test reviewer",
    )


def test_it_serves_a_repeat_view_from_the_cache_with_one_query(client, page):
    first = client.get("/learn/cached-page/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/learn/cached-page/")
    assert second.content == first.content
    assert len(queries.captured_queries) == 0  # the content version is remembered briefly
    assert "Content-Security-Policy" in second


def test_a_query_string_reuses_the_cached_page_instead_of_adding_one(client, page):
    first = client.get("/learn/cached-page/")
    entries = len(cache._cache)  # the test settings' local-memory cache
    assert any(":/learn/cached-page/" in key for key in cache._cache)
    with CaptureQueriesContext(connection) as queries:
        tagged = client.get("/learn/cached-page/?utm_source=leaflet")
    assert tagged.content == first.content
    assert len(queries.captured_queries) == 0
    assert len(cache._cache) == entries


def test_a_page_first_seen_with_a_query_string_is_cached_without_it(client, page):
    client.get("/learn/cached-page/?utm_source=someone")
    html = client.get("/learn/cached-page/").content.decode()
    assert "Printed from: http://testserver/learn/cached-page/</p>" in html
    assert "utm_source" not in html


def test_it_serves_gzip_from_the_cache_to_browsers_that_accept_it(client, page):
    plain = client.get("/learn/cached-page/", HTTP_ACCEPT_ENCODING="identity")
    zipped = client.get("/learn/cached-page/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert "Accept-Encoding" in zipped["Vary"]


def test_other_processes_see_an_edit_once_the_version_is_read_again(client, page):
    client.get("/learn/cached-page/")
    Page.objects.filter(pk=page.pk).update(body="Edited in another process.")
    ContentVersion.objects.update_or_create(pk=1, defaults={"version": 99})
    assert b"First version" in client.get("/learn/cached-page/").content  # within 2 s
    forget_version()  # what VERSION_SECONDS passing does
    assert b"Edited in another process." in client.get("/learn/cached-page/").content


def test_an_edit_shows_on_the_next_request(client, page):
    client.get("/learn/cached-page/")
    page.body = "Second version of the body."
    page.save()
    assert b"Second version of the body." in client.get("/learn/cached-page/").content


@pytest.mark.parametrize(
    "change",
    [
        lambda: GlossaryTerm.objects.create(term="Body", definition="The main part."),
        lambda: HelpSettings(phone_24h="0100 000 0000").save(),
    ],
)
def test_any_content_change_bumps_the_version(page, change):
    before = ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0
    change()
    assert ContentVersion.objects.get(pk=1).version == before + 1


def test_signed_in_editors_are_never_served_from_the_cache(client, page, admin_user):
    client.get("/learn/cached-page/")
    Page.objects.filter(pk=page.pk).update(body="Changed without a signal.")
    assert b"First version" in client.get("/learn/cached-page/").content
    sign_in(client, admin_user)
    assert b"Changed without a signal." in client.get("/learn/cached-page/").content


def test_drafts_previewed_by_staff_are_not_cached(client, page, admin_user):
    page.status = Page.Status.DRAFT
    page.save()
    sign_in(client, admin_user)
    assert client.get("/learn/cached-page/").status_code == 200
    client.logout()
    assert client.get("/learn/cached-page/").status_code == 404
