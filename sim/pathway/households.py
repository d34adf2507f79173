"""Households: the bulk monthly state of every rented household, kept in NumPy arrays.

Millions of households pay their rent each month and only a few percent are ever in trouble,
so their state lives in arrays indexed by household id (design.md section 7). Phases 1 and 2
of the pathway act here: income and cost shocks, and rent payment that builds or repays arrears.
The rare, rich parts (court cases, displacement) are Mesa agents elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .population import ADULTS, COUPLE_CHILDREN, HAS_CHILDREN, SINGLE_PARENT, Block, Profile
from .streams import Streams

if TYPE_CHECKING:
    from .model import EvictionModel

NOBODY = np.int16(-1)


@dataclass
class HouseholdArrays:
    """State of all households; every array has one entry per household id."""

    municipality: np.ndarray      # int16, index of the Municipality agent
    private: np.ndarray           # bool, private landlord (else housing corporation)
    composition: np.ndarray       # int8, index into population.COMPOSITIONS
    adults: np.ndarray            # int8
    children: np.ndarray          # int8
    school_children: np.ndarray   # int8, children aged 4-17
    on_benefits: np.ndarray       # bool
    income: np.ndarray            # float32, EUR/month net, without shock
    rent: np.ndarray              # float32, EUR/month
    basic_cost: np.ndarray        # float32, EUR/month basic living costs (norm)
    housed: np.ndarray            # bool, lives in its rented dwelling (else displaced)
    shock_until: np.ndarray       # int16, month its income shock ends (-1: never shocked)
    shock_loss: np.ndarray        # float32, share of income lost while shocked
    arrears: np.ndarray           # float32, EUR owed to the landlord
    arrears_since: np.ndarray     # int16, month the current arrears spell began (-1: none)
    contacted: np.ndarray         # bool, landlord made contact in this spell
    arrangement: np.ndarray       # bool, a payment arrangement is running
    signalled: np.ndarray         # bool, signalled to the municipality in this spell
    help_until: np.ndarray        # int16, month debt help ends (-1: none)
    queued: np.ndarray            # bool, waiting for debt help
    direct_payment: np.ndarray    # bool, rent paid straight from benefits
    in_court: np.ndarray          # bool, a court case is open
    conditional_until: np.ndarray  # int16, month a conditional verdict's plan ends (-1: none)
    nuisance_since: np.ndarray    # int16, month a nuisance case began (-1: none)

    @property
    def size(self) -> int:
        return int(self.income.size)

    def in_help(self, t: int, ids: np.ndarray) -> np.ndarray:
        return self.help_until[ids] > t

    def end_spell(self, ids: np.ndarray | int) -> None:
        """Arrears repaid: the landlord's procedure starts afresh next time."""
        self.arrears[ids] = 0.0
        self.arrears_since[ids] = NOBODY
        self.contacted[ids] = False
        self.arrangement[ids] = False
        self.signalled[ids] = False


def generate(blocks: list[Block], basic: "BasicCosts", streams: Streams) -> HouseholdArrays:
    """Draw the synthetic households of every block (municipality)."""
    parts = [_generate_block(b, i, basic, streams) for i, b in enumerate(blocks)]
    arrays = {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}
    n = arrays["income"].size
    return HouseholdArrays(
        **arrays,
        housed=np.ones(n, bool),
        shock_until=np.full(n, NOBODY, np.int16),
        shock_loss=np.zeros(n, np.float32),
        arrears=np.zeros(n, np.float32),
        arrears_since=np.full(n, NOBODY, np.int16),
        contacted=np.zeros(n, bool),
        arrangement=np.zeros(n, bool),
        signalled=np.zeros(n, bool),
        help_until=np.full(n, NOBODY, np.int16),
        queued=np.zeros(n, bool),
        direct_payment=np.zeros(n, bool),
        in_court=np.zeros(n, bool),
        conditional_until=np.full(n, NOBODY, np.int16),
        nuisance_since=np.full(n, NOBODY, np.int16),
    )


@dataclass(frozen=True)
class BasicCosts:
    """Basic monthly living costs by household make-up (EUR/month)."""

    single: float
    extra_adult: float
    per_child: float


def _generate_block(block: Block, index: int, basic: BasicCosts, streams: Streams) -> dict:
    p: Profile = block.profile
    rng = streams.generator("population", index)
    n = block.size
    private = np.zeros(n, bool)
    private[p.corporation_households:] = True
    shares = [p.share_single, p.share_couple, p.share_single_parent, p.share_couple_children]
    composition = rng.choice(4, size=n, p=shares).astype(np.int8)
    has_children = HAS_CHILDREN[composition]
    n_children = rng.choice([1, 2, 3], size=n, p=[p.children_one, p.children_two,
                                                   1 - p.children_one - p.children_two])
    children = np.where(has_children, n_children, 0).astype(np.int8)
    school = rng.binomial(children, p.school_age_share).astype(np.int8)
    adults = ADULTS[composition]
    median_rent = np.where(private, p.rent_private_eur, p.rent_corporation_eur)
    rent = (median_rent * rng.lognormal(0.0, p.rent_spread, n)).astype(np.float32)
    basic_cost = (basic.single + (adults - 1.0) * basic.extra_adult + children * float(basic.per_child)).astype(np.float32)
    headroom = p.headroom_median * rng.lognormal(0.0, p.headroom_spread, n)
    income = ((rent + basic_cost) * headroom).astype(np.float32)
    return {
        "municipality": np.full(n, index, np.int16),
        "private": private,
        "composition": composition,
        "adults": adults,
        "children": children,
        "school_children": school,
        "on_benefits": rng.random(n) < p.on_benefits_share,
        "income": income,
        "rent": rent,
        "basic_cost": basic_cost,
    }


class IncomeShocks:
    """Phase 1: job loss, benefit problems, separation, illness hit households at random.

    Onsets are drawn over the whole population from their own stream, independent of anybody's
    state, so every policy sees the same shocks hit the same households (common random numbers).
    """

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        hh = model.households
        self.groups = [np.flatnonzero(hh.composition == c) for c in range(4)]
        self.rng = model.streams.generator("income_shocks")

    def rates(self) -> list[float]:
        s = self.model.context.shocks
        multiplier = [1.0, 1.0, s.single_parent_multiplier, s.couple_children_multiplier]
        return [min(1.0, s.onset_per_month * m) for m in multiplier]

    def step(self, t: int) -> None:
        s = self.model.context.shocks
        hh = self.model.households
        for ids, rate in zip(self.groups, self.rates()):
            hit = ids[self.rng.integers(0, ids.size, self.rng.binomial(ids.size, rate))] if ids.size else ids
            duration = self.rng.geometric(1.0 / s.duration_months_mean, hit.size)
            loss = self.rng.uniform(s.income_loss_min, max(s.income_loss_min, s.income_loss_max), hit.size)
            hh.shock_until[hit] = np.minimum(t + duration, np.iinfo(np.int16).max)
            hh.shock_loss[hit] = loss


def family_ids(hh: HouseholdArrays, ids: np.ndarray) -> np.ndarray:
    """Which of `ids` are households with children (bool mask)."""
    comp = hh.composition[ids]
    return (comp == SINGLE_PARENT) | (comp == COUPLE_CHILDREN)
