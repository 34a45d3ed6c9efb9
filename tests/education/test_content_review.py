"""The clinical review's corrections and the new partner-drug content, in the shipped files and
on the rendered pages (issue 11). Each row names a page, sentences that must be gone and facts
that must be there; FACTS.md / FACTS-partner-drugs.md sections are noted beside them."""

import html as html_lib
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from education.content_loader import CONTENT_DIR, shipped_pages
from education.readability import plain_text
from schedule.regimens import REGIMENS

REVIEW = [
    (  # FACTS 7: most common by regimen, how often low white cells; serious and fatal infections
        "side-effects",
        ["The most common are infections and reactions to the drip", "life-threatening",
         "Tumour lysis", "tumour lysis", "24 hours"],
        ["What was most common with Isa-Pd?", "What was most common with Isa-Kd?",
         "What was most common with Isa-VRd?", "Blood tests found this in almost everyone: 96 in "
         "100 people. In 85 in 100 people, the level got very low.",
         "Some people died from an infection: about 5 in 100.",
         "A reaction can happen during the drip or after it, even later that day at home."],
    ),
    (  # FACTS 15b / P7: no 24-hour promise
        "infusion-day",
        ["24 hours"],
        ["A reaction can also start after the drip ends, even later that day at home."],
    ),
    (  # FACTS 7: serious and fatal infections
        "infections-and-vaccines",
        ["life-threatening"],
        ["Serious infections are common. Some people have died from an infection.",
         "about 5 in 100 people died from an infection"],
    ),
    (  # FACTS 15b, P1b: the IMiD programme for women and men
        "pregnancy-and-contraception",
        ["The rules for the other medicines in your mix may also apply to you."],
        ["Use a condom every time you have sex with a partner who is pregnant or could get "
         "pregnant.", "Do this even if you have had a vasectomy.",
         "In Europe, this is 7 days. In the US, it is 4 weeks.",
         "Do not give sperm to a sperm bank", "Do not give blood during treatment.",
         "Keep using it for 5 months after your last isatuximab dose.",
         "Start birth control at least 4 weeks before your first dose."],
    ),
    (  # FACTS 2d, 9: subcutaneous approvals hedged
        "who-is-it-for",
        ["In 2026, the US approved it", "such as Europe and Japan, have approved it too"],
        ["Depending on your country, there may also be a form given as an injection under the "
         "skin.", "Whether you can have it depends on where you live."],
    ),
    (  # FACTS 9: IRAKLIA non-inferior for response rate only
        "trial-results",
        ["The injection worked as well as the drip."],
        ["The study showed that the injection was not worse than the drip at getting the myeloma "
         "to respond.", "The study does not show that the injection works better than the drip."],
    ),
    (  # type and screen: the team arranges it
        "blood-tests-and-transfusions",
        ["Before your first dose, you have a blood test called"],
        ["Before your first dose, your team will arrange a blood test called a type and screen."],
    ),
    ("what-is-isatuximab", ["In some countries, there is now"], ["Depending on your country"]),
    ("questions", ["In some countries, there is a form"], ["Depending on your country"]),
    (  # P1c, P1a, P1b
        "pomalidomide",
        ["empty stomach", "2 hours before"],
        ["You most often take it once a day on days 1 to 21 of each 28-day cycle.",
         "You can take it with or without food.", "In Europe, skip the missed capsule.",
         "Never take 2 capsules to catch up.", "Take it exactly as your team told you."],
    ),
    (
        "lenalidomide",
        [],
        ["If it is less than 12 hours since your usual time, take it now.",
         "Do not breastfeed while you take it.", "Take it exactly as your team told you."],
    ),
    (  # P2
        "dexamethasone",
        [],
        ["Take your dose in the morning.", "Never take 2 doses to catch up.",
         "Do not take both unless they tell you to."],
    ),
    (  # P3
        "bortezomib",
        [],
        ["most often a small injection under the skin of your tummy or thigh",
         "Tell your team about any numbness or tingling at every visit."],
    ),
    (  # P4 and FACTS 3a
        "carfilzomib",
        [],
        ["The drip takes up to 30 minutes.", "dexamethasone. isatuximab. carfilzomib.",
         "drink exactly what your team advises"],
    ),
    (  # P1a
        "blood-clots",
        [],
        ["Take aspirin only if your team prescribed it.", "swelling in an arm",
         "pain and swelling in a leg, mostly in the calf"],
    ),
    ("steroid-effects", [],
     ["Trouble sleeping is very common.", "High blood sugar is very common."]),
    ("nerve-damage", [], ["about half of people had it: 54 in 100"]),
    ("heart-and-blood-pressure", [], ["37 in 100 people had high blood pressure"]),
    (  # P6: general myeloma guidance, labelled as such
        "vaccines",
        [],
        ["This page is general advice for people with myeloma. It is not from the isatuximab "
         "label.", "Live vaccines are usually avoided.",
         "the old shingles vaccine, called Zostavax", "a flu jab every year"],
    ),
    (
        "your-other-medicines",
        [],
        ["Take each one exactly as your team told you.", "Pomalidomide", "Lenalidomide",
         "Dexamethasone", "Bortezomib", "Carfilzomib"],
    ),
]  # fmt: skip


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def shipped_text(slug: str) -> str:
    page = next(p for p in shipped_pages() if p["slug"] == slug)
    return squash(plain_text(page["body"]))


def rendered_text(response) -> str:
    html = response.content.decode()
    html = html[html.index('class="page-body"') : html.index("</article>")]
    html = re.sub(r'<span class="glossary-def".*?</span>', "", html, flags=re.S)
    html = re.sub(r"</(p|li|h\d|td|th)>", ".", html)
    return squash(html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).replace(" .", ".")


@pytest.mark.parametrize(("slug", "gone", "present"), REVIEW, ids=[row[0] for row in REVIEW])
def test_the_shipped_page_has_the_correction(slug, gone, present):
    text = shipped_text(slug)
    for sentence in gone:
        assert sentence not in text, sentence
    for sentence in present:
        assert sentence in text, sentence


@pytest.mark.django_db
def test_every_rendered_page_has_its_corrections(client):
    call_command("load_initial_content", stdout=StringIO())
    for slug, gone, present in REVIEW:
        response = client.get(f"/learn/{slug}/")
        assert response.status_code == 200, slug
        text = rendered_text(response)
        for sentence in gone:
            assert sentence not in text, (slug, sentence)
        for sentence in present:
            assert sentence in text, (slug, sentence)


def test_no_shipped_text_promises_a_24_hour_limit_for_reactions():
    checklist = (CONTENT_DIR / "checklist.json").read_text(encoding="utf-8")
    glossary = (CONTENT_DIR / "glossary.json").read_text(encoding="utf-8")
    assert "24 hours" not in checklist and "24 hours" not in glossary
    pages = [p for p in shipped_pages() if p["slug"] != "for-blood-banks"]
    for page in pages:
        assert "24 hours" not in page["body"], page["slug"]


def test_the_type_and_screen_entries_say_the_team_arranges_it():
    glossary = json.loads((CONTENT_DIR / "glossary.json").read_text(encoding="utf-8"))
    entry = next(t for t in glossary if t["term"] == "Type and screen")["definition"]
    assert (
        "before a transfusion" in entry and "your team arranges it before your first dose" in entry
    )
    checklist = json.loads((CONTENT_DIR / "checklist.json").read_text(encoding="utf-8"))
    texts = [item["text"] for item in checklist]
    assert "Have a type and screen blood test before your first dose" not in texts
    assert "Have the type and screen blood test that your team arranges before your first dose" in (
        texts
    )


def test_every_new_word_is_in_the_glossary():
    glossary = json.loads((CONTENT_DIR / "glossary.json").read_text(encoding="utf-8"))
    terms = {t["term"].lower() for t in glossary}
    new_words = [
        "pomalidomide", "lenalidomide", "bortezomib", "carfilzomib", "blood clot",
        "blood thinner", "peripheral neuropathy", "live vaccine", "shingles", "heart failure",
        "high blood pressure", "pregnancy prevention programme",
    ]  # fmt: skip
    for word in new_words:
        assert word in terms, word


@pytest.mark.parametrize(
    ("slug", "present", "gone"),
    [
        ("isa-kd", "1 to 3 earlier treatments (US)", "1 or more earlier treatments"),
        ("isa-vrd", "people who cannot have a stem cell transplant", "not planned"),
    ],
)
def test_the_calendar_describes_each_regimen_as_the_label_does(client, slug, present, gone):
    assert present in REGIMENS[slug].who_for
    assert gone not in REGIMENS[slug].who_for
    form = html_lib.unescape(client.get("/schedule/").content.decode())
    assert present in form and gone not in form
