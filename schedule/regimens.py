"""The approved IV isatuximab regimens as data (no Django).

Source for every number: shared/FACTS.md section 3 (label dose and day tables) and section 12a
(the same tables as machine-readable definitions). Conventions from FACTS 12: cycle 1 day 1 is
the start date; a cycle starts the day after the previous cycle's last day.

Only the IV regimens are here. The under-the-skin (subcutaneous) form uses a flat dose and its
day tables are not confirmed (FACTS 3d, 13.2), so the calendar and dose calculator do not offer it.
"""

from dataclasses import dataclass

from isatuximab_portal.lib.language import gettext, gettext_noop


@dataclass(frozen=True)
class Phase:
    """A run of cycles with the same length and the same infusion days.

    `last_cycle` None means "until the care team stops treatment" (progression or toxicity).
    """

    first_cycle: int
    last_cycle: int | None
    length_days: int
    infusion_days: tuple[int, ...]

    def covers(self, cycle: int) -> bool:
        return cycle >= self.first_cycle and (self.last_cycle is None or cycle <= self.last_cycle)


@dataclass(frozen=True)
class Regimen:
    slug: str
    name: str
    partners: str
    approved_in: tuple[str, ...]
    who_for: str
    phases: tuple[Phase, ...]
    source: str

    @property
    def approved_text(self) -> str:
        """'the US and the EU', 'the EU only'."""
        if len(self.approved_in) == 1:
            return f"the {self.approved_in[0]} only"
        return " and ".join(f"the {place}" for place in self.approved_in)

    @property
    def approval(self) -> str:
        """'approved in the US and the EU' in the current language."""
        sentence = APPROVALS.get(self.approved_in)
        return gettext(sentence) if sentence else f"approved in {self.approved_text}"

    @property
    def local_name(self) -> str:
        return gettext(self.name)

    @property
    def local_partners(self) -> str:
        return gettext(self.partners)

    @property
    def local_who_for(self) -> str:
        return gettext(self.who_for)

    @property
    def last_cycle(self) -> int | None:
        """The final cycle, or None when treatment continues until the care team stops it."""
        return self.phases[-1].last_cycle

    def phase_for(self, cycle: int) -> Phase:
        if cycle < 1:
            raise ValueError("Cycles are numbered from 1.")
        for phase in self.phases:
            if phase.covers(cycle):
                return phase
        raise ValueError(f"{self.name} has only {self.last_cycle} cycles.")


APPROVALS = {
    ("US", "EU"): gettext_noop("approved in the US and the EU"),
    ("EU",): gettext_noop("approved in the EU only"),
}

# Isa-Pd and Isa-Kd share one day table (FACTS 3a, 12b): 28-day cycles, weekly in cycle 1,
# then every 2 weeks.
_PD_KD_PHASES = (
    Phase(1, 1, 28, (1, 8, 15, 22)),
    Phase(2, None, 28, (1, 15)),
)

# IMROZ (FACTS 3b, 12c): four 42-day induction cycles, then 28-day cycles; once every 4 weeks
# from cycle 18.
_IMROZ_PHASES = (
    Phase(1, 1, 42, (1, 8, 15, 22, 29)),
    Phase(2, 4, 42, (1, 15, 29)),
    Phase(5, 17, 28, (1, 15)),
    Phase(18, None, 28, (1,)),
)

# GMMG-HD7 (FACTS 3c, 12d): the same first three cycles as IMROZ, then isatuximab stops before
# high-dose chemotherapy and stem cell transplant.
_HD7_PHASES = (
    Phase(1, 1, 42, (1, 8, 15, 22, 29)),
    Phase(2, 3, 42, (1, 15, 29)),
)

REGIMENS: dict[str, Regimen] = {
    regimen.slug: regimen
    for regimen in (
        Regimen(
            slug="isa-pd",
            name="Isa-Pd",
            partners=gettext_noop("isatuximab with pomalidomide and dexamethasone"),
            approved_in=("US", "EU"),
            who_for=gettext_noop("myeloma that has come back after at least 2 earlier treatments"),
            phases=_PD_KD_PHASES,
            source="US label and EU SmPC, dosing section (ICARIA-MM trial); FACTS.md 3a, 12b",
        ),
        Regimen(
            slug="isa-kd",
            name="Isa-Kd",
            partners=gettext_noop("isatuximab with carfilzomib and dexamethasone"),
            approved_in=("US", "EU"),
            who_for=gettext_noop(
                "myeloma that has come back after 1 to 3 earlier treatments (US), "
                "or at least 1 (EU)"
            ),
            phases=_PD_KD_PHASES,
            source="US label and EU SmPC, dosing section (IKEMA trial); FACTS.md 3a, 12b",
        ),
        Regimen(
            slug="isa-vrd",
            name="Isa-VRd",
            partners=gettext_noop("isatuximab with bortezomib, lenalidomide and dexamethasone"),
            approved_in=("US", "EU"),
            who_for=gettext_noop(
                "newly diagnosed myeloma in people who cannot have a stem cell transplant"
            ),
            phases=_IMROZ_PHASES,
            source="US label and EU SmPC, dosing section (IMROZ trial); FACTS.md 3b, 12c",
        ),
        Regimen(
            slug="isa-vrd-induction",
            name=gettext_noop("Isa-VRd before transplant"),
            partners=gettext_noop("isatuximab with bortezomib, lenalidomide and dexamethasone"),
            approved_in=("EU",),
            who_for=gettext_noop(
                "newly diagnosed myeloma before a stem cell transplant (3 cycles, then stop)"
            ),
            phases=_HD7_PHASES,
            source="EU SmPC, dosing section (GMMG-HD7 trial); FACTS.md 3c, 12d",
        ),
    )
}


def get_regimen(slug: str) -> Regimen:
    """Return the regimen for `slug`; raise ValueError for anything unknown."""
    try:
        return REGIMENS[slug]
    except (KeyError, TypeError):
        raise ValueError(gettext("Choose one of the treatments in the list.")) from None
