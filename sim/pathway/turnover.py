"""Turnover: tenants move out and their dwellings are let again.

Tenants leave at the yearly rates of their landlord type (corporations ≈7% [CBS-VR22]), tenants
in arrears more often (moving out is one way an arrears spell ends: the debt leaves with them).
A dwelling that falls vacant, by a move or an eviction, is let again at the start of the next
month: to a displaced household that the municipality rehouses (rehousing.py takes it from
this month's `Vacancies`), otherwise to a new household from outside (tenants.py). The stock of
dwellings stays the same, so a run has no drift from a shrinking or ageing tenant population.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .finances import monthly
from .idsets import first_of_each, pick, subset, union
from .rehousing import end_support

if TYPE_CHECKING:
    from .households import HouseholdArrays
    from .world import World


class Vacancies:
    """Dwellings vacated this month (by a move-out, an eviction or a departure): taken by rehoused
    households this month, let to new tenants at the start of the next."""

    def __init__(self, households: HouseholdArrays, municipalities: int) -> None:
        self.households = households
        self.municipalities = municipalities
        # private_first -> this month's vacancies in the order _take hands them out, with their
        # municipalities (sorted once, not at every take; taken ones are skipped when read);
        # emptied whenever the vacancies change
        self._ordered: dict[bool, tuple[np.ndarray, np.ndarray]] = {}
        self.vacant = []

    @property
    def vacant(self) -> list[np.ndarray]:
        """Dwellings vacated this month, in order of vacating (let again at the start of the next)."""
        return self._vacant

    @vacant.setter
    def vacant(self, slots: list[np.ndarray]) -> None:
        self._vacant = slots
        self._ordered = {}

    def add(self, slots: np.ndarray) -> None:
        self._vacant.append(np.asarray(slots, dtype=np.int64))
        self._ordered = {}

    def left_over(self) -> np.ndarray:
        """Last month's vacancies that nobody took (to be let again); the list starts afresh."""
        slots = np.concatenate(self.vacant) if self.vacant else np.empty(0, np.int64)
        self.vacant = []
        return slots[~self.households.occupied[slots]]

    def take(self, municipalities: np.ndarray, private_first: np.ndarray | None = None) -> np.ndarray:
        """Dwellings vacated this month for rehoused households, one per entry of `municipalities`
        (each mover's municipality, in priority order) as far as that municipality's vacancies go:
        corporation dwellings first, except for the movers marked `private_first` (households that
        find a home on their own, who look in the private market first), served after the others;
        -1 where none is left. Taken dwellings are marked occupied so that nobody else gets them."""
        if private_first is None or not private_first.any():
            return self._take(municipalities, private_first=False)
        taken = np.full(municipalities.size, -1, np.int64)
        taken[~private_first] = self._take(municipalities[~private_first], private_first=False)
        taken[private_first] = self._take(municipalities[private_first], private_first=True)
        return taken

    def _take(self, municipalities: np.ndarray, private_first: bool) -> np.ndarray:
        hh = self.households
        taken = np.full(municipalities.size, -1, np.int64)
        if not self.vacant or municipalities.size == 0:
            return taken
        ordered, munis = self._in_order(private_first)
        still = np.flatnonzero(~hh.occupied[ordered])
        free, free_muni = ordered[still], munis[still]
        available = np.bincount(free_muni, minlength=self.municipalities)
        movers = first_of_each(municipalities, available)  # grouped by municipality, in priority order
        muni = municipalities[movers]
        rank = np.arange(muni.size) - np.searchsorted(muni, muni, side="left")
        taken[movers] = free[np.searchsorted(free_muni, muni, side="left") + rank]
        hh.occupied[taken[movers]] = True
        return taken

    def _in_order(self, private_first: bool) -> tuple[np.ndarray, np.ndarray]:
        """This month's vacancies (taken or not) by municipality, corporation dwellings first (private
        ones first if `private_first`), in order of vacating within each; and their municipalities.
        Skipping the taken ones keeps that order, so it is sorted once per month and landlord order."""
        if private_first not in self._ordered:
            hh = self.households
            slots = np.concatenate(self.vacant)
            landlord = ~hh.private[slots] if private_first else hh.private[slots]
            slots = slots[np.lexsort((landlord, hh.municipality[slots]))]  # stable: in order of vacating
            self._ordered[private_first] = slots, hh.municipality[slots]
        return self._ordered[private_first]


class Turnover:
    """Move-outs and re-letting."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.streams.generator("move_out")

    def step(self, t: int, in_arrears: np.ndarray) -> np.ndarray:
        """Last month's vacancies are let; tenants move out (`in_arrears`: last month's tenants in
        arrears, who move more often). Returns the ids of the households that moved out."""
        self._relet(t)
        return self._move_out(t, in_arrears)

    def _relet(self, t: int) -> None:
        """Last month's vacancies that no rehoused household took get new tenants."""
        slots = self.world.vacancies.left_over()
        self.world.tenants.move_in(slots, t)
        self.world.lettings.let_to_newcomers(slots)
        self.world.outcomes.add("new_tenants", slots.size)

    def _rates(self) -> tuple[float, float]:
        tc = self.world.context.turnover
        return monthly(tc.corporation_per_year), monthly(tc.private_per_year)

    def _move_out(self, t: int, owing: np.ndarray) -> np.ndarray:
        m = self.world
        hh = m.households
        corporation, private = self._rates()
        top = max(corporation, private)
        n = hh.size
        picked = pick(self.rng, n, top)
        rate = np.where(hh.private[picked], private, corporation)
        picked = picked[m.streams.draws("move_out", t, picked) * top < rate]
        base = np.where(hh.private[owing], private, corporation)
        extra = (m.context.turnover.in_arrears_factor - 1) * base / (1 - base)
        owing = owing[m.streams.draws("move_out_arrears", t, hh.hid[owing]) < extra]
        ids = union(picked, owing)
        return self._leave(t, subset(ids, hh.occupied[ids] & (hh.case_stage[ids] == 0)))

    def _leave(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Households in `ids` move out of the rented stock; their debts leave with them. Returns
        their household ids."""
        m = self.world
        hh = m.households
        owing = ids[hh.arrears[ids] > 0]
        m.outcomes.add("moves_out", ids.size)
        m.outcomes.add("moves_out_in_arrears", owing.size)
        m.outcomes.add("arrears_ended_moved_out", owing.size)
        m.outcomes.add("arrears_left_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
        m.journeys.log_many("moved_out", t, ids)
        m.tenants.children_in_model -= int(hh.children[ids].sum(dtype=np.int64))
        end_support(m, ids)
        hids = hh.hid[ids]
        hh.clear_household(ids)
        m.vacancies.add(ids)
        return hids
