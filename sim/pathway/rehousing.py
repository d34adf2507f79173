"""Phase 9: the way back into housing.

A displaced household gets a home of its own through one of these routes, each needing a dwelling
that fell vacant in its municipality this month (turnover.py), so rehousing competes for real
vacancies:
- urgency: a status the municipality grants some households in contact (families more often; many
  regulations refuse urgency after an eviction for rent debt [NOS19]); a dwelling within about
  six months [PUR], later where the market is tight;
- leaving a family or night shelter to housing (about a year's stay [NRC19][NU23b]);
- the regular market on its own, slow, slower in large cities [NOS18b][NOS19b];
- Housing First (when the municipality has it): a supported tenancy for adults without a home,
  as far as its places go [HF];
- second-chance contracts (when landlords offer them): a tenancy with coaching, as far as the
  contracts go.
Supported tenancies can still fail (a monthly chance while support lasts; Housing First keeps
83 % housed [HF]); then the household is displaced again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import evictions
from .displaced import ALTERNATIVE, HIDDEN, HOUSED, NIGHT_SHELTER, ROUGH, SHELTERS, WITH_PARENTS, among
from .idsets import union, within_capacity

if TYPE_CHECKING:
    from .model import EvictionModel

SECOND_CHANCE, HOUSING_FIRST = 1, 2
SUPPORT = {SECOND_CHANCE: "second_chance", HOUSING_FIRST: "housing_first"}


class Rehousing:
    """Routes back into housing, and the supported tenancies they start."""

    def __init__(self, model: EvictionModel) -> None:
        self.model = model
        self.supported = np.empty(0, np.int64)  # dwellings with a supported tenancy
        self.contract_credit = np.zeros(len(model.municipalities))  # by municipality
        self.contracts_per_year = np.array([
            m.per_10k(m.policy.rehousing.second_chance_per_10k_per_year) if m.policy.rehousing.second_chance_contracts
            else 0.0 for m in model.municipalities])
        self.market = np.array([b.profile.rehousing_factor for b in model.blocks])

    @property
    def reg(self):
        return self.model.displacement.reg

    def grant_urgency(self, t: int, rows: np.ndarray) -> None:
        """Households in contact may get an urgency status when they enter the register."""
        m, reg = self.model, self.reg
        rh = m.context.rehousing
        family = reg.children(rows) > 0
        chance = np.where(family, rh.urgency_families, rh.urgency_adults) * reg.contact[rows]
        reg.urgency[rows] = m.streams.draws("urgency", t, reg.hid[rows]) < chance

    # -- each month --------------------------------------------------------------------------
    def step(self, t: int, rows: np.ndarray) -> None:
        self._supported_tenancies(t)
        reg = self.reg
        rows = rows[(reg.place[rows] != HOUSED) & (reg.since[rows] < t)]
        chosen, how = self._chances(t, rows)
        hf = self._housing_first(t, rows[~chosen])
        sc = self._second_chance(t, np.setdiff1d(rows[~chosen], hf))
        movers = np.concatenate([rows[chosen], hf, sc])
        routes = np.concatenate([how[chosen], np.full(hf.size, "housing_first"), np.full(sc.size, "second_chance")])
        self._move_in(t, movers, routes)

    def _chances(self, t: int, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Who finds a home this month, and by which route."""
        m, reg = self.model, self.reg
        rh = m.context.rehousing
        market = self.market[reg.municipality[rows]]
        urgency = np.where(reg.urgency[rows], np.minimum(1.0, market / rh.urgency_months_mean), 0.0)
        shelter = np.where(among(reg.place[rows], SHELTERS), rh.shelter_exit_per_month, 0.0)
        regular = np.minimum(1.0, rh.regular_per_month * market)
        p = 1 - (1 - urgency) * (1 - shelter) * (1 - regular)
        chosen = m.streams.draws("rehouse", t, reg.hid[rows]) < p
        how = np.where(urgency >= np.maximum(shelter, regular), "urgency",
                       np.where(shelter >= regular, "shelter_exit", "regular"))
        return chosen, how

    def _housing_first(self, t: int, rows: np.ndarray) -> np.ndarray:
        """Adults without a home for three months or more, as far as Housing First places go."""
        m, reg = self.model, self.reg
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
        m, reg = self.model, self.reg
        if not m.local.anywhere("rehousing.second_chance_contracts"):
            return rows[:0]
        rows = rows[reg.contact[rows] & (reg.place[rows] != ALTERNATIVE)]
        rows = rows[np.argsort(reg.children(rows) == 0, kind="stable")]
        yearly = self.contracts_per_year
        self.contract_credit = np.minimum(self.contract_credit + yearly / 12, yearly + 1)
        return rows[within_capacity(reg.municipality[rows], self.contract_credit)]

    def _move_in(self, t: int, rows: np.ndarray, routes: np.ndarray) -> None:
        """Each mover needs a vacancy in its municipality; without one it waits."""
        m, reg = self.model, self.reg
        slots = m.turnover.take_vacancies(reg.municipality[rows])
        m.outcomes.add("rehousing_waiting_vacancy", int((slots < 0).sum()))
        found = slots >= 0
        rows, slots, routes = rows[found], slots[found], routes[found]
        evictions.move_back_in(m, t, reg, rows, slots)
        for row, slot, route in zip(rows.tolist(), slots.tolist(), routes.tolist()):
            self._start_support(t, row, slot, route)
            m.displacement.move(t, row, HOUSED)
            m.outcomes.add("rehoused", 1)
            m.outcomes.add(f"rehoused_{route}", 1)
            m.journeys.log(t, int(reg.hid[row]), "rehoused", route)

    # -- supported tenancies -----------------------------------------------------------------
    def _start_support(self, t: int, row: int, slot: int, route: str) -> None:
        m = self.model
        hh = m.households
        kind = {"housing_first": HOUSING_FIRST, "second_chance": SECOND_CHANCE}.get(route)
        if kind is None:
            return
        hh.support[slot] = kind
        hh.support_until[slot] = t + m.context.rehousing.support_months
        self.supported = union(self.supported, [slot])
        if kind == HOUSING_FIRST:
            m.places[(int(hh.municipality[slot]), "housing_first")].admit(int(hh.hid[slot]))
        else:
            m.outcomes.add_cost("municipality", m.context.costs.second_chance_eur)
            m.early_help.coach(t, np.array([slot]))

    def _supported_tenancies(self, t: int) -> None:
        """Support ends after its months; some tenancies fail before that and the household is
        displaced again."""
        m = self.model
        hh, rh = m.households, m.context.rehousing
        ids = self.supported[hh.support[self.supported] > 0]
        self.end_support(ids[hh.support_until[ids] <= t])
        ids = ids[hh.support_until[ids] > t]
        failure = np.where(hh.support[ids] == HOUSING_FIRST, rh.housing_first_failure_per_month,
                           rh.second_chance_failure_per_month)
        failed = ids[m.streams.draws("support_failure", t, hh.hid[ids]) < failure]
        for kind, name in SUPPORT.items():
            m.outcomes.add(f"{name}_failed", int((hh.support[failed] == kind).sum()))
        self.end_support(failed)
        self.supported = ids[hh.support[ids] > 0]
        if failed.size:
            m.displacement.lose_home(t, failed)

    def end_support(self, slots: np.ndarray) -> None:
        """The support of these tenancies ends (its time is up, it failed, or the household left)."""
        m = self.model
        hh = m.households
        slots = slots[hh.support[slots] > 0]
        for slot in slots[hh.support[slots] == HOUSING_FIRST].tolist():
            m.places[(int(hh.municipality[slot]), "housing_first")].release(int(hh.hid[slot]))
        hh.support[slots] = 0
        hh.support_until[slots] = -1
