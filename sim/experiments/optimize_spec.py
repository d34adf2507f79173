"""Optimisation files: which levers to search over, which outcomes to lower or raise, under which limits.

    name = "prevention"
    scenario = "baseline"               # the base scenario: its context, and the policy levers start from
    population = "8000"
    months = 36
    warmup = 24
    replications = 2                    # common seeds: every policy runs on the same ones
    posterior_draws = 0                 # N >= 2: judge each policy in N joint draws (robust search)
    robustness = "mean"                 # over the draws: "mean", a percentile "p90", or "regret"
    generations = 4                     # of the search
    policies = 8                        # policies per generation

    [levers]
    "policy.early_signalling.reach" = { min = 0.1, max = 0.8 }       # a range
    "policy.housing_duty.families_duty" = { values = [false, true] }  # a choice
    scenarios = ["baseline", "ombudsman-legal-aid"]                   # named scenarios' policy tables

    [objectives]
    evictions = "min"
    children_separated = "min"

    [constraints]
    cost_municipality_eur = { max = 2.0e6 }                           # per year

Objectives and constraints may name any outcome (`evictsim outcomes`), costs by payer included
(cost_municipality_eur, cost_national_eur, ...); all are yearly values of the real population.
Everything is checked before anything runs, with the field, the value and what is allowed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..limits import POSTERIOR, REPLICATIONS, excerpt
from ..pathway.outcomes import OUTCOME_INDEX
from ..scenario import ScenarioError, format_errors, suggest
from ..tomlfiles import read_toml
from .sweep_spec import Range, RunSpec, check_parameter, check_runs

PERCENTILE = re.compile(r"^p([1-9][0-9]?)$")  # p1 .. p99


class Bound(BaseModel):
    """A limit on an outcome's yearly value: at most `max`, at least `min` (or both)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _some(self) -> Bound:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both, e.g. { max = 2.0e6 }")
        if self.min is not None and self.max is not None and not self.min < self.max:
            raise ValueError(f"min {self.min} must be below max {self.max}")
        return self


class OptimizeSpec(RunSpec):
    replications: int = Field(2, ge=REPLICATIONS.low, le=REPLICATIONS.high)  # a policy's score needs noise
    posterior_draws: int = Field(0, ge=POSTERIOR.low, le=POSTERIOR.high)
    robustness: str = "mean"
    generations: int = Field(5, ge=1, le=10_000)
    policies: int = Field(8, ge=4, le=10_000)
    levers: dict[str, Range | list[str]]
    objectives: dict[str, Literal["min", "max"]]
    constraints: dict[str, Bound] = Field(default_factory=dict)

    @property
    def lever_ranges(self) -> dict[str, Range]:
        return {k: v for k, v in self.levers.items() if isinstance(v, Range)}

    @property
    def lever_scenarios(self) -> list[str]:
        scenarios = self.levers.get("scenarios", [])
        return list(scenarios) if isinstance(scenarios, list) else []

    @model_validator(mode="after")
    def _check(self) -> OptimizeSpec:
        _check_levers(self)
        _check_outcomes([*self.objectives, *self.constraints])
        if not self.objectives:
            raise ValueError("[objectives] is empty: name at least one outcome to lower or raise, "
                             'e.g. evictions = "min"')
        if self.robustness not in ("mean", "regret") and not PERCENTILE.match(self.robustness):
            raise ValueError(f"robustness = {excerpt(self.robustness)}: allowed are \"mean\", \"regret\" or a "
                             "percentile \"p1\" .. \"p99\" (e.g. \"p90\": the value a policy beats in 90 % of draws)")
        if self.robustness.startswith("p") and self.posterior_draws < 2:
            raise ValueError(f"robustness = {self.robustness!r} is a percentile over posterior draws: set "
                             "posterior_draws to at least 2 (or use \"mean\")")
        if self.posterior_draws == 1:
            raise ValueError("posterior_draws = 1: one draw cannot show parameter uncertainty; use 0 (the "
                             "calibrated point) or at least 2")
        # every generation's plan is kept (the store's plan grows with it): counted as a sweep's
        check_runs("optimisation", self.generations * self.policies, self.replications, self.posterior_draws,
                   contexts=self.posterior_draws > 0)
        return self


def _check_levers(spec: OptimizeSpec) -> None:
    if not spec.levers:
        raise ValueError("[levers] is empty: name at least one policy.* parameter or scenarios = [...] to search over")
    for path, lever in spec.levers.items():
        if path == "scenarios":
            if not isinstance(lever, list) or len(lever) < 2:
                raise ValueError("levers.scenarios: give a list of at least two scenario names, "
                                 'e.g. ["baseline", "ombudsman-legal-aid"]')
        elif isinstance(lever, Range):
            check_parameter(path, lever, "grid")  # values lists and ranges are both allowed
            if not path.startswith("policy."):
                raise ValueError(f"levers.{path}: a lever is a policy.* parameter; context.* assumptions are not "
                                 "ours to choose (robust search draws them: posterior_draws)")
        else:
            raise ValueError(f"levers.{path}: give {{ min, max }} or {{ values = [...] }}")


def _check_outcomes(names: list[str]) -> None:
    unknown = [o for o in names if o not in OUTCOME_INDEX]
    if unknown:
        raise ValueError(f"unknown outcome(s) {excerpt(unknown)}{suggest(unknown[0], list(OUTCOME_INDEX))}; "
                         "`evictsim outcomes` lists them")


def load_optimize_spec(path: str | Path) -> OptimizeSpec:
    """Read and validate an optimisation file; errors name the file, the field and the value."""
    path = Path(path)
    raw = read_toml(path)
    raw.setdefault("name", path.stem)
    try:
        return OptimizeSpec.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), "", OptimizeSpec, err)) from None
