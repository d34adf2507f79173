"""Policy comparison: every scenario against the baseline, on the same seeds.

Each replication of a scenario uses the same seed as the baseline's replication of that number,
and the model's random streams give each household the same luck in both (common random
numbers). The difference per replication is therefore paired, and its spread shows the policy's
effect rather than the noise between two unrelated runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
from scipy import stats

from ..pathway.outcomes import HEADLINE, OUTCOMES
from ..runner import RunResult, run, yearly_by_replication
from ..scenario import Scenario, load_scenario

LEVEL = 0.90


@dataclass(repr=False)
class Comparison:
    """Scenarios against a baseline on the same seeds.

    table: one row per scenario and outcome: level (`mean`, `low`, `high`, per year), the paired
        difference against the baseline (`diff`, `diff_low`, `diff_high`, at `meta["level"]`)
        and a `verdict` in words.
    runs: each scenario's `RunResult`, by scenario name.
    meta: baseline and scenario names, the interval level and each run's metadata.
    """

    table: pd.DataFrame
    runs: dict[str, RunResult] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"Comparison(baseline={self.meta.get('baseline')!r}, scenarios={self.meta.get('scenarios')}, "
                f"outcomes={self.table['outcome'].nunique() if 'outcome' in self.table else 0}, "
                f"level={self.meta.get('level')})")


def interval(values: np.ndarray, level: float = LEVEL) -> tuple[float, float, float]:
    """Mean and a t-based interval for the mean; (mean, nan, nan) for a single value."""
    mean = float(np.mean(values))
    if values.size < 2:
        return mean, float("nan"), float("nan")
    half = stats.t.ppf(0.5 + level / 2, values.size - 1) * np.std(values, ddof=1) / np.sqrt(values.size)
    return mean, mean - half, mean + half


def compare(baseline: Scenario | str, scenarios: list[Scenario | str] | Scenario | str, **settings: Any) -> Comparison:
    """Run the baseline and each scenario (one, or a list) with the same seeds; pair their yearly
    outcomes. `settings` are those of `sim.run` (population, months, replications, seed, ...)."""
    if isinstance(scenarios, (str, Path, Scenario)):
        scenarios = [scenarios]  # one scenario, not a list of its characters
    loaded = [s if isinstance(s, Scenario) else load_scenario(s) for s in [baseline, *scenarios]]
    runs = {s.name: run(s, **settings) for s in loaded}
    yearly = {name: yearly_by_replication(r.monthly) for name, r in runs.items()}
    base = loaded[0].name
    rows = [_row(name, o, yearly[name][o.name].to_numpy(), yearly[base][o.name].to_numpy(), name == base)
            for name in runs for o in OUTCOMES]
    meta = {"baseline": base, "scenarios": [s.name for s in loaded[1:]], "level": LEVEL,
            "runs": {name: r.meta for name, r in runs.items()}}
    return Comparison(pd.DataFrame(rows), runs, meta)


def _row(name: str, outcome, values: np.ndarray, base: np.ndarray, is_base: bool) -> dict[str, Any]:
    mean, low, high = interval(values)
    diff = values - base
    d_mean, d_low, d_high = interval(diff)
    return {"scenario": name, "outcome": outcome.name, "label": outcome.label, "unit": outcome.unit,
            "kind": outcome.kind, "mean": mean, "low": low, "high": high,
            "diff": d_mean, "diff_low": d_low, "diff_high": d_high,
            "verdict": "baseline" if is_base else _verdict(diff, d_low, d_high)}


def _verdict(diff: np.ndarray, low: float, high: float) -> str:
    if np.all(diff == 0):
        return "no change"
    if np.isnan(low):
        return "one replication: no interval"
    if low <= 0 <= high:
        return "within noise"
    return "lower" if high < 0 else "higher"


def format_table(comparison: Comparison, outcomes: tuple[str, ...] = HEADLINE) -> str:
    """A plain-text table per scenario: level, difference with its 90 % interval, and the verdict."""
    table = comparison.table
    base = comparison.meta["baseline"]
    lines = []
    for name in comparison.meta["scenarios"]:
        lines.append(f"{name} vs {base} (per year; 90 % intervals over paired replications)")
        lines.append(f"{'outcome':<28}{base:>14}{name[:14]:>16}{'difference':>14}  {'90 % interval':<24}verdict")
        for outcome in outcomes:
            b = table[(table.scenario == base) & (table.outcome == outcome)].iloc[0]
            r = table[(table.scenario == name) & (table.outcome == outcome)].iloc[0]
            span = "" if np.isnan(r["diff_low"]) else f"[{_fmt(r['diff_low'])}, {_fmt(r['diff_high'])}]"
            lines.append(f"{outcome:<28}{_fmt(b['mean']):>14}{_fmt(r['mean']):>16}{_fmt(r['diff'], True):>14}  "
                         f"{span:<24}{r['verdict']}")
        lines.append("")
    return "\n".join(lines)


def _fmt(value: float, signed: bool = False) -> str:
    text = f"{value:+,.0f}" if signed else f"{value:,.0f}"
    return text if abs(value) >= 10 or value == 0 else (f"{value:+,.1f}" if signed else f"{value:,.1f}")


def write_comparison(comparison: Comparison, out: str | Path, force: bool = False,
                     extra: Callable[[Path], None] | None = None) -> list[Path]:
    """comparison.parquet and comparison.json, plus each scenario's run in its own subfolder,
    written as one unit (sim.run_folder): the same comparison in `out` is replaced whole, any
    other result there is refused unless `force`. `extra(folder)` may add files (the command
    line's figures) before the folder is put in place."""
    from ..results_io import write_comparison_files
    from ..run_folder import Holding, replacing

    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    with replacing(out, Holding("comparison", "+".join(names)), force) as folder:
        write_comparison_files(comparison, folder)
        if extra is not None:
            extra(folder)
    return [Path(out) / "comparison.parquet", Path(out) / "comparison.json"]
