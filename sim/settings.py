"""A run's settings apart from its scenario: population, horizon, replications, seed, draws.

`RunSettings` is made once where a run starts (`sim.run`, `sim.compare`, the command line, a
sweep's or a calibration's plan) and checked there against sim.limits, so that everything
downstream can take it as it is. Errors name the setting as the user gave it: `months = 5` in
Python, `--months 5` on the command line (`prefix="--"`).
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from pathlib import Path

import numpy as np

from .limits import (DEFAULT_WARMUP, JOURNEYS, MONTHS, POSTERIOR, REPLICATIONS, SEED, WARMUP, check_households,
                     KEPT_BYTES_PER_JOURNEY, KEPT_BYTES_PER_VALUE, check_plan, check_setting, workers_bound)
from .pathway.by_municipality import LOCAL_OUTCOMES
from .pathway.outcomes import OUTCOMES
from .pathway.population import Profile
from .scenario import Population, resolve_population


@dataclass(frozen=True, kw_only=True)
class RunSettings:
    """How to run a scenario; results are always for the real population.

    population: a profile name, "national", a household count, a profile or municipalities file,
        or Profile objects (see sim.scenario.resolve_population); `profiles` holds its blocks.
    months: months reported, after `warmup` months simulated before month 0.
    replications: runs with their own seed, all derived from `seed` (`replication_seeds`).
    scale: the share of households simulated (0 to 1); results are scaled back up.
    journey_sample: households whose events are logged.
    workers: local processes for posterior runs (None: all cores).
    posterior: joint draws of the uncertain parameters (0: the calibrated point).
    """

    population: Population = "medium_town"
    months: int = 120
    warmup: int = DEFAULT_WARMUP
    replications: int = 1
    seed: int = 1
    scale: float = 1.0
    journey_sample: int = 500
    workers: int | None = None
    posterior: int = 0
    prefix: InitVar[str] = ""  # "--": errors name the settings as command-line options
    profiles: tuple[Profile, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self, prefix: str) -> None:
        self._check(prefix)
        profiles = resolve_population(self.population)
        check_households(sum(p.households for p in profiles), self.scale, self.population, prefix)
        object.__setattr__(self, "profiles", profiles)  # frozen: set once, here

    def _check(self, prefix: str) -> None:
        """Refuse settings outside sim.limits, naming the setting (with `prefix`), value and range."""
        bounded = (("months", self.months, MONTHS), ("replications", self.replications, REPLICATIONS),
                   ("warmup", self.warmup, WARMUP), ("seed", self.seed, SEED),
                   ("journeys", self.journey_sample, JOURNEYS), ("posterior", self.posterior, POSTERIOR))
        for name, value, bound in bounded:
            check_setting(name, value, bound, prefix)
        check_setting("workers", self.workers or 0, workers_bound(), prefix)
        if self.posterior == 1:
            setting = f"{prefix}posterior 1" if prefix else "posterior = 1"
            raise ValueError(f"{setting}: one draw cannot show parameter uncertainty; use 0 (the calibration's "
                             "medians) or at least 2 draws")
        scale = self.scale
        if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0 < scale <= 1:
            raise ValueError(f"{prefix}scale {scale!r}: must be above 0 and at most 1" if prefix
                             else f"scale = {scale!r}: must be above 0 and at most 1")

    def check_kept(self, scenarios: int, prefix: str = "") -> None:
        """Refuse to run `scenarios` with these settings if the results kept in memory until they
        are written (every run's monthly table, outcomes by municipality and journeys) would not
        fit within sim.limits.MAX_PLAN_BYTES."""
        runs = scenarios * max(1, self.posterior) * self.replications
        years = -(-self.months // 12)
        values = self.months * (len(OUTCOMES) + 3) + years * len(self.profiles) * (len(LOCAL_OUTCOMES) + 6)
        needed = runs * values * KEPT_BYTES_PER_VALUE + scenarios * self.replications * self.journey_sample * \
            KEPT_BYTES_PER_JOURNEY
        draws = f" x {prefix}posterior {self.posterior:,}" if self.posterior else ""
        what = f"{scenarios} scenario(s){draws} x {prefix}replications {self.replications:,}"
        check_plan(what, runs, needed, f"use fewer replications or draws, a shorter {prefix}months or fewer "
                                       f"{prefix}journeys; a sweep keeps each run on disk instead")

    @property
    def households(self) -> int:
        """Households of the real population."""
        return sum(p.households for p in self.profiles)

    @property
    def population_name(self) -> str:
        """The population as the user named it, or its blocks' names joined by "+" (Profile objects)."""
        if isinstance(self.population, (str, int, Path)):
            return str(self.population)
        return "+".join(p.name for p in self.profiles)

    @property
    def replication_seeds(self) -> list[int]:
        """Each replication's seed (the same in every scenario and posterior draw: runs are paired)."""
        return replication_seeds(self.seed, self.replications)


def replication_seeds(seed: int, replications: int) -> list[int]:
    """Independent seeds for each replication, derived from the run's one seed."""
    children = np.random.SeedSequence(seed).spawn(replications)
    return [int(c.generate_state(1, np.uint32)[0]) for c in children]
