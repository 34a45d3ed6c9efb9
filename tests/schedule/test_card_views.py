"""The wallet-card page: form, calendar pre-fill, PDF and phone-image answers, errors, privacy."""

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from education.text.readability import grade_level

# The page header reads the approved 24-hour number (education/templatetags/help_numbers.py).
pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)
URL = "/schedule/wallet-card/"
FILLED = {
    "name": "Ana Quintela Silva",
    "start_date": "2026-01-05",
    "centre": "City Hospital",
    "centre_phone": "+1 (555) 010-0000",
    "blood_group": "A-",
    "screen_date": "2025-12-20",
    "contact_name": "Rui Silva",
    "contact_phone": "555 0100",
    "last_dose_date": "2026-03-02",
    "results_held_at": "City Hospital blood bank",
    "paper": "letter",
    "layout": "sheet",
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_it_has_the_reserved_url():
    assert reverse("wallet-card") == URL


def test_it_shows_an_empty_form_that_sets_no_cookie_and_is_not_cached(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form class="wallet-card-form" method="post"' in html
    assert 'autocomplete="off"' in html
    for field in ("name", "start_date", "centre", "centre_phone", "blood_group", "screen_date"):
        assert f'name="{field}"' in html
    for field in ("last_dose_date", "results_held_at"):
        assert f'name="{field}"' in html
    assert 'name="output" value="image"' in html
    assert "There is a problem" not in html
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html


def test_it_explains_why_privacy_and_printing_in_plain_words(client):
    html = client.get(URL).content.decode()
    assert "We do not keep what you type." in html
    assert "Every box is optional." in html
    assert "Actual size" in html
    assert "6 months after your last dose" in html
    assert reverse("for-blood-banks") in html
    main = html[html.index("<h1>") : html.index("</main>")]
    prose = re.sub(r"<form.*?</form>", "", main, flags=re.S)
    assert grade_level(prose) <= 8


def test_a_calendar_post_fills_in_the_start_date_without_showing_errors(client):
    response = client.post(URL, {"start_date": "2026-01-05", "from_calendar": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert 'value="2026-01-05"' in html
    assert "Please check it" in html
    assert "There is a problem" not in html and "is-invalid" not in html
    assert "no-store" in response["Cache-Control"]


def test_a_calendar_post_with_an_unreadable_date_shows_the_empty_form(client):
    html = client.post(URL, {"start_date": "soon", "from_calendar": "1"}).content.decode()
    assert "There is a problem" not in html and "Please check it" not in html
    assert 'value="soon"' not in html


def test_a_full_submit_downloads_the_card(client):
    response = client.post(URL, FILLED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="isatuximab-alert-card.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    for value in ("Ana Quintela Silva", "5 Jan 2026", "A RhD negative", "555 0100"):
        assert value in text
    assert "Last dose: 2 Mar 2026" in text and "Carry until at least: 2 Sep 2026" in text
    assert "City Hospital blood bank" in text
    assert "http://testserver/for-blood-banks/" in text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    headers = str(dict(response.headers))
    assert "Ana" not in headers and "Silva" not in headers


def test_the_picture_button_answers_with_a_phone_image_shown_in_the_browser(client):
    import zxingcpp
    from PIL import Image

    response = client.post(URL, {**FILLED, "output": "image"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="isatuximab-alert-card.png"'
    assert "no-store" in response["Cache-Control"] and not response.cookies
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1080, 2340)
    codes = zxingcpp.read_barcodes(image)
    assert [code.text for code in codes] == ["http://testserver/for-blood-banks/"]


def test_bad_input_for_the_picture_shows_the_form_with_messages(client):
    response = client.post(URL, {**FILLED, "output": "image", "last_dose_date": "2026-03-11"})
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert 'href="#id_last_dose_date"' in html and "cannot be in the future" in html


def test_an_empty_submit_gives_a_blank_card(client):
    response = client.post(URL, {})
    assert response["Content-Type"] == "application/pdf"
    assert "BLOOD TRANSFUSION ALERT" in pdf_text(response)


def test_the_card_printer_choice_gives_two_card_size_pages(client):
    response = client.post(URL, {**FILLED, "layout": "card"})
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert [round(float(p.mediabox.width), 2) for p in pages] == [242.65, 242.65]


def test_bad_input_shows_the_form_again_with_messages_and_a_summary(client):
    data = {**FILLED, "centre_phone": "call me", "start_date": "2099-01-01", "name": "x" * 61}
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<title>Error: " in html
    summary = html[html.index('class="error-summary"') : html.index("<h1>")]
    for field in ("centre_phone", "start_date", "name"):
        assert f'href="#id_{field}"' in summary
        assert f'id="id_{field}_error"' in html  # the message next to the field
        assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', html)
    assert "Use only numbers" in summary
    assert 'value="Rui Silva"' in html  # what was typed is kept for correcting


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_it_refuses_other_methods(client, method):
    assert getattr(client, method)(URL).status_code == 405
