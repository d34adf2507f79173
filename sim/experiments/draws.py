"""Posterior draws: what we do not know, as joint parameter sets to run every scenario on.

A draw is one plausible world: the calibrated context parameters taken together from one
particle of the calibration's posterior sample (resampled by weight, so that correlations
between them are kept), and every lever effect size (parameters declared `effect=True`) drawn
from its prior. The same draw is applied to every scenario of a comparison, so that scenarios
stay paired within a draw; only what a scenario's own files set is left as the scenario says.

The priors of the uncalibrated context assumptions are not drawn: the calibration fitted its
parameters with those at their defaults, and drawing them without refitting would move the
baseline off its targets. Their influence is for the sensitivity analysis (`evictsim sensitivity`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ScenarioError
from ..limits import clip, excerpt, read_input
from ..parameters import Context, Policy, describe
from ..parameters.renamed import dotted_names
from ..scenario import CALIBRATION_DIR, Scenario
from ..tomlfiles import read_toml

DRAW_STREAM = 0xD4A3  # keeps the draws' random stream apart from the replications' seeds
LOG_RATIO = 10.0      # a prior spanning more than a factor 10 is drawn log-uniformly
POSTERIOR_EXTRA = ("weight", "distance")  # columns of posterior.csv that are not parameters

# Parameters without a prior on purpose: what-if settings a scenario chooses, not uncertain facts.
WHAT_IF_SETTINGS = (
    "policy.housing_duty.build_per_10k_per_year", "policy.moratorium.from_month", "policy.moratorium.to_month",
    "policy.rental_assistance.from_month", "policy.allocation.from_month",
    "context.cost_of_living.rent_growth_per_year", "context.cost_of_living.income_growth_per_year",
    "context.cost_of_living.energy_shock_factor", "context.cost_of_living.energy_shock_start_month",
    "context.cost_of_living.energy_shock_months",
)


@dataclass(frozen=True)
class Prior:
    """A parameter's range of plausible values; drawn uniformly, or log-uniformly over a wide range."""

    name: str
    low: float
    high: float
    integer: bool = False

    @property
    def log(self) -> bool:
        return self.low > 0 and self.high / self.low > LOG_RATIO

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.log:
            values = np.exp(rng.uniform(math.log(self.low), math.log(self.high), n))
        else:
            values = rng.uniform(self.low, self.high, n)
        return np.round(values) if self.integer else values


def parameter_rows() -> list[dict[str, Any]]:
    """Every declared parameter (`describe`), policy then context, with dotted names."""
    return describe(Policy, "policy.") + describe(Context, "context.")


def priors(effects_only: bool = False) -> dict[str, Prior]:
    """The declared priors by dotted name (only the lever effect sizes with `effects_only`)."""
    return {row["name"]: _prior(row) for row in parameter_rows()
            if row["prior"] and (row["effect"] or not effects_only)}


def _prior(row: dict[str, Any]) -> Prior:
    low, high = row["prior"]
    return Prior(row["name"], float(low), float(high), isinstance(row["default"], int))


def calibrated_priors(folder: Path = CALIBRATION_DIR) -> dict[str, tuple[float, float]]:
    """The calibration's priors (calibration/parameters.toml) by dotted name: min and max."""
    path = folder / "parameters.toml"
    return {name: (float(raw["min"]), float(raw["max"])) for name, raw in read_toml(path).items()} \
        if path.is_file() else {}


def uncertainty_of(row: dict[str, Any], calibrated: dict[str, tuple[float, float]]) -> str:
    """How a parameter's uncertainty enters results, in words (for `evictsim params` and the docs)."""
    if row["name"] in calibrated:
        low, high = calibrated[row["name"]]
        return f"calibrated (prior {_number(low)}-{_number(high)}): posterior draws"
    if not row["prior"]:
        return "what-if setting" if row["name"] in WHAT_IF_SETTINGS else ""
    low, high = row["prior"]
    if row["name"].startswith("context.costs."):  # drawn by the MKBA, not the simulation (cba_prices.py)
        return f"{_number(low)}-{_number(high)}: drawn in `evictsim cba --posterior`"
    return f"{_number(low)}-{_number(high)}" + (": drawn (effect size)" if row["effect"] else "")


def _number(value: float) -> str:
    return f"{value:,.4g}"


@dataclass(frozen=True)
class Draws:
    """N joint draws: `values[d]` maps dotted parameter names to the value of draw d."""

    values: list[dict[str, float]]
    seed: int
    posterior: str | None = None          # the calibration's posterior file, if any
    calibration: dict[str, Any] = field(default_factory=dict)
    effect_sizes: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        """Where the draws came from, for a result's metadata."""
        return {"draws": len(self.values), "seed": self.seed, "posterior": self.posterior,
                "calibration": {k: v for k, v in self.calibration.items() if k != "posterior"},
                "effect_sizes": list(self.effect_sizes),
                "calibrated": sorted(set(self.values[0]) - set(self.effect_sizes)) if self.values else []}


def posterior_draws(n: int, seed: int, scenario: Scenario) -> Draws:
    """`n` joint draws for the scenario's calibration (if it has a posterior) and the effect sizes."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, DRAW_STREAM]))
    path, calibration = posterior_file(scenario)
    values: list[dict[str, float]] = [{} for _ in range(n)]
    if path is not None:
        for d, particle in enumerate(resample(read_posterior(path), n, rng)):
            values[d].update(particle)
    effects = priors(effects_only=True)
    for name, prior in effects.items():
        for d, value in enumerate(prior.draw(rng, n)):
            values[d][name] = int(value) if prior.integer else float(value)
    return Draws(values, seed, str(path) if path else None, calibration, tuple(effects))


def read_posterior(path: Path) -> pd.DataFrame:
    """A posterior sample (as `evictsim calibrate` writes posterior.csv): one column per parameter,
    by dotted name, and optionally `weight` and `distance`; read within sim.limits and refused,
    naming the file, unless every parameter is declared and every value a finite number, with
    weights of at least 0 that are not all 0."""
    try:
        frame = pd.read_csv(io.BytesIO(read_input(path)))
    except (ValueError, UnicodeDecodeError) as err:  # pandas' parser errors are ValueErrors
        raise ScenarioError(f"{path}: not a posterior sample: {clip(str(err).splitlines()[0], 100)}") from None
    known = {row["name"] for row in parameter_rows()}
    unknown = [c for c in frame.columns if c not in known and c not in POSTERIOR_EXTRA]
    if unknown or frame.empty:
        raise ScenarioError(f"{path}: not a posterior sample (column {excerpt(unknown[0])} is not a parameter)"
                            if unknown else f"{path}: the posterior sample is empty")
    numbers = frame.apply(pd.to_numeric, errors="coerce")
    if not np.isfinite(numbers.to_numpy(float)).all():
        raise ScenarioError(f"{path}: every value of a posterior sample must be a finite number")
    weights = numbers["weight"] if "weight" in numbers else pd.Series(1.0, index=numbers.index)
    if (weights < 0).any() or weights.sum() <= 0:
        raise ScenarioError(f"{path}: weights must be 0 or more, and not all 0")
    return numbers.assign(weight=weights)


def resample(posterior: pd.DataFrame, n: int, rng: np.random.Generator) -> list[dict[str, float]]:
    """`n` particles drawn by weight (with replacement), as dotted name -> value."""
    names = [c for c in posterior.columns if c not in POSTERIOR_EXTRA]
    weights = posterior["weight"].to_numpy(float)
    rows = rng.choice(len(posterior), size=n, p=weights / weights.sum())
    return [{name: float(posterior[name].iloc[row]) for name in names} for row in rows]


def posterior_file(scenario: Scenario) -> tuple[Path | None, dict[str, Any]]:
    """The posterior sample the scenario's calibration points to (`posterior = "posterior.csv"` in
    calibrated.toml's `calibration` table), or None for a scenario without one."""
    for file in reversed(scenario.files):
        table = read_toml(Path(file)).get("calibration")
        if isinstance(table, dict) and table.get("posterior"):
            path = Path(file).parent / str(table["posterior"])
            if not path.is_file():
                raise FileNotFoundError(f"{file}: calibration.posterior = {table['posterior']!r}: no such file "
                                        f"{path}; rerun `evictsim calibrate`")
            return path, table
    return None, dict(scenario.calibration)


def own_settings(scenario: Scenario) -> set[str]:
    """Dotted names the scenario's own files set (a calibration's file excluded: its values are the
    medians that draws replace): a draw leaves them."""
    names: set[str] = set()
    for file in scenario.files:
        raw = read_toml(Path(file))
        if "calibration" not in raw:
            names |= set(dotted_names({k: v for k, v in raw.items() if k in ("policy", "context")}))
    return names


def apply_draw(scenario: Scenario, draw: dict[str, float], keep: Collection[str] = frozenset()) -> Scenario:
    """The scenario in the world of one draw: the draw's values except where the scenario sets its
    own (and except the names in `keep`, e.g. a sweep point's parameters)."""
    return in_draws(scenario, [draw], keep)[0]


def in_draws(scenario: Scenario, draws: list[dict[str, float]], keep: Collection[str] = frozenset()) -> list[Scenario]:
    """`apply_draw` for each of `draws`, reading the scenario's own files once."""
    kept = own_settings(scenario) | set(keep)
    worlds = []
    for draw in draws:
        changes = {name: value for name, value in draw.items() if name not in kept}
        worlds.append(scenario.override(changes, name=scenario.name) if changes else scenario)
    return worlds
