"""`evictsim calibrate --check`: does the shipped calibration still fit this model?

A calibration belongs to the model code it was fitted to (`model` in calibrated.toml). When the
code has changed since, the check re-simulates the baseline on the calibrated point, with
the calibration's own settings (population, scale, horizon, warm-up) and a few seeds, and
compares the distance to the targets with the tolerance the last generation's particles had to
beat. That takes seconds, against half an hour for a new calibration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..provenance import model_fingerprint
from ..scenario import load_scenario
from .calibrate import FOLDER, Settings, _read
from .sweep import execute, make_task
from .sweep_spec import apply_point
from .targets import Target, distance, load_targets

SEEDS = 4  # replications of the calibrated point: the distance's noise is then well below the tolerance's steps


@dataclass(frozen=True)
class Check:
    """The result: the distance now against the last generation's tolerance, per target the value now."""

    fits: bool
    distance: float
    tolerance: float
    fitted_model: str
    model: str
    targets: pd.DataFrame

    def report(self) -> str:
        same = "the same model" if self.fitted_model == self.model else \
            f"model {self.fitted_model or '(not recorded)'}; this is model {self.model}"
        lines = [f"calibration fitted to {same}",
                 f"distance to the targets at the calibrated point: {self.distance:.2f} "
                 f"(the last generation's tolerance: {self.tolerance:.2f})"]
        lines += [f"  {r.target:<44}{r.simulated:>14,.3g}  band [{r.band_low:,.3g}, {r.band_high:,.3g}]  "
                  f"{'in band' if r.in_band else 'OUTSIDE'}" for r in self.targets.itertuples()]
        lines.append(self.verdict())
        return "\n".join(lines)

    def verdict(self) -> str:
        """One sentence that agrees with the table above it: the distance's verdict (what the exit
        status follows) and how many targets lie outside their band."""
        outside = self.targets[~self.targets.in_band]
        of = f"{len(outside)} of {len(self.targets)} targets"
        if not self.fits:
            return (f"the calibration no longer fits: the distance is above the tolerance and {of} lie outside their "
                    "band; run `evictsim calibrate` (about half an hour on 2 cores)")
        if outside.empty:
            return f"the calibration still fits: the distance is within the tolerance and all {len(self.targets)} " \
                   "targets lie in their band"
        return (f"the distance is within the tolerance, so the calibration fits as well as its last generation did, "
                f"but {of} lie outside their band ({', '.join(outside.target[:5])}): the distance weighs all "
                "targets together and accepts misses; calibration/report.md shows the fit the calibration had")


def check(folder: str | Path = FOLDER, workers: int = 0, seeds: int = SEEDS) -> Check:
    """Re-simulate the calibrated baseline with the calibration's settings and judge its fit."""
    folder = Path(folder)
    settings = Settings.model_validate(_read(folder / "settings.toml"))
    record = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
    targets = [t for t in load_targets(folder / "targets.csv") if t.kind == "fit"]
    yearly = _simulate(settings, record["estimate"], workers, seeds)
    now = distance(targets, yearly)
    tolerance = float(record["generations"][-1]["tolerance"])
    return Check(now <= tolerance, now, tolerance, record.get("model", ""), model_fingerprint(),
                 _target_table(targets, yearly))


def accept_for_this_model(folder: str | Path, result: Check) -> None:
    """Record that a calibration which still fits belongs to this model: its model fingerprint and
    the check (date, distance, tolerance) in calibration.json, and calibrated.toml written again
    with the same estimates. Only after a check that fits."""
    from datetime import date

    from .calibrate import calibrated_toml

    if not result.fits:
        raise ValueError("the calibration no longer fits this model; run `evictsim calibrate`")
    folder = Path(folder)
    record = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
    record["settings"] = Settings.model_validate(_read(folder / "settings.toml")).model_dump()
    record["model"] = result.model
    record.setdefault("checks", []).append({"date": date.today().isoformat(), "model": result.model,
                                            "distance": round(result.distance, 4),
                                            "tolerance": round(result.tolerance, 4)})
    (folder / "calibration.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    (folder / "calibrated.toml").write_text(calibrated_toml(record["estimate"], record), encoding="utf-8")


def _simulate(settings: Settings, estimate: dict[str, float], workers: int, seeds: int) -> pd.DataFrame:
    """Yearly outcomes of the baseline on the calibration's estimate (the folder's own, which for
    calibration/ is what the baseline extends), one row per seed."""
    baseline = apply_point(load_scenario("baseline"), estimate, "calibrated-baseline")
    runs = settings.run_settings(replications=seeds)
    tasks = [make_task(baseline, {}, runs, seed, replication=r) for r, seed in enumerate(runs.replication_seeds)]
    rows: list[dict] = []
    execute(tasks, workers, None, rows.append)
    return pd.DataFrame(rows).drop(columns="run_id")


def _target_table(targets: list[Target], yearly: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for t in targets:
        values = t.simulated(yearly)
        value = float(np.nanmean(values)) if np.isfinite(values).any() else float("nan")
        rows.append({"target": t.name, "simulated": value, "band_low": t.low, "band_high": t.high,
                     "in_band": bool(t.low <= value <= t.high)})
    return pd.DataFrame(rows)
