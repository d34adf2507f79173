"""Every policy lever acts through the pathway stage it belongs to: a run with every lever in use
records which module of sim/pathway reads each lever (the first module up the call stack, for
levers read through a municipality's local policy too). Each lever must be read by the pathway,
by the modules of the phases it is documented to act through, and never by the code that counts
outcomes: a lever never sets an outcome directly."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from sim.parameters import Policy
from sim.parameters.base import Group
from sim.pathway import local as local_module
from sim.pathway.model import PHASES

from .helpers import TROUBLE, model

PATHWAY = Path(local_module.__file__).resolve().parent
GROUP_OF = {field.annotation: name for name, field in Policy.model_fields.items()}
COUNTING = {"evictions.py", "outcomes.py", "world.py", "by_municipality.py", "journeys.py"}
STAGE_MODULES = {module for phase in PHASES for module in phase.modules} - COUNTING
EVERY_LEVER_IN_USE = {
    "policy": {"early_signalling": {"home_visits_families": True, "include_nuisance": True},
               "child_rights_test": {"enabled": True}, "housing_duty": {"families_duty": True},
               "rehousing": {"second_chance_contracts": True, "housing_first": True},
               "moratorium": {"scope": "families", "pause_summonses": True, "to_month": 6},
               "registration": {"enabled": True}, "legal_aid": {"plain_language_summons": True},
               "consultation": {"children_heard": 1.0},
               "rental_assistance": {"supplement": True, "fund_for": "contact", "fund_before_summons": True},
               "allocation": {"urgency_homeless_families": True, "urgent_quota": 0.5, "from_month": 0}},
    "context": TROUBLE}


def _reader() -> str | None:
    """The pathway module (other than local.py) nearest up the call stack."""
    frame = sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.parent == PATHWAY and path.name != "local.py":
            return path.name
        frame = frame.f_back
    return None


@pytest.fixture(scope="module")
def readers(monkeypatch_module):
    reads: dict[str, set[str]] = defaultdict(set)
    plain = Group.__getattribute__

    def getattribute(self, name):
        value = plain(self, name)
        group = GROUP_OF.get(type(self))
        if group and name in type(self).model_fields and (who := _reader()):
            reads[f"{group}.{name}"].add(who)
        return value

    def tracing(method):
        def traced(self, dotted, *args):
            reads[dotted].add(_reader() or "?")
            return method(self, dotted, *args)
        return traced

    monkeypatch_module.setattr(Group, "__getattribute__", getattribute)
    for name in ("lever", "anywhere"):
        monkeypatch_module.setattr(local_module.LocalPolicies, name, tracing(getattr(local_module.LocalPolicies, name)))
    m = model(EVERY_LEVER_IN_USE, population="20000", months=48)
    for _ in range(48):
        m.step()
    return dict(reads)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


LEVERS = [f"{group}.{name}" for group, field in Policy.model_fields.items() for name in field.annotation.model_fields]


@pytest.mark.parametrize("lever", LEVERS)
def test_every_lever_is_read_by_a_stage_and_never_by_the_counting(readers, lever):
    modules = readers.get(lever, set())
    if lever == "practice.same_everywhere":  # how municipalities apply the rules, set up with the model
        assert modules == {"model.py"}
        return
    assert modules, f"{lever} is read by no module of the pathway"
    assert modules <= STAGE_MODULES, f"{lever} is read by {sorted(modules - STAGE_MODULES)}, not a stage"
