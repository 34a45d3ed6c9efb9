"""The Spanish booklet: /es/booklet/ builds the PDF from the Spanish published pages,
checklist, glossary and get-help with Spanish headings, lang="es" and PDF/UA tagging, cached
apart from the English one; the chooser and the "cannot be made" pages are Spanish."""

import re
import sys
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client

from education.booklet import store
from education.booklet.content import booklet_pages
from education.models import ChecklistItem, GlossaryTerm, Page

from .conftest import content_rolled_back, pdf_text, reader

A4 = "isatuximab-guide-a4.pdf"
ENGLISH_HEADINGS = (
    "Contents", "Do's and don'ts checklist", "Medical words explained", "When to get help",
    "Where this information comes from", "Numbers to keep by your phone", "Page 2 of",
    "Your guide to isatuximab", "not medical advice", "Why:",
)  # fmt: skip


@pytest.fixture(scope="module")
def spanish(needs_weasyprint, django_db_setup, django_db_blocker) -> dict:
    """The shipped content's Spanish A4 booklet, read once, with what it should hold."""
    with content_rolled_back(django_db_blocker):
        call_command("load_initial_content", stdout=StringIO())
        pdf = Client().get(f"/es/booklet/{A4}").content
        built = {
            "pdf": pdf,
            "text": pdf_text(pdf),
            "titles": [page.title for page in booklet_pages("es")],
            "english_titles": [page.title for page in booklet_pages("en")],
            "checklist": [i.text for i in ChecklistItem.objects.published().for_language("es")],
            "terms": [t.term for t in GlossaryTerm.objects.published().for_language("es")],
        }
    return built


def test_it_prints_every_spanish_page_in_site_order_and_no_english_one(spanish):
    assert len(spanish["titles"]) >= 20
    contents = spanish["text"].split("Índice", 1)[1].split("Lista de lo que debe hacer")[0]
    positions = [contents.index(title) for title in spanish["titles"]]
    assert positions == sorted(positions)
    english_only = set(spanish["english_titles"]) - set(spanish["titles"])  # "Bortezomib (Velcade)"
    assert len(english_only) >= 15
    for title in english_only:
        assert title not in contents, title


def test_its_headings_and_sections_are_spanish(spanish):
    text = spanish["text"]
    for heading in ("Su guía sobre isatuximab (Sarclisa)", "Índice",
                    "Lista de lo que debe hacer y no hacer", "Las palabras médicas, explicadas",
                    "Cuándo pedir ayuda", "De dónde viene esta información",
                    "Números para tener junto al teléfono", "Página 2 de",
                    "Este folleto da información general. No es un consejo médico.",
                    "Publicado por Guía del tratamiento con isatuximab",
                    "Una temperatura de 38 °C (100,4 °F) o más."):  # fmt: skip
        assert heading in text, heading
    assert re.search(r"revisaron por última vez entre el \d{1,2} de \w+ de \d{4}", text)
    assert "http://testserver/es/" in text
    for english in ENGLISH_HEADINGS:
        assert english not in text, english


def test_it_holds_the_spanish_checklist_and_glossary(spanish):
    text = spanish["text"]
    assert len(spanish["checklist"]) >= 10 and len(spanish["terms"]) >= 20
    for item in spanish["checklist"]:
        assert " ".join(item.split()[:6]) in text, item
    for term in spanish["terms"]:
        assert term in text, term
    assert "Haga esto:" in text and "No haga esto:" in text and "Por qué:" in text


def test_it_is_tagged_pdf_ua_in_spanish(spanish):
    pdf = reader(spanish["pdf"])
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"].value is True
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    assert pdf.metadata.title == "Su guía sobre isatuximab (Sarclisa)"


@pytest.fixture
def builds(monkeypatch) -> mock.Mock:
    spy = mock.Mock(wraps=store.build_booklet)
    monkeypatch.setattr(store, "build_booklet", spy)
    return spy


@pytest.mark.django_db
@pytest.mark.usefixtures("needs_weasyprint")
def test_each_language_is_built_and_cached_on_its_own(client, builds):
    english = client.get(f"/booklet/{A4}")
    spanish = client.get(f"/es/booklet/{A4}")
    assert builds.call_count == 2
    assert english["ETag"] != spanish["ETag"]
    assert client.get(f"/es/booklet/{A4}")["ETag"] == spanish["ETag"]
    assert client.get(f"/booklet/{A4}")["ETag"] == english["ETag"]
    assert builds.call_count == 2
    assert reader(english.content).trailer["/Root"]["/Lang"] == "en-GB"
    assert reader(spanish.content).trailer["/Root"]["/Lang"] == "es"
    again = client.get(f"/es/booklet/{A4}", headers={"If-None-Match": spanish["ETag"]})
    assert again.status_code == 304


def test_a_spanish_booklet_marks_a_page_not_translated_yet_as_english(client, db, monkeypatch):
    """Rendered HTML (no PDF needed): an English-only page goes in, with lang="en"."""
    from education.booklet.content import booklet_context
    from education.booklet.editions import Edition
    from education.booklet.render import booklet_html
    from tests.education.conftest import make_page

    make_page(title="Only in English", slug="only-english")
    from django.utils import translation

    with translation.override("es"):
        html = booklet_html(Edition(), booklet_context("http://testserver/", "es"))
    assert '<html lang="es">' in html
    assert '<h1 lang="en">Only in English</h1>' in html
    assert "<h1>Índice</h1>" in html


@pytest.mark.django_db
def test_the_spanish_chooser_links_to_the_spanish_booklets(client):
    html = client.get("/es/booklet/").content.decode()
    assert "<h1>Imprima toda la guía en un folleto</h1>" in html
    for name in (A4, "isatuximab-guide-letter-large-print.pdf"):
        assert f'href="/es/booklet/{name}"' in html
    assert "Folleto en letra grande para papel carta de EE. UU. (PDF)" in html
    assert "Print the whole guide" not in html and "Large print" not in html


@pytest.mark.django_db
def test_the_spanish_sorry_page_is_spanish(client, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    response = client.get(f"/es/booklet/{A4}")
    html = response.content.decode()
    assert response.status_code == 503
    assert "<h1>Ahora no se puede hacer el folleto</h1>" in html
    assert 'href="/es/learn/"' in html
    assert "cannot be made" not in html


@pytest.mark.django_db
def test_the_pages_link_to_the_spanish_booklet_without_saying_english(client):
    Page.objects.all().delete()
    html = client.get("/es/learn/").content.decode()
    assert 'href="/es/booklet/isatuximab-guide-a4.pdf"' in html
    assert "en inglés" not in html.split('class="booklet-link')[1].split("</p>")[0]
