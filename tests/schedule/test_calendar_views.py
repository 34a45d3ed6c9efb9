import datetime as dt
import io

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from schedule import wording
from schedule.forms import CalendarForm

TODAY = dt.date(2026, 3, 10)
URL = "/schedule/"
VALID = {
    "regimen": "isa-vrd",
    "weight": "83.4",
    "weight_unit": "kg",
    "start_date": "2026-01-05",
    "first_cycle": "1",
    "last_cycle": "3",
    "paper": "letter",
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def post(client, **changes):
    data = {k: v for k, v in {**VALID, **changes}.items() if v is not None}
    return client.post(URL, data)


def assert_private(response):
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Location" not in response


def test_it_shows_the_form_with_a_privacy_statement(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing you type is stored" in html
    assert 'method="post"' in html and f'action="{URL}"' in html
    assert html.count('autocomplete="off"') >= 9
    assert_private(response)


def test_it_shows_the_calendar_for_valid_input(client):
    response = post(client)
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in [
        "Isa-VRd",
        "834 mg",
        "41.7 mL",
        "Confirm every date and dose with your care team",
        "Monday 5 January 2026",
        "Monday 27 April 2026",
        "Infusion 11",
        "about 3 hours 20 minutes",
        "<caption>January 2026</caption>",
        '<span aria-hidden="true">Mon</span><span class="visually-hidden">Monday</span>',
        '<span aria-hidden="true">●</span> <span class="mark-word">Infusion</span> 3',
        "Your pharmacy prepares the exact dose",
        "every later date moves",
    ]:
        assert phrase in html, phrase
    assert_private(response)


def test_it_carries_the_values_in_hidden_fields_for_the_downloads(client):
    html = post(client).content.decode()
    assert '<input type="hidden" name="weight" value="83.4">' in html
    assert '<input type="hidden" name="start_date" value="2026-01-05">' in html
    assert 'name="format" value="pdf"' in html and 'name="format" value="ics"' in html


def test_it_offers_the_wallet_card_with_only_the_start_date(client):
    html = post(client).content.decode()
    card_form = html[html.index('action="/schedule/wallet-card/"') :]
    card_form = card_form[: card_form.index("</form>")]
    assert 'name="start_date" value="2026-01-05"' in card_form
    assert 'name="from_calendar" value="1"' in card_form
    assert "83.4" not in card_form and "isa-vrd" not in card_form
    assert "Make a blood transfusion alert card" in card_form


def test_it_starts_from_the_current_cycle_by_default(client):
    html = post(client, regimen="isa-pd", first_cycle="", last_cycle="").content.decode()
    assert "Cycles 3 to 9" in html
    assert "Monday 5 January 2026</th>" not in html  # cycle 1 is before the shown window


def test_it_says_when_the_induction_is_over(client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 6, 1))
    html = post(client, regimen="isa-vrd-induction", first_cycle="", last_cycle="").content
    assert "All infusions of this treatment were before today" in html.decode()


def test_it_downloads_the_ics_as_an_attachment(client):
    response = post(client, format="ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-calendar.ics"'
    calendar = Calendar.from_ical(response.content)
    starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
    assert starts[0] == dt.date(2026, 1, 5) and starts[-1] == dt.date(2026, 4, 27)
    assert len(starts) == 11
    assert_private(response)


def test_it_downloads_the_pdf_on_the_chosen_paper(client):
    response = post(client, format="pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-calendar.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        612,
        792,
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Monday 27 April 2026" in text and "Made on Tuesday 10 March 2026" in text
    assert_private(response)


def test_the_page_the_pdf_and_the_ics_share_their_sentences(client):
    page = " ".join(post(client).content.decode().split())
    reader = PdfReader(io.BytesIO(post(client, format="pdf").content))
    pdf = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    ics = Calendar.from_ical(post(client, format="ics").content)
    described = [str(event["DESCRIPTION"]) for event in ics.walk("VEVENT")]
    shared = [wording.ESTIMATE, *wording.DOSE_NOTES, wording.TIMES, wording.DELAYS]
    shared += [item.value for item in wording.summary_items(form_plan())]
    for sentence in shared:
        assert sentence in page, sentence
        assert sentence in pdf, sentence
    assert wording.made_on(TODAY) in page and wording.made_on(TODAY) in pdf
    assert all(wording.PREMEDICINES in text for text in described)


def form_plan():
    form = CalendarForm(VALID, today=TODAY)
    assert form.is_valid(), form.errors
    return form.plan


def test_it_refills_the_form_to_change_details(client):
    html = post(client, format="edit").content.decode()
    assert "Make my calendar" in html
    assert 'value="83.4"' in html
    assert "There is a problem" not in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"weight": ""}, "weight", "Enter your weight"),
        ({"weight": "heavy"}, "weight", "as a number"),
        ({"weight": "-5"}, "weight", "above 0"),
        ({"weight": "1e309"}, "weight", "as a number"),
        ({"weight": "9" * 10_000}, "weight", "as a number"),
        ({"weight": "NaN"}, "weight", "as a number"),
        ({"weight": "40", "weight_unit": "lb"}, "weight", "With pounds (lb) chosen"),
        ({"weight": "300"}, "weight", "between 30 and 250 kg"),
        ({"weight_unit": "stone"}, "weight_unit_0", "kilograms (kg) or pounds (lb)"),
        ({"regimen": "<script>"}, "regimen", "Choose one of the treatments"),
        ({"regimen": None}, "regimen", "Choose your treatment"),
        ({"start_date": "9999-12-31"}, "start_date", "no more than 1 year"),
        ({"start_date": "0001-01-01"}, "start_date", "last 5 years"),
        ({"start_date": "31/12/2025"}, "start_date", "YYYY-MM-DD"),
        ({"start_date": "🙂"}, "start_date", "YYYY-MM-DD"),
        ({"first_cycle": "4", "regimen": "isa-vrd-induction"}, "first_cycle", "from 1 to 3"),
        ({"last_cycle": "99999999999999999999"}, "last_cycle", "999 or less"),
        ({"regimen": "isa-pd", "last_cycle": "40"}, "last_cycle", "more than 2 years"),
    ],
)
def test_it_shows_bad_input_next_to_the_field_and_in_the_summary(client, changes, field, message):
    response = post(client, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert f'href="#id_{field}"' in summary
    assert message in summary
    assert html.count(message) >= 2  # once in the summary, once next to the field
    assert "<title>Error: " in html
    assert_private(response)


@pytest.mark.parametrize("output", ["ics", "pdf", "anything"])
def test_it_never_downloads_from_bad_input(client, output):
    response = post(client, weight="", format=output)
    assert response["Content-Type"].startswith("text/html")
    assert "There is a problem" in response.content.decode()


def test_it_survives_an_empty_post(client):
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_it_needs_no_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, VALID)
    assert response.status_code == 200
    assert "<h1>Your treatment calendar</h1>" in response.content.decode()


def test_it_refuses_other_methods(client):
    assert client.put(URL).status_code == 405
    assert client.head(URL).status_code == 200
