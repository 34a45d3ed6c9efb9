"""Checks on the real content in education/content/ (the only tests that read it)."""

import re
import statistics
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape

from education.content_loader import CONTENT_DIR, shipped_pages
from education.models import Page
from education.text.readability import grade_level

MAX_GRADE = 8
MAX_MEDIAN_GRADE = 6


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    found = shipped_pages()
    assert found, "no pages in education/content/pages/"
    return found


def test_no_shipped_page_is_above_grade_8_and_the_median_is_at_most_6(pages):
    grades = {page["slug"]: grade_level(page["body"]) for page in pages}
    too_hard = {slug: grade for slug, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard, f"pages above grade {MAX_GRADE}: {too_hard}"
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE, grades


def test_shipped_pages_have_unique_slugs_titles_and_descriptions(pages):
    for key in ["slug", "title", "description"]:
        values = [page[key] for page in pages]
        assert len(values) == len(set(values)), f"duplicate {key}"


def test_links_between_shipped_pages_point_to_pages_that_exist(pages):
    slugs = {page["slug"] for page in pages}
    known = {"/", "/learn/", "/checklist/", "/glossary/", "/search/", "/get-help/", "/questions/",
             "/for-blood-banks/", "/schedule/", "/schedule/wallet-card/", "/diary/"}  # fmt: skip
    for page in pages:
        for target in re.findall(r"\]\((/[^)\s#]*)", page["body"]):
            match = re.fullmatch(r"/learn/([\w-]+)/", target)
            ok = target in known or (match and match.group(1) in slugs)
            assert ok, f"{page['slug']} links to {target}, which does not exist"


@pytest.mark.django_db
def test_every_shipped_page_loads_from_the_database(client):
    call_command("load_initial_content", stdout=StringIO())
    english = list(Page.objects.published().for_language("en"))
    spanish = list(Page.objects.published().for_language("es"))
    assert len(english) == len(shipped_pages())
    assert len(spanish) == len(shipped_pages(CONTENT_DIR / "es"))
    assert all(page.translation_of is not None for page in spanish)
    reviewed = {"en": "Page last reviewed:", "es": "Última revisión de la página:"}
    for page in english + spanish:
        response = client.get(page.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200, page.slug
        assert html.count("<h1") == 1, page.slug
        assert f"<h1>{escape(page.title)}</h1>" in html, page.slug
        assert reviewed[page.language] in html, page.slug
    for url in ["/", "/learn/", "/checklist/", "/glossary/", "/get-help/"]:
        assert client.get(url).status_code == 200, url
        assert client.get(f"/es{url}").status_code == 200, url
