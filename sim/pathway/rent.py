"""Rent payment: rent is paid or missed; arrears are repaid from what is left.

Each month a household has its current income (lower during a shock), its rent allowance, a
municipal housing-cost supplement if it gets one, and extra costs if a cost shock runs. If that
money cannot cover rent and its usual basic costs (betaalrisico [PBL]), it may miss the month's
rent: the larger the shortfall, the likelier. Budget management in debt help makes a miss less
likely; rent withheld from a benefit cannot be missed while the benefit is paid. Under pressure
(a payment plan, debt help, a conditional verdict, or once the landlord's final notice has come)
a household puts rent first: it squeezes its spending to what it cannot cut, so it misses rent
less often and has more to repay with. On a plan it pays the instalment, or breaks the plan if it
cannot (in debt help the counsellor keeps the plan going); otherwise it repays a share of its
surplus, a larger share under pressure. A spell ends when the arrears are repaid (from a surplus,
under a plan or in debt help); the other ways it ends are in municipalities.py (municipal money,
a debt settlement), courts.py, turnover.py and displacement.py.

Only households that owe, are on a plan, or are in a shock that may make them miss rent are looked
at each month (`watch`); those that are merely short of money get the month of their next miss
drawn once, and those whose shock leaves enough to pay are left until something changes their
money. So the monthly cost follows the households in trouble, not all households.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .finances import BENEFIT_PROBLEM, JOB_LOSS, income_in_shock, usual_shortfall
from .households import CLEARED_EUR, NEVER, HouseholdArrays
from .idsets import subset
from .costs import Item

if TYPE_CHECKING:
    from ..parameters.context import RentPayment as RentPaymentParameters
    from .world import World



def miss_chance(rp: RentPaymentParameters, shortfall: np.ndarray, rent: np.ndarray) -> np.ndarray:
    """The monthly chance that a household juggling its bills leaves the rent unpaid:
    scale x (shortfall / rent) ^ exponent, at most 1 (shortfall: rent plus spending minus money,
    clipped to [0, rent])."""
    return np.minimum(1.0, rp.miss_scale * (shortfall / np.maximum(rent, 1.0)) ** rp.miss_exponent)


def choose(mask: np.ndarray, if_true: float, if_false: float) -> np.ndarray:
    """`np.where(mask, if_true, if_false)` for two numbers, as a lookup in a table of the two: np.where
    branches on each element, and on masks as mixed as the busy households' it takes 1.1 ms per
    284,000 (a national month) against 0.45 ms."""
    return np.array([if_false, if_true], dtype=np.float64)[mask.view(np.uint8)]


class Owing(NamedTuple):
    """Housed tenants in arrears without a court case or a running conditional verdict: those the
    landlord's procedure deals with; with what each owed and its rent (EUR) when the rent phase ended."""

    ids: np.ndarray
    arrears: np.ndarray
    rent: np.ndarray


class Arrears(NamedTuple):
    """Who owes after the rent phase: `ids`, the households in arrears when it ended (only the rent
    phase adds arrears, so every household in arrears later in the month is among them), with what
    each owed then and its rent (EUR), as in Owing: the landlords' procedure, next, need not read
    them again."""

    ids: np.ndarray
    arrears: np.ndarray
    rent: np.ndarray

    def owing(self, hh: HouseholdArrays, t: int) -> Owing:
        """Those of `ids` the landlord's procedure deals with (see Owing)."""
        ids = self.ids
        kept = np.flatnonzero(hh.occupied[ids] & (hh.case_stage[ids] == 0) & (hh.conditional_until[ids] <= t))
        return Owing(ids[kept], self.arrears[kept], self.rent[kept])

    def still_owing(self, hh: HouseholdArrays) -> np.ndarray:
        """Housed tenants in arrears now (later phases may have ended some spells)."""
        ids = self.ids
        return subset(ids, (hh.arrears[ids] > 0) & hh.occupied[ids])


class RentPayment:
    """Builds and repays arrears."""

    def __init__(self, world: World) -> None:
        self.world = world

    def _watched(self) -> np.ndarray:
        """The dwellings under watch, in order. One pass over the `watch` flags (3.5 MB nationally)
        costs a third of what keeping a list of them did: merging last month's list with the
        dwellings put under watch since, in scattered order, and dropping the duplicates."""
        return np.flatnonzero(self.world.households.watch)

    def _due(self, t: int) -> np.ndarray:
        """Quiet households whose drawn miss is this month, in order: one pass over `next_miss`
        (7 MB nationally). Filing each drawn month in a calendar, as this phase once did, cost about
        the same nationally and more in small populations: a hundred months to file every month."""
        return np.flatnonzero(self.world.households.next_miss == t)

    def step(self, t: int) -> Arrears:
        hh = self.world.households
        watched = self._watched()
        arrears, shocked, costly, arranged, helped, conditional, supplemented = self._state(t, watched)
        busy = (arrears > 0) | shocked | costly | arranged | helped | conditional | supplemented
        quiet, busy = subset(watched, ~busy), np.flatnonzero(busy)
        ids = watched[busy]
        hh.next_miss[ids] = NEVER          # watched again: a drawn miss month no longer holds
        self._schedule(t, quiet)
        due = self._due(t)
        hh.next_miss[due] = NEVER
        # The busy households' state is taken from what _state gathered and followed here as the
        # phase changes it: gathers from the 3.5M-household arrays dominate the phase nationally.
        arrears, arranged = arrears[busy], arranged[busy]
        shocked, costly, helped, conditional = shocked[busy], costly[busy], helped[busy], conditional[busy]
        supplemented, pressured = supplemented[busy], hh.final_notice[ids]
        rent, money = hh.rent[ids], self.money(t, ids, shocked, costly, supplemented)
        squeezed = arranged | helped | conditional | pressured
        spending = self._spending(ids, squeezed)
        shortfall = np.clip(rent + spending - money, 0, rent)  # what money leaves of rent and spending
        unpaid = self._unpaid(t, ids, rent, shortfall, helped, shocked, squeezed)
        missed = np.flatnonzero(unpaid)    # positions: boolean indexing is slow on arrays this long
        due_rent = hh.rent[due]
        due_arrears = self._build(t, ids[missed], due, unpaid[missed], due_rent, arrears[missed],
                                  (arranged & ~helped)[missed], conditional[missed])
        arrears[missed] += unpaid[missed]  # as _build added it
        paid_and_owe = arrears > 0
        paid_and_owe[missed] = False
        owing = np.flatnonzero(paid_and_owe)
        arrears[owing] = self._repay(t, ids[owing], arrears[owing], arranged[owing], rent[owing], money[owing],
                                     spending[owing], helped[owing], pressured[owing])
        at_risk = self._at_risk(t, ids, shocked | costly, squeezed, shortfall > 0)
        self._unwatch(ids, (arrears > 0) | at_risk | conditional | supplemented)
        hh.watch[due] = True
        # Quiet households owe nothing unless their miss came.
        owed = np.concatenate([arrears, due_arrears])
        owe = np.flatnonzero(owed > 0)
        return Arrears(np.concatenate([ids, due])[owe], owed[owe], np.concatenate([rent, due_rent])[owe])

    def _state(self, t: int, ids: np.ndarray) -> tuple[np.ndarray, ...]:
        """What makes households busy, more than short of money (over `ids`): arrears (EUR), and
        masks of an income shock, an extra cost, a payment plan, debt help, a conditional verdict,
        a housing-cost supplement."""
        w = self.world
        hh = w.households
        if w.local.anywhere("rental_assistance.supplement"):
            supplemented = hh.supplement_until[ids] > t
        else:
            supplemented = np.zeros(ids.size, bool)
        return (hh.arrears[ids], hh.shock_until[ids] > t, hh.cost_until[ids] > t, hh.arrangement[ids],
                hh.in_help(t, ids), hh.conditional_until[ids] > t, supplemented)

    def _schedule(self, t: int, ids: np.ndarray) -> None:
        """Households short of money with nothing else going on (most of those watched) miss rent
        with the same chance each month until something changes; so the month of their next miss
        is drawn once (geometric: the same distribution) and they are not looked at until then.
        Anything that changes their money or plans puts them under watch again (`watch`). Rent
        withheld from a benefit is not missed while the benefit is paid: no miss is drawn."""
        m = self.world
        hh = m.households
        hh.watch[ids] = False
        hh.next_miss[ids] = NEVER
        ids = subset(ids, hh.short[ids] & ~hh.direct_payment[ids])
        rent = hh.rent[ids]
        shortfall = np.clip(usual_shortfall(hh, ids, m.cost_factor, rent), 0, rent)
        p_miss = miss_chance(m.context.rent_payment, shortfall, rent)
        ids, p_miss = ids[p_miss > 0], p_miss[p_miss > 0]
        months = m.streams.months("rent_missed_next", t, hh.hid[ids], p_miss)
        hh.next_miss[ids] = np.minimum(t + months - 1, 32000)

    def money(self, t: int, ids: np.ndarray, shocked: np.ndarray, costly: np.ndarray,
              supplemented: np.ndarray) -> np.ndarray:
        """This month's income plus allowance and any housing-cost supplement, minus extra costs
        (EUR). `shocked`, `costly`, `supplemented`: masks over `ids` of a running income shock,
        extra cost and supplement (only their money differs from the usual); the supplements are
        paid (counted and costed) here."""
        m = self.world
        hh, s = m.households, m.context.shocks
        income = hh.income[ids]
        shocks = np.flatnonzero(shocked)
        income[shocks] = income_in_shock(hh, t, ids[shocks], s.benefit_gap_months, s.benefit_gap_income_share)
        money = income + hh.allowance[ids]
        costs = np.flatnonzero(costly)
        money[costs] -= hh.cost_extra[ids[costs]]
        topped = np.flatnonzero(supplemented)
        if topped.size:
            paid = hh.supplement_eur[ids[topped]]
            money[topped] += paid
            eur = float(paid.sum(dtype=np.float64))
            m.outcomes.add("supplement_eur", eur)
            m.outcomes.add("rental_assistance_eur", eur)
            m.outcomes.add_cost(Item.HOUSING_SUPPLEMENT, eur)
        return money

    def _spending(self, ids: np.ndarray, squeezed: np.ndarray) -> np.ndarray:
        """What a household spends besides rent (EUR): its basic costs, or under pressure (a plan,
        debt help, a conditional verdict or the final notice: `squeezed`) only the part it cannot cut."""
        m = self.world
        share = choose(squeezed, m.context.cost_of_living.coping_share, 1.0)
        return m.households.basic_cost[ids] * (share * m.cost_factor)

    def _unpaid(self, t: int, ids: np.ndarray, rent: np.ndarray, shortfall: np.ndarray,
                helped: np.ndarray, shocked: np.ndarray, squeezed: np.ndarray) -> np.ndarray:
        """The rent each household leaves unpaid this month (EUR; 0 for most). Without pressure a
        household short of money juggles its bills and misses a whole month's rent, the likelier the
        larger its shortfall. Under pressure (`squeezed`: a plan, debt help, a conditional verdict, the
        final notice) it pays rent first, with spending cut to the floor: of what it cannot pay even so
        (its deficit) only a share falls on the rent (the rest on its other bills), and budget
        management in debt help covers part of that.
        Rent withheld from a benefit is paid while the benefit is. Only households with a chance of
        missing are drawn (a draw depends on the household alone, see streams.py)."""
        m = self.world
        hh = m.households
        unpaid = np.zeros(ids.size, np.float32)
        pressed = np.flatnonzero(squeezed)
        budgeted = choose(helped[pressed], 1 - m.policy.debt_help.miss_reduction, 1.0)  # budget management
        on_rent = m.context.rent_payment.deficit_on_rent * budgeted
        unpaid[pressed] = shortfall[pressed] * on_rent
        p_miss = np.zeros(ids.size)
        juggling = np.flatnonzero(~squeezed & (shortfall > 0))  # the others cannot miss a whole month
        p_miss[juggling] = miss_chance(m.context.rent_payment, shortfall[juggling], rent[juggling])
        at_risk = np.flatnonzero(p_miss > 0)
        risky = ids[at_risk]
        juggled = at_risk[m.streams.draws("rent_missed", t, hh.hid[risky]) < p_miss[at_risk]]
        unpaid[juggled] = rent[juggled]
        owing = np.flatnonzero(unpaid > 0)
        direct = owing[hh.direct_payment[ids[owing]]]
        withheld = direct[~(shocked[direct] & (hh.shock_kind[ids[direct]] == BENEFIT_PROBLEM))]
        unpaid[withheld] = 0.0
        return unpaid

    def _build(self, t: int, busy: np.ndarray, due: np.ndarray, unpaid: np.ndarray, due_rent: np.ndarray,
               owed: np.ndarray, own_plan: np.ndarray, conditional: np.ndarray) -> np.ndarray:
        """Households that left rent unpaid this month: their arrears grow. `busy` (those under
        watch) left `unpaid` (EUR) and owed `owed` before; `own_plan` and `conditional` are masks
        over them of a plan kept without debt help and of a running conditional verdict (what the
        phase gathered). `due` (quiet households whose drawn miss came) left their whole rent
        (`due_rent`) unpaid; only their other state is read here. Returns what `due` owe now (EUR)."""
        m = self.world
        hh = m.households
        ids = np.concatenate([busy, due])
        owed = np.concatenate([owed, hh.arrears[due]])
        own_plan = np.concatenate([own_plan, hh.arrangement[due] & ~hh.in_help(t, due)])
        conditional = np.concatenate([conditional, hh.conditional_until[due] > t])
        new = ids[owed <= 0]
        hh.arrears_since[new] = t
        hh.arrears[ids] = owed = owed + np.concatenate([unpaid, due_rent])
        hh.last_unpaid[ids] = t
        hh.conditional_missed[ids[conditional]] += 1
        self._break_plans(t, ids[own_plan])  # the counsellor keeps a plan going
        m.outcomes.add("arrears_new", new.size)
        m.outcomes.add("rent_missed", ids.size)
        m.journeys.log_many("arrears_start", t, new)
        return owed[busy.size:]

    def _break_plans(self, t: int, ids: np.ndarray) -> None:
        """A missed payment breaks a plan [WIN]; a new one comes no sooner than the cooldown."""
        m = self.world
        hh = m.households
        ids = ids[hh.conditional_until[ids] <= t]  # a conditional verdict's plan is the court's matter
        hh.arrangement[ids] = False
        hh.instalment[ids] = 0.0
        hh.plan_broken[ids] = t
        m.outcomes.add("arrangements_broken", ids.size)
        m.journeys.log_many("arrangement_broken", t, ids)

    def _repay(self, t: int, ids: np.ndarray, arrears: np.ndarray, arranged: np.ndarray, rent: np.ndarray,
               money: np.ndarray, spending: np.ndarray, helped: np.ndarray, pressured: np.ndarray) -> np.ndarray:
        """Households that paid this month's rent and owe `arrears` (`arranged`: on a payment plan;
        `helped`: in debt help; `pressured`: the final notice has come): instalments, or a share of
        the surplus, larger under pressure. Returns what they owe afterwards."""
        m = self.world
        hh = m.households
        surplus = np.maximum(0.0, money - rent - spending)
        instalment = np.zeros(ids.size, hh.instalment.dtype)
        plans = np.flatnonzero(arranged)
        instalment[plans] = hh.instalment[ids[plans]]
        on_plan = arranged & (instalment > 0)
        short_of_instalment = on_plan & (surplus < instalment) & ~helped  # the counsellor keeps a plan going
        rp = m.context.rent_payment
        share = choose(pressured | helped, rp.repay_share_under_pressure, rp.repay_share_of_surplus)
        pay = np.where(on_plan, np.minimum(surplus, instalment), share * surplus)
        arrears = np.maximum(0.0, arrears - pay).astype(np.float32)
        hh.arrears[ids] = arrears
        self._break_plans(t, ids[short_of_instalment & (arrears > CLEARED_EUR)])
        cleared = np.flatnonzero(arrears <= CLEARED_EUR)
        self._cleared(t, ids[cleared], helped[cleared], arranged[cleared])
        arrears[cleared] = 0.0  # as the end of the spell set it
        return arrears

    def _cleared(self, t: int, ids: np.ndarray, helped: np.ndarray, arranged: np.ndarray) -> None:
        """Households that repaid their arrears this month (`helped`, `arranged`: masks over `ids` of
        debt help and a payment plan)."""
        m = self.world
        hh = m.households
        by_plan = arranged & ~helped
        m.outcomes.add("arrears_ended_debt_help", int(helped.sum()))
        m.outcomes.add("arrears_ended_plan", int(by_plan.sum()))
        m.outcomes.add("arrears_ended_repaid", int((~by_plan & ~helped).sum()))
        m.journeys.log_many("arrears_repaid", t, ids)
        hh.end_spell(ids)

    def _at_risk(self, t: int, ids: np.ndarray, in_shock: np.ndarray, squeezed: np.ndarray,
                 short_now: np.ndarray) -> np.ndarray:
        """Which households in an income shock or with an extra cost (`in_shock`, over `ids`) may
        still miss rent before it ends: those short of money this month, under pressure, or waiting
        for a benefit after a job loss (their money changes within the shock). For the others the
        shock's money stays what it is now (anything that changes it puts them under watch again),
        so they cannot miss rent until it ends; not looking at them changes no result."""
        m = self.world
        hh = m.households
        at_risk = in_shock & (squeezed | short_now)
        calm = np.flatnonzero(in_shock & ~at_risk)
        lost_job = calm[hh.shock_kind[ids[calm]] == JOB_LOSS]
        at_risk[lost_job[t - hh.shock_since[ids[lost_job]] < m.context.shocks.benefit_gap_months]] = True
        return at_risk

    def _unwatch(self, ids: np.ndarray, busy: np.ndarray) -> None:
        """Stop looking at households with nothing left to watch. `busy`: mask over `ids` of
        arrears, a shock or an extra cost that may still make them miss rent, a conditional verdict
        or a supplement."""
        hh = self.world.households
        hh.watch[ids] = hh.short[ids] | busy
