"""`sim.run`: a scenario's replications, on the calibrated point or in posterior draws.

On the medians the replications run one after another in this process (sim.runner); with
posterior draws every draw's replications run in parallel (propagate.py). Either way the result
is a `RunResult` for the real population.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..limits import DEFAULT_WARMUP
from ..runner import RunResult, run_replications
from ..scenario import Population, Scenario, load_scenario
from ..settings import RunSettings
from .propagate import posterior_runs


def run(scenario: Scenario | str | Path = "baseline", population: Population = "medium_town",
        months: int = 120, seed: int = 1, replications: int = 1, scale: float = 1.0,
        warmup: int = DEFAULT_WARMUP, journey_sample: int = 500, posterior: int = 0,
        workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Simulate `replications` runs of a scenario; results are for the real population.

    With `posterior` N (at least 2), the scenario runs in N joint draws of its uncertain
    parameters (sim.experiments.draws), each with the same `replications` seeds, on `workers`
    processes: the summary's intervals then cover parameter uncertainty and noise. Without it,
    the parameters are the calibrated point and the intervals cover noise only.
    `progress(done, total)` is called as each simulation (a replication in a draw) ends."""
    settings = RunSettings(population=population, months=months, warmup=warmup, replications=replications,
                           seed=seed, scale=scale, journey_sample=journey_sample, workers=workers,
                           posterior=posterior)
    loaded = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    return run_scenarios([loaded], settings, progress)[loaded.name]


def run_scenarios(scenarios: list[Scenario], settings: RunSettings,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, RunResult]:
    """Each scenario's runs on the same seeds, by name: one scenario after another at the calibrated point,
    or, with `settings.posterior`, all of them in the same draws at once (the first one's calibration).
    Refused before any run if what they keep in memory would not fit (RunSettings.check_kept)."""
    settings.check_kept(len(scenarios))
    if settings.posterior:
        return posterior_runs(scenarios, settings, progress)
    return {s.name: run_replications(s, settings, progress) for s in scenarios}
