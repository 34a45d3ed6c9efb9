"""Site search: words and synonyms in, ranked results with a marked sentence out.

1. The query is cut into words of letters and digits only (so nothing else can reach SQL),
   and short common words ("at", "the") are dropped. Each word, or each phrase in the admin's
   synonym list, becomes a *term* that any of its synonyms satisfies:
   "dex" -> dex | dexamethasone | steroid | steroids.
2. Every word of three or more letters matches as a prefix: "dex" finds "dexamethasone".
3. A result matches at least one term. Results matching more terms come first; ties go by a
   weighted score (title 1.0, main message 0.4, the rest 0.2: PostgreSQL's default weights
   for A, B and C), then by document order. On PostgreSQL, matching and score come from
   full-text search (the language's stemming: English, or Spanish under /es/; ``to_tsquery``
   with ``:*`` prefixes, ``ts_rank``); on other databases from the same rules in Python.
4. Each result shows its best sentence, HTML-escaped, with the matching words in <mark>.
5. Accents and case never matter ("vomitos" finds "vómitos"): the query's words are folded
   (``fold.py``), Python matches against each document's folded copy (``Document.folded``),
   and PostgreSQL's configurations run ``unaccent`` before stemming (migration
   0012_search_unaccent).
"""

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import SearchSynonym
from .fold import fold
from .index import Document, documents

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MAX_RESULTS = 25
MIN_PREFIX = 3  # shorter words ("iv", "38") must match whole
SNIPPET_CHARS = 200
WEIGHTS = (1.0, 0.4, 0.2)  # fields A, B, C (ts_rank's defaults)

WORD = re.compile(r"[^\W_]+")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
STOP_WORDS = frozenset(
    re.split(
        r"\s+",
        "a about am an and are as at be by can could do does for from had has have how i if in "
        "into is it its me my of on or our should so than that the their them then there these "
        "they this to was we were what when where which who why will with would you your",
    )
    # Spanish: articles, prepositions and question words.
    + re.split(
        r"\s+", "con cual cuando de del el en es la las lo los mi para por que se su un una y"
    )
)
# PostgreSQL text-search configurations for each site language, (folded, plain): the built-in
# English or Spanish stemming after ``unaccent`` (migration 0012_search_unaccent), so "vomitos"
# finds "vómitos", and the plain one, because Spanish stemming only strips accented endings
# ("recibirá" -> "recib") from the word as written. A document or query matches through either.
SEARCH_CONFIGS = {
    "en": ("isatuximab_english", "english"),
    "es": ("isatuximab_spanish", "spanish"),
}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One thing the searcher asked for: satisfied by any of its phrases."""

    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    snippet: SafeString


def words_of(text: str) -> list[str]:
    """Lower-case words of letters and digits, without accents: ``words_of("Sub-Q, 38°C!")
    == ["sub", "q", "38", "c"]``, ``words_of("Vómitos") == ["vomitos"]``."""
    return [fold(word.casefold()) for word in WORD.findall(text)]


def synonym_table(groups: Iterable[Sequence[str]]) -> dict[Phrase, frozenset[Phrase]]:
    """Each phrase of each synonym group -> every phrase it may stand for (itself included)."""
    table: dict[Phrase, set[Phrase]] = {}
    for group in groups:
        phrases = {tuple(words_of(entry)) for entry in group} - {()}
        for phrase in phrases:
            table.setdefault(phrase, set()).update(phrases)
    return {phrase: frozenset(alternatives) for phrase, alternatives in table.items()}


def load_synonyms() -> dict[Phrase, frozenset[Phrase]]:
    return synonym_table(s.phrases() for s in SearchSynonym.objects.filter(published=True))


def parse_query(query: str, synonyms: dict[Phrase, frozenset[Phrase]]) -> list[Term]:
    """The query's terms, longest synonym phrases first, at most MAX_TERMS.

    >>> parse_query("Fever at night", {("fever",): frozenset({("fever",), ("temperature",)})})
    [Term(phrases=(('fever',), ('temperature',))), Term(phrases=(('night',),))]
    """
    words, terms, position = words_of(query), [], 0
    while position < len(words) and len(terms) < MAX_TERMS:
        size = next((n for n in (3, 2, 1) if tuple(words[position : position + n]) in synonyms), 0)
        if size:
            phrase = tuple(words[position : position + size])
            term = Term(tuple(sorted(synonyms[phrase])))
            position += size
        else:
            word, position = words[position], position + 1
            if word in STOP_WORDS:
                continue
            term = Term(((word,),))
        if term not in terms:
            terms.append(term)
    return terms


def stem(word: str) -> str:
    """A rough English stem so plurals and -ing forms still match: "infusions" -> "infusion"."""
    for suffix in ("ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


LETTERS = r"[^\W_]"
SEPARATORS = r"[\W_]+"


def _word_pattern(word: str) -> str:
    """A word as a regex: its stem and any ending when 3+ letters long, else the whole word."""
    if len(word) >= MIN_PREFIX:
        return f"(?<!{LETTERS}){re.escape(stem(word))}{LETTERS}*"
    return f"(?<!{LETTERS}){re.escape(word)}(?!{LETTERS})"


@functools.lru_cache(maxsize=512)
def term_pattern(term: Term) -> re.Pattern[str]:
    """One regex for all of a term's phrases, longest first, so "high temperature" is found
    whole rather than as "temperature" alone."""
    phrases = sorted(term.phrases, key=len, reverse=True)
    return re.compile(
        "|".join(SEPARATORS.join(_word_pattern(word) for word in phrase) for phrase in phrases),
        re.IGNORECASE,
    )


def python_scores(docs: Sequence[Document], terms: Sequence[Term]) -> list[tuple[int, float]]:
    """(terms matched, weighted score) for each document, without the database.

    Each field adds weight x (1 - 0.5^count) per term: one hit gives half the weight, more
    hits add less and less, so a long page does not win by length alone.
    """
    scores = []
    for doc in docs:
        matched, score = 0, 0.0
        for term in terms:
            pattern = term_pattern(term)
            counts = [len(pattern.findall(text)) for text in doc.folded]
            matched += any(counts)
            score += sum(w * (1 - 0.5**c) for w, c in zip(WEIGHTS, counts, strict=True))
        scores.append((matched, score))
    return scores


def tsquery(term: Term, as_typed: dict[str, str] | None = None) -> str:
    """``to_tsquery`` text for a term: phrases joined by ``|``, words by ``<->``, prefixes
    marked ``:*``. Words hold only letters and digits, so the text is always valid and
    carries no operators of the searcher's own. ``as_typed`` gives a folded word back its
    accents as the searcher typed it, for PostgreSQL's plain stemming ("recibirá" -> "recib").

    >>> tsquery(Term((("recibira",),)), {"recibira": "recibirá"})
    '(recibirá:*)'
    """
    typed = as_typed or {}
    return " | ".join(
        "("
        + " <-> ".join(typed.get(w, w) + (":*" if len(w) >= MIN_PREFIX else "") for w in phrase)
        + ")"
        for phrase in term.phrases
    )


def typed_words(query: str) -> dict[str, str]:
    """Each folded query word -> the word as typed (lower case, accents kept).

    >>> typed_words("Recibirá vómitos")
    {'recibira': 'recibirá', 'vomitos': 'vómitos'}
    """
    return {fold(word.casefold()): word.casefold() for word in WORD.findall(query)}


POSTGRES_SCORES = """
WITH docs AS (
    SELECT d.n,
           setweight(to_tsvector(%(folded)s::regconfig, d.a)
                     || to_tsvector(%(plain)s::regconfig, d.a), 'A')
           || setweight(to_tsvector(%(folded)s::regconfig, d.b)
                        || to_tsvector(%(plain)s::regconfig, d.b), 'B')
           || setweight(to_tsvector(%(folded)s::regconfig, d.c)
                        || to_tsvector(%(plain)s::regconfig, d.c), 'C') AS v
    FROM unnest(%(a)s::text[], %(b)s::text[], %(c)s::text[]) WITH ORDINALITY AS d(a, b, c, n)
), terms AS (
    SELECT to_tsquery(%(folded)s::regconfig, t) || to_tsquery(%(plain)s::regconfig, t) AS q
    FROM unnest(%(terms)s::text[]) AS t
)
SELECT docs.n, count(*) FILTER (WHERE docs.v @@ terms.q), sum(ts_rank(docs.v, terms.q))
FROM docs CROSS JOIN terms
GROUP BY docs.n
"""


def postgres_scores(
    docs: Sequence[Document], terms: Sequence[Term], language: str = "en", query: str = ""
) -> list[tuple[int, float]]:
    """(terms matched, ts_rank summed over terms) for each document, by PostgreSQL.

    Only the words are sent, one space apart: PostgreSQL's word parser depends on the
    database locale (under the C locale "38 °C" with a no-break space is one word), so
    splitting here makes the words the same as Python's everywhere.
    """
    columns = [[re.sub(SEPARATORS, " ", doc.fields[i]) for doc in docs] for i in range(3)]
    with connection.cursor() as cursor:
        folded, plain = SEARCH_CONFIGS.get(language, ("simple", "simple"))
        a, b, c = columns
        queries = [tsquery(term, typed_words(query)) for term in terms]
        params = {"folded": folded, "plain": plain, "a": a, "b": b, "c": c, "terms": queries}
        cursor.execute(POSTGRES_SCORES, params)
        rows = {n: (int(matched), float(rank)) for n, matched, rank in cursor.fetchall()}
    return [rows.get(n, (0, 0.0)) for n in range(1, len(docs) + 1)]


def mark_sentence(sentence: str, terms: Sequence[Term]) -> tuple[int, SafeString]:
    """(terms found, escaped sentence with <mark>s), cut to about SNIPPET_CHARS around the
    first match."""
    spans, matched, folded = [], 0, fold(sentence)  # same length: spans fit the original
    for term in terms:
        hits = [match.span() for match in term_pattern(term).finditer(folded)]
        matched += bool(hits)
        spans += hits
    start, end = _window(sentence, spans)
    pieces, position = [], start
    for a, b in sorted(set(spans)):
        if a >= position and b <= end:
            pieces += [escape(sentence[position:a]), "<mark>", escape(sentence[a:b]), "</mark>"]
            position = b
    pieces.append(escape(sentence[position:end]))
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(sentence) else "")
    return matched, mark_safe(prefix + "".join(pieces) + suffix)  # every piece escaped above


def _window(sentence: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A stretch of at most about SNIPPET_CHARS, starting a little before the first mark,
    cut at spaces."""
    if len(sentence) <= SNIPPET_CHARS:
        return 0, len(sentence)
    first = min((a for a, _ in spans), default=0)
    start = max(0, first - SNIPPET_CHARS // 4)
    if start:
        start = sentence.find(" ", start) + 1 or start
    end = min(len(sentence), start + SNIPPET_CHARS)
    if end < len(sentence):
        end = sentence.rfind(" ", start, end) if " " in sentence[start:end] else end
    return start, end


def snippet(doc: Document, terms: Sequence[Term]) -> SafeString:
    """The sentence of the main message or the rest that matches the most terms (the first
    one on a tie), or the first sentence when none matches word for word. The title is used
    only when there is nothing else, as it is shown anyway."""
    sentences = [
        sentence.strip()
        for text in (doc.fields[1], doc.fields[2])
        for sentence in SENTENCE_BREAK.split(text)
        if sentence.strip()
    ] or [doc.fields[0]]
    marked = [mark_sentence(sentence, terms) for sentence in sentences]
    return max(marked, key=lambda found_html: found_html[0])[1]


def search_site(query: str, language: str = "en") -> list[Result]:
    """Published pages, get-help, checklist items and glossary terms in ``language`` for the
    query, best first."""
    terms = parse_query(query[:MAX_QUERY_LENGTH], load_synonyms())
    if not terms:
        return []
    docs = documents(language)
    if connection.vendor == "postgresql":
        scores = postgres_scores(docs, terms, language, query[:MAX_QUERY_LENGTH])
    else:
        scores = python_scores(docs, terms)
    order = sorted(
        (n for n, (matched, _) in enumerate(scores) if matched),
        key=lambda n: (-scores[n][0], -scores[n][1], n),
    )
    return [
        Result(docs[n].kind, docs[n].title, docs[n].url, snippet(docs[n], terms))
        for n in order[:MAX_RESULTS]
    ]
