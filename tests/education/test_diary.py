"""The blank symptom and temperature diary: wording, the PDF (read back with pypdf) and views."""

import io
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from education.diary.pdf import render_diary_pdf
from education.diary.wording import DEFAULT_WEEKS, MAX_WEEKS, diary_text
from education.models import HelpSettings
from education.text.fever import fever_text

from .conftest import make_page

POINTS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def page_sizes(pdf: bytes) -> set[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader.pages
    }


def settings(**values) -> SimpleNamespace:
    return SimpleNamespace(**{"phone_24h": "", "fever_threshold_c": Decimal("38.0")} | values)


@pytest.mark.parametrize(
    ("celsius", "expected"),
    [("38.0", "38\u00a0°C (100.4\u00a0°F)"), ("37.5", "37.5\u00a0°C (99.5\u00a0°F)"),
     ("38.3", "38.3\u00a0°C (100.9\u00a0°F)"), ("39", "39\u00a0°C (102.2\u00a0°F)")],
)  # fmt: skip
def test_it_writes_temperatures_in_both_units(celsius, expected):
    assert fever_text(Decimal(celsius)) == expected


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("weeks", [1, 3, MAX_WEEKS])
def test_the_pdf_has_one_week_per_page_on_the_chosen_paper(paper, weeks):
    pdf = render_diary_pdf(diary_text(settings()), paper, weeks)
    assert page_sizes(pdf) == {POINTS[paper]}
    texts = pages_text(pdf)
    assert len(texts) == weeks
    for number, text in enumerate(texts, start=1):
        assert text.startswith("Symptom and temperature diary")
        assert re.findall(r"Week \d+\b", text) == [f"Week {number}"]
        assert "Week starting on:" in text
        assert "Questions for my care team" in text
        assert "If your temperature is 38 °C (100.4 °F) or higher" in text
        headings = "Day Date Temperature How I feel, and any symptoms Medicines I took"
        assert headings + " Morning Evening Day 1" in text
        assert [f"Day {n}" in text for n in range(1, 8)] == [True] * 7
        assert "Day 8" not in text


def test_the_pdf_shows_the_admin_threshold_and_24_hour_number():
    text = diary_text(settings(fever_threshold_c=Decimal("37.5"), phone_24h="0100 555 0000"))
    (page,) = pages_text(render_diary_pdf(text, "a4", 1))
    assert "If your temperature is 37.5 °C (99.5 °F) or higher" in page
    assert "My care team's 24-hour number: 0100 555 0000" in page
    assert "38 °C" not in page


@pytest.mark.parametrize(("paper", "weeks"), [("a3", 1), ("a4", 0), ("a4", MAX_WEEKS + 1)])
def test_the_renderer_refuses_impossible_choices(paper, weeks):
    with pytest.raises(ValueError):
        render_diary_pdf(diary_text(settings()), paper, weeks)


# ---- Views --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_diary_page_is_a_blank_week_to_print(client):
    response = client.get("/diary/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.cookies == {}
    assert html.count('<th scope="row">Day ') == 7
    assert "If your temperature is 38\u00a0°C (100.4\u00a0°F) or higher" in html
    assert 'action="/diary/pdf/"' in html and 'method="get"' in html
    diary_week = html.split('class="diary-week"')[1].split('<section class="feedback')[0]
    assert "<th" in diary_week
    assert "<input" not in diary_week  # nothing to type on the site


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "paper", "weeks"),
    [({}, "a4", DEFAULT_WEEKS), ({"paper": "letter", "weeks": "2"}, "letter", 2),
     ({"paper": "a4", "weeks": ""}, "a4", DEFAULT_WEEKS), ({"weeks": " 6 "}, "a4", 6)],
)  # fmt: skip
def test_the_pdf_view_follows_the_choices(client, query, paper, weeks):
    HelpSettings(phone_24h="0100 555 0000").save()
    response = client.get("/diary/pdf/", query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="symptom-diary-{paper}.pdf"' in response["Content-Disposition"]
    assert page_sizes(response.content) == {POINTS[paper]}
    texts = pages_text(response.content)
    assert len(texts) == weeks + 1  # then "When to get help", to keep by the phone
    assert "0100 555 0000" in texts[0]
    assert all(text.startswith("Symptom and temperature diary Week") for text in texts[:-1])
    last = texts[-1]
    assert "When to get help" in last and "Week" not in last
    assert "call your care team on 0100 555 0000 straight away" in last


def test_the_last_page_gives_every_tier_with_the_numbers_and_only_with_red_flags():
    flags = (("emergency", "chest pain"), ("call_now", "a temperature of 38 °C or higher"),
             ("next_visit", "new tingling"))  # fmt: skip
    text = diary_text(settings(phone_24h="0100 555 0000", emergency_number="112",
                               centre_name="Ward 7"), flags)  # fmt: skip
    week, last = pages_text(render_diary_pdf(text, "letter", 1))
    assert "When to get help" not in week
    assert "Emergency: call 112 now if you have: • chest pain" in last
    assert (
        "Urgent, day or night: call Ward 7 on 0100 555 0000 straight away if you have: "
        "• a temperature of 38 °C or higher"
    ) in last
    assert "Not urgent: tell your team at your next visit about: • new tingling" in last
    (only,) = pages_text(render_diary_pdf(diary_text(settings()), "a4", 1))
    assert "When to get help" not in only


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"weeks": "four"}, "Type a whole number of weeks"),
        ({"weeks": "0"}, "Type a whole number of weeks from 1 to 12"),
        ({"weeks": "99"}, "The most you can print at once is 12 weeks"),
        ({"weeks": "🙂"}, "Type a whole number of weeks"),
        ({"paper": "a3"}, "Choose A4 or US Letter"),
    ],
)
def test_bad_choices_get_a_clear_message_and_no_pdf(client, query, message):
    response = client.get("/diary/pdf/", query)
    html = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "There is a problem" in html
    assert html.count(message) == 2  # in the summary and next to the field


@pytest.mark.django_db
def test_get_help_and_pages_with_the_help_block_link_to_the_diary(client):
    make_page(slug="side-effects", title="Side effects", show_help=True)
    make_page(slug="other", title="Other", show_help=False)
    assert 'href="/diary/"' in client.get("/get-help/").content.decode().split("<footer")[0]
    assert (
        'href="/diary/"' in client.get("/learn/side-effects/").content.decode().split("<footer")[0]
    )
    assert 'href="/diary/"' not in client.get("/learn/other/").content.decode().split("<footer")[0]
