"""Rental assistance: municipal money for rent (policy.rental_assistance).

The arrears fund pays the landlord a household's rent arrears at once, up to a maximum, within
the municipality's yearly budget (bijzondere bijstand, a huurschuldenfonds or noodfonds, a
saneringskrediet [BOLL17][HKG]): from a set amount of arrears, a lead time of a month after the
household came into contact with the municipality, tenants facing a summons first (and families,
where the municipality puts them first), at most once in a while per household. If it pays
everything the spell ends; the household repays part of the money to the municipality, which
bears the rest. In the baseline only households in debt help can get it (arranged by the debt
counsellor). Where the policy has landlords apply to it before a summons (before_summons, called
between the landlord's decision and the summons), it pays for the tenants who sign the
application, and a tenant whose arrears it paid in full is not summoned.

The housing-cost supplement (woonkostentoeslag), where a municipality has one, tops up the
money of a household in contact with it that is short of money, by its shortfall up to a
maximum, for some months, as far as its places go; rent.py adds it to the household's money and
pays it. Both are costs of the municipality; what they pay is the outcome rental_assistance_eur.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .finances import usual_shortfall
from .households import CLEARED_EUR, NEVER
from .idsets import positions, subset, union, within_budget, within_capacity
from .costs import Item

if TYPE_CHECKING:
    from .world import World

FUND_LEAD_MONTHS = 1  # assumption, range 0-2: a decision on bijzondere bijstand takes weeks


class RentalAssistance:
    """The arrears fund and the housing-cost supplement, by municipality."""

    def __init__(self, world: World) -> None:
        self.world = world
        munis = world.municipalities
        ra = [m.policy.rental_assistance for m in munis]
        self.budget_per_month = np.array([m.per_10k(r.fund_budget_per_10k_per_year) / 12 for m, r in zip(munis, ra)])
        self.places = np.array([m.per_10k(r.supplement_places_per_10k) if r.supplement else 0.0
                                for m, r in zip(munis, ra)])
        self.fund_left = self.budget_per_month.copy()  # by municipality: EUR the fund can still pay this month
        self.supplemented = np.empty(0, np.int64)  # dwellings whose household gets the supplement

    def before_summons(self, t: int, summonses: np.ndarray) -> np.ndarray:
        """Where landlords apply to the fund before a summons, the fund pays the arrears of the
        tenants who sign the application, as far as the budget goes (those facing eviction are the
        first the fund is for). Returns the tenants still to be summoned: those the fund did not pay
        for, or whose arrears it did not pay in full."""
        w = self.world
        hh = w.households
        ra = w.policy.rental_assistance
        if summonses.size == 0 or t - w.warmup < ra.from_month or not w.local.anywhere(
                "rental_assistance.fund_before_summons"):
            return summonses
        munis = hh.municipality[summonses]
        lever = lambda name: w.local.lever(f"rental_assistance.{name}", munis)  # noqa: E731
        ok = lever("fund_before_summons") & ((hh.funded_at[summonses] == NEVER)
                                             | (t - hh.funded_at[summonses] >= lever("fund_once_in_months")))
        ok &= w.streams.draws("fund_take_up", t, hh.hid[summonses]) < lever("fund_take_up")
        applied = subset(summonses, ok)
        family = hh.families(applied) & w.local.lever("rental_assistance.fund_families_first", hh.municipality[applied])
        applied = applied[np.lexsort((applied, ~family))]
        self._pay_within_budget(t, applied)
        w.outcomes.add("fund_applications", applied.size)
        return subset(summonses, hh.arrears[summonses] > CLEARED_EUR)

    def step(self, t: int, queued: np.ndarray, helped: np.ndarray) -> None:
        """`queued`, `helped`: dwellings whose household waits for or is in debt help (the
        municipality's contacts; some entries may be stale, see EarlyHelp)."""
        hh = self.world.households
        contact = union(queued[hh.queued_since[queued] >= 0], helped[hh.in_help(t, helped)])
        self._fund(t, contact)
        if self.places.any():
            self._supplements(t, contact)
        # next month's budget; what is left of this month's carries over one month
        self.fund_left = np.minimum(self.fund_left, self.budget_per_month) + self.budget_per_month

    # -- the arrears fund ------------------------------------------------------------------------
    def _fund(self, t: int, contact: np.ndarray) -> None:
        """The fund pays for households in contact with the municipality."""
        ids = self._fund_eligible(t, contact)
        if ids.size:
            self._pay_within_budget(t, ids)

    def _pay_within_budget(self, t: int, ids: np.ndarray) -> None:
        """Pay for `ids`, in their order, up to the most per household, as far as each
        municipality's fund goes."""
        w = self.world
        hh = w.households
        ra = lambda name: w.local.lever(f"rental_assistance.{name}", hh.municipality[ids])  # noqa: E731
        amounts = np.minimum(hh.arrears[ids], ra("fund_max_eur")).astype(np.float64)
        paid = within_budget(hh.municipality[ids], amounts, self.fund_left)
        self._pay(t, ids[paid], amounts[paid], np.broadcast_to(ra("fund_repaid_share"), ids.shape)[paid])

    def _fund_eligible(self, t: int, contact: np.ndarray) -> np.ndarray:
        """Households the fund can pay for, in the order it pays them: facing a summons first, then
        families where the municipality puts them first, then the longest in arrears."""
        w = self.world
        hh = w.households
        lever = lambda name, ids: w.local.lever(f"rental_assistance.{name}", hh.municipality[ids])  # noqa: E731
        opened = t - w.warmup >= w.policy.rental_assistance.from_month

        def in_contact_long_enough(ids: np.ndarray) -> np.ndarray:
            helped = hh.in_help(t, ids)
            wide = opened & (lever("fund_for", ids) == "contact")
            since = np.where(helped, hh.help_since[ids], hh.queued_since[ids])  # in contact since
            return (wide | helped) & (t - since >= FUND_LEAD_MONTHS)

        # each condition read only where the ones before it hold (most in contact owe too little)
        ids = contact[positions(contact, hh.arrears[contact] >= lever("fund_from_months", contact) * hh.rent[contact],
                                lambda ids: (hh.case_stage[ids] == 0) & (hh.conditional_until[ids] <= t),
                                lambda ids: (hh.funded_at[ids] == NEVER)
                                | (t - hh.funded_at[ids] >= lever("fund_once_in_months", ids)),
                                in_contact_long_enough)]
        threshold = w.context.landlords.summons_threshold_months
        urgent = hh.arrears[ids] >= threshold * hh.rent[ids]
        family = hh.families(ids) & w.local.lever("rental_assistance.fund_families_first", hh.municipality[ids])
        return ids[np.lexsort((ids, hh.arrears_since[ids], ~family, ~urgent))]

    def _pay(self, t: int, ids: np.ndarray, amounts: np.ndarray, repaid: np.ndarray) -> None:
        """The fund pays the landlord; the spell ends if nothing is left owing."""
        w = self.world
        hh = w.households
        hh.arrears[ids] = np.maximum(0.0, hh.arrears[ids] - amounts).astype(np.float32)
        hh.funded_at[ids] = t
        hh.start_watching(ids)
        eur = float(amounts.sum())
        w.outcomes.add("fund_households", ids.size)
        w.outcomes.add("fund_eur", eur)
        w.outcomes.add("rental_assistance_eur", eur)
        w.outcomes.add_cost(Item.ARREARS_FUND, float((amounts * (1 - repaid)).sum()))
        w.journeys.log_many("arrears_fund", t, ids)
        cleared = ids[hh.arrears[ids] <= CLEARED_EUR]
        w.outcomes.add("arrears_ended_municipal_money", cleared.size)
        hh.end_spell(cleared)

    # -- the housing-cost supplement -------------------------------------------------------------
    def _supplements(self, t: int, contact: np.ndarray) -> None:
        """New supplements for households in contact that are short of money, as far as places go."""
        w = self.world
        hh = w.households
        running = self.supplemented[hh.supplement_until[self.supplemented] > t]
        ra = w.policy.rental_assistance
        if t - w.warmup < ra.from_month:
            self.supplemented = running
            return
        ids = subset(contact, hh.short[contact] & (hh.supplement_until[contact] < t)
                     & w.local.lever("rental_assistance.supplement", hh.municipality[contact]))
        free = np.maximum(self.places - np.bincount(hh.municipality[running], minlength=self.places.size), 0)
        ids = ids[np.lexsort((ids, ~hh.families(ids), hh.arrears[ids] <= 0))]  # in arrears first, then families
        start = ids[within_capacity(hh.municipality[ids], free.astype(float))]
        self._start_supplements(t, np.sort(start))
        self.supplemented = union(running, start)

    def _start_supplements(self, t: int, ids: np.ndarray) -> None:
        w = self.world
        hh = w.households
        munis = hh.municipality[ids]
        most = w.local.lever("rental_assistance.supplement_max_eur", munis)
        hh.supplement_eur[ids] = np.clip(usual_shortfall(hh, ids, w.cost_factor), 0, most)
        hh.supplement_until[ids] = t + w.local.lever("rental_assistance.supplement_months", munis)
        hh.start_watching(ids)
        w.outcomes.add("supplements_started", ids.size)
        w.journeys.log_many("supplement", t, ids)
