"""No import cycle between Bridgework's packages (apps and ``screening``).

Every ``import`` in a package's code (function-level and type-only ones too; tests and
migrations aside) is an edge from that package to the one it names. The graph must have
no cycle: the safety app imports no other app, so every app can import it for
``screen_texts``; the pure ``screening`` package imports no app at all.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the bridgework package
PACKAGES = sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists())
SKIP_DIRS = {"tests", "migrations"}


def _modules(package: str) -> Iterator[tuple[Path, list[str]]]:
    for path in (ROOT / package).rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIP_DIRS & set(relative.parts):
            continue
        yield path, ["bridgework", *relative.with_suffix("").parts]


def _imported(path: Path, dotted: list[str]) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = dotted[: len(dotted) - node.level + (1 if is_package else 0)]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.module


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {package: set() for package in PACKAGES}
    for package in PACKAGES:
        for path, dotted in _modules(package):
            for name in _imported(path, dotted):
                parts = name.split(".")
                if len(parts) >= 2 and parts[0] == "bridgework" and parts[1] in graph and parts[1] != package:
                    graph[package].add(parts[1])
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for following in sorted(graph[node]):
            if state.get(following) == 1:
                return [*path[path.index(following):], following]
            if following not in state and (cycle := visit(following)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_between_bridgework_packages() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle between apps: " + " -> ".join(cycle or [])


def test_safety_and_screening_import_no_other_app() -> None:
    # Only the shared layers: core, the API's shared pieces, and pure screening.
    graph = import_graph()
    assert graph["safety"] <= {"core", "api", "screening"}, graph["safety"]
    assert graph["api"] <= {"core", "screening"}, graph["api"]
    assert graph["screening"] <= {"core"}, graph["screening"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
