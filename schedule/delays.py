"""Several delays, each starting at an infusion or a cycle, moving everything after it (no Django).

FACTS.md 5 and 12e: a late dose moves every later date by the same number of days ("maintaining
the treatment interval"). FACTS-backbone 6.2: a delayed day 1 moves the whole cycle, and the
calendar must not assume the other medicines keep running while isatuximab is held. So a delay
moves every medicine from its starting point on: the infusion's cycle day, or day 1 of the
cycle. Delays add up: a day after two delays moves by both.
"""

from dataclasses import dataclass

from isatuximab_portal.lib.language import gettext

from .dose import PlanError
from .regimens import Regimen

MAX_DELAYS = 6
MAX_DELAY_DAYS = 90
MAX_NUMBER = 999
INFUSION, CYCLE = "infusion", "cycle"
Position = tuple[int, int]  # (cycle, day) in the planned schedule


@dataclass(frozen=True)
class Delay:
    """Infusion or cycle `number` and everything after it happen `days` later than planned."""

    kind: str
    number: int
    days: int
    row: int = 1  # which row of the form it came from, for messages next to the field


@dataclass(frozen=True)
class Shift:
    position: Position
    days: int
    delay: Delay


def planned_cycle(regimen: Regimen, cycle: int) -> tuple[int, int]:
    """(days from cycle 1 day 1 to the start of `cycle`, infusions in the cycles before it)."""
    days = count = 0
    for phase in regimen.phases:
        end = cycle - 1 if phase.last_cycle is None else min(phase.last_cycle, cycle - 1)
        cycles = max(0, end - phase.first_cycle + 1)
        days += cycles * phase.length_days
        count += cycles * len(phase.infusion_days)
    return days, count


def infusion_position(regimen: Regimen, number: int) -> Position | None:
    """Cycle and day of infusion `number` (counted from the first), or None past the end."""
    cycle, seen = 1, 0
    while regimen.last_cycle is None or cycle <= regimen.last_cycle:
        days = regimen.phase_for(cycle).infusion_days
        if seen + len(days) >= number:
            return cycle, days[number - seen - 1]
        seen += len(days)
        cycle += 1
    return None


def resolve(regimen: Regimen, delays: tuple[Delay, ...]) -> tuple[Shift, ...]:
    """Check every delay and place it in the planned schedule; raise PlanError if one cannot be."""
    if len(delays) > MAX_DELAYS:
        raise PlanError(gettext("Enter at most {n} delays.").format(n=MAX_DELAYS), None)
    shifts: list[Shift] = []
    for delay in delays:
        position = _position(regimen, delay)
        clash = next((s for s in shifts if s.position == position), None)
        if clash:
            text = gettext(
                "Delay {row} starts at the same point as delay {other}. "
                "Put the days of both in one delay."
            )
            raise PlanError(
                text.format(row=delay.row, other=clash.delay.row), f"delay{delay.row}_number"
            )
        shifts.append(Shift(position, delay.days, delay))
    return tuple(sorted(shifts, key=lambda shift: shift.position))


def _position(regimen: Regimen, delay: Delay) -> Position:
    field = f"delay{delay.row}_"
    if not 1 <= delay.days <= MAX_DELAY_DAYS:
        text = gettext("Enter a delay from 1 to {n} days.").format(n=MAX_DELAY_DAYS)
        raise PlanError(text, field + "days")
    if delay.kind not in (INFUSION, CYCLE):
        raise PlanError(
            gettext("Choose whether the delay starts at an infusion or a cycle."), field + "kind"
        )
    final = regimen.last_cycle
    if delay.kind == CYCLE:
        if not 1 <= delay.number <= (final or MAX_NUMBER):
            text = gettext("{regimen} has cycles 1 to {last}. Enter one of them.")
            raise PlanError(
                text.format(regimen=regimen.local_name, last=final or MAX_NUMBER),
                field + "number",
            )
        return delay.number, 1
    position = infusion_position(regimen, delay.number) if 1 <= delay.number <= MAX_NUMBER else None
    if position is None:
        total = planned_cycle(regimen, final + 1)[1] if final else MAX_NUMBER
        text = gettext("{regimen} has infusions 1 to {last}. Enter one of them.")
        raise PlanError(text.format(regimen=regimen.local_name, last=total), field + "number")
    return position


def shift_at(shifts: tuple[Shift, ...], position: Position) -> tuple[int, int]:
    """(days moved, number of delays that moved it) for a planned cycle day."""
    moved = [shift.days for shift in shifts if shift.position <= position]
    return sum(moved), len(moved)
