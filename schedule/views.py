"""The treatment calendar: one form, answered as a web page, an .ics file or a PDF.

Privacy: every answer is a response to a POST of the form; nothing typed is stored, logged,
cached or put in a URL. The result page carries the same values in hidden fields so the
downloads can be made without keeping anything on the server.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import summary
from .forms import CalendarForm
from .ics import render_ics
from .pdf.calendar import render_calendar_pdf
from .plan import DAY_NAMES, month_grids

WEEKDAYS = [(name[:3], name) for name in DAY_NAMES]
DOWNLOADS = {
    "ics": ("text/calendar; charset=utf-8", "isatuximab-calendar.ics"),
    "pdf": ("application/pdf", "isatuximab-calendar.pdf"),
}


# CSRF protection is off on purpose: this view changes no state (no database, no session, no
# cookie), so a forged cross-site request has nothing to attack, and the public site sets no
# cookies at all, which a CSRF token would need.
@csrf_exempt
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
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
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
