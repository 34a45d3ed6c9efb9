"""The calendar page follows its .ics download with short steps for iPhone, Android, Outlook."""

import datetime as dt
import re

import pytest
from django.utils import timezone

# The result page reads the red flags (issue 21) from the database.
pytestmark = pytest.mark.django_db

VALID = {
    "regimen": "isa-kd",
    "weight": "70",
    "weight_unit": "kg",
    "start_date": "2026-03-16",
}


def test_the_ics_button_is_followed_by_steps_for_each_kind_of_phone(client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))
    html = client.post("/schedule/", VALID).content.decode()
    button = html.index('value="ics"')
    help_start = html.index('id="ics-help-title"')
    assert button < help_start
    steps = re.sub(r"<[^>]+>", " ", html[help_start:])
    steps = " ".join(steps.split())
    for heading in ("iPhone or iPad", "Android phone", "Outlook on a computer"):
        assert heading in steps
    assert "Add All" in steps and "Upload from file" in steps


def _button_text(html: str) -> str:
    match = re.search(
        r'<button type="submit" name="format" value="ics"[^>]*>([^<]+)</button>', html
    )
    assert match, "no .ics button"
    return match.group(1).strip()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_steps_name_the_button_exactly_as_it_reads(client, monkeypatch, prefix):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))
    html = client.post(f"{prefix}/schedule/", VALID).content.decode()
    button = _button_text(html)
    named = re.findall(r"<strong>([^<]*\.ics[^<]*)</strong>", html[html.index("ics-help-title") :])
    assert len(named) == 3
    assert set(named) == {button}
