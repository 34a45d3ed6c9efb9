"""One booklet build per content version and edition, kept in the cache with its ETag.

The booklet is the same for every visitor, so it is built on the first request after any
content change (``education.cache`` bumps the content version on every save or delete of
content) and then served from the cache. The key also holds the language (``/es/booklet/``
prints the Spanish content with Spanish headings) and the site address printed on the cover, so
a site reached under two names never prints the wrong one.
"""

import hashlib
import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation
from django.utils.text import compress_string

from isatuximab_portal.lib.language import speaking

from ..cache import current_version
from .content import booklet_context
from .editions import Edition
from .render import build_booklet

CACHE_SECONDS = 7 * 24 * 60 * 60  # old versions simply expire: a new version is a new key
_building = threading.Lock()


@dataclass(frozen=True)
class Booklet:
    pdf: bytes
    gzipped: bytes  # compressed once here, not by the gzip middleware on every request
    etag: str  # quoted, strong: a hash of the PDF itself
    version: int


def cache_key(edition: Edition, site_url: str, version: int, language: str) -> str:
    site = hashlib.sha256(site_url.encode("utf-8")).hexdigest()[:16]
    return f"booklet:{version}:{language}:{edition.key}:{site}"


def get_booklet(edition: Edition, site_url: str, language: str) -> Booklet:
    """The booklet in ``language`` for the current content, built now only if this version
    has none yet."""
    version = current_version()
    key = cache_key(edition, site_url, version, language)
    booklet = cache.get(key)
    if booklet is None:
        with _building:  # two requests at once in one process build it once
            booklet = cache.get(key)
            if booklet is None:
                booklet = make_booklet(edition, site_url, version, language)
                cache.set(key, booklet, CACHE_SECONDS)
    return booklet


def make_booklet(edition: Edition, site_url: str, version: int, language: str) -> Booklet:
    # The headings, dates, page numbers and numbers ("100,4 °F") too.
    with (
        translation.override(language),
        speaking(language, translation.gettext, translation.ngettext),
    ):
        pdf = build_booklet(edition, booklet_context(site_url, language), site_url)
    etag = f'"{hashlib.sha256(pdf).hexdigest()[:32]}"'
    return Booklet(pdf=pdf, gzipped=compress_string(pdf), etag=etag, version=version)
