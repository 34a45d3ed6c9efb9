from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Load-balancer check: says "ok" and nothing about the app, its data or its versions."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
