"""The booklet's small parts: editions, temperatures, link rewriting, the fever setting and
the URL fetcher that keeps WeasyPrint off the network."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from education.booklet import render
from education.booklet.content import fever_threshold, rewrite_links
from education.booklet.editions import EDITIONS, Edition
from education.booklet.render import font_faces, local_fetcher
from education.models import HelpSettings
from education.text.fever import degrees, to_fahrenheit

from .conftest import reader


@pytest.mark.parametrize(
    ("celsius", "expected"),
    [("38.0", "100.4"), ("37.5", "99.5"), ("38.5", "101.3"), ("39", "102.2"), ("0", "32.0")],
)
def test_it_converts_celsius_to_fahrenheit_to_one_decimal_place(celsius, expected):
    assert to_fahrenheit(Decimal(celsius)) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "text"), [("38.0", "38"), ("38", "38"), ("37.5", "37.5"), ("100.40", "100.4")]
)
def test_it_writes_temperatures_without_a_trailing_zero(value, text):
    assert degrees(Decimal(value)) == text


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (None, ("38", "100.4")),
        (Decimal("37.5"), ("37.5", "99.5")),
        (Decimal("38.0"), ("38", "100.4")),
    ],
)
def test_it_takes_the_fever_threshold_from_the_setting_or_38(setting, expected):
    help_settings = HelpSettings()
    if setting is not None:
        help_settings.fever_threshold_c = setting
    assert fever_threshold(help_settings) == expected


def test_the_blood_bank_page_link_points_to_the_tear_out_sheet_when_it_is_printed():
    html = '<a href="/for-blood-banks/">x</a> <a href="/es/for-blood-banks/">y</a>'
    printed = rewrite_links(html, {"for-blood-banks"}, "https://guide.example.org/")
    assert printed == '<a href="#blood-bank-sheet">x</a> <a href="#blood-bank-sheet">y</a>'


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/learn/side-effects/", "#page-side-effects"),
        ("/learn/side-effects/#common", "#page-side-effects"),
        ("/learn/not-printed/", "https://guide.example.org/learn/not-printed/"),
        ("/glossary/#cd38", "#term-cd38"),
        ("/glossary/", "#glossary"),
        ("/checklist/", "#checklist"),
        ("/get-help/", "#get-help"),
        ("/for-blood-banks/", "https://guide.example.org/for-blood-banks/"),  # not printed
        ("/schedule/", "https://guide.example.org/schedule/"),
        ("https://example.org/label", "https://example.org/label"),
        ("mailto:team@example.org", "mailto:team@example.org"),
        ("tel:999", "tel:999"),
        ("//elsewhere.example/x", "//elsewhere.example/x"),
    ],
)
def test_it_points_links_into_the_booklet_or_to_full_addresses(href, expected):
    html = f'<p>See <a href="{href}">this</a>.</p>'
    rewritten = rewrite_links(html, {"side-effects"}, "https://guide.example.org/")
    assert rewritten == f'<p>See <a href="{expected}">this</a>.</p>'


@pytest.mark.parametrize(("paper", "size"), [("a5", "standard"), ("a4", "huge"), ("", "")])
def test_it_refuses_unknown_editions(paper, size):
    with pytest.raises(ValueError, match="unknown"):
        Edition(paper, size)


def test_there_are_four_editions_with_their_own_file_names_and_sizes():
    assert len({edition.filename for edition in EDITIONS}) == 4
    for edition in EDITIONS:
        assert edition.body_pt >= (16 if edition.large else 12)
        assert edition.small_pt >= (16 if edition.large else 9)


def test_the_fonts_are_local_files_that_exist():
    faces = font_faces()
    assert {(weight, style) for weight, style, _ in faces} == {
        ("normal", "normal"), ("bold", "normal"), ("normal", "italic"), ("bold", "italic"),
    }  # fmt: skip
    for _, _, url in faces:
        assert url.startswith("file:///")
        assert Path(url.removeprefix("file://")).is_file()


@pytest.mark.usefixtures("needs_weasyprint")
@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/style.css",
        "http://127.0.0.1:1/image.png",
        "file:///etc/passwd",
        "data:text/css,body{}",
    ],
)
def test_the_url_fetcher_refuses_everything_but_the_booklet_fonts(url):
    with pytest.raises(ValueError, match="fetches nothing"):
        local_fetcher().fetch(url)


@pytest.mark.usefixtures("needs_weasyprint")
def test_the_url_fetcher_opens_the_booklet_fonts():
    url = font_faces()[0][2]
    response = local_fetcher().fetch(url)
    try:
        assert response.read(4) in {b"\x00\x01\x00\x00", b"true", b"OTTO"}
    finally:
        response.close()


def embedded_families(pdf) -> set[str]:
    """The family names inside the font files embedded in the PDF's first page."""
    families = set()
    for font in pdf.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        data = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        families.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    return families


@pytest.mark.usefixtures("needs_weasyprint")
def test_it_embeds_the_local_font_it_names_not_a_system_fallback():
    expected = "DejaVu Sans" if "dejavu" in font_faces()[0][2] else "Bitstream Vera Sans"
    html = '<html lang="en"><title>T</title><h1>Hello</h1><p>Plain <b>words</b>.</p></html>'
    pdf = reader(render.html_to_pdf(html, render.booklet_css(EDITIONS[0]), "http://x/"))
    assert embedded_families(pdf) == {expected}
    assert all("Booklet-Sans" in str(font["/BaseFont"]) for font in fonts_of(pdf))


def fonts_of(pdf) -> list:
    return [font.get_object() for font in pdf.pages[0]["/Resources"]["/Font"].values()]


@pytest.fixture
def without_dejavu(monkeypatch, tmp_path):
    monkeypatch.setattr(render, "_DEJAVU", tmp_path / "no-fonts-here")
    render.font_faces.cache_clear()
    yield
    render.font_faces.cache_clear()


@pytest.mark.usefixtures("needs_weasyprint", "without_dejavu")
def test_without_dejavu_it_embeds_the_vera_font_that_reportlab_ships():
    assert all("/reportlab/fonts/Vera" in url for _, _, url in font_faces())
    html = '<html lang="en"><title>T</title><h1>Hello</h1><p>Plain <b>words</b>.</p></html>'
    pdf = reader(render.html_to_pdf(html, render.booklet_css(EDITIONS[0]), "http://x/"))
    assert embedded_families(pdf) == {"Bitstream Vera Sans"}
