"""Shelters: family shelter and night shelter, each with limited places and a waiting list."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import mesa

if TYPE_CHECKING:
    from .model import EvictionModel


class Shelter(mesa.Agent):
    """A municipality's family shelter or night shelter places available to evicted households.

    Occupants and the waiting list hold rows of the register of displaced households."""

    def __init__(self, model: "EvictionModel", municipality: int, kind: str, places: int) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.kind = kind
        self.places = places
        self.occupants: set[int] = set()
        self.waiting: deque[int] = deque()

    @property
    def free(self) -> int:
        return self.places - len(self.occupants)

    def admit(self, row: int) -> bool:
        """Take the household in if a place is free."""
        if self.free <= 0:
            return False
        self.occupants.add(row)
        return True

    def wait(self, row: int) -> None:
        if row not in self.waiting:
            self.waiting.append(row)

    def release(self, row: int) -> None:
        self.occupants.discard(row)
        if row in self.waiting:
            self.waiting.remove(row)

    def fill(self, t: int) -> None:
        """Offer free places to the waiting list, first come first served."""
        after = self.model.displacement
        while self.free > 0 and self.waiting:
            row = self.waiting.popleft()
            if after.wants_shelter(row, self.kind):
                self.admit(row)
                after.enter_shelter(t, row, self.kind)
