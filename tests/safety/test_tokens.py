"""Issue 21: one way content is filled (site_text.fill) for every output; an unreplaced token
fails the build loudly instead of reaching a patient."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from education.booklet.content import booklet_context
from education.booklet.editions import EDITIONS
from education.booklet.render import build_booklet
from education.models import ChecklistItem, Page
from education.text.rendering import page_html
from education.text.site_text import UnreplacedToken, fill, site_values
from tests.booklet.conftest import needs_weasyprint  # noqa: F401 (a fixture)

SITE = "https://guide.example.org/"


def test_fill_puts_in_the_fever_and_numbers_and_refuses_an_unknown_token():
    values = site_values(emergency_number="112", phone_24h="0100")
    text = fill("At {fever} call {phone_24h}; if bad, {emergency_number}.", values)
    assert text.replace("\u00a0", " ") == "At 38 °C (100.4 °F) call 0100; if bad, 112."
    with pytest.raises(UnreplacedToken):
        fill("Call at {fevr}.", values)


def test_a_page_body_with_an_unknown_token_is_refused_not_printed():
    with pytest.raises(UnreplacedToken):
        page_html("Call at {temperature}.", [])


@pytest.mark.django_db
def test_the_booklet_build_fails_loudly_on_an_unreplaced_token(needs_weasyprint):  # noqa: F811
    call_command("load_initial_content", stdout=StringIO())
    Page.objects.filter(slug="side-effects", language="en").update(body="Call at {fevr}.")
    with translation.override("en"), pytest.raises(UnreplacedToken):
        build_booklet(EDITIONS[0], booklet_context(SITE, "en"), SITE)


@pytest.mark.django_db
def test_the_booklet_checklist_fills_the_fever_token():
    call_command("load_initial_content", stdout=StringIO())
    ChecklistItem.objects.filter(order=20).update(published=True)  # "... is {fever} or higher"
    with translation.override("en"):
        context = booklet_context(SITE, "en")
    texts = [item.text for item in context["do_items"]]
    assert any("38\u00a0°C (100.4\u00a0°F)" in text for text in texts)
    assert not any("{" in text for text in texts)
