"""The README and docs/ name only things that exist: repository paths, make targets, management
commands and links between the documents. A doc that names a moved file goes red here."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# The first folder of every path the docs may name; other slashed words (text/html, 1/2) are not
# repository paths.
TOP = {
    "isatuximab_portal", "education", "schedule", "card", "templates", "static", "tests",
    "docs", "locale", "loadtest", ".ci", "access",
}  # fmt: skip
ROOT_FILES = {"README.md", "Makefile", "pyproject.toml", "manage.py"}
# Named in the docs but made by a command or kept outside the repository.
NOT_IN_REPO = ("reports/", "staticfiles/", "shared/", "db.sqlite3", ".venv/")
# performance.md's history names the tools its first figures were measured with, since removed.
GONE_MODULES = ("scripts.",)
PATH = re.compile(r"^\.?[\w-]+(/[\w.<>-]+)*/?$")
CODE = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\(([^)#\s]+)")


def spans(text: str) -> list[str]:
    """Inline code spans and the lines of fenced code blocks."""
    blocks = FENCE.findall(text)
    inline = FENCE.sub("", text)
    return CODE.findall(inline) + [line for block in blocks for line in block.splitlines()[1:-1]]


def repo_paths(text: str) -> set[str]:
    found = set()
    for span in spans(text):
        for word in span.split():
            word = word.strip("\"'(),;:")
            head = word.split("/")[0]
            if word.startswith(NOT_IN_REPO) or "<" in word or not PATH.match(word):
                continue
            if ("/" in word and head in TOP) or word in ROOT_FILES:
                found.add(word)
    return found


def make_targets(text: str) -> set[str]:
    return {m for span in spans(text) for m in re.findall(r"(?:^|\s)make ([a-z][\w-]*)", span)}


def commands(text: str) -> set[str]:
    return {m for span in spans(text) for m in re.findall(r"manage\.py ([a-z]\w*)", span)}


def modules(text: str) -> set[str]:
    return {m for span in spans(text) for m in re.findall(r"-m ([a-z][\w.]*)", span)}


def importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def defined_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_path_a_doc_names_exists(doc):
    missing = sorted(
        p for p in repo_paths(doc.read_text(encoding="utf-8")) if not (ROOT / p).exists()
    )
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_make_target_a_doc_names_exists(doc):
    unknown = make_targets(doc.read_text(encoding="utf-8")) - defined_targets()
    assert not unknown, f"{doc.name} names make targets the Makefile lacks: {sorted(unknown)}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_management_command_a_doc_names_exists(doc):
    unknown = commands(doc.read_text(encoding="utf-8")) - set(get_commands())
    assert not unknown, f"{doc.name} names commands that do not exist: {sorted(unknown)}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_module_a_doc_runs_with_python_m_exists(doc):
    unknown = sorted(
        m
        for m in modules(doc.read_text(encoding="utf-8"))
        if not m.startswith(GONE_MODULES) and not importable(m)
    )
    assert not unknown, f"{doc.name} runs modules that do not exist: {unknown}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_between_docs_resolves(doc):
    links = [link for link in LINK.findall(doc.read_text(encoding="utf-8")) if "://" not in link]
    broken = sorted(link for link in links if not (doc.parent / link).exists())
    assert not broken, f"{doc.name} links to missing files: {broken}"


def test_the_readme_is_short_and_finds_every_doc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120
    for doc in DOCS[1:]:
        assert f"docs/{doc.name}" in readme, f"the README does not point to docs/{doc.name}"


def test_the_checker_sees_paths_targets_and_commands():
    """The checker itself: a sample doc's paths, targets and commands are all found."""
    text = (
        "Run `make test-fast`; see `education/booklet/` and `docs/x.md`.\n"
        "```sh\nmake run\n.venv/bin/python manage.py assign_role rita reviewer\n"
        "python -m card.sample --out x\n```\n"
        "Not paths: `text/html`, `/learn/<slug>/`, `1-21`, `reports/load/`, `site.css`."
    )
    assert repo_paths(text) == {"education/booklet/", "docs/x.md"}
    assert make_targets(text) == {"test-fast", "run"}
    assert commands(text) == {"assign_role"}
    assert modules(text) == {"card.sample"}
