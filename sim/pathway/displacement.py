"""Phases 8-10: after an eviction. Where the parents and each child go, and the way back.

On eviction (or leaving before the bailiff) a household becomes a DisplacedHousehold agent.
It goes, in order of preference: to alternative housing from the municipality (always for
families under a housing duty), to the family shelter, to relatives or friends who can take the
whole household, or, for a family with none of these, it is split up: children to a relative
or to foster care, parents to the night shelter or the street. Each month it may get back into
housing; children return when the parents have a place. Every child is always in exactly one
place: with its parents, with relatives, or in foster care.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import mesa

from . import informal

if TYPE_CHECKING:
    from .courts import CourtCase
    from .model import EvictionModel

HOMELESS = ("informal", "family_shelter", "night_shelter", "rough")
SHELTERED = ("alternative", "family_shelter", "night_shelter")


def geometric(u: float, p: float) -> int:
    """A geometric number of months (at least 1) with success chance p, from a uniform u."""
    return 1 if p >= 1 else 1 + int(math.log1p(-u) / math.log1p(-p))


@dataclass
class Child:
    """A child of a displaced household."""

    school_age: bool
    place: str = "with_parents"  # with_parents | relatives | foster
    reunify_at: int = -1         # month a foster child returns home (-1: not planned)


class DisplacedHousehold(mesa.Agent):
    """A household that lost its home, until it and all its children are housed again."""

    def __init__(self, model: "EvictionModel", case: "CourtCase", t: int) -> None:
        super().__init__(model)
        hh = model.households
        hid = case.household
        self.household = hid
        self.municipality = int(hh.municipality[hid])
        self.adults = int(hh.adults[hid])
        school = int(hh.school_children[hid])
        self.children = [Child(i < school) for i in range(int(hh.children[hid]))]
        self.since = t
        self.place = "none"
        self.host_until = -1
        ae = model.context.after_eviction
        self.network = informal.draw_network(lambda k: model.streams.draw(f"network_{k}", t, hid),
                                             ae.network_size_mean, ae.host_willing, ae.host_room_persons)
        self.contact = model.policy.registration.enabled or self.draw("aftercare", t) < ae.aftercare_contact

    # -- helpers ---------------------------------------------------------------------------
    def draw(self, name: str, t: int) -> float:
        return self.model.streams.draw(name, t, self.household)

    @property
    def with_parents(self) -> list[Child]:
        return [c for c in self.children if c.place == "with_parents"]

    @property
    def persons(self) -> int:
        return self.adults + len(self.with_parents)

    @property
    def housed(self) -> bool:
        return self.place == "housed"

    def shelter(self, kind: str):
        return self.model.shelters[(self.municipality, kind)]

    def wants_shelter(self, kind: str) -> bool:
        return self.place in ("informal", "night_shelter", "rough") if kind == "family_shelter" \
            else self.place in ("informal", "rough")

    def change_schools(self, t: int, children: list[Child], far_chance: float, reason: str) -> None:
        for i, child in enumerate(children):
            if child.school_age and self.model.streams.draw(f"school_{i}", t, self.household) < far_chance:
                self.model.outcomes.add("school_changes", 1)
                self.model.journeys.log(t, self.household, "school_change", reason)

    def move(self, t: int, place: str) -> None:
        """Move the adults (and the children with them) to `place`."""
        far = self.model.context.schools
        chance = {"informal": far.far_informal, "family_shelter": far.far_shelter,
                  "night_shelter": far.far_shelter, "alternative": far.far_alternative}.get(place, 0.0)
        if place != self.place:
            self.change_schools(t, self.with_parents, chance, place)
            if self.place in ("family_shelter", "night_shelter"):
                self.shelter(self.place).release(self)
        self.place = place
        self.model.journeys.log(t, self.household, "moved", place)

    # -- arrival ---------------------------------------------------------------------------
    def arrive(self, t: int) -> None:
        """Find a first place after losing the home."""
        if self.children and self.try_alternative(t):
            return
        if self.children and self.contact and self.try_shelter(t, "family_shelter"):
            self.parents_settled(t)
            return
        if self.try_host(t):
            return
        if self.with_parents:
            self.separate(t)
        if self.children and self.contact:
            self.shelter("family_shelter").wait(self)
        self.house_adults_alone(t)

    def try_alternative(self, t: int) -> bool:
        pol, ae = self.model.policy, self.model.context.after_eviction
        duty = pol.housing_duty.families_duty
        offered = duty or (self.contact and self.draw("alternative", t) < ae.alternative_housing_families)
        if offered and self.model.municipalities[self.municipality].take_alternative_unit(duty):
            self.move(t, "alternative")
            self.model.outcomes.add("alternative_housing_placements", 1)
            self.parents_settled(t)
            return True
        return False

    def try_shelter(self, t: int, kind: str) -> bool:
        if self.shelter(kind).admit(self):
            self.move(t, kind)
            self.model.outcomes.add(f"{kind}_entries", 1)
            return True
        return False

    def enter_shelter(self, t: int, kind: str) -> None:
        """A place came free on the waiting list: move in and bring separated children back."""
        self.move(t, kind)
        self.model.outcomes.add(f"{kind}_entries", 1)
        if kind == "family_shelter":
            self.parents_settled(t)

    def try_host(self, t: int) -> bool:
        tie = informal.find_host(self.network, self.persons)
        if tie is None:
            return False
        mean = self.model.context.after_eviction.host_months_mean
        self.host_until = t + geometric(self.draw("host_months", t), 1 / mean)
        self.move(t, "informal")
        return True

    def separate(self, t: int) -> None:
        """No place for the whole family: children go to a relative, else to foster care."""
        ae = self.model.context.after_eviction
        kids = self.with_parents
        relative = informal.find_relative_for_children(self.network, len(kids))
        place = "relatives" if relative is not None and self.draw("relatives_take", t) < ae.relatives_take_children \
            else "foster"
        self.change_schools(t, kids, self.model.context.schools.far_separated, "separated")
        for child in kids:
            child.place = place
        self.model.outcomes.add("children_separated", len(kids))
        self.model.outcomes.add(f"children_to_{place}", len(kids))
        self.model.journeys.log(t, self.household, "children_separated", f"{len(kids)} to {place}")

    def house_adults_alone(self, t: int) -> None:
        if self.try_host(t):
            return
        if self.contact and self.try_shelter(t, "night_shelter"):
            return
        self.move(t, "rough")
        if self.contact:
            self.shelter("night_shelter").wait(self)

    def reunite(self, t: int, places: tuple[str, ...]) -> None:
        back = [c for c in self.children if c.place in places]
        for child in back:
            child.place, child.reunify_at = "with_parents", -1
        if back:
            self.model.outcomes.add("children_reunified", len(back))
            self.model.journeys.log(t, self.household, "children_reunified", str(len(back)))

    # -- each month ------------------------------------------------------------------------
    def step(self, t: int) -> None:
        self.return_foster_children(t)
        if self.housed:
            if not any(c.place == "foster" for c in self.children):
                self.model.displacement.leave(self)
            return
        self.account(t)
        if t == self.since or self.try_rehouse(t):
            return
        if self.place == "informal" and t >= self.host_until:
            self.model.journeys.log(t, self.household, "host_ended", "")
            self.place = "between"
            self.arrive(t)

    def account(self, t: int) -> None:
        """This month's costs and disrupted school months."""
        out, costs = self.model.outcomes, self.model.context.costs
        if self.place in ("family_shelter", "night_shelter"):
            out.add_cost("municipality", costs.shelter_month_eur)
        elif self.place == "alternative":
            out.add_cost("municipality", costs.alternative_housing_month_eur)
        else:
            out.add_cost("national", costs.homeless_adult_month_eur * self.adults)
        fostered = sum(c.place == "foster" for c in self.children)
        out.add_cost("youth_care", costs.foster_child_month_eur * fostered)
        unstable = self.place in HOMELESS
        disrupted = sum(c.school_age and (c.place != "with_parents" or unstable) for c in self.children)
        out.add("school_months_disrupted", disrupted)

    def try_rehouse(self, t: int) -> bool:
        ae, rh = self.model.context.after_eviction, self.model.policy.rehousing
        p = ae.shelter_exit_per_month if self.place in SHELTERED else ae.rehouse_per_month
        if rh.second_chance_contracts:
            p = min(1.0, 2 * p)
        how = "regular"
        eligible_hf = self.place in ("rough", "night_shelter") and not self.with_parents and t - self.since >= 3
        if rh.housing_first and eligible_hf:
            p_hf = rh.housing_first_offer_per_month * rh.housing_first_retention
            if p_hf > p:
                p, how = p_hf, "housing_first"
        if self.draw("rehouse", t) < p:
            self.rehouse(t, how)
            return True
        return False

    def rehouse(self, t: int, how: str) -> None:
        """Back into a home of its own; separated children come back."""
        m = self.model
        m.displacement.return_home(t, self.household, m.policy.rehousing.second_chance_contracts)
        for kind in ("family_shelter", "night_shelter"):
            self.shelter(kind).release(self)
        self.change_schools(t, self.with_parents, m.context.schools.far_rehoused, "rehoused")
        self.place = "housed"
        m.outcomes.add("rehoused", 1)
        m.outcomes.add(f"rehoused_{how}", 1)
        m.journeys.log(t, self.household, "rehoused", how)
        self.parents_settled(t)

    def parents_settled(self, t: int) -> None:
        """Parents have a stable place: relatives bring children back now, foster care after a delay."""
        self.reunite(t, ("relatives",))
        delay = self.model.context.after_eviction.foster_reunify_months
        for child in self.children:
            if child.place == "foster" and child.reunify_at < 0:
                child.reunify_at = t + delay

    def return_foster_children(self, t: int) -> None:
        due = [c for c in self.children if c.place == "foster" and 0 <= c.reunify_at <= t]
        if due:
            self.reunite(t, ("foster",))
