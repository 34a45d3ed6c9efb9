"""The question builder is linked from the home page, the checklist ("Write down your
questions"), the calendar's next-visit box and the common-questions page, in both languages."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shipped():
    call_command("load_initial_content", verbosity=0)


@pytest.mark.parametrize("prefix", ["", "/es"])
@pytest.mark.parametrize("path", ["/", "/checklist/", "/learn/questions/"])
def test_the_page_links_to_the_builder(client, prefix, path):
    html = client.get(f"{prefix}{path}").content.decode()
    assert f'href="{prefix}/questions/"' in html


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_pages_self_check_summary_links_to_the_builder(client, prefix):
    html = client.get(f"{prefix}/learn/infusion-day/").content.decode()
    ask = re.search(r'<p class="self-check__ask">.*?</p>', html, re.S).group(0)
    assert f'href="{prefix}/questions/"' in ask


def test_the_checklist_link_says_write_down_your_questions(client):
    html = client.get("/checklist/").content.decode()
    assert '<a href="/questions/">Write down your questions</a>' in html


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_calendar_next_visit_box_links_to_the_builder(client, monkeypatch, prefix):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))
    data = {"regimen": "isa-kd", "weight": "70", "weight_unit": "kg",
            "start_date": "2026-01-05", "paper": "a4"}  # fmt: skip
    html = client.post(f"{prefix}/schedule/", data).content.decode()
    box = re.search(r'<div class="next-visit" id="next-visit".*?</div>', html, re.S).group(0)
    assert f'href="{prefix}/questions/"' in box
