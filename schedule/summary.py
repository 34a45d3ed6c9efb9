"""The plain-language sentences that explain a plan, shared by the web page and the PDF."""

from .plan import MAX_DELAY_DAYS, Plan, long_date

ESTIMATE = "This is an estimate. Confirm every date and dose with your care team."
ROUNDING_RULE = (
    "How it is worked out: 10 mg for each kilogram of body weight. A weight in pounds is changed "
    "to kilograms (1 lb = 0.45359237 kg), the weight is rounded to the nearest 0.1 kg, and the "
    "amount of liquid medicine (20 mg in each mL) to the nearest 0.1 mL."
)
EXACT_DOSE = (
    "Your pharmacy prepares the exact dose. Your weight is checked at the start of every cycle, "
    "so your dose can change."
)
IV_ONLY = (
    "This is only for isatuximab given as a drip into a vein (IV). The shot under the skin is "
    "the same dose for everyone. This estimate is not for the shot."
)
DELAYS = (
    "If a dose is given late, every later date moves by the same number of days. Your care team "
    f"will give you new dates. You can enter a delay of up to {MAX_DELAY_DAYS} days on the form "
    "to see the new dates."
)
TIMES = (
    "These times are for when there is no reaction. You get medicines 15 to 60 minutes before "
    "each infusion. So plan for a longer visit."
)


def regimen_line(plan: Plan) -> str:
    regimen = plan.regimen
    return f"Treatment: {regimen.name}, {regimen.partners} (approved in {regimen.approved_text})."


def dose_line(plan: Plan) -> str:
    dose = plan.dose
    return (
        f"Estimated dose: {dose.text} ({dose.volume_text} of medicine) for a weight of "
        f"{dose.weight_text}."
    )


def status_lines(plan: Plan) -> list[str]:
    lines = list(plan.notes)
    if plan.delay:
        lines.append(
            f"Infusion {plan.delay.from_infusion} and every infusion after it are moved "
            f"{plan.delay.days} days later."
        )
    if plan.treatment_over:
        last = plan.infusions[-1].date
        lines.append(
            f"All infusions of this treatment were before today. The last one was on "
            f"{long_date(last)}. Your care team will tell you what comes next."
        )
    return lines


def summary_lines(plan: Plan) -> list[str]:
    """Every sentence the PDF prints above the table, in reading order."""
    count = len(plan.infusions)
    return [
        regimen_line(plan),
        f"Cycle 1, day 1: {long_date(plan.start_date)}.",
        f"This calendar shows cycles {plan.first_cycle} to {plan.last_cycle}: "
        f"{count} infusion{'s' if count != 1 else ''}.",
        *status_lines(plan),
        dose_line(plan),
        ROUNDING_RULE,
        EXACT_DOSE,
        IV_ONLY,
        TIMES,
        DELAYS,
    ]
