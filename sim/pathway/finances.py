"""Household finances: income, rent allowance and basic costs, and the shocks that change
what a household can pay: a job lost (and found again), a benefit stopped or sanctioned, a
separation, an unexpected cost, and lasting changes of earnings (a new job, retirement).

A household lives on its earnings, or on a benefit at the social minimum when its earnings fall
below it [VEL24a]; families get child benefits on top. After a job loss the benefit starts
weeks later: until then the household has little more than its last wage. The rent allowance (huurtoeslag) pays a
share of the rent above a base rent that rises with income. Shock onsets are drawn over the
whole population from their own stream, independent of anybody's state (common random
numbers); what a shock does to a household is drawn from the household's own numbers.
Earnings are drawn from the household type's distribution by the tenants service (tenants.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..parameters.context import CostOfLiving, Incomes, RentAllowance
from .households import HouseholdArrays
from .idsets import pick
from .population import ADULTS, COUPLE, COUPLE_CHILDREN

if TYPE_CHECKING:
    from .world import World

SHOCK_KINDS = ("none", "job_loss", "benefit_problem", "separation")
JOB_LOSS, BENEFIT_PROBLEM, SEPARATION = 1, 2, 3


def benefit_norm(incomes: Incomes, composition: np.ndarray) -> np.ndarray:
    """The social-minimum benefit of each household (EUR/month, without child benefits), looked up by
    its make-up: one gather, where comparing the number of adults and choosing took four passes."""
    norms = np.array([incomes.benefit_norm_single_eur, incomes.benefit_norm_couple_eur], dtype=np.float32)
    return norms[ADULTS - 1][composition]


def income_in_shock(hh: HouseholdArrays, t: int, ids: np.ndarray, gap_months: int, gap_share: float) -> np.ndarray:
    """This month's income (EUR) of households in an income shock: the shock's income; after a job
    loss, until the benefit starts, only a share of the last earnings (child benefits go on)."""
    income = hh.shock_income[ids]
    gap = np.flatnonzero((hh.shock_kind[ids] == JOB_LOSS) & (t - hh.shock_since[ids] < gap_months))
    waiting = ids[gap]
    earnings = hh.earnings[waiting]
    income[gap] = gap_share * earnings + (hh.income[waiting] - earnings)
    return income


def regular_income(hh: HouseholdArrays, ids: np.ndarray, incomes: Incomes, composition: np.ndarray | None = None,
                   earnings: np.ndarray | None = None,
                   children: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The benefit norm and the regular income (EUR/month, before rounding to the stored type) of
    `ids`: their earnings, or the benefit if earnings fall below it, plus child benefits.
    `composition`, `earnings`, `children`: those of `ids`, if the caller has them (each gather counts)."""
    norm = benefit_norm(incomes, hh.composition[ids] if composition is None else composition)
    earnings = hh.earnings[ids] if earnings is None else earnings
    children = hh.children[ids] if children is None else children
    return norm, np.maximum(earnings, norm) + incomes.child_benefits_eur * children


def set_income(hh: HouseholdArrays, ids: np.ndarray, incomes: Incomes, allowance: RentAllowance,
               composition: np.ndarray | None = None, earnings: np.ndarray | None = None,
               rent: np.ndarray | None = None, children: np.ndarray | None = None) -> np.ndarray:
    """Income, benefit status and rent allowance of `ids` from their earnings, make-up and rent
    (`composition`, `earnings`, `rent`, `children`: those of `ids` as stored, if the caller has them).
    Returns income plus allowance as stored (EUR/month), for set_short."""
    earnings = hh.earnings[ids] if earnings is None else earnings
    norm, income = regular_income(hh, ids, incomes, composition, earnings, children)
    hh.on_benefits[ids] = earnings < norm
    hh.allowance[ids] = paid = rent_allowance(allowance, hh.rent[ids] if rent is None else rent, income - norm)
    hh.income[ids] = income = income.astype(hh.income.dtype)  # the rounding the assignment would do
    return income + paid


def rent_allowance(rules: RentAllowance, rent: np.ndarray, above_minimum: np.ndarray) -> np.ndarray:
    """Huurtoeslag (EUR/month) for a rent and an income above the social minimum."""
    base = rules.base_rent_eur + rules.income_taper * np.maximum(above_minimum, 0.0)
    paid = rules.subsidy_share * np.maximum(rent - base, 0.0)
    return np.where(rent <= rules.rent_limit_eur, paid, 0.0).astype(np.float32)


def basic_costs(costs: CostOfLiving, adults: np.ndarray, children: np.ndarray) -> np.ndarray:
    """Basic monthly living costs by household make-up (EUR/month, excluding rent)."""
    return (costs.basic_cost_single_eur + (adults - 1.0) * costs.basic_cost_extra_adult_eur
            + children * costs.basic_cost_per_child_eur).astype(np.float32)


def usual_shortfall(hh: HouseholdArrays, ids: np.ndarray, cost_factor: float,
                    rent: np.ndarray | None = None) -> np.ndarray:
    """What `ids` lack each month for rent and their usual basic costs without a shock (EUR; negative
    where money is left over): the betaalrisico gap [PBL]. `rent`: theirs, if the caller has it."""
    rent = hh.rent[ids] if rent is None else rent
    return rent + hh.basic_cost[ids] * cost_factor - hh.income[ids] - hh.allowance[ids]


def set_short(hh: HouseholdArrays, ids: np.ndarray, cost_factor: float, money: np.ndarray | None = None,
              rent: np.ndarray | None = None, basic_cost: np.ndarray | None = None) -> None:
    """Mark who cannot pay rent and basic costs even without a shock (betaalrisico [PBL]).
    `money`: income plus allowance of `ids` if known (what set_income returns); `rent`, `basic_cost`:
    theirs, if known."""
    if money is None:
        money = hh.income[ids] + hh.allowance[ids]
    rent = hh.rent[ids] if rent is None else rent
    basic_cost = hh.basic_cost[ids] if basic_cost is None else basic_cost
    hh.short[ids] = short = money < rent + cost_factor * basic_cost
    hh.start_watching(ids[short])


def watch_shocks(hh: HouseholdArrays, t: int, ids: np.ndarray) -> None:
    """Put households of `ids` in an income shock or with an extra cost under watch again: their
    money or costs changed, so the rent phase must look at whether they can still pay."""
    hh.start_watching(ids[(hh.shock_until[ids] > t) | (hh.cost_until[ids] > t)])


def monthly(per_year: float) -> float:
    """A yearly chance as a monthly one."""
    return 1.0 - (1.0 - per_year) ** (1 / 12)


class Finances:
    """Lasting changes of earnings, income and cost shocks, the cost of living."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = {name: world.streams.generator(f"onset_{name}")
                    for name in ("life_change", "job_loss", "benefit_problem", "separation", "cost")}

    def _pick(self, name: str, rate: float) -> np.ndarray:
        """Dwellings picked at random with chance `rate`, independent of anybody's state."""
        return pick(self.rng[name], self.world.households.size, rate)

    def step(self, t: int) -> np.ndarray:
        """Returns the households that left benefits this month (rent can no longer be withheld
        from their benefit)."""
        w = self.world
        hh, ctx = w.households, w.context
        self._set_cost_factor(t)
        changing = self._occupied(self._pick("life_change", ctx.incomes.life_change_per_month))
        left_benefits = w.tenants.new_earnings(t, changing)  # the rent stays: the household keeps its home
        w.outcomes.add("life_changes", changing.size)
        free = lambda ids: ids[hh.shock_until[ids] <= t]  # noqa: E731 - one running income shock at a time
        s = ctx.shocks
        self._job_losses(t, free(self._occupied(self._pick("job_loss", s.job_loss_per_month))))
        self._benefit_problems(t, free(self._occupied(self._pick("benefit_problem", s.benefit_problem_per_month))))
        self._separations(t, free(self._occupied(self._pick("separation", monthly(s.separation_per_year)))))
        self._cost_shocks(t, self._occupied(self._pick("cost", s.cost_shock_per_month)))
        return left_benefits

    def _occupied(self, ids: np.ndarray) -> np.ndarray:
        return ids[self.world.households.occupied[ids]]

    def _start(self, t: int, ids: np.ndarray, kind: int, income: np.ndarray, p_end: float) -> None:
        m = self.world
        hh = m.households
        hh.shock_kind[ids] = kind
        hh.shock_since[ids] = t
        hh.shock_income[ids] = income
        hh.shock_until[ids] = np.minimum(t + m.streams.months(f"shock_months_{kind}", t, hh.hid[ids], p_end), 32000)
        hh.start_watching(ids)
        m.outcomes.add(f"shocks_{SHOCK_KINDS[kind]}", ids.size)
        m.journeys.log_many(SHOCK_KINDS[kind], t, ids)

    def _job_losses(self, t: int, ids: np.ndarray) -> None:
        """Earners lose their job: unemployment benefit (a share of the wage), never below the minimum."""
        hh, s, inc = self.world.households, self.world.context.shocks, self.world.context.incomes
        ids = ids[~hh.on_benefits[ids]]
        norm = benefit_norm(inc, hh.composition[ids])
        income = (np.maximum(s.job_loss_income_share * hh.earnings[ids], norm)
                  + inc.child_benefits_eur * hh.children[ids])
        self._start(t, ids, JOB_LOSS, income, s.job_finding_per_month)

    def _benefit_problems(self, t: int, ids: np.ndarray) -> None:
        """A benefit is stopped, cut or sanctioned for a while."""
        hh, s = self.world.households, self.world.context.shocks
        ids = ids[hh.on_benefits[ids]]
        income = hh.income[ids] - s.benefit_problem_loss * benefit_norm(self.world.context.incomes, hh.composition[ids])
        self._start(t, ids, BENEFIT_PROBLEM, income, 1 / s.benefit_problem_months_mean)

    def _separations(self, t: int, ids: np.ndarray) -> None:
        """A couple splits up: income falls until the household has adjusted."""
        hh, s = self.world.households, self.world.context.shocks
        ids = ids[(hh.composition[ids] == COUPLE) | (hh.composition[ids] == COUPLE_CHILDREN)]
        self._start(t, ids, SEPARATION, (1 - s.separation_income_loss) * hh.income[ids], 1 / s.separation_months_mean)

    def _cost_shocks(self, t: int, ids: np.ndarray) -> None:
        m = self.world
        hh, s = m.households, m.context.shocks
        ids = ids[hh.cost_until[ids] <= t]
        u = m.streams.draws("cost_amount", t, hh.hid[ids])
        hh.cost_extra[ids] = s.cost_shock_eur_min + u * (s.cost_shock_eur_max - s.cost_shock_eur_min)
        months = m.streams.months("cost_months", t, hh.hid[ids], 1 / s.cost_shock_months_mean)
        hh.cost_until[ids] = np.minimum(t + months, 32000)
        hh.start_watching(ids)
        m.outcomes.add("shocks_cost", ids.size)

    def _set_cost_factor(self, t: int) -> None:
        """Energy shocks (basic costs x factor) and real growth of rents and incomes."""
        m = self.world
        c = m.context.cost_of_living
        report = t - m.warmup
        in_shock = c.energy_shock_start_month <= report < c.energy_shock_start_month + c.energy_shock_months
        factor = c.energy_shock_factor if in_shock else 1.0
        grows = report > 0 and report % 12 == 0 and (c.rent_growth_per_year or c.income_growth_per_year)
        if grows:
            self._grow(c)
        if factor != m.cost_factor or grows:
            m.cost_factor = factor
            occupied = np.flatnonzero(m.households.occupied)
            set_short(m.households, occupied, factor)
            watch_shocks(m.households, t, occupied)

    def _grow(self, c: CostOfLiving) -> None:
        w = self.world
        hh = w.households
        hh.rent *= np.float32(1 + c.rent_growth_per_year)
        w.tenants.rent_factor *= 1 + c.rent_growth_per_year
        for name in ("earnings", "income", "basic_cost", "allowance"):
            getattr(hh, name)[:] *= np.float32(1 + c.income_growth_per_year)
        w.tenants.income_factor *= 1 + c.income_growth_per_year
