"""The dependency rules of the layout, checked by reading every module's imports.

Each ``.py`` file under the apps and the project package is parsed (never imported) and its
module-level imports become the edges of a graph of the project's own modules. Imports inside
functions are left out on purpose: they run later, which is how a module may reach upwards
once everything is loaded (``apps.py``'s ``ready()``). The rules:

- ``education`` imports neither ``schedule`` nor ``card``; ``card`` imports no other app;
  ``schedule`` reads only the site settings from ``education``, in its views (one way).
- ``isatuximab_portal.lib`` imports no app.
- The clinical modules and the pure helpers import no Django, not even through a project
  module they import.
- No import cycle between modules.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("education", "schedule", "card", "access", "isatuximab_portal")
APPS = ("education", "schedule", "card", "access")
LIB = "isatuximab_portal.lib"
# Where schedule may read education: the help settings (phone, fever number) for its outputs.
SCHEDULE_TO_EDUCATION = {"schedule.views"}
PURE = [
    "schedule.regimens",
    "schedule.backbone",
    "schedule.plan",
    "schedule.dose",
    "schedule.delays",
    "schedule.day_syntax",
    "schedule.weight",
    "schedule.ics",
    "schedule.wording",
    "schedule.medicine_wording",
    "schedule.months",
    "schedule.pdf.calendar",
    "card.fields",
    "card.carry_until",
    "card.pdf.wallet_card",
    "card.pdf.image",
    "education.diary.wording",
    "education.text.fever",
    "isatuximab_portal.lib.language",
    "isatuximab_portal.lib.dates",
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


FILES = project_files()


def top_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module loads: at module level or in a module-level block,
    never in a function or class body, and not under ``if TYPE_CHECKING:``."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
        elif isinstance(node, ast.If | ast.Try | ast.With):
            for field in ("body", "orelse", "finalbody", "handlers"):
                stack.extend(getattr(node, field, []))
        elif isinstance(node, ast.ExceptHandler):
            stack.extend(node.body)


def imported_names(module: str, path: Path) -> set[str]:
    """Every module name `module` imports at load time (absolute; a `from X import y` where y is
    a module counts as importing X.y)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in top_level_imports(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        names.add(base)
        names.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in names if name in FILES or not name.startswith(PACKAGES)}


def graph() -> dict[str, set[str]]:
    return {module: imported_names(module, path) for module, path in FILES.items()}


GRAPH = graph()


def inside(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def project_edges(module: str) -> set[str]:
    """The project modules `module` imports, with the packages those modules load on the way
    (importing ``a.b.c`` runs ``a/b/__init__.py``), except `module`'s own packages."""
    edges = set()
    for name in GRAPH[module] & FILES.keys():
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            ancestor = ".".join(parts[:end])
            if ancestor in FILES and not inside(module, ancestor):
                edges.add(ancestor)
    return edges


def offending(source: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for module in GRAPH
        if inside(module, source)
        for name in GRAPH[module]
        if any(inside(name, bad) for bad in forbidden)
    )


def test_the_graph_holds_every_module_and_sees_known_imports():
    assert len(GRAPH) > 100
    assert "education.models.pages" in GRAPH["education.models"]
    assert "isatuximab_portal.lib.language" in GRAPH["schedule.plan"]
    assert "education.models" in GRAPH["schedule.views"]
    assert "education.pages" in project_edges("education.governance.admin_views")


def test_education_imports_neither_schedule_nor_card():
    assert offending("education", ("schedule", "card")) == []


def test_card_imports_no_other_app():
    assert offending("card", ("education", "schedule")) == []


def test_schedule_reads_education_only_in_its_views():
    uses = {line.split()[0] for line in offending("schedule", ("education",))}
    assert uses <= SCHEDULE_TO_EDUCATION
    assert offending("schedule", ("card",)) == []


def test_access_imports_no_other_app():
    """The staff-access app (second factor, lockout, backups) stands apart from the content."""
    assert offending("access", ("education", "schedule", "card")) == []


def test_lib_imports_no_app():
    assert offending(LIB, APPS) == []


def reachable(start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for name in project_edges(todo.pop()) - seen:
            seen.add(name)
            todo.append(name)
    return seen


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_import_no_django_even_indirectly(module):
    assert module in FILES, f"{module} moved: update PURE"
    django = sorted(
        f"{name} imports {imported}"
        for name in reachable(module)
        for imported in GRAPH[name]
        if inside(imported, "django")
    )
    assert django == []


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_strongly_connected_finds_a_cycle_and_only_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert [g for g in strongly_connected(edges) if len(g) > 1] == [{"a", "b", "c"}]
    assert all(len(g) == 1 for g in strongly_connected({"a": {"b"}, "b": set()}))


def test_no_import_cycle():
    edges = {module: project_edges(module) for module in GRAPH}
    cycles = [sorted(group) for group in strongly_connected(edges) if len(group) > 1]
    assert cycles == []
