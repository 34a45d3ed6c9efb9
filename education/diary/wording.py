"""The blank symptom and temperature diary: its wording, shared by the print page and the PDF.

Nothing here is personal: the diary is printed blank and filled in by hand. The only values
that vary are the fever threshold (an admin setting, default 38 °C) and the care team's
24-hour number, both read from ``HelpSettings``. No Django import: the settings object is
passed in, and the sentences are translated through ``lib.language`` (the views run in the
page's language, so ``/es/diary/`` and its PDF are in Spanish).
"""

from dataclasses import dataclass

from isatuximab_portal.lib.language import gettext

from ..text.fever import fever_text

DAYS_PER_WEEK = 7
BLANK_CELLS_PER_DAY = 5  # date, two temperatures, symptoms, medicines
MAX_WEEKS = 12
DEFAULT_WEEKS = 4
BLANK = "______________"


@dataclass(frozen=True)
class DiaryText:
    """Every sentence on a diary page. Whole sentences, so each can be translated."""

    title: str
    how_to: str
    fever_rule: str
    phone_line: str
    table_caption: str
    day_column: str
    date_column: str
    temperature_column: str
    temperature_times: tuple[str, str]
    symptoms_column: str
    medicines_column: str
    questions: str
    footer: str
    # The last page, "When to get help": the red flags as (tier, text) pairs from the one
    # governed source (the view reads education.red_flags), and whom to call.
    red_flags: tuple[tuple[str, str], ...] = ()
    clinic_name: str = ""
    phone: str = ""
    emergency_number: str = ""

    @staticmethod
    def week_heading(number: int) -> str:
        return gettext("Week {number}").format(number=number)

    @staticmethod
    def week_start() -> str:
        # Translators: the line is a blank to fill in by hand with a date.
        return gettext("Week starting on: {blank}").format(blank=BLANK)

    @staticmethod
    def day_label(number: int) -> str:
        return gettext("Day {number}").format(number=number)


def diary_text(help_settings: object, red_flags: tuple[tuple[str, str], ...] = ()) -> DiaryText:
    """The diary's wording for this site's fever threshold and numbers; with ``red_flags``
    (plain (tier, text) pairs) the PDF ends with a "When to get help" page."""
    fever = fever_text(help_settings.fever_threshold_c)
    phone = getattr(help_settings, "phone_24h", "") or BLANK
    return DiaryText(
        title=gettext("Symptom and temperature diary"),
        how_to=gettext("Fill in a line every day. Take this diary to every visit."),
        fever_rule=gettext(
            "If your temperature is {fever} or higher, call your care team's 24-hour number "
            "straight away, day or night. Do not wait for your next visit."
        ).format(fever=fever),
        phone_line=gettext("My care team's 24-hour number: {phone}").format(phone=phone),
        table_caption=gettext("One line for each day of the week"),
        # Translators: a column heading in the printed diary: the day of the week (1 to 7).
        day_column=gettext("Day"),
        date_column=gettext("Date"),
        temperature_column=gettext("Temperature"),
        # Translators: the two times of day a temperature is taken, under "Temperature".
        temperature_times=(gettext("Morning"), gettext("Evening")),
        symptoms_column=gettext("How I feel, and any symptoms"),
        medicines_column=gettext("Medicines I took"),
        questions=gettext("Questions for my care team"),
        footer=gettext(
            "A blank diary from the isatuximab treatment guide. It is not medical advice."
        ),
        red_flags=tuple(red_flags),
        clinic_name=getattr(help_settings, "centre_name", ""),
        phone=getattr(help_settings, "phone_24h", ""),
        emergency_number=getattr(help_settings, "emergency_number", ""),
    )
