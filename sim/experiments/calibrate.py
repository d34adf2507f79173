"""Calibration by ABC-SMC: which context parameters reproduce the Dutch figures, with what spread.

Approximate Bayesian computation with sequential Monte Carlo (Toni et al. 2009; Beaumont et al.
2009): draw parameter sets from the prior (calibration/parameters.toml), simulate the baseline
on a scaled national population, and keep those whose distance to the targets
(calibration/targets.csv, `fit` rows) is below a tolerance that tightens each generation. The
last generation is a weighted sample of the posterior. Every simulation goes through the
sweep's results store, and every random choice is seeded, so an interrupted calibration replays
to where it stopped without simulating anything twice.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from ..limits import check_setting, workers_bound
from ..provenance import code_fingerprint, git_commit, model_fingerprint, version
from ..scenario import ScenarioError, load_scenario
from ..settings import RunSettings
from ..tomlfiles import read_toml
from .store import ResultStore, run_id
from .sweep import Task, execute, make_task
from .sweep_spec import FIELDS, apply_point
from .targets import DEFAULT_TARGETS, distance, load_targets

FOLDER = DEFAULT_TARGETS.parent


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    population: str = "national"
    scale: float = Field(0.02, gt=0, le=1)
    months: int = Field(24, ge=12)
    warmup: int = Field(24, ge=0)
    particles: int = Field(48, ge=4)
    generations: int = Field(5, ge=1)
    batch: int = Field(32, ge=1)
    quantile: float = Field(0.5, gt=0, lt=1)
    seed: int = Field(2023, ge=0)

    def run_settings(self, replications: int = 1) -> RunSettings:
        """What every simulation of the calibration shares (each particle is run with its own seed)."""
        return RunSettings(population=self.population, months=self.months, warmup=self.warmup, scale=self.scale,
                           seed=self.seed, replications=replications, journey_sample=0)


class Prior(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    min: float
    max: float
    log: bool = False
    reason: str


@dataclass
class Generation:
    number: int
    tolerance: float
    particles: np.ndarray   # transformed space (log where Prior.log)
    distances: np.ndarray
    weights: np.ndarray
    simulations: int


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path)  # within sim.limits; a ScenarioError naming the file otherwise


def load_priors(path: Path) -> dict[str, Prior]:
    priors = {}
    for name, raw in _read(path).items():
        if name not in FIELDS or not name.startswith("context."):
            raise ScenarioError(f"{path}: [{name}]: not a context parameter (see `evictsim params`)")
        prior = Prior.model_validate(raw)
        row = FIELDS[name]
        if not prior.min < prior.max or (row["min"] is not None and prior.min < row["min"]) or \
                (row["max"] is not None and prior.max > row["max"]) or (prior.log and prior.min <= 0):
            raise ScenarioError(f"{path}: [{name}]: bounds {prior.min}..{prior.max} are empty or outside "
                                f"the allowed {row['min']}..{row['max']}")
        priors[name] = prior
    return priors


class Calibration:
    """One ABC-SMC calibration set up from a folder (settings, priors, targets)."""

    def __init__(self, folder: str | Path = FOLDER, workers: int = 0, progress: bool = True) -> None:
        check_setting("workers", workers, workers_bound())
        self.folder = Path(folder)
        self.settings = Settings.model_validate(_read(self.folder / "settings.toml"))
        self.runs = self.settings.run_settings()
        self.priors = load_priors(self.folder / "parameters.toml")
        self.targets = load_targets(self.folder / "targets.csv")
        self.names = list(self.priors)
        self.low = np.array([self._t(n, p.min) for n, p in self.priors.items()])
        self.high = np.array([self._t(n, p.max) for n, p in self.priors.items()])
        self.workers, self.progress = workers, progress
        self.base = load_scenario("baseline")
        identity = self._identity()
        # A cache per identity: new settings, targets or model code start a fresh folder and
        # leave earlier runs where they are.
        self.store = ResultStore(self.folder / "runs" / run_id(identity), identity)
        self.cache: dict[str, dict[str, Any]] = {}
        self.simulated = 0  # runs simulated by this object; the others were read from the store

    def _identity(self) -> dict[str, Any]:
        """What the stored runs depend on. Not the number of generations: the first generations
        of a longer calibration are the same runs (every choice is seeded), so more generations
        extend a finished calibration instead of starting again."""
        settings = self.settings.model_dump(exclude={"generations"})
        return {"settings": settings, "priors": {n: p.model_dump() for n, p in self.priors.items()},
                "targets": (self.folder / "targets.csv").read_text(encoding="utf-8"),
                "code": code_fingerprint()}

    def _t(self, name: str, value: float) -> float:
        return float(np.log(value)) if self.priors[name].log else float(value)

    def values(self, particle: np.ndarray) -> dict[str, float]:
        """Model parameter values of a particle (back from the transformed space)."""
        return {n: float(np.exp(x)) if self.priors[n].log else float(x) for n, x in zip(self.names, particle)}

    # -- simulation -----------------------------------------------------------------------
    def _task(self, particle: np.ndarray, seed: int) -> Task:
        values = self.values(particle)
        scenario = apply_point(self.base, values, "calibration")
        return make_task(scenario, values, self.runs, seed)

    def evaluate(self, particles: np.ndarray, seeds: np.ndarray) -> list[dict[str, Any]]:
        """Simulate each particle once (or read it from the store); yearly outcomes per particle."""
        tasks = [self._task(p, int(seed)) for p, seed in zip(particles, seeds)]
        self._load_stored([t.run_id for t in tasks])
        todo = [t for t in {t.run_id: t for t in tasks}.values() if t.run_id not in self.cache]
        self.simulated += len(todo)

        def keep(row: dict[str, Any]) -> None:
            self.store.write(row)
            self.cache[row["run_id"]] = row
        execute(todo, self.workers, None, keep)
        return [self.cache[t.run_id] for t in tasks]

    def _load_stored(self, ids: list[str]) -> None:
        for rid in ids:
            row = self.store.read(rid) if rid not in self.cache else None
            if row is not None:
                self.cache[rid] = row

    def distances(self, rows: list[dict[str, Any]]) -> np.ndarray:
        return np.array([distance(self.targets, pd.DataFrame([r])) for r in rows])

    # -- ABC-SMC ----------------------------------------------------------------------------
    def first_generation(self) -> Generation:
        rng = np.random.default_rng([self.settings.seed, 0])
        n = self.settings.particles
        particles = self.low + rng.random((n, len(self.names))) * (self.high - self.low)
        dist = self.distances(self.evaluate(particles, rng.integers(0, 2**31, n)))
        return Generation(0, float("inf"), particles, dist, np.full(n, 1 / n), n)

    def next_generation(self, prev: Generation) -> Generation:
        tolerance = float(np.quantile(prev.distances, self.settings.quantile))
        # The perturbation kernel's covariance: twice that of the last generation's particles
        # [Beaumont 2009], taken unweighted. Any fixed kernel gives valid importance weights; one from
        # the weighted covariance collapses onto the few heaviest particles once the weights grow
        # uneven (in 17 dimensions they do), and its proposals then make the weights more uneven still.
        cov = 2 * np.atleast_2d(np.cov(prev.particles.T))
        accepted: list[np.ndarray] = []
        dists: list[float] = []
        sims = round_ = 0
        while len(accepted) < self.settings.particles and sims < 50 * self.settings.particles:
            rng = np.random.default_rng([self.settings.seed, prev.number + 1, round_])
            proposals = self._propose(rng, prev, cov, self.settings.batch)
            d = self.distances(self.evaluate(proposals, rng.integers(0, 2**31, len(proposals))))
            sims, round_ = sims + len(proposals), round_ + 1
            for p, di in zip(proposals, d):
                if di <= tolerance and len(accepted) < self.settings.particles:
                    accepted.append(p)
                    dists.append(di)
            self._say(f"generation {prev.number + 1}: {len(accepted)}/{self.settings.particles} accepted "
                      f"at tolerance {tolerance:.2f}, {sims} simulations")
        particles = np.array(accepted)
        return Generation(prev.number + 1, tolerance, particles, np.array(dists),
                          self._weights(particles, prev, cov), sims)

    def _propose(self, rng: np.random.Generator, prev: Generation, cov: np.ndarray, n: int) -> np.ndarray:
        out: list[np.ndarray] = []
        while len(out) < n:
            parent = prev.particles[rng.choice(len(prev.particles), p=prev.weights)]
            candidate = rng.multivariate_normal(parent, cov)
            if np.all(candidate >= self.low) and np.all(candidate <= self.high):
                out.append(candidate)
        return np.array(out)

    def _weights(self, particles: np.ndarray, prev: Generation, cov: np.ndarray) -> np.ndarray:
        """Importance weights: uniform prior over the kernel mixture of the previous generation."""
        inv = np.linalg.pinv(cov)
        diff = particles[:, None, :] - prev.particles[None, :, :]
        kernel = np.exp(-0.5 * np.einsum("ijk,kl,ijl->ij", diff, inv, diff))
        w = 1 / (kernel @ prev.weights)
        return w / w.sum()

    def run(self) -> list[Generation]:
        generations = [self.first_generation()]
        self._say(f"generation 0: {self.settings.particles} draws from the prior, "
                  f"median distance {np.median(generations[0].distances):.2f}")
        for _ in range(1, self.settings.generations):
            generations.append(self.next_generation(generations[-1]))
        if self.progress:
            sys.stderr.write("\n")
        return generations

    def _say(self, text: str) -> None:
        if self.progress:
            sys.stderr.write(f"\r{text}   ")
            sys.stderr.flush()

    # -- results ----------------------------------------------------------------------------
    def posterior(self, last: Generation) -> pd.DataFrame:
        frame = pd.DataFrame([self.values(p) for p in last.particles])
        frame["weight"] = last.weights
        frame["distance"] = last.distances
        return frame

    def point_estimate(self, posterior: pd.DataFrame) -> dict[str, float]:
        """The weighted median of each parameter."""
        out = {}
        for name in self.names:
            order = np.argsort(posterior[name].to_numpy())
            cum = np.cumsum(posterior["weight"].to_numpy()[order])
            out[name] = float(posterior[name].to_numpy()[order][np.searchsorted(cum, 0.5)])
        return out

    def write(self, generations: list[Generation]) -> dict[str, Any]:
        posterior = self.posterior(generations[-1])
        posterior.to_csv(self.folder / "posterior.csv", index=False)
        estimate = self.point_estimate(posterior)
        record = {"date": date.today().isoformat(), "method": "ABC-SMC", "settings": self.settings.model_dump(),
                  "targets_file": "calibration/targets.csv",
                  "fit_targets": [t.name for t in self.targets if t.kind == "fit"],
                  "priors": {n: p.model_dump() for n, p in self.priors.items()},
                  "generations": [{"number": g.number, "tolerance": g.tolerance, "simulations": g.simulations,
                                   "median_distance": float(np.median(g.distances))} for g in generations],
                  "estimate": estimate, "version": version(), "commit": git_commit(), "code": code_fingerprint(),
                  "model": model_fingerprint(), "posterior": "posterior.csv"}
        (self.folder / "calibration.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
        (self.folder / "calibrated.toml").write_text(calibrated_toml(estimate, record), encoding="utf-8")
        if self.folder.resolve() != FOLDER.resolve():
            (self.folder / RECALIBRATED).write_text(RECALIBRATED_TOML, encoding="utf-8")
        return record


# A calibration elsewhere than calibration/ is not the baseline's; this scenario, written next to it,
# is the shipped baseline on it. `extends` resolves next to the file first, so "calibrated" is this
# folder's and wins over the baseline's own (later files win), and so does its posterior.
RECALIBRATED = "recalibrated.toml"
RECALIBRATED_TOML = """# Written by `evictsim calibrate`: the baseline (scenarios/baseline.toml) on the calibration in
# this folder (calibrated.toml and, for --posterior, posterior.csv). Extend it from a scenario
# file in this folder.
name = "recalibrated"
description = "The baseline on the calibration in this folder"
extends = ["baseline", "calibrated"]
"""


def calibrated_toml(estimate: dict[str, float], record: dict[str, Any]) -> str:
    """The parameter set the baseline extends: the posterior's weighted medians, or the point a
    search near them found to fit better (calibration_refine.py), with the record."""
    s = record["settings"]
    refined = record.get("refinement", {}).get("kept", False)
    what = ("Near the posterior medians (refined to fit the targets)" if refined else "Posterior medians")
    lines = ["# Written by `evictsim calibrate`; do not edit by hand (rerun the calibration instead).",
             f"# {record['date']}: ABC-SMC, {s['particles']} particles x {len(record['generations'])} generations,",
             f"# {s['population']} population at scale {s['scale']}, {s['months']} months after {s['warmup']} warm-up,",
             f"# targets: {record['targets_file']} ({len(record['fit_targets'])} fitted); details: calibration.json",
             'name = "calibrated"',
             f'description = "{what} of the ABC-SMC calibration of {record["date"]}"',
             f'calibration = {{ date = "{record["date"]}", method = "{record["method"]}", '
             f'code = "{record["code"]}", model = "{record["model"]}", posterior = "{record["posterior"]}" }}', ""]
    groups: dict[str, dict[str, float]] = {}
    for path, value in estimate.items():
        _, group, name = path.split(".")
        groups.setdefault(group, {})[name] = value
    for group, values in groups.items():
        lines.append(f"[context.{group}]")
        lines.extend(f"{name} = {value:.6g}" for name, value in values.items())
        lines.append("")
    return "\n".join(lines)
