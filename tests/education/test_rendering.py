import re

import pytest

from education.text.rendering import Term, link_glossary, page_html, render_markdown

ANTIBODY = Term(
    slug="monoclonal-antibody",
    term="monoclonal antibody",
    definition="A protein made in a lab that sticks to one target.",
    spellings=("monoclonal antibody", "mAb"),
)
ADCC = Term(
    slug="adcc",
    term="antibody-dependent cellular cytotoxicity",
    definition="Immune cells kill a cell that an antibody has flagged.",
    spellings=("antibody-dependent cellular cytotoxicity", "ADCC"),
)


@pytest.mark.parametrize(
    ("markdown_text", "forbidden"),
    [
        ("Hello <script>alert('x')</script> there", "<script"),
        ("Hello <script>alert('x')</script> there", "alert("),
        ("[click me](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<p onclick="steal()">Tap</p>', "onclick"),
        ('<a href="/x" onmouseover="steal()">x</a>', "onmouseover"),
        ('<p style="color:red">Red</p>', "style="),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ("# Big heading", "<h1"),
    ],
)
def test_it_neutralises_dangerous_markdown(markdown_text, forbidden):
    assert forbidden.lower() not in render_markdown(markdown_text).lower()


def test_it_keeps_ordinary_markdown():
    html = render_markdown(
        "## Side effects\n\n- **tired**\n- [more](/learn/x/)\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Side effects</h2>" in html
    assert "<strong>tired</strong>" in html
    assert '<a href="/learn/x/"' in html
    assert "<table>" in html and "<td>1</td>" in html
    assert html.count('<div class="table-scroll" role="region" tabindex="0"') == 1


def test_it_marks_only_the_first_use_of_a_term():
    html = link_glossary(
        "<p>A monoclonal antibody is a medicine. Each monoclonal antibody differs.</p>", [ANTIBODY]
    )
    assert html.count('class="glossary-term"') == 1
    assert (
        '<a class="glossary-term" href="/glossary/#monoclonal-antibody" '
        'aria-describedby="glossary-def-monoclonal-antibody">monoclonal antibody</a>'
    ) in html
    assert 'id="glossary-def-monoclonal-antibody"' in html
    assert "A protein made in a lab that sticks to one target." in html
    assert html.endswith("Each monoclonal antibody differs.</p>")


def test_it_matches_other_spellings_and_any_case_as_whole_words():
    html = link_glossary(
        "<p>Cells do Adcc. A mAbs list and adccx are not terms.</p>", [ADCC, ANTIBODY]
    )
    assert '#adcc" aria-describedby="glossary-def-adcc">Adcc</a>' in html
    assert "monoclonal-antibody" not in html  # "mAbs" and "adccx" are not whole-word matches


def test_it_never_marks_terms_inside_links_headings_or_attributes():
    source = (
        "<h2>What a monoclonal antibody is</h2>"
        '<p><a href="/learn/monoclonal-antibody/" title="monoclonal antibody">'
        "monoclonal antibody</a></p>"
        "<p>Later the monoclonal antibody is named.</p>"
    )
    html = link_glossary(source, [ANTIBODY])
    assert html.startswith("<h2>What a monoclonal antibody is</h2>")
    assert (
        '<a href="/learn/monoclonal-antibody/" title="monoclonal antibody">monoclonal antibody</a>'
        in html
    )
    assert html.count('class="glossary-term"') == 1
    assert '<p>Later the <a class="glossary-term"' in html


def test_it_keeps_text_escaped_when_marking_terms():
    html = link_glossary("<p>5 &lt; 6 &amp; ADCC</p>", [ADCC])
    assert html.startswith("<p>5 &lt; 6 &amp; <a ")


def test_it_escapes_html_in_a_definition():
    evil = Term(
        slug="x", term="drip", definition='<img src=x onerror="alert(1)">', spellings=("drip",)
    )
    html = link_glossary("<p>A drip.</p>", [evil])
    assert "<img" not in html and "&lt;img" in html


def test_it_renders_a_page_once_and_then_uses_the_cache(monkeypatch):
    from education.text import rendering

    calls = []
    real = rendering.render_markdown
    monkeypatch.setattr(rendering, "render_markdown", lambda text: calls.append(text) or real(text))
    first = page_html("A monoclonal antibody.", [ANTIBODY])
    second = page_html("A monoclonal antibody.", [ANTIBODY])
    assert first == second and len(calls) == 1
    page_html("A changed body.", [ANTIBODY])
    assert len(calls) == 2


def test_several_tables_get_scroll_regions_with_different_names():
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    html = render_markdown(f"{table}\nText.\n\n{table}")
    labels = re.findall(r'role="region" tabindex="0" aria-label="([^"]+)"', html)
    assert labels == [
        "Table 1: scroll sideways to see it all",
        "Table 2: scroll sideways to see it all",
    ]
    single = render_markdown(table)
    assert 'aria-label="Table: scroll sideways to see it all"' in single
    assert single.count("</table></div>") == 1
