"""Pages tell the reader the same level of urgency as /get-help/ (one safety source): a list
that says "call your team (or your 24-hour number) straight away" never holds a sign that the
governed red flags put in the emergency tier, in any shipped page, English or Spanish.

Found by the PEMAT reviews of issue 26: the steroid page said to "tell your team" about chest
pain, the pomalidomide and lenalidomide pages listed chest pain and a swollen face, and the
bortezomib page fainting, under "call your team straight away"; the red flags
(FACTS-partner-drugs P5) say call the emergency number.
"""

import re

import pytest

from education.content_loader import CONTENT_DIR, parse_page_file
from education.text.rendering import render_markdown

# Emergency-tier signs as pages word them (content/red_flags.json, tier "emergency").
EMERGENCY = {
    "en": ("chest pain", "swelling of your face", "bad trouble breathing", "fainting",
           "pass out"),
    "es": ("dolor en el pecho", "hinchazón de la cara", "le cuesta mucho respirar", "desmayo",
           "se desmaya"),
}  # fmt: skip
# A lead-in that asks for a call to the team or the 24-hour line (not the emergency number).
CALL_NOW = {
    "en": re.compile(r"(call|tell) your (care )?team|24-hour number", re.I),
    "es": re.compile(r"(llame|cuente)[^.]*su equipo|número de 24 horas", re.I),
}
_LEAD_AND_LIST = re.compile(r"<p>((?:(?!</p>).)*)</p>\s*<ul>(.*?)</ul>", re.S)


def pages(language: str) -> list:
    folder = CONTENT_DIR / "pages" if language == "en" else CONTENT_DIR / language / "pages"
    return sorted(folder.glob("*.md"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_call_your_team_list_holds_an_emergency_sign(language):
    checked = 0
    for path in pages(language):
        html = render_markdown(parse_page_file(path)["body"])
        for lead, items in _LEAD_AND_LIST.findall(html):
            if not CALL_NOW[language].search(lead):
                continue
            checked += 1
            for sign in EMERGENCY[language]:
                assert sign not in items.lower(), (path.name, lead, sign)
    assert checked >= 5  # the check really reads the pages' call lists


@pytest.mark.parametrize("language", ["en", "es"])
def test_pages_that_name_chest_pain_send_it_to_the_emergency_number(language):
    words = {"en": ("ambulance", "emergency"), "es": ("ambulancia", "emergencias")}[language]
    for path in pages(language):
        body = parse_page_file(path)["body"].lower()
        if EMERGENCY[language][0] in body:
            assert any(w in body for w in words), path.name
