"""The schedule is one list you can read whole: EvictionModel.step runs every phase of PHASES in
order, stages hand their decisions on through step and never call one another, and the docs'
tables of phases agree with PHASES."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from sim.docs import README, render_readme
from sim.pathway import model as model_module
from sim.pathway.model import PHASES, EvictionModel
from sim.pathway.world import World

from .helpers import model

PATHWAY = Path(model_module.__file__).resolve().parent
STAGES = ("turnover", "finances", "rent", "landlords", "early_help", "rental_assistance", "root_causes", "court",
          "bailiff", "displacement", "children", "rehousing", "homeless_families")


def test_step_runs_every_phase_in_order():
    """Each phase is marked `# <number> <name>` in step, in the order of PHASES, and each exists once."""
    marks = re.findall(r"#\s+(\d+) ([a-z' ]+?)\s*$", inspect.getsource(EvictionModel.step), flags=re.M)
    assert [(int(n), name) for n, name in marks] == [(p.number, p.name) for p in PHASES]
    assert [p.number for p in PHASES] == list(range(len(PHASES)))


def test_every_phase_names_modules_that_exist():
    for phase in PHASES:
        for module in phase.modules:
            assert (PATHWAY / module).is_file(), f"phase {phase.number} names {module}, which does not exist"


def test_every_stage_of_the_model_is_called_in_step():
    source = inspect.getsource(EvictionModel.step)
    for stage in STAGES:
        assert f"self.{stage}." in source, f"stage {stage} is not called in EvictionModel.step"


def _model_references(path: Path) -> list[str]:
    """Places where a module reaches the model object (`.model`, `EvictionModel`) outside type hints."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "model" and not isinstance(node.ctx, ast.Store):
            found.append(f"{path.name}:{node.lineno} .model")
        if isinstance(node, ast.Name) and node.id == "EvictionModel":
            found.append(f"{path.name}:{node.lineno} EvictionModel")
    return found


def test_no_stage_module_reaches_the_model():
    """Stages receive the World; only model.py knows the model (Mesa agents get it to register
    themselves, in their constructor's `super().__init__(model)`, and never read it)."""
    found = [ref for path in sorted(PATHWAY.glob("*.py")) if path.name != "model.py"
             for ref in _model_references(path)]
    assert not found, f"modules reaching the model object: {found}"


def _reachable(start: object, depth: int = 3) -> list[object]:
    """Objects reachable from `start` through instance attributes (not through a Mesa agent's
    `model`, which only registers the agent), up to `depth` steps."""
    seen, todo, found = {id(start)}, [(start, 0)], []
    while todo:
        obj, level = todo.pop()
        children = list(vars(obj).items()) if hasattr(obj, "__dict__") else []
        if isinstance(obj, (list, tuple)):
            children = [("", item) for item in obj]
        elif isinstance(obj, dict):
            children = [("", item) for item in obj.values()]
        for name, child in children:
            if name in ("model", "_model") or id(child) in seen or level >= depth:
                continue
            seen.add(id(child))
            found.append(child)
            todo.append((child, level + 1))
    return found


def test_no_stage_can_reach_another():
    """Neither the World nor any stage holds a reference to a stage: every hand-off between two
    stages goes through EvictionModel.step."""
    m = model(population="2000", months=2)
    stages = {id(getattr(m, name)): name for name in STAGES}
    assert not any(id(obj) in stages for obj in _reachable(m.world)), "the World holds a stage"
    for name in STAGES:
        others = [stages[id(obj)] for obj in _reachable(getattr(m, name)) if id(obj) in stages]
        assert not [o for o in others if o != name], f"stage {name} reaches {others}"


def test_the_world_holds_shared_state_only():
    assert isinstance(model(population="2000", months=1).world, World)


def test_the_readme_table_of_phases_is_generated_from_phases():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "run `python -m sim.docs` to regenerate the README's table of phases"


def test_the_model_docs_list_the_phases_in_order():
    """docs/model.md describes each phase in more words; its numbered list follows PHASES and names
    each phase's modules."""
    text = (PATHWAY.parents[1] / "docs" / "model.md").read_text(encoding="utf-8")
    section = text.split("### 3. Process overview and scheduling", 1)[1].split("\n## ", 1)[0]
    items = re.split(r"\n(?=\d+\. )", section)[1:]
    assert [int(item.split(".", 1)[0]) for item in items] == [p.number for p in PHASES]
    for phase, item in zip(PHASES, items):
        for module in phase.modules:
            assert f"`{module}`" in item, f"docs/model.md phase {phase.number} does not name {module}"
