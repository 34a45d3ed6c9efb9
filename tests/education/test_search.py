"""Site search: synonyms, prefixes, ranking, marked snippets, drafts hidden, escaping.

The database tests run on SQLite in the first CI pass and on PostgreSQL (full-text search)
in the second; the tests marked ``postgres_only`` prove the PostgreSQL path is really used.
"""

import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from education.models import ChecklistItem, GlossaryTerm, HelpSettings, Page, SearchSynonym
from education.search import engine as search
from education.search.engine import (
    Term,
    mark_sentence,
    parse_query,
    search_site,
    synonym_table,
    tsquery,
)
from education.search.index import build_documents, html_to_text

from .conftest import make_item, make_page, make_term

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)

SYNONYMS = synonym_table(
    [["fever", "temperature", "high temperature"], ["dex", "dexamethasone"], ["sub q", "jab"]]
)


def titles(query: str) -> list[str]:
    return [r.title for r in search_site(query)]


def page_titles(query: str) -> list[str]:
    return [r.title for r in search_site(query) if r.kind == "page"]


# ---- Query parsing (no database) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fever at night", [{("fever",), ("temperature",), ("high", "temperature")}, {("night",)}]),
        ("High Temperature", [{("fever",), ("temperature",), ("high", "temperature")}]),
        ("DEX", [{("dex",), ("dexamethasone",)}]),
        ("what is the sub-q jab?", [{("sub", "q"), ("jab",)}]),
        ("the of and", []),
        ("'; DROP TABLE x; -- :* & | !", [{("drop",)}, {("table",)}, {("x",)}]),
        ("night night NIGHT", [{("night",)}]),
        ("", []),
    ],
)
def test_it_turns_a_query_into_terms_with_their_synonyms(query, expected):
    terms = parse_query(query, SYNONYMS)
    assert [set(t.phrases) for t in terms] == expected


def test_it_keeps_at_most_eight_terms():
    words = " ".join(f"word{n}" for n in range(30))
    assert len(parse_query(words, {})) == search.MAX_TERMS


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (Term((("dex",), ("dexamethasone",))), "(dex:*) | (dexamethasone:*)"),
        (Term((("iv",),)), "(iv)"),
        (Term((("short", "of", "breath"),)), "(short:* <-> of <-> breath:*)"),
    ],
)
def test_it_builds_prefix_tsqueries(term, expected):
    assert tsquery(term) == expected


def test_a_hostile_query_gives_only_plain_words_to_postgres():
    terms = parse_query("x') | !y:* <-> (z & 'w", {})
    for term in terms:
        assert re.fullmatch(r"\(\w+(:\*)?\)", tsquery(term)), tsquery(term)


def test_it_marks_every_matching_word_and_escapes_the_rest():
    terms = parse_query("fever night", SYNONYMS)
    found, html = mark_sentence("At night, a <b>temperature</b> of 38 °C & more.", terms)
    assert found == 2
    assert html == (
        "At <mark>night</mark>, a &lt;b&gt;<mark>temperature</mark>&lt;/b&gt; of 38 °C &amp; more."
    )


def test_it_cuts_a_long_sentence_around_the_first_match():
    sentence = "Words " * 60 + "then the infusion starts " + "and more words " * 30
    _, html = mark_sentence(sentence, parse_query("infusion", {}))
    assert "<mark>infusion</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) <= search.SNIPPET_CHARS + len("<mark></mark>") + 2


def test_html_to_text_keeps_blocks_apart():
    assert html_to_text("<h2>One</h2><ul><li>two &lt;3</li><li>three</li></ul>") == (
        "One\ntwo <3\nthree"
    )


# ---- Search against the database -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("fever", "Call us if you have a high temperature."),
        ("temperature", "Call us if you have a fever."),
        ("dex", "You take dexamethasone tablets."),
        ("Sarclisa", "Isatuximab is given in hospital."),
        ("drip", "The infusion takes a few hours."),
        ("blood thinner", "You may need an anticoagulant."),
        ("numbness", "Tell us about any neuropathy."),
    ],
)
def test_it_finds_pages_through_the_shipped_synonyms(query, text):
    make_page(title="The page", body=text)
    make_page(title="Other page", body="Nothing to see here.")
    assert page_titles(query) == ["The page"]


@pytest.mark.django_db
def test_synonyms_are_editable_data():
    make_page(title="Vaccines", body="Ask before any vaccine.")
    assert page_titles("booster") == []
    SearchSynonym.objects.create(words="booster, vaccine")
    assert page_titles("booster") == ["Vaccines"]
    make_page(title="About the medicine", body="Isatuximab is an antibody.")
    SearchSynonym.objects.filter(words__icontains="sarclisa").delete()
    assert page_titles("sarclisa") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("dexameth", "You take dexamethasone tablets."),
        ("transfus", "Tell the team before a transfusion."),
        ("infusions", "The infusion takes a few hours."),
    ],
)
def test_it_matches_word_beginnings(query, text):
    make_page(title="The page", body=text)
    assert page_titles(query) == ["The page"]


@postgres_only
@pytest.mark.django_db
def test_postgres_stems_english_words_and_matches_prefixes():
    make_page(title="Vaccines", body="You may have been vaccinated before.")
    make_page(title="Tablets", body="Dexamethasone is a tablet.")
    assert page_titles("vaccinating") == ["Vaccines"]  # only English stemming finds this
    assert page_titles("dexa") == ["Tablets"]


@pytest.mark.django_db
def test_fever_at_night_puts_pages_about_both_first():
    make_page(title="Driving", body="Take care when you drive at night.")
    make_page(title="When to call", body="Call us day or night if you have a temperature.")
    make_page(title="Fever facts", body="A fever can mean an infection.")
    make_page(title="Diet", body="Eat well.")
    found = page_titles("fever at night")
    assert found[0] == "When to call"
    assert set(found) == {"When to call", "Driving", "Fever facts"}


@pytest.mark.django_db
def test_a_word_in_the_title_outranks_the_same_word_in_the_text():
    make_page(title="Diet", body="Drink water. It helps with tiredness.")
    make_page(title="Tiredness", body="Rest when you can.")
    assert page_titles("tiredness") == ["Tiredness", "Diet"]


@pytest.mark.django_db
def test_it_searches_the_checklist_the_glossary_and_get_help():
    make_item("do", "bring a list of your medicines", why="Your team checks them.")
    make_term("plasma cells", "White blood cells that make antibodies.")
    HelpSettings(centre_name="Riverside Haematology", phone_24h="0100 000").save()
    results = {r.kind: r for r in search_site("medicines")}
    assert results["checklist"].title == "Do: bring a list of your medicines"
    item = ChecklistItem.objects.get()
    assert results["checklist"].url == f"/checklist/#check-{item.pk}"
    (term,) = search_site("plasma")
    assert (term.kind, term.url) == ("glossary", "/glossary/#plasma-cells")
    help_results = [r for r in search_site("riverside") if r.kind == "help"]
    assert [r.url for r in help_results] == ["/get-help/"]
    assert "<mark>Riverside</mark>" in help_results[0].snippet


@pytest.mark.django_db
def test_the_snippet_is_the_matching_sentence_with_the_words_marked():
    make_page(
        title="Side effects",
        summary="Most side effects are mild.",
        body="You may feel tired.\n\nCall us day or night if you have a high temperature.",
    )
    (result,) = [r for r in search_site("fever night") if r.kind == "page"]
    assert result.snippet == (
        "Call us day or <mark>night</mark> if you have a <mark>high temperature</mark>."
    )


@pytest.mark.django_db
def test_the_fever_token_is_searched_and_shown_as_the_temperature():
    make_page(title="Fever", body="Call us if your temperature is {fever} or higher.")
    make_item("do", "call us at {fever} or higher", why="A {fever} temperature matters.")
    results = search_site("38")
    assert {r.kind for r in results} >= {"page", "checklist"}
    page = next(r for r in results if r.kind == "page")
    assert page.snippet == (
        "Call us if your temperature is <mark>38</mark>\u00a0°C (100.4\u00a0°F) or higher."
    )
    item = next(r for r in results if r.kind == "checklist")
    assert item.title == "Do: call us at 38\u00a0°C (100.4\u00a0°F) or higher"
    assert all("{fever}" not in r.snippet + r.title for r in search_site("fever"))


@pytest.mark.django_db
def test_drafts_and_hidden_items_are_never_found():
    make_page(title="Draft", body="zebrafish", status=Page.Status.DRAFT)
    make_item("do", "feed the zebrafish", published=False)
    GlossaryTerm.objects.create(term="zebrafish", definition="A fish.", published=False)
    assert search_site("zebrafish") == []
    make_page(title="Public", body="zebrafish")
    assert titles("zebrafish") == ["Public"]


@pytest.mark.django_db
def test_an_edit_is_searchable_at_once():
    page = make_page(title="Changing", body="Old words.")
    assert page_titles("kumquat") == []
    page.body = "New words about a kumquat."
    page.save()
    assert page_titles("kumquat") == ["Changing"]


@pytest.mark.django_db
def test_the_get_help_document_holds_only_text_visitors_see(client):
    HelpSettings(centre_name="Riverside", phone_24h="0100 000", emergency_number="999").save()
    (help_doc,) = [d for d in build_documents() if d.kind == "help"]
    page_text = html_to_text(client.get("/get-help/").content.decode())
    assert help_doc.title in page_text
    for line in help_doc.fields[2].splitlines():
        assert line in page_text


# ---- The view ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_results_page_shows_kinds_titles_and_marked_snippets(client):
    make_page(title="Tablets", body="Some people take dexamethasone & other tablets.")
    html = client.get("/search/", {"q": "dex"}).content.decode()
    assert '<a class="search-results__title" href="/learn/' in html
    assert "Some people take <mark>dexamethasone</mark> &amp; other tablets." in html


@pytest.mark.django_db
def test_markup_in_content_is_shown_as_text_in_snippets(client):
    make_term("infusion", 'Medicine <script>alert("x")</script> into a vein.')
    make_page(title="Maths", body="If 5 < 6 then infusion & rest.")
    html = client.get("/search/", {"q": "infusion"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "If 5 &lt; 6 then <mark>infusion</mark> &amp; rest." in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["???", "the", ":*&|!", "<>", "  of  "])
def test_a_query_with_no_usable_words_finds_nothing_politely(client, query):
    make_page(title="Anything", body="The words of the page.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "0 results for" in response.content.decode()


@pytest.mark.django_db
def test_an_overlong_query_is_refused_before_searching(client, monkeypatch):
    monkeypatch.setattr(
        "education.views.search_site", lambda q: pytest.fail("searched an overlong query")
    )
    response = client.get("/search/", {"q": "infusion " * 20})
    assert "too long" in response.content.decode()


@pytest.mark.django_db
def test_the_shipped_content_answers_fever_at_night_and_dex(client):
    call_command("load_initial_content", stdout=StringIO())
    top = search_site("fever at night")[:5]
    urls = [r.url for r in top]
    # The checklist's "fever at night" item matches every word, so it comes first.
    assert "fever at night" in top[0].title
    assert "/get-help/" in urls
    assert "/learn/side-effects/" in urls
    assert all("<mark>" in r.snippet for r in top)
    dex = search_site("dex")
    assert dex and all("<mark>" in r.snippet for r in dex)
    assert any("dexamethasone" in r.snippet.lower() for r in dex)


# ---- Synonyms in the admin ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "phrases"),
    [(" Fever , HIGH  temperature,, fever ", ["fever", "high temperature"]), ("dex", ["dex"])],
)
def test_a_synonym_group_is_a_clean_list_of_phrases(words, phrases):
    assert SearchSynonym(words=words).phrases() == phrases


@pytest.mark.django_db
def test_a_synonym_group_needs_two_entries():
    with pytest.raises(ValidationError, match="at least two"):
        SearchSynonym(words="fever, ,").full_clean()


@pytest.mark.django_db
def test_editors_keep_the_synonyms_in_the_admin(admin_client):
    listing = admin_client.get("/admin/education/searchsynonym/").content.decode()
    assert "dex, dexamethasone" in listing and "drip, infusion" in listing
    response = admin_client.post(
        "/admin/education/searchsynonym/add/",
        {"words": "booster, vaccine", "change_summary": "Vaccine words"},  # a draft (issue 22)
    )
    assert response.status_code == 302
    group = SearchSynonym.objects.get(words="booster, vaccine")
    assert group.history.count() == 1
    change = admin_client.get(f"/admin/education/searchsynonym/{group.pk}/change/")
    assert "/search/?q=booster" in change.content.decode()
    refused = admin_client.post(
        f"/admin/education/searchsynonym/{group.pk}/delete/", {"post": "yes"}
    )
    assert refused.status_code == 403
