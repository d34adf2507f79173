"""The register of displaced households: one row per household that lost its home, kept until it
and all its children are housed again and, after an eviction, at least twelve months have passed
(the follow-up of the rights scorecard's cohort).

A row holds what the household brought (id, municipality, make-up, earnings), where the adults
are (`place`) and since when, where each child is (`child_place`) with its moves and school
changes, any youth-protection measure, the household's network of ties (informal.py), its
contact with the municipality and any urgency status, and what the follow-up records: whether
it was ever without a home (in emergency accommodation, a shelter, hidden or on the street),
whether alternative housing was in view at the eviction. Rows are
arrays, so the monthly work is vectorised; the rules that decide where a household goes
(displacement.py) run per household, only when it moves.
"""

from __future__ import annotations

import numpy as np

from .informal import MAX_TIES

PLACES = ("between", "doubled_up", "emergency", "family_shelter", "night_shelter", "hidden", "rough",
          "alternative", "housed")
BETWEEN, DOUBLED_UP, EMERGENCY, FAMILY_SHELTER, NIGHT_SHELTER, HIDDEN, ROUGH, ALTERNATIVE, HOUSED = range(len(PLACES))
HOMELESS = np.array([DOUBLED_UP, EMERGENCY, FAMILY_SHELTER, NIGHT_SHELTER, HIDDEN, ROUGH])  # ETHOS
WITHOUT_HOME = (EMERGENCY, FAMILY_SHELTER, NIGHT_SHELTER, HIDDEN, ROUGH)  # not even with relatives or friends
SHELTERS = np.array([FAMILY_SHELTER, NIGHT_SHELTER])
UNSHELTERED = np.array([HIDDEN, ROUGH])
MAX_CHILDREN = 3
CHILD_PLACES = ("with_parents", "relatives", "foster", "residential")
NO_CHILD, WITH_PARENTS, RELATIVES, FOSTER, RESIDENTIAL = -1, 0, 1, 2, 3
AWAY = (RELATIVES, FOSTER, RESIDENTIAL)
PLACED = (FOSTER, RESIDENTIAL)
FOLLOW_UP_MONTHS = 12

_ROW_FIELDS = {"hid": np.int64, "municipality": np.int16, "composition": np.int8, "adults": np.int8,
               "earnings": np.float32, "place": np.int8, "since": np.int16, "place_since": np.int16,
               "stay_until": np.int16, "contact": bool, "urgency": bool, "heard": bool, "supervised_until": np.int16,
               "evicted_at": np.int16, "ever_homeless": bool, "in_view": bool, "followed_up": bool, "active": bool}
_CHILD_FIELDS = {"child_place": np.int8, "child_school": bool, "child_reunify": np.int16, "child_moves": np.int8,
                 "child_changes": np.int8, "child_separated": bool}
_TIE_FIELDS = {"tie_relative": bool, "tie_willing": bool, "tie_room": np.int8, "tie_used": bool}
_FILL = {"child_place": NO_CHILD, "child_reunify": -1, "supervised_until": -1, "evicted_at": -1, "stay_until": -1}


def among(codes: np.ndarray, group: int | tuple[int, ...] | np.ndarray) -> np.ndarray:
    """Which of `codes` (places or child places) are in `group`: `np.isin` for the few codes of
    this module, by comparisons (np.isin sorts, which costs more than the arrays here)."""
    if np.ndim(group) == 0:
        return codes == group
    inside = np.zeros(np.shape(codes), bool)
    for code in np.asarray(group).tolist():
        inside |= codes == code
    return inside


class Register:
    """Displaced households as arrays; rows are reused after a household leaves the register."""

    def __init__(self, capacity: int = 64) -> None:
        self.capacity = 0
        self._grow(capacity)

    def _grow(self, capacity: int) -> None:
        for fields, shape in ((_ROW_FIELDS, ()), (_CHILD_FIELDS, (MAX_CHILDREN,)), (_TIE_FIELDS, (MAX_TIES,))):
            for name, dtype in fields.items():
                new = np.full((capacity, *shape), _FILL.get(name, 0), dtype=dtype)
                old = getattr(self, name, None)
                if old is not None:
                    new[: old.shape[0]] = old
                setattr(self, name, new)
        self.capacity = capacity

    def add(self, n: int) -> np.ndarray:
        """Indices of `n` free rows, reset to their empty values (the register grows when full)."""
        free = np.flatnonzero(~self.active)
        if free.size < n:
            self._grow(max(2 * self.capacity, self.capacity + n))
            free = np.flatnonzero(~self.active)
        rows = free[:n]
        for fields in (_ROW_FIELDS, _CHILD_FIELDS, _TIE_FIELDS):
            for name in fields:
                getattr(self, name)[rows] = _FILL.get(name, 0)
        self.active[rows] = True
        return rows

    def retire(self, rows: np.ndarray) -> None:
        self.active[rows] = False

    def rows(self) -> np.ndarray:
        return np.flatnonzero(self.active)

    def children(self, rows: np.ndarray, where: int | tuple[int, ...] | None = None) -> np.ndarray:
        """Number of children per row (in one place or places, if given)."""
        places = self.child_place[rows]
        if where is None:
            return (places != NO_CHILD).sum(axis=1)
        return among(places, where).sum(axis=1)

    def child_count(self, row: int, where: int | None = None) -> int:
        """`children` of one row (in one place, if given), without NumPy's per-call cost."""
        places = self.child_place[row].tolist()
        return places.count(where) if where is not None else MAX_CHILDREN - places.count(NO_CHILD)

    def unhoused(self, rows: np.ndarray) -> np.ndarray:
        return rows[self.place[rows] != HOUSED]
