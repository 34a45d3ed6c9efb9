"""The treatment calendar: one form, answered as a web page, an .ics file or a PDF.

Privacy: every answer is a response to a POST of the form; nothing typed is stored, logged,
cached or put in a URL. The result page carries the same values in hidden fields so the
downloads can be made without keeping anything on the server.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import summary
from .forms import CalendarForm
from .ics import render_ics
from .pdf.calendar import render_calendar_pdf
from .plan import DAY_NAMES, month_grids
from .private import attachment, private_tool

WEEKDAYS = [(name[:3], name) for name in DAY_NAMES]
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
        "months": month_grids(plan.infusions),
        "status_lines": summary.status_lines(plan),
        "text": summary,
        "today": today,
        "weekdays": WEEKDAYS,
    }
    return render(request, "schedule/calendar_result.html", context)


def _download(body: bytes, kind: str) -> HttpResponse:
    content_type, filename = DOWNLOADS[kind]
    return attachment(body, content_type, filename)
