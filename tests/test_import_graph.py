"""No import circle in the package, hidden or not.

Every module of ``research_utils`` is parsed with :mod:`ast`, and every import counts: at
the top, inside functions, under ``if TYPE_CHECKING:``. An import of ``a.b.c`` is an
edge to the module ``a.b.c`` (``from a.b import c`` to ``a.b.c`` when ``c`` is a module,
else to ``a.b``) and to the packages ``a.b`` whose ``__init__`` it runs, except the
importer's own packages (already being imported when it runs). A cycle fails the test,
which names it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import research_utils

PACKAGE = Path(research_utils.__file__).resolve().parent
ROOT = PACKAGE.name


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: dotted name -> (file, is a package)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def _targets(name: str, is_package: bool, node: ast.Import | ast.ImportFrom, modules: set[str]) -> list[str]:
    """The package modules an import statement of module ``name`` imports."""

    def known(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    if isinstance(node, ast.Import):
        found = [known(a.name) for a in node.names if a.name.split(".")[0] == ROOT]
        return [t for t in found if t]
    if node.level:  # relative: from . import x / from ..a import b
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        package = ".".join([*base, *([node.module] if node.module else [])])
    else:
        package = node.module or ""
    if package.split(".")[0] != ROOT:
        return []
    found = [
        f"{package}.{a.name}" if f"{package}.{a.name}" in modules else known(package) for a in node.names
    ]
    return [t for t in found if t]


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (every import statement, anywhere in it)."""
    modules = _modules()
    names = set(modules)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        own = name if is_package else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _targets(name, is_package, node, names):
                parts = target.split(".")
                for k in range(2, len(parts) + 1):  # the target and the packages it runs
                    step = ".".join(parts[:k])
                    if step in names and step != name and not (own == step or own.startswith(step + ".")):
                        edges.add(step)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path whose last module imports its first, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 90 and graph["research_utils.ingest.document"]  # the walk found the package
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join([*cycle, cycle[0]])


def test_hidden_imports_count() -> None:
    """Imports inside functions and under TYPE_CHECKING are edges; a cycle through them is found."""
    tree = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from research_utils.paths import X\n"
    )
    node = next(
        n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0 and n.module != "typing"
    )
    assert _targets("research_utils.ingest.read", False, node, {"research_utils.paths"}) == [
        "research_utils.paths"
    ]
    relative = ast.parse("def f():\n    from ..lexicons import errors\n").body[0].body[0]  # type: ignore[attr-defined]
    modules = {"research_utils.lexicons", "research_utils.lexicons.errors"}
    assert _targets("research_utils.ingest.read", False, relative, modules) == [
        "research_utils.lexicons.errors"
    ]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


MAX_MODULE_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    """The layout's size rule (ARCHITECTURE.md): a module that grows past it is split by what
    it does, as stance/positions.py was into polarity.py and positions.py."""
    long = {
        name: n
        for name, (path, _) in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long
