"""Homeless families from other causes: families with minor children who lose their home for
another reason than an eviction the model follows (a separation, leaving an institution, no
affordable home), so that an urgency or a duty for all homeless families can be modelled, not only
for evicted ones.

They arrive at the rate of their municipality type (population.Profile
.homeless_families_other_per_10k_per_year, derived from [TRG][FO11][DH2]), in contact with the
municipality.
They take the same family shelter places as evicted families (places.py adds the places that
serve them, their arrival rate times their stay): places left free once the shelter's waiting list
of evicted families has been offered them; without a place they stay with others or hidden. They
get an urgency status as an evicted family in contact would (context.rehousing.urgency_families),
every one of them under the law's family urgency (policy.allocation.urgency_homeless_families), and
find a home by the same routes and chances as the displaced households (rehousing.py): urgency,
leaving the shelter, or on their own, each needing a vacancy in their municipality after the
displaced households have taken theirs, within the urgent quota. Housed, they become tenants like
any other household. They are counted apart (outcomes `homeless_families_other`, ...), so that the
eviction pathway's results stay what they were about evictions.

Left out: their children's schools and youth protection, their costs besides the shelter places,
and any arrears history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .evictions import mean_months
from .population import COUPLE_CHILDREN, SINGLE_PARENT
from .rehousing import choose_homes, family_urgency

if TYPE_CHECKING:
    from .world import World

FAMILY_IDS = np.int64(1) << np.int64(62)  # their ids, homeless and housed: apart from every other household id


class HomelessFamilies:
    """The homeless families from other causes, as arrays (few: 2-20 a year per 10,000 households)."""

    def __init__(self, world: World) -> None:
        self.world = world
        profiles = [b.profile for b in world.blocks]
        self.rate = np.array([p.households * p.homeless_families_other_per_10k_per_year / 10_000 / 12
                              for p in profiles])  # families a month
        self.market = np.array([p.rehousing_factor for p in profiles])  # how fast a home is found here
        self.credit = np.zeros(len(profiles))
        self.arrived = 0  # families so far (their ids)
        self.fid = np.empty(0, np.int64)
        self.municipality = np.empty(0, np.int16)
        self.children = np.empty(0, np.int8)
        self.single_parent = np.empty(0, bool)
        self.since = np.empty(0, np.int16)
        self.urgency = np.empty(0, bool)
        self.sheltered = np.empty(0, bool)

    # -- phase 8: they arrive and look for a shelter place ------------------------------------
    def arrive(self, t: int) -> None:
        """This month's families arrive (whole families: the fractions carry over) and the ones
        without a place take family shelter places left free."""
        self.credit += self.rate
        counts = np.floor(self.credit).astype(np.int64)
        self.credit -= counts
        if counts.any():
            self._add(t, np.repeat(np.arange(counts.size), counts).astype(np.int16))
        self._grant_urgency(t, np.flatnonzero(~self.urgency))
        self._to_shelter(t)

    def _add(self, t: int, munis: np.ndarray) -> None:
        """Families arriving in `munis`: one or two parents as their municipality's families are,
        1-3 children as its families have."""
        w = self.world
        n = munis.size
        fid = FAMILY_IDS + self.arrived + np.arange(n, dtype=np.int64)
        self.arrived += n
        profiles = [b.profile for b in w.blocks]
        single = np.array([p.share_single_parent / (p.share_single_parent + p.share_couple_children) for p in profiles])
        one = np.array([p.children_one for p in profiles])
        two = np.array([p.children_two for p in profiles])
        u = w.streams.draws("other_family_children", t, fid)
        children = 1 + (u >= one[munis]).astype(np.int8) + (u >= (one + two)[munis]).astype(np.int8)
        self.fid = np.concatenate([self.fid, fid])
        self.municipality = np.concatenate([self.municipality, munis])
        self.children = np.concatenate([self.children, children.astype(np.int8)])
        self.single_parent = np.concatenate(
            [self.single_parent, w.streams.draws("other_family_single", t, fid) < single[munis]])
        self.since = np.concatenate([self.since, np.full(n, t, np.int16)])
        self.urgency = np.concatenate([self.urgency, np.zeros(n, bool)])
        self.sheltered = np.concatenate([self.sheltered, np.zeros(n, bool)])
        w.outcomes.add("homeless_families_other_arrived", n)

    def _grant_urgency(self, t: int, k: np.ndarray) -> None:
        """Urgency as an evicted family in contact would get it, or for all under the law's family urgency."""
        w = self.world
        if family_urgency(w, t):
            self.urgency[k] = True
            return
        new = k[self.since[k] == t]  # decided once, when the family arrives
        chance = w.context.rehousing.urgency_families
        self.urgency[new] = w.streams.draws("other_family_urgency", t, self.fid[new]) < chance

    def _to_shelter(self, t: int) -> None:
        """Families without a place take family shelter places that are free (after the shelter
        offered its waiting list of evicted families the places freed this month)."""
        w = self.world
        for k in np.flatnonzero(~self.sheltered).tolist():
            place = w.places[(int(self.municipality[k]), "family_shelter")]
            if place.free <= 0:
                continue
            place.admit(self._occupant(k))
            self.sheltered[k] = True
            w.outcomes.add("family_shelter_entries_other", 1)

    def _occupant(self, k: int) -> int:
        """Family k as a shelter's occupant: a negative number, apart from the register's rows."""
        return -1 - int(self.fid[k] - FAMILY_IDS)

    # -- phase 9: they find a home ------------------------------------------------------------
    def find_homes(self, t: int) -> None:
        """Families that find a home this month, by the displaced households' routes and chances,
        in vacancies the displaced households left, the urgent ones within the urgent quota."""
        w = self.world
        k = np.flatnonzero(self.since < t)
        if k.size == 0:
            return
        munis = self.municipality[k]
        chosen, how = choose_homes(w, t, "other_family_home", self.fid[k], munis, self.market[munis], self.urgency[k],
                                   self.sheltered[k])
        k, urgent = k[chosen], how[chosen] != "regular"
        slots = w.vacancies.take(self.municipality[k], private_first=~urgent)
        w.outcomes.add("rehousing_waiting_vacancy", int((slots < 0).sum()))
        found = slots >= 0
        k, urgent, slots = k[found], urgent[found], slots[found]
        self._move_in(t, k, slots)
        w.lettings.let(slots, np.where(urgent, "homeless_family_other", "homeless_own"))
        self._leave(k)

    def _move_in(self, t: int, k: np.ndarray, slots: np.ndarray) -> None:
        """The families become tenants: households of their municipality with their own make-up. Each
        keeps its id, as a rehoused evicted household does: an id from the dwelling and month
        (household_ids) would be the one a newcomer gets where that dwelling is let a month later
        under another policy, and two different households with one id break the paired
        comparison of households (common random numbers)."""
        w = self.world
        composition = np.where(self.single_parent[k], SINGLE_PARENT, COUPLE_CHILDREN).astype(np.int8)
        w.tenants.move_in_as(slots, t, self.fid[k], composition, self.children[k])
        w.outcomes.add("homeless_families_other_rehoused", k.size)

    def _leave(self, k: np.ndarray) -> None:
        """Housed families leave the arrays and their shelter places."""
        w = self.world
        for j in k[self.sheltered[k]].tolist():
            w.places[(int(self.municipality[j]), "family_shelter")].release(self._occupant(j))
        keep = np.ones(self.fid.size, bool)
        keep[k] = False
        for name in ("fid", "municipality", "children", "single_parent", "since", "urgency", "sheltered"):
            setattr(self, name, getattr(self, name)[keep])

    # -- the month's end ----------------------------------------------------------------------
    def census(self, t: int) -> dict[str, float]:
        """Homeless families from other causes now, their children, and how long they have been homeless."""
        months = t - self.since
        return {"homeless_families_other": int(self.fid.size),
                "homeless_children_other": int(self.children.sum(dtype=np.int64)),
                "homeless_families_other_sheltered": int(self.sheltered.sum()),
                "homeless_families_other_months": mean_months(months)}
