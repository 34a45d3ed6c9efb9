"""Issue 25: Spanish reading ease counts syllables by Spanish rules (hiatus, diphthongs, silent
u), not by pyphen's hyphenation points, which undercount and made pages look easier."""

from pathlib import Path

import pytest

from education.text import readability
from education.text.spanish_syllables import syllables, word_syllables

PAGES = sorted(Path(readability.__file__).parent.parent.glob("content/es/pages/*.md"))
assert PAGES, "no shipped Spanish pages found"


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("tratamiento", 4), ("aéreo", 4), ("día", 2), ("país", 2), ("oído", 3), ("agua", 2),
        ("guion", 1), ("que", 1), ("guerra", 2), ("pingüino", 3), ("muy", 1), ("hoy", 1),
        ("Uruguay", 3), ("leer", 2), ("poeta", 3), ("ciudad", 2), ("reúne", 3), ("caída", 3),
        ("dexametasona", 6), ("isatuximab", 5), ("coágulo", 4), ("náuseas", 3), ("CD38", 1),
    ],
)  # fmt: skip
def test_spanish_words_have_their_syllables(word, count):
    assert word_syllables(word) == count


def test_a_sentence_counts_every_word():
    assert syllables("Usted recibe el medicamento por una vena.") == 16


def test_the_score_uses_the_spanish_count_not_hyphenation():
    text = "La oída aérea de María reúne a poetas y leones en el país."
    hyphenated = readability._spanish.fernandez_huerta(readability.plain_text(text))
    assert readability.spanish_score(text) < hyphenated - 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_shipped_spanish_page_still_reads_easily(page):
    body = page.read_text(encoding="utf-8").split("---", 2)[2]
    assert readability.spanish_score(body) >= 70
