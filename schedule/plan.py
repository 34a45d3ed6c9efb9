"""The whole regimen day by day: isatuximab and every other medicine (no Django).

Dates follow FACTS.md 12 and FACTS-backbone 8: cycle 1 day 1 is the start date, a cycle starts
the day after the previous one ends, a medicine's date is cycle start + day - 1, and the clinic
visit days are the union of all clinic medicines. Delays (see delays.py) move everything from
their starting point on (FACTS 5, 12e). Every date is an estimate; no backbone dose is ever
computed.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from isatuximab_portal.lib.language import gettext

from .backbone import AT_CLINIC_DAYS, CLINIC, HOME, ISATUXIMAB, Medicine, backbone_for
from .delays import Delay, Shift, planned_cycle, resolve, shift_at
from .dose import PlanError
from .regimens import Regimen, get_regimen

# Expected infusion time when there is no reaction (FACTS 4b, 12f; totals confirmed by Sanofi).
FIRST_INFUSION_MINUTES = Decimal(200)  # 3 h 20 min
SECOND_INFUSION_MINUTES = Decimal("112.5")  # 1 h 53 min
LATER_INFUSION_MINUTES = Decimal(75)

DEFAULT_WINDOW_DAYS = 182  # about six months of cycles by default
MAX_SPAN_DAYS = 731  # two years, counting one leap day

Holidays = Callable[[dt.date], str | None]


def expected_minutes(number: int) -> Decimal:
    if number == 1:
        return FIRST_INFUSION_MINUTES
    return SECOND_INFUSION_MINUTES if number == 2 else LATER_INFUSION_MINUTES


@dataclass(frozen=True)
class Item:
    """One medicine on one day, at the clinic or at home."""

    medicine: Medicine
    where: str
    infusion_number: int | None = None


@dataclass(frozen=True)
class TreatmentDay:
    date: dt.date
    cycle: int
    day: int
    items: tuple[Item, ...]
    moved_days: int = 0
    delays_before: int = 0  # how many delays moved this day; the .ics SEQUENCE
    holiday: str | None = None

    @cached_property
    def clinic_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.where == CLINIC)

    @cached_property
    def home_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.where == HOME)

    @cached_property
    def is_clinic(self) -> bool:
        return bool(self.clinic_items)

    @cached_property
    def infusion(self) -> Item | None:
        return next((i for i in self.items if i.infusion_number is not None), None)


@dataclass(frozen=True)
class Today:
    cycle: int | None  # None: before the start or after the last cycle
    day: int | None  # None in a gap made by a delay
    started: bool
    over: bool


@dataclass(frozen=True)
class Schedule:
    regimen: Regimen
    status: str  # where other days come from: "label", "trial", "team" or "edited"
    medicines: tuple[Medicine, ...]  # isatuximab first, then the others with days
    start_date: dt.date
    today: dt.date
    first_cycle: int
    last_cycle: int
    days: tuple[TreatmentDay, ...]
    shifts: tuple[Shift, ...]
    where_today: Today
    notes: tuple[str, ...] = field(default=())
    # True when some other medicines' days were left out on purpose (the care team ticked "the
    # other medicines are not on this calendar"): every output then says so in a banner and
    # never says a day holds nothing.
    others_missing: bool = False

    @property
    def clinic_days(self) -> tuple[TreatmentDay, ...]:
        return tuple(day for day in self.days if day.is_clinic)

    def upcoming(self, clinic_only: bool = True) -> tuple[TreatmentDay, ...]:
        return tuple(
            d for d in self.days if d.date >= self.today and (d.is_clinic or not clinic_only)
        )


class _Engine:
    def __init__(self, regimen: Regimen, start: dt.date, medicines, shifts) -> None:
        self.regimen, self.start, self.medicines, self.shifts = regimen, start, medicines, shifts

    def date_of(self, cycle: int, day: int) -> tuple[dt.date, int, int]:
        offset, _ = planned_cycle(self.regimen, cycle)
        moved, count = shift_at(self.shifts, (cycle, day))
        return self.start + dt.timedelta(days=offset + day - 1 + moved), moved, count

    def cycle_start(self, cycle: int) -> dt.date:
        return self.date_of(cycle, 1)[0]

    def cycle(self, cycle: int, holidays: Holidays) -> list[TreatmentDay]:
        phase = self.regimen.phase_for(cycle)
        offset, number = planned_cycle(self.regimen, cycle)
        base = self.start + dt.timedelta(days=offset - 1)
        todays = [(m, set(m.days_in(cycle))) for m in self.medicines]
        infusion_days = set(phase.infusion_days)
        out = []
        for day in range(1, phase.length_days + 1):
            items: list[Item] = []
            if day in infusion_days:
                number += 1
                items.append(Item(ISATUXIMAB, CLINIC, number))
            items += [Item(m, m.where) for m, days in todays if day in days]
            if not items:
                continue
            at_clinic = any(item.where == CLINIC for item in items)
            items = [_place(item, at_clinic) for item in items]
            moved, count = shift_at(self.shifts, (cycle, day)) if self.shifts else (0, 0)
            date = base + dt.timedelta(days=day + moved)
            holiday = holidays(date) if at_clinic else None
            out.append(TreatmentDay(date, cycle, day, tuple(items), moved, count, holiday))
        return out

    def _planned_cycle_on(self, today: dt.date) -> int:
        return _planned_cycle_on(self.regimen, (today - self.start).days)

    def where_is(self, today: dt.date) -> Today:
        if today < self.start:
            return Today(None, None, started=False, over=False)
        final = self.regimen.last_cycle
        cycle = self._planned_cycle_on(today)
        while cycle > 1 and self.cycle_start(cycle) > today:  # a delay pushes cycles later
            cycle -= 1
        while (final is None or cycle < final) and self.cycle_start(cycle + 1) <= today:
            cycle += 1
        length = self.regimen.phase_for(cycle).length_days
        if final is not None and cycle == final and self.date_of(cycle, length)[0] < today:
            return Today(None, None, started=True, over=True)
        exact = [d for d in range(1, length + 1) if self.date_of(cycle, d)[0] == today]
        return Today(cycle, exact[0] if exact else None, started=True, over=False)


def _planned_cycle_on(regimen: Regimen, days_in: int) -> int:
    """The cycle holding study day `days_in` + 1 when nothing is delayed (fast for old starts)."""
    cycle = 1
    for phase in regimen.phases:
        first_day, _ = planned_cycle(regimen, phase.first_cycle)
        if days_in >= first_day:
            cycle = phase.first_cycle + (days_in - first_day) // phase.length_days
    final = regimen.last_cycle
    return cycle if final is None else min(cycle, final)


def _place(item: Item, at_clinic: bool) -> Item:
    if item.where != AT_CLINIC_DAYS:
        return item
    return Item(item.medicine, CLINIC if at_clinic else HOME)


def build_schedule(
    regimen_slug: str,
    start_date: dt.date,
    today: dt.date,
    medicines: tuple[Medicine, ...] | None = None,
    delays: tuple[Delay, ...] = (),
    first_cycle: int | None = None,
    last_cycle: int | None = None,
    holidays: Holidays | None = None,
) -> Schedule:
    """Every treatment day in the chosen cycles. `medicines` None uses the regimen's defaults
    (none prefilled for IMROZ). Raises PlanError with the form field it belongs to."""
    regimen = get_regimen(regimen_slug)
    backbone = backbone_for(regimen_slug)
    given = backbone.medicines if medicines is None else medicines
    status = backbone.status if given == backbone.medicines else "edited"
    chosen = tuple(m for m in given if any(r.days for r in m.rules))
    engine = _Engine(regimen, start_date, chosen, resolve(regimen, delays))
    try:
        now = engine.where_is(today)
        first, last, notes = _window(engine, now, first_cycle, last_cycle)
        days = [d for c in range(first, last + 1) for d in engine.cycle(c, holidays or _none)]
    except OverflowError:
        text = gettext("That start date is too far away. Check the year.")
        raise PlanError(text, "start_date") from None
    return Schedule(
        regimen, status, (ISATUXIMAB, *chosen), start_date, today, first, last,
        tuple(days), engine.shifts, now, tuple(notes),
    )  # fmt: skip


def _none(day: dt.date) -> None:
    return None


def _window(engine: _Engine, now: Today, first: int | None, last: int | None):
    regimen, notes = engine.regimen, []
    final = regimen.last_cycle
    if first is None:
        first = now.cycle if now.cycle and not now.over else 1
    if first < 1:
        raise PlanError(gettext("Cycles are numbered from 1. Enter 1 or more."), "first_cycle")
    if final is not None and first > final:
        text = gettext("{regimen} has {final} cycles. Choose a first cycle from 1 to {final}.")
        raise PlanError(text.format(regimen=regimen.local_name, final=final), "first_cycle")
    if last is None:
        last = final if now.over else _default_last(engine, first)
    if last < first:
        text = gettext(
            "The last cycle must be the same as or after the first cycle shown "
            "(cycle {first}). Enter {first} or more."
        )
        raise PlanError(text.format(first=first), "last_cycle")
    if final is not None and last > final:
        text = gettext(
            "{regimen} has only {final} cycles, so this calendar stops at cycle {final}."
        )
        notes.append(text.format(regimen=regimen.local_name, final=final))
        last = final
    _check_span(engine, first, last)
    return first, last, notes


def _default_last(engine: _Engine, first: int) -> int:
    final = engine.regimen.last_cycle
    window_end = engine.cycle_start(first) + dt.timedelta(days=DEFAULT_WINDOW_DAYS)
    last = first
    while (final is None or last < final) and engine.cycle_start(last + 1) < window_end:
        last += 1
    return last


def _check_span(engine: _Engine, first: int, last: int) -> None:
    begin = engine.cycle_start(first)
    if (engine.cycle_start(last + 1) - begin).days <= MAX_SPAN_DAYS:
        return
    fits = first
    while (engine.cycle_start(fits + 2) - begin).days <= MAX_SPAN_DAYS:
        fits += 1
    text = gettext(
        "That is more than 2 years of treatment. Choose cycles {first} to {fits} or fewer."
    )
    raise PlanError(text.format(first=first, fits=fits), "last_cycle")
