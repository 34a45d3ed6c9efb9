import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

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


def test_it_shows_the_form_with_a_privacy_statement_and_no_unit_chosen(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing you type is stored" in html
    assert 'method="post"' in html and f'action="{URL}"' in html
    assert 'name="weight_unit" value="kg"' in html and "checked" not in html.split("weight_unit")[1]
    assert '<details class="optional-section" id="other-medicines">' in html  # closed
    assert 'name="days_isa-pd_pomalidomide_0" value="1-21"' in html
    assert 'name="days_isa-vrd_lenalidomide_0" value=""' not in html  # IMROZ: no value at all
    assert_private(response)


def test_it_shows_the_calendar_for_valid_input(client):
    response = post(client, regimen="isa-kd", first_cycle="", last_cycle="")
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in [
        "At a glance",
        "Today is cycle 3, day 9.",
        'id="next-visit"',
        "Tuesday 10 March 2026</strong> (cycle 3, day 9): today",
        "At the clinic: carfilzomib drip (IV); dexamethasone.",
        "Monday 16 March 2026: isatuximab drip (IV), infusion 8; carfilzomib drip (IV); dexa",
        "about 75 minutes",
        "834 mg",
        "41.7 mL",
        "83.4 kg (184 lb)",
        "Confirm every date and dose with your care team",
        "<caption>March 2026</caption>",
        '<span aria-hidden="true">▲</span> Car',
    ]:
        assert phrase in html, phrase
    assert "Today</strong>" in html and "past</span>" in html
    assert_private(response)


def test_it_lists_tablets_due_at_home_this_week(client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 20))
    html = post(client, regimen="isa-kd", first_cycle="", last_cycle="").content.decode()
    assert "Dexamethasone tablet: Mon 23 Mar, Tue 24 Mar" in html


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
    assert "83.4" not in card_form and "isa-vrd" not in card_form


def test_imroz_shows_isatuximab_only_and_says_the_team_gives_the_rest(client):
    html = post(client).content.decode()
    assert "Your care team will tell you the days for your other medicines." in html
    assert "lenalidomide capsule" not in html and "bortezomib injection" not in html


def test_the_team_can_enter_imroz_days(client):
    html = post(client, **{"days_isa-vrd_lenalidomide_0": "1-14, 22-35"}).content.decode()
    assert "lenalidomide capsule at home, days 1 to 14 and 22 to 35 in cycles 1 to 4" in html
    assert "typed in by your care team" in html


def test_it_says_when_the_induction_is_over(client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 6, 1))
    html = post(client, regimen="isa-vrd-induction", first_cycle="", last_cycle="").content
    assert "All the treatment days of Isa-VRd before transplant were before today" in html.decode()


def test_it_asks_about_154_kg_before_showing_any_dose(client):
    response = post(client, weight="154")
    html = response.content.decode()
    assert "You entered 154 kg (340 lb). Is that right?" in html
    assert 'name="weight_checked" value="154 kg"' in html
    assert 'name="weight_checked" value="154 lb"' in html
    assert " mg" not in html and "At a glance" not in html
    question = html.split('class="weight-question"', 1)[1]
    assert not re.search(r"<input[^>]*\schecked", question)  # no answer chosen
    assert "btn-primary" not in html.split("<legend", 1)[1].split("</fieldset>")[0]
    assert_private(response)
    answered = post(client, weight="154", weight_checked="154 lb").content.decode()
    assert "699 mg" in answered and "69.9 kg (154 lb)" in answered


def test_continue_without_an_answer_asks_again_with_the_message_by_the_question(client):
    response = post(client, weight="154", weight_asked="1")
    assert response.status_code == 200
    html = response.content.decode()
    assert "You entered 154 kg (340 lb). Is that right?" in html
    error = html.split('id="weight-question-error"', 1)[1].split("</p>", 1)[0]
    assert "Choose one answer, then press Continue." in error
    assert 'aria-describedby="weight-question-error"' in html
    assert " mg" not in html and "<title>Error:" in html
    assert "Choose one answer" not in post(client, weight="154").content.decode()


def test_it_does_not_ask_about_70_kg_or_a_typed_unit(client):
    for weight in ("70", "154 lb"):
        html = post(client, weight=weight).content.decode()
        assert "Is that right?" not in html and "At a glance" in html


def test_it_flags_holidays_only_for_a_chosen_place(client):
    plain = post(client, regimen="isa-pd", start_date="2026-04-06", first_cycle="1").content
    assert b"Public holiday" not in plain
    html = post(
        client, regimen="isa-pd", start_date="2026-04-06", first_cycle="1", holidays="GB-ENG"
    ).content.decode()
    assert "Public holiday in England, Easter Monday: your clinic may move this visit." in html
    scotland = post(
        client, regimen="isa-pd", start_date="2026-04-06", last_cycle="1", holidays="GB-SCT"
    ).content
    assert b"Public holiday" not in scotland  # Easter Monday is not a holiday in Scotland


def test_several_delays_move_the_page(client):
    delays = {"delay1_kind": "infusion", "delay1_number": "2", "delay1_days": "3",
              "delay2_kind": "cycle", "delay2_number": "2", "delay2_days": "4"}  # fmt: skip
    html = post(client, regimen="isa-pd", **delays).content.decode()
    assert "Monday 12 January 2026" not in html and "Thursday 15 January 2026" in html
    assert "Monday 9 February 2026" in html  # C2D1: 2 February + 3 + 4 days
    assert "moved 7 days by delays" in html


def test_it_downloads_the_ics_as_an_attachment(client):
    response = post(client, format="ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-calendar.ics"'
    calendar = Calendar.from_ical(response.content)
    starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
    assert starts == [dt.date(2026, 3, 16), dt.date(2026, 3, 30), dt.date(2026, 4, 13),
                      dt.date(2026, 4, 27)]  # fmt: skip
    past = Calendar.from_ical(post(client, format="ics", ics_past="on").content)
    assert len(list(past.walk("VEVENT"))) == 11
    assert_private(response)


@pytest.mark.django_db
def test_it_downloads_the_handout_on_the_chosen_paper(client):
    response = post(client, format="pdf", patient_name="Zoë", clinic_phone="0123 456")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-calendar.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        612,
        792,
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Monday 13 April 2026" in text and "Made on Tuesday 10 March 2026" in text
    assert "For: Zoë" in text and "0123 456" in text
    assert "a temperature of 38 °C (100.4 °F) or higher" in text.replace("\n", " ")
    assert_private(response)


def test_it_refills_the_form_to_change_details(client):
    html = post(client, format="edit", **{"days_isa-pd_pomalidomide_0": "1-14"}).content.decode()
    assert "Make my calendar" in html
    assert 'value="83.4"' in html and 'value="1-14"' in html
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
        ({"weight": "40", "weight_unit": "lb"}, "weight", "If you meant 40 kg"),
        ({"weight": "300"}, "weight", "If you meant 300 lb"),
        ({"weight_unit": None}, "weight_unit_0", "or type the unit after the number"),
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
        ({"regimen": "isa-pd", "days_isa-pd_pomalidomide_0": ""}, "days_isa-pd_pomalidomide_0",
         "Enter at least one day"),
        ({"regimen": "isa-pd", "days_isa-pd_pomalidomide_0": "0-21"},
         "days_isa-pd_pomalidomide_0", "no day 0"),
        ({"regimen": "isa-pd", "days_isa-pd_pomalidomide_0": "1-29"},
         "days_isa-pd_pomalidomide_0", "past the end of the cycle"),
        ({"days_isa-vrd_bortezomib_0": "1,,4"}, "days_isa-vrd_bortezomib_0", "empty place"),
        ({"delay1_number": "3"}, "delay1_days", "Enter how many days later"),
        ({"delay2_days": "3"}, "delay2_number", "Enter the infusion or cycle number"),
        ({"delay1_number": "40", "delay1_days": "3", "delay1_kind": "cycle",
          "regimen": "isa-vrd-induction"}, "delay1_number", "cycles 1 to 3"),
        ({"delay1_number": "2", "delay1_days": "3", "delay1_kind": "cycle",
          "delay2_number": "6", "delay2_days": "3"}, "delay2_number", "same point"),
        ({"delay1_number": "2", "delay1_days": "91"}, "delay1_days", "90 or less"),
        ({"patient_name": "x" * 81}, "patient_name", "at most 80 characters"),
    ],
)  # fmt: skip
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
    if field.startswith(("days_", "delay")):
        assert '<details class="optional-section" id="other-medicines" open>' in html
    assert_private(response)


@pytest.mark.parametrize("output", ["ics", "pdf", "anything"])
def test_it_never_downloads_from_bad_input_or_an_unanswered_question(client, output):
    response = post(client, weight="", format=output)
    assert "There is a problem" in response.content.decode()
    asked = post(client, weight="154", format=output)
    assert asked["Content-Type"].startswith("text/html")
    assert "Is that right?" in asked.content.decode()


def test_it_survives_an_empty_post(client):
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_it_needs_no_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, VALID)
    assert response.status_code == 200


def test_it_refuses_other_methods(client):
    assert client.put(URL).status_code == 405
    assert client.head(URL).status_code == 200
