"""Displacement: after an eviction or a forced departure, where the household goes and when it moves.

A household that loses its home enters the register of displaced households (displaced.py) and
its dwelling is let again. A family goes, in order: to alternative housing (in view before the
eviction under a housing duty; otherwise offered by the municipality when it is in contact and a
unit is free [TRG]), to relatives or friends with room for everybody (most do [AE17][TSG23]), to
emergency accommodation, to the family shelter; with none of these it lives hidden (a car, a
holiday home, a shed), and may let a relative take the children in. Adults alone go to relatives
or friends, the night shelter, or live hidden or on the street [ETH3]. Children stay with a
parent unless the family chooses otherwise or a youth-protection decision separates them
(children.py). Every place has a capacity and a cost (places.py) and a way out: a host's limit,
the end of an emergency stay, and rehousing (rehousing.py).

The stage receives the month's departures from the bailiff, the failed supported tenancies and
the homes found by rehousing (EvictionModel.step hands them over); the rules for children
(children.py) and schools (schools.py) follow each move.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from . import children, evictions, informal
from .displaced import (ALTERNATIVE, BETWEEN, DOUBLED_UP, EMERGENCY, FAMILY_SHELTER, FOLLOW_UP_MONTHS, HIDDEN, HOUSED,
                        NIGHT_SHELTER, NO_CHILD, PLACED, PLACES, RELATIVES, ROUGH, SETTLED, WITH_PARENTS, WITHOUT_HOME,
                        among)
from .costs import Item
from .rehousing import end_support, grant_urgency

if TYPE_CHECKING:
    from .bailiff import Departures
    from .places import Place
    from .rehousing import Homes
    from .world import World

PLACE_OF = {"emergency": EMERGENCY, "family_shelter": FAMILY_SHELTER, "night_shelter": NIGHT_SHELTER,
            "alternative": ALTERNATIVE}
ENTRIES = {"emergency": "emergency_entries", "family_shelter": "family_shelter_entries",
           "night_shelter": "night_shelter_entries", "alternative": "alternative_housing_placements"}


class Displacement:
    """Registers displaced households and moves them between places."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.reg = world.register
        self.row_of: dict[int, int] = {}  # household id -> register row

    # -- entering the register ---------------------------------------------------------------
    def displace(self, t: int, departures: Departures) -> None:
        """The departing households lose their home: evicted (with alternative housing in view or
        not), or gone before the bailiff came."""
        slots, executed, aid = departures.slots, departures.executed, departures.aid
        if slots.size == 0:
            return
        m = self.world
        hh = m.households
        heard = hh.case_heard[slots].copy()
        evictions.count_departures(m, t, slots, departures.causes, executed)
        in_view = np.zeros(slots.size, bool) if departures.in_view is None else departures.in_view
        if not executed:
            own = m.streams.draws("leaver_own_housing", t, hh.hid[slots]) < m.context.after_eviction.leaver_own_housing
            self._leave_the_model(t, slots[own])
            slots, aid, heard, in_view = slots[~own], aid[~own], heard[~own], in_view[~own]
        rows = self.register(t, slots, executed)
        self.reg.heard[rows] = heard
        self.reg.in_view[rows] = in_view
        arrived = self._arrive_at_once(t, rows, ~in_view)
        for row, unit, done in zip(rows.tolist(), in_view.tolist(), arrived.tolist()):
            if unit:
                self.enter(t, row, "alternative")
            elif not done:
                self.arrive(t, row)
        for place, count in enumerate(np.bincount(self.reg.place[rows], minlength=len(PLACES)).tolist()):
            if count:
                m.outcomes.add(f"displaced_to_{PLACES[place]}", count)
        if executed:
            evictions.count_first_places(m, self.reg, rows, aid)

    def _leave_the_model(self, t: int, slots: np.ndarray) -> None:
        """Leavers with a place of their own go out of the rented stock the model follows."""
        m = self.world
        m.outcomes.add("left_to_own_housing", slots.size)
        m.tenants.children_in_model -= int(m.households.children[slots].sum(dtype=np.int64))
        self._vacate(slots)

    def _vacate(self, slots: np.ndarray) -> None:
        """The household has left its dwelling: its support ends, the dwelling is free to let again."""
        m = self.world
        end_support(m, slots)
        m.households.clear_household(slots)
        m.vacancies.add(slots)

    def register(self, t: int, slots: np.ndarray, executed: bool) -> np.ndarray:
        """Copy the households into the register, with fresh ties, and free their dwellings."""
        m = self.world
        hh, reg, ae = m.households, self.reg, m.context.after_eviction
        rows = reg.add(slots.size)
        hids = hh.hid[slots]
        for name in ("hid", "municipality", "composition", "adults", "earnings"):
            getattr(reg, name)[rows] = getattr(hh, name)[slots]
        reg.place[rows], reg.since[rows], reg.place_since[rows] = BETWEEN, t, t
        reg.evicted_at[rows] = t if executed else -1
        munis = reg.municipality[rows]
        registered = m.local.lever("registration.enabled", munis) & (
            m.streams.draws("registration_contact", t, hids) < m.local.lever("registration.contact_share", munis))
        reg.contact[rows] = registered | (m.streams.draws("aftercare", t, hids) < ae.aftercare_contact)
        grant_urgency(m, t, rows)
        self._children(rows, hh.children[slots], hh.school_children[slots])
        ties = informal.draw_ties(m.streams, t, hids, ae.network_size_mean, ae.host_willing, ae.host_room_persons)
        for name, values in ties.items():
            getattr(reg, f"tie_{name}")[rows] = values
        for row, hid in zip(rows.tolist(), hids.tolist()):
            self._take_over(t, row, hid)
        self._vacate(slots)
        return rows

    def _children(self, rows: np.ndarray, count: np.ndarray, school: np.ndarray) -> None:
        """Each row's `count` children, with their parents; the first `school` of them at school."""
        k = np.arange(self.reg.child_place.shape[1])[None, :]
        self.reg.child_place[rows] = np.where(k < count[:, None], WITH_PARENTS, NO_CHILD)
        self.reg.child_school[rows] = k < school[:, None]

    def _take_over(self, t: int, row: int, hid: int) -> None:
        """A household displaced again while a child is still away keeps that child's place."""
        old = self.row_of.get(hid)
        if old is not None and old != row:
            reg = self.reg
            reg.child_place[row] = reg.child_place[old]
            reg.child_reunify[row] = reg.child_reunify[old]
            children.transfer(self.world, old, row)
            self.retire(t, np.array([old]))
        self.row_of[hid] = row

    def lose_home(self, t: int, slots: np.ndarray) -> None:
        """A supported tenancy failed: the household is displaced again, without a court case."""
        if slots.size == 0:
            return
        m = self.world
        hh = m.households
        owing = slots[hh.arrears[slots] > 0]
        m.outcomes.add("arrears_ended_departure", owing.size)
        m.outcomes.add("arrears_left_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
        m.outcomes.add("tenancies_failed", slots.size)
        rows = self.register(t, slots, executed=False)
        for row in rows[~self._arrive_at_once(t, rows)].tolist():
            self.arrive(t, row)

    def forget(self, t: int, hids: np.ndarray) -> None:
        """Households that move out of the rented stock leave the register; children still away
        leave the model with them (counted). Few of those who move out are in the register (about one
        a month of 3,500 movers at 400,000 households): they are found by a binary search of the
        register's ids, not a dict lookup per mover (1.3 ms against 2.9 ms for a national month's
        30,000 movers and 4,400 registered households)."""
        if hids.size == 0 or not self.row_of:
            return
        registered = np.sort(np.fromiter(self.row_of, dtype=np.int64, count=len(self.row_of)))
        at = np.minimum(np.searchsorted(registered, hids), registered.size - 1)
        leaving = hids[registered[at] == hids]
        rows = np.array([self.row_of[h] for h in leaving.tolist()], dtype=np.int64)
        if rows.size:
            self.world.outcomes.add("children_separated_left",
                                    int(self.reg.children(rows, (RELATIVES, *PLACED)).sum()))
            self.retire(t, rows)

    def retire(self, t: int, rows: np.ndarray) -> None:
        """Rows leave the register: the follow-up of an eviction ends (possibly early)."""
        evictions.record_follow_up(self.world, self.reg, t, rows[self.reg.evicted_at[rows] >= 0])
        children.release(self.world, rows)
        for hid in self.reg.hid[rows].tolist():
            self.row_of.pop(hid, None)
        for row in rows.tolist():
            for place in self._places(row):
                place.release(row)
        self.reg.retire(rows)

    # -- where a household goes --------------------------------------------------------------
    def arrive(self, t: int, row: int) -> None:
        """Find a place after losing the home, or when a host or an emergency stay ends."""
        if self.with_parents(row):
            self._family_arrives(t, row)
        else:
            self._adults_arrive(t, row)

    def _family_arrives(self, t: int, row: int) -> None:
        contact = self.reg.contact[row]
        if contact and self._draw("alternative_offer", t, row) < self._alternative_offer(row) \
                and self.enter(t, row, "alternative"):
            return
        if self._try_host(t, row):
            return
        if contact and (self.enter(t, row, "emergency") or self.enter(t, row, "family_shelter")):
            return
        children.relatives_by_choice(self.world, t, row)
        self.move(t, row, HIDDEN)
        if contact:
            self.place(row, "family_shelter").wait(row)

    def _alternative_offer(self, row: int) -> float:
        """Chance the municipality offers the family alternative housing (if a unit is free): the
        national practice times the municipality's own, at most 1."""
        practice = self.world.local.practice["alternative_offer_practice"][self.reg.municipality[row]]
        return min(self.world.context.after_eviction.alternative_offer_families * practice, 1.0)

    def _adults_arrive(self, t: int, row: int) -> None:
        reg = self.reg
        if self._try_host(t, row):
            return
        family = reg.child_count(row) > 0  # children away: the parents wait for a family place
        if reg.contact[row] and not family and self.enter(t, row, "night_shelter"):
            return
        hidden = self._draw("hidden", t, row) < self.world.context.after_eviction.hidden_share
        self.move(t, row, HIDDEN if hidden or family else ROUGH)
        if reg.contact[row]:
            self.place(row, "family_shelter" if family else "night_shelter").wait(row)

    def enter(self, t: int, row: int, kind: str) -> bool:
        """Into a place of `kind` if one is free."""
        if not self.place(row, kind).admit(row):
            return False
        self.move(t, row, PLACE_OF[kind])
        self.world.outcomes.add(ENTRIES[kind], 1)
        if kind == "emergency":
            self.reg.stay_until[row] = t + self.world.context.after_eviction.emergency_months_max
        return True

    def _try_host(self, t: int, row: int) -> bool:
        reg = self.reg
        tie = informal.find_host(reg.tie_relative[row], reg.tie_willing[row], reg.tie_room[row], reg.tie_used[row],
                                 int(reg.adults[row]) + self.with_parents(row))
        if tie is None:
            return False
        reg.stay_until[row] = self._host_stay(t, int(reg.hid[row]))
        self.move(t, row, DOUBLED_UP)
        return True

    def _host_stay(self, t: int, hid: int) -> int:
        """The month a stay with a host that starts now ends: its length drawn from the household's
        own number, a month's chance of ending 1 / the mean stay."""
        mean = self.world.context.after_eviction.host_months_mean
        return t + self.world.streams.month_count("host_months", t, hid, 1 / mean)

    def move(self, t: int, row: int, place: int) -> None:
        """Move the adults (and the children with them) to `place`."""
        reg = self.reg
        old = reg.place[row]
        if place != old:
            if self.with_parents(row):  # children move along (most displaced households have none)
                self.world.schools.move(t, row, reg.child_place[row] == WITH_PARENTS, place)
            if PLACES[old] in PLACE_OF:  # a place with a capacity
                self.place(row, PLACES[old]).release(row)
        reg.place[row], reg.place_since[row] = place, t
        if place in WITHOUT_HOME and reg.evicted_at[row] >= 0 and t - reg.evicted_at[row] < FOLLOW_UP_MONTHS:
            reg.ever_homeless[row] = True
        if place in SETTLED:
            children.parents_settled(self.world, t, row)
        self.world.journeys.log(t, int(reg.hid[row]), "moved", PLACES[place])

    def wants_place(self, row: int, kind: str) -> bool:
        """A household on a waiting list still needs the place (it may have found better meanwhile)."""
        if not self.reg.active[row]:
            return False
        place = self.reg.place[row]
        if kind == "family_shelter":
            return place in (DOUBLED_UP, EMERGENCY, HIDDEN, ROUGH, NIGHT_SHELTER)
        return place in (DOUBLED_UP, HIDDEN, ROUGH)

    def enter_from_waiting_list(self, t: int, row: int, kind: str) -> None:
        self.move(t, row, PLACE_OF[kind])
        self.world.outcomes.add(ENTRIES[kind], 1)

    # -- helpers -----------------------------------------------------------------------------
    def with_parents(self, row: int) -> int:
        return self.reg.child_count(row, WITH_PARENTS)

    def _draw(self, name: str, t: int, row: int) -> float:
        return self.world.streams.draw(name, t, int(self.reg.hid[row]))

    def place(self, row: int, kind: str) -> Place:
        return self.world.places[(int(self.reg.municipality[row]), kind)]

    def _places(self, row: int) -> list[Place]:
        return [p for p in self.world.places_of[int(self.reg.municipality[row])] if p.kind != "housing_first"]

    # -- each month --------------------------------------------------------------------------
    def step(self, t: int) -> np.ndarray:
        """Shelters take in from their waiting lists; alternative housing is built; households
        without contact may reach the municipality. Returns the register's rows this month."""
        m = self.world
        for place in m.place_list:
            if place.kind in ("family_shelter", "night_shelter") and place.waiting:
                place.fill(t, partial(self.wants_place, kind=place.kind),
                           partial(self.enter_from_waiting_list, kind=place.kind))
        for place in m.place_list:
            if place.kind == "alternative":
                m.outcomes.add_cost(Item.ALTERNATIVE_BUILD, place.build(t))
        rows = self.reg.rows()
        self._come_into_contact(t, rows)
        return rows

    def rehouse(self, t: int, homes: Homes) -> None:
        """Households that found a home (rehousing.py) move in: they are housed, and their children
        with relatives come back."""
        m, reg = self.world, self.reg
        rows, routes = homes.rows, homes.routes
        m.outcomes.add("rehoused", rows.size)
        for route, count in zip(*np.unique(routes, return_counts=True)):
            m.outcomes.add(f"rehoused_{route}", int(count))
        alone = self._housed_at_once(t, rows)
        for row in rows[~alone].tolist():
            self.move(t, row, HOUSED)
        log = m.journeys.log  # each household's route after its own move, however it moved
        for hid, route in zip(reg.hid[rows].tolist(), routes.tolist()):
            log(t, hid, "rehoused", route)

    def _housed_at_once(self, t: int, rows: np.ndarray) -> np.ndarray:
        """Of `rows`, who found a home, households without children move in all together (as `move`
        moves them: out of the place they were in, no school, no child to bring back); returns a
        mask over `rows` of those. Households with children go one by one."""
        alone = self.reg.children(rows) == 0
        self._move_at_once(t, rows[alone], HOUSED)
        return alone

    def end_of_month(self, t: int) -> None:
        """Hosts and emergency stays end; the year after each eviction is recorded; households
        settled for good leave the register; this month's costs of places and care and the
        disrupted school months are counted."""
        self._stays_end(t)
        evictions.follow_up(self.world, self.reg, t)
        self._retire_finished(t)
        evictions.account(self.world, self.reg, t, self.reg.rows())

    def _come_into_contact(self, t: int, rows: np.ndarray) -> None:
        """Households without contact reach the municipality in time (street outreach, the shelter
        desk): they join the shelters' waiting lists and may get urgency."""
        m, reg = self.world, self.reg
        rows = rows[~reg.contact[rows] & (reg.place[rows] != HOUSED) & (reg.since[rows] < t)]
        met = rows[m.streams.draws("contact_later", t, reg.hid[rows]) < m.context.after_eviction.contact_per_month]
        reg.contact[met] = True
        grant_urgency(m, t, met)
        m.outcomes.add("contacts_after_eviction", met.size)
        for row in met.tolist():
            family = reg.child_count(row) > 0
            if reg.place[row] in (DOUBLED_UP, HIDDEN, ROUGH):
                self.place(row, "family_shelter" if family else "night_shelter").wait(row)

    def _stays_end(self, t: int) -> None:
        """Hosts ask a household to leave; emergency stays end: find the next place."""
        reg = self.reg
        rows = reg.rows()
        ending = rows[among(reg.place[rows], (DOUBLED_UP, EMERGENCY)) & (reg.stay_until[rows] <= t)]
        for hid, place in zip(reg.hid[ending].tolist(), reg.place[ending].tolist()):
            self.world.journeys.log(t, hid, "stay_ended", PLACES[place])  # before each one's move
        # (an emergency stay's end frees its place first: those go one by one)
        for row in ending[~self._arrive_at_once(t, ending, reg.place[ending] == DOUBLED_UP)].tolist():
            if reg.place[row] == EMERGENCY:
                self.place(row, "emergency").release(row)
            reg.place[row] = BETWEEN  # a moment without a place: no move of its own
            self.arrive(t, row)

    def _arrive_at_once(self, t: int, rows: np.ndarray, eligible: np.ndarray | None = None) -> np.ndarray:
        """Of `rows` (those `eligible` if given), about to look for a place (just displaced, or their
        host's stay ended), the adults alone move at once, all together, where `arrive` would take
        them: to a host if they find one (most of them); else, out of the municipality's sight (no
        contact: no shelter, no waiting list), hidden or onto the street; else, in contact and
        without children, to the night shelter or its waiting list (_to_night_shelter). Returns a
        mask over `rows` of those that moved; the others (families, and parents whose children are
        away, who wait for a family shelter) are for `arrive` one by one, and in their order they
        find what they would have found. A household's journey log gets the same events, in its
        own order, either way (journeys are read household by household)."""
        if rows.size == 0:  # a month in which nobody's stay ends
            return np.zeros(0, bool)
        reg = self.reg
        adults = reg.children(rows, WITH_PARENTS) == 0
        alone = np.flatnonzero(adults if eligible is None else adults & eligible)
        later = rows[adults & ~eligible] if eligible is not None else rows[:0]  # adults who go one by one
        candidates = rows[alone]
        tie, found = informal.first_hosts(reg.tie_relative[candidates], reg.tie_willing[candidates],
                                          reg.tie_room[candidates], reg.tie_used[candidates],
                                          reg.adults[candidates])
        hosted = candidates[found]
        reg.tie_used[hosted, tie[found]] = True
        reg.stay_until[hosted] = [self._host_stay(t, hid) for hid in reg.hid[hosted].tolist()]
        self._move_at_once(t, hosted, DOUBLED_UP)
        unseen = ~found & ~reg.contact[candidates]
        self._out_of_sight(t, candidates[unseen])
        # Adults who go one by one after these (those not eligible) could find the night shelter
        # full if these went first: then these go one by one too.
        later_for_shelter = reg.contact[later] & (reg.children(later) == 0)
        childless = ~found & ~unseen & (reg.children(candidates) == 0) & ~later_for_shelter.any()
        self._to_night_shelter(t, candidates[childless])
        done = np.zeros(rows.size, bool)
        done[alone[found | unseen | childless]] = True
        return done

    def _to_night_shelter(self, t: int, rows: np.ndarray) -> None:
        """Adults in contact without a host and without children (`rows`, in order) go to the night
        shelter while it has places; the others hidden or onto the street, and onto its waiting list,
        as _adults_arrive takes them one by one. Only such adults enter night shelters while the
        displaced arrive, so their order among themselves is the order that counts (the caller sends
        them only when no such adult goes one by one after them)."""
        if rows.size == 0:
            return
        shelters = [self.place(row, "night_shelter") for row in rows.tolist()]
        admitted = np.array([shelter.admit(row) for shelter, row in zip(shelters, rows.tolist())], dtype=bool)
        self._move_at_once(t, rows[admitted], NIGHT_SHELTER)
        self.world.outcomes.add(ENTRIES["night_shelter"], int(admitted.sum()))
        self._out_of_sight(t, rows[~admitted])
        for shelter, row, entered in zip(shelters, rows.tolist(), admitted.tolist()):
            if not entered:
                shelter.wait(row)

    def _out_of_sight(self, t: int, rows: np.ndarray) -> None:
        """Adults without a host and without contact (`rows`) go hidden or onto the street, as
        _adults_arrive and move send them (parents whose children are away stay hidden)."""
        if rows.size == 0:  # most months: every adult alone found a host or has contact
            return
        reg = self.reg
        hidden = self.world.streams.draws("hidden", t, reg.hid[rows]) < self.world.context.after_eviction.hidden_share
        self._move_at_once(t, rows, np.where(hidden | (reg.children(rows) > 0), HIDDEN, ROUGH))

    def _move_at_once(self, t: int, rows: np.ndarray, place: int | np.ndarray) -> None:
        """`move` for many rows at once, for households with no child with them and none that would
        come back (so no school and no reunification): out of the place with a capacity they were in,
        into `place` (one for all, or one each), without a home in the follow-up if it is one; the
        move logged for those whose journey is."""
        if rows.size == 0:  # called for each way out; in most months some ways have nobody
            return
        reg = self.reg
        place = np.broadcast_to(np.asarray(place, reg.place.dtype), rows.shape)
        old = reg.place[rows]
        leaving = np.flatnonzero(among(old, tuple(PLACE_OF.values())) & (old != place))
        for row, kind in zip(rows[leaving].tolist(), old[leaving].tolist()):
            self.place(row, PLACES[kind]).release(row)
        reg.place[rows], reg.place_since[rows] = place, t
        evicted = reg.evicted_at[rows]
        reg.ever_homeless[rows[among(place, WITHOUT_HOME) & (evicted >= 0) & (t - evicted < FOLLOW_UP_MONTHS)]] = True
        log = self.world.journeys.log
        for hid, where in zip(reg.hid[rows].tolist(), place.tolist()):
            log(t, hid, "moved", PLACES[where])

    def _retire_finished(self, t: int) -> None:
        """Housed, every child home, and the follow-up of an eviction over."""
        reg = self.reg
        rows = reg.rows()
        done = (reg.place[rows] == HOUSED) & (reg.children(rows, (RELATIVES, *PLACED)) == 0)
        done &= (reg.evicted_at[rows] < 0) | (t - reg.evicted_at[rows] >= FOLLOW_UP_MONTHS)
        self.retire(t, rows[done])

    def census(self, t: int) -> dict[str, float]:
        return evictions.census(self.world, self.reg, t)
