"""Children of displaced households: with a parent, unless a decision or the family separates them.

95 % of homeless children counted in 2024 were with a parent [ETH2]. A child leaves its parents
only (a) when the family, with nowhere suitable, lets a relative take the children in (its own
choice), or (b) after a youth-protection decision: supervision at home or a placement out of
home. The chance of a decision rises with the family's circumstances: low in a shelter or
alternative housing, higher staying with others, highest living hidden, and higher the longer
the family has no home. A placement needs a foster place; when none is free the child goes to
residential care, which costs more. Children with relatives come back as soon as the parents
are settled; placed children after a delay (a new decision). Placements from evictions are a
small part of the national out-of-home placements [SKP][NJI-PZ], which bound them.

The functions here are the rules that follow a family's moves (displacement.py applies them as a
household moves); `Children` is the stage that takes youth-protection decisions and brings placed
children home, once a month.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import informal
from .displaced import (BETWEEN, DOUBLED_UP, FOLLOW_UP_MONTHS, FOSTER, HIDDEN, HOUSED, MAX_CHILDREN, NO_CHILD, PLACED,
                        RELATIVES, RESIDENTIAL, ROUGH, SETTLED, WITH_PARENTS, among)

if TYPE_CHECKING:
    from .places import Place
    from .world import World

EXPOSED = (HIDDEN, ROUGH, BETWEEN)  # no place of the family's own: the highest concern


def _foster(world: World, row: int) -> Place:
    return world.places[(int(world.register.municipality[row]), "foster")]


# -- rules that follow a family's moves ---------------------------------------------------------
def relatives_by_choice(world: World, t: int, row: int) -> None:
    """With nowhere suitable, a family may let a relative with room take the children in."""
    reg = world.register
    kids = reg.child_place[row] == WITH_PARENTS
    chance = world.context.youth_protection.relatives_by_choice
    if world.streams.draw("relatives_by_choice", t, int(reg.hid[row])) >= chance:
        return
    tie = informal.find_relative_for_children(reg.tie_relative[row], reg.tie_willing[row], reg.tie_room[row],
                                              reg.tie_used[row], int(kids.sum()))
    if tie is not None:
        _separate(world, t, row, kids, RELATIVES, "relatives")


def _separate(world: World, t: int, row: int, kids: np.ndarray, place: int, name: str) -> None:
    reg = world.register
    world.schools.separate(t, row, kids)
    reg.child_place[row, kids] = place
    if reg.evicted_at[row] >= 0 and t - reg.evicted_at[row] < FOLLOW_UP_MONTHS:
        reg.child_separated[row, kids] = True
    n = int(kids.sum())
    world.outcomes.add("children_separated", n)
    world.outcomes.add(f"children_to_{name}", n)
    world.journeys.log(t, int(reg.hid[row]), "children_separated", f"{n} to {name}")


def parents_settled(world: World, t: int, row: int) -> None:
    """Relatives bring the children back now; placed children come back after a new decision."""
    reg = world.register
    places = reg.child_place[row].tolist()
    if RELATIVES not in places and FOSTER not in places and RESIDENTIAL not in places:
        return  # nobody away (most households): no NumPy work per move
    back = reg.child_place[row] == RELATIVES
    if back.any():
        reg.child_place[row, back] = WITH_PARENTS
        _reunified(world, t, row, int(back.sum()))
    waiting = among(reg.child_place[row], PLACED) & (reg.child_reunify[row] < 0)
    reg.child_reunify[row, waiting] = t + world.context.youth_protection.reunify_months


def _reunified(world: World, t: int, row: int, n: int) -> None:
    world.outcomes.add("children_reunified", n)
    world.journeys.log(t, int(world.register.hid[row]), "children_reunified", str(n))


def release(world: World, rows: np.ndarray) -> None:
    """Rows leave the register: their foster places are free again."""
    reg = world.register
    at, ks = np.nonzero(reg.child_place[rows] == FOSTER)  # row by row, child by child (few are in foster care)
    for row, k in zip(rows[at].tolist(), ks.tolist()):
        _foster(world, row).release(row * MAX_CHILDREN + k)


def transfer(world: World, old: int, new: int) -> None:
    """A household displaced again keeps its children's foster places in its new row."""
    reg = world.register
    for k in np.flatnonzero(reg.child_place[old] == FOSTER).tolist():
        place = _foster(world, old)
        place.release(old * MAX_CHILDREN + k)
        place.occupants.add(new * MAX_CHILDREN + k)
    reg.child_place[old] = NO_CHILD


class Children:
    """The stage: youth-protection decisions, placements and their capacity, placed children's way home."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.reg = world.register

    def step(self, t: int, rows: np.ndarray) -> None:
        """Placed children whose return was decided come home; new decisions for families without
        a home of their own (register `rows`)."""
        self._returns(t, rows)
        self._decisions(t, rows)

    def _hazard(self, t: int, rows: np.ndarray) -> np.ndarray:
        yp = self.world.context.youth_protection
        reg = self.reg
        place = reg.place[rows]
        elsewhere = np.where(place == DOUBLED_UP, yp.decision_per_month_doubled_up, yp.decision_per_month_sheltered)
        base = np.where(among(place, EXPOSED), yp.decision_per_month_hidden, elsewhere)
        return np.minimum(1.0, base * (1 + yp.rising_per_month * (t - reg.since[rows])))

    def _decisions(self, t: int, rows: np.ndarray) -> None:
        """Youth-protection decisions for families without a home of their own."""
        m, reg = self.world, self.reg
        yp = m.context.youth_protection
        rows = rows[(reg.place[rows] != HOUSED) & (reg.children(rows, WITH_PARENTS) > 0)
                    & (reg.supervised_until[rows] < t) & (reg.since[rows] < t)]
        hids = reg.hid[rows]
        decided = rows[m.streams.draws("youth_protection", t, hids) < self._hazard(t, rows)]
        placed = m.streams.draws("placement", t, reg.hid[decided]) < yp.placement_share
        for row in decided[placed].tolist():
            self._place(t, row)
        supervised = decided[~placed]
        reg.supervised_until[supervised] = t + yp.supervision_months
        m.outcomes.add("youth_protection_decisions", decided.size)
        m.outcomes.add("children_supervised", int(reg.children(supervised, WITH_PARENTS).sum()))
        for row in supervised.tolist():
            m.journeys.log(t, int(reg.hid[row]), "supervision", "")

    def _place(self, t: int, row: int) -> None:
        """Placement out of home: foster care if a place is free, otherwise residential care."""
        reg = self.reg
        for k in np.flatnonzero(reg.child_place[row] == WITH_PARENTS).tolist():
            foster = _foster(self.world, row).admit(row * MAX_CHILDREN + k)
            kid = np.zeros(MAX_CHILDREN, bool)
            kid[k] = True
            _separate(self.world, t, row, kid, FOSTER if foster else RESIDENTIAL, "foster" if foster else "residential")
        if reg.place[row] in SETTLED:
            parents_settled(self.world, t, row)

    def _returns(self, t: int, rows: np.ndarray) -> None:
        reg = self.reg
        places = reg.child_place[rows]
        due = among(places, PLACED) & (reg.child_reunify[rows] >= 0) & (reg.child_reunify[rows] <= t)
        for row in rows[due.any(axis=1)].tolist():
            back = among(reg.child_place[row], PLACED) & (reg.child_reunify[row] >= 0) & (reg.child_reunify[row] <= t)
            for k in np.flatnonzero(back).tolist():
                _foster(self.world, row).release(row * MAX_CHILDREN + k)
            reg.child_place[row, back] = WITH_PARENTS
            reg.child_reunify[row, back] = -1
            _reunified(self.world, t, row, int(back.sum()))
