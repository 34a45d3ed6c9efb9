"""What the benchmarks type in: the 12-cycle calendar and a filled wallet card.

Values typed by a person are fixed here; choice keys (regimen, paper) are read from the form
classes, so renaming a key does not break the benchmarks.
"""

import datetime as dt

from django import forms

from schedule.forms import CalendarForm

TODAY = dt.date(2026, 3, 2)


def first_choice(form_class: type[forms.Form], name: str) -> str:
    """The first real (non-empty) option of a choice field, as a browser user would pick."""
    return next(str(value) for value, _label in form_class.base_fields[name].choices if value)


def calendar_data() -> dict[str, str]:
    """The calendar form for 70 kg, cycles 1 to 12 (the "12-cycle" figures), starting today."""
    return {
        "regimen": first_choice(CalendarForm, "regimen"),
        "weight": "70",
        "weight_unit": "kg",
        "start_date": TODAY.isoformat(),
        "first_cycle": "1",
        "last_cycle": "12",
        "paper": first_choice(CalendarForm, "paper"),
    }


CARD_DATA = {
    "name": "Ana Quintela Silva",
    "start_date": TODAY.isoformat(),
    "centre": "City Hospital",
    "centre_phone": "+1 (555) 010-0000",
    "blood_group": "O+",
    "screen_date": "2026-02-20",
    "contact_name": "Rui Silva",
    "contact_phone": "555 0100",
}


def assert_within(benchmark, target_ms: float) -> None:
    """Fail when the median is over the target (skipped under --benchmark-disable)."""
    if benchmark.stats is None:
        return
    median_ms = benchmark.stats.stats.median * 1000
    assert median_ms <= target_ms, f"median {median_ms:.1f} ms, target {target_ms} ms"
