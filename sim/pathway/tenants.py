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

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..parameters.context import Incomes
from .finances import basic_costs, monthly, regular_income, set_income, set_short, watch_shocks
from .households import household_ids
from .population import ADULTS, COUPLE, COUPLE_CHILDREN, HAS_CHILDREN, SINGLE, SINGLE_PARENT, Block

if TYPE_CHECKING:
    from .households import HouseholdArrays
    from .world import World

CHEAPEST_RENT_EUR = 300.0  # assumption: the cheapest rented dwellings
# How much faster tenants short of money leave (arrears, eviction); see _changed_since_moving_in.
SHORT_LEAVE_FACTOR = 3.0
# Dwellings the first tenants move into at a time (see Tenants.first_tenants)
FIRST_TENANTS_AT_ONCE = 1 << 18


def dwellings(blocks: list[Block]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Municipality, landlord type and (until let) zero rent of every dwelling; corporation
    dwellings come first in each block."""
    municipalities, privates = [], []
    for index, block in enumerate(blocks):
        is_private = np.zeros(block.size, bool)
        is_private[block.profile.corporation_households:] = True
        municipalities.append(np.full(block.size, index, np.int16))
        privates.append(is_private)
    municipality, private = np.concatenate(municipalities), np.concatenate(privates)
    return municipality, private, np.zeros(municipality.size, np.float32)


class Newcomers(NamedTuple):
    """What is known of the households moving into some dwellings, as the arrays hold it: settling
    them reads none of it back (each gather from the national arrays counts: a month's 20,000
    move-ins nationally read a dozen fields that the move-in had just written or read)."""

    block: np.ndarray        # the dwellings' municipalities
    private: np.ndarray      # the dwellings' landlord type (True: private)
    composition: np.ndarray
    adults: np.ndarray
    children: np.ndarray
    earnings: np.ndarray

    @classmethod
    def stored(cls, hh: HouseholdArrays, slots: np.ndarray) -> Newcomers:
        """As the arrays hold them (households that moved in another way: evictions.move_back_in)."""
        return cls(hh.municipality[slots], hh.private[slots], hh.composition[slots], hh.adults[slots],
                   hh.children[slots], hh.earnings[slots])


class Tenants:
    """The letting service: draws the households that move into vacant dwellings, their earnings
    (and new earnings when their lives change), rents and incomes. A service, not a stage: turnover,
    rehousing and finances use it."""

    def __init__(self, world: World) -> None:
        self.world = world
        blocks = world.blocks
        self.income_factor = 1.0  # real income growth since the start (context.cost_of_living)
        self.level = np.array([b.profile.income_level for b in blocks])
        self.target = np.array([makeup_shares(b.profile) for b in blocks])
        self.weights = np.array(world.context.turnover.makeup_weights)
        self.school_share = np.array([b.profile.school_age_share for b in blocks])
        self.rent_corporation = np.array([b.profile.rent_corporation_eur for b in blocks])
        self.rent_private = np.array([b.profile.rent_private_eur for b in blocks])
        self.rent_spread = np.array([b.profile.rent_spread for b in blocks])
        self.rent_factor = 1.0  # real rent growth since the start (context.cost_of_living)
        self.children_in_model = 0  # children of every household the model follows, housed or not
        # Median earnings by type, municipality and landlord type (before real income growth), looked up
        # for every move-in and life change
        inc = world.context.incomes
        base = median_earnings(inc)[:, None] * self.level[None, :]
        self.median_table = np.stack([base, base * inc.private_earnings_factor], axis=-1)

    def first_tenants(self) -> None:
        """The first tenants of every dwelling, a quarter of a million dwellings at a time. Each
        household's draws are its own, so this gives the same tenants as letting every dwelling at
        once; but the move-in's temporaries (a few dozen arrays of one entry per dwelling) stay small
        enough for the allocator to reuse, where millions of entries each were fresh memory, paged in
        one by one: a national model was built in 2.5-3.8 s, peaking at 821 MB, and now in 1.2-1.7 s,
        at 489 MB."""
        size = self.world.households.size
        for start in range(0, size, FIRST_TENANTS_AT_ONCE):
            self.move_in(np.arange(start, min(start + FIRST_TENANTS_AT_ONCE, size)), -1)

    def move_in(self, slots: np.ndarray, month: int) -> None:
        """New households (drawn from their municipality's profile) move into vacant `slots`."""
        m = self.world
        ids = household_ids(slots, month)
        block = m.households.municipality[slots]
        makeup = self._draw_makeup(block, m.streams.draws("tenant_makeup", 0, ids), first=month < 0)
        self.move_in_as(slots, month, ids, MAKEUP_COMPOSITION[makeup], MAKEUP_CHILDREN[makeup], block)

    def move_in_as(self, slots: np.ndarray, month: int, ids: np.ndarray, composition: np.ndarray,
                   children: np.ndarray, block: np.ndarray | None = None) -> None:
        """Households `ids` of a known make-up move into vacant `slots` (`block`: the slots'
        municipalities, if the caller has them): which children are at school and their earnings
        are drawn from their own numbers, then income, rent and allowance."""
        m = self.world
        self.settle(slots, self._arrive(slots, month, ids, composition, children, block))
        m.journeys.sample(slots, ids)
        if month < 0:
            self._changed_since_moving_in(slots)
        self.children_in_model += int(children.sum(dtype=np.int64))

    def _arrive(self, slots: np.ndarray, month: int, ids: np.ndarray, composition: np.ndarray,
                children: np.ndarray, block: np.ndarray | None) -> Newcomers:
        """Who moves in: ids, make-up, children at school and earnings, written to the arrays and
        returned for settle, which then reads none of them back."""
        m = self.world
        hh = m.households
        hh.hid[slots] = ids
        hh.moved_in[slots] = month
        block = hh.municipality[slots] if block is None else block
        private = hh.private[slots]
        composition = composition.astype(hh.composition.dtype, copy=False)  # the values as stored
        children = children.astype(hh.children.dtype, copy=False)
        adults = ADULTS[composition]
        hh.composition[slots] = composition
        hh.adults[slots] = adults
        hh.children[slots] = children
        hh.school_children[slots] = self._at_school(ids, block, children)
        median = self._median(slots, composition, block, private)
        hh.earnings[slots] = earnings = self.earnings(slots, m.streams.normals("tenant_earnings", 0, ids), median)
        return Newcomers(block, private, composition, adults, children, earnings)

    def _at_school(self, ids: np.ndarray, block: np.ndarray, children: np.ndarray) -> np.ndarray:
        """How many of each new household's (up to three) children are of school age: child k is,
        with the municipality's school-age share, by the household's own number for child k (drawn
        only for households with a k-th child: most have none)."""
        school = np.zeros(ids.size, np.int8)
        for k in range(3):
            has = np.flatnonzero(children > k)
            school[has] += self.world.streams.draws(f"tenant_school_{k}", 0, ids[has]) < self.school_share[block[has]]
        return school

    def _draw_makeup(self, block: np.ndarray, u: np.ndarray, first: bool) -> np.ndarray:
        """Make-up of new households: the profile's shares weighted by how fast each make-up leaves
        the rented stock in the baseline (context.turnover.makeup_weights), so that the tenants'
        make-up stays at the profile's; the first tenants take the profile's shares."""
        shares = self.target if first else self.target * self.weights
        cdf = np.cumsum(shares / shares.sum(axis=1, keepdims=True), axis=1)
        # The category is how many of the block's cdf steps u reached, counted one step at a time:
        # a (households x categories) table would cost 200 MB for the first national tenants.
        makeup = np.zeros(u.size, np.int64)
        for k in range(cdf.shape[1] - 1):
            makeup += u >= cdf[block, k]
        return np.minimum(makeup, cdf.shape[1] - 1)

    def settle(self, slots: np.ndarray, known: Newcomers | None = None) -> None:
        """Basic costs, income, the rent the household can afford and its allowance, for households
        that just moved into `slots` (`known`: what the caller knows of them; else read)."""
        m = self.world
        hh, ctx = m.households, m.context
        known = Newcomers.stored(hh, slots) if known is None else known
        composition, children, earnings = known.composition, known.children, known.earnings
        hh.basic_cost[slots] = basic = basic_costs(ctx.cost_of_living, known.adults, children)
        norm, income = regular_income(hh, slots, ctx.incomes, composition, earnings, children)
        affordable = self._affordable_rent(income.astype(hh.income.dtype), norm, basic)  # income as stored
        hh.rent[slots] = rent = np.minimum(self.asking_rent(slots, known.block, known.private), affordable)
        money = set_income(hh, slots, ctx.incomes, ctx.rent_allowance, composition, earnings, rent, children)
        hh.occupied[slots] = True
        set_short(hh, slots, m.cost_factor, money, rent, basic)

    def asking_rent(self, slots: np.ndarray, block: np.ndarray | None = None,
                    private: np.ndarray | None = None) -> np.ndarray:
        """The dwellings' asking rents (EUR/month), fixed per dwelling (`block`, `private`: the
        dwellings' municipalities and landlord types, if the caller has them)."""
        m = self.world
        hh = m.households
        block = hh.municipality[slots] if block is None else block
        private = hh.private[slots] if private is None else private
        median = np.where(private, self.rent_private[block], self.rent_corporation[block])
        z = m.streams.normals("dwelling_rent", 0, slots)
        return (median * self.rent_factor * np.exp(self.rent_spread[block] * z)).astype(np.float32)

    def _affordable_rent(self, income: np.ndarray, norm: np.ndarray, basic_cost: np.ndarray) -> np.ndarray:
        """The highest rent that `income` (regular, EUR/month) plus allowance can pay on top of
        `basic_cost` (at least the cheapest rent), from the allowance rule of finances.rent_allowance
        (`norm`: the households' benefit norm)."""
        rules = self.world.context.rent_allowance
        left = income - basic_cost
        base = rules.base_rent_eur + rules.income_taper * np.maximum(income - norm, 0)
        with_allowance = (left - rules.subsidy_share * base) / max(1 - rules.subsidy_share, 1e-6)
        rent = np.where((with_allowance > base) & (with_allowance <= rules.rent_limit_eur), with_allowance, left)
        capped = (with_allowance > rules.rent_limit_eur) & (left < rules.rent_limit_eur)
        rent = np.where(capped, rules.rent_limit_eur, rent)
        return np.maximum(rent, CHEAPEST_RENT_EUR).astype(np.float32)

    def _changed_since_moving_in(self, slots: np.ndarray) -> None:
        """First tenants whose earnings changed since they moved in (the stationary share
        life-change rate / (life-change rate + move-out rate)) get new earnings, rent kept."""
        m = self.world
        hh = m.households
        q = m.context.incomes.life_change_per_month
        leave = np.where(hh.private[slots], monthly(m.context.turnover.private_per_year),
                         monthly(m.context.turnover.corporation_per_year))
        picked = m.streams.draws("changed_since_moving_in", 0, hh.hid[slots]) < q / (q + leave)
        changed, leave = slots[picked], leave[picked]
        letting = hh.earnings[changed].copy()
        self.new_earnings(-1, changed)
        # Tenants short of money leave faster (arrears, eviction): fewer of them are still there.
        stay = (q + leave) / (q + SHORT_LEAVE_FACTOR * leave)
        gone = changed[hh.short[changed] & (m.streams.draws("still_here", 0, hh.hid[changed]) >= stay)]
        hh.earnings[gone] = letting[np.isin(changed, gone)]
        set_short(hh, gone, m.cost_factor, set_income(hh, gone, m.context.incomes, m.context.rent_allowance))

    def new_earnings(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Earnings drawn anew from the household's type (a lasting change: a new job, retirement),
        correlated with what they were (context.incomes.earnings_persistence); benefit status, income,
        allowance and whether it is short of money follow, the rent stays. Returns those who left
        benefits."""
        w = self.world
        hh = w.households
        rho = w.context.incomes.earnings_persistence
        fresh = w.streams.normals("earnings_change", t, hh.hid[ids])
        # Each field is gathered once: every gather over a month's 100,000 life changes counts.
        composition, rent = hh.composition[ids], hh.rent[ids]
        median = self._median(ids, composition)
        z = rho * self._standard_score(ids, median) + np.sqrt(1 - rho * rho) * fresh
        hh.earnings[ids] = earnings = self.earnings(ids, z, median)
        left_benefits = ids[hh.on_benefits[ids]]
        money = set_income(hh, ids, w.context.incomes, w.context.rent_allowance, composition, earnings, rent)
        set_short(hh, ids, w.cost_factor, money, rent)
        watch_shocks(hh, t, ids)  # a shock's money changes with the earnings and the allowance
        return left_benefits[~hh.on_benefits[left_benefits]]

    def earnings(self, slots: np.ndarray, z: np.ndarray, median: np.ndarray | None = None) -> np.ndarray:
        """Earnings (EUR/month) of the households in `slots` for standard normal deviates `z`
        (`median`: their types' median earnings, if known)."""
        spread = self.world.context.incomes.earnings_spread
        median = self._median(slots) if median is None else median
        return (median * np.exp(spread * z)).astype(np.float32)

    def _median(self, slots: np.ndarray, composition: np.ndarray | None = None, block: np.ndarray | None = None,
                private: np.ndarray | None = None) -> np.ndarray:
        """The median earnings (EUR/month) of each household's type, municipality and landlord type
        (`composition`, `block`, `private`: theirs, if the caller has them)."""
        hh = self.world.households
        composition = hh.composition[slots] if composition is None else composition
        block = hh.municipality[slots] if block is None else block
        private = hh.private[slots] if private is None else private
        return self.median_table[composition, block, private.view(np.int8)] * self.income_factor

    def _standard_score(self, slots: np.ndarray, median: np.ndarray) -> np.ndarray:
        """Where each household's earnings lie in its type's distribution (the `z` of `earnings`;
        `median`: the types' median earnings)."""
        hh = self.world.households
        spread = self.world.context.incomes.earnings_spread
        return np.log(np.maximum(hh.earnings[slots], 1.0) / median) / spread


# Make-up categories: single, couple, single parent with 1/2/3 children, couple with 1/2/3 children.
MAKEUP_COMPOSITION = np.array([SINGLE, COUPLE] + [SINGLE_PARENT] * 3 + [COUPLE_CHILDREN] * 3, dtype=np.int8)
MAKEUP_CHILDREN = np.array([0, 0, 1, 2, 3, 1, 2, 3], dtype=np.int8)


def makeup_shares(p) -> np.ndarray:
    """The profile's shares of households by make-up (composition and number of children)."""
    children = np.array([p.children_one, p.children_two, 1 - p.children_one - p.children_two])
    return np.concatenate([[p.share_single, p.share_couple], p.share_single_parent * children,
                           p.share_couple_children * children])


def makeup_of(composition: np.ndarray, children: np.ndarray) -> np.ndarray:
    """Make-up category of households (children capped at 3)."""
    family = HAS_CHILDREN[composition]
    base = np.where(composition == SINGLE_PARENT, 1, 4)
    return np.where(family, base + np.clip(children, 1, 3), composition).astype(np.int64)


def median_earnings(inc: Incomes) -> np.ndarray:
    """Median earnings by composition (population.COMPOSITIONS order), corporation tenants."""
    return np.array([inc.earnings_single_eur, inc.earnings_couple_eur, inc.earnings_single_parent_eur,
                     inc.earnings_couple_children_eur])
