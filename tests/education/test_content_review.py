"""The clinical review's corrections and the new partner-drug content, in the shipped files and
on the rendered pages (issue 11). Each row names a page, sentences that must be gone and facts
that must be there; FACTS.md / FACTS-partner-drugs.md sections are noted beside them."""

import html as html_lib
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from education.content_loader import CONTENT_DIR, shipped_pages
from education.text.readability import plain_text
from schedule.regimens import REGIMENS

REVIEW = [
    (  # FACTS 7: most common by regimen, how often low white cells; serious and fatal infections
        "side-effects",
        # Issue 21 brings tumour lysis syndrome back (FACTS 7 EU label, P5 confusion), without
        # the invented explanation the review removed: only "break down fast" stays forbidden.
        ["The most common are infections and reactions to the drip", "life-threatening",
         "break down fast", "24 hours"],
        # Issue 24: trimmed to what a patient acts on; each study's list is on trial-results.
        ["What should I do if I get side effects?", "Which side effects are most common?",
         "About 46 in 100 people in the studies had a serious infection.",
         "96 in 100 people with Isa-Pd.",
         "Some people died from an infection: about 5 in 100.",
         "A reaction can happen during the drip or after it, even later that day at home.",
         "Tumour lysis syndrome. The European leaflet also lists this problem."],
    ),
    (  # FACTS 7 tables, moved from side-effects (issue 24); frequencies as "x in 100"
        "trial-results",
        ["About 7 in 10 people", "About 1 in 9 died", "About 1 in 4 people"],
        ["What side effects were most common in each study?", "ICARIA-MM (Isa-Pd):",
         "Blood tests found this in almost everyone: 96 in 100 people. In 85 in 100 people, the "
         "level got very low.", "A fever while the white blood cells were low: 12 in 100 people.",
         "About 11 in 100 died from a side effect."],
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
    # Issue 24: the first checklist item says in plain words what the test is for.
    first = next(item for item in checklist if item["order"] == 50)
    assert first["text"] == (
        "Have the blood bank test (type and screen) that your team arranges before your first dose"
    )
    assert "finds your blood group and checks your blood for antibodies" in first["why"]


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
@pytest.mark.django_db  # the page header reads the approved 24-hour number
def test_the_calendar_describes_each_regimen_as_the_label_does(client, slug, present, gone):
    assert present in REGIMENS[slug].who_for
    assert gone not in REGIMENS[slug].who_for
    form = html_lib.unescape(client.get("/schedule/").content.decode())
    assert present in form and gone not in form


# --- Independent fact-check of content v2 (each case names the FACTS section it enforces) ---


def checklist_item(order: int) -> dict:
    items = json.loads((CONTENT_DIR / "checklist.json").read_text(encoding="utf-8"))
    return next(item for item in items if item["order"] == order)


def test_it_sends_sudden_one_sided_weakness_to_the_emergency_number_on_the_checklist():
    # FACTS-partner-drugs P5: sudden numbness or weakness on one side is an emergency (stroke),
    # not only a call to the team; the checklist item on new weakness must say so.
    why = checklist_item(26)["why"]
    assert "Sudden weakness or numbness on one side of your body is an emergency" in why
    assert "call an ambulance" in why


def test_it_says_infections_can_be_fatal_in_the_checklist_and_the_infections_summary():
    # FACTS 7: serious and sometimes fatal infections (pooled: serious 46%, fatal 4.7%); "can be
    # serious" alone understates the label, as the clinical review found for "life-threatening".
    assert "some people have died from them" in checklist_item(20)["why"]
    page = next(p for p in shipped_pages() if p["slug"] == "infections-and-vaccines")
    assert "can be serious, even deadly" in page["summary"]


def test_it_labels_the_vaccine_advice_on_the_infections_page_as_general_myeloma_guidance():
    # FACTS 7 and 13.8: no isatuximab label statement on vaccines; FACTS-partner-drugs P6: the
    # advice is general myeloma guidance and must be labelled as such wherever it is given.
    text = shipped_text("infections-and-vaccines")
    assert "General advice for people with myeloma is that some vaccines are usually advised" in (
        text
    )
    assert "This advice is not from the isatuximab label." in text


def test_it_gives_steroid_with_food_as_team_advice_not_as_a_rule():
    # FACTS-partner-drugs P2: the Neofordex leaflet says "with a glass of water"; "with food" is
    # practice advice (NHS, Macmillan), not label, so the page must present it as such.
    text = shipped_text("steroid-effects")
    assert "Taking your dose with food can help." not in text
    assert "Many teams advise taking your dose with food, as this can help." in text


def test_it_defines_the_pregnancy_prevention_programme_for_women_and_men_and_after_treatment():
    # FACTS-partner-drugs P1b (and FACTS 15b): the programme covers men (condoms, no sperm or
    # blood donation) and runs on after the last capsule; "no one gets pregnant while taking
    # them" left out both.
    glossary = json.loads((CONTENT_DIR / "glossary.json").read_text(encoding="utf-8"))
    entry = next(t for t in glossary if t["term"] == "Pregnancy prevention programme")
    assert "no one gets pregnant while taking them" not in entry["definition"]
    assert "during treatment and for a time after" in entry["definition"]
    assert "for women and for men" in entry["definition"]


def test_it_sends_the_after_treatment_waits_for_men_and_blood_donation_back_to_the_team():
    # FACTS-partner-drugs P1 "could not confirm": the current US durations for condoms and blood
    # donation were not read verbatim (7 days EU, 4 weeks US), so the numbers come with "ask".
    text = shipped_text("pregnancy-and-contraception")
    assert "In the US, it is 4 weeks. Ask your team how long this is for you." in text
    assert "or 4 weeks in the US. Ask your team how long to wait." in text


def test_it_names_all_low_white_cells_neutropenia_not_only_the_very_low_level():
    # FACTS 5: with Isa-Pd, lab neutropenia 96% (the low white cells), grade 3-4 85% (very low);
    # "the level got very low. This is called neutropenia." mislabelled the 85% as neutropenia,
    # against the glossary and the infections page.
    text = shipped_text("trial-results")  # the study detail moved here (issue 24)
    assert "the level got very low. This is called neutropenia." not in text
    assert "Low white blood cells (neutropenia). Blood tests found this in almost everyone" in text


ROOT = Path(__file__).resolve().parents[2]
# The project's shared/ folder sits beside the clone (on developer machines and in CI).
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_RUN = 8  # words in a row shared with a seed that count as copied


def word_runs(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", "")).split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no shared/seeds folder beside this clone")
def test_it_copies_no_run_of_eight_words_from_a_seed_document():
    # BRIEF non-negotiable 1: never copy a sentence from shared/seeds (FACTS 11 lists their errors).
    seed_runs: set[tuple[str, ...]] = set()
    for seed in SEEDS.iterdir():
        seed_runs |= word_runs(seed.read_text(encoding="utf-8", errors="ignore"), SEED_RUN)
    shipped = [
        *sorted((CONTENT_DIR / "pages").glob("*.md")),
        CONTENT_DIR / "checklist.json",
        CONTENT_DIR / "glossary.json",
        ROOT / "templates" / "includes" / "help_block.html",
        ROOT / "education" / "templates" / "education" / "get_help.html",
        ROOT / "schedule" / "regimens.py",
    ]
    assert len(seed_runs) > 100 and len(shipped) > 20
    for path in shipped:
        copied = word_runs(path.read_text(encoding="utf-8"), SEED_RUN) & seed_runs
        assert not copied, (path.name, sorted(" ".join(run) for run in copied)[:3])


def test_it_hedges_the_under_the_skin_form_on_the_how_it_is_given_page():
    # FACTS 2d, 9 and 13.2 (EU approval date and SmPC, Escena label beyond its indications are
    # UNCONFIRMED): every page that mentions the under-the-skin form says "depending on your
    # country", as the other pages already do.
    text = shipped_text("how-it-is-given")
    assert "The form given under the skin is different." not in text
    assert "Depending on your country, there may also be a form given under the skin." in text


def test_the_infusion_day_example_adds_the_premedicines_to_the_drip_times_both_languages():
    """PEMAT item 24's worked example is FACTS arithmetic (4b durations plus the 15 to 60
    minutes of premedicines, 4c), written with the calendar's own duration words."""
    from decimal import Decimal

    from schedule.plan import expected_minutes
    from schedule.wording import PREMEDICINE_MINUTES, duration_text

    earliest, latest = PREMEDICINE_MINUTES
    for language, folder in (("en", CONTENT_DIR), ("es", CONTENT_DIR / "es")):
        (page,) = [p for p in shipped_pages(folder) if p["slug"] == "infusion-day"]
        text = " ".join(plain_text(page["body"]).split())
        for number in (1, 3):
            low, high = (expected_minutes(number) + Decimal(m) for m in (earliest, latest))
            assert (low, high) == ((215, 260) if number == 1 else (90, 135))
            if language == "en":
                words = [duration_text(m).removeprefix("about ") for m in (low, high)]
                assert f"about {words[0]} to {words[1]}" in text, number
        if language == "es":
            assert "de unas 3 horas y 35 minutos a 4 horas y 20 minutos" in text
            assert "de unos 90 minutos a 2 horas y 15 minutos" in text
