"""The shipped page for blood banks says what the card says (FACTS.md 6; partner-drugs P8)."""

from io import StringIO

import pytest
from django.core.management import call_command

from education.models import Page


@pytest.fixture
def text(client) -> str:
    """The page's text as loaded and published (Markdown, whitespace collapsed)."""
    call_command("load_initial_content", stdout=StringIO())
    assert client.get("/for-blood-banks/").status_code == 200
    page = Page.objects.published().for_language("en").get(slug="for-blood-banks")
    return " ".join(f"{page.summary} {page.body}".split())


STATEMENTS = [
    "the indirect antiglobulin test (indirect Coombs test)",
    "the antibody screen and antibody identification",
    "the antiglobulin (antihuman globulin, AHG) crossmatch",
    "**ABO and RhD typing are usually not affected.** This is class data",
    "Give K-negative red cells unless the patient is known to be K-positive.",
    "Class practice: DTT also destroys Kell antigens",
    "type and screen (group and screen)",
    "having, or has had in the last 6 months,",
]


@pytest.mark.django_db
def test_the_blood_bank_page_names_the_tests_and_the_class_practice(text):
    missing = [statement for statement in STATEMENTS if statement not in text]
    assert not missing
    assert "24 hours" not in text  # FACTS 15b: "even later that day", no 24-hour promise
    assert "even later that day" in text
