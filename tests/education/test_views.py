import re

import pytest
from django.contrib.auth.models import User

from education.models import HelpSettings, Page
from tests.second_factor import sign_in

from .conftest import make_item, make_page, make_term

pytestmark = pytest.mark.django_db


def h1s(response) -> list[str]:
    return re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)


def title_of(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def description_of(response) -> str:
    html = response.content.decode()
    return re.search(r'<meta name="description" content="([^"]*)"', html).group(1)


def test_it_shows_a_published_page_with_its_main_message_sources_and_review_dates(client):
    page = make_page(title="What is isatuximab?", summary="It is a medicine for myeloma.")
    response = client.get(f"/learn/{page.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert h1s(response) == ["What is isatuximab?"]
    assert html.index("It is a medicine for myeloma.") < html.index("Part one")
    assert "Page last reviewed:" in html and "1 November 2026" in html
    assert "Next review due:" in html and "1 November 2027" in html
    assert (
        '<a href="https://example.org/label" rel="noopener noreferrer">'
        "US prescribing information, section 2</a>" in html
    )
    assert response.cookies == {}


def test_it_hides_draft_pages_from_the_public(client):
    page = make_page(status=Page.Status.DRAFT, title="Secret draft")
    assert client.get(f"/learn/{page.slug}/").status_code == 404
    for url in ["/", "/learn/"]:
        assert "Secret draft" not in client.get(url).content.decode()


def test_it_lets_staff_preview_a_draft_without_caching_it(client):
    page = make_page(status=Page.Status.DRAFT, title="Secret draft")
    staff = User.objects.create_user("editor", password="x" * 16, is_staff=True)
    sign_in(client, staff)
    response = client.get(f"/learn/{page.slug}/")
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_non_staff_users_cannot_preview_drafts(client):
    page = make_page(status=Page.Status.DRAFT)
    client.force_login(User.objects.create_user("patient", password="x" * 16))
    assert client.get(f"/learn/{page.slug}/").status_code == 404


def test_the_learn_index_lists_published_pages_in_order_with_their_main_messages(client):
    make_page(title="Second", order=20, summary="Second message.")
    make_page(title="First", order=10, summary="First message.")
    html = client.get("/learn/").content.decode()
    assert html.index("First message.") < html.index("Second message.")
    assert 'role="list"' in html


def test_the_blood_bank_page_lives_at_its_own_address(client):
    make_page(slug="for-blood-banks", title="For blood banks and emergency staff")
    response = client.get("/for-blood-banks/")
    assert response.status_code == 200
    assert h1s(response) == ["For blood banks and emergency staff"]
    redirect = client.get("/learn/for-blood-banks/")
    assert redirect.status_code == 301 and redirect["Location"] == "/for-blood-banks/"


def test_the_blood_bank_page_is_private_while_a_draft(client):
    make_page(slug="for-blood-banks", status=Page.Status.DRAFT)
    assert client.get("/for-blood-banks/").status_code == 404


def test_the_page_body_is_sanitised_when_served(client):
    page = make_page(
        body='Hi <script>alert(1)</script> [x](javascript:alert(2)) <b onclick="y()">b</b>'
    )
    html = client.get(f"/learn/{page.slug}/").content.decode()
    body = html[html.index('class="page-body"') :]
    assert "alert(" not in body and "javascript:" not in body and "onclick" not in body


def test_pages_mark_the_first_use_of_a_glossary_term(client):
    make_term("CD38", "A protein on the outside of myeloma cells.")
    page = make_page(body="## About CD38\n\nMyeloma cells have CD38. More CD38 here.")
    html = client.get(f"/learn/{page.slug}/").content.decode()
    assert html.count('class="glossary-term"') == 1
    assert '<h2 id="about-cd38">About CD38</h2>' in html  # ids for self-check links
    assert 'href="/glossary/#cd38" aria-describedby="glossary-def-cd38">CD38</a>' in html


def test_the_help_block_uses_defaults_until_an_admin_sets_numbers(client):
    page = make_page(show_help=True)
    html = client.get(f"/learn/{page.slug}/").content.decode()
    assert "When to get help" in html
    assert (
        '<a href="tel:999">999</a> in the UK, <a href="tel:112">112</a> in the EU, '
        '<a href="tel:911">911</a> in the US'
    ) in html
    assert "the 24-hour number your care team gave you" in html
    assert "38\u00a0°C (100.4\u00a0°F) or higher" in html
    for heading in ["Emergency: call", "Urgent: call your 24-hour number now", "Not urgent: tell"]:
        assert heading in html


def test_the_help_block_uses_the_numbers_an_admin_set(client):
    HelpSettings(
        centre_name="St Mary's cancer unit", phone_24h="020 7946 0000", emergency_number="999"
    ).save()
    html = client.get("/get-help/").content.decode()
    assert 'St Mary&#x27;s cancer unit on <a href="tel:02079460000">020 7946 0000</a>' in html
    assert "Emergency: call 999 now" in html
    assert "the 24-hour number your care team gave you" not in html


def test_the_help_block_only_shows_on_pages_that_ask_for_it(client):
    page = make_page(show_help=False)
    assert "When to get help</h2>" not in client.get(f"/learn/{page.slug}/").content.decode()


def test_the_checklist_is_a_real_list_with_text_labels(client):
    make_item("do", "eat a light meal before you come", order=10, group="infusion_day")
    make_item("dont", "drive yourself home after your first infusion", order=20)
    make_item("do", "hidden item", published=False)
    response = client.get("/checklist/")
    html = response.content.decode()
    assert html.count('role="list"') >= 2
    assert '<span class="checklist__kind">Do:</span> eat a light meal before you come' in html
    assert '<span class="checklist__kind">Don&#x27;t:</span> drive yourself home' in html
    assert html.count('type="checkbox"') == 2
    assert "hidden item" not in html
    assert "Why:" in html
    assert response.cookies == {}


def test_the_glossary_is_alphabetical_with_anchors(client):
    make_term("infusion", "Medicine given through a drip into a vein.")
    make_term("antibody", "A protein that sticks to one target.", other_spellings="Ab")
    html = client.get("/glossary/").content.decode()
    assert html.index('id="antibody"') < html.index('id="infusion"')
    assert "Also written as: Ab." in html


def test_search_finds_published_pages_and_hides_drafts(client):
    make_page(title="Side effects", body="You may feel tired after an infusion.")
    make_page(title="Draft about infusion", status=Page.Status.DRAFT, body="infusion")
    make_page(title="Blood tests", body="Tell the blood bank.")
    html = client.get("/search/", {"q": "INFUSION"}).content.decode()
    assert "Side effects" in html
    assert "Draft about infusion" not in html
    assert "Blood tests" not in html


def test_search_escapes_the_query(client):
    response = client.get("/search/", {"q": '<script>alert("x")</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "Please type a word"), ("   ", "Please type a word"), ("a" * 101, "too long")],
)
def test_search_handles_empty_and_overlong_queries_politely(client, query, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_search_form_sets_no_cookie_and_needs_no_csrf_token(client):
    response = client.get("/search/", {"q": "drip"})
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_every_public_page_has_one_h1_a_unique_title_and_a_unique_description(client):
    make_page(title="Page A", slug="page-a", description="About A.")
    make_page(title="Page B", slug="page-b", description="About B.")
    make_page(slug="for-blood-banks", title="For blood banks", description="For blood banks.")
    urls = ["/", "/learn/", "/learn/page-a/", "/learn/page-b/", "/checklist/", "/glossary/",
            "/search/", "/search/?q=drip", "/for-blood-banks/", "/get-help/"]  # fmt: skip
    titles, descriptions = [], []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(h1s(response)) == 1, url
        titles.append(title_of(response))
        descriptions.append(description_of(response))
    assert len(set(titles)) == len(urls), titles
    assert len(set(descriptions)) == len(urls) - 1  # the two search pages share one


@pytest.mark.parametrize(
    "url", ["/", "/learn/", "/checklist/", "/glossary/", "/search/?q=x", "/get-help/"]
)
def test_public_pages_set_no_cookies(client, url):
    assert client.get(url).cookies == {}


def test_public_views_refuse_post(client):
    assert client.post("/search/", {"q": "x"}).status_code == 405
