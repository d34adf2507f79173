"""Social lettings: who gets the corporation dwellings that fall vacant, and how long the regular
applicants wait for one.

Every corporation dwelling that falls vacant is let again (turnover.py, rehousing.py): first to
urgent applicants, by category (the pathway's displaced households with urgency or leaving a
shelter, in Housing First or on a second-chance contract; homeless families from other causes,
homeless_families.py; statushouders, almost 8 % of lettings [GNU25b]; other urgent applicants:
medical or social urgency, leaving care or detention, an assumption), and to displaced households
that find one on their own; the rest go to regular applicants, first registered first housed.

The regular applicants are a queue of counts per municipality, not agents, so a national run stays
fast. Applicants register at a steady rate, the one that keeps the wait at the municipality type's
registration time at letting [RIGO19] when the corporation lets the vacancies its turnover brings
less the urgent categories' expected shares and the homeless families from other causes; the queue
starts at that wait when the report starts. First come first served, the applicant housed now
registered at the queue's front; each regular letting moves the front on by 1 / inflow months. So
one urgent letting more leaves every regular applicant behind it 1 / inflow months longer in the
queue (at about 1,080 regular applicants a month, a large city's, about 40 minutes). Left out: choice of
dwelling, refusals, search time besides registration, moves between regions, and new building.

An urgent quota (policy.allocation.urgent_quota) caps the lettings to households leaving
homelessness with urgency or from a shelter at a share of the month's expected lettings; those
beyond it wait for the next month.

A service shared by turnover, rehousing and the homeless families from other causes (world.py);
EvictionModel.step closes each month's tally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .finances import monthly
from .outcomes import LETTING_ROUTES, REGULAR_WAIT_BINS

if TYPE_CHECKING:
    from .world import World

ROUTES = tuple(LETTING_ROUTES)  # declared with their outcomes
# the routes out of homelessness that count as urgent (the urgent quota, lettings_urgent_homeless)
HOMELESS_URGENT = ("urgency", "shelter_exit", "housing_first", "second_chance", "homeless_family_other")
ROUTE_OF_REHOUSING = {"urgency": "urgency", "shelter_exit": "shelter_exit", "housing_first": "housing_first",
                      "second_chance": "second_chance", "regular": "homeless_own"}
TENANTS_IN_ARREARS = 135_000 / 2_312_981  # share of corporation tenants in arrears [AE22][CBS1]


class SocialLettings:
    """Each municipality's corporation lettings this month by route, and its regular applicants' queue."""

    def __init__(self, world: World) -> None:
        self.world = world
        ctx = world.context
        profiles = [b.profile for b in world.blocks]
        corporation = np.array([p.corporation_households for p in profiles], float)
        # Lettings a month: the turnover, and tenants in arrears moving out more often (5.8 % of
        # corporation tenants are in arrears: 135,000 of 2.31 million [AE22][CBS1]).
        moves = 1 + TENANTS_IN_ARREARS * (ctx.turnover.in_arrears_factor - 1)
        self.expected = corporation * monthly(ctx.turnover.corporation_per_year) * moves
        others = np.array([p.households * p.homeless_families_other_per_10k_per_year / 10_000 / 12 for p in profiles])
        urgent = ctx.allocation.statushouder_share + ctx.allocation.other_urgent_share
        self.inflow = np.maximum(self.expected * (1 - urgent) - others, 1e-9)  # regular applicants a month
        self.wait = np.array([p.regular_wait_months for p in profiles])
        self.front = np.full(len(profiles), np.nan)  # registration month of the next regular applicant
        self.credit = np.zeros((2, len(profiles)))   # statushouders, other urgent: the fractions carried over
        self.month = np.zeros((len(ROUTES), len(profiles)), np.int64)  # this month's lettings by route
        self.urgent_room = np.zeros(len(profiles))   # lettings the urgent quota still allows this month

    # -- during the month --------------------------------------------------------------------
    def start_month(self, t: int) -> None:
        self.month[:] = 0
        allocation = self.world.policy.allocation
        in_force = t - self.world.warmup >= allocation.from_month
        quota = allocation.urgent_quota if in_force else 1.0
        self.urgent_room = np.full(self.expected.size, np.inf) if quota >= 1 else quota * self.expected
        if np.isnan(self.front).any() and t >= self.world.warmup:
            self.front = t - self.wait  # the queue starts at the type's registration time

    def let_to_newcomers(self, slots: np.ndarray) -> None:
        """Vacancies let to households from outside the model: statushouders and other urgent
        applicants by their shares, the rest to regular applicants."""
        hh = self.world.households
        munis = hh.municipality[slots[~hh.private[slots]]]
        lettings = np.bincount(munis, minlength=self.expected.size)
        alloc = self.world.context.allocation
        self.credit += np.outer([alloc.statushouder_share, alloc.other_urgent_share], lettings)
        urgent = np.floor(self.credit).astype(np.int64)
        over = urgent.sum(axis=0) > lettings  # never more than there were lettings
        urgent[1, over] = np.maximum(lettings[over] - urgent[0, over], 0)
        urgent[0, over] = np.minimum(urgent[0, over], lettings[over])
        self.credit -= urgent
        self.month[ROUTES.index("statushouder")] += urgent[0]
        self.month[ROUTES.index("other_urgent")] += urgent[1]
        self.month[ROUTES.index("regular")] += lettings - urgent.sum(axis=0)

    def let(self, slots: np.ndarray, routes: np.ndarray | str) -> None:
        """Dwellings let to households the model follows, by route (private dwellings are not counted)."""
        hh = self.world.households
        routes = np.broadcast_to(np.asarray(routes), slots.shape)
        corporation = ~hh.private[slots]
        for route in np.unique(routes[corporation]).tolist():
            munis = hh.municipality[slots[corporation & (routes == route)]]
            self.month[ROUTES.index(route)] += np.bincount(munis, minlength=self.expected.size)

    def within_quota(self, municipalities: np.ndarray) -> np.ndarray:
        """Which of these urgent lettings (one municipality each, in priority order) the quota allows."""
        if np.isinf(self.urgent_room).all():
            return np.ones(municipalities.size, bool)
        order = np.argsort(municipalities, kind="stable")
        sorted_munis = municipalities[order]
        rank = np.arange(sorted_munis.size) - np.searchsorted(sorted_munis, sorted_munis, side="left")
        allowed = np.empty(municipalities.size, bool)
        allowed[order] = rank < self.urgent_room[sorted_munis]
        self.urgent_room -= np.bincount(municipalities[allowed], minlength=self.urgent_room.size)
        return allowed

    # -- the month's end ---------------------------------------------------------------------
    def end_month(self, t: int) -> None:
        """The month's regular lettings move the queue on; lettings and waiting times are counted."""
        w = self.world
        out = w.outcomes
        for route, counts in zip(ROUTES, self.month):
            out.add(f"lettings_{route}", int(counts.sum()))
        regular = self.month[ROUTES.index("regular")].astype(float)
        homeless = self.month[[ROUTES.index(r) for r in HOMELESS_URGENT]].sum(axis=0)
        out.add("lettings_urgent_homeless", int(homeless.sum()))
        w.by_municipality.add_counts(t, "lettings_urgent_homeless", homeless)
        w.by_municipality.add_counts(t, "lettings_regular", regular.astype(np.int64))
        if np.isnan(self.front).any():
            return
        waited = t - (self.front + regular / (2 * self.inflow))  # the mean of the applicants housed now
        self.front += regular / self.inflow
        out.add("regular_wait_months_total", float((regular * waited).sum()))
        w.by_municipality.add_counts(t, "regular_wait_months_total", np.rint(regular * waited).astype(np.int64))
        for name, low, high, _, _ in REGULAR_WAIT_BINS:
            out.add(f"lettings_regular_wait_{name}", int(regular[(waited >= low) & (waited < high)].sum()))
        out.set("regular_applicants_waiting", float((self.inflow * (t - self.front)).sum()))
        current = t - self.front
        weights = self.expected
        out.set("regular_wait_months", float((current * weights).sum() / weights.sum()))
