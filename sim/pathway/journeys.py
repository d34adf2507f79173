"""Individual journeys: event logs for a sample of households, to tell their story.

Two samples: a random set of households whose every event is logged (from the first arrears
on), and households that reach court, followed from the summons on (all of them in a
municipality, a share nationally, to bound memory). For a followed household the summons entry
records what happened before: when its arrears began, whether it was signalled and helped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FOLLOW_BUDGET = 100_000  # households-worth of court-stage following per run (memory bound)


class Journeys:
    """Collects events (month, household, event, detail) for the sampled households."""

    def __init__(self, n_households: int, sample_size: int, rng: np.random.Generator) -> None:
        self.sampled = np.zeros(n_households, bool)
        self.sampled[rng.choice(n_households, min(sample_size, n_households), replace=False)] = True
        self.follow_share = min(1.0, FOLLOW_BUDGET / max(1, n_households))
        self.followed: set[int] = set()
        self._bulk: list[tuple[int, np.ndarray, str]] = []
        self._rows: list[tuple[int, int, str, str]] = []

    def log_many(self, event: str, t: int, ids: np.ndarray) -> None:
        """Log one event for every sampled household among `ids` (vectorised phases)."""
        chosen = ids[self.sampled[ids]]
        if chosen.size:
            self._bulk.append((t, chosen.copy(), event))

    def is_logged(self, household: int) -> bool:
        return bool(self.sampled[household]) or household in self.followed

    def follow(self, household: int, chance: float) -> bool:
        """Start following a household at court if its draw falls in the follow share."""
        if not self.sampled[household] and chance < self.follow_share:
            self.followed.add(household)
            return True
        return False

    def log(self, t: int, household: int, event: str, detail: str) -> None:
        if self.is_logged(household):
            self._rows.append((t, household, event, detail))

    def frame(self) -> pd.DataFrame:
        """All logged events, ordered by household and month."""
        rows = pd.DataFrame(self._rows, columns=["month", "household", "event", "detail"])
        sizes = [ids.size for _, ids, _ in self._bulk]
        bulk = pd.DataFrame({
            "month": np.repeat([t for t, _, _ in self._bulk], sizes),
            "household": np.concatenate([ids for _, ids, _ in self._bulk]) if sizes else np.empty(0, np.int64),
            "event": np.repeat(np.array([e for _, _, e in self._bulk], dtype=object), sizes),
            "detail": "",
        })
        frame = pd.concat([rows, bulk], ignore_index=True)
        frame = frame.astype({"month": "int32", "household": "int64"})
        return frame.sort_values(["household", "month"], kind="stable").reset_index(drop=True)
