from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "education/home.html")


@require_safe
def placeholder(request: HttpRequest, title: str) -> HttpResponse:
    """Temporary page for a section that is still being built."""
    return render(request, "education/placeholder.html", {"title": title})
