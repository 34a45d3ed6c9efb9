"""The booklet prints each chapter's self-check questions, with the answers on a page of their
own, in English and Spanish, and stays a tagged PDF (issue 26)."""

import pytest
from django.core.cache import cache
from django.test import Client

from education.content_loader import load_content
from education.governance.rules import published_revision
from education.models import Page
from education.selfcheck.questions import SNAPSHOT_KEY

from .conftest import flat, pdf_text, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]


@pytest.mark.parametrize(
    ("language", "url", "answers"),
    [
        ("en", "/booklet/isatuximab-guide-a4.pdf", "Answers:"),
        ("es", "/es/booklet/isatuximab-guide-a4.pdf", "Respuestas:"),
    ],
)
def test_the_booklet_prints_the_questions_and_the_answers_apart(language, url, answers):
    load_content()
    cache.clear()
    response = Client().get(url)
    assert response.status_code == 200
    text = flat(pdf_text(response.content))
    page = Page.objects.get(slug="blood-clots", language=language)
    for q in published_revision(page).content[SNAPSHOT_KEY]:
        assert flat(q["question"]) in text
        assert flat(q["explanation"]) in text
    heading = f"{answers} {page.title}"
    assert heading in text
    pdf = reader(response.content)
    pages_with = [n for n, p in enumerate(pdf.pages) if flat(p.extract_text()).find(heading) >= 0]
    question_page = [
        n for n, p in enumerate(pdf.pages)
        if flat(published_revision(page).content[SNAPSHOT_KEY][0]["question"])
        in flat(p.extract_text())
    ]  # fmt: skip
    assert pages_with and question_page and pages_with[0] > question_page[0]
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
    # the get-help section prints its own self-check too, sending the reader back to a tier
    get_help = Page.objects.get(slug="get-help", language=language)
    help_questions = published_revision(get_help).content[SNAPSHOT_KEY]
    for q in help_questions:
        if "{fever}" not in q["question"]:
            assert flat(q["question"]) in text, q["key"]
    assert f"{answers} {get_help.title}" in text
    tier = "Urgent: call your 24-hour number now" if language == "en" else "Urgente: llame ya"
    assert flat(tier) in text.split(f"{answers} {get_help.title}", 1)[1][:3000]
