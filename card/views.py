"""The blood-transfusion alert wallet card: a form that returns a PDF or a phone image (PNG)
and keeps nothing."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from isatuximab_portal.lib.private import attachment, private_tool

from .forms import WalletCardForm, calendar_prefill
from .pdf.image import render_image
from .pdf.wallet_card import render as render_card

# Never personal data in a file name.
FILENAME = "isatuximab-alert-card.pdf"
IMAGE_FILENAME = "isatuximab-alert-card.png"


@private_tool
def wallet_card(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.method != "POST":
        return _page(request, WalletCardForm(today=today))
    if request.POST.get("from_calendar"):
        # The calendar hands over its start date so nobody types it twice (WCAG 3.3.7).
        initial = calendar_prefill(request.POST)
        form = WalletCardForm(initial=initial, today=today)
        return _page(request, form, prefilled=bool(initial))
    form = WalletCardForm(request.POST, today=today)
    if not form.is_valid():
        return _page(request, form)
    url = request.build_absolute_uri(reverse("for-blood-banks"))
    if request.POST.get("output") == "image":
        # Shown in the browser, where a long press saves it to the phone's photos.
        return attachment(
            render_image(form.details(), url), "image/png", IMAGE_FILENAME, inline=True
        )
    pdf = render_card(form.details(), url, form.cleaned_data["paper"], form.cleaned_data["layout"])
    return attachment(pdf, "application/pdf", FILENAME)


def _page(request: HttpRequest, form: WalletCardForm, prefilled: bool = False) -> HttpResponse:
    context = {"form": form, "prefilled": prefilled}
    return render(request, "card/wallet_card.html", context)
