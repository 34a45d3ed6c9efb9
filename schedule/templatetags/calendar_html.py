"""The two long parts of the calendar result page, the day-by-day rows and the month grids,
written in Python: a two-year calendar has hundreds of rows and cells, and the template
language made the page several times slower than its 50 ms budget. Every value is escaped."""

import functools
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from ..coverage import OTHERS_NOT_SHOWN_CELL
from ..months import Cell, Month
from ..wording import CLINIC_MARK, HOME_MARK, DayView, clinic_word, home_word

register = template.Library()


def _hidden_nothing() -> str:
    # Translators: read by screen readers in an empty table cell (nothing at the clinic/home).
    nothing = gettext("Nothing")
    return f'<span class="visually-hidden">{_e(nothing)}</span>'


def _e(text: str) -> str:
    return escape(text, quote=True)


@register.simple_tag
def day_rows(days: list[DayView], others_missing: bool = False) -> SafeString:
    """One <tr> per treatment day: date (today, past, moved), cycle day, clinic, home. When the
    other medicines are left off, an empty home cell says so in words, never "Nothing"."""
    words = dict(_words(get_language()))
    if others_missing:
        words["nothing_home"] = _e(gettext(OTHERS_NOT_SHOWN_CELL))
    return mark_safe("".join(_row(day, words) for day in days))


@functools.lru_cache(maxsize=8)
def _words(language: str | None) -> dict[str, str]:
    """The short words of the tables and grids, escaped, in the page's language."""
    return {
        "nothing": _hidden_nothing(),
        "(today)": _e(pgettext("day table", "(today)")),
        "(past)": _e(pgettext("day table", "(past)")),
        "Today": _e(pgettext("month grid", "Today")),
        "past": _e(pgettext("month grid", "past")),
        "clinic": _e(gettext("Clinic visit.")),
        "holiday": _e(gettext("! Holiday")),
        # On a phone the table's headings are hidden, so each cell says where it is.
        "at_clinic": _cell_label(CLINIC_MARK, pgettext("day card", "At the clinic")),
        "at_home": _cell_label(HOME_MARK, pgettext("day card", "At home")),
        "Clinic": _where_word(CLINIC_MARK, clinic_word()),
        "Home": _where_word(HOME_MARK, home_word()),
    }


def _cell_label(mark: str, text: str) -> str:
    return f'<span class="cell-label" aria-hidden="true"><span>{mark}</span> {_e(text)}:</span> '


def _where_word(mark: str, text: str) -> str:
    return f'<span class="where-word"><span aria-hidden="true">{mark}</span> {_e(text)}</span>'


def _row(day: DayView, words: dict[str, str]) -> str:
    when = _e(day.date_text)
    if day.is_today:
        when += f" <strong>{words['(today)']}</strong>"
    elif day.is_past:
        when += f" {words['(past)']}"
    if day.moved:
        when += f' <span class="moved">({_e(day.moved)})</span>'
    clinic = words["nothing"]
    if day.clinic:
        clinic = _e(day.clinic)
        if day.chair_time:
            clinic += f'<br><span class="chair-time">{_e(day.chair_time)}</span>'
        if day.holiday:
            clinic += f"<br><strong>{_e(day.holiday)}</strong>"
    home = _e(day.home) if day.home else words.get("nothing_home", words["nothing"])
    # Each filled cell says where it is (seen on a phone, where the headings are hidden).
    clinic = words["at_clinic"] + clinic if day.clinic else clinic
    home = words["at_home"] + home if day.home or "nothing_home" in words else home
    css = ' class="is-clinic"' if day.clinic else ""
    return (
        f'<tr role="row"{css}><th scope="row" role="rowheader">{when}</th>'
        f'<td role="cell">{_e(day.cycle_day)}</td><td role="cell">{clinic}</td>'
        f'<td role="cell">{home}</td></tr>\n'
    )


@register.simple_tag
def month_table(month: Month, weekdays: list[tuple[str, str]]) -> SafeString:
    """A month as a 7-column table; each treatment day lists its medicines with symbols."""
    head = "".join(
        f'<th scope="col"><span aria-hidden="true">{short}</span>'
        f'<span class="visually-hidden">{full}</span></th>'
        for short, full in weekdays
    )
    words = _words(get_language())
    body = "".join(
        "<tr>" + "".join(_cell(cell, words) for cell in week) + "</tr>\n" for week in month.weeks
    )
    return mark_safe(
        f'<table class="month-grid"><caption>{_e(month.title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
    )


@functools.lru_cache(maxsize=512)
def _marks_html(marks: tuple[tuple[str, str], ...]) -> str:
    return "".join(
        f'<span class="med-mark"><span aria-hidden="true">{_e(symbol)}</span> {_e(label)}</span>'
        for symbol, label in marks
    )


def _cell(cell: Cell | None, words: dict[str, str]) -> str:
    if cell is None:
        return '<td class="other-month"></td>'
    view: DayView | None = cell.day
    if view is None and not cell.is_today:
        return f'<td><span class="day-number">{cell.date.day}</span></td>'
    classes = [c for c, on in (("is-clinic", view and view.clinic), ("is-today", cell.is_today),
                               ("is-past", cell.is_past)) if on]  # fmt: skip
    number = str(cell.date.day)
    if cell.is_today:
        number += f' <strong class="today-word">{words["Today"]}</strong>'
    elif cell.is_past and view:
        number += f' <span class="past-word">{words["past"]}</span>'
    parts = [f'<span class="day-number">{number}</span>']
    if view:
        if view.clinic:
            parts.append(f'<span class="visually-hidden">{words["clinic"]}</span>')
        if view.clinic_marks:
            parts.append(words["Clinic"] + _marks_html(view.clinic_marks))
        if view.home_marks:
            parts.append(words["Home"] + _marks_html(view.home_marks))
        if view.holiday:
            parts.append(f'<span class="med-mark holiday-mark">{words["holiday"]}</span>')
    css = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{css}>{''.join(parts)}</td>"
