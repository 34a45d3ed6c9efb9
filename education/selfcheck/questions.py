"""What a page's self-check is, as stored in the page's revisions and as shown to the public.

The page's snapshot (governance.rules.snapshot) holds its included questions under
``SNAPSHOT_KEY``, so the page's content hash covers them: a question edit is a page draft and
needs a reviewer's approval. The public reads only the questions of the published revision.
"""

from dataclasses import dataclass
from decimal import Decimal

from ..governance.snapshots import json_value
from ..models import Page, Revision, SelfCheckQuestion
from ..text.fever import replace_fever_token

SNAPSHOT_KEY = "self_check"
FIELDS = ("key", "kind", "question", "choice_1", "choice_2", "choice_3", "answer",
          "explanation", "anchor", "facts_ref")  # fmt: skip
TRUE, FALSE = "1", "2"


@dataclass(frozen=True)
class Question:
    """One published question, ready to show (fever token replaced)."""

    id: int
    kind: str
    text: str
    choices: tuple[tuple[str, str], ...]  # (value, label); empty labels for true/false
    answer: str
    explanation: str
    anchor: str

    @property
    def true_false(self) -> bool:
        return self.kind == SelfCheckQuestion.Kind.TRUE_FALSE

    @property
    def field(self) -> str:
        return f"q{self.id}"


def snapshot_questions(page: Page) -> list[dict]:
    """The page's included questions (the editors' working copy) as JSON-safe dicts."""
    if page.pk is None:
        return []
    rows = page.self_checks.filter(included=True).order_by("order", "pk")
    return [{"id": row.pk} | {f: json_value(getattr(row, f)) for f in FIELDS} for row in rows]


def restore_working_copy(page: Page, content: dict) -> None:
    """Make the rows match a revision's questions (used when an old revision is restored)."""
    wanted = {q["id"]: q for q in content.get(SNAPSHOT_KEY, [])}
    for row in page.self_checks.all():
        stored = wanted.get(row.pk)
        row.included = stored is not None
        for name in FIELDS if stored else ():
            setattr(row, name, stored[name])
        row.save()


def _question(stored: dict, fever_c: Decimal) -> Question:
    if stored["kind"] == SelfCheckQuestion.Kind.TRUE_FALSE:
        choices = ((TRUE, ""), (FALSE, ""))
    else:
        choices = tuple(
            (str(n), replace_fever_token(stored[f"choice_{n}"], fever_c)) for n in (1, 2, 3)
        )
    return Question(
        id=stored["id"],
        kind=stored["kind"],
        text=replace_fever_token(stored["question"], fever_c),
        choices=choices,
        answer=str(stored["answer"]),
        explanation=replace_fever_token(stored["explanation"], fever_c),
        anchor=stored["anchor"],
    )


def questions_in(revision: Revision | None, fever_c: Decimal) -> list[Question]:
    """The questions held by ``revision`` (none when there is no revision)."""
    if revision is None:
        return []
    return [_question(q, fever_c) for q in revision.content.get(SNAPSHOT_KEY, [])]


@dataclass(frozen=True)
class Marked:
    question: Question
    given: str  # the value chosen, "" when not answered

    @property
    def answered(self) -> bool:
        return bool(self.given)

    @property
    def correct(self) -> bool:
        return self.given == self.question.answer


@dataclass(frozen=True)
class Result:
    marked: list[Marked]

    @property
    def right(self) -> int:
        return sum(m.correct for m in self.marked)

    @property
    def total(self) -> int:
        return len(self.marked)

    @property
    def reread(self) -> list[Marked]:
        """Wrong or unanswered questions, one per section, to read again."""
        seen, out = set(), []
        for m in self.marked:
            if not m.correct and m.question.anchor not in seen:
                seen.add(m.question.anchor)
                out.append(m)
        return out


def mark(questions: list[Question], answers: dict) -> Result:
    """Compare the posted answers with the right ones; anything unknown counts as unanswered."""
    marked = []
    for q in questions:
        given = str(answers.get(q.field, ""))
        valid = {value for value, _ in q.choices}
        marked.append(Marked(q, given if given in valid else ""))
    return Result(marked)
