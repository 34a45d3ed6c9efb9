"""The checklist: grouped under plain headings, with a summary and glossary words explained."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from education.models import ChecklistItem

from .conftest import make_item, make_term

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Before treatment starts",
    "On infusion days",
    "Every day",
    "Call your team straight away",
]


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="group-[\w-]+">(.*?)</h2>', html)


def section(html: str, heading: str) -> str:
    """The list under one heading."""
    start = html.index(f">{heading}</h2>")
    end = html.index("</ul>", start)
    return html[start:end]


def test_it_lists_items_under_their_headings_in_a_fixed_order(client):
    make_item("do", "call at once about a fever", group="call_now", order=10)
    make_item("do", "bring a snack", group="infusion_day", order=20)
    make_item("do", "have the blood test", group="before", order=30)
    make_item("dont", "skip your tablets", group="every_day", order=40)
    html = client.get("/checklist/").content.decode()
    assert headings(html) == HEADINGS
    assert "have the blood test" in section(html, "Before treatment starts")
    assert "bring a snack" in section(html, "On infusion days")
    assert "skip your tablets" in section(html, "Every day")
    assert "call at once about a fever" in section(html, "Call your team straight away")
    assert html.count('role="list" aria-labelledby="group-') == 4


def test_it_leaves_out_a_heading_with_no_published_items(client):
    make_item("do", "bring a snack", group="infusion_day")
    make_item("do", "unpublished item", group="before", published=False)
    html = client.get("/checklist/").content.decode()
    assert headings(html) == ["On infusion days"]
    assert "unpublished item" not in html


def test_it_keeps_the_admin_order_within_a_heading(client):
    make_item("do", "second thing", group="every_day", order=20)
    make_item("do", "first thing", group="every_day", order=10)
    html = client.get("/checklist/").content.decode()
    assert html.index("first thing") < html.index("second thing")


def test_it_starts_with_a_short_summary(client):
    make_item("do", "bring a snack", group="infusion_day")
    html = client.get("/checklist/").content.decode()
    summary = html[html.index('id="summary-title"') : html.index("</section>")]
    assert "In short" in summary
    for heading in ["Before treatment starts", "On infusion days", "Every day", "Call straight"]:
        assert heading in summary
    assert 'href="/get-help/"' in summary
    assert html.index("In short") < html.index('id="group-infusion_day"')


def test_it_explains_each_glossary_word_once_in_the_reasons_but_not_in_the_labels(client):
    make_term("platelets", "Tiny blood cells that help your blood clot.")
    make_item("do", "watch your platelets", why="Low platelets can make you bleed.", order=10)
    make_item("do", "ask about it", why="Your platelets are checked often.", order=20)
    html = client.get("/checklist/").content.decode()
    assert html.count('class="glossary-term"') == 1
    assert html.count('id="glossary-def-platelets"') == 1
    why = re.search(r'<p class="checklist__why" id="why-\d+">(.*?)</p>', html, re.S).group(1)
    assert '<a class="glossary-term" href="/glossary/#platelets"' in why
    label = re.search(r'<label class="checklist__label"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "glossary-term" not in label and "watch your platelets" in label
    assert "js/glossary.js" in html


def test_it_escapes_what_an_admin_types(client):
    make_item("do", "<b>bold</b> text", why="<script>alert(1)</script> & more")
    html = client.get("/checklist/").content.decode()
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_the_shipped_checklist_fills_all_four_headings_with_its_key_items(client):
    call_command("load_initial_content", stdout=StringIO())
    html = client.get("/checklist/").content.decode()
    assert headings(html) == HEADINGS
    groups = dict(ChecklistItem.objects.values_list("order", "group"))
    assert groups[50] == "before"  # type and screen
    assert groups[20] == "call_now"  # fever
    assert "type and screen" in section(html, "Before treatment starts")
    assert "even later that day" in section(html, "On infusion days")
    assert "blood thinner" in section(html, "Every day")
    # The call-straight-away signs are the governed red flags now (issue 21), not items.
    start = html.index(">Call your team straight away</h2>")
    urgent = html[start : html.index("</div>", html.index('class="red-flag-lists"', start))]
    for words in ["chest pain", "bleeding or bruising", "confusion", "diarrhoea or vomiting"]:
        assert words in urgent, words
    assert html.count('class="glossary-term"') >= 3
