"""Issue 24 (web): the fever panel first on "When to get help", numbers that dial, the alert
card in reach (home, menu, checklist, search), calm "clinical review pending" once, and the
admin dashboard blocking on an empty 24-hour number."""

import re

import pytest
from django.core.cache import cache

from education.content_loader import load_content
from education.models import HelpSettings
from education.search.engine import search_site

from .conftest import make_item, make_page
from .test_dashboard import content, home  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
CARD_URL = "/schedule/wallet-card/"


def main_of(html: str) -> str:
    return html.split('<main id="main"', 1)[1]


def test_the_fever_panel_comes_first_with_the_settings_temperature_and_a_dial_button(client):
    HelpSettings(phone_24h="+44 (0)161 496-0000", fever_threshold_c=37.5).save()
    main = main_of(client.get("/get-help/").content.decode())
    panel = main.split('<section class="fever-call"', 1)[1].split("</section>", 1)[0]
    assert main.index('class="fever-call"') < main.index('class="help-block"')
    assert main.index('class="fever-call"') < main.index('class="main-message"')
    text = " ".join(panel.split()).replace("\u00a0", " ")
    assert "Temperature of 37.5 °C (99.5 °F) or more, or feeling very unwell?" in text
    assert 'href="tel:+4401614960000"' in panel
    assert '<span class="phone-number">+44 (0)161 496-0000</span>' in panel
    assert 'alt="A thermometer"' in panel


def test_the_spanish_panel_uses_the_same_setting_and_number(client):
    HelpSettings(phone_24h="900 123 456", centre_name="Hospital Sur").save()
    main = main_of(client.get("/es/get-help/").content.decode())
    text = " ".join(main.split()).replace("\u00a0", " ")
    assert "¿Temperatura de 38 °C (100,4 °F) o más, o se siente muy mal?" in text
    assert '<a class="btn fever-call__button" href="tel:900123456">' in main
    assert "Llamar a Hospital Sur:" in text


def test_without_a_number_the_panel_points_to_the_card_and_the_diary(client):
    main = main_of(client.get("/get-help/").content.decode())
    panel = main.split('<section class="fever-call"', 1)[1].split("</section>", 1)[0]
    assert "tel:" not in panel
    assert f'<a href="{CARD_URL}">alert card</a>' in panel
    assert '<a href="/diary/">diary</a>' in panel
    es = client.get("/es/get-help/").content.decode()
    assert f'<a href="/es{CARD_URL}">tarjeta de alerta</a>' in es


def test_every_emergency_number_dials(client):
    main = main_of(client.get("/get-help/").content.decode())
    for number in ("999", "112", "911"):
        assert f'<a href="tel:{number}">{number}</a>' in main


def test_the_header_line_dials_the_number_on_every_page_but_get_help_and_errors(client):
    HelpSettings(phone_24h="0161 496 0000").save()
    for url in ("/", "/schedule/", "/schedule/wallet-card/", "/diary/", "/questions/",
                "/es/schedule/", "/intended-use/"):  # fmt: skip
        page = client.get(url).content.decode()
        line = page.split('class="header-fever-call"', 1)[1].split("</div>", 1)[0]
        assert 'href="tel:01614960000"' in line and "0161 496 0000" in line, url
    assert 'class="header-fever-call"' not in client.get("/get-help/").content.decode()
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert 'class="header-fever-call"' not in missing.content.decode()  # no query on errors


def test_the_card_is_linked_from_home_menu_and_the_checklist_item(client):
    home_page = client.get("/").content.decode()
    assert f'<a href="{CARD_URL}">Make your alert card</a>' in main_of(home_page)
    nav = home_page.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{CARD_URL}">Alert card</a>' in nav
    make_item("do", "Carry your alert card during treatment")
    make_item("do", "Go to every appointment")
    checklist = client.get("/checklist/").content.decode()
    assert checklist.count('class="checklist__action-link"') == 1
    item = checklist.split("Carry your alert card", 1)[1].split("</li>", 1)[0]
    assert f'href="{CARD_URL}"' in item and 'src="/static/img/card.svg"' in item


@pytest.mark.parametrize("query", ["wallet card", "alert card", "blood card", "wallet"])
def test_search_finds_the_card(client, query):
    make_page(title="Blood tests", body="Your blood is checked.")
    results = search_site(query)
    assert results and results[0].url == CARD_URL, [r.title for r in results]


def test_spanish_search_finds_the_card(client):
    html = client.get("/es/search/", {"q": "tarjeta de alerta"}).content.decode()
    results = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0]
    first = results.split('class="search-results__title"', 2)[1]
    assert first.startswith(f' href="/es{CARD_URL}"'), first[:80]


def test_clinical_review_pending_is_said_once_at_the_end_in_calm_words(client):
    page = make_page(show_help=True, body="## One\n\nText.\n\n## Two\n\nMore text.")
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.count("Clinical review:") == 1
    assert "Pending. A clinician will check this wording." in html
    assert "has not yet signed off" not in html
    assert html.index("Clinical review:") > html.index("Where this information comes from")


def test_the_dashboard_blocks_on_an_empty_24_hour_number(home, client):  # noqa: F811
    blocking = home.split('class="dashboard-blocking"', 1)[1].split("</div>", 1)[0]
    assert "BLOCKING:" in blocking and "No 24-hour phone number is set" in blocking
    assert home.index("dashboard-blocking") < home.index("Reviews overdue")
    HelpSettings(phone_24h="0161 496 0000").save()
    assert "dashboard-blocking" not in client.get("/admin/").content.decode()


def test_no_phone_number_in_a_page_is_left_untappable(client):
    """Every number the help block prints is inside a tel: link."""
    HelpSettings(phone_24h="0161 496 0000", emergency_number="999").save()
    main = main_of(client.get("/get-help/").content.decode())
    for number in ("0161 496 0000", "999"):
        outside = re.sub(r"<a [^>]*href=\"tel:[^\"]*\"[^>]*>.*?</a>", "", main, flags=re.S)
        assert number not in re.sub(r"<h2[^>]*>.*?</h2>", "", outside, flags=re.S), number


def test_the_checklist_puts_the_number_to_call_on_the_page(client):
    HelpSettings(phone_24h="0161 496 0000").save()
    for url in ("/checklist/", "/es/checklist/"):
        main = main_of(client.get(url).content.decode())
        panel = main.split('<section class="fever-call"', 1)[1].split("</section>", 1)[0]
        assert 'href="tel:01614960000"' in panel and "0161 496 0000" in panel, url


def test_get_help_ends_with_a_short_summary_in_both_languages(client):
    """The summary is the governed get-help page's wording (shipped content), with the fever
    temperature from the settings."""
    load_content()
    cache.clear()
    text = " ".join(client.get("/get-help/").content.decode().split()).replace("\u00a0", " ")
    assert "A temperature of 38 °C (100.4 °F) or more, or you feel very unwell: call" in text
    es = " ".join(client.get("/es/get-help/").content.decode().split()).replace("\u00a0", " ")
    assert "Temperatura de 38 °C (100,4 °F) o más, o se siente muy mal: llame" in es


@pytest.mark.parametrize(
    ("url", "src", "alt"),
    [
        ("/learn/infusion-day/", "drip.svg", "A drip bag and tube going into an arm"),
        (
            "/learn/blood-tests-and-transfusions/",
            "card.svg",
            "An alert card, the size of a bank card",
        ),
        ("/es/learn/blood-tests-and-transfusions/", "card.svg", "Una tarjeta de alerta"),
    ],
)
def test_a_line_picture_stands_beside_the_action_it_helps_with(client, url, src, alt):
    """PEMAT-P item 26: a picture where it helps the reader act, with its words for screen
    readers, at its own size (the card is wide, the drip tall)."""
    load_content()
    cache.clear()
    main = main_of(client.get(url).content.decode())
    img = re.search(r'<img class="step-picture"[^>]*>', main).group(0)
    assert f"/static/img/{src}" in img and f'alt="{alt}' in img
    width, height = (int(n) for n in re.search(r'width="(\d+)" height="(\d+)"', img).groups())
    assert (width > height) == (src == "card.svg")
