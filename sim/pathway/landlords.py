"""Landlords: the arrears procedure, from the first reminder to the summons.

In the first months of arrears the landlord reaches the tenant (corporations nearly always
within a month [AE20]) and offers a payment plan: up to 6 months for small arrears, 12 for
larger, at least EUR 50 a month [WMD], at most once a year [PAT][DGW]. A tenant who declined
gets a second offer with the final notice, before the file goes to the bailiff [PAT]. At one month of arrears
it signals the municipality (Wgs, since 2021; a policy lever). From three months of arrears
[KOP][JA], while no plan runs and no debt help holds the procedure (the breathing space), it
may summon the tenant (dagvaarding): a monthly chance by landlord type, lower for families.

Landlord agents (a housing corporation and the private landlords of each municipality) hold
their settings; the procedure runs vectorised over all tenants in arrears and returns the signals
it sent and the summonses it issued (EvictionModel.step hands them to the municipality and the court).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import mesa
import numpy as np

from .idsets import subset
from .moratorium import summonses_paused

if TYPE_CHECKING:
    from ..parameters.context import Landlords
    from ..parameters.policy import EarlySignalling
    from .households import HouseholdArrays
    from .world import World


class Landlord(mesa.Agent):
    """A municipality's housing corporation, or its private landlords taken together: the
    settings of its arrears procedure, which differ by type of landlord."""

    def __init__(self, model: mesa.Model, municipality: int, private: bool, lc: Landlords,
                 es: EarlySignalling) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.private = private
        pick = (lambda corporation, private_: private_ if private else corporation)
        self.contact = pick(lc.contact_corporation, lc.contact_private)
        self.arrangement_offer = pick(lc.arrangement_offer_corporation, lc.arrangement_offer_private)
        self.signal_compliance = pick(es.compliance_corporation, es.compliance_private)
        self.summons_per_month = pick(lc.summons_per_month_corporation, lc.summons_per_month_private)


def landlord_index(municipality: np.ndarray, private: np.ndarray) -> np.ndarray:
    """Position in `World.landlords` of a household's landlord (corporation, then private)."""
    return 2 * municipality.astype(np.int64) + private


def start_plan(hh: HouseholdArrays, lc: Landlords, ids: np.ndarray, months_short: int, months_long: int,
               instalment: np.ndarray | None = None) -> None:
    """A payment plan: the arrears spread over its months (`months_short` for arrears up to a
    month's rent), at least the minimum instalment (EUR/month)."""
    months = np.where(hh.arrears[ids] <= hh.rent[ids], months_short, months_long)
    spread = np.maximum(lc.min_instalment_eur, hh.arrears[ids] / months)
    hh.instalment[ids] = spread if instalment is None else np.maximum(instalment, 1.0)
    hh.arrangement[ids] = True


class Letters(NamedTuple):
    """What the landlords' procedure sent this month: early signals to the municipality and summonses."""

    signals: np.ndarray
    summonses: np.ndarray


class ArrearsProcedure:
    """Contact, payment plans, early signals and summonses for every tenant in arrears."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.settings = {name: np.array([getattr(landlord, name) for landlord in world.landlords])
                         for name in ("contact", "arrangement_offer", "signal_compliance", "summons_per_month")}
        hh = world.households  # a dwelling's landlord never changes: looked up once, not each month
        self.landlord_of = landlord_index(hh.municipality, hh.private).astype(np.int16)

    def _setting(self, ids: np.ndarray, name: str) -> np.ndarray:
        """Each household's landlord's value of a procedure setting."""
        return self.settings[name][self.landlord_of[ids]]

    def step(self, t: int, owing: np.ndarray) -> Letters:
        """`owing`: housed tenants in arrears without a court case or a conditional verdict."""
        w = self.world
        hh = w.households
        months = hh.arrears[owing] / hh.rent[owing]
        self._contact(t, owing[~hh.contacted[owing]])
        final_notice = owing[hh.contacted[owing] & ~hh.arrangement[owing] & ~hh.final_notice[owing]
                             & (months >= w.context.landlords.final_notice_months)]
        self._final_notice(t, final_notice)
        signal_at = w.policy.early_signalling.arrears_months_to_signal
        signals = self._signal(t, owing[(months >= signal_at) & ~hh.signalled[owing]])
        summonses = self._summon(t, subset(owing, months >= w.context.landlords.summons_threshold_months))
        return Letters(signals, summonses)

    def _contact(self, t: int, ids: np.ndarray) -> None:
        """Reminders and a call; once the tenant is reached, a payment plan may be agreed."""
        m = self.world
        hh = m.households
        reached = ids[m.streams.draws("landlord_contact", t, hh.hid[ids]) < self._setting(ids, "contact")]
        hh.contacted[reached] = True
        m.outcomes.add("contacts", reached.size)
        self._offer_plan(t, reached, "arrangement")

    def _final_notice(self, t: int, ids: np.ndarray) -> None:
        """The last letter before the bailiff: pay, or take the plan offered now."""
        self.world.households.final_notice[ids] = True
        self._offer_plan(t, ids, "arrangement_final_notice")

    def _offer_plan(self, t: int, ids: np.ndarray, stream: str) -> None:
        """A plan offered (if the last one did not break within the cooldown) and accepted or not."""
        m = self.world
        hh, lc = m.households, m.context.landlords
        cooled = (hh.plan_broken[ids] < 0) | (t - hh.plan_broken[ids] >= lc.arrangement_cooldown_months)
        cooled &= ~hh.in_help(t, ids)  # debt help deals with the landlord itself
        p_agree = np.where(cooled, self._setting(ids, "arrangement_offer") * lc.arrangement_accept, 0.0)
        agreed = ids[m.streams.draws(stream, t, hh.hid[ids]) < p_agree]
        start_plan(hh, lc, agreed, lc.arrangement_months_short, lc.arrangement_months_long)
        m.outcomes.add("arrangements", agreed.size)
        m.journeys.log_many("arrangement", t, agreed)

    def _signal(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Early signals to the municipality (Wgs), if the policy has them; once per spell. Returns
        the households signalled."""
        m = self.world
        if not m.policy.early_signalling.enabled:
            return ids[:0]
        hh = m.households
        hh.signalled[ids] = True
        sent = ids[m.streams.draws("signal", t, hh.hid[ids]) < self._setting(ids, "signal_compliance")]
        m.outcomes.add("signals", sent.size)
        m.by_municipality.add(t, "signals", hh.municipality[sent])
        m.journeys.log_many("signal", t, sent)
        return sent

    def _summon(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Summonses for tenants above the threshold without a running plan or breathing space.
        Returns the households summoned."""
        m = self.world
        hh = m.households
        held_off = hh.arrangement[ids] | summonses_paused(m, t, ids)
        if m.policy.debt_help.breathing_space:
            held_off |= hh.in_help(t, ids)
        ids = subset(ids, ~held_off)
        p = self._setting(ids, "summons_per_month")
        p = np.where(hh.families(ids), p * m.context.landlords.summons_family_factor, p)
        summoned = ids[m.streams.draws("summons", t, hh.hid[ids]) < np.minimum(p, 1.0)]
        m.outcomes.add("summons_arrears_months", float((hh.arrears[summoned] / hh.rent[summoned]).sum()))
        m.outcomes.add("summons_spell_months", float((t - hh.arrears_since[summoned]).sum()))
        return summoned
