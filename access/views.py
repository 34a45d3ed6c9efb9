"""The two pages a signed-in staff member sees before the admin: enrol a second factor (once),
then type a code at every sign-in. Both are never cached and put nothing typed in a URL."""

import django_otp
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import second_factor
from .forms import CodeForm


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe and wanted.startswith("/admin/") else reverse("admin:index")


def _page(request: HttpRequest, template: str, title: str, **context) -> TemplateResponse:
    from django.contrib import admin

    context = admin.site.each_context(request) | {
        "title": title,
        "next": _next_url(request),
        "next_field": REDIRECT_FIELD_NAME,
        **context,
    }
    return TemplateResponse(request, template, context)


def _staff(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.is_active and request.user.is_staff


@never_cache
@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """Ask a staff member who has signed in with a password for a code from their app."""
    if not _staff(request):
        return redirect("admin:login")
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not second_factor.has_app(request.user):
        return redirect("admin:second-factor-enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = second_factor.check_code(request.user, form.cleaned_data["code"])
        if not isinstance(found, str):
            django_otp.login(request, found)
            request.session.cycle_key()
            return redirect(_next_url(request))
        form.add_error("code", found)
    return _page(request, "access/verify.html", "Type the code from your app", form=form)


@never_cache
@sensitive_post_parameters("code")
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: QR code and secret, the first code, recovery codes once."""
    if not _staff(request):
        return redirect("admin:login")
    if second_factor.has_app(request.user):
        # Enrolled already: a second app is added only by someone who passed the first one.
        return redirect("admin:second-factor-verify")
    device = second_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = second_factor.confirm(device, form.cleaned_data["code"])
        if not isinstance(result, str):
            django_otp.login(request, device)
            request.session.cycle_key()
            title = "Keep your recovery codes"
            return _page(request, "access/recovery_codes.html", title, codes=result)
        form.add_error("code", result)
    return _page(
        request,
        "access/enrol.html",
        "Set up your second factor",
        form=form,
        qr_svg=second_factor.qr_svg(device.config_url),
        secret=second_factor.secret_text(device),
    )
