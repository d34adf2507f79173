"""Phase 8: what an eviction does, and the register of displaced households.

An executed eviction (or a tenant leaving before the bailiff) takes the household out of its
home: it becomes a DisplacedHousehold agent (displacement.py) until it is housed again. Here the
evictions are counted (by cause, landlord and with children), the landlord's costs booked, and
the rights scorecard's flows recorded: evictions into homelessness, family evictions without
alternative housing, with children heard, with legal aid.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING


from .displacement import HOMELESS, DisplacedHousehold
from .households import NOBODY

if TYPE_CHECKING:
    from .courts import CourtCase
    from .model import EvictionModel


class Displacement:
    """Creates, steps and retires displaced households."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        self.active: dict[int, DisplacedHousehold] = {}

    def displace(self, t: int, case: "CourtCase", executed: bool) -> None:
        m = self.model
        hid = case.household
        self._leave_home(hid)
        if executed:
            self._count_eviction(case)
        else:
            m.outcomes.add("left_before_execution", 1)
            if m.streams.draw("leaver_own_housing", t, hid) < m.context.after_eviction.leaver_own_housing:
                self.return_home(t, hid, second_chance=False)
                m.outcomes.add("left_to_own_housing", 1)
                return
        agent = DisplacedHousehold(m, case, t)
        self._take_over(agent)
        agent.arrive(t)
        m.outcomes.add(f"displaced_to_{agent.place}", 1)
        if executed:
            self._count_rights(t, case, agent)

    def _leave_home(self, hid: int) -> None:
        hh = self.model.households
        hh.housed[hid] = False
        hh.direct_payment[hid] = False
        hh.help_until[hid] = NOBODY
        hh.end_spell(hid)

    def _take_over(self, agent: DisplacedHousehold) -> None:
        """A household evicted again while a child is still in foster care keeps that child's place."""
        old = self.active.pop(agent.household, None)
        if old is not None:
            agent.children = old.children
            old.remove()
        self.active[agent.household] = agent

    def _count_eviction(self, case: "CourtCase") -> None:
        m = self.model
        hh = m.households
        children = int(hh.children[case.household])
        tenure = "private" if hh.private[case.household] else "corporation"
        m.outcomes.add("evictions", 1)
        m.outcomes.add(f"evictions_{case.cause}", 1)
        m.outcomes.add(f"evictions_{tenure}", 1)
        m.outcomes.add("evictions_with_children", int(children > 0))
        m.outcomes.add("children_evicted", children)
        m.outcomes.add_cost("landlord", m.context.costs.eviction_landlord_eur)

    def _count_rights(self, t: int, case: "CourtCase", agent: DisplacedHousehold) -> None:
        m = self.model
        homeless = agent.place in HOMELESS or any(c.place != "with_parents" for c in agent.children)
        m.outcomes.add("evictions_into_homelessness", int(homeless))
        m.outcomes.add("evictions_with_legal_aid", int(case.legal_aid))
        if agent.children:
            m.outcomes.add("family_evictions_without_alternative", int(agent.place != "alternative"))
            heard = agent.draw("children_heard", t) < m.policy.consultation.children_heard
            m.outcomes.add("family_evictions_children_heard", int(heard))

    def return_home(self, t: int, hid: int, second_chance: bool) -> None:
        """The household has a home again (a new tenancy; old arrears leave the model).

        A second-chance contract comes with budget coaching for the length of a debt-help case.
        """
        m = self.model
        hh = m.households
        hh.housed[hid] = True
        if second_chance:
            hh.help_until[hid] = t + m.policy.debt_help.duration_months
            m.outcomes.add("debt_help_started", 1)
            m.outcomes.add_cost("municipality", m.context.costs.debt_help_eur)
        hh.conditional_until[hid] = NOBODY
        hh.nuisance_since[hid] = NOBODY

    def leave(self, agent: DisplacedHousehold) -> None:
        """All children are home: the household is an ordinary household again."""
        self.active.pop(agent.household, None)
        agent.remove()

    def step(self, t: int) -> None:
        for shelter in self.model.shelters.values():
            shelter.fill(t)
        for agent in list(self.active.values()):
            agent.step(t)

    def census(self) -> dict[str, int]:
        """Where displaced households, their adults and their children are now."""
        count: Counter[str] = Counter()
        for agent in self.active.values():
            count["children_with_record"] += len(agent.children)
            if not agent.housed:
                count["displaced_households"] += 1
                count[f"households_{agent.place}"] += 1
                homeless = agent.place in HOMELESS
                count["homeless_households"] += homeless
                count["homeless_adults"] += agent.adults * homeless
            for child in agent.children:
                count[_child_place(agent, child)] += 1
        return dict(count)


def _child_place(agent: DisplacedHousehold, child) -> str:
    if child.place != "with_parents":
        return f"children_{child.place}"
    if agent.housed:
        return "children_home_agent"
    return "children_alternative" if agent.place == "alternative" else "homeless_children"
