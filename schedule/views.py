"""The treatment calendar: one form, answered as a web page, an .ics file or a handout PDF.

Privacy: every answer is a response to a POST of the form; nothing typed is stored, logged,
cached or put in a URL. The result page carries the same values in hidden fields so the
downloads can be made without keeping anything on the server. A weight that needs checking
is asked about on a page of its own, again with hidden fields only.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from education.models import HelpSettings
from isatuximab_portal.lib.dates import long_date, weekday_headings
from isatuximab_portal.lib.private import attachment, private_tool

from . import wording
from .forms import CalendarForm
from .ics import render_ics
from .months import month_grids
from .pdf.calendar import Handout, render_calendar_pdf
from .weight import convert

DOWNLOADS = {
    "ics": ("text/calendar; charset=utf-8", "isatuximab-calendar.ics"),
    "pdf": ("application/pdf", "isatuximab-calendar.pdf"),
}


@private_tool
def calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.method != "POST" or request.POST.get("format") == "edit":
        return _edit(request, today)
    form = CalendarForm(request.POST, today=today)
    if not form.is_valid():
        return render(request, "schedule/calendar_form.html", {"form": form})
    if form.question:
        return _weight_question(request, form)
    output = request.POST.get("format")
    if output == "ics":
        data = form.cleaned_data
        body = render_ics(
            form.schedule, timezone.now(), form.place, data["ics_tablets"], data["ics_past"]
        )
        return _download(body, "ics")
    if output == "pdf":
        pdf = render_calendar_pdf(
            form.schedule, form.dose, form.cleaned_data["paper"], _handout(form), made_on=today
        )
        return _download(pdf, "pdf")
    return render(request, "schedule/calendar_result.html", _result_context(form, today))


def _weight_question(request: HttpRequest, form: CalendarForm) -> HttpResponse:
    """Ask whether the weight is right, with no answer chosen; asked again without a choice,
    the page says so by the question (status 200: a normal answer, not a failure)."""
    context = {"form": form}
    if request.POST.get("weight_asked"):
        context["weight_error"] = gettext("Choose one answer, then press Continue.")
    return render(request, "schedule/weight_question.html", context)


def _edit(request: HttpRequest, today) -> HttpResponse:
    names = CalendarForm(today=today).fields
    initial = {name: request.POST.get(name) for name in names if request.POST.get(name)}
    initial.pop("weight_checked", None)
    form = CalendarForm(initial=initial, today=today)
    return render(request, "schedule/calendar_form.html", {"form": form})


def _handout(form: CalendarForm) -> Handout:
    data, site = form.cleaned_data, HelpSettings.load()
    return Handout(
        patient_name=data["patient_name"].strip(),
        clinic_name=data["clinic_name"].strip() or site.centre_name,
        clinic_phone=data["clinic_phone"].strip() or site.phone_24h,
        emergency_number=site.emergency_number,
        fever=site.fever_text(),
        place=form.place,
    )


def _result_context(form: CalendarForm, today) -> dict:
    schedule = form.schedule
    views = {day.date: wording.describe(day, form.place, today) for day in schedule.days}
    visits = [views[day.date] for day in wording.next_visits(schedule, 3)]
    return {
        "form": form,
        "schedule": schedule,
        "dose": form.dose,
        "weight_other": convert(form.dose.weight_kg, "kg"),
        "today_text": wording.today_text(schedule),
        "start_text": long_date(schedule.start_date),
        "next_visit": visits[0] if visits else None,
        "later_visits": visits[1:],
        "home_week": wording.home_this_week(schedule),
        "legend": wording.legend(schedule),
        "source_note": wording.source_note(schedule),
        "place": form.place,
        "days": list(views.values()),
        "months": month_grids(views, today),
        "estimate": gettext(wording.ESTIMATE),
        "as_prescribed": gettext(wording.AS_PRESCRIBED),
        "late_dose": gettext(wording.LATE_DOSE),
        "delays": [
            wording.delay_text(s.delay.kind, s.delay.number, s.days) for s in schedule.shifts
        ],
        "today": today,
        "made_on": wording.made_on(today),
        "weekdays": weekday_headings(),
        "dex_note": wording.dexamethasone_note(schedule),
    }


def _download(body: bytes, kind: str) -> HttpResponse:
    content_type, filename = DOWNLOADS[kind]
    return attachment(body, content_type, filename)
