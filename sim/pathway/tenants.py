"""Who moves in: new tenants drawn from their municipality's profile.

The first tenants of every dwelling, and every tenant who later moves into a dwelling that fell
vacant, are drawn the same way: make-up from the profile's shares, children 1/2/3+ [CBS2],
earnings from the household type's distribution (context.incomes) scaled by the municipality's
income level, and for private tenants by their higher incomes. All draws come from the new
household's own numbers (its id), so who moves in does not depend on anything else.

A dwelling has an asking rent; a household pays it only if its income (with rent allowance)
covers that rent and its basic costs, otherwise the rent it ends up paying is the most it can
afford (landlords' affordability checks and allocation by income, passend toewijzen; an
assumption of the model). Households become short of money later, when their earnings change
or a shock hits. The first tenants are a stationary mix: most of them have seen their earnings
change since they moved in, as tenants at any moment have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..parameters.context import Incomes
from .finances import basic_costs, benefit_norm, monthly, set_income, set_short
from .households import household_ids
from .population import ADULTS, HAS_CHILDREN, Block

if TYPE_CHECKING:
    from .model import EvictionModel

CHEAPEST_RENT_EUR = 300.0  # assumption: the cheapest rented dwellings


def dwellings(blocks: list[Block]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Municipality, landlord type and (until let) zero rent of every dwelling; corporation
    dwellings come first in each block."""
    municipality, private = [], []
    for index, block in enumerate(blocks):
        is_private = np.zeros(block.size, bool)
        is_private[block.profile.corporation_households:] = True
        municipality.append(np.full(block.size, index, np.int16))
        private.append(is_private)
    municipality, private = np.concatenate(municipality), np.concatenate(private)
    return municipality, private, np.zeros(municipality.size, np.float32)


class Tenants:
    """Draws the households that move into vacant dwellings."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        self.income_factor = 1.0  # real income growth since the start (context.cost_of_living)
        self.level = np.array([b.profile.income_level for b in model.blocks])
        # composition and children cumulative shares per block
        self.composition_cdf = np.array([np.cumsum([b.profile.share_single, b.profile.share_couple,
                                                    b.profile.share_single_parent, 1.0]) for b in model.blocks])
        self.children_cdf = np.array([[b.profile.children_one, b.profile.children_one + b.profile.children_two]
                                      for b in model.blocks])
        self.school_share = np.array([b.profile.school_age_share for b in model.blocks])
        self.rent_corporation = np.array([b.profile.rent_corporation_eur for b in model.blocks])
        self.rent_private = np.array([b.profile.rent_private_eur for b in model.blocks])
        self.rent_spread = np.array([b.profile.rent_spread for b in model.blocks])
        self.rent_factor = 1.0  # real rent growth since the start (context.cost_of_living)
        self.children_in_model = 0  # children of every household the model follows, housed or not

    def move_in(self, slots: np.ndarray, month: int) -> None:
        """New households (drawn from their municipality's profile) move into vacant `slots`."""
        m = self.model
        hh = m.households
        hh.hid[slots] = ids = household_ids(slots, month)
        hh.moved_in[slots] = month
        block = hh.municipality[slots]
        u = m.streams.draws("tenant_composition", 0, ids)
        composition = (u[:, None] >= self.composition_cdf[block]).sum(axis=1).clip(0, 3).astype(np.int8)
        hh.composition[slots] = composition
        hh.adults[slots] = ADULTS[composition]
        u = m.streams.draws("tenant_children", 0, ids)
        n_children = 1 + (u[:, None] >= self.children_cdf[block]).sum(axis=1)
        hh.children[slots] = children = np.where(HAS_CHILDREN[composition], n_children, 0).astype(np.int8)
        school = sum((m.streams.draws(f"tenant_school_{k}", 0, ids) < self.school_share[block]) & (k < children)
                     for k in range(3))
        hh.school_children[slots] = school
        hh.earnings[slots] = self.earnings(slots, m.streams.normals("tenant_earnings", 0, ids))
        self.settle(slots)
        m.journeys.sample(slots)
        if month < 0:
            self._changed_since_moving_in(slots)
        self.children_in_model += int(children.sum(dtype=np.int64))

    def settle(self, slots: np.ndarray) -> None:
        """Basic costs, income, the rent the household can afford and its allowance, for households
        that just moved into `slots`."""
        m = self.model
        hh, ctx = m.households, m.context
        hh.basic_cost[slots] = basic_costs(ctx.cost_of_living, hh.adults[slots], hh.children[slots])
        set_income(hh, slots, ctx.incomes, ctx.rent_allowance)
        hh.rent[slots] = np.minimum(self.asking_rent(slots), self._affordable_rent(slots))
        set_income(hh, slots, ctx.incomes, ctx.rent_allowance)
        hh.occupied[slots] = True
        set_short(hh, slots, m.finances.cost_factor)

    def asking_rent(self, slots: np.ndarray) -> np.ndarray:
        """The dwellings' asking rents (EUR/month), fixed per dwelling."""
        m = self.model
        hh = m.households
        block = hh.municipality[slots]
        median = np.where(hh.private[slots], self.rent_private[block], self.rent_corporation[block])
        z = m.streams.normals("dwelling_rent", 0, slots)
        return (median * self.rent_factor * np.exp(self.rent_spread[block] * z)).astype(np.float32)

    def _affordable_rent(self, slots: np.ndarray) -> np.ndarray:
        """The highest rent that income plus allowance can pay on top of basic costs (at least
        the cheapest rent), from the allowance rule of finances.rent_allowance."""
        hh, ctx = self.model.households, self.model.context
        rules = ctx.rent_allowance
        income = hh.income[slots]
        left = income - hh.basic_cost[slots]
        base = rules.base_rent_eur + rules.income_taper * np.maximum(income - benefit_norm(ctx.incomes, hh.composition[slots]), 0)
        with_allowance = (left - rules.subsidy_share * base) / max(1 - rules.subsidy_share, 1e-6)
        rent = np.where((with_allowance > base) & (with_allowance <= rules.rent_limit_eur), with_allowance, left)
        rent = np.where((with_allowance > rules.rent_limit_eur) & (left < rules.rent_limit_eur), rules.rent_limit_eur, rent)
        return np.maximum(rent, CHEAPEST_RENT_EUR).astype(np.float32)

    def _changed_since_moving_in(self, slots: np.ndarray) -> None:
        """First tenants whose earnings changed since they moved in (the stationary share
        life-change rate / (life-change rate + move-out rate)) get new earnings, rent kept."""
        m = self.model
        hh = m.households
        q = m.context.incomes.life_change_per_month
        leave = np.where(hh.private[slots], monthly(m.context.turnover.private_per_year),
                         monthly(m.context.turnover.corporation_per_year))
        changed = slots[m.streams.draws("changed_since_moving_in", 0, hh.hid[slots]) < q / (q + leave)]
        m.finances.change_earnings(-1, changed, count=False)

    def earnings(self, slots: np.ndarray, z: np.ndarray) -> np.ndarray:
        """Earnings (EUR/month) of the households in `slots` for standard normal deviates `z`."""
        hh, inc = self.model.households, self.model.context.incomes
        median = median_earnings(inc)[hh.composition[slots]] * self.level[hh.municipality[slots]]
        median = np.where(hh.private[slots], median * inc.private_earnings_factor, median)
        return (median * self.income_factor * np.exp(inc.earnings_spread * z)).astype(np.float32)


def median_earnings(inc: Incomes) -> np.ndarray:
    """Median earnings by composition (population.COMPOSITIONS order), corporation tenants."""
    return np.array([inc.earnings_single_eur, inc.earnings_couple_eur, inc.earnings_single_parent_eur,
                     inc.earnings_couple_children_eur])
