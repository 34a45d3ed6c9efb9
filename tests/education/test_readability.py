from education.readability import grade_level, plain_text


def test_list_items_and_headings_count_as_sentences():
    text = plain_text("# Title\n\n- first item\n- second item\n\nA paragraph.")
    assert text.splitlines() == ["Title.", "first item.", "second item.", "A paragraph."]


def test_simple_text_scores_lower_than_dense_text():
    simple = "You get the medicine through a drip. It takes about an hour. Bring a snack."
    dense = (
        "Isatuximab is a chimeric immunoglobulin G1 monoclonal antibody directed against the "
        "transmembrane glycoprotein CD38, mediating antibody-dependent cellular cytotoxicity."
    )
    assert grade_level(simple) < 6 < grade_level(dense)


def test_empty_text_has_grade_zero():
    assert grade_level("") == 0.0
