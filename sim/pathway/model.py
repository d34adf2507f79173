"""The eviction pathway model: wiring and the monthly schedule.

`EvictionModel.step` is the whole eviction sieve, top to bottom, one month at a time. Each phase
lives in the module named after its actor or stage. Bulk household state is in NumPy arrays
(households.py); landlords, municipalities, the court, the bailiffs and shelters are Mesa
agents; displaced households are a register of arrays (displaced.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from .bailiff import Bailiff
from .by_municipality import ByMunicipality
from .children import Children
from .courts import Court
from .displacement import Displacement
from .finances import Finances
from .households import empty_dwellings
from .idsets import subset
from .journeys import Journeys
from .landlords import ArrearsProcedure, Landlord
from .municipalities import EarlyHelp, Municipality
from .outcomes import OutcomeTable
from .local import LocalPolicies
from .places import create_places
from .population import SINGLE_PARENT, Block, Profile
from .rehousing import Rehousing
from .rent import RentPayment
from .root_causes import RootCauses
from .schools import Schools
from .streams import Streams
from .tenants import Tenants, dwellings
from .turnover import Turnover

if TYPE_CHECKING:
    from ..scenario import Scenario

CENSUS_EVERY = 12  # months between counts of slow-moving stocks (benefits, allowance), see _census


class EvictionModel(mesa.Model):
    """One replication: a population, a scenario and a seed, stepped month by month.

    `months` counts every simulated month, warm-up included; month 0 of the report is month
    `warmup` here. Policy timings (moratorium, energy shock) are given in report months.
    """

    def __init__(self, scenario: Scenario, profiles: tuple[Profile, ...], months: int, seed: int,
                 warmup: int = 0, journey_sample: int = 500) -> None:
        super().__init__(rng=seed)
        self.policy, self.context = scenario.policy, scenario.context
        self.streams = Streams(seed)
        self.warmup, self.last_month = warmup, months - 1
        self.month = 0
        self.blocks = _blocks(profiles)
        self.local = LocalPolicies(scenario, [b.profile for b in self.blocks])
        self.households = empty_dwellings(*dwellings(self.blocks))
        self.outcomes = OutcomeTable(months)
        self.by_municipality = ByMunicipality(len(self.blocks), months, warmup)
        self.journeys = Journeys(self.households, journey_sample, self.streams)
        self._create_agents()
        self.finances = Finances(self)
        self.tenants = Tenants(self)
        self.turnover = Turnover(self)
        self.rent = RentPayment(self)
        self.procedure = ArrearsProcedure(self)
        self.early_help = EarlyHelp(self)
        self.root_causes = RootCauses(self)
        self.displacement = Displacement(self)
        self.children = Children(self)
        self.schools = Schools(self)
        self.rehousing = Rehousing(self)
        self.in_arrears = np.empty(0, np.int64)
        self._slow_stocks: dict[str, float] = {}
        self.tenants.move_in(np.arange(self.households.size), -1)  # the first tenants

    def _create_agents(self) -> None:
        self.municipalities = [Municipality(self, i, b) for i, b in enumerate(self.blocks)]
        # Two per municipality, corporation first: see landlords.landlord_index.
        self.landlords = [Landlord(self, i, private) for i in range(len(self.blocks)) for private in (False, True)]
        self.courts = Court(self)
        self.bailiff = Bailiff(self)
        self.places = create_places(self)  # by (municipality, kind); shelters shared within a region
        self.place_list = list({id(p): p for p in self.places.values()}.values())
        self.places_of: list[list] = [[] for _ in self.municipalities]  # each municipality's, shared included
        for (index, _), place in self.places.items():
            self.places_of[index].append(place)

    def step(self) -> None:
        """One month of the eviction sieve."""
        t = self.month
        self.outcomes.start_month(t)
        self.turnover.step(t)                     # tenants move out; last month's vacancies are let again
        self.finances.step(t)                     # 1 earnings change for good; income and cost shocks start
        self.rent.step(t)                         # 2 rent is paid or missed; plans and surpluses repay arrears
        owing = self._owing(t)
        self.procedure.step(t, owing)             # 3 landlords: contact, payment plan, signal, summons
        self.early_help.step(t, owing)            # 4 help ends or settles; tenants apply; debt-help intake
        self.root_causes.step(t)                  # 5 nuisance cases, drug closures, lease breaches
        self.courts.step(t)                       # 6 hearings and verdicts; breached conditional verdicts
        self.bailiff.step(t)                      # 7 settling or leaving while executions wait; executions
        self.displacement.step(t)                 # 8-10 displaced households: places, schools, way back
        self._collect(t)
        self.month += 1

    def run(self) -> None:
        while self.month <= self.last_month:
            self.step()

    def _owing(self, t: int) -> np.ndarray:
        """Housed tenants in arrears without a court case or a running conditional verdict."""
        hh = self.households
        ids = self.rent.checked  # the rent phase just ran: who owes is what it left
        return subset(ids, self.rent.owes & hh.occupied[ids] & (hh.case_stage[ids] == 0) & (hh.conditional_until[ids] <= t))

    # -- end-of-month stocks -----------------------------------------------------------------
    def _collect(self, t: int) -> None:
        hh = self.households
        ids = self.rent.checked
        self.in_arrears = subset(ids, (hh.arrears[ids] > 0) & hh.occupied[ids])  # next month's move-outs use it
        if t < self.warmup:
            return  # warm-up months are not reported: their stocks are not counted
        self._collect_arrears(t)
        self._collect_help_and_court(t)
        self._collect_displaced()
        for name, value in self._census(t).items():
            self.outcomes.set(name, value)
        self.outcomes.close_month()

    def _collect_arrears(self, t: int) -> None:
        hh, out = self.households, self.outcomes
        ids, owing = self.rent.checked, self.in_arrears
        corporation = subset(owing, ~hh.private[owing])
        months = hh.arrears[corporation] / hh.rent[corporation]
        out.set("households_in_arrears", owing.size)
        out.set("households_in_arrears_corporation", corporation.size)
        out.set("households_in_arrears_private", owing.size - corporation.size)
        out.set("arrears_1_3_months_corporation", int(((months >= 1) & (months <= 3)).sum()))
        out.set("arrears_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
        out.set("arrears_corporation_eur", float(hh.arrears[corporation].sum(dtype=np.float64)))
        out.set("in_payment_plan", int(hh.arrangement[owing].sum()))
        out.set("households_in_shock", int((hh.shock_until[ids] > t).sum()))

    def _collect_help_and_court(self, t: int) -> None:
        hh, out, help_ = self.households, self.outcomes, self.early_help
        out.set("in_debt_help", int((hh.help_until[help_.helped] > t).sum()))
        out.set("debt_help_queue", int((hh.queued_since[help_.queued] >= 0).sum()))
        out.set("conditional_verdicts_running", int((hh.conditional_until[self.courts.conditional] > t).sum()))
        out.set("open_court_cases", self.courts.open_cases)

    def _census(self, t: int) -> dict[str, float]:
        """Slow-moving stocks of the whole population, counted once a year (a full pass over
        millions of households each month would cost more than the rest of the month)."""
        if t % CENSUS_EVERY == 0 or not self._slow_stocks:
            hh = self.households
            occupied = hh.occupied
            self._slow_stocks = {
                "households": int(np.count_nonzero(occupied)),
                "households_on_benefits": int(np.count_nonzero(hh.on_benefits & occupied)),
                "households_with_allowance": int(np.count_nonzero((hh.allowance > 0) & occupied)),
                "households_single_parent": int(np.count_nonzero((hh.composition == SINGLE_PARENT) & occupied)),
                "households_large_family": int(np.count_nonzero((hh.children >= 3) & occupied)),
                "allowance_eur": float(hh.allowance[occupied].sum(dtype=np.float64)),
                "households_short": int(np.count_nonzero(hh.short & occupied)),
                "direct_payment_households": int(np.count_nonzero(hh.direct_payment & occupied)),
                "rent_roll_corporation_eur": float(hh.rent[~hh.private].sum(dtype=np.float64)),
            }
        return self._slow_stocks

    def _collect_displaced(self) -> None:
        out = self.outcomes
        census = self.displacement.census()
        for name, value in census.items():
            out.set(name, value)
        for kind in ("family_shelter", "night_shelter"):
            out.set(f"{kind}_waiting", sum(len(p.waiting) for p in self.place_list if p.kind == kind))
        out.set("alternative_units", sum(p.capacity for p in self.place_list if p.kind == "alternative"))
        out.set("housing_first_tenancies", sum(len(p.occupants) for p in self.place_list if p.kind == "housing_first"))
        out.set("supported_tenancies", int((self.households.support[self.rehousing.supported] > 0).sum()))
        out.set("executions_waiting_housing", self.bailiff.waiting_housing)


def _blocks(profiles: tuple[Profile, ...]) -> list[Block]:
    blocks, start = [], 0
    for profile in profiles:
        blocks.append(Block(profile, start, start + profile.households))
        start += profile.households
    return blocks
