"""Policy comparison: every scenario against the baseline, on the same seeds.

Each replication of a scenario uses the same seed as the baseline's replication of that number,
and the model's random streams give each household the same luck in both (common random
numbers). The difference per replication is therefore paired, and its spread shows the policy's
effect rather than the noise between two unrelated runs. With posterior draws, every scenario
also runs in the same plausible worlds (draws.py), and the intervals say how much of the
uncertainty is parameters and how much noise (sim/uncertainty.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..comparison import Comparison
from ..intervals import covers_parameters, covers_sentence
from ..limits import check_compared
from ..pathway.outcomes import HEADLINE, OUTCOMES, Outcome
from ..results_io import write_comparison_files
from ..run_folder import Holding, replacing
from ..runner import RunResult, yearly_by_replication
from ..scenario import Scenario, load_scenario
from ..settings import RunSettings
from ..uncertainty import LEVEL, covers, spread, verdict
from .runs import run_scenarios


def compare(baseline: Scenario | str, scenarios: list[Scenario | str] | Scenario | str, posterior: int = 0,
            workers: int | None = None, **settings: Any) -> Comparison:
    """Run the baseline and each scenario (one, or a list) with the same seeds; pair their yearly
    outcomes. `settings` are those of `sim.run` (population, months, replications, seed, ...).

    With `posterior` N (at least 2), every scenario runs in the same N joint draws of the
    uncertain parameters (the baseline's calibration posterior and the lever effect sizes), on
    `workers` processes; the intervals then cover parameter uncertainty and noise."""
    if isinstance(scenarios, (str, Path, Scenario)):
        scenarios = [scenarios]  # one scenario, not a list of its characters
    check_compared([str(s) for s in [baseline, *scenarios] if not isinstance(s, Scenario)], "argument")
    loaded = [s if isinstance(s, Scenario) else load_scenario(s) for s in [baseline, *scenarios]]
    check_compared([s.name for s in loaded], "scenario name")
    return pair(run_scenarios(loaded, RunSettings(posterior=posterior, workers=workers, **settings)))


def pair(runs: dict[str, RunResult]) -> Comparison:
    """The comparison of runs made on the same seeds (and in the same posterior draws), the
    baseline first: e.g. runs cached one scenario at a time, as the dashboard keeps them."""
    base = next(iter(runs))
    _check_paired(runs)
    draws = runs[base].meta.get("posterior", {}).get("draws", 1)
    yearly = {name: _by_draw(yearly_by_replication(r.monthly), draws) for name, r in runs.items()}
    rows = [_row(name, o, yearly[name][o.name], yearly[base][o.name], name == base)
            for name in runs for o in OUTCOMES]
    meta = {"baseline": base, "scenarios": list(runs)[1:], "level": LEVEL,
            "uncertainty": covers(draws, len(runs[base].meta["replication_seeds"])),
            "runs": {name: r.meta for name, r in runs.items()}}
    if "posterior" in runs[base].meta:
        meta["posterior"] = runs[base].meta["posterior"]
    return Comparison(pd.DataFrame(rows), runs, meta)


def _check_paired(runs: dict[str, RunResult]) -> None:
    """Refuse runs that do not share their seeds and draws: their differences would not be paired."""
    def world(r: RunResult) -> tuple:
        p = r.meta.get("posterior", {})
        return tuple(r.meta["replication_seeds"]), p.get("draws"), p.get("seed"), p.get("posterior")
    base, *others = runs
    for name in others:
        if world(runs[name]) != world(runs[base]):
            raise ValueError(f"{name} and {base} were not run on the same seeds and posterior draws; "
                             "run them with the same seed, replications and posterior")


def _by_draw(yearly: pd.DataFrame, draws: int) -> dict[str, np.ndarray]:
    """Each outcome's yearly values as an array [draw, replication] (runs are numbered draw-major)."""
    return {name: yearly[name].to_numpy().reshape(draws, -1) for name in yearly.columns}


def _row(name: str, outcome: Outcome, values: np.ndarray, base: np.ndarray, is_base: bool) -> dict[str, Any]:
    level = spread(values)
    diff = values - base
    change = spread(diff)
    floor = min(-max(float(np.mean(base)), 0.0), change.mean)  # the mean itself may round just below it
    return {"scenario": name, "outcome": outcome.name, "label": outcome.label, "unit": outcome.unit,
            "kind": outcome.kind, "mean": level.mean, "low": _at_least(level.low, 0.0), "high": level.high,
            "low_noise": _at_least(level.low_noise, 0.0), "high_noise": level.high_noise,
            "diff": change.mean, "diff_low": _at_least(change.low, floor), "diff_high": _at_least(change.high, floor),
            "diff_low_noise": _at_least(change.low_noise, floor),
            "diff_high_noise": _at_least(change.high_noise, floor),
            "diff_parameters_share": change.parameters_share,
            "verdict": "baseline" if is_base else verdict(diff, change.low, change.high)}


def _at_least(value: float, bound: float) -> float:
    """An interval's end kept within what is possible: every outcome counts people, cases or euros,
    so no level is below zero and no difference below minus the baseline's level (a change below
    -100 %). A t-interval over a few replications can reach past that; it is cut at the bound
    (nan, for one replication, stays nan). The verdict is taken before the cut, which moves no
    end across zero."""
    return value if np.isnan(value) or value >= bound else bound


def format_table(comparison: Comparison, outcomes: tuple[str, ...] = HEADLINE) -> str:
    """A plain-text table per scenario: level, difference with its 90 % interval (and the noise-only
    one, with posterior draws), the verdict, and a sentence on what the intervals cover."""
    table = comparison.table
    base = comparison.meta["baseline"]
    both = covers_parameters(comparison.meta)
    lines = []
    for name in comparison.meta["scenarios"]:
        lines.append(f"{name} vs {base} (per year)")
        lines.append(f"{'outcome':<28}{base:>14}{name[:14]:>16}{'difference':>14}  {'90 % interval':<24}"
                     + (f"{'noise only':<24}" if both else "") + "verdict")
        for outcome in outcomes:
            b = table[(table.scenario == base) & (table.outcome == outcome)].iloc[0]
            r = table[(table.scenario == name) & (table.outcome == outcome)].iloc[0]
            noise = f"{_span(r['diff_low_noise'], r['diff_high_noise']):<24}" if both else ""
            lines.append(f"{outcome:<28}{_fmt(b['mean']):>14}{_fmt(r['mean']):>16}{_fmt(r['diff'], True):>14}  "
                         f"{_span(r['diff_low'], r['diff_high']):<24}{noise}{r['verdict']}")
        lines.append("")
    lines.append(covers_sentence(comparison.meta))
    if not both:
        lines.append("Add --posterior N to include what we do not know about the parameters (README, "
                     "\"What the intervals cover\").")
    return "\n".join(lines)


def _span(low: float, high: float) -> str:
    return "" if np.isnan(low) else f"[{_fmt(low)}, {_fmt(high)}]"


def _fmt(value: float, signed: bool = False) -> str:
    text = f"{value:+,.0f}" if signed else f"{value:,.0f}"
    return text if abs(value) >= 10 or value == 0 else (f"{value:+,.1f}" if signed else f"{value:,.1f}")


def write_comparison(comparison: Comparison, out: str | Path, force: bool = False,
                     extra: Callable[[Path], None] | None = None) -> list[Path]:
    """comparison.parquet and comparison.json, plus each scenario's run in its own subfolder,
    written as one unit (sim.run_folder): the same comparison in `out` is replaced whole, any
    other result there is refused unless `force`. `extra(folder)` may add files (the command
    line's figures) before the folder is put in place."""
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    with replacing(out, Holding("comparison", "+".join(names)), force) as folder:
        write_comparison_files(comparison, folder)
        if extra is not None:
            extra(folder)
    return [Path(out) / "comparison.parquet", Path(out) / "comparison.json"]
