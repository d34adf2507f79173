"""Places for households without a home: each has a capacity, a waiting list, a cost per month
and a payer. Nothing a policy uses is free or unlimited.

- family shelter, night shelter: places paid for whether used or not [EV];
- emergency accommodation for families (crisis places, hotels): paid per family per month;
- alternative housing: units the municipality has, adds at a rate (a lever) after a lead time,
  and pays for per unit and month;
- Housing First: support places for tenancies, paid per place and month.
Occupants and waiting lists hold rows of the register of displaced households (or, for Housing
First, the household ids of the tenancies it supports).

Shelters and foster care are regional: the municipalities of a shelter region (population.Profile
.region, the centrumgemeente's region [TRF2]) share one set of family and night shelter places and
foster places, whose capacity is the sum of what each municipality's policy provides. The other
places are the municipality's own; whole places are shared out within the region in proportion to
each municipality's rate (largest remainders), so that small municipalities are not rounded away.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING
from collections.abc import Callable

import mesa
import numpy as np

from .costs import Item
from .population import apportion

if TYPE_CHECKING:
    from ..parameters import Context
    from .municipalities import Municipality

KINDS = ("family_shelter", "night_shelter", "emergency", "alternative", "housing_first", "foster")
REGIONAL = ("family_shelter", "night_shelter", "foster")


class Place(mesa.Agent):
    """A municipality's places of one kind."""

    def __init__(self, model: mesa.Model, municipality: int, kind: str, capacity: int,
                 month_eur: float, paid_when: str) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.kind = kind
        self.capacity = capacity
        self.month_eur = month_eur
        self.paid_when = paid_when  # "always" (per place) or "used" (per occupant)
        self.item = Item(kind)  # its cost item (costs.ITEMS), which names the payer
        self.occupants: set[int] = set()
        self.waiting: deque[int] = deque()
        self.other_capacity = 0  # family shelter: the places that serve families homeless for other reasons

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
        """This month's cost of the places, less those that serve families homeless for other reasons."""
        return self.month_eur * ((self.capacity - self.other_capacity) if self.paid_when == "always"
                                 else len(self.occupants))

    def other_families_cost(self) -> float:
        """This month's cost of the places that serve families homeless for other reasons."""
        return self.month_eur * self.other_capacity


class AlternativeHousing(Place):
    """The municipality's alternative housing units: a stock that grows at the build rate, each new
    unit in use after the lead time; building costs money when decided."""

    def __init__(self, model: mesa.Model, municipality: int, capacity: int, month_eur: float,
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


def create_places(model: mesa.Model, municipalities: list[Municipality],
                  context: Context) -> dict[tuple[int, str], Place]:
    """Every municipality's places by (municipality index, kind); a region's municipalities map a
    regional kind to the same Place, held by the region's first municipality."""
    places: dict[tuple[int, str], Place] = {}
    for members in _regions(municipalities):
        for kind in KINDS:
            rates = np.array([_places_per_10k(context, muni, kind) * muni.block.size / 10_000 for muni in members])
            if kind in REGIONAL:
                shared = _place(model, context, members[0], kind, round(rates.sum()))
                if kind == "family_shelter":
                    others = sum(_other_families_per_10k(context, muni) * muni.block.size / 10_000 for muni in members)
                    shared.other_capacity = min(round(others), shared.capacity)
                places.update({(muni.index, kind): shared for muni in members})
            else:
                counts = apportion(round(rates.sum()), rates)
                places.update({(muni.index, kind): _place(model, context, muni, kind, int(n))
                               for muni, n in zip(members, counts)})
    return dict(sorted(places.items(), key=lambda item: (item[0][0], KINDS.index(item[0][1]))))


def _regions(municipalities: list[Municipality]) -> list[list[Municipality]]:
    """Municipalities grouped by shelter region, in order of each region's first municipality."""
    regions: dict[str, list] = {}
    for muni in municipalities:
        regions.setdefault(muni.block.profile.region or f"\0{muni.index}", []).append(muni)
    return list(regions.values())


def _other_families_per_10k(ctx: Context, muni: Municipality) -> float:
    """Family shelter places per 10,000 households that serve the families homeless for other
    reasons (homeless_families.py): their arrival rate times their stay."""
    return muni.block.profile.homeless_families_other_per_10k_per_year * ctx.allocation.family_shelter_stay_months / 12


def _places_per_10k(ctx: Context, muni: Municipality, kind: str) -> float:
    pol = muni.policy
    # Family shelter: the places for evicted families (a lever) and those that serve the families
    # homeless for other reasons.
    others = _other_families_per_10k(ctx, muni) if kind == "family_shelter" else 0.0
    return {"family_shelter": pol.shelter.family_places_per_10k + others,
            "night_shelter": pol.shelter.night_places_per_10k,
            "emergency": pol.shelter.emergency_places_per_10k, "alternative": pol.housing_duty.units_per_10k,
            "housing_first": pol.rehousing.housing_first_places_per_10k if pol.rehousing.housing_first else 0.0,
            "foster": ctx.youth_protection.foster_places_per_10k}[kind]


def _place(model: mesa.Model, context: Context, muni: Municipality, kind: str, capacity: int) -> Place:
    costs = context.costs
    if kind == "alternative":
        return AlternativeHousing(model, muni.index, capacity, costs.alternative_housing_month_eur,
                                  muni.per_10k(muni.policy.housing_duty.build_per_10k_per_year),
                                  context.after_eviction.alternative_lead_time_months,
                                  costs.alternative_unit_build_eur)
    month_eur, paid_when = {"family_shelter": (costs.shelter_month_eur, "always"),
                            "night_shelter": (costs.shelter_month_eur, "always"),
                            "emergency": (costs.emergency_month_eur, "used"),
                            "housing_first": (costs.housing_first_month_eur, "always"),
                            "foster": (costs.foster_child_month_eur, "used")}[kind]
    return Place(model, muni.index, kind, capacity, month_eur, paid_when)
