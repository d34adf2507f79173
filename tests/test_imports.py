"""Imports run one way: no module of sim/ imports, however indirectly, a module that imports it.

The graph is read from the source with `ast`: every `import` and `from ... import`, at any depth
(inside functions too: an import deferred to call time still ties the two modules together),
except those under `if TYPE_CHECKING:`, which are for type hints and never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SIM = Path(__file__).resolve().parents[1] / "sim"


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package in `root`, by dotted name (a package by its own name)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imported(module: str, path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `module` (the file at `path`) imports when it runs."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            # `from .x import y` imports the module x.y if there is one, else the name y from x
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
    return {name for name in found if name in modules and name != module}


def _run_time_nodes(tree: ast.AST):
    """Every node of the tree, leaving out the bodies of `if TYPE_CHECKING:` (their `else` stays)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo += node.orelse
        else:
            todo += ast.iter_child_nodes(node)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The dotted module a `from` import names, relative ones resolved against `package`."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[:len(parts) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module of the package in `root` and the package's modules it imports."""
    modules = module_names(root)
    return {name: imported(name, path, set(modules)) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each group of modules that import each other, as [a, b, ..., a]."""
    found, done = [], set()
    for start in sorted(graph):
        if start in done:
            continue
        group = _reachable(graph, start) & {m for m in graph if start in _reachable(graph, m)}
        done |= group | {start}
        if start in group:
            found.append(_path(graph, start, group))
    return found


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """The modules `start` imports, directly or through others (itself only through a circle)."""
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += graph[module]
    return seen


def _path(graph: dict[str, set[str]], start: str, group: set[str]) -> list[str]:
    """A shortest circle from `start` back to itself within `group` (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module] & group):
                if target == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if target not in came_from:
                    came_from[target] = module
                    following.append(target)
        frontier = following
    raise AssertionError(f"{start} is in no circle")


def test_no_module_of_sim_imports_itself_through_others():
    found = circles(import_graph(SIM))
    assert not found, "import circles in sim/:\n" + "\n".join(" -> ".join(c) for c in found)


def test_a_circle_is_found_at_any_depth_and_type_checking_imports_are_not_followed(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from .sub import b\n",
        "sub/__init__.py": "",
        "sub/b.py": "def later():\n    from ..c import name\n",         # deferred: still an import
        "c.py": "import pkg.a\n",
        "d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import e\n",
        "e.py": "from .d import TYPE_CHECKING\n",                           # d -> e only for type hints
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    assert circles(import_graph(package)) == [["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]]


@pytest.mark.parametrize("source, module", [
    ("from .. import a", "pkg.a"), ("from ..a import f", "pkg.a"), ("import pkg.a", "pkg.a"),
    ("from . import c", "pkg.sub.c"), ("from .c import f", "pkg.sub.c"), ("from . import f", "pkg.sub"),
])
def test_relative_and_absolute_imports_name_the_module_that_runs(tmp_path, source, module):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "a.py", "sub/__init__.py", "sub/c.py"):
        (package / name).write_text("", encoding="utf-8")
    (package / "sub" / "b.py").write_text(source + "\n", encoding="utf-8")
    assert import_graph(package)["pkg.sub.b"] == {module}


def test_the_command_line_does_not_import_what_only_some_commands_need():
    """Every `evictsim run` starts by importing sim.cli; scipy.stats (half a second) and matplotlib are
    imported by the commands that use them, not by all (the benchmark counts start-up)."""
    import subprocess
    import sys

    code = ("import sys, sim.cli, sim.runner; "
            "print(sorted(m for m in ('scipy.stats', 'matplotlib.pyplot') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
