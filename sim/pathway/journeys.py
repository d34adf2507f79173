"""Individual journeys: event logs for a sample of households, to tell their story.

Two samples: households followed from the day they move in (a random share of first and new
tenants, so that the sample keeps its size as tenants come and go), and households that reach
court, followed from the summons on (all of them in a municipality, a share nationally, to bound
memory). For a household followed from court on, the summons entry records what happened
before: when its arrears began, whether it was signalled and helped. Events are keyed by the
household id, which a household keeps when it is evicted and rehoused elsewhere.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FOLLOW_BUDGET = 100_000  # households-worth of court-stage following per run (memory bound)


class Journeys:
    """Collects events (month, household id, event, detail) for the followed households."""

    def __init__(self, households, sample_size: int, streams) -> None:
        self.hh = households
        self.streams = streams
        self.sample_share = min(1.0, sample_size / max(1, households.size))
        self.follow_share = min(1.0, FOLLOW_BUDGET / max(1, households.size))
        self.followed: set[int] = set()
        self.who: dict[int, tuple[int, int, bool]] = {}  # household id -> (composition, children, private)
        self._bulk: list[tuple[int, np.ndarray, str]] = []
        self._rows: list[tuple[int, int, str, str]] = []

    def sample(self, slots: np.ndarray, hids: np.ndarray | None = None) -> None:
        """Decide which households that just moved into `slots` (`hids`: their ids, if known) are
        followed from now on."""
        hids = self.hh.hid[slots] if hids is None else hids
        chosen = self.streams.draws("journey_sample", 0, hids) < self.sample_share
        self.hh.followed[slots] = chosen
        for slot in slots[chosen].tolist():
            self._remember(slot)

    def follow_at_court(self, slots: np.ndarray) -> np.ndarray:
        """Start following the summoned households in `slots` whose draw falls in the follow share
        and who are not followed yet; returns their slots."""
        hh = self.hh
        fresh = slots[~hh.followed[slots]]
        fresh = fresh[self.streams.draws("journey_follow", 0, hh.hid[fresh]) < self.follow_share]
        for slot in fresh.tolist():
            self._remember(slot)
        hh.followed[fresh] = True
        return fresh

    def _remember(self, slot: int) -> None:
        hh = self.hh
        hid = int(hh.hid[slot])
        self.followed.add(hid)
        self.who[hid] = (int(hh.composition[slot]), int(hh.children[slot]), bool(hh.private[slot]))

    def log_many(self, event: str, t: int, slots: np.ndarray) -> None:
        """Log one event for every followed household living in `slots` (vectorised phases)."""
        chosen = slots[self.hh.followed[slots]]
        if chosen.size:
            self._bulk.append((t, self.hh.hid[chosen], event))

    def is_logged(self, hid: int) -> bool:
        return hid in self.followed

    def log(self, t: int, hid: int, event: str, detail: str = "") -> None:
        if hid in self.followed:
            self._rows.append((t, int(hid), event, detail))

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
