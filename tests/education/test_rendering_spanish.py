"""Page bodies under /es/: the scrolling tables are named in Spanish (and cached apart from
the English rendering of the same body); the booklet prints tables without the wrapper."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from education.booklet.content import printable_body
from education.text.rendering import page_html, unwrap_tables

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def labels(html: str) -> list[str]:
    return re.findall(r'role="region" tabindex="0" aria-label="([^"]+)"', html)


def test_tables_are_named_in_the_page_language_and_cached_per_language():
    body = f"{TABLE}\nTexto.\n\n{TABLE}"
    with translation.override("es"):
        spanish = page_html(body, [])
        single = page_html(TABLE, [])
    english = page_html(body, [])
    assert labels(spanish) == [
        "Tabla 1: muévala de lado para verla entera",
        "Tabla 2: muévala de lado para verla entera",
    ]
    assert labels(single) == ["Tabla: muévala de lado para verla entera"]
    assert labels(english) == [
        "Table 1: scroll sideways to see it all",
        "Table 2: scroll sideways to see it all",
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_booklet_prints_tables_without_the_scroll_wrapper(language):
    with translation.override(language):
        wrapped = page_html(f"{TABLE}\nText.\n\n{TABLE}", [])
    assert wrapped.count('class="table-scroll"') == 2
    bare = unwrap_tables(wrapped)
    assert "table-scroll" not in bare and "</div>" not in bare
    assert bare.count("<table>") == bare.count("</table>") == 2


def test_a_printed_body_has_balanced_tables(db):
    class Body:
        body = f"{TABLE}\nText."

    with translation.override("es"):
        html = printable_body(Body(), [], set(), "http://testserver/")
    assert "<div" not in html and "</div>" not in html
    assert html.count("<table>") == 1
