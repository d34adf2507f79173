"""The court (kantonrechter): summonses open cases, hearings decide them.

A summons opens a case; the hearing follows after the hearing delay, and while it waits a tenant
in arrears may pay [KB3]. At the hearing the tenant appears or not (default judgment; legal aid
and a plain-language summons raise appearance), and the court gives one verdict: a conditional
verdict (the tenancy goes on under a payment plan), an eviction order, or, for nuisance and
lease breaches without grounds, a dismissal. Legal aid, a child-rights test and hearing the
children (policy.consultation: in a family's case the children may be heard, and the court acts
on it) change the odds.
A tenant who misses rent again under a conditional verdict, up to a set number of months, can
be evicted without a new verdict: the landlord hands the breached verdict to the bailiff (a
breach order, its own flow). Legal aid stays with the case throughout.

Cases live on the docket (docket.py), which the bailiff shares. Every flow lands in the month it
happens (the court's calendar is processed inside the monthly schedule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from .docket import ARREARS, HEARING, NO_CASE, NUISANCE
from .households import NEVER
from .idsets import union
from .landlords import start_plan
from .costs import Item
from .outcomes import CAUSES

if TYPE_CHECKING:
    from .world import World

# Spell lengths (months in arrears) and amounts owed (months of rent) at a summons for arrears,
# counted in bins so that their distribution is reported (outcomes summons_spell_* and summons_owed_*).
SPELL_BINS = (("upto_3", 0, 3), ("4_6", 4, 6), ("7_12", 7, 12), ("13_24", 13, 24), ("over_24", 25, 10**6))
OWED_BINS = (("upto_4", 0.0, 4.0), ("4_6", 4.0, 6.0), ("over_6", 6.0, float("inf")))


class Court(mesa.Agent):
    """The court serving all municipalities of the run; the bailiff (bailiff.py) executes its orders."""

    def __init__(self, model: mesa.Model, world: World) -> None:
        super().__init__(model)
        self.world = world
        self.docket = world.docket

    def summon(self, t: int, ids: np.ndarray, cause: str) -> None:
        """Open a case for each household; the hearing comes after the hearing delay."""
        m = self.world
        hh = m.households
        if ids.size == 0:
            return
        aid = m.streams.draws("legal_aid", t, hh.hid[ids]) < m.policy.legal_aid.share_summoned
        heard = hh.families(ids) & (m.streams.draws("children_heard", t, hh.hid[ids])
                                    < m.policy.consultation.children_heard)
        hh.case_heard[ids] = heard
        hh.case_stage[ids] = HEARING
        hh.case_cause[ids] = CAUSES.index(cause)
        hh.case_due[ids] = t + (0 if cause == "drugs" else m.context.court.hearing_delay_months)
        hh.case_since[ids] = t
        hh.case_aid[ids] = aid
        hh.arrangement[ids] = False
        self.docket.open = union(self.docket.open, ids)
        m.outcomes.add(f"summonses_{cause}", ids.size)
        if cause == "arrears":
            self._count_arrears_at_summons(t, ids)
        m.by_municipality.add(t, "summonses", hh.municipality[ids])
        m.outcomes.add("legal_aid_cases", int(aid.sum()))
        costs, private = m.context.costs, int(hh.private[ids].sum())
        m.outcomes.add_cost(Item.SUMMONS_CORPORATION, (ids.size - private) * costs.summons_eur)
        m.outcomes.add_cost(Item.SUMMONS_PRIVATE, private * costs.summons_eur)
        m.outcomes.add_cost(Item.COURT, ids.size * costs.court_case_eur)
        m.outcomes.add_cost(Item.LEGAL_AID, int(aid.sum()) * costs.legal_aid_eur)
        self._follow(t, ids, cause)

    def _count_arrears_at_summons(self, t: int, ids: np.ndarray) -> None:
        """How long the summoned tenants have been in arrears and how much they owe (months of rent)."""
        m = self.world
        hh = m.households
        owed, spell = hh.arrears[ids] / hh.rent[ids], t - hh.arrears_since[ids]
        m.outcomes.add("summons_arrears_months", float(owed.sum()))
        m.outcomes.add("summons_spell_months", float(spell.sum()))
        for name, first, last in SPELL_BINS:
            m.outcomes.add(f"summons_spell_{name}", int(((spell >= first) & (spell <= last)).sum()))
        for name, low, high in OWED_BINS:
            m.outcomes.add(f"summons_owed_{name}", int(((owed >= low) & (owed < high)).sum()))

    def _follow(self, t: int, ids: np.ndarray, cause: str) -> None:
        """Log the summonses, following some households from here on (with a line on what came
        before)."""
        m = self.world
        hh = m.households
        for slot in m.journeys.follow_at_court(ids).tolist():
            since = int(hh.arrears_since[slot])
            # Months on the report's clock (month 0 = first reported month), like the `month` column.
            arrears = f"arrears since month {since - m.warmup}" if since >= 0 else "no arrears"
            before = f"{arrears}; signalled: {bool(hh.signalled[slot])}; debt help: {bool(hh.help_since[slot] >= 0)}"
            m.journeys.log(t, int(hh.hid[slot]), "before_court", before)
        followed = ids[hh.followed[ids]]
        for hid, aid in zip(hh.hid[followed].tolist(), hh.case_aid[followed].tolist()):
            m.journeys.log(t, hid, "summons", cause + (", legal aid" if aid else ""))

    def step(self, t: int) -> None:
        """Breached and completed conditional verdicts; payment while a hearing waits; hearings due."""
        hh, docket = self.world.households, self.docket
        self._conditional_verdicts(t)
        waiting = docket.open[(hh.case_stage[docket.open] == HEARING) & (hh.case_since[docket.open] < t)]
        self._pay_before_hearing(t, waiting)
        due = docket.open[(hh.case_stage[docket.open] == HEARING) & (hh.case_due[docket.open] <= t)]
        self.hear(t, due)

    # -- before the hearing ------------------------------------------------------------------
    def _pay_before_hearing(self, t: int, ids: np.ndarray) -> None:
        m = self.world
        hh = m.households
        ids = ids[hh.case_cause[ids] == ARREARS]
        chance = m.context.court.pay_before_hearing_per_month
        paid = ids[m.streams.draws("paid_before_hearing", t, hh.hid[ids]) < chance]
        self.docket.close(t, paid, "paid_before_hearing", repaid=True)

    # -- the hearing -------------------------------------------------------------------------
    def hear(self, t: int, ids: np.ndarray) -> None:
        """One verdict per hearing: conditional, eviction order, or dismissed."""
        m = self.world
        hh = m.households
        if ids.size == 0:
            return
        hids = hh.hid[ids]
        appears = m.streams.draws("appear", t, hids) < self._p_appear(ids)
        conditional = m.streams.draws("verdict", t, hids) < self._p_conditional(ids, appears)
        grounds = m.streams.draws("grounds", t, hids) < self._p_grounds(ids)
        m.outcomes.add("hearings", ids.size)
        m.outcomes.add("default_judgments", int((~appears).sum()))
        self._conditional(t, ids[conditional])
        self.docket.close(t, ids[~conditional & ~grounds], "dismissed")
        ordered = ~conditional & grounds
        self.docket.order_eviction(t, ids[ordered], np.where(appears[ordered], "eviction order", "default judgment"))

    def _p_appear(self, ids: np.ndarray) -> np.ndarray:
        la, c = self.world.policy.legal_aid, self.world.context.court
        without = min(1.0, c.appear + (la.plain_language_appear_gain if la.plain_language_summons else 0.0))
        return np.where(self.world.households.case_aid[ids], la.appear_with_aid, without)

    def _p_conditional(self, ids: np.ndarray, appears: np.ndarray) -> np.ndarray:
        pol, c = self.world.policy, self.world.context.court
        hh = self.world.households
        p = np.where(hh.case_aid[ids], pol.legal_aid.conditional_with_aid, c.conditional_if_appear) * appears
        cause = hh.case_cause[ids]
        weighed = (cause == ARREARS) | (cause == NUISANCE)
        if pol.child_rights_test.enabled:
            test = hh.families(ids) & weighed
            p = np.where(test, 1 - (1 - p) * (1 - pol.child_rights_test.court_conditional_families), p)
        heard = hh.case_heard[ids] & weighed  # the court acts on what the children said
        p = np.where(heard, 1 - (1 - p) * (1 - pol.consultation.court_conditional_gain), p)
        return np.where(weighed, p, 0.0)

    def _p_grounds(self, ids: np.ndarray) -> np.ndarray:
        """Chance the court finds grounds to dissolve the lease (arrears: always)."""
        rc, c = self.world.context.root_causes, self.world.context.court
        by_cause = np.array([1.0, c.verdict_for_nuisance, rc.drug_eviction, rc.lease_breach_verdict])
        return by_cause[self.world.households.case_cause[ids]]

    def _conditional(self, t: int, ids: np.ndarray) -> None:
        """The tenancy goes on under a payment plan; the case closes, legal aid stays with it."""
        m = self.world
        hh = m.households
        lc = m.context.landlords
        hh.conditional_until[ids] = t + m.context.court.conditional_months
        hh.conditional_missed[ids] = 0
        hh.start_watching(ids)
        start_plan(hh, lc, ids, lc.arrangement_months_long, lc.arrangement_months_long)
        self.docket.conditional = union(self.docket.conditional, ids)
        self.docket.close(t, ids, "conditional_verdict", keep_aid=True)

    # -- conditional verdicts ----------------------------------------------------------------
    def _conditional_verdicts(self, t: int) -> None:
        """Breaches go to the bailiff without a new verdict; plans that ran their course end."""
        m, docket = self.world, self.docket
        hh = m.households
        running = docket.conditional[hh.conditional_until[docket.conditional] > t]
        ended = docket.conditional[hh.conditional_until[docket.conditional] == t]
        hh.case_aid[ended[hh.case_stage[ended] == NO_CASE]] = False
        m.outcomes.add("conditional_completed", ended.size)
        breached = running[(hh.conditional_missed[running] >= m.context.court.breach_missed_months)
                           & hh.occupied[running] & (hh.case_stage[running] == NO_CASE)]
        hh.conditional_until[breached] = NEVER
        hh.arrangement[breached] = False
        hh.case_cause[breached] = ARREARS
        docket.open = union(docket.open, breached)
        m.outcomes.add("breach_orders", breached.size)
        docket.order_eviction(t, breached, "breach of conditional verdict", breach=True)
        docket.conditional = running[hh.conditional_until[running] > t]
