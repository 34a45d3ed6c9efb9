"""Accent folding for the site search (pure Python, no Django).

Many patients type on a phone without accents: "vomitos", "coagulo", "nauseas". Search folds
the query and its own copy of every document the same way, so "vomitos" finds what "vómitos"
finds, in Spanish and English alike. Each character becomes its base letter when it is a
letter plus accents (á -> a, ü -> u, ñ -> n, as PostgreSQL's ``unaccent`` does), and nothing
else changes: the folded text has the same length as the original, so a match found in the
folded copy marks the same characters of the original sentence.
"""

import unicodedata


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        character = chr(code)
        parts = unicodedata.normalize("NFD", character)
        base = parts[0]
        folded = (
            base
            if len(parts) > 1 and all(unicodedata.combining(mark) for mark in parts[1:])
            else character
        )
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """``text`` without accents, character for character.

    >>> fold("Vómitos, coágulo, náuseas, hinchazón, escalofríos, niño, pingüino")
    'Vomitos, coagulo, nauseas, hinchazon, escalofrios, nino, pinguino'
    >>> fold("38\\u00a0°C — ½") == "38\\u00a0°C — ½"
    True
    """
    return text.translate(_TABLE)
