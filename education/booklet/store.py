"""The booklet builds in the database: made by the task worker, read by every app server.

A build is keyed by content version, edition and language (``BookletBuild``). The booklet
prints the site's public address (``settings.SITE_URL``), never the address a request came
in by, so one build serves every server and host name. When a new version is stored, the
older builds of that edition and language are deleted.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import compress_string

from isatuximab_portal.lib.language import speaking

from .content import booklet_context
from .editions import Edition
from .models import BookletBuild
from .render import booklet_css, booklet_html, build_booklet

BUILT, REUSED, ALREADY_THERE = "built", "reused", "already there"


@dataclass(frozen=True)
class Booklet:
    pdf: bytes
    gzipped: bytes  # compressed once here, not by the gzip middleware on every request
    etag: str  # quoted, strong: a hash of the PDF itself
    source_hash: str  # a hash of the HTML and CSS it was made from


def site_url() -> str:
    """The public address printed in the booklet, with a final slash."""
    return settings.SITE_URL.rstrip("/") + "/"


def find_build(version: int, edition: Edition, language: str) -> BookletBuild | None:
    """The stored build, without its bytes (read one of ``pdf``/``gzipped`` when needed)."""
    return (
        BookletBuild.objects.filter(version=version, edition=edition.key, language=language)
        .defer("pdf", "gzipped")
        .first()
    )


def make_booklet(edition: Edition, language: str, reuse_from=None) -> tuple[Booklet, float]:
    """The booklet of the content now in the database, and the CPU seconds WeasyPrint took
    (0 when ``reuse_from`` returned a stored build made from the very same HTML and CSS)."""
    url = site_url()
    # The headings, dates, page numbers and numbers ("100,4 °F") too.
    with (
        translation.override(language),
        speaking(language, translation.gettext, translation.ngettext),
    ):
        context = booklet_context(url, language)
        html, css = booklet_html(edition, context), booklet_css(edition)
        source = hashlib.sha256(f"{html}\0{css}".encode()).hexdigest()
        if reuse_from is not None and (old := reuse_from(source)) is not None:
            return Booklet(bytes(old.pdf), bytes(old.gzipped), old.etag, source), 0.0
        started = time.process_time()
        pdf = build_booklet(edition, context, url, html=html, css=css)
        seconds = time.process_time() - started
    etag = f'"{hashlib.sha256(pdf).hexdigest()[:32]}"'
    return Booklet(pdf=pdf, gzipped=compress_string(pdf), etag=etag, source_hash=source), seconds


def build_and_store(version: int, edition: Edition, language: str) -> str:
    """Build (or reuse) the booklet of ``version`` and store it; say which it was."""
    if find_build(version, edition, language) is not None:
        return ALREADY_THERE

    def same_source(source: str) -> BookletBuild | None:
        builds = BookletBuild.objects.filter(edition=edition.key, language=language)
        return builds.filter(source_hash=source).order_by("-version").first()

    booklet, seconds = make_booklet(edition, language, reuse_from=same_source)
    try:
        with transaction.atomic():
            BookletBuild.objects.create(
                version=version,
                edition=edition.key,
                language=language,
                source_hash=booklet.source_hash,
                etag=booklet.etag,
                pdf=booklet.pdf,
                gzipped=booklet.gzipped,
                build_seconds=seconds,
            )
    except IntegrityError:  # another worker stored the same key meanwhile
        return ALREADY_THERE
    BookletBuild.objects.filter(
        edition=edition.key, language=language, version__lt=version
    ).delete()
    return BUILT if seconds else REUSED
