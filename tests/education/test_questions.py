"""The question builder: the sheet (PDF read back with pypdf, and the print view) holds the
ticked and typed questions, the date, the approved 24-hour number and "Bring this to your
visit", in English and Spanish, on A4 and Letter; bad input gets a message by the field."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from education.models import HelpSettings, QuestionPrompt
from education.text.readability import grade_level, spanish_score

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)
PHONE = "+44 20 7946 0321"
OWN = "Can I go to my grandson's wedding on 12 January?"
CONTENT = Path(__file__).resolve().parents[2] / "education" / "content"


@pytest.fixture
def shipped(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    call_command("load_initial_content", verbosity=0)
    settings = HelpSettings.load()  # the approved value the public reads
    settings.phone_24h = PHONE
    settings.save()


def prompt(text: str, language: str = "en") -> QuestionPrompt:
    return QuestionPrompt.objects.get(text=text, language=language)


def pdf_text(response) -> tuple[str, PdfReader]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, reader


def test_the_page_lists_ask_me_3_first_then_each_moment(client, shipped):
    html = client.get("/questions/").content.decode()
    first = html.index("What is my main problem?")
    for later in ("What do I need to do?", "Why is it important for me to do this?"):
        assert first < html.index(later) < html.index("Before starting")
    for heading in ("On infusion days", "Side effects", "Blood tests and transfusion",
                    "Pregnancy and family", "After treatment"):  # fmt: skip
        assert f"<legend>{heading}</legend>" in html
    assert 'method="post" action="/questions/"' in html


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "prefix, words",
    [
        ("", ("Questions for my next visit", "Bring this to your visit.", "Monday 7 December 2026",
              "What is my main problem?", "Which birth control should I use")),
        ("/es", ("Preguntas para mi próxima visita", "Traiga esto a su visita.",
                 "lunes 7 de diciembre de 2026", "¿Cuál es mi problema principal?",
                 "¿Qué método anticonceptivo debo usar")),
    ],
)  # fmt: skip
def test_the_pdf_holds_the_ticked_and_typed_questions(client, shipped, prefix, words, paper):
    language = "es" if prefix else "en"
    ticked = [prompt(QuestionPrompt.objects.get(language="en", order=n).text).pk for n in (1, 50)]
    if language == "es":
        ticked = [QuestionPrompt.objects.get(translation_of_id=pk).pk for pk in ticked]
    data = {"asked": ticked, "own_1": OWN, "own_3": "Ülkü's café?", "paper": paper, "output": "pdf"}
    response = client.post(f"{prefix}/questions/", data)
    assert response.status_code == 200
    text, reader = pdf_text(response)
    for word in (*words, OWN, "Ülkü's café?", PHONE):
        assert word in text, word
    assert len(reader.pages) == 1
    size = reader.pages[0].mediabox
    assert round(float(size.width)) == (595 if paper == "a4" else 612)
    assert reader.trailer["/Root"].get("/Lang") == language
    assert reader.metadata.title == words[0]
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert f"-{paper}.pdf" in response["Content-Disposition"]


def test_the_print_view_holds_the_questions_and_escapes_them(client, shipped):
    asked = prompt("Can I breastfeed during my treatment?").pk
    data = {"asked": [asked], "own_2": "<b>Is 5 < 6?</b>", "output": "print"}
    response = client.post("/questions/", data)
    html = response.content.decode()
    for phrase in ("Can I breastfeed during my treatment?", "Bring this to your visit.", PHONE,
                   "Monday 7 December 2026", "&lt;b&gt;Is 5 &lt; 6?&lt;/b&gt;"):  # fmt: skip
        assert phrase in html, phrase
    assert "<b>Is 5" not in html
    assert "no-store" in response["Cache-Control"] and not response.cookies


def test_a_long_list_gets_tighter_then_goes_on_to_more_pages(client, shipped):
    everything = list(QuestionPrompt.objects.filter(language="en").values_list("pk", flat=True))
    few = {"asked": everything[:8], "output": "pdf"}
    assert len(pdf_text(client.post("/questions/", few))[1].pages) == 1
    own = {f"own_{n}": f"My own question number {n}?" for n in range(1, 6)}
    response = client.post("/questions/", {"asked": everything, **own, "output": "pdf"})
    text, reader = pdf_text(response)
    assert len(reader.pages) > 1  # 38 questions with a line each: said on the page
    assert "Questions for my next visit (continued)" in text
    for question in QuestionPrompt.objects.filter(language="en"):
        assert question.text in text
    assert text.count("My own question number") == 5


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({f"own_{n}": f"Question {n}?" for n in range(1, 7)}, "own_5",
         "You can add up to 5 questions of your own."),
        ({"own_2": "x" * 1000}, "own_2", "Keep each question to 200 characters or fewer."),
        ({"asked": ["99999"]}, "asked", "Choose questions from the list."),
        ({"asked": ["not a number"]}, "asked", "Choose questions from the list."),
        ({}, "asked", "Tick at least one question, or write your own."),
        ({"own_1": "Fine?", "paper": "a3"}, "paper_0", "Choose A4 or US Letter."),
    ],
)  # fmt: skip
def test_bad_input_gets_a_message_by_the_field(client, shipped, data, field, message):
    response = client.post("/questions/", {**data, "output": "pdf"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html  # the summary links to the field...
    assert html.count(message) >= 2  # ...and the message is shown by the field too
    assert "no-store" in response["Cache-Control"] and not response.cookies


def test_the_prompts_read_at_grade_6_or_below_and_spanish_scores_70_or_more():
    english = [entry["text"] for entry in json.loads((CONTENT / "questions.json").read_text())]
    for text in english:
        assert grade_level(text) <= 6, text
    spanish = json.loads((CONTENT / "es" / "questions.json").read_text())
    assert len(spanish) == len(english)
    assert spanish_score(" ".join(entry["text"] for entry in spanish)) >= 70


def test_ask_me_3_are_shipped_first_in_both_languages():
    for path in (CONTENT / "questions.json", CONTENT / "es" / "questions.json"):
        entries = json.loads(path.read_text())
        assert [e.get("ask_me_3", False) for e in entries[:3]] == [True] * 3
        assert not any(e.get("ask_me_3") for e in entries[3:])
