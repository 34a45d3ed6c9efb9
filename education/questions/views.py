"""The question builder's page, print view and PDF.

GET shows the list; POST makes the sheet, as a print view (HTML) or a PDF download, chosen by
the button pressed. ``private_tool`` makes every answer ``no-store``, hides posted values from
error reports and sets no cookie; the typed questions exist only in this request's memory:
never saved, logged, cached or put in a URL (the form posts to its own address).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from isatuximab_portal.lib.private import attachment, private_tool

from ..models import ENGLISH, HelpSettings, QuestionPrompt
from ..translations import active_language, localised
from .forms import QuestionSheetForm
from .pdf import render_sheet_pdf
from .wording import MAX_OWN_QUESTIONS, OWN_MAX_LENGTH, sheet_text


def prompts_for(language: str) -> list[QuestionPrompt]:
    """Published prompts in ``language`` (English where not translated), Ask Me 3 first."""
    prompts = localised(QuestionPrompt.objects.all(), language, key=lambda p: (p.order, p.pk))
    return sorted(prompts, key=lambda p: (not p.is_ask_me_3, p.order, p.pk))


def _groups(prompts: list[QuestionPrompt]) -> list[dict]:
    ask_me_3 = [p for p in prompts if p.is_ask_me_3]
    groups = [{"key": "ask-me-3", "heading": None, "prompts": ask_me_3}] if ask_me_3 else []
    for key, heading in QuestionPrompt.Group.choices:
        inside = [p for p in prompts if p.group == key and not p.is_ask_me_3]
        if inside:
            groups.append({"key": key, "heading": heading, "prompts": inside})
    return groups


def _page(request: HttpRequest, form: QuestionSheetForm, prompts, status: int = 200):
    asked = {str(value) for value in (form["asked"].value() or ())}
    context = {
        "form": form,
        "groups": _groups(prompts),
        "asked": asked,
        "max_own": MAX_OWN_QUESTIONS,
        "max_length": OWN_MAX_LENGTH,
    }
    return render(request, "education/questions.html", context, status=status)


@private_tool
def question_builder(request: HttpRequest) -> HttpResponse:
    """The list to tick and the boxes to type in; on POST, the sheet (print view or PDF)."""
    language = active_language()
    prompts = prompts_for(language)
    if request.method != "POST":
        return _page(request, QuestionSheetForm(prompts=prompts), prompts)
    form = QuestionSheetForm(request.POST, prompts=prompts)
    if not form.is_valid():
        return _page(request, form, prompts, status=400)
    help_settings = HelpSettings.load()
    text = sheet_text(help_settings.phone_24h, timezone.localdate())
    questions = form.questions()
    if request.POST.get("output") == "print":
        context = {"text": text, "questions": questions, "help_settings": help_settings}
        return render(request, "education/questions_sheet.html", context)
    paper = form.cleaned_data["paper"]
    pdf, _pages = render_sheet_pdf(text, questions, paper, language or ENGLISH)
    return attachment(pdf, "application/pdf", f"questions-for-my-visit-{paper}.pdf")
