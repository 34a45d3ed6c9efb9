"""Turn (regimen, cycle 1 day 1, weight, options, today) into a treatment calendar (no Django).

Every date follows FACTS.md section 12: cycle 1 day 1 is the start date, a cycle starts the day
after the previous one ends, and a delayed dose moves every later date by the same number of
days (FACTS 5, 12e). Results are estimates for discussion with the care team.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .dose import Dose, PlanError, calculate_dose
from .regimens import Regimen, get_regimen

# Expected infusion time when there is no reaction (FACTS 4b, 12f; totals confirmed by Sanofi).
FIRST_INFUSION_MINUTES = Decimal(200)  # 3 h 20 min
SECOND_INFUSION_MINUTES = Decimal("112.5")  # 1 h 53 min
LATER_INFUSION_MINUTES = Decimal(75)
PREMEDICINE_MINUTES = (15, 60)  # medicines 15 to 60 minutes before each infusion (FACTS 4c)

DEFAULT_WINDOW_DAYS = 182  # about six months of cycles by default
MAX_SPAN_DAYS = 731  # two years, counting one leap day
MAX_DELAY_DAYS = 90


def expected_minutes(number: int) -> Decimal:
    if number == 1:
        return FIRST_INFUSION_MINUTES
    return SECOND_INFUSION_MINUTES if number == 2 else LATER_INFUSION_MINUTES


@dataclass(frozen=True)
class Delay:
    """Infusion `from_infusion` and every later one happen `days` later than planned."""

    from_infusion: int
    days: int


@dataclass(frozen=True)
class Infusion:
    number: int  # counted from the first infusion of the whole treatment
    date: dt.date
    cycle: int
    day: int
    expected_minutes: Decimal
    delayed: bool = False


@dataclass(frozen=True)
class Plan:
    regimen: Regimen
    start_date: dt.date
    today: dt.date
    dose: Dose
    first_cycle: int
    last_cycle: int
    infusions: tuple[Infusion, ...]
    notes: tuple[str, ...]
    treatment_over: bool
    delay: Delay | None

    @property
    def starts_in_future(self) -> bool:
        return self.start_date > self.today


class _Timeline:
    """Cycle starts and infusion numbers for one regimen, start date and optional delay."""

    def __init__(self, regimen: Regimen, start: dt.date, delay: Delay | None) -> None:
        self.regimen, self.start, self.delay = regimen, start, delay

    def base_offset(self, cycle: int) -> tuple[int, int]:
        """(days from C1D1 to the start of `cycle`, infusions in the cycles before it)."""
        days = count = 0
        for phase in self.regimen.phases:
            end = cycle - 1 if phase.last_cycle is None else min(phase.last_cycle, cycle - 1)
            cycles = max(0, end - phase.first_cycle + 1)
            days += cycles * phase.length_days
            count += cycles * len(phase.infusion_days)
        return days, count

    def shift(self, number: int) -> int:
        delay = self.delay
        return delay.days if delay and number >= delay.from_infusion else 0

    def cycle_start(self, cycle: int) -> dt.date:
        days, count = self.base_offset(cycle)
        return self.start + dt.timedelta(days=days + self.shift(count + 1))

    def infusions(self, cycle: int) -> list[Infusion]:
        phase = self.regimen.phase_for(cycle)
        days, count = self.base_offset(cycle)
        out = []
        for index, day in enumerate(phase.infusion_days, start=1):
            number = count + index
            when = self.start + dt.timedelta(days=days + day - 1 + self.shift(number))
            out.append(
                Infusion(
                    number, when, cycle, day, expected_minutes(number), bool(self.shift(number))
                )
            )
        return out

    def cycle_containing(self, when: dt.date) -> int | None:
        """The cycle whose days include `when`: 1 before treatment starts, None after it ends."""
        final = self.regimen.last_cycle
        if final is not None and when >= self.cycle_start(final + 1):
            return None
        days_in = (when - self.start).days
        cycle = 1
        for phase in self.regimen.phases:
            first_day, _ = self.base_offset(phase.first_cycle)
            if days_in >= first_day:
                cycle = phase.first_cycle + (days_in - first_day) // phase.length_days
        if final is not None:
            cycle = min(cycle, final)
        while cycle > 1 and self.cycle_start(cycle) > when:  # a delay pushes cycles later
            cycle -= 1
        return max(cycle, 1)


def build_plan(
    regimen_slug: str,
    start_date: dt.date,
    weight: Decimal,
    weight_unit: str,
    today: dt.date,
    first_cycle: int | None = None,
    last_cycle: int | None = None,
    delay: Delay | None = None,
) -> Plan:
    """Every infusion in the chosen cycles, with dates, numbers, expected times and the dose.

    By default the calendar starts at the cycle containing `today` (cycle 1 if treatment has
    not started) and covers the cycles starting within about six months. Raises PlanError.
    """
    regimen = get_regimen(regimen_slug)
    dose = calculate_dose(weight, weight_unit)
    try:
        return _build(regimen, start_date, dose, today, first_cycle, last_cycle, delay)
    except OverflowError:
        raise PlanError("That start date is too far away. Check the year.", "start_date") from None


def _build(
    regimen: Regimen,
    start_date: dt.date,
    dose: Dose,
    today: dt.date,
    first_cycle: int | None,
    last_cycle: int | None,
    delay: Delay | None,
) -> Plan:
    timeline = _Timeline(regimen, start_date, delay)
    final = regimen.last_cycle
    notes: list[str] = []
    if delay is not None:
        _check_delay(delay, timeline)
    over = final is not None and timeline.infusions(final)[-1].date < today
    if first_cycle is None:
        current = timeline.cycle_containing(today)
        first_cycle = 1 if over or current is None else current
    if first_cycle < 1:
        raise PlanError("Cycles are numbered from 1. Enter 1 or more.", "first_cycle")
    if final is not None and first_cycle > final:
        raise PlanError(
            f"{regimen.name} has {final} cycles. Choose a first cycle from 1 to {final}.",
            "first_cycle",
        )
    if last_cycle is None:
        last_cycle = final if over else _default_last(timeline, first_cycle)
    if last_cycle < first_cycle:
        raise PlanError(
            f"The last cycle must be the same as or after the first cycle shown "
            f"(cycle {first_cycle}). Enter {first_cycle} or more.",
            "last_cycle",
        )
    if final is not None and last_cycle > final:
        notes.append(
            f"{regimen.name} has only {final} cycles, so this calendar stops at cycle {final}."
        )
        last_cycle = final
    _check_span(timeline, first_cycle, last_cycle)
    infusions = tuple(
        i for cycle in range(first_cycle, last_cycle + 1) for i in timeline.infusions(cycle)
    )
    return Plan(
        regimen=regimen,
        start_date=start_date,
        today=today,
        dose=dose,
        first_cycle=first_cycle,
        last_cycle=last_cycle,
        infusions=infusions,
        notes=tuple(notes),
        treatment_over=over,
        delay=delay,
    )


def _default_last(timeline: _Timeline, first: int) -> int:
    final = timeline.regimen.last_cycle
    window_end = timeline.cycle_start(first) + dt.timedelta(days=DEFAULT_WINDOW_DAYS)
    last = first
    while (final is None or last < final) and timeline.cycle_start(last + 1) < window_end:
        last += 1
    return last


def _check_span(timeline: _Timeline, first: int, last: int) -> None:
    begin = timeline.cycle_start(first)
    if (timeline.cycle_start(last + 1) - begin).days <= MAX_SPAN_DAYS:
        return
    fits = first
    while (timeline.cycle_start(fits + 2) - begin).days <= MAX_SPAN_DAYS:
        fits += 1
    raise PlanError(
        f"That is more than 2 years of treatment. Choose cycles {first} to {fits} or fewer.",
        "last_cycle",
    )


def _check_delay(delay: Delay, timeline: _Timeline) -> None:
    if not 1 <= delay.days <= MAX_DELAY_DAYS:
        raise PlanError(f"Enter a delay from 1 to {MAX_DELAY_DAYS} days.", "delay_days")
    final = timeline.regimen.last_cycle
    total = timeline.base_offset(final + 1)[1] if final is not None else None
    if delay.from_infusion < 1 or (total is not None and delay.from_infusion > total):
        limit = f" from 1 to {total}" if total else ""
        raise PlanError(f"Enter an infusion number{limit}.", "delay_from")
