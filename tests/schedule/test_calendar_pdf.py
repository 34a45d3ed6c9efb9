import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from schedule.dose import calculate_dose
from schedule.pdf.calendar import Handout, render_calendar_pdf
from schedule.plan import build_schedule

from .backbone_vectors import VECTORS, expected

START = dt.date(2026, 1, 5)
LABELS = {"isatuximab": "Isa", "pomalidomide": "Pom", "dexamethasone": "Dex", "carfilzomib": "Car",
          "bortezomib": "Bor", "lenalidomide": "Len"}  # fmt: skip


NO_LINES = Handout()


def pages(schedule, paper="a4", handout=NO_LINES, made_on=START) -> list[str]:
    pdf = render_calendar_pdf(schedule, calculate_dose(Decimal(70)), paper, handout, made_on)
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def month_page(texts: list[str], title: str) -> str:
    return next(text for text in texts if text.startswith(title))


@pytest.mark.parametrize("vector", [v for v in VECTORS if v[2] == "2026-01-05"],
                         ids=lambda v: f"{v[0]}-c{v[1]}")  # fmt: skip
def test_month_pages_mark_every_vector_day(vector):
    slug, cycle, start, meds, _ = expected(vector)
    schedule = build_schedule(slug, start, start, first_cycle=cycle, last_cycle=cycle)
    texts = pages(schedule)
    months = {(d.year, d.month) for dates in meds.values() for d in dates}
    for year, month in months:
        title = dt.date(year, month, 1).strftime("%B %Y")
        text = month_page(texts, title)
        for name, label in LABELS.items():
            count = sum(1 for (n, _), dates in meds.items() if n == name
                        for d in dates if (d.year, d.month) == (year, month))  # fmt: skip
            assert text.count(f" {label}") == count, (title, name)


@pytest.mark.parametrize("vector", [v for v in VECTORS if v[1] == 1], ids=lambda v: v[0] + v[2])
def test_the_first_page_lists_the_next_visits_of_the_vectors(vector):
    slug, _, start, _, clinic = expected(vector)
    schedule = build_schedule(slug, start, start, first_cycle=1, last_cycle=1)
    first = pages(schedule)[0]
    for day in clinic[:3]:
        assert f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}" in first.replace("\n", " ")
    assert f"Treatment calendar: {schedule.regimen.name}" in first


@pytest.mark.parametrize(
    ("slug", "line"),
    [
        ("isa-pd", "pomalidomide capsule at home, days 1 to 21 of every cycle"),
        (
            "isa-kd",
            "carfilzomib drip (IV) at the clinic, days 1, 2, 8, 9, 15 and 16 of every cycle",
        ),
        (
            "isa-vrd-induction",
            "lenalidomide capsule at home, days 1 to 14 and 22 to 35 in cycles 1 to 3",
        ),
    ],
)
def test_the_legend_says_how_and_where_each_medicine_is_taken(slug, line):
    first = pages(build_schedule(slug, START, START))[0].replace("\n", " ")
    assert line in first
    assert "as prescribed by your team" in first
    assert "mg/m" not in first  # no backbone dose, ever


def test_it_prints_the_typed_lines_and_the_help_box():
    handout = Handout("Zoë Ødegård", "Lindqvist Unit", "+44 7700 900123", "999", "England")
    first = pages(build_schedule("isa-pd", START, START), handout=handout)[0]
    first = first.replace("\n", " ")
    expected_lines = [
        "For: Zoë Ødegård",
        "Lindqvist Unit on +44 7700 900123",
        "call 999",
        "When to get help",
        "This is an estimate",
        "700 mg",
        "70 kg (154 lb)",
    ]
    for text in expected_lines:
        assert text in first


def test_trial_days_are_labelled_and_imroz_says_the_team_gives_them():
    trial = pages(build_schedule("isa-vrd-induction", START, START))[0]
    assert "Your team's plan may differ." in trial.replace("\n", " ")
    assert "extra dexamethasone" not in trial  # the rule is confirmed for Pd and Kd only
    imroz = pages(build_schedule("isa-vrd", START, START))[0].replace("\n", " ")
    assert "Your care team will tell you the days for your other medicines." in imroz
    assert "lenalidomide capsule" not in imroz and "bortezomib injection" not in imroz


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_it_uses_the_chosen_paper(paper, size):
    pdf = render_calendar_pdf(build_schedule("isa-pd", START, START), calculate_dose(Decimal(70)),
                         paper, Handout(), START)  # fmt: skip
    box = PdfReader(io.BytesIO(pdf)).pages[1].mediabox
    assert (round(box.width), round(box.height)) == size


def test_holidays_show_only_for_a_chosen_place():
    holidays = {dt.date(2026, 1, 19): "Martin Luther King Jr. Day"}.get
    schedule = build_schedule("isa-pd", START, START, holidays=holidays)
    flagged = "".join(pages(schedule, handout=Handout(place="Texas")))
    assert "Public holiday in Texas, Martin Luther King Jr. Day" in flagged.replace("\n", " ")
    assert "Public holiday" not in "".join(pages(build_schedule("isa-pd", START, START)))


@pytest.mark.parametrize("slug", ["isa-pd", "isa-kd", "isa-vrd", "isa-vrd-induction"])
def test_the_first_page_holds_everything_even_with_long_lines_and_holidays(slug):
    start = dt.date(2026, 3, 30)  # Easter 2026: Good Friday and Easter Monday nearby
    holidays = {dt.date(2026, 4, 3): "Good Friday", dt.date(2026, 4, 6): "Easter Monday"}.get
    schedule = build_schedule(slug, start, start, holidays=holidays)
    handout = Handout("Wilhelmina Ąbrahamsdóttir-Featherstonehaugh",
                      "Quillfeather Myeloma Day Unit, St Bartholomew", "+44 7700 900456 ext 1234",
                      "999", "England")  # fmt: skip
    first = pages(schedule, paper="letter", handout=handout)[0].replace("\n", " ")
    for part in ("Your next clinic visits", "Your medicines", "When to get help", "Not urgent"):
        assert part in first
