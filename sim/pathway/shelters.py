"""Shelters: family shelter and night shelter, each with limited places and a waiting list."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import mesa

if TYPE_CHECKING:
    from .displacement import DisplacedHousehold
    from .model import EvictionModel


class Shelter(mesa.Agent):
    """A municipality's family shelter or night shelter places available to evicted households."""

    def __init__(self, model: "EvictionModel", municipality: int, kind: str, places: int) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.kind = kind
        self.places = places
        self.occupants: set[int] = set()
        self.waiting: deque["DisplacedHousehold"] = deque()

    @property
    def free(self) -> int:
        return self.places - len(self.occupants)

    def admit(self, household: "DisplacedHousehold") -> bool:
        """Take the household in if a place is free."""
        if self.free <= 0:
            return False
        self.occupants.add(household.household)
        return True

    def wait(self, household: "DisplacedHousehold") -> None:
        if household not in self.waiting:
            self.waiting.append(household)

    def release(self, household: "DisplacedHousehold") -> None:
        self.occupants.discard(household.household)
        if household in self.waiting:
            self.waiting.remove(household)

    def fill(self, t: int) -> None:
        """Offer free places to the waiting list, first come first served."""
        while self.free > 0 and self.waiting:
            household = self.waiting.popleft()
            if household.wants_shelter(self.kind):
                self.admit(household)
                household.enter_shelter(t, self.kind)
