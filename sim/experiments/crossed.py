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
from collections.abc import Iterator

import numpy as np

from ..scenario import Scenario, ScenarioError, confined_file, load_scenario, resolve_named
from .draws import read_posterior, resample
from .sweep_spec import SweepSpec, apply_point, design_points, grid_points
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
                   points: list[dict[str, Any]] | None = None) -> Iterator[Point]:
    """Every point of the spec, one at a time: its design over [parameters], or every policy
    crossed with every point in the uncertainties. `points` replaces the design (a sensitivity
    analysis's sample)."""
    sampled = points if points is not None else uncertainty_points(spec, spec_path)
    if not spec.crossed:
        for i, values in enumerate(sampled):
            yield Point(None, i, values, apply_point(base, values, f"{spec.name}-{i}"))
        return
    for choice in policies(spec, base, spec_path):
        for i, values in enumerate(sampled):
            both = {**values, **choice.values}
            yield Point(choice.name, i, both, apply_point(choice.scenario, both, f"{spec.name}-{choice.name}-{i}"))


def policies(spec: SweepSpec, base: Scenario, spec_path: str | Path | None = None) -> list[Choice]:
    """Every combination of the named scenarios and the levers' values, in a fixed order."""
    named = [lever_scenario(n, base, spec_path) for n in spec.lever_scenarios] or [base]
    combos = grid_points(spec.lever_ranges)
    return [Choice(policy_name(scenario.name if spec.lever_scenarios or not combos[0] else "", combo),
                   combo, scenario) for scenario in named for combo in combos]


def lever_scenario(name: str, base: Scenario, spec_path: str | Path | None) -> Scenario:
    """A named scenario as a lever: its policy tables; its context must be the base scenario's. A
    sweep file's `levers.scenarios` may point where `extends` may."""
    scenario = (load_scenario(resolve_named(name, Path(spec_path), "levers.scenarios")) if spec_path
                else load_scenario(name))
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
    frame = read_posterior(_posterior_file(spec, spec_path))
    return resample(frame, spec.samples, np.random.default_rng([spec.seed, 7]))


def _posterior_file(spec: SweepSpec, spec_path: str | Path | None) -> Path:
    """The posterior sample to draw from: calibration/posterior.csv, or the spec's `posterior`, which
    a sweep file names relative to itself, in its folder (or below it) or in calibration/."""
    if spec.posterior is None:
        return DEFAULT_POSTERIOR
    if spec_path is None:
        return Path(spec.posterior)
    return confined_file(spec.posterior, Path(spec_path), "posterior", also=(DEFAULT_POSTERIOR.parent,))
