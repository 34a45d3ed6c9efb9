"""Counting Spanish syllables for the Fernández-Huerta reading ease (pure Python, no Django).

textstat counts Spanish syllables with pyphen's hyphenation points, and hyphenation is not
syllabification: it never splits a hiatus ("a-é-re-o" counts 2, "ma-rí-a" 2) and never leaves one
letter alone at a word's edge ("a-gua" counts 1, "o-í-do" 2). Spanish pages then score 8-10
points easier than they are. This counter uses the spelling rules instead, which Spanish
follows closely:

- a syllable has one vowel nucleus; strong vowels (a, e, o) next to each other are separate
  syllables (hiatus: "a-é-re-o", "le-er");
- a weak vowel (i, u, ü, or y not before a vowel) joins a neighbour in one syllable
  (diphthong, triphthong: "tra-ta-mien-to", "U-ru-guay", "guion");
- an accented í or ú is a nucleus of its own ("dí-a", "pa-ís", "o-í-do");
- the u of "que", "qui", "gue", "gui" is silent; the u of "güe", "güi" is not;
- a word with no vowel (CD38, mL) or a number counts as one syllable.
"""

import re
import unicodedata

STRONG = set("aeoáéóíú")  # í and ú break a diphthong, so they count as strong
WEAK = set("iuü")
_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")
_WORD = re.compile(r"[^\W_]+")


def word_syllables(word: str) -> int:
    """Syllables in one word.

    >>> [word_syllables(w) for w in ("tratamiento", "aéreo", "día", "país", "guion", "agua")]
    [4, 4, 2, 2, 1, 2]
    >>> [word_syllables(w) for w in ("oído", "que", "pingüino", "muy", "hoy", "Uruguay", "leer")]
    [3, 1, 3, 1, 1, 3, 2]
    >>> [word_syllables(w) for w in ("CD38", "38", "dexametasona", "isatuximab", "y")]
    [1, 1, 6, 5, 1]
    """
    text = unicodedata.normalize("NFC", word.casefold())
    text = _SILENT_U.sub("", text)
    count, group = 0, ""
    for position, letter in enumerate(text + " "):
        following = text[position + 1 : position + 2]
        is_vowel = letter in STRONG or letter in WEAK
        if letter == "y":
            is_vowel = not following or following not in STRONG | WEAK  # "hoy", "muy", "y"
            letter = "i" if is_vowel else letter
        if is_vowel:
            group += letter
            continue
        count += _nuclei(group)
        group = ""
    return max(count, 1)


def _nuclei(group: str) -> int:
    """Syllable nuclei in a run of vowels: each strong vowel is one; weak ones join them."""
    if not group:
        return 0
    return max(1, sum(1 for letter in group if letter in STRONG))


def syllables(text: str) -> int:
    """Syllables in a text.

    >>> syllables("Usted recibe el medicamento por una vena.")
    16
    """
    return sum(word_syllables(word) for word in _WORD.findall(text))


def word_count(text: str) -> int:
    """Words as ``syllables`` counts them (letters and digits, split at anything else)."""
    return len(_WORD.findall(text))
