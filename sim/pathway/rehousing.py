"""Rehousing: the way back into housing.

A displaced household gets a home of its own through one of these routes, each needing a dwelling
that fell vacant in its municipality this month (turnover.py), so rehousing competes for real
vacancies (the urgent routes first, and within the urgent quota, if the policy sets one):
- urgency: a status the municipality grants some households in contact (families more often; many
  regulations refuse urgency after an eviction for rent debt [NOS19]); a dwelling within about
  six months [PUR], later where the market is tight;
- leaving a family or night shelter to housing (about a year's stay [NRC19][NU23b]);
- the regular market on its own, slow, slower in large cities [NOS18b][NOS19b], looking in the
  private market first (it does not jump the social-housing queue: lettings.py);
- Housing First (when the municipality has it): a supported tenancy for adults without a home,
  as far as its places go [HF];
- second-chance contracts (when landlords offer them): a tenancy with coaching, as far as the
  contracts go.
Supported tenancies can still fail (a monthly chance while support lasts; Housing First keeps
83 % housed [HF]); then the household is displaced again.

The stage returns what it decided (the tenancies that failed, the homes found and who gets budget
coaching); EvictionModel.step hands them to displacement.py and the municipality's early help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import evictions
from .displaced import ALTERNATIVE, HIDDEN, HOUSED, NIGHT_SHELTER, ROUGH, SHELTERS, WITH_PARENTS, among
from .idsets import union, within_capacity
from .lettings import ROUTE_OF_REHOUSING
from .costs import Item

if TYPE_CHECKING:
    from .world import World

SECOND_CHANCE, HOUSING_FIRST = 1, 2
SUPPORT = {SECOND_CHANCE: "second_chance", HOUSING_FIRST: "housing_first"}


@dataclass(frozen=True)
class Homes:
    """Displaced households that found a home this month: register `rows`, the dwellings (`slots`)
    they moved into, by which `routes`, and the dwellings whose tenancy comes with budget
    coaching (`coached`: second-chance contracts)."""

    rows: np.ndarray
    slots: np.ndarray
    routes: np.ndarray
    coached: np.ndarray


def grant_urgency(world: World, t: int, rows: np.ndarray) -> None:
    """Households in contact may get an urgency status (when they enter the register or come into
    contact later); under the law's family urgency every family in contact has one (rehousing looks
    at `family_urgency`)."""
    reg, rh = world.register, world.context.rehousing
    family = reg.children(rows) > 0
    chance = np.where(family, rh.urgency_families, rh.urgency_adults) * reg.contact[rows]
    reg.urgency[rows] = world.streams.draws("urgency", t, reg.hid[rows]) < chance


def family_urgency(world: World, t: int) -> bool:
    """Whether the law's urgency for every homeless family is in force this month."""
    allocation = world.policy.allocation
    return allocation.urgency_homeless_families and t - world.warmup >= allocation.from_month


def choose_homes(world: World, t: int, stream: str, hids: np.ndarray, munis: np.ndarray, market: np.ndarray,
                 urgent: np.ndarray, sheltered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which homeless households (ids `hids` in municipalities `munis`, `market`: how fast a home is
    found there) find a home this month, and by which route: with urgency (`urgent`), by leaving a
    shelter (`sheltered`) or on the regular market, the urgent routes within the urgent quota.
    Returns the mask of those chosen and each one's route."""
    rh = world.context.rehousing
    urgency = np.where(urgent, np.minimum(1.0, market / rh.urgency_months_mean), 0.0)
    shelter = np.where(sheltered, rh.shelter_exit_per_month, 0.0)
    regular = np.minimum(1.0, rh.regular_per_month * market)
    p = 1 - (1 - urgency) * (1 - shelter) * (1 - regular)
    chosen = world.streams.draws(stream, t, hids) < p
    how = np.where(urgency >= np.maximum(shelter, regular), "urgency",
                   np.where(shelter >= regular, "shelter_exit", "regular"))
    by_urgency = np.flatnonzero(chosen & (how != "regular"))
    chosen[by_urgency] = world.lettings.within_quota(munis[by_urgency])  # the urgent quota, if any
    return chosen, how


def end_support(world: World, slots: np.ndarray) -> None:
    """The support of these tenancies ends (its time is up, it failed, or the household left)."""
    hh = world.households
    slots = slots[hh.support[slots] > 0]
    for slot in slots[hh.support[slots] == HOUSING_FIRST].tolist():
        world.places[(int(hh.municipality[slot]), "housing_first")].release(int(hh.hid[slot]))
    hh.support[slots] = 0
    hh.support_until[slots] = -1


class Rehousing:
    """Routes back into housing, and the supported tenancies they start."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.reg = world.register
        self.supported = np.empty(0, np.int64)  # dwellings with a supported tenancy
        self.contract_credit = np.zeros(len(world.municipalities))  # by municipality
        self.contracts_per_year = np.array([
            m.per_10k(m.policy.rehousing.second_chance_per_10k_per_year) if m.policy.rehousing.second_chance_contracts
            else 0.0 for m in world.municipalities])
        self.market = np.array([b.profile.rehousing_factor for b in world.blocks])

    # -- each month --------------------------------------------------------------------------
    def find_homes(self, t: int, rows: np.ndarray) -> Homes:
        """Displaced households (register `rows`) that find a home this month, within this month's
        vacancies; they move in and their support starts."""
        reg = self.reg
        rows = rows[(reg.place[rows] != HOUSED) & (reg.since[rows] < t)]
        chosen, how = self._chances(t, rows)
        hf = self._housing_first(t, rows[~chosen])
        sc = self._second_chance(t, np.setdiff1d(rows[~chosen], hf))
        movers = np.concatenate([rows[chosen], hf, sc])
        routes = np.concatenate([how[chosen], np.full(hf.size, "housing_first"), np.full(sc.size, "second_chance")])
        return self._move_in(t, movers, routes)

    def _chances(self, t: int, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Who finds a home this month, and by which route."""
        m, reg = self.world, self.reg
        munis = reg.municipality[rows]
        urgent = reg.urgency[rows]
        if family_urgency(m, t):
            urgent = urgent | (reg.contact[rows] & (reg.children(rows, WITH_PARENTS) > 0))
        return choose_homes(m, t, "rehouse", reg.hid[rows], munis, self.market[munis], urgent,
                            among(reg.place[rows], SHELTERS))

    def _housing_first(self, t: int, rows: np.ndarray) -> np.ndarray:
        """Adults without a home for three months or more, as far as Housing First places go."""
        m, reg = self.world, self.reg
        if not m.local.anywhere("rehousing.housing_first"):
            return rows[:0]
        eligible = rows[among(reg.place[rows], (ROUGH, HIDDEN, NIGHT_SHELTER))
                        & (reg.children(rows, WITH_PARENTS) == 0) & (t - reg.since[rows] >= 3)]
        offered = []
        for muni in np.unique(reg.municipality[eligible]).tolist():
            free = m.places[(muni, "housing_first")].free
            offered.append(eligible[reg.municipality[eligible] == muni][:max(free, 0)])
        return np.concatenate(offered) if offered else rows[:0]

    def _second_chance(self, t: int, rows: np.ndarray) -> np.ndarray:
        """Households in contact, families first, as far as the landlords' contracts go."""
        m, reg = self.world, self.reg
        if not m.local.anywhere("rehousing.second_chance_contracts"):
            return rows[:0]
        rows = rows[reg.contact[rows] & (reg.place[rows] != ALTERNATIVE)]
        rows = rows[np.argsort(reg.children(rows) == 0, kind="stable")]
        yearly = self.contracts_per_year
        self.contract_credit = np.minimum(self.contract_credit + yearly / 12, yearly + 1)
        return rows[within_capacity(reg.municipality[rows], self.contract_credit)]

    def _move_in(self, t: int, rows: np.ndarray, routes: np.ndarray) -> Homes:
        """Each mover needs a vacancy in its municipality; without one it waits."""
        m, reg = self.world, self.reg
        slots = m.vacancies.take(reg.municipality[rows], private_first=routes == "regular")
        m.outcomes.add("rehousing_waiting_vacancy", int((slots < 0).sum()))
        found = slots >= 0
        rows, slots, routes = rows[found], slots[found], routes[found]
        evictions.move_back_in(m, t, reg, rows, slots)
        m.lettings.let(slots, np.array([ROUTE_OF_REHOUSING[r] for r in routes.tolist()], dtype=object))
        coached = [slot for slot, route in zip(slots.tolist(), routes.tolist()) if self._start_support(t, slot, route)]
        return Homes(rows, slots, routes, np.array(coached, np.int64))

    # -- supported tenancies -----------------------------------------------------------------
    def _start_support(self, t: int, slot: int, route: str) -> bool:
        """A supported tenancy starts if the route brings support; True if it comes with coaching."""
        m = self.world
        hh = m.households
        kind = {"housing_first": HOUSING_FIRST, "second_chance": SECOND_CHANCE}.get(route)
        if kind is None:
            return False
        hh.support[slot] = kind
        hh.support_until[slot] = t + m.context.rehousing.support_months
        self.supported = union(self.supported, np.array([slot]))
        if kind == HOUSING_FIRST:
            m.places[(int(hh.municipality[slot]), "housing_first")].admit(int(hh.hid[slot]))
            return False
        m.outcomes.add_cost(Item.SECOND_CHANCE, m.context.costs.second_chance_eur)
        return True

    def failed_tenancies(self, t: int) -> np.ndarray:
        """Support ends after its months; some tenancies fail before that: returns their dwellings
        (the households are displaced again)."""
        m = self.world
        hh, rh = m.households, m.context.rehousing
        ids = self.supported[hh.support[self.supported] > 0]
        end_support(m, ids[hh.support_until[ids] <= t])
        ids = ids[hh.support_until[ids] > t]
        failure = np.where(hh.support[ids] == HOUSING_FIRST, rh.housing_first_failure_per_month,
                           rh.second_chance_failure_per_month)
        failed = ids[m.streams.draws("support_failure", t, hh.hid[ids]) < failure]
        for kind, name in SUPPORT.items():
            m.outcomes.add(f"{name}_failed", int((hh.support[failed] == kind).sum()))
        end_support(m, failed)
        self.supported = ids[hh.support[ids] > 0]
        return failed
