"""Phases 6 and 7: the court (kantonrechter) and the bailiff.

A summons opens a case; the hearing follows after the hearing delay. Some tenants pay before
the hearing; the others get a default judgment when they do not appear, or, when they appear,
an eviction order or a conditional verdict (a payment plan). Legal aid and a child-rights test
change these odds. Most eviction orders are never executed: the tenant pays, agrees, or leaves;
otherwise the bailiff evicts on the set date, unless a moratorium postpones it.

The court's calendar is a docket keyed by month and processed inside the monthly schedule, so
every flow lands in the month it happens. (Mesa's own event list runs events after the step of
the same time, which would shift court flows into the next month's outcomes.)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import mesa
import numpy as np

from .households import NOBODY

if TYPE_CHECKING:
    from .model import EvictionModel

@dataclass
class CourtCase:
    """One summons (or drug closure) on its way through the court."""

    household: int
    cause: str
    family: bool
    legal_aid: bool


class Court(mesa.Agent):
    """The court and bailiff serving all municipalities of the run."""

    def __init__(self, model: "EvictionModel") -> None:
        super().__init__(model)
        self.hearings: dict[int, list[CourtCase]] = defaultdict(list)
        self.executions: dict[int, list[CourtCase]] = defaultdict(list)
        self.open_cases = 0

    def summon(self, t: int, ids: np.ndarray, cause: str) -> None:
        """Open a case for each household; the hearing comes after the hearing delay."""
        m = self.model
        hh = m.households
        if ids.size == 0:
            return
        hh.in_court[ids] = True
        aid = m.streams.draws("legal_aid", t, ids) < m.policy.legal_aid.share_summoned
        fam = hh.children[ids] > 0
        delay = 0 if cause == "drugs" else m.context.court.hearing_delay_months
        for hid, has_aid, is_family in zip(ids.tolist(), aid.tolist(), fam.tolist()):
            case = CourtCase(hid, cause, is_family, has_aid)
            self.hearings[t + delay].append(case)
            self._follow(t, hid)
            m.journeys.log(t, hid, "summons", cause + (", legal aid" if has_aid else ""))
        self.open_cases += ids.size
        m.outcomes.add(f"summonses_{cause}", ids.size)
        m.outcomes.add("legal_aid_cases", int(aid.sum()))
        m.outcomes.add_cost("landlord", ids.size * m.context.costs.summons_eur)
        m.outcomes.add_cost("national", ids.size * m.context.costs.court_case_eur
                            + int(aid.sum()) * m.context.costs.legal_aid_eur)

    def _follow(self, t: int, hid: int) -> None:
        """Follow the household's journey from here, with a line on what came before."""
        m = self.model
        if m.journeys.follow(hid, m.streams.draw("journey_follow", 0, hid)):
            hh = m.households
            since = int(hh.arrears_since[hid])
            # Months on the report's clock (month 0 = first reported month), like the `month` column.
            arrears = f"arrears since month {since - m.warmup}" if since >= 0 else "no arrears"
            before = f"{arrears}; signalled: {bool(hh.signalled[hid])}; debt help: {bool(hh.help_until[hid] >= 0)}"
            m.journeys.log(t, hid, "before_court", before)

    def step(self, t: int) -> None:
        self._breaches(t)
        for case in self.hearings.pop(t, []):
            self.hear(t, case)
        for case in self.executions.pop(t, []):
            self.execute(t, case)

    # -- hearing ---------------------------------------------------------------------------
    def _draw(self, name: str, t: int, case: CourtCase) -> float:
        return self.model.streams.draw(name, t, case.household)

    def hear(self, t: int, case: CourtCase) -> None:
        c = self.model.context.court
        if case.cause == "arrears" and self._draw("paid_before_hearing", t, case) < c.paid_before_hearing:
            self.close(t, case, "paid_before_hearing", repaid=True)
            return
        appears = self._draw("appear", t, case) < self._p_appear(case)
        if not appears:
            self.model.outcomes.add("default_judgments", 1)
        if self._draw("verdict", t, case) < self._p_conditional(case, appears):
            self.conditional(t, case)
        elif self._draw("grounds", t, case) >= self._p_grounds(case):
            self.close(t, case, "dismissed")
        else:
            self.order_eviction(t, case, "default judgment" if not appears else "eviction order")

    def _p_grounds(self, case: CourtCase) -> float:
        """Chance the court finds grounds to dissolve the lease (arrears: always)."""
        if case.cause == "nuisance":
            return self.model.context.court.verdict_for_nuisance
        if case.cause == "drugs":
            return self.model.context.nuisance.drug_eviction
        return 1.0

    def _p_appear(self, case: CourtCase) -> float:
        la, c = self.model.policy.legal_aid, self.model.context.court
        if case.legal_aid:
            return la.appear_with_aid
        return min(1.0, c.appear + (0.15 if la.plain_language_summons else 0.0))

    def _p_conditional(self, case: CourtCase, appears: bool) -> float:
        if case.cause == "drugs":
            return 0.0
        pol, c = self.model.policy, self.model.context.court
        p = 0.0
        if appears:
            p = pol.legal_aid.conditional_with_aid if case.legal_aid else c.conditional_if_appear
        if case.family and pol.child_rights_test.enabled:
            p = 1 - (1 - p) * (1 - pol.child_rights_test.court_conditional_families)
        return p

    def conditional(self, t: int, case: CourtCase) -> None:
        """A conditional verdict: the tenancy goes on under a payment plan."""
        hh = self.model.households
        hh.conditional_until[case.household] = t + self.model.context.court.conditional_months
        hh.arrangement[case.household] = True
        self.close(t, case, "conditional_verdict")

    def order_eviction(self, t: int, case: CourtCase, label: str) -> None:
        self.model.outcomes.add("eviction_orders", 1)
        self.model.journeys.log(t, case.household, "eviction_order", label)
        self.executions[self._execution_month(t + self.model.context.court.execution_delay_months, case)].append(case)

    # -- execution -------------------------------------------------------------------------
    def _breaches(self, t: int) -> None:
        """A tenant under a conditional verdict who misses rent can be evicted without a new hearing."""
        hh = self.model.households
        missed = self.model.rent.missed
        breached = missed[(hh.conditional_until[missed] > t) & ~hh.in_court[missed]]
        hh.conditional_until[breached] = NOBODY
        hh.in_court[breached] = True
        self.open_cases += breached.size
        self.model.outcomes.add("conditional_breaches", breached.size)
        for hid in breached.tolist():
            case = CourtCase(hid, "arrears", bool(hh.children[hid] > 0), False)
            self.model.journeys.log(t, hid, "conditional_breached", "")
            self.order_eviction(t, case, "breach of conditional verdict")

    def _execution_month(self, month: int, case: CourtCase) -> int:
        """The first month from `month` on that no moratorium covers for this household."""
        mor = self.model.policy.moratorium
        if mor.scope == "none" or (mor.scope == "families" and not case.family):
            return month
        start = month
        while self.model.in_moratorium(month) and month <= self.model.last_month:
            month += 1
        if month > start:
            self.model.outcomes.add("executions_postponed", 1)
        return month

    def execute(self, t: int, case: CourtCase) -> None:
        c = self.model.context.court
        if case.cause == "arrears" and self._draw("settle", t, case) < c.settle_after_verdict:
            self.close(t, case, "settled_after_verdict", repaid=True)
            return
        if self._draw("leave", t, case) < c.leave_before_execution:
            self.close(t, case, "left_before_execution")
            self.model.displacement.displace(t, case, executed=False)
            return
        self.close(t, case, "executed")
        self.model.displacement.displace(t, case, executed=True)

    def close(self, t: int, case: CourtCase, outcome: str, repaid: bool = False) -> None:
        hh = self.model.households
        hh.in_court[case.household] = False
        if repaid:
            hh.end_spell(case.household)
        self.open_cases -= 1
        self.model.outcomes.add(f"cases_{outcome}", 1)
        self.model.journeys.log(t, case.household, outcome, case.cause)
