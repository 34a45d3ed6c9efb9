"""'Was this page helpful?': one anonymous answer per click, stored as page, revision, date.

Privacy: no IP address, cookie, user agent or free text is stored or used. The forms are plain
POST forms that work without JavaScript.

CSRF: the views are ``csrf_exempt`` on purpose. Django's CSRF check needs a cookie and the
public site sets none. The only thing a forged cross-site POST could do is add one anonymous
vote, which anyone can already do by clicking the button; no session, account or personal data
is involved. A honeypot field and a rate limit keep automated floods out.

Rate limit: a counter in the cache per one-minute window, for the whole site and for each page,
keyed by the time window and page only, never by an address. A flood can stop genuine answers
from being counted for at most a minute, which is acceptable for an optional question; in
exchange nobody's address is ever kept, even for a minute.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from .models import Page, PageFeedback, Revision

HONEYPOT = "website"
WINDOW_SECONDS = 60
SITE_LIMIT = 60  # answers per minute for the whole site
PAGE_LIMIT = 20  # answers per minute for one page
REASON_SECONDS = 60 * 60  # how long the "what was wrong?" form stays valid
NOT_PAGES = ("admin", "feedback", "health")
REVISION_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only: '²'.isdigit() is True
_SALT = "education.feedback.reason"


def public_path(raw: str) -> str | None:
    """The path when it is one of the site's own public pages, else None."""
    path = (raw or "").strip()
    if (
        not path.startswith("/")
        or len(path) > 200
        or not url_has_allowed_host_and_scheme(path, None)
    ):
        return None
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):  # /es/... resolves only while Spanish is active
            match = resolve(path)
    except Resolver404:
        return None
    if match.url_name is None or any(path.startswith(f"/{p}/") for p in NOT_PAGES):
        return None
    if match.url_name == "page" and not _is_published_page(match.kwargs.get("slug", "")):
        return None  # /learn/<anything>/ resolves; only real pages take answers
    return path


def _is_published_page(slug: str) -> bool:
    """A published page has this slug (an English page is also shown under /es/)."""
    return Page.objects.published().filter(slug=slug).exists()


def well_formed_revision(raw: str) -> bool:
    """Empty (a page without revisions) or an ASCII number; anything else is a forged form."""
    return raw == "" or REVISION_ID.fullmatch(raw) is not None


def shown_revision(raw: str, path: str) -> Revision | None:
    """The published (or just replaced) revision of the page at ``path``, if one was sent."""
    if not REVISION_ID.fullmatch(raw):
        return None
    revision = Revision.objects.filter(
        pk=int(raw), state__in=[Revision.State.PUBLISHED, Revision.State.RETIRED]
    ).first()
    if revision is None or revision.content_type.model_class() is not Page:
        return None
    page = Page.objects.published().filter(pk=revision.object_id).first()
    return revision if page is not None and page.get_absolute_url() == path else None


def within_rate_limit(path: str, prefix: str = "feedback") -> bool:
    """Count this answer in the current minute; False once the site or the page is over.
    ``prefix`` keeps separate budgets (self-check answers use "selfcheck")."""
    window = int(time.time() // WINDOW_SECONDS)
    page_key = hashlib.sha256(path.encode()).hexdigest()[:16]
    for key, limit in [
        (f"{prefix}:site:{window}", SITE_LIMIT),
        (f"{prefix}:page:{page_key}:{window}", PAGE_LIMIT),
    ]:
        cache.add(key, 0, WINDOW_SECONDS * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS * 2)
            count = 1
        if count > limit:
            return False
    return True


def _small_page(request: HttpRequest, template: str, context: dict, status: int = 200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _thanks(path: str) -> HttpResponse:
    return redirect(f"{reverse('feedback-thanks')}?{urlencode({'page': path})}")


@csrf_exempt
@require_POST
def answer(request: HttpRequest) -> HttpResponse:
    path = public_path(request.POST.get("page", ""))
    helpful = request.POST.get("helpful")
    raw_revision = request.POST.get("revision", "").strip()
    if path is None or helpful not in {"yes", "no"} or not well_formed_revision(raw_revision):
        return _small_page(request, "education/feedback_problem.html", {}, status=400)
    if request.POST.get(HONEYPOT):
        return _thanks(path)  # looks the same to a bot; nothing is stored
    if not within_rate_limit(path):
        return _small_page(request, "education/feedback_busy.html", {"path": path}, status=429)
    record = PageFeedback.objects.create(
        path=path,
        revision=shown_revision(raw_revision, path),
        helpful=helpful == "yes",
    )
    if record.helpful:
        return _thanks(path)
    token = signing.TimestampSigner(salt=_SALT).sign(str(record.pk))
    context = {"token": token, "path": path, "reasons": PageFeedback.Reason.choices}
    return _small_page(request, "education/feedback_reason.html", context)


@csrf_exempt
@require_POST
def reason(request: HttpRequest) -> HttpResponse:
    """Add the reason to a 'No' answer given in the last hour (once only)."""
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(
            request.POST.get("token", ""), max_age=REASON_SECONDS
        )
    except signing.BadSignature:
        return _small_page(request, "education/feedback_problem.html", {}, status=400)
    record = PageFeedback.objects.filter(pk=int(pk), helpful=False).first()
    chosen = request.POST.get("reason", "")
    if record is None or request.POST.get(HONEYPOT):
        return _thanks("/")
    if chosen in PageFeedback.Reason.values and not record.reason:
        PageFeedback.objects.filter(pk=record.pk, reason="").update(reason=chosen)
    return _thanks(record.path)


@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    path = public_path(request.GET.get("page", ""))
    if path is None and "page" in request.GET:
        raise Http404("Not one of our pages")
    return _small_page(request, "education/feedback_thanks.html", {"path": path or "/"})
