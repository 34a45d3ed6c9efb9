from education.text.readability import grade_level, plain_text


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


def test_it_lists_only_the_sentences_above_the_grade_hardest_first():
    from education.text.readability import hard_sentences

    text = (
        "## Summary\n\nYou sit in a chair. Immunosuppressive pharmacokinetic considerations "
        "necessitate individualised administration protocols. Monoclonal antibody "
        "immunotherapy is considerably contributory.\n\n- Plain words help."
    )
    found = hard_sentences(text, above=10)
    assert [s.split()[0] for s, _ in found] == ["Immunosuppressive", "Monoclonal"]
    assert found[0][1] >= found[1][1] > 10
    assert all("Summary" not in s and "chair" not in s for s, _ in found)
