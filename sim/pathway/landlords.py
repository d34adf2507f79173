"""Landlords: the arrears procedure, from the first reminder to the summons.

The procedure runs on the arrears spell's clock [PAT][WMD]. In the first months the landlord
reaches the tenant (corporations nearly always within a month [AE20]); reached in the spell's first
month, many pay at once, which "in most cases" resolves the arrears [NU21]. The others are offered a
payment plan: up to 6 months for small arrears, 12 for larger, at least EUR 50 a month [WMD], at
most once a year [PAT][DGW]. From one month of arrears it signals the municipality (Wgs, since 2021;
a policy lever) when its own reminders and contact came to nothing (so not in the month the rent
was first missed): a tenant who agreed a plan is not signalled while the plan runs
[VNG20][HKM][OUD]. At the end of the spell's second month without a plan comes the final notice,
with a second plan offer, before the file goes to the bailiff [PAT]: from then on the tenant is
under pressure and puts rent first (rent.py). From three months of arrears, or earlier after
repeated non-payment (a spell of some months that still owes a month's rent) [KOP][JA], while no
plan runs and no debt help holds the procedure (the breathing space), the landlord may summon the
tenant (dagvaarding): a monthly chance by landlord type. Before it summons a family, a landlord
usually refers it to the municipality first and waits for the answer [NRC22][NUL16][WT]; a family
in debt help by then is not summoned at all.

Landlord agents (a housing corporation and the private landlords of each municipality) hold
their settings; the procedure runs vectorised over all tenants in arrears and returns the signals
it sent and the summonses it issued (EvictionModel.step hands them to the municipality and the court).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import mesa
import numpy as np

from .households import NEVER, REFERRAL_DECLINED
from .idsets import positions, subset
from .moratorium import summonses_paused

if TYPE_CHECKING:
    from ..parameters.context import Landlords
    from ..parameters.policy import EarlySignalling
    from .households import HouseholdArrays
    from .rent import Owing
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
        self.family_referral = pick(lc.family_referral_corporation, lc.family_referral_private)


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
    """What the landlords' procedure sent this month: early signals and family referrals to the
    municipality, and summonses."""

    signals: np.ndarray
    referrals: np.ndarray
    summonses: np.ndarray


# Non-payment is "repeated" (a summons before three months of arrears [KOP][JA]) when rent was left
# unpaid within the last this many months (assumption, range 2-6): a tenant repaying steadily is not
# summoned for it.
REPEATED_WITHIN_MONTHS = 3

# A landlord may signal only after it tried personal contact and sent at least one written reminder
# that the tenant left unanswered (art. 2 Besluit gemeentelijke schuldhulpverlening [HKM][OUD]): not
# in the month the rent was first missed, but once the spell has lasted this many months.
REMINDED_AFTER_MONTHS = 1


class ArrearsProcedure:
    """Contact, payment plans, early signals and summonses for every tenant in arrears."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.settings = {name: np.array([getattr(landlord, name) for landlord in world.landlords])
                         for name in ("contact", "arrangement_offer", "signal_compliance", "summons_per_month",
                                      "family_referral")}
        hh = world.households  # a dwelling's landlord never changes: looked up once, not each month
        self.landlord_of = landlord_index(hh.municipality, hh.private).astype(np.int16)

    def _setting(self, ids: np.ndarray, name: str) -> np.ndarray:
        """Each household's landlord's value of a procedure setting."""
        return self.settings[name][self.landlord_of[ids]]

    def step(self, t: int, tenants: Owing) -> Letters:
        """`tenants`: housed tenants in arrears without a court case or a conditional verdict, with
        their arrears and rent as the rent phase left them."""
        w = self.world
        hh = w.households
        lc = w.context.landlords
        ids = tenants.ids
        uncontacted = np.flatnonzero(~hh.contacted[ids])
        paying = np.delete(np.arange(ids.size), uncontacted[self._contact(t, ids[uncontacted])])  # some paid at once
        owing, months = ids[paying], tenants.arrears[paying] / tenants.rent[paying]
        spell = t - hh.arrears_since[owing]
        # Each condition below is tested only where the ones before it hold (`positions`): each gather
        # from the national arrays costs about a pass over them, and most tenants fail early.
        notice = positions(owing, spell >= lc.final_notice_after_months,
                           lambda ids: ~hh.final_notice[ids], lambda ids: ~hh.arrangement[ids])
        self._final_notice(t, owing[notice])
        signal_at = w.policy.early_signalling.arrears_months_to_signal
        # The landlord signals only when its reminders and contact came to nothing: not while a plan runs.
        unanswered = positions(owing, (months >= signal_at) & (spell >= REMINDED_AFTER_MONTHS),
                               lambda ids: ~hh.signalled[ids], lambda ids: ~hh.arrangement[ids])
        signals = self._signal(t, owing[unanswered])
        summonable = months >= lc.summons_threshold_months
        persistent = positions(owing, ~summonable & (months >= lc.summons_after_months_owed)
                               & (spell >= lc.summons_after_months),
                               lambda ids: t - hh.last_unpaid[ids] < REPEATED_WITHIN_MONTHS)
        summonable[persistent] = True
        due = self._due_for_summons(t, subset(owing, summonable))
        referrals = self._refer_families(t, due)
        summonses = self._summon(t, self._after_referral(t, due))
        return Letters(signals, referrals, summonses)

    def _contact(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Reminders and a call; once the tenant is reached, a payment plan may be agreed. Returns
        the positions in `ids` of the tenants who paid at once."""
        m = self.world
        hh = m.households
        reached = np.flatnonzero(m.streams.draws("landlord_contact", t, hh.hid[ids]) < self._setting(ids, "contact"))
        hh.contacted[ids[reached]] = True
        m.outcomes.add("contacts", reached.size)
        paid = self._repaid_at_contact(t, ids[reached])
        self._offer_plan(t, np.delete(ids[reached], paid), "arrangement")
        return reached[paid]

    def _repaid_at_contact(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Tenants reached in the first month of a spell who pay at once (their spell ends here):
        their positions in `ids`. A tenant in an income shock cannot."""
        m = self.world
        hh = m.households
        p = m.context.landlords.repaid_at_contact
        if p <= 0:
            return np.empty(0, np.int64)
        first = positions(ids, hh.arrears_since[ids] == t, lambda first: hh.shock_until[first] <= t)
        paid = first[m.streams.draws("repaid_at_contact", t, hh.hid[ids[first]]) < p]
        done = ids[paid]
        m.outcomes.add("arrears_ended_at_contact", done.size)
        m.journeys.log_many("arrears_repaid", t, done)
        hh.end_spell(done)
        return paid

    def _final_notice(self, t: int, ids: np.ndarray) -> None:
        """The last letter before the bailiff: pay, or take the plan offered now."""
        self.world.households.final_notice[ids] = True
        self._offer_plan(t, ids, "arrangement_final_notice")

    def _offer_plan(self, t: int, ids: np.ndarray, stream: str) -> None:
        """A plan offered (if the last one did not break within the cooldown) and accepted or not."""
        m = self.world
        hh, lc = m.households, m.context.landlords
        broken = hh.plan_broken[ids]
        cooled = (broken < 0) | (t - broken >= lc.arrangement_cooldown_months)
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
        covered = m.local.lever("early_signalling.coverage", hh.municipality[ids])
        sent = ids[m.streams.draws("signal", t, hh.hid[ids]) < self._setting(ids, "signal_compliance") * covered]
        m.outcomes.add("signals", sent.size)
        m.by_municipality.add(t, "signals", hh.municipality[sent])
        m.journeys.log_many("signal", t, sent)
        return sent

    def _due_for_summons(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Tenants above the threshold the landlord may summon: no running plan, no moratorium
        pausing summonses, no debt help holding the procedure (the breathing space)."""
        m = self.world
        hh = m.households
        held_off = hh.arrangement[ids] | summonses_paused(m, t, ids)
        if m.policy.debt_help.breathing_space:
            held_off |= hh.in_help(t, ids)
        return subset(ids, ~held_off)

    def _refer_families(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Families the landlord considers summoning for the first time in this spell: it refers
        them to the municipality with its referral chance (and waits), or goes ahead. Returns the
        families referred."""
        m = self.world
        hh = m.households
        new = ids[hh.families(ids) & (hh.referred_at[ids] == NEVER)]
        refer = m.streams.draws("family_referral", t, hh.hid[new]) < self._setting(new, "family_referral")
        hh.referred_at[new] = np.where(refer, np.int16(t), REFERRAL_DECLINED)
        referred = new[refer]
        m.outcomes.add("family_referrals", referred.size)
        m.journeys.log_many("referred", t, referred)
        return referred

    def _after_referral(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Those the landlord no longer waits for: not families, families it did not refer, and
        referred families whose wait is over (a family in debt help by then is held off anyway)."""
        hh = self.world.households
        since = hh.referred_at[ids]
        wait = self.world.context.landlords.referral_wait_months
        waited = (since == REFERRAL_DECLINED) | ((since >= 0) & (t - since >= wait))
        return subset(ids, ~hh.families(ids) | waited)

    def _summon(self, t: int, ids: np.ndarray) -> np.ndarray:
        """Summonses: a monthly chance by landlord type, times the families' residual factor.
        Returns the households the landlord decided to summon (where an arrears fund takes the
        landlord's applications, it may pay first: rental_assistance.py)."""
        m = self.world
        hh = m.households
        p = self._setting(ids, "summons_per_month")
        p = np.where(hh.families(ids), p * m.context.landlords.summons_family_factor, p)
        return ids[m.streams.draws("summons", t, hh.hid[ids]) < np.minimum(p, 1.0)]
