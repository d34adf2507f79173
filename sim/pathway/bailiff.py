"""Phase 7: from eviction order to execution, and the moratorium.

Most eviction orders are never executed [AE05][AE20][KB4]: while an execution waits, a tenant in
arrears may pay or agree with the landlord, and any tenant may hand in the keys or leave [AE14b].
These are monthly chances, so a longer wait (a later date, a queue at the bailiffs, a moratorium)
changes how many orders end in an eviction. On the date the bailiffs execute the orders due,
earliest first, as far as their capacity for the month goes; the rest wait.

Under a housing duty a family is evicted only with alternative housing in view: when the
municipality has no unit free, the execution waits (the landlord loses the rent meanwhile),
until a unit frees up or is built.

A moratorium holds the executions of the households it protects (all or families; tenants of
all landlords, corporations or private landlords) in its months, and can stop summonses too.
While an execution is held, tenants and landlords settle less often than usual (an assumption
with a range: context.bailiff.stop_settle_factor). Held executions go to the bailiffs when the
stop ends, within their capacity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from .courts import ARREARS, ORDERED
from .idsets import within_capacity

if TYPE_CHECKING:
    from .model import EvictionModel


class Bailiff(mesa.Agent):
    """The bailiffs serving all municipalities of the run: a monthly capacity per municipality."""

    def __init__(self, model: EvictionModel) -> None:
        super().__init__(model)
        self.credit = np.zeros(len(model.municipalities))  # by municipality: executions it can do
        self.sizes = np.array([muni.block.size for muni in model.municipalities], float)
        self.waiting_housing = 0  # family executions waiting for alternative housing, this month

    def covers(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Which of `ids` a moratorium protects in simulation month `t`."""
        mor = self.model.policy.moratorium
        report = t - self.model.warmup
        in_period = mor.from_month <= report <= mor.to_month
        if mor.scope == "none" or not in_period or (mor.calendar_months and (report % 12) + 1 not in mor.calendar_months):
            return np.zeros(ids.size, bool)
        hh = self.model.households
        covered = hh.families(ids) if mor.scope == "families" else np.ones(ids.size, bool)
        if mor.landlords != "all":
            covered &= hh.private[ids] == (mor.landlords == "private")
        return covered

    def summonses_paused(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Which of `ids` landlords may not summon now (a moratorium that pauses summonses)."""
        if not self.model.policy.moratorium.pause_summonses:
            return np.zeros(ids.size, bool)
        return self.covers(t, ids)

    def step(self, t: int) -> None:
        m = self.model
        hh = m.households
        court = m.courts
        ordered = court.open[hh.case_stage[court.open] == ORDERED]
        held = self.covers(t, ordered)
        waited = hh.case_since[ordered] < t
        self._settle_or_leave(t, ordered[waited], held[waited])
        ordered, held = ordered[hh.case_stage[ordered] == ORDERED], held[hh.case_stage[ordered] == ORDERED]
        due = hh.case_due[ordered] <= t
        m.outcomes.add("executions_postponed", int((due & held & (hh.case_due[ordered] == t)).sum()))
        ready, in_view = self._housing_duty(t, ordered[due & ~held])
        self._execute(t, ready, in_view)

    def _housing_duty(self, t: int, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Under the duty, families go only when an alternative unit is free for them; the others wait.
        Returns the executions that can go ahead and which of them have a unit in view."""
        m = self.model
        hh = m.households
        family = hh.families(ids) & m.local.lever("housing_duty.families_duty", hh.municipality[ids])
        if not family.any():
            self.waiting_housing = 0
            return ids, np.zeros(ids.size, bool)
        keep = ~family
        for muni in np.unique(hh.municipality[ids[family]]).tolist():
            mine = np.flatnonzero(family & (hh.municipality[ids] == muni))
            mine = mine[np.argsort(hh.case_due[ids[mine]], kind="stable")]
            keep[mine[:max(m.places[(muni, "alternative")].free, 0)]] = True
        waiting = ids[~keep]
        self.waiting_housing = waiting.size
        m.outcomes.add("executions_waiting_housing_months", waiting.size)
        m.outcomes.add_cost("landlord", float(hh.rent[waiting].sum(dtype=np.float64)))
        return ids[keep], family[keep]

    def _settle_or_leave(self, t: int, ids: np.ndarray, held: np.ndarray) -> None:
        m = self.model
        hh, b = m.households, m.context.bailiff
        factor = np.where(held, b.stop_settle_factor, 1.0)
        hids = hh.hid[ids]
        settles = (hh.case_cause[ids] == ARREARS) & (m.streams.draws("settle", t, hids) < b.settle_per_month * factor)
        m.courts.close(t, ids[settles], "settled_after_verdict", repaid=True)
        rest = ~settles
        leaves = rest & (m.streams.draws("leave", t, hids) < b.leave_per_month * factor)
        self._depart(t, ids[leaves], executed=False)

    def _execute(self, t: int, ids: np.ndarray, in_view: np.ndarray) -> None:
        """Execute the orders due, earliest first, within each municipality's capacity."""
        m = self.model
        hh = m.households
        rate = m.context.bailiff.capacity_per_10k_per_month
        viewed = set(ids[in_view].tolist())
        order = ids[np.lexsort((ids, hh.case_due[ids]))]
        monthly = rate * self.sizes / 10_000
        self.credit = np.minimum(self.credit + monthly, 2 * monthly + 1)
        executed = order[within_capacity(hh.municipality[order], self.credit)]
        m.outcomes.set("executions_waiting_capacity", ids.size - executed.size)
        self._depart(t, executed, executed=True, in_view=np.array([s in viewed for s in executed.tolist()], bool))

    def _depart(self, t: int, ids: np.ndarray, executed: bool, in_view: np.ndarray | None = None) -> None:
        """The household leaves its home: evicted by the bailiff, or gone before the date."""
        m = self.model
        if ids.size == 0:
            return
        hh = m.households
        causes, aid = hh.case_cause[ids].copy(), hh.case_aid[ids].copy()
        m.courts.close(t, ids, "executed" if executed else "left_before_execution")
        m.displacement.displace(t, ids, executed, causes, aid, in_view)
