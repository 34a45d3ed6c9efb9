"""Issue 21: the intended-use page, linked from the footer and the calendar, in both languages;
the handout carries the same line."""

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "words"),
    [("", "The pharmacy works out and prepares your real dose."),
     ("/es", "La farmacia calcula y prepara su dosis real.")],
)  # fmt: skip
def test_the_page_says_what_the_tool_is_for_and_every_page_links_to_it(client, prefix, words):
    html = client.get(f"{prefix}/intended-use/").content.decode()
    assert words in html
    assert f'href="{prefix}/intended-use/"' in client.get(f"{prefix}/get-help/").content.decode()


def test_the_calendar_page_and_handout_say_the_plan_of_the_team_wins(client):
    form = {"regimen": "isa-pd", "weight": "70", "weight_unit": "kg",
            "start_date": "2026-01-05", "paper": "a4"}  # fmt: skip
    html = client.post("/schedule/", form).content.decode()
    assert 'href="/intended-use/"' in html
    pdf = client.post("/schedule/", {**form, "format": "pdf"}).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "the pharmacy works out your real dose. Your care team's plan comes first." in text
