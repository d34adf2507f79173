"""What `sim.compare` returns and `sim.results_io.read_comparison` reads back.

It lives below both: the comparison itself is made in sim/experiments/compare.py, and the file
layer must not import the experiments that write through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .runner import RunResult


@dataclass(repr=False)
class Comparison:
    """Scenarios against a baseline on the same seeds (and, with posterior draws, in the same worlds).

    table: one row per scenario and outcome: level (`mean`, `low`, `high`, per year), the paired
        difference against the baseline (`diff`, `diff_low`, `diff_high`: the total interval at
        `meta["level"]`; `diff_low_noise`, `diff_high_noise`: noise only; `diff_parameters_share`:
        the share of the difference's variance that is parameter uncertainty) and a `verdict`.
    runs: each scenario's `RunResult`, by scenario name.
    meta: baseline and scenario names, the interval level, `uncertainty` (what the intervals
        cover), `posterior` (where the draws came from, with draws) and each run's metadata.
    """

    table: pd.DataFrame
    runs: dict[str, RunResult] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"Comparison(baseline={self.meta.get('baseline')!r}, scenarios={self.meta.get('scenarios')}, "
                f"outcomes={self.table['outcome'].nunique() if 'outcome' in self.table else 0}, "
                f"level={self.meta.get('level')}, covers={self.meta.get('uncertainty', {}).get('covers')!r})")
