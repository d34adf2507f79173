"""What a scenario runs with: its parameter values next to the defaults, and for the parameters its
calibration fitted, the posterior's median and 5-95 % range.

Read generically from whatever the scenario's calibration holds (calibrated.toml's `posterior`
file, with one column per calibrated parameter), so a recalibration that fits other parameters
needs no change here. Sweeps use it to warn when a swept range lies outside the calibrated
world (`outside_posterior`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..scenario import Scenario, flatten
from .draws import POSTERIOR_EXTRA, parameter_rows, posterior_file
from .sweep_spec import SweepSpec, base_scenario

LOW, HIGH = 0.05, 0.95  # the posterior range shown and checked: 5-95 %
MOSTLY_OUTSIDE = 0.5    # a swept range more than half outside it is warned about


class PosteriorRangeWarning(UserWarning):
    """A swept range lies outside what the calibration supports."""


@dataclass(frozen=True)
class PosteriorRange:
    """A calibrated parameter's weighted posterior: median and 5-95 % range, and the file it came from."""

    median: float
    low: float
    high: float
    source: str


def posterior_ranges(scenario: Scenario) -> dict[str, PosteriorRange]:
    """The scenario's calibrated parameters by dotted name ({} for a scenario without a posterior)."""
    path, _ = posterior_file(scenario)
    if path is None:
        return {}
    frame = pd.read_csv(path)
    weights = frame["weight"].to_numpy(float) if "weight" in frame else np.ones(len(frame))
    ranges = {}
    for name in frame.columns:
        if name not in POSTERIOR_EXTRA:
            median, low, high = _weighted_quantiles(frame[name].to_numpy(float), weights, (0.5, LOW, HIGH))
            ranges[name] = PosteriorRange(median, low, high, str(path))
    return ranges


def _weighted_quantiles(values: np.ndarray, weights: np.ndarray, qs: tuple[float, ...]) -> tuple[float, ...]:
    """Quantiles of a weighted sample (linear between the midpoints of each value's weight)."""
    order = np.argsort(values)
    v, w = values[order], weights[order] / weights.sum()
    midpoints = np.cumsum(w) - w / 2
    return tuple(float(np.interp(q, midpoints, v)) for q in qs)


def scenario_rows(scenario: Scenario) -> list[dict[str, Any]]:
    """Every declared parameter (as `evictsim params` lists them) with `value`, what the scenario
    runs, and for calibrated parameters `posterior` (a PosteriorRange)."""
    values = flatten(scenario.parameters())
    ranges = posterior_ranges(scenario)
    return [{**row, "value": values.get(row["name"], row["default"]), "posterior": ranges.get(row["name"])}
            for row in parameter_rows()]


def outside_posterior(ranges: dict[str, tuple[float, float]], scenario: Scenario) -> list[str]:
    """One sentence per swept range (dotted name -> min, max) of a calibrated parameter that lies
    mostly (more than MOSTLY_OUTSIDE of its width) outside the 5-95 % range of the scenario's
    posterior: results there describe a world the calibration does not support. A range around
    the posterior (wider on both sides) is fine: that is how one asks what the calibration's
    uncertainty does."""
    calibrated = posterior_ranges(scenario)
    notes = []
    for name, (low, high) in ranges.items():
        p = calibrated.get(name)
        share = _share_outside(low, high, p.low, p.high) if p else 0.0
        if p is not None and share > MOSTLY_OUTSIDE:
            notes.append(f"{name}: {share:.0%} of the range {low:.4g}-{high:.4g} lies outside the calibrated "
                         f"posterior's 5-95 % range {p.low:.4g}-{p.high:.4g} (median {p.median:.4g}, {p.source}); "
                         "results there describe a world the calibration does not support. `evictsim params "
                         f"--scenario {scenario.name}` shows the calibrated values")
    return notes


def _share_outside(low: float, high: float, p_low: float, p_high: float) -> float:
    """The share of [low, high] outside [p_low, p_high] (1 for a single value outside it)."""
    if high <= low:
        return float(not p_low <= low <= p_high)
    inside = max(0.0, min(high, p_high) - max(low, p_low))
    return 1 - inside / (high - low)


def check_posterior_ranges(spec: SweepSpec, spec_path: str | Path | None = None) -> list[str]:
    """Warn (PosteriorRangeWarning) about swept ranges mostly outside the base scenario's calibrated
    posterior (see `calibrated.outside_posterior`); returns the warnings."""
    return warn_outside_posterior(swept_spans(spec), base_scenario(spec, spec_path))


def swept_spans(spec: SweepSpec) -> dict[str, tuple[float, float]]:
    """The numeric span of every varied parameter (for the check against the calibrated posterior)."""
    spans = {name: numeric_span(rng) for name, rng in {**spec.sampled, **spec.lever_ranges}.items()}
    return {name: span for name, span in spans.items() if span is not None}


def warn_outside_posterior(ranges: dict[str, tuple[float, float]], scenario: Scenario) -> list[str]:
    """`outside_posterior`, each sentence also issued as a PosteriorRangeWarning; returns them."""
    notes = outside_posterior(ranges, scenario)
    for text in notes:
        warnings.warn(text, PosteriorRangeWarning, stacklevel=3)
    return notes


def numeric_span(rng: Any) -> tuple[float, float] | None:
    """A sweep Range's min and max, or its numeric values' (None for booleans and names)."""
    if rng.values is None:
        return rng.bounds
    numbers = [v for v in rng.values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return (min(numbers), max(numbers)) if numbers else None


def scenario_params_lines(scenario: Scenario, markdown: bool = False) -> list[str]:
    """`evictsim params --scenario`: per parameter its default, what the scenario runs (marked * where
    it differs) and, for calibrated parameters, the posterior's 5-95 % range."""
    lines = ([f"| parameter | default | {scenario.name} | posterior 5-95 % | unit |", "|---|---|---|---|---|"]
             if markdown else [f"{'parameter':<56} {'default':>12} {scenario.name:>14}  {'posterior 5-95 %':<22} unit"])
    for r in scenario_rows(scenario):
        changed = "*" if r["value"] != r["default"] else " "
        p = r["posterior"]
        span = f"{p.low:.4g}-{p.high:.4g}" if p else ""
        if markdown:
            lines.append(f"| `{r['name']}` | {r['default']} | {r['value']}{changed.strip()} | {span} | {r['unit']} |")
        else:
            lines.append(f"{r['name']:<56} {_text(r['default']):>12} {_text(r['value']):>13}{changed}  {span:<22} "
                         f"{r['unit']}")
    lines.append(f"* {scenario.name} runs another value than the default (its files: {', '.join(scenario.files)})")
    return lines


def _text(value: Any) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)
