"""Which of a glossary term's other spellings the glossary shows (pure Python, no Django).

``other_spellings`` serve two jobs: linking and search (every entry, so "anticuerpos" and
"coagulo" still find the term) and the reader's "Also written as:" / "In English:" lines,
which must list only real spellings. Hidden from those lines, but kept for linking and search:
- a variant that differs from the term or another shown spelling only by accents or case
  ("coagulo" for "coágulo");
- an inflection of the term: each word the same or with a plural ending ("anticuerpos",
  "anticuerpos monoclonales", "antibodies");
- a word the definition already names, such as a brand ("Se vende como Velcade."): a brand
  is neither another spelling nor an English word.
"""

import unicodedata


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _inflects(spelling: str, term: str) -> bool:
    """True when each word of ``spelling`` is the word of ``term`` or one of its plurals."""
    words, bases = _key(spelling).split(), _key(term).split()
    return len(words) == len(bases) and all(
        word in _plurals(base) for word, base in zip(words, bases, strict=True)
    )


def _plurals(base: str) -> tuple[str, ...]:
    """A word and its regular plurals: "s", "es", "y" -> "ies" (English), "z" -> "ces"."""
    forms = [base, base + "s", base + "es"]
    if base.endswith("y"):
        forms.append(base[:-1] + "ies")
    if base.endswith("z"):
        forms.append(base[:-1] + "ces")
    return tuple(forms)


def shown(spellings: list[str], terms: list[str], definition: str) -> list[str]:
    """The spellings worth showing, in order, for a term written as any of ``terms``.

    >>> shown(["coagulo", "coágulos", "trombo"], ["Coágulo"], "Un bulto de sangre.")
    ['trombo']
    >>> shown(["anticuerpos monoclonales", "mAb"], ["Anticuerpo monoclonal"], "")
    ['mAb']
    >>> shown(["Velcade"], ["Bortezomib"], "Se vende como Velcade.")
    []
    """
    kept: list[str] = []
    seen = {_key(term) for term in terms}
    named = _key(definition)
    for spelling in spellings:
        key = _key(spelling)
        if key in seen or any(_inflects(spelling, term) for term in terms):
            continue
        if key and f" {key}" in f" {named}".replace(".", " ").replace(",", " "):
            continue
        seen.add(key)
        kept.append(spelling)
    return kept
