"""The calendar page follows its .ics download with short steps for iPhone, Android, Outlook."""

import datetime as dt
import re

from django.utils import timezone

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
