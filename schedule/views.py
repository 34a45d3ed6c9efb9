"""The treatment calendar: one form, answered as a web page, an .ics file or a PDF.

Privacy: every answer is a response to a POST of the form; nothing typed is stored, logged,
cached or put in a URL. The result page carries the same values in hidden fields so the
downloads can be made without keeping anything on the server.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import wording
from .dates import weekday_headings
from .forms import CalendarForm
from .ics import render_ics
from .months import month_grids
from .pdf.calendar import render_calendar_pdf
from .private import attachment, private_tool

DOWNLOADS = {
    "ics": ("text/calendar; charset=utf-8", "isatuximab-calendar.ics"),
    "pdf": ("application/pdf", "isatuximab-calendar.pdf"),
}


@private_tool
def calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.method != "POST" or request.POST.get("format") == "edit":
        initial = {name: request.POST.get(name) for name in CalendarForm.base_fields}
        form = CalendarForm(initial={k: v for k, v in initial.items() if v}, today=today)
        return render(request, "schedule/calendar_form.html", {"form": form})
    form = CalendarForm(request.POST, today=today)
    if not form.is_valid():
        return render(request, "schedule/calendar_form.html", {"form": form})
    plan, output = form.plan, request.POST.get("format")
    if output == "ics":
        return _download(render_ics(plan, now=timezone.now()), "ics")
    if output == "pdf":
        paper = form.cleaned_data["paper"]
        return _download(render_calendar_pdf(plan, paper, generated_on=today), "pdf")
    context = {
        "form": form,
        "plan": plan,
        "summary": wording.summary_items(plan),
        "status_lines": wording.status_lines(plan),
        "rows": [wording.infusion_row(infusion) for infusion in plan.infusions],
        "months": month_grids(plan.infusions),
        "text": wording,
        "made_on": wording.made_on(today),
        "weekdays": weekday_headings(),
    }
    return render(request, "schedule/calendar_result.html", context)


def _download(body: bytes, kind: str) -> HttpResponse:
    content_type, filename = DOWNLOADS[kind]
    return attachment(body, content_type, filename)
