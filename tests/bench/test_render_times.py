"""In-process render times (pytest-benchmark), run by `make bench` only (marker `bench`).

Each benchmark checks that what it timed is the real answer (events on the plan's dates, PDF
text, a result page without errors), so a broken renderer fails here rather than looking fast.
The targets of issue 9 are checked against the median: `.ics` for 12 cycles at most 5 ms,
12-cycle calendar PDF at most 50 ms, wallet-card PDF at most 30 ms; the card as a phone
picture (issue 13, a 1080 x 2340 PNG) at most 250 ms.
"""

import datetime as dt
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from card.pdf.image import render_image
from card.pdf.wallet_card import render as render_card
from schedule.ics import render_ics
from schedule.pdf.calendar import Handout, render_calendar_pdf

from .data import CARD_DATA, TODAY, assert_within, calendar_data

pytestmark = pytest.mark.bench
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CARD_URL = "https://guide.example.org/for-blood-banks/"


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_it_renders_the_ics_for_12_cycles(benchmark, calendar_form):
    schedule = calendar_form.schedule
    body = benchmark(render_ics, schedule, now=NOW)
    events = Calendar.from_ical(body).walk("VEVENT")
    starts = {event.decoded("dtstart") for event in events}
    assert schedule.last_cycle == 12
    assert {day.date for day in schedule.clinic_days} <= starts
    assert_within(benchmark, 5)


def test_it_renders_the_12_cycle_calendar_pdf(benchmark, calendar_form):
    schedule, paper = calendar_form.schedule, calendar_data()["paper"]
    body = benchmark(
        render_calendar_pdf, schedule, calendar_form.dose, paper, Handout(), made_on=TODAY
    )
    text = pdf_text(body)
    last = [day.infusion for day in schedule.days if day.infusion][-1].infusion_number
    assert body.startswith(b"%PDF-")
    assert schedule.regimen.name in text
    # The last infusion is marked in its month's grid.
    assert len(re.findall(rf"\bIsa {last}\b", text)) == 1, f"Isa {last} not in the grid"
    assert_within(benchmark, 50)


def test_it_renders_the_wallet_card_pdf(benchmark, card_form):
    body = benchmark(render_card, card_form.details(), CARD_URL)
    assert body.startswith(b"%PDF-")
    assert CARD_DATA["name"] in pdf_text(body)
    assert_within(benchmark, 30)


def test_it_renders_the_wallet_card_phone_picture(benchmark, card_form):
    import zxingcpp
    from PIL import Image

    body = benchmark(render_image, card_form.details(), CARD_URL)
    image = Image.open(io.BytesIO(body))
    assert image.size == (1080, 2340)
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [CARD_URL]
    assert_within(benchmark, 250)


@pytest.mark.django_db
def test_it_answers_the_calendar_html_through_the_view(benchmark, client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    response = benchmark(client.post, "/schedule/", calendar_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' not in html
    assert 'name="format" value="ics"' in html  # the result page's download buttons


@pytest.fixture
def content_page(db, client) -> str:
    """The first page linked from /learn/, with the shipped content loaded."""
    call_command("load_initial_content", stdout=StringIO())
    links = re.findall(r'href="(/learn/[\w-]+/)"', client.get("/learn/").content.decode())
    assert links, "no content page linked from /learn/"
    return links[0]


@pytest.mark.django_db
def test_it_answers_health(benchmark, client):
    response = benchmark(client.get, "/health/")
    assert response.status_code == 200
    assert response.content.strip() == b"ok"


def test_it_serves_a_content_page(benchmark, client, content_page):
    """Served from the page cache after its first view, as under real use."""
    response = benchmark(client.get, content_page)
    assert response.status_code == 200
    assert b"<main" in response.content and b"</html>" in response.content
