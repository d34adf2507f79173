"""The docket: court cases, shared by the court (courts.py), which opens and decides them, and the
bailiff (bailiff.py), which executes the orders.

A household has at most one open case, so a case lives in the household arrays (case_stage,
case_cause, case_due, case_since, case_aid, case_heard); the docket keeps the index of open cases
and of running conditional verdicts, and closes cases and orders evictions for both stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .households import NEVER
from .outcomes import CAUSES

if TYPE_CHECKING:
    from .world import World

NO_CASE, HEARING, ORDERED = 0, 1, 2
ARREARS, NUISANCE, DRUGS, LEASE_BREACH = (CAUSES.index(c) for c in ("arrears", "nuisance", "drugs", "lease_breach"))


class Docket:
    """The index of open cases and of running conditional verdicts."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.open = np.empty(0, np.int64)          # dwellings with an open case
        self.conditional = np.empty(0, np.int64)   # dwellings under a running conditional verdict

    @property
    def open_cases(self) -> int:
        return int(self.open.size)

    def ordered(self) -> np.ndarray:
        """Open cases with an eviction order (waiting for the bailiff)."""
        return self.open[self.world.households.case_stage[self.open] == ORDERED]

    def order_eviction(self, t: int, ids: np.ndarray, label: str | np.ndarray, breach: bool = False) -> None:
        """An eviction order, or a breached conditional verdict (no new verdict), goes to the bailiff."""
        w = self.world
        hh = w.households
        hh.case_stage[ids] = ORDERED
        hh.case_due[ids] = t + w.context.bailiff.execution_delay_months
        hh.case_since[ids] = t
        w.outcomes.add("executions_ordered", ids.size)
        if not breach:
            w.outcomes.add("eviction_orders", ids.size)
        for hid, text in zip(hh.hid[ids].tolist(), np.broadcast_to(label, ids.shape).tolist()):
            w.journeys.log(t, hid, "eviction_order", text)

    def close(self, t: int, ids: np.ndarray, outcome: str, repaid: bool = False, keep_aid: bool = False) -> None:
        """The case ends; `repaid`: the arrears were paid or settled, so the spell ends too."""
        w = self.world
        hh = w.households
        if ids.size == 0:
            return
        hh.case_stage[ids] = NO_CASE
        hh.case_due[ids] = NEVER
        if not keep_aid:
            hh.case_aid[ids] = False
        if repaid:
            owing = ids[hh.arrears[ids] > 0]
            w.outcomes.add("arrears_ended_court", owing.size)
            hh.end_spell(owing)
        self.open = self.open[hh.case_stage[self.open] != NO_CASE]
        w.outcomes.add(f"cases_{outcome}", ids.size)
        for hid, cause in zip(hh.hid[ids].tolist(), hh.case_cause[ids].tolist()):
            w.journeys.log(t, hid, outcome, CAUSES[cause])
