"""Issue 25: search ignores accents and case in Spanish and English, on SQLite (a folded copy
of every document, ``Document.folded``) and on PostgreSQL (``unaccent`` in the text-search
configurations, migration 0008). "vomitos" finds what "vómitos" finds; ranking is unchanged."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from education.search.engine import mark_sentence, parse_query, search_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("load_initial_content", stdout=StringIO())


def found(query: str, language: str) -> list[tuple[str, str]]:
    return [(r.kind, r.url) for r in search_site(query, language)]


@pytest.mark.parametrize(
    ("plain", "accented"),
    [
        ("vomitos", "vómitos"),
        ("coagulo", "coágulo"),
        ("infusion", "infusión"),
        ("dexametasona dia", "dexametasona día"),
        ("hinchazon", "hinchazón"),
        ("escalofrios", "escalofríos"),
        ("VOMITOS", "vómitos"),
        ("Coágulo", "coágulo"),
    ],
)
def test_spanish_finds_the_same_with_or_without_accents(shipped, plain, accented):
    results = found(accented, "es")
    assert results, accented
    assert found(plain, "es") == results


def test_english_ignores_accents_and_case_too(shipped):
    assert found("FEVER", "en") == found("fever", "en") == found("févér", "en")
    assert found("fever", "en")


def test_the_snippet_marks_the_accented_word_for_an_accentless_query(shipped):
    results = search_site("coagulo", "es")
    assert any("<mark>coágulo" in r.snippet or "<mark>Coágulo" in r.snippet for r in results)


def test_marks_keep_the_original_letters():
    terms = parse_query("nauseas", {})
    matched, html = mark_sentence("Puede tener náuseas por la mañana.", terms)
    assert matched == 1 and "<mark>náuseas</mark>" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_uses_the_unaccent_configurations(shipped):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('isatuximab_spanish', 'Vómitos y coágulos')::text")
        vector = cursor.fetchone()[0]
    assert "vomit" in vector and "coagul" in vector and "ó" not in vector
