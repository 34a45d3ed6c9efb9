import datetime as dt
import functools
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from schedule.pdf.calendar import render_calendar_pdf
from schedule.plan import build_plan

START = dt.date(2026, 1, 5)
MADE = dt.date(2025, 12, 1)


@functools.cache  # parsing is the slow part; each PDF is read once
def render(slug="isa-pd", first=1, last=3, paper="a4", weight="83.4"):
    plan = build_plan(slug, START, Decimal(weight), "kg", MADE, first, last)
    return PdfReader(io.BytesIO(render_calendar_pdf(plan, paper, generated_on=MADE)))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_it_uses_the_chosen_paper_size(paper, size):
    for page in render(paper=paper).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size


@pytest.mark.parametrize(
    ("slug", "first", "last", "dates"),
    [
        ("isa-pd", 1, 3, ["Monday 5 January 2026", "Monday 12 January 2026",
                          "Monday 19 January 2026", "Monday 26 January 2026",
                          "Monday 2 February 2026", "Monday 16 February 2026",
                          "Monday 2 March 2026", "Monday 16 March 2026"]),
        ("isa-kd", 1, 3, ["Monday 5 January 2026", "Monday 16 March 2026"]),
        ("isa-vrd", 1, 19, ["Monday 30 March 2026", "Monday 11 May 2026", "Monday 22 June 2026",
                            "Monday 4 January 2027", "Monday 18 January 2027", "Monday 24 May 2027",
                            "Monday 7 June 2027", "Monday 21 June 2027", "Monday 19 July 2027"]),
        ("isa-vrd-induction", 1, 3, ["Monday 5 January 2026", "Monday 27 April 2026"]),
    ],
)  # fmt: skip
def test_it_prints_the_facts_dates_as_real_text(slug, first, last, dates):
    text = text_of(render(slug, first, last))
    for date in dates:
        assert date in text


def test_it_prints_every_infusion_of_a_long_plan_across_numbered_pages():
    reader = render("isa-vrd", 1, 19)
    text = text_of(reader)
    total = len(reader.pages)
    assert total > 1
    for number in range(1, total + 1):
        assert f"Page {number} of {total}" in reader.pages[number - 1].extract_text()
    numbers = [int(n) for n in re.findall(r"^Infusion (\d+)$", text, flags=re.MULTILINE)]
    assert numbers == list(range(1, 43))  # C1-C17 = 40, then C18 and C19


def test_it_repeats_the_table_header_on_every_page_of_the_table():
    pages = [page.extract_text() for page in render("isa-pd", 1, 26).pages]
    table_pages = [text for text in pages if re.search(r"^Cycle \d+, day \d+$", text, re.M)]
    assert len(table_pages) >= 2
    assert all("Expected infusion time" in text for text in table_pages)


def test_it_shows_the_summary_dose_disclaimer_and_generation_date():
    text = text_of(render(weight="83.4"))
    for phrase in [
        "Isatuximab treatment calendar",
        "Isa-Pd",
        "834 mg",
        "41.7 mL",
        "rounded to the nearest 0.1 kg",
        "Your pharmacy prepares the exact dose",
        "Confirm every date and dose with your care team",
        "Made on Monday 1 December 2025",
        "Cycle 1, day 15",
        "about 3 hours 20 minutes",
        "January 2026",
        "● Infusion 4",
    ]:
        assert phrase in text, phrase


@pytest.mark.parametrize("paper", ["A3", "A4", "Letter"])  # the keys are "a4" and "letter"
def test_it_refuses_an_unknown_paper_size(paper):
    plan = build_plan("isa-pd", START, Decimal(70), "kg", MADE)
    with pytest.raises(ValueError):
        render_calendar_pdf(plan, paper, generated_on=MADE)
