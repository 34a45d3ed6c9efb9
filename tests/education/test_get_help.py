"""'When to get help': three tiers, the urgent signs of the whole regimen, the admin's numbers."""

import re

import pytest
from django.core.cache import cache

from education.content_loader import load_content
from education.models import HelpSettings

from .conftest import make_page

pytestmark = pytest.mark.django_db


def tiers(html: str) -> dict[int, str]:
    """The text of each tier, by number (1 emergency, 2 urgent, 3 not urgent)."""
    found = re.findall(r'<div class="help-tier help-tier--(\d)">(.*?)</div>', html, re.S)
    return {int(number): " ".join(text.split()) for number, text in found}


URGENT_SIGNS = [
    "bleeding or bruising that will not stop",
    "blood in your poo or vomit, or black poo",
    "signs of a blood clot: a painful, swollen leg or arm",
    # Issue 21: chest pain moved to the emergency tier (FACTS-partner-drugs P5); this test used
    # to expect "chest pain, or you are short of breath and this is new" here.
    "you are short of breath and this is new",
    "peeing much less than usual",
    "a very bad headache with confusion or blurred vision",
    "new swelling of your legs or ankles",
    "bad diarrhoea or vomiting",
    "new confusion",
    "new numbness, tingling or weakness",
    "even later that day",
]


@pytest.mark.parametrize("sign", URGENT_SIGNS)
def test_the_urgent_tier_lists_each_sign_of_the_whole_regimen(client, sign):
    urgent = tiers(client.get("/get-help/").content.decode())[2]
    assert sign in urgent


def test_it_keeps_three_tiers_in_order_of_urgency(client):
    html = client.get("/get-help/").content.decode()
    found = tiers(html)
    assert sorted(found) == [1, 2, 3]
    assert html.index("Emergency: call") < html.index("Urgent: call your 24-hour number now")
    assert html.index("Urgent: call") < html.index("Not urgent: tell your team")
    assert "sudden weakness or numbness on one side of your body" in found[1]
    assert "swelling of your face, lips, tongue or throat" in found[1]


def test_it_promises_no_24_hour_limit_for_drip_reactions(client):
    urgent = tiers(client.get("/get-help/").content.decode())[2]
    assert "during or after the drip, even later that day" in urgent
    assert "24 hours" not in urgent


def test_the_urgent_tier_uses_the_admin_numbers_and_fever_setting(client):
    HelpSettings(
        centre_name="Unit A",
        phone_24h="0100 000 0000",
        emergency_number="112",
        fever_threshold_c=37.5,
    ).save()
    urgent = tiers(client.get("/get-help/").content.decode())[2].replace("\u00a0", " ")
    assert 'Unit A on <a href="tel:01000000000">0100 000 0000</a>' in urgent
    assert "a temperature of 37.5 °C (99.5 °F) or higher" in urgent
    assert 'cannot get through, call <a href="tel:112">112</a>.' in urgent


def test_a_page_with_the_help_block_shows_the_same_urgent_signs(client):
    page = make_page(show_help=True)
    urgent = tiers(client.get(page.get_absolute_url()).content.decode())[2]
    for sign in URGENT_SIGNS:
        assert sign in urgent, sign


def test_the_get_help_page_says_what_to_tell_the_emergency_department(client):
    load_content()  # the governed get-help page's wording
    cache.clear()
    html = client.get("/get-help/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())  # 'myeloma' links to the glossary
    assert "tell the staff that you are having treatment for myeloma" in text
