"""Spanish content: loaded from content/es/, linked to its English source, shown under /es/,
governed like any other content, and flagged when the English text changes afterwards."""

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from education.content_loader import load_content
from education.governance import rules as governance
from education.models import ChecklistItem, GlossaryTerm, Page
from education.text.readability import spanish_band, spanish_score
from tests.second_factor import sign_in

from .conftest import make_page, write_content
from .governance_helpers import approve_in_admin, editor, reviewer, save_in_admin

pytestmark = pytest.mark.django_db

ES_CHECKLIST = [
    {"kind": "do", "text": "traiga algo para comer", "why": "La primera vez tarda.", "order": 10}
]
ES_GLOSSARY = [
    {"term": "infusión", "english": "infusion", "definition": "Medicamento que entra por una vena."}
]


@pytest.fixture
def content(tmp_path):
    root = write_content(
        tmp_path,
        [{"title": "What is it?", "slug": "what-is-it", "body": "It is a medicine."}],
        checklist=[{"kind": "do", "text": "bring a snack", "why": "It is long.", "order": 10}],
        glossary=[{"term": "infusion", "definition": "Medicine into a vein."}],
    )
    write_content(
        tmp_path / "es",
        [
            {
                "title": "¿Qué es?",
                "slug": "what-is-it",
                "body": "Es un medicamento. Usted lo recibe por una vena.",
            }
        ],
        checklist=ES_CHECKLIST,
        glossary=ES_GLOSSARY,
    )
    return root


def client_html(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_it_loads_the_spanish_content_linked_to_the_english(content):
    report = load_content(content)
    assert "page es:page:what-is-it" in report.created
    english = Page.objects.get(language="en", slug="what-is-it")
    spanish = Page.objects.get(language="es", slug="what-is-it")
    assert spanish.translation_of == english and spanish.is_published
    assert spanish.source_revision == governance.published_revision(english)
    assert spanish.reviewer == "Traducción pendiente de revisión clínica"
    assert governance.published_revision(spanish).content["language"] == "es"
    item = ChecklistItem.objects.get(language="es")
    assert item.translation_of == ChecklistItem.objects.get(language="en", order=10)
    term = GlossaryTerm.objects.get(language="es")
    assert term.translation_of == GlossaryTerm.objects.get(language="en", term="infusion")


def test_reloading_keeps_an_edit_of_the_spanish_page(content):
    load_content(content)
    spanish = Page.objects.get(language="es")
    spanish.body = "Texto del editor."
    spanish.save()
    path = content / "es" / "pages" / "01-what-is-it.md"
    path.write_text(path.read_text().replace("Es un medicamento.", "Texto nuevo."))
    report = load_content(content)
    assert "page es:page:what-is-it" in report.kept
    assert Page.objects.get(language="es").body == "Texto del editor."


def test_loading_twice_changes_nothing_in_either_language(content):
    load_content(content)
    report = load_content(content)
    assert report.created == [] and report.updated == [] and report.kept == []


def test_spanish_pages_store_a_spanish_reading_score(content):
    load_content(content)
    spanish = Page.objects.get(language="es")
    assert float(spanish.reading_score) == spanish_score(spanish.body) > 70
    assert spanish.reading_grade == 0
    assert Page.objects.get(language="en").reading_score is None


@pytest.mark.parametrize(
    ("score", "band"),
    [(20, "muy difícil"), (55, "bastante difícil"), (65, "normal"), (72, "bastante fácil"),
     (85, "fácil"), (99, "muy fácil")],
)  # fmt: skip
def test_it_names_the_spanish_reading_band(score, band):
    assert spanish_band(score) == band


def test_the_spanish_address_shows_the_spanish_page(content):
    load_content(content)
    html = client_html("/es/learn/what-is-it/")
    assert '<html lang="es">' in html
    assert "¿Qué es?" in html and "It is a medicine." not in html
    assert "Traducción pendiente de revisión clínica" in html
    english = client_html("/learn/what-is-it/")
    assert '<html lang="en-GB">' in english and "¿Qué es?" not in english


def test_lists_checklist_and_glossary_are_in_the_active_language(content):
    load_content(content)
    assert "¿Qué es?" in client_html("/es/learn/")
    assert "What is it?" in client_html("/learn/") and "¿Qué es?" not in client_html("/learn/")
    assert "traiga algo para comer" in client_html("/es/checklist/")
    assert "bring a snack" not in client_html("/es/checklist/")
    glossary = client_html("/es/glossary/")
    assert "Medicamento que entra por una vena." in glossary
    assert "Medicine into a vein." not in glossary


def test_an_untranslated_page_is_shown_in_english_marked_as_english(content):
    load_content(content)
    make_page(title="Only English", slug="only-english", body="Words in English.")
    html = client_html("/es/learn/only-english/")
    assert re.search(r'<article class="content-page" lang="en">', html)
    assert "Words in English." in html
    learn = client_html("/es/learn/")
    assert re.search(r'<li lang="en"><a href="/es/learn/only-english/"', learn), learn


def test_it_searches_only_the_active_language(content):
    load_content(content)
    spanish = client_html("/es/search/?q=medicamento")
    assert "¿Qué es?" in spanish
    assert "¿Qué es?" not in client_html("/search/?q=medicamento")
    assert "What is it?" not in client_html("/es/search/?q=medicine")


def test_the_page_cache_keeps_each_language_apart(content):
    load_content(content)
    cache.clear()
    english = client_html("/learn/what-is-it/")
    spanish = client_html("/es/learn/what-is-it/")
    keys = [k for k in cache._cache if "what-is-it" in k]
    assert any(k.endswith(":/learn/what-is-it/") for k in keys)
    assert any(k.endswith(":/es/learn/what-is-it/") for k in keys)
    assert client_html("/learn/what-is-it/") == english  # from the cache
    assert client_html("/es/learn/what-is-it/") == spanish
    assert english != spanish


def test_the_out_of_date_flag_follows_a_new_english_revision(content, client):
    load_content(content)
    english = Page.objects.get(language="en")
    assert "cambió" not in client_html("/es/learn/what-is-it/")
    writer = editor()
    sign_in(client, writer)
    assert save_in_admin(client, english, body="It is a new medicine.").status_code == 302
    assert "cambió" not in client_html("/es/learn/what-is-it/")  # a draft is not a change yet
    checker = Client()
    sign_in(checker, reviewer())
    assert approve_in_admin(checker, english, 2).status_code == 302
    html = client_html("/es/learn/what-is-it/")
    assert "La página en inglés cambió" in html
    assert re.search(r'<a href="/learn/what-is-it/"[^>]*>Lea la página en inglés', html), html
    assert "cambió" not in client_html("/learn/what-is-it/")
    dashboard = checker.get("/admin/").content.decode()
    assert re.search(r'lang="es">¿Qué es\?</a>: translation out of date', dashboard), dashboard
    assert "translated from English revision 1; English revision 2 is published now" in dashboard


def test_choosing_the_newer_english_revision_clears_the_flag(content, client):
    load_content(content)
    english = Page.objects.get(language="en")
    sign_in(client, editor())
    save_in_admin(client, english, body="It is a new medicine.")
    checker = Client()
    sign_in(checker, reviewer())
    approve_in_admin(checker, english, 2)
    spanish = Page.objects.get(language="es")
    newer = governance.published_revision(english)
    save_in_admin(client, spanish, body="Es un medicamento nuevo.", source_revision=newer.pk)
    assert "La página en inglés cambió" in client_html("/es/learn/what-is-it/")  # draft only
    assert approve_in_admin(checker, spanish, 2).status_code == 302
    assert "La página en inglés cambió" not in client_html("/es/learn/what-is-it/")
    assert "translation out of date" not in checker.get("/admin/").content.decode()


def test_a_spanish_page_is_governed_like_any_other(content, client):
    load_content(content)
    spanish = Page.objects.get(language="es")
    sign_in(client, editor())
    save_in_admin(client, spanish, body="Es un medicamento nuevo.")
    assert "Es un medicamento nuevo." not in client_html("/es/learn/what-is-it/")
    checker = Client()
    sign_in(checker, reviewer())
    assert approve_in_admin(checker, spanish, 2).status_code == 302
    html = client_html("/es/learn/what-is-it/")
    assert "Es un medicamento nuevo." in html
    assert "Rita Reviewer" in html and "Traducción pendiente" not in html


def test_a_translation_must_point_to_a_revision_of_its_english_original(content):
    load_content(content)
    spanish = Page.objects.get(language="es")
    other = make_page(title="Other", slug="other")
    spanish.source_revision = governance.record_published(other, "Shipped")
    with pytest.raises(ValidationError, match="revision of the English original"):
        spanish.full_clean()


def test_titles_may_repeat_across_languages_but_not_within_one(content):
    load_content(content)
    english = Page.objects.get(language="en")
    twin = Page(**{f: getattr(english, f) for f in Page.SHIPPED_FIELDS}, language="es")
    twin.slug = "twin"
    twin.description = "Otra descripción."
    same_language = Page(**{f: getattr(english, f) for f in Page.SHIPPED_FIELDS})
    same_language.slug, same_language.description = "x", "Another description."
    with pytest.raises(ValidationError, match="Title and Language already exists"):
        same_language.full_clean()
    twin.full_clean()  # same English title, but in Spanish: allowed


def test_the_reading_grades_command_reports_the_spanish_score_and_band(content):
    load_content(content)
    out = StringIO()
    call_command("reading_grades", "--database", stdout=out)
    report = out.getvalue()
    score = spanish_score(Page.objects.get(language="es").body)
    assert re.search(rf"what-is-it\s+published\s+{score:5.1f}  {spanish_band(score)}\n", report)
    assert re.search(r"what-is-it\s+published\s+\d+\.\d\n", report)  # the English grade
    assert f"1 Spanish pages: median {score:.1f} ({spanish_band(score)})" in report


def test_spanish_search_uses_spanish_stemming_on_postgresql(content):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("stemming needs PostgreSQL full-text search (CI's second pass)")
    load_content(content)
    # The page says "recibe" and "medicamento": only Spanish stemming matches these forms.
    assert "¿Qué es?" in client_html("/es/search/?q=recibir%C3%A1")
    assert "¿Qué es?" in client_html("/es/search/?q=recibimos+medicamentos")
    assert "¿Qué es?" not in client_html("/es/search/?q=pastillas")


def test_the_spanish_glossary_marks_the_english_words_as_english(tmp_path):
    root = write_content(
        tmp_path,
        [],
        glossary=[
            {"term": "Antibody", "other_spellings": ["antibodies"], "definition": "A protein."}
        ],
    )
    es_term = {
        "term": "Anticuerpo",
        "english": "Antibody",
        "other_spellings": ["anticuerpos", "Antibody", "antibodies"],
        "definition": "Una proteína.",
    }
    write_content(tmp_path / "es", [], glossary=[es_term])
    load_content(root)
    spanish = client_html("/es/glossary/")
    # Issue 25: a plural is a search variant, not another spelling; English keeps its original.
    assert "También se escribe" not in spanish
    assert 'En inglés: <span lang="en">Antibody</span>.' in spanish
    english = client_html("/glossary/")
    assert "Also written as: antibodies." in english
    assert 'lang="en"' not in english.split("<main", 1)[1]
