"""Phase 2: rent payment. A household that cannot pay rent after basic living costs builds
arrears; once it can, it repays part of them from its surplus.

Only households that can be short this month are looked at: those in an income shock, those
whose income is structurally below rent plus the part of basic costs they cannot cut, and those
with arrears to repay. That is a few percent of the population, so the monthly cost follows the
households in trouble, not all households.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .model import EvictionModel


class RentPayment:
    """Builds and repays arrears; remembers who missed rent this month for the landlords."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        self.cost_factor = 1.0
        self.structural = np.zeros(model.households.size, bool)
        self.missed = np.empty(0, np.int64)
        self.candidates_now = np.empty(0, np.int64)
        self._refresh_structural()

    def _cost_factor(self, t: int) -> float:
        c = self.model.context.cost_of_living
        in_shock = c.energy_shock_start_month <= t < c.energy_shock_start_month + c.energy_shock_months
        return c.energy_shock_factor if in_shock else 1.0

    def _refresh_structural(self) -> None:
        """Mark households short of money even without a shock (betaalrisico)."""
        hh = self.model.households
        coping = self.model.context.cost_of_living.coping_share
        self.structural = hh.income < hh.rent + hh.basic_cost * (coping * self.cost_factor)

    def _yearly_growth(self, t: int) -> None:
        c = self.model.context.cost_of_living
        if t == 0 or t % 12 or (c.rent_growth_per_year == 0 and c.income_growth_per_year == 0):
            return
        hh = self.model.households
        hh.rent *= np.float32(1 + c.rent_growth_per_year)
        hh.income *= np.float32(1 + c.income_growth_per_year)
        hh.basic_cost *= np.float32(1 + c.income_growth_per_year)
        self._refresh_structural()

    def candidates(self, t: int) -> np.ndarray:
        """Housed households that may be short or have arrears to repay."""
        hh = self.model.households
        mask = hh.shock_until > t
        mask |= hh.arrears > 0
        mask |= self.structural
        mask &= hh.housed
        return np.flatnonzero(mask)

    def step(self, t: int) -> None:
        factor = self._cost_factor(t)
        if factor != self.cost_factor:
            self.cost_factor = factor
            self._refresh_structural()
        self._yearly_growth(t)
        ids = self.candidates_now = self.candidates(t)
        income_now = self._income_now(t, ids)
        missed = self._miss(t, ids, income_now)
        self._build(t, ids[missed])
        self._repay(t, ids[~missed], income_now[~missed])
        self.missed = ids[missed]

    def _income_now(self, t: int, ids: np.ndarray) -> np.ndarray:
        hh = self.model.households
        shocked = hh.shock_until[ids] > t
        return hh.income[ids] * (1 - np.where(shocked, hh.shock_loss[ids], 0))

    def _miss(self, t: int, ids: np.ndarray, income_now: np.ndarray) -> np.ndarray:
        """Who misses this month's rent: more likely the larger the shortfall."""
        hh, ctx, pol = self.model.households, self.model.context, self.model.policy
        rent = hh.rent[ids]
        floor = hh.basic_cost[ids] * (ctx.cost_of_living.coping_share * self.cost_factor)
        shortfall = np.clip(rent + floor - income_now, 0, rent)
        p_miss = np.minimum(1.0, ctx.rent_payment.miss_scale * shortfall / rent)
        p_miss *= np.where(hh.in_help(t, ids), 1 - pol.debt_help.miss_reduction, 1.0)
        p_miss[hh.direct_payment[ids]] = 0.0
        return self.model.streams.draws("rent_missed", t, ids) < p_miss

    def _build(self, t: int, ids: np.ndarray) -> None:
        hh = self.model.households
        new = ids[hh.arrears[ids] == 0]
        hh.arrears_since[new] = t
        hh.arrears[ids] += hh.rent[ids]
        self.model.outcomes.add("arrears_new", new.size)
        self.model.journeys.log_many("arrears_start", t, new)

    def _repay(self, t: int, ids: np.ndarray, income_now: np.ndarray) -> None:
        hh, ctx = self.model.households, self.model.context
        owing = hh.arrears[ids] > 0
        ids, income_now = ids[owing], income_now[owing]
        # Under an arrangement a household squeezes its spending to the floor to repay.
        arranged = hh.arrangement[ids]
        spending = hh.basic_cost[ids] * self.cost_factor
        spending = np.where(arranged, spending * ctx.cost_of_living.coping_share, spending)
        surplus = np.maximum(0.0, income_now - hh.rent[ids] - spending)
        share = np.where(arranged, ctx.rent_payment.arrangement_repay_share, ctx.rent_payment.repay_share_of_surplus)
        hh.arrears[ids] = np.maximum(0.0, hh.arrears[ids] - share * surplus).astype(np.float32)
        cleared = ids[hh.arrears[ids] <= 0.5]
        hh.end_spell(cleared)
        self.model.outcomes.add("arrears_cleared", cleared.size)
        self.model.journeys.log_many("arrears_repaid", t, cleared)
