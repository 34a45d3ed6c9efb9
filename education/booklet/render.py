"""The booklet as HTML and print CSS, and that HTML as a tagged PDF (PDF/UA-1) by WeasyPrint.

WeasyPrint needs the system Pango library, so it is imported only when a PDF is made: the rest
of the site runs without it, and ``BookletUnavailable`` says what is missing. The PDF embeds
one local font family (DejaVu Sans when the system has it, else the Bitstream Vera that
ReportLab ships) and fetches nothing else: the URL fetcher refuses every address that is not
one of those font files.
"""

import functools
import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import reportlab
from django.template.loader import render_to_string
from django.utils.translation import gettext

from ..text.site_text import check_filled
from .editions import Edition

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/ua-1"
# The shared font configuration is not made for two builds at once (the worker builds one at a
# time anyway; the tests' live server may not).
_one_build_at_a_time = threading.Lock()
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_VERA = Path(reportlab.__file__).parent / "fonts"
# (weight, style, DejaVu file, Vera file)
_FACES = [
    ("normal", "normal", "DejaVuSans.ttf", "Vera.ttf"),
    ("bold", "normal", "DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    ("normal", "italic", "DejaVuSans-Oblique.ttf", "VeraIt.ttf"),
    ("bold", "italic", "DejaVuSans-BoldOblique.ttf", "VeraBI.ttf"),
]


class BookletUnavailable(RuntimeError):
    """The PDF cannot be made on this machine (WeasyPrint or its system libraries missing)."""


@functools.cache
def font_faces() -> tuple[tuple[str, str, str], ...]:
    """(weight, style, file URL) for each face of the one embedded family."""
    use_dejavu = all((_DEJAVU / dejavu).is_file() for _, _, dejavu, _ in _FACES)
    folder = _DEJAVU if use_dejavu else _VERA
    return tuple(
        (weight, style, (folder / (dejavu if use_dejavu else vera)).as_uri())
        for weight, style, dejavu, vera in _FACES
    )


def booklet_html(edition: Edition, context: dict) -> str:
    return render_to_string("education/booklet/booklet.html", {**context, "edition": edition})


def booklet_css(edition: Edition) -> str:
    """The print CSS; its page numbers are worded in the active language."""
    context = {
        "edition": edition,
        "fonts": font_faces(),
        "page_of": css_content(
            gettext("Page {page} of {pages}"), page="counter(page)", pages="counter(pages)"
        ),
        # Translators: after a link in the printed booklet, e.g. "See When to get help (page 12)".
        "page_ref": css_content(gettext(" (page {page})"), page="target-counter(attr(href), page)"),
    }
    return render_to_string("education/booklet/booklet.css", context)


def css_content(sentence: str, **counters: str) -> str:
    """A CSS ``content`` value for a whole translated sentence with counters in it.

    >>> css_content("Página {page} de {pages}", page="counter(page)", pages="counter(pages)")
    '"Página " counter(page) " de " counter(pages)'
    """
    parts = []
    for piece in re.split(r"(\{\w+\})", sentence):
        if piece.startswith("{") and piece[1:-1] in counters:
            parts.append(counters[piece[1:-1]])
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def html_to_pdf(html: str, css: str, base_url: str) -> bytes:
    """A tagged PDF of the HTML. Raises BookletUnavailable when WeasyPrint cannot load."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: Pango or its friends are not installed
        raise BookletUnavailable(f"WeasyPrint cannot load: {exc}") from exc
    fetcher = local_fetcher()
    with _one_build_at_a_time, collector_paused():
        fonts = font_configuration(FontConfiguration, font_faces())
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        stylesheet = CSS(string=css, url_fetcher=fetcher, font_config=fonts)
        return document.write_pdf(
            stylesheets=[stylesheet], font_config=fonts, pdf_variant=PDF_VARIANT
        )


@functools.cache
def font_configuration(factory: type, faces: tuple) -> "FontConfiguration":
    """One font configuration per set of font ``faces`` in this process (without one the
    @font-face rules would be ignored). Making it loads the system's font list, and it keeps
    the embedded fonts and text measurements between builds: the worker's second and later
    builds skip that work. WeasyPrint skips a font face it has already added."""
    return factory()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one build.

    WeasyPrint makes hundreds of thousands of small objects (boxes, computed styles, text
    runs); the collector scanning them again and again took about a quarter of a build's CPU
    (cProfile and process_time, docs/performance.md). Memory grows by a few MB only: nearly
    all of it is freed by reference counting, and the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def local_fetcher() -> "URLFetcher":
    """A WeasyPrint URL fetcher that opens the booklet's font files and nothing else."""
    from weasyprint.urls import URLFetcher

    allowed = {url for _, _, url in font_faces()}

    class LocalFontsOnly(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> "URLFetcherResponse":
            if url not in allowed:
                raise ValueError(f"the booklet fetches nothing from outside: {url}")
            return super().fetch(url, headers)

    return LocalFontsOnly(allowed_protocols={"file"})


def build_booklet(
    edition: Edition, context: dict, base_url: str, html: str = "", css: str = ""
) -> bytes:
    """The finished PDF for one edition of the content in ``context`` (``html`` and ``css``
    when the caller has rendered them already)."""
    html = check_filled(html or booklet_html(edition, context))  # never print "{fever}"
    return html_to_pdf(html, css or booklet_css(edition), base_url)
