"""The whole regimen day by day: isatuximab and every other medicine (no Django).

Dates follow FACTS.md 12 and FACTS-backbone 8: cycle 1 day 1 is the start date, a cycle starts
the day after the previous one ends, a medicine's date is cycle start + day - 1, and the clinic
visit days are the union of all clinic medicines. A delay (see delays.py) moves the drips and
clinic visits from its starting point on (FACTS 5, 12e); tablets and capsules at home move only
when a whole cycle moves (FACTS-backbone 6.2-6.3): during a delayed drip the calendar asks the
patient to check with the team instead of dropping or moving their doses. Every date is an
estimate; no backbone dose is ever computed.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from isatuximab_portal.lib.language import gettext

from .backbone import AT_CLINIC_DAYS, CLINIC, HOME, ISATUXIMAB, Medicine, backbone_for
from .day_warnings import spacing_warnings
from .delays import Delay, Shift, planned_cycle, resolve, shift_at
from .dose import PlanError
from .regimens import Regimen, get_regimen

# Expected infusion time when there is no reaction (FACTS 4b, 12f; totals confirmed by Sanofi).
FIRST_INFUSION_MINUTES = Decimal(200)  # 3 h 20 min
SECOND_INFUSION_MINUTES = Decimal("112.5")  # 1 h 53 min
LATER_INFUSION_MINUTES = Decimal(75)

# The order medicines are given on a clinic day, where FACTS states it (FACTS 3a,
# FACTS-backbone 5: Isa-Kd is dexamethasone, then isatuximab, then carfilzomib). Elsewhere the
# order is not confirmed, so the list keeps isatuximab first.
GIVEN_IN_ORDER = {"isa-kd": ("dexamethasone", "isatuximab", "carfilzomib")}

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
    day: int = 0  # the planned cycle day (a home dose can share a date with a moved visit)


@dataclass(frozen=True)
class TreatmentDay:
    date: dt.date
    cycle: int
    day: int
    items: tuple[Item, ...]
    moved_days: int = 0
    delays_before: int = 0  # how many delays moved this day; the .ics SEQUENCE
    holiday: str | None = None
    # A home dose during a delay of a drip in this cycle: the team decides whether to keep
    # taking it (FACTS-backbone 6.3); the calendar asks, it does not drop or move the dose.
    ask_home: bool = False

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
        by_date: dict[dt.date, list] = {}
        for day in range(1, phase.length_days + 1):
            items: list[Item] = []
            if day in infusion_days:
                number += 1
                items.append(Item(ISATUXIMAB, CLINIC, number, day))
            items += [Item(m, m.where, None, day) for m, days in todays if day in days]
            if not items:
                continue
            at_clinic = any(item.where == CLINIC for item in items)
            for item in (_place(item, at_clinic) for item in items):
                self._put(by_date, base, cycle, day, item)
        return [
            self._day(date, cycle, entries, holidays) for date, entries in sorted(by_date.items())
        ]

    def _put(self, by_date: dict, base: dt.date, cycle: int, day: int, item: Item) -> None:
        """A delay moves the drips and clinic visits from its starting point on (FACTS 5, 12e);
        home doses move only with their cycle's day 1 (FACTS-backbone 6.2-6.3)."""
        at = (cycle, day) if item.where == CLINIC else (cycle, 1)
        moved, count = shift_at(self.shifts, at) if self.shifts else (0, 0)
        date = base + dt.timedelta(days=day + moved)
        ask = item.where == HOME and self._in_delay(base, cycle, date)
        by_date.setdefault(date, []).append((day, item, moved, count, ask))

    def _in_delay(self, base: dt.date, cycle: int, date: dt.date) -> bool:
        """True when ``date`` falls between a delayed drip's planned date and its new date."""
        for shift in self.shifts:
            shift_cycle, shift_day = shift.position
            if shift_cycle != cycle or shift_day == 1:
                continue
            new = base + dt.timedelta(days=shift_day + shift_at(self.shifts, shift.position)[0])
            if new - dt.timedelta(days=shift.days) <= date < new:
                return True
        return False

    def _day(self, date: dt.date, cycle: int, entries: list, holidays: Holidays) -> TreatmentDay:
        clinic = [e for e in entries if e[1].where == CLINIC]
        order = GIVEN_IN_ORDER.get(self.regimen.slug, ())
        rank = {key: place for place, key in enumerate(order)}
        clinic.sort(key=lambda e: rank.get(e[1].medicine.key, len(order)))
        first = (clinic or entries)[0]
        items = tuple(e[1] for e in clinic + [e for e in entries if e[1].where != CLINIC])
        holiday = holidays(date) if clinic else None
        ask = any(e[4] for e in entries)
        return TreatmentDay(date, cycle, first[0], items, first[2], first[3], holiday, ask)

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
    notes += spacing_warnings(days)  # FACTS-backbone 6.7: warn, never block
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
