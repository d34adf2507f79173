"""Phases 8-10: after an eviction. Where the parents and each child go, and the way back.

On eviction (or leaving before the bailiff without a place of their own) a household enters the
register of displaced households (displaced.py) and its dwelling is let again. It goes, in order
of preference: to alternative housing from the municipality (always for families under a housing
duty), to the family shelter, to relatives or friends who can take the whole household, or, for a
family with none of these, it is split up: children to a relative or to foster care, parents to
the night shelter or the street. Each month it may get back into housing, into a dwelling that
fell vacant in its municipality; children return when the parents have a place. Every child is
always in exactly one place: with its parents, with relatives, or in foster care.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import evictions, informal
from .displaced import (ALTERNATIVE, BETWEEN, FAMILY_SHELTER, FOSTER, HOMELESS, HOUSED, INFORMAL, NIGHT_SHELTER,
                        NO_CHILD, PLACES, RELATIVES, ROUGH, SHELTERED, WITH_PARENTS, Register)

if TYPE_CHECKING:
    from .model import EvictionModel

SHELTER_KINDS = {"family_shelter": FAMILY_SHELTER, "night_shelter": NIGHT_SHELTER}


class Displacement:
    """Registers displaced households, moves them between places and back into housing."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        self.reg = Register()
        self.row_of: dict[int, int] = {}  # household id -> register row

    # -- entering the register ---------------------------------------------------------------
    def displace(self, t: int, slots: np.ndarray, executed: bool, causes: np.ndarray, aid: np.ndarray) -> None:
        """Households in `slots` lose their home (evicted, or gone before the bailiff came)."""
        m = self.model
        evictions.count_departures(m, slots, causes, executed)
        if not executed:
            own = m.streams.draws("leaver_own_housing", t, m.households.hid[slots]) < \
                m.context.after_eviction.leaver_own_housing
            self._leave_the_model(t, slots[own])
            slots, aid = slots[~own], aid[~own]
        rows = self._register(t, slots)
        for row in rows.tolist():
            self.arrive(t, row)
            m.outcomes.add(f"displaced_to_{PLACES[self.reg.place[row]]}", 1)
        if executed:
            evictions.count_rights(m, t, self.reg, rows, aid)

    def _leave_the_model(self, t: int, slots: np.ndarray) -> None:
        """Leavers with a place of their own go out of the rented stock the model follows."""
        m = self.model
        m.outcomes.add("left_to_own_housing", slots.size)
        m.tenants.children_in_model -= int(m.households.children[slots].sum(dtype=np.int64))
        self._vacate(slots)

    def _vacate(self, slots: np.ndarray) -> None:
        m = self.model
        m.early_help.forget(slots)
        m.households.clear_household(slots)
        m.turnover.vacate(slots)

    def _register(self, t: int, slots: np.ndarray) -> np.ndarray:
        """Copy the households into the register, with fresh ties, and free their dwellings."""
        m = self.model
        hh, reg, ae = m.households, self.reg, m.context.after_eviction
        rows = reg.add(slots.size)
        hids = hh.hid[slots]
        for name in ("hid", "municipality", "composition", "adults", "earnings"):
            getattr(reg, name)[rows] = getattr(hh, name)[slots]
        reg.place[rows], reg.since[rows], reg.host_until[rows] = BETWEEN, t, -1
        contact = m.streams.draws("aftercare", t, hids) < ae.aftercare_contact
        reg.contact[rows] = m.policy.registration.enabled | contact
        self._children(rows, hh.children[slots], hh.school_children[slots])
        ties = informal.draw_ties(m.streams, t, hids, ae.network_size_mean, ae.host_willing, ae.host_room_persons)
        for name, values in ties.items():
            getattr(reg, f"tie_{name}")[rows] = values
        for row, hid in zip(rows.tolist(), hids.tolist()):
            self._take_over(row, hid)
        self._vacate(slots)
        return rows

    def _children(self, rows: np.ndarray, children: np.ndarray, school: np.ndarray) -> None:
        k = np.arange(self.reg.child_place.shape[1])[None, :]
        self.reg.child_place[rows] = np.where(k < children[:, None], WITH_PARENTS, NO_CHILD)
        self.reg.child_school[rows] = k < school[:, None]

    def _take_over(self, row: int, hid: int) -> None:
        """A household evicted again while a child is still in foster care keeps that child's place."""
        old = self.row_of.get(hid)
        if old is not None and old != row:
            self.reg.child_place[row] = self.reg.child_place[old]
            self.reg.child_reunify[row] = self.reg.child_reunify[old]
            self._retire(np.array([old]))
        self.row_of[hid] = row

    def forget(self, hids: np.ndarray) -> None:
        """Households that move out of the rented stock leave the register; children still in care
        leave the model with them (counted)."""
        rows = np.array([self.row_of[h] for h in hids.tolist() if h in self.row_of], dtype=np.int64)
        if rows.size:
            away = np.isin(self.reg.child_place[rows], (RELATIVES, FOSTER)).sum()
            self.model.outcomes.add("children_separated_left", int(away))
            self._retire(rows)

    def _retire(self, rows: np.ndarray) -> None:
        for hid in self.reg.hid[rows].tolist():
            self.row_of.pop(hid, None)
        self.reg.retire(rows)

    # -- where a household goes --------------------------------------------------------------
    def arrive(self, t: int, row: int) -> None:
        """Find a place after losing the home (or when a host asks the household to leave)."""
        reg = self.reg
        family = bool((reg.child_place[row] != NO_CHILD).any())
        if family and self._try_alternative(t, row):
            return
        if family and reg.contact[row] and self._try_shelter(t, row, "family_shelter"):
            self._parents_settled(t, row)
            return
        if self._try_host(t, row):
            return
        if (reg.child_place[row] == WITH_PARENTS).any():
            self._separate(t, row)
        if family and reg.contact[row]:
            self._shelter(row, "family_shelter").wait(row)
        self._house_adults_alone(t, row)

    def _draw(self, name: str, t: int, row: int) -> float:
        return self.model.streams.draw(name, t, int(self.reg.hid[row]))

    def _shelter(self, row: int, kind: str):
        return self.model.shelters[(int(self.reg.municipality[row]), kind)]

    def _persons(self, row: int) -> int:
        return int(self.reg.adults[row]) + int((self.reg.child_place[row] == WITH_PARENTS).sum())

    def _try_alternative(self, t: int, row: int) -> bool:
        m, reg = self.model, self.reg
        duty = m.policy.housing_duty.families_duty
        offered = duty or (reg.contact[row] and self._draw("alternative", t, row) < m.context.after_eviction.alternative_housing_families)
        if offered and m.municipalities[int(reg.municipality[row])].take_alternative_unit(duty):
            self._move(t, row, ALTERNATIVE)
            m.outcomes.add("alternative_housing_placements", 1)
            self._parents_settled(t, row)
            return True
        return False

    def _try_shelter(self, t: int, row: int, kind: str) -> bool:
        if self._shelter(row, kind).admit(row):
            self._move(t, row, SHELTER_KINDS[kind])
            self.model.outcomes.add(f"{kind}_entries", 1)
            return True
        return False

    def wants_shelter(self, row: int, kind: str) -> bool:
        place = self.reg.place[row]
        if not self.reg.active[row]:
            return False
        return place in (INFORMAL, NIGHT_SHELTER, ROUGH) if kind == "family_shelter" else place in (INFORMAL, ROUGH)

    def enter_shelter(self, t: int, row: int, kind: str) -> None:
        """A place came free on the waiting list: move in and bring separated children back."""
        self._move(t, row, SHELTER_KINDS[kind])
        self.model.outcomes.add(f"{kind}_entries", 1)
        if kind == "family_shelter":
            self._parents_settled(t, row)

    def _try_host(self, t: int, row: int) -> bool:
        reg = self.reg
        tie = informal.find_host(reg.tie_relative[row], reg.tie_willing[row], reg.tie_room[row], reg.tie_used[row],
                                 self._persons(row))
        if tie is None:
            return False
        mean = self.model.context.after_eviction.host_months_mean
        reg.host_until[row] = t + self.model.streams.month_count("host_months", t, int(reg.hid[row]), 1 / mean)
        self._move(t, row, INFORMAL)
        return True

    def _separate(self, t: int, row: int) -> None:
        """No place for the whole family: children go to a relative, else to foster care."""
        m, reg = self.model, self.reg
        kids = reg.child_place[row] == WITH_PARENTS
        relative = informal.find_relative_for_children(reg.tie_relative[row], reg.tie_willing[row], reg.tie_room[row],
                                                       reg.tie_used[row], int(kids.sum()))
        takes = relative is not None and self._draw("relatives_take", t, row) < m.context.after_eviction.relatives_take_children
        place = RELATIVES if takes else FOSTER
        self._change_schools(t, row, kids, m.context.schools.far_separated, "separated")
        reg.child_place[row, kids] = place
        name = "relatives" if takes else "foster"
        m.outcomes.add("children_separated", int(kids.sum()))
        m.outcomes.add(f"children_to_{name}", int(kids.sum()))
        m.journeys.log(t, int(reg.hid[row]), "children_separated", f"{int(kids.sum())} to {name}")

    def _house_adults_alone(self, t: int, row: int) -> None:
        if self._try_host(t, row):
            return
        if self.reg.contact[row] and self._try_shelter(t, row, "night_shelter"):
            return
        self._move(t, row, ROUGH)
        if self.reg.contact[row]:
            self._shelter(row, "night_shelter").wait(row)

    def _move(self, t: int, row: int, place: int) -> None:
        """Move the adults (and the children with them) to `place`."""
        reg, far = self.reg, self.model.context.schools
        chance = {INFORMAL: far.far_informal, FAMILY_SHELTER: far.far_shelter, NIGHT_SHELTER: far.far_shelter,
                  ALTERNATIVE: far.far_alternative}.get(place, 0.0)
        if place != reg.place[row]:
            self._change_schools(t, row, reg.child_place[row] == WITH_PARENTS, chance, PLACES[place])
            if reg.place[row] in (FAMILY_SHELTER, NIGHT_SHELTER):
                self._shelter(row, PLACES[reg.place[row]]).release(row)
        reg.place[row] = place
        self.model.journeys.log(t, int(reg.hid[row]), "moved", PLACES[place])

    def _change_schools(self, t: int, row: int, children: np.ndarray, far_chance: float, reason: str) -> None:
        reg = self.reg
        for i in np.flatnonzero(children & reg.child_school[row]).tolist():
            if self.model.streams.draw(f"school_{i}", t, int(reg.hid[row])) < far_chance:
                self.model.outcomes.add("school_changes", 1)
                self.model.journeys.log(t, int(reg.hid[row]), "school_change", reason)

    def _parents_settled(self, t: int, row: int) -> None:
        """Parents have a stable place: relatives bring children back now, foster care after a delay."""
        reg = self.reg
        back = reg.child_place[row] == RELATIVES
        if back.any():
            reg.child_place[row, back] = WITH_PARENTS
            self._reunified(t, row, int(back.sum()))
        waiting = (reg.child_place[row] == FOSTER) & (reg.child_reunify[row] < 0)
        reg.child_reunify[row, waiting] = t + self.model.context.after_eviction.foster_reunify_months

    def _reunified(self, t: int, row: int, n: int) -> None:
        self.model.outcomes.add("children_reunified", n)
        self.model.journeys.log(t, int(self.reg.hid[row]), "children_reunified", str(n))

    # -- each month --------------------------------------------------------------------------
    def step(self, t: int) -> None:
        for shelter in self.model.shelters.values():
            shelter.fill(t)
        reg = self.reg
        rows = reg.rows()
        self._return_foster_children(t, rows)
        housed = rows[reg.place[rows] == HOUSED]
        self._retire(housed[reg.children(housed, FOSTER) == 0])
        rows = reg.rows()
        self._account(rows)
        rows = rows[(reg.place[rows] != HOUSED) & (reg.since[rows] < t)]
        rehoused = self._rehouse(t, rows)
        rest = rows[~np.isin(rows, rehoused)]
        for row in rest[(reg.place[rest] == INFORMAL) & (reg.host_until[rest] <= t)].tolist():
            self.model.journeys.log(t, int(reg.hid[row]), "host_ended")
            reg.place[row] = BETWEEN
            self.arrive(t, row)

    def _return_foster_children(self, t: int, rows: np.ndarray) -> None:
        reg = self.reg
        due = (reg.child_place[rows] == FOSTER) & (reg.child_reunify[rows] >= 0) & (reg.child_reunify[rows] <= t)
        for row in rows[due.any(axis=1)].tolist():
            back = reg.child_place[row] == FOSTER
            reg.child_place[row, back] = WITH_PARENTS
            reg.child_reunify[row, back] = -1
            self._reunified(t, row, int(back.sum()))

    def _account(self, rows: np.ndarray) -> None:
        """This month's costs and disrupted school months."""
        m, reg = self.model, self.reg
        costs, out = m.context.costs, m.outcomes
        place = reg.place[rows]
        out.add_cost("municipality", costs.shelter_month_eur * np.isin(place, (FAMILY_SHELTER, NIGHT_SHELTER)).sum()
                     + costs.alternative_housing_month_eur * (place == ALTERNATIVE).sum())
        homeless_adults = reg.adults[rows][np.isin(place, (INFORMAL, ROUGH, BETWEEN))].sum()
        out.add_cost("national", costs.homeless_adult_month_eur * float(homeless_adults))
        out.add_cost("youth_care", costs.foster_child_month_eur * float(reg.children(rows, FOSTER).sum()))
        unstable = np.isin(place, HOMELESS)[:, None]
        children = reg.child_place[rows]
        away = (children == RELATIVES) | (children == FOSTER)
        disrupted = reg.child_school[rows] & (away | ((children == WITH_PARENTS) & unstable))
        out.add("school_months_disrupted", int(disrupted.sum()))

    def _rehouse(self, t: int, rows: np.ndarray) -> np.ndarray:
        """Rehousing chances this month; a household rehoused takes a vacancy in its municipality."""
        m, reg = self.model, self.reg
        ae, rh = m.context.after_eviction, m.policy.rehousing
        place = reg.place[rows]
        p = np.where(np.isin(place, SHELTERED), ae.shelter_exit_per_month, ae.rehouse_per_month)
        if rh.second_chance_contracts:
            p = np.minimum(1.0, 2 * p)
        eligible_hf = np.isin(place, (ROUGH, NIGHT_SHELTER)) & (reg.children(rows, WITH_PARENTS) == 0) & (t - reg.since[rows] >= 3)
        p_hf = rh.housing_first_offer_per_month * rh.housing_first_retention
        housing_first = rh.housing_first & eligible_hf & (p_hf > p)
        p = np.where(housing_first, p_hf, p)
        chosen = m.streams.draws("rehouse", t, reg.hid[rows]) < p
        rows, housing_first = rows[chosen], housing_first[chosen]
        slots = np.full(rows.size, -1, np.int64)
        for muni in np.unique(reg.municipality[rows]).tolist():
            mine = np.flatnonzero(reg.municipality[rows] == muni)
            vacancies = m.turnover.take_vacancies(muni, mine.size)
            slots[mine[:vacancies.size]] = vacancies
        m.outcomes.add("rehousing_waiting_vacancy", int((slots < 0).sum()))
        housed = slots >= 0
        rows, slots, housing_first = rows[housed], slots[housed], housing_first[housed]
        evictions.move_back_in(m, t, reg, rows, slots)
        for row, hf in zip(rows.tolist(), housing_first.tolist()):
            self._rehoused(t, row, "housing_first" if hf else "regular")
        return rows

    def _rehoused(self, t: int, row: int, how: str) -> None:
        """Back into a home of its own; separated children come back."""
        m, reg = self.model, self.reg
        for kind in ("family_shelter", "night_shelter"):
            self._shelter(row, kind).release(row)
        self._change_schools(t, row, reg.child_place[row] == WITH_PARENTS, m.context.schools.far_rehoused, "rehoused")
        reg.place[row] = HOUSED
        m.outcomes.add("rehoused", 1)
        m.outcomes.add(f"rehoused_{how}", 1)
        m.journeys.log(t, int(reg.hid[row]), "rehoused", how)
        self._parents_settled(t, row)

    # -- counting ----------------------------------------------------------------------------
    def census(self) -> dict[str, int]:
        """Where displaced households, their adults and their children are now."""
        reg = self.reg
        rows = reg.rows()
        place = reg.place[rows]
        unhoused = place != HOUSED
        homeless = np.isin(place, HOMELESS) & unhoused
        count = {f"households_{name}": int((place == code).sum())
                 for code, name in enumerate(PLACES) if name not in ("between", "housed")}
        with_parents = reg.children(rows, WITH_PARENTS)
        count.update({
            "displaced_households": int(unhoused.sum()),
            "homeless_households": int(homeless.sum()),
            "homeless_adults": int(reg.adults[rows][homeless].sum()),
            "homeless_children": int(with_parents[unhoused & (place != ALTERNATIVE)].sum()),
            "children_alternative": int(with_parents[place == ALTERNATIVE].sum()),
            "children_relatives": int(reg.children(rows, RELATIVES).sum()),
            "children_foster": int(reg.children(rows, FOSTER).sum()),
        })
        away_from_home = int(with_parents[unhoused].sum()) + count["children_relatives"] + count["children_foster"]
        count["children_home"] = self.model.tenants.children_in_model - away_from_home
        return count
