"""Places for households without a home: each has a capacity, a waiting list, a cost per month
and a payer. Nothing a policy uses is free or unlimited.

- family shelter, night shelter: places paid for whether used or not [EV];
- emergency accommodation for families (crisis places, hotels): paid per family per month;
- alternative housing: units the municipality has, adds at a rate (a lever) after a lead time,
  and pays for per unit and month;
- Housing First: support places for tenancies, paid per place and month.
Occupants and waiting lists hold rows of the register of displaced households (or, for Housing
First, the household ids of the tenancies it supports).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Callable

import mesa

if TYPE_CHECKING:
    from .model import EvictionModel


class Place(mesa.Agent):
    """A municipality's places of one kind."""

    def __init__(self, model: "EvictionModel", municipality: int, kind: str, capacity: int,
                 month_eur: float, paid_when: str) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.kind = kind
        self.capacity = capacity
        self.month_eur = month_eur
        self.paid_when = paid_when  # "always" (per place) or "used" (per occupant)
        self.occupants: set[int] = set()
        self.waiting: deque[int] = deque()

    @property
    def free(self) -> int:
        return self.capacity - len(self.occupants)

    def admit(self, who: int) -> bool:
        """Take `who` in if a place is free."""
        if self.free <= 0:
            return False
        self.occupants.add(who)
        if who in self.waiting:
            self.waiting.remove(who)
        return True

    def wait(self, who: int) -> None:
        if who not in self.waiting and who not in self.occupants:
            self.waiting.append(who)

    def release(self, who: int) -> None:
        self.occupants.discard(who)
        if who in self.waiting:
            self.waiting.remove(who)

    def fill(self, t: int, wants: Callable[[int], bool], enter: Callable[[int, int], None]) -> None:
        """Offer free places to the waiting list, first come first served."""
        while self.free > 0 and self.waiting:
            who = self.waiting.popleft()
            if wants(who):
                self.occupants.add(who)
                enter(t, who)

    def monthly_cost(self) -> float:
        return self.month_eur * (self.capacity if self.paid_when == "always" else len(self.occupants))


class AlternativeHousing(Place):
    """The municipality's alternative housing units: a stock that grows at the build rate, each new
    unit in use after the lead time; building costs money when decided."""

    def __init__(self, model: "EvictionModel", municipality: int, capacity: int, month_eur: float,
                 per_year: float, lead_time: int, build_eur: float) -> None:
        super().__init__(model, municipality, "alternative", capacity, month_eur, "always")
        self.per_month = per_year / 12
        self.lead_time = lead_time
        self.build_eur = build_eur
        self.credit = 0.0
        self.pipeline: deque[tuple[int, int]] = deque()  # (month in use, units)

    def build(self, t: int) -> float:
        """Decide this month's new units and bring those whose lead time is over into use; returns
        the building cost decided now (EUR)."""
        self.credit += self.per_month
        new = int(self.credit)
        self.credit -= new
        if new:
            self.pipeline.append((t + self.lead_time, new))
        while self.pipeline and self.pipeline[0][0] <= t:
            self.capacity += self.pipeline.popleft()[1]
        return new * self.build_eur
