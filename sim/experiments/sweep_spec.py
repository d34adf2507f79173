"""Sweep files: which parameters to vary over which ranges, with which design.

    name = "shocks-and-legal-aid"
    scenario = "baseline"            # resolved next to this file, then in scenarios/
    population = "small_town"
    months = 60
    replications = 2
    design = "lhs"                   # grid | lhs | sobol
    samples = 16                     # points for lhs and sobol (sobol: a power of two)
    outcomes = ["evictions", "children_separated"]

    [parameters]
    "context.shocks.job_loss_per_month" = { min = 0.005, max = 0.02 }
    "policy.legal_aid.share_summoned" = { min = 0.1, max = 1.0, steps = 4 }   # steps: grid only
    "policy.housing_duty.families_duty" = { values = [false, true] }          # values: grid only

Crossed experiments (the EMA Workbench's uncertainties x levers) name [uncertainties],
sampled by the design, and [levers], every combination of their values and of named scenarios
(whose `policy` tables are taken, on top of the base scenario's context); every policy is run
on every point with the same seeds:

    design = "lhs"                   # of the uncertainties; or "posterior": draws from a
    samples = 16                     # calibration's posterior.csv (`posterior = "path"`)
    series = true                    # also keep each run's monthly series

A sensitivity analysis of crossed experiments may name `against = "baseline"` (one of
levers.scenarios): it then ranks what drives each other policy's effect (its outcome minus the
baseline's at the same point and seeds) rather than its level.

Any spec may add `posterior_draws = N` (or `--posterior N`): every point then runs in N joint
draws of the uncertain parameters it does not set itself (the base scenario's calibration
posterior and the lever effect sizes, see draws.py), each with the spec's replications, and a
point's outcome is its mean over draws and replications.

    [uncertainties]
    "context.costs.shelter_month_eur" = { min = 2000, max = 6000 }
    [levers]
    scenarios = ["baseline", "ombudsman-legal-aid"]
    "policy.housing_duty.families_duty" = { values = [false, true] }

Everything is checked before any run starts: unknown parameters, empty ranges, ranges outside
a parameter's declared bounds, unknown designs and outcomes. Every outcome is stored for every
run; `outcomes` names those to report and plot.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..pathway.outcomes import OUTCOME_INDEX
from ..parameters import Context, Policy, describe
from ..parameters.renamed import SCENARIO as RENAMED
from ..limits import (DEFAULT_WARMUP, MAX_NAME_CHARS, MONTHS, POSTERIOR, REPLICATIONS, RUNS, SEED, WARMUP, check_plan,
                      excerpt, plan_bytes)
from ..scenario import (Scenario, ScenarioError, confined_file, format_errors, load_scenario, nested, resolve_named,
                        suggest)
from ..tomlfiles import read_toml

FIELDS = {f"policy.{r['name']}": r for r in describe(Policy)} | {f"context.{r['name']}": r for r in describe(Context)}


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    min: float | None = None
    max: float | None = None
    steps: int = Field(3, ge=2, le=1000)
    values: list[float | int | bool | str] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Range:
        if self.values is not None:
            if self.min is not None or self.max is not None:
                raise ValueError("give either min/max or values, not both")
            if not self.values:
                raise ValueError("values is empty")
        elif self.min is None or self.max is None:
            raise ValueError("needs min and max (or values)")
        elif not self.min < self.max:
            raise ValueError(f"empty range: min {self.min} must be below max {self.max}")
        return self

    @property
    def bounds(self) -> tuple[float, float]:
        """min and max of a range given by them (not by values)."""
        if self.min is None or self.max is None:
            raise ValueError(f"a range of values ({excerpt(self.values)}) has no min and max")
        return self.min, self.max


class DiscoverySpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    outcome: str
    above: float


class RunSpec(BaseModel):
    """What every experiment file says about the runs it makes: its name, the scenario and
    population, months, warm-up, scale, replications and seed (sweeps and optimisations share these)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$", max_length=MAX_NAME_CHARS)
    scenario: str = "baseline"
    population: str = "small_town"
    months: int = Field(60, ge=MONTHS.low, le=MONTHS.high)
    warmup: int = Field(DEFAULT_WARMUP, ge=WARMUP.low, le=WARMUP.high)
    scale: float = Field(1.0, gt=0, le=1)
    replications: int = Field(1, ge=REPLICATIONS.low, le=REPLICATIONS.high)
    seed: int = Field(1, ge=SEED.low, le=SEED.high)


class SweepSpec(RunSpec):
    design: Literal["grid", "lhs", "sobol", "posterior"] = "grid"
    samples: int = Field(16, ge=1, le=1_000_000)
    outcomes: list[str] = Field(default_factory=list)
    series: bool = False
    posterior: str | None = None
    posterior_draws: int = Field(0, ge=POSTERIOR.low, le=POSTERIOR.high)  # joint draws at every point (draws.py)
    against: str | None = None  # sensitivity of crossed experiments: each policy's effect against this scenario
    parameters: dict[str, Range] = Field(default_factory=dict)
    uncertainties: dict[str, Range] = Field(default_factory=dict)
    levers: dict[str, Range | list[str]] = Field(default_factory=dict)
    method: Literal["sobol", "morris"] = "sobol"
    discovery: DiscoverySpec | None = None

    @property
    def crossed(self) -> bool:
        """Uncertainties crossed with levers (rather than one design over [parameters])."""
        return bool(self.uncertainties or self.levers) or self.design == "posterior"

    @property
    def sampled(self) -> dict[str, Range]:
        """The ranges the design samples: [parameters], or the [uncertainties] of crossed experiments."""
        return self.uncertainties if self.crossed else self.parameters

    @property
    def lever_ranges(self) -> dict[str, Range]:
        return {k: v for k, v in self.levers.items() if isinstance(v, Range)}

    @property
    def lever_scenarios(self) -> list[str]:
        """Named scenarios among the levers (their policy tables), if any."""
        scenarios = self.levers.get("scenarios", [])
        return list(scenarios) if isinstance(scenarios, list) else []  # the checks refuse anything else

    @property
    def varied(self) -> list[str]:
        """Every parameter that varies, uncertainties first."""
        return [*self.sampled, *self.lever_ranges]

    @model_validator(mode="after")
    def _check(self) -> SweepSpec:
        if self.crossed:
            _check_crossed(self)
        elif not self.parameters:
            raise ValueError("[parameters] is empty: name at least one parameter to vary "
                             "(or [uncertainties] and [levers] for crossed experiments)")
        for path, rng in self.sampled.items():
            check_parameter(path, rng, self.design)
        unknown = [o for o in self.outcomes if o not in OUTCOME_INDEX]
        if self.discovery and self.discovery.outcome not in OUTCOME_INDEX:
            unknown.append(self.discovery.outcome)
        if unknown:
            raise ValueError(f"unknown outcome(s) {excerpt(unknown)}{suggest(unknown[0], list(OUTCOME_INDEX))}; "
                             "`evictsim outcomes` lists them")
        if self.design == "sobol" and self.samples & (self.samples - 1):
            raise ValueError(f"samples = {self.samples}: the sobol design needs a power of two (e.g. 16, 32, 64)")
        if self.against is not None and self.against not in self.lever_scenarios:
            raise ValueError(f"against = {excerpt(self.against)}: must be one of levers.scenarios "
                             f"({excerpt(self.lever_scenarios)}), the policy each other one is compared with")
        if self.posterior_draws == 1:
            raise ValueError("posterior_draws = 1: one draw cannot show parameter uncertainty; use 0 (the "
                             "calibrated point) or at least 2")
        check_runs(self.design, count_points(self), self.replications, self.posterior_draws, contexts_vary(self))
        return self


def _check_crossed(spec: SweepSpec) -> None:
    if spec.parameters:
        raise ValueError("give [parameters] (one design over them all) or [uncertainties] and [levers] "
                         "(crossed experiments), not both")
    if spec.design == "posterior" and spec.uncertainties:
        raise ValueError('design = "posterior" draws the uncertainties from the posterior sample: '
                         "leave [uncertainties] out")
    for path, lever in spec.levers.items():
        if path == "scenarios":
            if not isinstance(lever, list) or not lever:
                raise ValueError("levers.scenarios: give a list of scenario names, "
                                 'e.g. ["baseline", "ombudsman-legal-aid"]')
        elif isinstance(lever, Range):
            check_parameter(path, lever, "grid")  # levers are always crossed with each other
        else:
            raise ValueError(f"levers.{path}: give {{ values = [...] }} or {{ min, max, steps }}")
        if path in spec.uncertainties:
            raise ValueError(f"{path}: both an uncertainty and a lever; choose one")


def count_points(spec: SweepSpec) -> int:
    """How many points the spec has (every policy times every point of the uncertainties when
    crossed), counted without building them."""
    sampled = _grid_size(spec.sampled) if spec.design == "grid" else spec.samples
    return sampled * count_policies(spec)


def count_policies(spec: SweepSpec) -> int:
    """How many policies crossed experiments compare (1 for a design over [parameters])."""
    return max(1, len(spec.lever_scenarios)) * _grid_size(spec.lever_ranges) if spec.crossed else 1


def describe_plan(spec: SweepSpec) -> str:
    """The plan's size in one line, counted from the spec before anything is built, e.g.
    "crossed: 24 runs (3 points x 4 policies x 2 replications), design lhs"."""
    policies = count_policies(spec)
    parts = [f"{count_points(spec) // policies:,} points", *([f"{policies:,} policies"] if spec.crossed else []),
             *([f"{spec.posterior_draws:,} posterior draws"] if spec.posterior_draws else []),
             f"{spec.replications:,} replications"]
    runs = count_points(spec) * max(1, spec.posterior_draws) * spec.replications
    return f"{spec.name}: {runs:,} runs ({' x '.join(parts)}), design {spec.design}"


def _grid_size(ranges: dict[str, Range]) -> int:
    return math.prod(len(r.values) if r.values is not None else r.steps for r in ranges.values())


def contexts_vary(spec: SweepSpec) -> bool:
    """Whether the points' scenarios differ in context parameters (each then holds a context of its own)."""
    return spec.design == "posterior" or spec.posterior_draws > 0 or any(n.startswith("context.") for n in spec.varied)


def check_runs(what: str, points: int, replications: int, draws: int = 0, contexts: bool = True) -> None:
    """Refuse a design of more than RUNS.high runs, or one whose plan would not fit in memory
    (sim.limits.check_plan), before any of it is built. `points` counts every policy's points;
    each runs in max(1, `draws`) posterior draws of `replications` runs."""
    scenarios = points * max(1, draws)
    runs = scenarios * replications
    per_point = (f"{draws:,} posterior draws x " if draws else "") + f"{replications:,} replications"
    if runs > RUNS.high:
        raise ValueError(f"the {what} design has {points:,} points x {per_point} = {runs:,} runs; at most "
                         f"{RUNS.high:,} are allowed")
    check_plan(f"the {what} design ({points:,} points x {per_point})", runs, plan_bytes(scenarios, runs, contexts),
               "use fewer points or posterior draws; more replications of a point cost little")


def check_parameter(path: str, rng: Range, design: str) -> None:
    """Refuse an unknown (or renamed) parameter, a values list outside the grid design, and a range
    outside the parameter's declared bounds."""
    row = FIELDS.get(path)
    if row is None and path in RENAMED:
        raise ValueError(f"unknown parameter {excerpt(path)}: {RENAMED[path]}")
    if row is None:
        same_leaf = [p for p in FIELDS if p.rsplit(".", 1)[-1] == path.rsplit(".", 1)[-1]]
        hint = f" (did you mean {same_leaf[0]}?)" if same_leaf else suggest(path, list(FIELDS))
        raise ValueError(f"unknown parameter {excerpt(path)}{hint}; `evictsim params` lists them")
    if rng.values is not None:
        if design != "grid":
            raise ValueError(f"{path}: values lists are for the grid design; {design} needs min and max")
        return
    if isinstance(row["default"], bool) or not isinstance(row["default"], (int, float)):
        raise ValueError(f"{path}: not numeric; give values = [...] instead of a range")
    low, high = row["min"], row["max"]
    if (low is not None and rng.min < low) or (high is not None and rng.max > high):
        raise ValueError(f"{path}: range {rng.min}..{rng.max} is outside the allowed {low}..{high}")


def load_spec(path: str | Path) -> SweepSpec:
    """Read and validate a sweep file; errors name the file, the field and the value."""
    path = Path(path)
    raw = read_toml(path)
    raw.setdefault("name", path.stem)
    try:
        return SweepSpec.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), "", SweepSpec, err)) from None


def base_scenario(spec: SweepSpec, spec_path: str | Path | None = None) -> Scenario:
    """The scenario every point starts from; a sweep file's `scenario` may point where `extends` may."""
    if spec_path is None:
        return load_scenario(spec.scenario)
    return load_scenario(resolve_named(spec.scenario, Path(spec_path), "scenario"))


def population_of(spec: SweepSpec, spec_path: str | Path | None = None) -> str:
    """The spec's population; a profile or municipalities file that a sweep file names is taken
    relative to that file and must lie in its folder or below it."""
    return population_named(spec.population, spec_path)


def population_named(population: str, spec_path: str | Path | None = None) -> str:
    """`population = ...` of a sweep or optimisation file: a profile or municipalities file is
    taken relative to that file and must lie in its folder or below it; anything else as it is."""
    if spec_path is None or not population.endswith((".toml", ".csv")):
        return population
    return str(confined_file(population, Path(spec_path), "population"))


def design_points(spec: SweepSpec) -> list[dict[str, Any]]:
    """The values of every point of the design (over `spec.sampled`), in a fixed order."""
    return grid_points(spec.sampled) if spec.design == "grid" else _sampled_points(spec)


def grid_points(ranges: dict[str, Range]) -> list[dict[str, Any]]:
    """Every combination of the ranges' values (one empty point if there are no ranges)."""
    names = list(ranges)
    return [dict(zip(names, combo)) for combo in itertools.product(*(_grid_axis(ranges[n]) for n in names))]


def _sampled_points(spec: SweepSpec) -> list[dict[str, Any]]:
    # here, not at import: scipy.stats takes half a second to import, and `evictsim run` reaches
    # this module without ever sampling
    from scipy.stats import qmc

    names = list(spec.sampled)
    if not names:
        return [{}]
    unit = (qmc.LatinHypercube(d=len(names), seed=spec.seed).random(spec.samples) if spec.design == "lhs"
            else qmc.Sobol(d=len(names), scramble=True, seed=spec.seed).random(spec.samples))
    return [_scaled(names, spec, row) for row in unit]


def _grid_axis(rng: Range) -> list[Any]:
    if rng.values is not None:
        return list(rng.values)
    low, high = rng.bounds
    return [float(v) for v in np.linspace(low, high, rng.steps)]


def _scaled(names: list[str], spec: SweepSpec, row: np.ndarray) -> dict[str, Any]:
    bounds = {n: spec.sampled[n].bounds for n in names}
    return {n: float(bounds[n][0] + u * (bounds[n][1] - bounds[n][0])) for n, u in zip(names, row)}


def apply_point(base: Scenario, values: dict[str, Any], name: str) -> Scenario:
    """The base scenario with a design point's values (integers rounded for integer fields)."""
    def typed(path: str, value: Any) -> Any:
        default = FIELDS[path]["default"]
        return round(value) if isinstance(default, int) and not isinstance(default, bool) else value

    return base.override(nested({path: typed(path, v) for path, v in values.items()}), name)
