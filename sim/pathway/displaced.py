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

from dataclasses import dataclass, field, fields
from typing import Any

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
SETTLED = (FAMILY_SHELTER, ALTERNATIVE, HOUSED)  # a family settled enough for children with relatives to come back


def among(codes: np.ndarray, group: int | tuple[int, ...] | np.ndarray) -> np.ndarray:
    """Which of `codes` (places or child places) are in `group`: `np.isin` for the few codes of
    this module, by looking each code up in a table of the group's (np.isin sorts, and a comparison
    per code of the group costs a NumPy call each: the register's arrays are short, the calls many)."""
    if isinstance(group, tuple):
        key = group
    elif isinstance(group, np.ndarray) and group.ndim:
        key = tuple(group.tolist())
    else:  # one code
        return codes == group
    table = _GROUP_TABLES.get(key)
    if table is None:
        table = _GROUP_TABLES[key] = np.zeros(16, bool)  # every code, NO_CHILD (-1) last
        table[list(key)] = True
    return table[codes]


_GROUP_TABLES: dict[tuple[int, ...], np.ndarray] = {}  # a group of codes -> which of the 16 codes are in it


def _row(dtype: type, fill: int = 0) -> Any:
    """A register field with one value per row."""
    return field(init=False, repr=False, metadata={"dtype": dtype, "shape": (), "fill": fill})


def _per_child(dtype: type, fill: int = 0) -> Any:
    """A register field with one value per child of the row (MAX_CHILDREN slots)."""
    return field(init=False, repr=False, metadata={"dtype": dtype, "shape": (MAX_CHILDREN,), "fill": fill})


def _per_tie(dtype: type) -> Any:
    """A register field with one value per tie of the row's network (informal.MAX_TIES)."""
    return field(init=False, repr=False, metadata={"dtype": dtype, "shape": (MAX_TIES,), "fill": 0})


@dataclass(eq=False)
class Register:
    """Displaced households as arrays, one row each; rows are reused after a household leaves."""

    capacity: int = 64
    # what the household brought
    hid: np.ndarray = _row(np.int64)               # household id (households.household_ids)
    municipality: np.ndarray = _row(np.int16)      # index of its Municipality agent
    composition: np.ndarray = _row(np.int8)        # index into population.COMPOSITIONS
    adults: np.ndarray = _row(np.int8)
    earnings: np.ndarray = _row(np.float32)        # EUR/month, as when it lost its home
    # where the adults are
    place: np.ndarray = _row(np.int8)              # index into PLACES
    since: np.ndarray = _row(np.int16)             # month it entered the register (lost its home)
    place_since: np.ndarray = _row(np.int16)       # month it came to its current place
    stay_until: np.ndarray = _row(np.int16, -1)    # month a host's or an emergency stay ends (-1: none)
    # the municipality
    contact: np.ndarray = _row(bool)               # in contact with the municipality
    urgency: np.ndarray = _row(bool)               # has an urgency status for a dwelling
    heard: np.ndarray = _row(bool)                 # its children were heard in its court case
    supervised_until: np.ndarray = _row(np.int16, -1)  # month a youth-protection supervision ends
    # the follow-up of an eviction (evictions.py)
    evicted_at: np.ndarray = _row(np.int16, -1)    # month of the eviction (-1: left without one)
    ever_homeless: np.ndarray = _row(bool)         # without a home at some time in the follow-up
    in_view: np.ndarray = _row(bool)               # alternative housing was in view at the eviction
    followed_up: np.ndarray = _row(bool)           # the year after the eviction is recorded
    active: np.ndarray = _row(bool)                # the row holds a household
    # each child
    child_place: np.ndarray = _per_child(np.int8, NO_CHILD)  # CHILD_PLACES index (NO_CHILD: no such child)
    child_school: np.ndarray = _per_child(bool)    # of school age
    child_reunify: np.ndarray = _per_child(np.int16, -1)  # month a placed child comes home (-1: not decided)
    child_moves: np.ndarray = _per_child(np.int8)  # moves in the follow-up
    child_changes: np.ndarray = _per_child(np.int8)  # school changes in the follow-up
    child_separated: np.ndarray = _per_child(bool)  # separated from its parents in the follow-up
    # the household's network (informal.draw_ties)
    tie_relative: np.ndarray = _per_tie(bool)      # the tie is a relative (else a friend)
    tie_willing: np.ndarray = _per_tie(bool)       # would take the household in
    tie_room: np.ndarray = _per_tie(np.int8)       # persons the tie has room for
    tie_used: np.ndarray = _per_tie(bool)          # has hosted the household already

    def __post_init__(self) -> None:
        capacity, self.capacity = self.capacity, 0
        self._grow(capacity)

    def _grow(self, capacity: int) -> None:
        for f in _ARRAYS:
            new = np.full((capacity, *f.metadata["shape"]), f.metadata["fill"], dtype=f.metadata["dtype"])
            if self.capacity:
                new[: self.capacity] = getattr(self, f.name)
            setattr(self, f.name, new)
        self.capacity = capacity

    def add(self, n: int) -> np.ndarray:
        """Indices of `n` free rows, reset to their empty values (the register grows when full)."""
        free = np.flatnonzero(~self.active)
        if free.size < n:
            self._grow(max(2 * self.capacity, self.capacity + n))
            free = np.flatnonzero(~self.active)
        rows = free[:n]
        for f in _ARRAYS:
            getattr(self, f.name)[rows] = f.metadata["fill"]
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


_ARRAYS = tuple(f for f in fields(Register) if f.metadata)  # the array fields, as declared
