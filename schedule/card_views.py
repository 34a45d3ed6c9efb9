"""The blood-transfusion alert wallet card: a form that returns a PDF and keeps nothing."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from .card_forms import WalletCardForm, calendar_prefill
from .pdf.wallet_card import render as render_card

FILENAME = "isatuximab-alert-card.pdf"  # never personal data in a file name


# CSRF protection is off on purpose: this view changes nothing and stores nothing. A forged
# POST could only make the visitor's own browser download a card built from the forger's
# text, and the public site sets no cookies (a CSRF token would be its first one).
@csrf_exempt
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def wallet_card(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, WalletCardForm())
    if request.POST.get("from_calendar"):
        # The calendar hands over its start date so nobody types it twice (WCAG 3.3.7).
        initial = calendar_prefill(request.POST)
        return _page(request, WalletCardForm(initial=initial), prefilled=bool(initial))
    form = WalletCardForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    url = request.build_absolute_uri(reverse("for-blood-banks"))
    pdf = render_card(form.details(), url, form.cleaned_data["paper"], form.cleaned_data["layout"])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response


def _page(request: HttpRequest, form: WalletCardForm, prefilled: bool = False) -> HttpResponse:
    context = {"form": form, "prefilled": prefilled}
    return render(request, "schedule/wallet_card.html", context)
