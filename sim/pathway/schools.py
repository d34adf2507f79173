"""Schools: a child changes school when its new place is out of reach of its old school.

Each move of a school-age child (with its parents, or away from them) is counted; whether the
new place is out of reach depends on the kind of place (a relative's sofa may be near, a family
shelter is regional), on the municipality (small towns have no shelters of their own: the
centrumgemeente is further away), and on whether the municipality heard the children (it then
weighs the school in where it places the family: policy.consultation.school_weight). Months a
school-age child spends without a stable place, or away from its parents, are disrupted school
months (counted in evictions.account at the month's end).

`Schools` is a service, not a stage: displacement.py and children.py call it with every move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .displaced import (ALTERNATIVE, DOUBLED_UP, EMERGENCY, FAMILY_SHELTER, FOLLOW_UP_MONTHS, HIDDEN, HOUSED,
                        NIGHT_SHELTER, ROUGH)

if TYPE_CHECKING:
    from .world import World

SMALL_TOWN = 20_000  # rented households: below this a municipality has no shelters of its own (assumption)


class Schools:
    """School changes per move."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.reg = world.register
        s = world.context.schools
        self.far = {DOUBLED_UP: s.far_doubled_up, EMERGENCY: s.far_emergency, FAMILY_SHELTER: s.far_shelter,
                    NIGHT_SHELTER: s.far_shelter, HIDDEN: s.far_hidden, ROUGH: s.far_hidden,
                    ALTERNATIVE: s.far_alternative, HOUSED: s.far_rehoused}
        self.factor = np.array([s.small_town_factor if m.block.size < SMALL_TOWN else 1.0
                                for m in world.municipalities])

    def move(self, t: int, row: int, children: np.ndarray, place: int) -> None:
        """The children in `children` (a mask of the row's children) move with their parents to `place`."""
        self._moves(t, row, children, self.far.get(place, 0.0), "moved")

    def separate(self, t: int, row: int, children: np.ndarray) -> None:
        self._moves(t, row, children, self.world.context.schools.far_separated, "separated")

    def _moves(self, t: int, row: int, children: np.ndarray, far: float, reason: str) -> None:
        m, reg = self.world, self.reg
        if not children.any():
            return
        in_follow_up = reg.evicted_at[row] >= 0 and t - reg.evicted_at[row] < FOLLOW_UP_MONTHS
        if in_follow_up:
            reg.child_moves[row, children] += 1
        m.outcomes.add("child_moves", int(children.sum()))
        chance = min(1.0, far * self.factor[int(reg.municipality[row])])
        if reg.heard[row]:
            chance *= 1 - m.policy.consultation.school_weight
        hid = int(reg.hid[row])
        for k in np.flatnonzero(children & reg.child_school[row]).tolist():
            if m.streams.draw(f"school_{k}", t, hid) < chance:
                if in_follow_up:
                    reg.child_changes[row, k] += 1
                m.outcomes.add("school_changes", 1)
                m.journeys.log(t, hid, "school_change", reason)
