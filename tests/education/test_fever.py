"""The fever threshold: a help setting, shown in both units everywhere it appears."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from education.models import HelpSettings
from education.text.fever import fever_text, replace_fever_token, to_fahrenheit

from .conftest import make_item, make_page

NBSP = "\u00a0"


def plain(html: str) -> str:
    return html.replace(NBSP, " ").replace("&nbsp;", " ")


@pytest.mark.parametrize(
    ("celsius", "fahrenheit", "text"),
    [
        ("38.0", "100.4", "38 °C (100.4 °F)"),
        ("37.5", "99.5", "37.5 °C (99.5 °F)"),
        ("37.0", "98.6", "37 °C (98.6 °F)"),
        ("38.3", "100.9", "38.3 °C (100.9 °F)"),
        ("37.8", "100.0", "37.8 °C (100 °F)"),
        ("39.0", "102.2", "39 °C (102.2 °F)"),
    ],
)
def test_it_gives_the_threshold_in_both_units(celsius, fahrenheit, text):
    assert to_fahrenheit(Decimal(celsius)) == Decimal(fahrenheit)
    assert plain(fever_text(Decimal(celsius))) == text


def test_it_keeps_each_number_and_its_unit_on_one_line():
    assert fever_text(Decimal("38")) == f"38{NBSP}°C (100.4{NBSP}°F)"


def test_it_replaces_every_token_and_leaves_other_braces_alone():
    text = "Call at {fever}. Again: {fever}. Not {Fever} or {feverish}."
    assert plain(replace_fever_token(text, Decimal("37.5"))) == (
        "Call at 37.5 °C (99.5 °F). Again: 37.5 °C (99.5 °F). Not {Fever} or {feverish}."
    )


@pytest.mark.django_db
def test_the_default_is_38_before_an_admin_saves_anything():
    assert not HelpSettings.objects.exists()
    assert plain(HelpSettings.load().fever_text()) == "38 °C (100.4 °F)"


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["36.9", "39.1", "37.55", "100.4"])
def test_it_rejects_a_threshold_outside_37_to_39_or_finer_than_0_1(value):
    settings = HelpSettings(fever_threshold_c=Decimal(value))
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "fever_threshold_c" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["37.0", "37.5", "39.0"])
def test_it_accepts_a_threshold_from_37_to_39(value):
    HelpSettings(fever_threshold_c=Decimal(value)).full_clean()


@pytest.mark.django_db
def test_the_admin_form_shows_the_error_next_to_the_field_and_saves_nothing(admin_client):
    response = admin_client.post(
        "/admin/education/helpsettings/add/",
        {
            "centre_name": "Unit A",
            "phone_24h": "",
            "emergency_number": "",
            "fever_threshold_c": "40",
        },
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 39.0" in response.content.decode()
    assert not HelpSettings.objects.exists()


@pytest.mark.django_db
def test_an_admin_change_to_37_5_shows_on_the_help_block_page_body_and_checklist(client):
    call_command("load_initial_content", stdout=StringIO())
    before = plain(client.get("/learn/side-effects/").content.decode())
    assert before.count("38 °C (100.4 °F)") >= 3
    HelpSettings(fever_threshold_c=Decimal("37.5")).save()
    pages = {
        url: plain(client.get(url).content.decode())
        for url in ["/learn/side-effects/", "/get-help/", "/checklist/"]
    }
    side_effects = pages["/learn/side-effects/"]
    body = side_effects[side_effects.index('class="page-body"') : side_effects.index("help-block")]
    assert "37.5 °C (99.5 °F)" in body
    assert "37.5 °C (99.5 °F) or higher" in side_effects[side_effects.index("help-block") :]
    assert "a temperature of 37.5 °C (99.5 °F) or higher" in pages["/get-help/"]
    assert "your temperature is 37.5 °C (99.5 °F) or higher" in pages["/checklist/"]
    for url, html in pages.items():
        assert "38 °C" not in html and "100.4" not in html, url
        assert "{fever}" not in html, url


@pytest.mark.django_db
def test_the_token_works_in_an_admin_written_page_and_checklist_item(client):
    HelpSettings(fever_threshold_c=Decimal("38.5")).save()
    page = make_page(body="Call if your temperature is **{fever}** or higher.")
    make_item("do", "call at {fever}", why="At {fever} you may have an infection.")
    page_html = plain(client.get(f"/learn/{page.slug}/").content.decode())
    assert "<strong>38.5 °C (101.3 °F)</strong> or higher" in page_html
    checklist = plain(client.get("/checklist/").content.decode())
    assert "call at 38.5 °C (101.3 °F)" in checklist
    assert "At 38.5 °C (101.3 °F) you may have an infection." in checklist


@pytest.mark.django_db
def test_every_temperature_shown_on_a_shipped_page_is_in_both_units(client):
    """No bare '°C' anywhere: each one is followed by the Fahrenheit figure in brackets."""
    call_command("load_initial_content", stdout=StringIO())
    from education.models import Page

    urls = [p.get_absolute_url() for p in Page.objects.published()]
    fixed = ["/get-help/", "/checklist/", "/glossary/"]
    for url in [*urls, *fixed, *(f"/es{path}" for path in fixed)]:
        html = plain(client.get(url).content.decode())
        for position in [i for i in range(len(html)) if html.startswith("°C", i)]:
            assert html[position : position + 4] == "°C (", (
                url,
                html[position - 20 : position + 20],
            )
        assert "{fever}" not in html, url
