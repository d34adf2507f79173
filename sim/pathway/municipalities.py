"""Municipal early help, from a signal to a plan.

A signal (or a landlord's referral of a family before a summons) is answered by the outreach
team as far as its capacity goes: it reaches about one in five signalled households [DV3b]
(families visited at home more often [NOS21]), of whom 35-39 % accept help [DV2b][DV3b]. Those
who accept join the debt-help queue, as do tenants in arrears who apply themselves (most
applications do not come from a signal [NV22]); each month the municipality starts as many cases
as its capacity allows, tenants facing a summons first [NV19b], then families [REIM]. Help works
through the pathway, never on an outcome: budget management puts rent first (fewer misses,
rent.py), the rent arrears go into a plan repaid from what is left (the counsellor keeps it going),
the breathing space holds off the summons (landlords.py), rent can be withheld from a benefit
(direct rent payment), and the municipality may pay the arrears (rental_assistance.py). For some a
settlement is reached [NV16] after about four months [5DOK-SR]: the landlord receives its share of
the rent arrears and writes off the rest, and the spell ends. Outreach staff and debt help cost the
municipality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from .idsets import positions, union, within_capacity
from .landlords import start_plan
from .costs import Item, book_by_landlord

if TYPE_CHECKING:
    from ..parameters import Policy
    from .population import Block
    from .rent import Owing
    from .world import World


class Municipality(mesa.Agent):
    """A municipality: its households (a block of dwellings) and its policy (the national levers with
    its own local ones). Its outreach and debt-help capacity are counted by EarlyHelp, its places
    for displaced households in places.py."""

    def __init__(self, model: mesa.Model, index: int, block: Block, policy: Policy) -> None:
        super().__init__(model)
        self.index = index
        self.block = block
        self.policy = policy  # the national levers with its own local ones

    @property
    def name(self) -> str:
        return self.block.profile.name

    def per_10k(self, rate: float) -> float:
        return rate * self.block.size / 10_000


class EarlyHelp:
    """Outreach after a signal, acceptance, the debt-help queue, help and its endings."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.queued = np.empty(0, np.int64)   # dwellings whose household waits for debt help
        self.helped = np.empty(0, np.int64)   # dwellings whose household is in debt help
        munis = world.municipalities
        self.help_per_month = np.array([m.per_10k(m.policy.debt_help.capacity_per_10k_per_month) for m in munis])
        self.outreach_per_month = np.array(
            [m.per_10k(m.policy.early_signalling.outreach_capacity_per_10k_per_month) for m in munis])
        self.help_credit = np.zeros(len(munis))    # by municipality: debt-help cases it can start
        self.outreach_left = np.zeros(len(munis))  # by municipality: contacts left this month

    def _accrue_capacity(self) -> None:
        """Monthly capacity; unused debt-help capacity carries over one month, unused outreach does
        not (only the part of a contact left over, so a small municipality's fraction adds up)."""
        self.help_credit = np.minimum(self.help_credit + self.help_per_month, 2 * self.help_per_month + 1)
        self.outreach_left = self.outreach_left % 1.0 + self.outreach_per_month

    # -- outreach ----------------------------------------------------------------------------
    def receive_signals(self, t: int, ids: np.ndarray, referred: bool = False) -> None:
        """Signalled households (arrears or nuisance), or families a landlord referred before a
        summons (`referred`): reached within the outreach capacity left this month, offered help,
        and queued for debt help if they accept."""
        if ids.size == 0:  # most months bring no referral: nothing to count, nobody to queue
            return
        m = self.world
        hh = m.households
        tried = ids[m.streams.draws("reach", t, hh.hid[ids])
                    < self._chance(ids, "reach", "outreach_practice", visit=referred)]
        reached = self._within_outreach_capacity(t, tried)
        accept = self._chance(reached, "acceptance", "acceptance_practice", visit=referred)
        accepted = reached[m.streams.draws("accept", t, hh.hid[reached]) < accept]
        source = "referrals" if referred else "signals"
        m.outcomes.add(f"{source}_reached", reached.size)
        m.outcomes.add(f"{source}_unanswered", tried.size - reached.size)
        m.outcomes.add("referrals_accepted" if referred else "help_accepted", accepted.size)
        m.by_municipality.add(t, "help_accepted", hh.municipality[accepted])
        m.journeys.log_many("reached", t, reached)
        m.journeys.log_many("help_accepted", t, accepted)
        self.enqueue(t, accepted)

    def _chance(self, ids: np.ndarray, lever: str, practice: str, visit: bool = False) -> np.ndarray:
        """Each household's chance of the outreach step `lever` ("reach" or "acceptance"): its
        municipality's lever (the home-visit one for families it visits at home, and for every
        family a landlord refers: `visit`) times the municipality's `practice`, at most 1."""
        local, munis = self.world.local, self.world.households.municipality[ids]
        visits = local.lever("early_signalling.home_visits_families", munis) | visit
        visited = self.world.households.families(ids) & visits
        chance = np.where(visited, local.lever(f"early_signalling.home_visit_{lever}", munis),
                          local.lever(f"early_signalling.{lever}", munis))
        return np.minimum(chance * local.practice[practice][munis], 1.0)

    def _within_outreach_capacity(self, t: int, ids: np.ndarray) -> np.ndarray:
        """The households the outreach teams can still contact this month, in a random order."""
        m = self.world
        hh = m.households
        order = ids[np.argsort(m.streams.draws("outreach_order", t, hh.hid[ids]), kind="stable")]
        return np.sort(order[within_capacity(hh.municipality[order], self.outreach_left)])

    def enqueue(self, t: int, ids: np.ndarray) -> None:
        hh = self.world.households
        ids = ids[(hh.queued_since[ids] < 0) & ~hh.in_help(t, ids)]
        hh.queued_since[ids] = t
        self.queued = union(self.queued, ids)

    # -- each month --------------------------------------------------------------------------
    def step(self, t: int, tenants: Owing) -> None:
        """`tenants`: housed tenants in arrears (any of them may apply for help themselves), with
        their rent (the landlords' procedure and the arrears fund may have changed their arrears)."""
        m = self.world
        self._end_help(t)
        self._self_referrals(t, tenants)
        self._accrue_capacity()
        eur = m.context.costs.outreach_eur
        m.outcomes.add_costs(Item.OUTREACH, [contacts * eur for contacts in self.outreach_per_month.tolist()])
        self._intake(t)

    def _self_referrals(self, t: int, tenants: Owing) -> None:
        m = self.world
        hh, hs = m.households, m.context.help_seeking
        owing = tenants.ids  # nobody has moved in since the rent phase: their rent is as it was
        ids = owing[positions(owing, hh.arrears[owing] >= hs.from_months * tenants.rent,
                              lambda ids: hh.queued_since[ids] < 0, lambda ids: ~hh.in_help(t, ids))]
        applied = ids[m.streams.draws("self_referral", t, hh.hid[ids]) < hs.self_referral_per_month]
        m.outcomes.add("help_sought", applied.size)
        m.journeys.log_many("help_sought", t, applied)
        self.enqueue(t, applied)

    def _intake(self, t: int) -> None:
        """Start help for queued households as capacity allows, those facing a summons first, then
        families."""
        m = self.world
        hh = m.households
        queued = self.queued[(hh.queued_since[self.queued] >= 0) & hh.occupied[self.queued]]
        munis = hh.municipality[queued]
        urgent = self._facing_summons(queued) & m.local.lever("debt_help.priority_facing_summons", munis)
        family = hh.families(queued) & m.local.lever("debt_help.priority_families", munis)
        order = queued[np.lexsort((queued, hh.queued_since[queued], ~family, ~urgent))]
        started = order[within_capacity(hh.municipality[order], self.help_credit)]
        m.outcomes.add("debt_help_started_priority", int(self._facing_summons(started).sum()))
        self._start_help(t, started)
        self.queued = queued[hh.queued_since[queued] >= 0]

    def _facing_summons(self, ids: np.ndarray) -> np.ndarray:
        hh = self.world.households
        threshold = self.world.context.landlords.summons_threshold_months
        return (hh.arrears[ids] >= threshold * hh.rent[ids]) | (hh.case_stage[ids] > 0)

    def _start_help(self, t: int, ids: np.ndarray) -> None:
        m = self.world
        hh = m.households
        m.outcomes.add("debt_help_wait_months", float((t - hh.queued_since[ids]).sum()))
        hh.queued_since[ids] = -1
        hh.help_since[ids] = t
        hh.help_until[ids] = t + m.policy.debt_help.duration_months
        hh.start_watching(ids)
        planned = ids[hh.conditional_until[ids] <= t]  # a conditional verdict's plan is the court's
        owing = planned[hh.arrears[planned] > 0]
        lc = m.context.landlords
        start_plan(hh, lc, owing, lc.arrangement_months_long, lc.arrangement_months_long)  # the counsellor's plan
        self._start_direct_payment(t, ids[hh.on_benefits[ids]])
        self.helped = union(self.helped, ids)
        m.outcomes.add("debt_help_started", ids.size)
        m.by_municipality.add(t, "debt_help_started", hh.municipality[ids])
        m.outcomes.add_cost(Item.DEBT_HELP, ids.size * m.context.costs.debt_help_eur)
        m.journeys.log_many("debt_help", t, ids)

    def coach(self, t: int, ids: np.ndarray) -> None:
        """Budget coaching that comes with a second-chance contract: help without the queue (the
        contract's capacity limits it; its cost is booked with the contract)."""
        w = self.world
        hh = w.households
        hh.help_since[ids] = t
        hh.help_until[ids] = t + w.policy.debt_help.duration_months
        hh.start_watching(ids)
        self.helped = union(self.helped, ids)
        w.outcomes.add("debt_help_started", ids.size)
        w.by_municipality.add(t, "debt_help_started", hh.municipality[ids])

    def _start_direct_payment(self, t: int, ids: np.ndarray) -> None:
        m = self.world
        hh = m.households
        uptake = m.local.lever("direct_rent_payment.uptake", hh.municipality[ids])
        direct = ids[m.streams.draws("direct_payment", t, hh.hid[ids]) < uptake]
        hh.direct_payment[direct] = True
        m.outcomes.add("direct_payment_started", direct.size)
        m.journeys.log_many("direct_rent_payment", t, direct)

    def stop_direct_payment(self, t: int, ids: np.ndarray) -> None:
        """Rent can no longer be withheld from a benefit the household no longer gets (`ids`: those
        who left benefits this month)."""
        hh = self.world.households
        ids = ids[hh.direct_payment[ids]]
        hh.direct_payment[ids] = False
        hh.start_watching(ids)  # its rent can be missed again
        self.world.outcomes.add("direct_payment_ended", ids.size)

    def _end_help(self, t: int) -> None:
        """Help ends after its months; before that, a settlement is reached (or not), and some
        households drop out."""
        m = self.world
        hh = m.households
        dh = m.policy.debt_help
        ending = self.helped[hh.help_until[self.helped] == t]
        m.outcomes.add("debt_help_completed", ending.size)
        ids = self.helped[hh.help_until[self.helped] > t]
        due = ids[hh.help_since[ids] + dh.settlement_months == t]
        settled = due[m.streams.draws("debt_settlement", t, hh.hid[due]) < dh.settlement_share]
        m.outcomes.add("debt_help_settlements", settled.size)
        self._settle(t, settled)
        drop = ids[m.streams.draws("debt_help_dropout", t, hh.hid[ids]) < dh.dropout_per_month]
        hh.help_until[drop] = t
        m.outcomes.add("debt_help_dropouts", drop.size)
        self.helped = ids[hh.help_until[ids] > t]

    def _settle(self, t: int, ids: np.ndarray) -> None:
        """A debt settlement: the landlord receives its share of the rent arrears and writes off the
        rest; the spell ends (help goes on: budget management until help ends)."""
        m = self.world
        hh = m.households
        owing = ids[(hh.arrears[ids] > 0) & (hh.case_stage[ids] == 0) & (hh.conditional_until[ids] <= t)]
        arrears = float(hh.arrears[owing].sum(dtype=np.float64))
        paid = m.policy.debt_help.settlement_paid_share
        m.outcomes.add("arrears_ended_settlement", owing.size)
        m.outcomes.add("arrears_written_off_eur", (1 - paid) * arrears)
        book_by_landlord(m, "written_off", owing, (1 - paid) * hh.arrears[owing])
        m.journeys.log_many("debt_settlement", t, owing)
        hh.end_spell(owing)
