"""The other medicines of each regimen, by cycle and day, as data next to the isatuximab days.

Source: shared/FACTS-backbone.md sections 1, 2, 4 and 7, and FACTS.md 15a. Decisions from 15a:
- Isa-Pd and Isa-Kd days are confirmed and are the calendar's defaults (status "label").
- Isa-VRd before transplant (GMMG-HD7) days come from the trial and are defaults labelled
  "your team's plan may differ" (status "trial").
- Isa-VRd (IMROZ) day lists are UNCONFIRMED: only the structure is sourced (bortezomib in
  cycles 1 to 4 only; lenalidomide and dexamethasone throughout), so nothing is prefilled
  (status "team"): the care team types the days or the calendar shows isatuximab days only.
- No backbone dose is stored or shown anywhere: "as prescribed by your team".

Dexamethasone is one medicine with one list of days. On a day with a clinic medicine
(isatuximab, carfilzomib or bortezomib) it is given once at the clinic, counting as the
premedication (FACTS-backbone 0); on other days it is a tablet at home. This reproduces the
clinic/home split of FACTS-backbone 7 exactly and never shows two doses on one day.
"""

from dataclasses import dataclass

from isatuximab_portal.lib.language import gettext, gettext_noop

CLINIC, HOME = "clinic", "home"
AT_CLINIC_DAYS = "with_clinic"  # where = clinic on a clinic day, home otherwise


@dataclass(frozen=True)
class DayRule:
    """The cycle days of one medicine for cycles first..last (None: until treatment stops)."""

    first_cycle: int
    last_cycle: int | None
    days: tuple[int, ...]

    def covers(self, cycle: int) -> bool:
        return cycle >= self.first_cycle and (self.last_cycle is None or cycle <= self.last_cycle)

    @property
    def cycles_text(self) -> str:
        """'cycle 1', 'cycles 2 to 4', 'cycle 2 onwards'."""
        if self.last_cycle is None:
            return gettext("cycle {first} onwards").format(first=self.first_cycle)
        if self.last_cycle == self.first_cycle:
            return gettext("cycle {first}").format(first=self.first_cycle)
        return gettext("cycles {first} to {last}").format(
            first=self.first_cycle, last=self.last_cycle
        )


@dataclass(frozen=True)
class Medicine:
    key: str  # unique within a regimen, also used in .ics UIDs and form field names
    name: str  # "pomalidomide" (English; `local_name` is the name in the current language)
    how: str  # "capsule", "tablet", "drip (IV)", "injection under the skin" (English)
    where: str  # CLINIC, HOME or AT_CLINIC_DAYS
    label: str  # short label for month grids: "Pom"
    symbol: str  # black-and-white symbol used with the label
    rules: tuple[DayRule, ...]

    def days_in(self, cycle: int) -> tuple[int, ...]:
        return next((rule.days for rule in self.rules if rule.covers(cycle)), ())

    @property
    def local_name(self) -> str:
        """The medicine's name in the current language ("pomalidomida" in Spanish)."""
        return gettext(self.name)

    @property
    def local_how(self) -> str:
        return gettext(self.how)


@dataclass(frozen=True)
class Backbone:
    status: str  # "label", "trial" or "team"
    medicines: tuple[Medicine, ...]


# Names and forms are marked for the catalogue here and translated where they are shown.
_NAMES = (
    gettext_noop("isatuximab"), gettext_noop("pomalidomide"), gettext_noop("dexamethasone"),
    gettext_noop("carfilzomib"), gettext_noop("bortezomib"), gettext_noop("lenalidomide"),
)  # fmt: skip
CAPSULE, TABLET = gettext_noop("capsule"), gettext_noop("tablet")
DRIP, INJECTION = gettext_noop("drip (IV)"), gettext_noop("injection under the skin")
ISATUXIMAB = Medicine("isatuximab", "isatuximab", DRIP, CLINIC, "Isa", "●", ())
TRIAL_NOTE = gettext_noop("These days are from the trial. Your team's plan may differ.")
TEAM_NOTE = gettext_noop(
    "Your care team will tell you the days for your other medicines. They can type them in the "
    "optional part of the form."
)

EDITED_NOTE = gettext_noop("The days of the other medicines were typed in by your care team.")

_1_21 = tuple(range(1, 22))
_1_14_22_35 = (*range(1, 15), *range(22, 36))
_CARFILZOMIB = (1, 2, 8, 9, 15, 16)
_VRD_DEX = (1, 2, 4, 5, 8, 9, 11, 12, 15, 22, 23, 25, 26, 29, 30, 32, 33)
_BORTEZOMIB = (1, 4, 8, 11, 22, 25, 29, 32)


def _dex(*rules: DayRule, how: str = TABLET) -> Medicine:
    return Medicine("dexamethasone", "dexamethasone", how, AT_CLINIC_DAYS, "Dex", "■", rules)


BACKBONES: dict[str, Backbone] = {
    # FACTS-backbone 1 (Isa-Pd): pomalidomide days 1-21 at home; dexamethasone weekly.
    "isa-pd": Backbone(
        "label",
        (
            Medicine("pomalidomide", "pomalidomide", CAPSULE, HOME, "Pom", "○",
                     (DayRule(1, None, _1_21),)),
            _dex(DayRule(1, None, (1, 8, 15, 22))),
        ),
    ),
    # FACTS-backbone 2 (Isa-Kd): carfilzomib twice a week for 3 weeks; dexamethasone 8 days.
    "isa-kd": Backbone(
        "label",
        (
            Medicine("carfilzomib", "carfilzomib", DRIP, CLINIC, "Car", "▲",
                     (DayRule(1, 1, _CARFILZOMIB), DayRule(2, None, _CARFILZOMIB))),
            _dex(DayRule(1, None, (1, 2, 8, 9, 15, 16, 22, 23))),
        ),
    ),
    # FACTS-backbone 4 (GMMG-HD7, trial): 3 cycles of 42 days, then stop.
    "isa-vrd-induction": Backbone(
        "trial",
        (
            Medicine("bortezomib", "bortezomib", INJECTION, CLINIC, "Bor", "◆",
                     (DayRule(1, 3, _BORTEZOMIB),)),
            Medicine("lenalidomide", "lenalidomide", CAPSULE, HOME, "Len", "○",
                     (DayRule(1, 3, _1_14_22_35),)),
            _dex(DayRule(1, 3, _VRD_DEX)),
        ),
    ),
    # FACTS-backbone 3 (IMROZ): structure only; every day list is left empty on purpose.
    "isa-vrd": Backbone(
        "team",
        (
            Medicine("bortezomib", "bortezomib", INJECTION, CLINIC, "Bor", "◆",
                     (DayRule(1, 4, ()),)),
            Medicine("lenalidomide", "lenalidomide", CAPSULE, HOME, "Len", "○",
                     (DayRule(1, 4, ()), DayRule(5, None, ()))),
            _dex(DayRule(1, 4, ()), DayRule(5, None, ())),
        ),
    ),
}  # fmt: skip


def backbone_for(slug: str) -> Backbone:
    return BACKBONES[slug]


def with_days(medicine: Medicine, days_by_rule: dict[int, tuple[int, ...]]) -> Medicine:
    """A copy of `medicine` whose rule at index i uses days_by_rule[i] where given."""
    rules = tuple(
        DayRule(rule.first_cycle, rule.last_cycle, days_by_rule.get(index, rule.days))
        for index, rule in enumerate(medicine.rules)
    )
    return Medicine(medicine.key, medicine.name, medicine.how, medicine.where, medicine.label,
                    medicine.symbol, rules)  # fmt: skip
