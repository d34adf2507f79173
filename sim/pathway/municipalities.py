"""Phase 4: municipal early help.

A signalled household is reached by outreach (about 20 %), accepts help (35-39 % of those
reached) and joins the debt-help queue; the municipality starts as many cases a month as its
capacity allows. Help lowers missed payments (rent.py), pauses the summons (landlords.py) and
can put rent straight on benefits (direct rent payment).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import mesa
import numpy as np

from .households import family_ids

if TYPE_CHECKING:
    from .model import EvictionModel
    from .population import Block


class Municipality(mesa.Agent):
    """A municipality: its households (a block of ids), capacities, queue and shelters."""

    def __init__(self, model: "EvictionModel", index: int, block: "Block") -> None:
        super().__init__(model)
        self.index = index
        self.block = block
        self.queue: deque[int] = deque()
        self.help_credit = 0.0
        self.alternative_credit = 0.0

    @property
    def name(self) -> str:
        return self.block.profile.name

    def per_10k(self, rate: float) -> float:
        return rate * self.block.size / 10_000

    def accrue_capacity(self) -> None:
        """Monthly capacity; unused capacity of a month carries over, up to one month's worth."""
        pol = self.model.policy
        help_rate = self.per_10k(pol.debt_help.capacity_per_10k_per_month)
        self.help_credit = min(self.help_credit + help_rate, 2 * help_rate + 1)
        alt_rate = self.per_10k(pol.housing_duty.units_per_10k_per_month)
        self.alternative_credit = min(self.alternative_credit + alt_rate, 12 * alt_rate + 1)

    def take_alternative_unit(self, duty: bool) -> bool:
        """Alternative housing: always under a duty, else only while units are available."""
        if duty:
            return True
        if self.alternative_credit >= 1:
            self.alternative_credit -= 1
            return True
        return False


class EarlyHelp:
    """Outreach after a signal, acceptance, the debt-help queue and direct rent payment."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model

    def receive_signals(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        es = m.policy.early_signalling
        reach = np.full(ids.size, es.reach)
        accept = np.full(ids.size, es.acceptance)
        if es.home_visits_families:
            fam = family_ids(m.households, ids)
            reach[fam] += (1 - es.reach) / 2
            accept[fam] += (1 - es.acceptance) / 2
        is_reached = m.streams.draws("reach", t, ids) < reach
        reached = ids[is_reached]
        accepted = reached[m.streams.draws("accept", t, reached) < accept[is_reached]]
        m.outcomes.add("signals_reached", reached.size)
        m.outcomes.add("help_accepted", accepted.size)
        m.outcomes.add_cost("municipality", reached.size * m.context.costs.outreach_eur)
        m.journeys.log_many("reached", t, reached)
        m.journeys.log_many("help_accepted", t, accepted)
        self.enqueue(t, accepted)

    def enqueue(self, t: int, ids: np.ndarray) -> None:
        hh = self.model.households
        ids = ids[~hh.queued[ids] & ~hh.in_help(t, ids)]
        hh.queued[ids] = True
        for muni_index, hid in zip(hh.municipality[ids].tolist(), ids.tolist()):
            self.model.municipalities[muni_index].queue.append(hid)

    def step(self, t: int) -> None:
        for muni in self.model.municipalities:
            muni.accrue_capacity()
            started = self._intake(muni)
            self._start_help(t, np.array(started, dtype=np.int64))

    def _intake(self, muni: Municipality) -> list[int]:
        hh = self.model.households
        started: list[int] = []
        while muni.queue and muni.help_credit >= 1:
            hid = muni.queue.popleft()
            hh.queued[hid] = False
            if hh.housed[hid]:
                started.append(hid)
                muni.help_credit -= 1
        return started

    def _start_help(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        hh = m.households
        hh.help_until[ids] = t + m.policy.debt_help.duration_months
        hh.arrangement[ids[hh.arrears[ids] > 0]] = True  # debt help agrees a payment plan with the landlord
        on_benefits = ids[hh.on_benefits[ids]]
        direct = on_benefits[m.streams.draws("direct_payment", t, on_benefits) < m.policy.direct_rent_payment.uptake]
        hh.direct_payment[direct] = True
        m.outcomes.add("debt_help_started", ids.size)
        m.outcomes.add("direct_payment_started", direct.size)
        m.outcomes.add_cost("municipality", ids.size * m.context.costs.debt_help_eur)
        m.journeys.log_many("debt_help", t, ids)
        m.journeys.log_many("direct_rent_payment", t, direct)
