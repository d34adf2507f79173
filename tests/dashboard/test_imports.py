"""The dashboard draws on the package through its facade (`from sim import ...`), never on the
model's internals (sim.pathway), so that the model can be rearranged without touching a page.

Three modules are drawn on directly, each for a reason the facade has no name for."""

from __future__ import annotations

import ast
from pathlib import Path

import sim

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
BESIDES_THE_FACADE = {
    "sim.plots": "the charts' shared colours, markers and figures, as the command line draws them",
    "sim.experiments.calibration_report": "the calibration's fit figure, as `evictsim calibrate --report` draws it",
    "sim.experiments.store": "the store's file names, to find stored sweeps and name a damaged file",
}


def sim_imports() -> dict[str, set[str]]:
    """Every sim module the dashboard's files import from, with the files that do."""
    found: dict[str, set[str]] = {}
    for path in sorted(DASHBOARD.rglob("*.py")):
        where = path.relative_to(DASHBOARD.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for module in _modules(node):
                if module == "sim" or module.startswith("sim."):
                    found.setdefault(module, set()).add(where)
    return found


def _modules(node: ast.AST) -> list[str]:
    """The modules an import statement draws on; `from sim import plots` draws on sim.plots."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module == "sim":
            return [f"sim.{a.name}" if a.name not in sim.__all__ else "sim" for a in node.names]
        return [node.module]
    return []


def test_no_dashboard_module_imports_the_model_internals():
    inside = {module: files for module, files in sim_imports().items() if module.startswith("sim.pathway")}
    assert inside == {}, "import these through the sim facade (sim/__init__.py) instead"


def test_the_dashboard_draws_on_the_facade_and_three_named_modules_only():
    found = sim_imports()
    assert set(found) - {"sim"} <= set(BESIDES_THE_FACADE), {m: found[m] for m in set(found) - {"sim"}
                                                              if m not in BESIDES_THE_FACADE}
    assert "sim" in found


def test_every_name_imported_from_the_facade_is_part_of_it():
    for path in sorted(DASHBOARD.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "sim" and node.level == 0:
                for alias in node.names:
                    assert alias.name in sim.__all__ or f"sim.{alias.name}" in BESIDES_THE_FACADE, (path, alias.name)


def test_every_name_of_the_facade_resolves():
    """A name the facade lists but whose module no longer has it fails here, not on a page."""
    assert [name for name in sim.__all__ if getattr(sim, name, None) is None] == []
