"""Crossed experiments (the EMA Workbench's XLRM): every policy on every point in the uncertainties.

A policy is one named scenario's policy tables (or the base scenario's) with one combination of
the levers' values; a point is one draw of the uncertain parameters (a design over
[uncertainties], or draws from a calibration's posterior). Each (policy, point) is simulated
with the same replication seeds, so that policies are compared under the same luck.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..scenario import Scenario, ScenarioError, load_scenario, resolve_path
from .draws import POSTERIOR_EXTRA, resample
from .sweep_spec import FIELDS, SweepSpec, apply_point, design_points, grid_points
from .targets import DEFAULT_TARGETS

DEFAULT_POSTERIOR = DEFAULT_TARGETS.parent / "posterior.csv"


@dataclass(frozen=True)
class Choice:
    """One policy of a crossed experiment: its name, lever values and scenario (before the values)."""

    name: str
    values: dict[str, Any]
    scenario: Scenario


@dataclass(frozen=True)
class Point:
    """One planned (policy and) point: the values of the varied parameters and the scenario to run."""

    policy: str | None
    number: int
    values: dict[str, Any]
    scenario: Scenario


def planned_points(spec: SweepSpec, base: Scenario, spec_path: str | Path | None = None,
                   points: list[dict[str, Any]] | None = None) -> list[Point]:
    """Every point of the spec: its design over [parameters], or every policy crossed with every
    point in the uncertainties. `points` replaces the design (a sensitivity analysis's sample)."""
    sampled = points if points is not None else uncertainty_points(spec, spec_path)
    if not spec.crossed:
        return [Point(None, i, values, apply_point(base, values, f"{spec.name}-{i}"))
                for i, values in enumerate(sampled)]
    return [Point(choice.name, i, {**values, **choice.values},
                  apply_point(choice.scenario, {**values, **choice.values}, f"{spec.name}-{choice.name}-{i}"))
            for choice in policies(spec, base, spec_path) for i, values in enumerate(sampled)]


def policies(spec: SweepSpec, base: Scenario, spec_path: str | Path | None = None) -> list[Choice]:
    """Every combination of the named scenarios and the levers' values, in a fixed order."""
    where = Path(spec_path).parent if spec_path else None
    named = [lever_scenario(n, base, where) for n in spec.lever_scenarios] or [base]
    combos = grid_points(spec.lever_ranges)
    return [Choice(policy_name(scenario.name if spec.lever_scenarios or not combos[0] else "", combo),
                   combo, scenario) for scenario in named for combo in combos]


def lever_scenario(name: str, base: Scenario, where: Path | None) -> Scenario:
    """A named scenario as a lever: its policy tables; its context must be the base scenario's."""
    scenario = load_scenario(resolve_path(name, where)) if where else load_scenario(name)
    theirs, ours = scenario.context.model_dump(), base.context.model_dump()
    changed = [f"context.{group}.{key}" for group, values in theirs.items() for key, value in values.items()
               if ours[group][key] != value]
    if changed:
        raise ScenarioError(f"levers.scenarios: {name} changes {', '.join(changed[:3])}; a lever brings only its "
                            f"policy, so put context changes in the base scenario ({base.name}) or in [uncertainties]")
    return scenario


def policy_name(scenario: str, values: dict[str, Any]) -> str:
    """"ombudsman-legal-aid", "families_duty=true" or "baseline · families_duty=true"."""
    leaves = [path.rsplit(".", 1)[-1] for path in values]
    short = [leaf if leaves.count(leaf) == 1 else ".".join(path.rsplit(".", 2)[-2:])
             for path, leaf in zip(values, leaves)]
    settings = ", ".join(f"{label}={_text(v)}" for label, v in zip(short, values.values()))
    return " · ".join(part for part in (scenario, settings) if part)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return f"{value:g}" if isinstance(value, float) else str(value)


def uncertainty_points(spec: SweepSpec, spec_path: str | Path | None = None) -> list[dict[str, Any]]:
    """The design's points, or `samples` weighted draws from a posterior sample."""
    return posterior_points(spec, spec_path) if spec.design == "posterior" else design_points(spec)


def posterior_points(spec: SweepSpec, spec_path: str | Path | None = None) -> list[dict[str, Any]]:
    """Draws (with replacement, by weight, seeded) from a posterior.csv written by `evictsim calibrate`.
    More samples with the same seed keep the earlier draws, so a sweep grows."""
    path = _posterior_file(spec, spec_path)
    frame = pd.read_csv(path)
    unknown = [c for c in frame.columns if c not in FIELDS and c not in POSTERIOR_EXTRA]
    if unknown or frame.empty:
        raise ScenarioError(f"{path}: not a posterior sample (columns {unknown[:3]} are not parameters)" if unknown
                            else f"{path}: the posterior sample is empty")
    if "weight" not in frame:
        frame = frame.assign(weight=1.0)
    return resample(frame, spec.samples, np.random.default_rng([spec.seed, 7]))


def _posterior_file(spec: SweepSpec, spec_path: str | Path | None) -> Path:
    if spec.posterior is None:
        tries = [DEFAULT_POSTERIOR]
    else:
        given = Path(spec.posterior)
        tries = [given] if given.is_absolute() else [*([Path(spec_path).parent / given] if spec_path else []), given]
    for path in tries:
        if path.is_file():
            return path
    raise ScenarioError(f"posterior = {str(tries[-1])!r}: no such file; `evictsim calibrate` writes posterior.csv")
