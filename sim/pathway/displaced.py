"""The register of displaced households: one row per household that lost its home, kept until
it and all its children are housed again.

A row holds what the household brought (id, municipality, make-up, earnings), where the adults
are (`place`), where each child is (`child_place`: with the parents, with relatives, in foster
care), the household's network of ties (informal.py) and its contact with the municipality.
Rows are arrays, so the monthly work (costs, rehousing chances) is vectorised; the rules that
decide where a household goes (displacement.py) run per household, only when it moves.
"""

from __future__ import annotations

import numpy as np

from .informal import MAX_TIES

PLACES = ("between", "informal", "alternative", "family_shelter", "night_shelter", "rough", "housed")
BETWEEN, INFORMAL, ALTERNATIVE, FAMILY_SHELTER, NIGHT_SHELTER, ROUGH, HOUSED = range(len(PLACES))
HOMELESS = np.array([INFORMAL, FAMILY_SHELTER, NIGHT_SHELTER, ROUGH])
SHELTERED = np.array([ALTERNATIVE, FAMILY_SHELTER, NIGHT_SHELTER])
MAX_CHILDREN = 3
NO_CHILD, WITH_PARENTS, RELATIVES, FOSTER = -1, 0, 1, 2
CHILD_PLACES = {RELATIVES: "relatives", FOSTER: "foster"}

_ROW_FIELDS = {"hid": np.int64, "municipality": np.int16, "composition": np.int8, "adults": np.int8,
               "earnings": np.float32, "place": np.int8, "since": np.int16, "host_until": np.int16,
               "contact": bool, "active": bool}
_CHILD_FIELDS = {"child_place": np.int8, "child_school": bool, "child_reunify": np.int16}
_TIE_FIELDS = {"tie_relative": bool, "tie_willing": bool, "tie_room": np.int8, "tie_used": bool}


class Register:
    """Displaced households as arrays; rows are reused after a household leaves the register."""

    def __init__(self, capacity: int = 64) -> None:
        self.capacity = 0
        self._grow(capacity)

    def _grow(self, capacity: int) -> None:
        for name, dtype in _ROW_FIELDS.items():
            self._resize(name, (capacity,), dtype)
        for name, dtype in _CHILD_FIELDS.items():
            self._resize(name, (capacity, MAX_CHILDREN), dtype)
        for name, dtype in _TIE_FIELDS.items():
            self._resize(name, (capacity, MAX_TIES), dtype)
        self.capacity = capacity

    def _resize(self, name: str, shape: tuple[int, ...], dtype) -> None:
        fill = NO_CHILD if name == "child_place" else 0
        new = np.full(shape, fill, dtype=dtype)
        old = getattr(self, name, None)
        if old is not None:
            new[: old.shape[0]] = old
        setattr(self, name, new)

    def add(self, n: int) -> np.ndarray:
        """Indices of `n` free rows (the register grows when full)."""
        free = np.flatnonzero(~self.active)
        if free.size < n:
            self._grow(max(2 * self.capacity, self.capacity + n))
            free = np.flatnonzero(~self.active)
        rows = free[:n]
        self.active[rows] = True
        self.child_place[rows] = NO_CHILD
        self.child_reunify[rows] = -1
        self.tie_used[rows] = True
        return rows

    def retire(self, rows: np.ndarray) -> None:
        self.active[rows] = False

    def rows(self) -> np.ndarray:
        return np.flatnonzero(self.active)

    def children(self, rows: np.ndarray, where: int | None = None) -> np.ndarray:
        """Number of children per row (in one place, if given)."""
        places = self.child_place[rows]
        return ((places != NO_CHILD) if where is None else (places == where)).sum(axis=1)

    def unhoused(self) -> np.ndarray:
        rows = self.rows()
        return rows[self.place[rows] != HOUSED]
