"""Phase 3: the landlord's arrears procedure.

Month 1 of arrears: reminder and contact, often with a payment arrangement. After about one
month of arrears the landlord signals the municipality (Wgs, since 2021). From about three
months without a kept arrangement the landlord may summon the tenant (dagvaarding).

Landlord agents (a housing corporation and the private landlords of each municipality) hold
their own settings; the procedure runs vectorised over all tenants in arrears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

if TYPE_CHECKING:
    from .model import EvictionModel


class Landlord(mesa.Agent):
    """A municipality's housing corporation, or its private landlords taken together: the
    settings of its arrears procedure, which differ by type of landlord."""

    def __init__(self, model: "EvictionModel", municipality: int, private: bool) -> None:
        super().__init__(model)
        self.municipality = municipality
        self.private = private

    def _pick(self, corporation: float, private: float) -> float:
        return private if self.private else corporation

    @property
    def arrangement_offer(self) -> float:
        lc = self.model.context.landlords
        return self._pick(lc.arrangement_offer_corporation, lc.arrangement_offer_private)

    @property
    def signal_compliance(self) -> float:
        es = self.model.policy.early_signalling
        return self._pick(es.compliance_corporation, es.compliance_private)

    @property
    def summons_hazard(self) -> float:
        lc = self.model.context.landlords
        return self._pick(lc.summons_hazard_corporation, lc.summons_hazard_private)


def landlord_index(municipality: np.ndarray, private: np.ndarray) -> np.ndarray:
    """Position in `model.landlords` of a household's landlord (corporation, then private)."""
    return 2 * municipality.astype(np.int64) + private


class ArrearsProcedure:
    """Contact, arrangements, early signals and summonses for every tenant in arrears."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model

    def _setting(self, ids: np.ndarray, name: str) -> np.ndarray:
        """Each household's landlord's value of a procedure setting."""
        hh = self.model.households
        values = np.array([getattr(landlord, name) for landlord in self.model.landlords])
        return values[landlord_index(hh.municipality[ids], hh.private[ids])]

    def step(self, t: int, owing: np.ndarray) -> None:
        """`owing`: housed households with arrears and no open court case."""
        hh = self.model.households
        months = hh.arrears[owing] / hh.rent[owing]
        self._contact(t, owing[~hh.contacted[owing]])
        self._break_arrangements(t)
        self._signal(t, owing[(months >= self.model.policy.early_signalling.arrears_months_to_signal)
                              & ~hh.signalled[owing]])
        self._summon(t, owing[months >= self.model.context.landlords.summons_threshold_months])

    def _contact(self, t: int, ids: np.ndarray) -> None:
        """Reminder and contact; an arrangement if offered and accepted."""
        hh, lc = self.model.households, self.model.context.landlords
        hh.contacted[ids] = True
        p_agree = self._setting(ids, "arrangement_offer") * lc.arrangement_accept
        agreed = ids[self.model.streams.draws("arrangement", t, ids) < p_agree]
        hh.arrangement[agreed] = True
        self.model.outcomes.add("arrangements", agreed.size)
        self.model.journeys.log_many("arrangement", t, agreed)

    def _break_arrangements(self, t: int) -> None:
        """A missed payment breaks an arrangement."""
        hh = self.model.households
        missed = self.model.rent.missed
        broken = missed[hh.arrangement[missed] & (hh.conditional_until[missed] <= t)]
        hh.arrangement[broken] = False
        self.model.outcomes.add("arrangements_broken", broken.size)
        self.model.journeys.log_many("arrangement_broken", t, broken)

    def _signal(self, t: int, ids: np.ndarray) -> None:
        """Early signal to the municipality (Wgs), if the policy has it."""
        es = self.model.policy.early_signalling
        if not es.enabled:
            return
        sent = ids[self.model.streams.draws("signal", t, ids) < self._setting(ids, "signal_compliance")]
        self.model.households.signalled[ids] = True
        self.model.outcomes.add("signals", sent.size)
        self.model.journeys.log_many("signal", t, sent)
        self.model.early_help.receive_signals(t, sent)

    def _summon(self, t: int, ids: np.ndarray) -> None:
        """Summons for tenants above the threshold without a kept arrangement or breathing space."""
        hh, m = self.model.households, self.model
        held_off = hh.arrangement[ids]
        if m.policy.debt_help.breathing_space:
            held_off |= hh.in_help(t, ids)
        ids = ids[~held_off]
        lc = m.context.landlords
        p = self._setting(ids, "summons_hazard")
        p = np.where(hh.children[ids] > 0, p * lc.summons_family_factor, p)
        summoned = ids[m.streams.draws("summons", t, ids) < p]
        m.courts.summon(t, summoned, "arrears")
