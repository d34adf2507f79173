"""Outcomes by municipality: the events behind the national figures, counted where the household
lives, per reported year.

The national outcome table (outcomes.py) stays the reference; these tallies count the same events
at the same places in the pathway, so that their sum over municipalities is the national figure.
Cohort counts (evicted households followed up for a year) let a share be computed per
municipality over its own cohort, e.g. the chance that an evicted family has a child separated:
the scorecard's spread between municipalities (sim.scorecard.spread_between_municipalities).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

LOCAL_OUTCOMES: dict[str, str] = {
    "signals": "Early signals (arrears)",
    "help_accepted": "Help accepted after a signal",
    "debt_help_started": "Debt help started",
    "summonses": "Summonses",
    "evictions": "Evictions",
    "evictions_with_children": "Evictions of families with children",
    "children_evicted": "Children evicted",
    "cohort_evictions": "Evictions followed up for a year",
    "cohort_evictions_homeless": "... of which homeless or children separated in the year after",
    "cohort_family_evictions": "Family evictions followed up for a year",
    "cohort_family_evictions_separated": "... of which a child was separated from the parents",
    "cohort_family_evictions_in_view": "... of which with alternative housing in view",
    "lettings_urgent_homeless": "Corporation lettings to homeless households with urgency or from a shelter",
    "lettings_regular": "Corporation lettings to regular applicants",
    "regular_wait_months_total": "Months the regular applicants let to had waited, summed (divide by their lettings)",
}
INDEX = {name: k for k, name in enumerate(LOCAL_OUTCOMES)}


class ByMunicipality:
    """Counts per reported year, municipality and outcome (simulated households, not scaled)."""

    def __init__(self, municipalities: int, months: int, warmup: int) -> None:
        self.warmup = warmup
        years = max(1, -(-(months - warmup) // 12))
        self.counts = np.zeros((years, municipalities, len(LOCAL_OUTCOMES)), np.int64)

    def add(self, t: int, name: str, municipalities: np.ndarray) -> None:
        """One event for each entry of `municipalities` (a municipality index per household)."""
        if t < self.warmup or municipalities.size == 0:
            return
        year = (t - self.warmup) // 12
        self.counts[year, :, INDEX[name]] += np.bincount(municipalities, minlength=self.counts.shape[1])

    def add_counts(self, t: int, name: str, counts: np.ndarray) -> None:
        """`counts[m]` events in municipality m."""
        if t < self.warmup:
            return
        self.counts[(t - self.warmup) // 12, :, INDEX[name]] += counts

    def frame(self, replication: int, profiles: list, factor: float) -> pd.DataFrame:
        """One row per municipality and reported year; counts scaled to the real population
        (`factor` = 1 / scale) and households as the real municipality has them."""
        years, munis, _ = self.counts.shape
        frame = pd.DataFrame(self.counts.reshape(years * munis, -1) * factor, columns=list(LOCAL_OUTCOMES))
        frame.insert(0, "households", np.tile([p.households for p in profiles], years))
        frame.insert(0, "region", pd.Categorical(np.tile([p.region or p.name for p in profiles], years)))
        frame.insert(0, "type", pd.Categorical(np.tile([p.kind for p in profiles], years)))
        frame.insert(0, "municipality", pd.Categorical(np.tile([p.name for p in profiles], years)))
        frame.insert(0, "year", np.repeat(np.arange(years, dtype=np.int32), munis))
        frame.insert(0, "replication", np.int32(replication))
        return frame
