"""The bailiff: from eviction order to execution.

Most eviction orders are never executed [AE05][AE20][KB4]: while an execution waits, a tenant in
arrears may pay or agree with the landlord, and any tenant may hand in the keys or leave [AE14b].
These are monthly chances, so a longer wait (a later date, a queue at the bailiffs, a moratorium)
changes how many orders end in an eviction. On the date the bailiffs execute the orders due,
earliest first, as far as their capacity for the month goes; the rest wait.

Under a housing duty a family is evicted only with alternative housing in view: when the
municipality has no unit free, the execution waits (the landlord loses the rent meanwhile),
until a unit frees up or is built.

A moratorium (moratorium.py) holds the executions of the households it protects in its months.
While an execution is held, tenants and landlords settle less often than usual (an assumption
with a range: context.bailiff.stop_settle_factor). Held executions go to the bailiffs when the
stop ends, within their capacity.

The households that leave (before the date, or evicted) are returned as `Departures`;
EvictionModel.step hands them to displacement.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import mesa
import numpy as np

from .docket import ARREARS
from .idsets import within_capacity
from .moratorium import covers
from .costs import book_by_landlord

if TYPE_CHECKING:
    from .world import World


@dataclass(frozen=True)
class Departures:
    """Households that lost their home this month: `slots` (dwellings), each one's court case
    `causes` (outcomes.CAUSES index) and legal `aid`, whether the bailiff `executed` the order (else
    they left before the date) and, for executions, which had alternative housing `in_view`."""

    slots: np.ndarray
    causes: np.ndarray
    aid: np.ndarray
    executed: bool
    in_view: np.ndarray | None = None

    @classmethod
    def none(cls) -> Departures:
        empty = np.empty(0, np.int64)
        return cls(empty, empty, np.empty(0, bool), executed=False)


class Bailiff(mesa.Agent):
    """The bailiffs serving all municipalities of the run: a monthly capacity per municipality."""

    def __init__(self, model: mesa.Model, world: World) -> None:
        super().__init__(model)
        self.world = world
        self.credit = np.zeros(len(world.municipalities))  # by municipality: executions it can do
        self.sizes = np.array([muni.block.size for muni in world.municipalities], float)
        self.waiting_housing = 0  # family executions waiting for alternative housing, this month

    def settle_or_leave(self, t: int) -> Departures:
        """While an execution waits (from the month after the order), tenants in arrears may pay or
        agree with the landlord, and any tenant may leave: returns those who leave."""
        w = self.world
        hh = w.households
        ordered = w.docket.ordered()
        waited = ordered[hh.case_since[ordered] < t]
        return self._settle_or_leave(t, waited, covers(w, t, waited))

    def execute(self, t: int) -> Departures:
        """Executions due and not held, within the bailiffs' capacity (and under a housing duty only
        with alternative housing in view): returns the households evicted."""
        w = self.world
        hh = w.households
        ordered = w.docket.ordered()
        held = covers(w, t, ordered)
        due = hh.case_due[ordered] <= t
        w.outcomes.add("executions_postponed", int((due & held & (hh.case_due[ordered] == t)).sum()))
        ready, in_view = self._housing_duty(t, ordered[due & ~held])
        return self._execute(t, ready, in_view)

    def _housing_duty(self, t: int, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Under the duty, families go only when an alternative unit is free for them; the others wait.
        Returns the executions that can go ahead and which of them have a unit in view."""
        m = self.world
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
        book_by_landlord(m, "rent_forgone", waiting, hh.rent[waiting])
        return ids[keep], family[keep]

    def _settle_or_leave(self, t: int, ids: np.ndarray, held: np.ndarray) -> Departures:
        m = self.world
        hh, b = m.households, m.context.bailiff
        factor = np.where(held, b.stop_settle_factor, 1.0)
        hids = hh.hid[ids]
        settles = (hh.case_cause[ids] == ARREARS) & (m.streams.draws("settle", t, hids) < b.settle_per_month * factor)
        m.docket.close(t, ids[settles], "settled_after_verdict", repaid=True)
        rest = ~settles
        leaves = rest & (m.streams.draws("leave", t, hids) < b.leave_per_month * factor)
        return self._depart(t, ids[leaves], executed=False)

    def _execute(self, t: int, ids: np.ndarray, in_view: np.ndarray) -> Departures:
        """Execute the orders due, earliest first, within each municipality's capacity."""
        m = self.world
        hh = m.households
        rate = m.context.bailiff.capacity_per_10k_per_month
        viewed = set(ids[in_view].tolist())
        order = ids[np.lexsort((ids, hh.case_due[ids]))]
        monthly = rate * self.sizes / 10_000
        self.credit = np.minimum(self.credit + monthly, 2 * monthly + 1)
        executed = order[within_capacity(hh.municipality[order], self.credit)]
        m.outcomes.set("executions_waiting_capacity", ids.size - executed.size)
        return self._depart(t, executed, executed=True,
                            in_view=np.array([s in viewed for s in executed.tolist()], bool))

    def _depart(self, t: int, ids: np.ndarray, executed: bool, in_view: np.ndarray | None = None) -> Departures:
        """The household leaves its home: evicted by the bailiff, or gone before the date; its case closes."""
        m = self.world
        if ids.size == 0:
            return Departures.none()
        hh = m.households
        causes, aid = hh.case_cause[ids].copy(), hh.case_aid[ids].copy()
        m.docket.close(t, ids, "executed" if executed else "left_before_execution")
        return Departures(ids, causes, aid, executed, in_view)
