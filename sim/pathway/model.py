"""The eviction pathway model: wiring and the monthly schedule.

`EvictionModel.step` is the whole eviction sieve, top to bottom, one month at a time. Each phase
lives in the module named after its actor or stage. Bulk household state is in NumPy arrays
(households.py); landlords, municipalities, the court, shelters and displaced households are
Mesa agents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from .courts import Court
from .evictions import Displacement
from .households import BasicCosts, IncomeShocks, generate
from .journeys import Journeys
from .landlords import ArrearsProcedure, Landlord
from .municipalities import EarlyHelp, Municipality
from .nuisance import RootCauses
from .outcomes import OutcomeTable
from .population import Block, Profile
from .rent import RentPayment
from .shelters import Shelter
from .streams import Streams

if TYPE_CHECKING:
    from ..scenario import Scenario


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
        c = self.context.cost_of_living
        basic = BasicCosts(c.basic_cost_single_eur, c.basic_cost_extra_adult_eur, c.basic_cost_per_child_eur)
        self.households = generate(self.blocks, basic, self.streams)
        self.total_children = int(self.households.children.sum(dtype=np.int64))
        self._create_agents()
        self.outcomes = OutcomeTable(months)
        self.journeys = Journeys(self.households.size, journey_sample, self.streams.generator("journeys"))
        self.shocks = IncomeShocks(self)
        self.rent = RentPayment(self)
        self.procedure = ArrearsProcedure(self)
        self.early_help = EarlyHelp(self)
        self.root_causes = RootCauses(self)
        self.displacement = Displacement(self)

    def _create_agents(self) -> None:
        self.municipalities = [Municipality(self, i, b) for i, b in enumerate(self.blocks)]
        # Two per municipality, corporation first: see landlords.landlord_index.
        self.landlords = [Landlord(self, i, private) for i in range(len(self.blocks)) for private in (False, True)]
        self.courts = Court(self)
        sh = self.policy.shelter
        self.shelters = {}
        for muni in self.municipalities:
            for kind, rate in (("family_shelter", sh.family_places_per_10k), ("night_shelter", sh.night_places_per_10k)):
                self.shelters[(muni.index, kind)] = Shelter(self, muni.index, kind, round(muni.per_10k(rate)))

    def step(self) -> None:
        """One month of the eviction sieve."""
        t = self.month
        self.outcomes.start_month(t)
        self.shocks.step(t)                       # 1 income and cost shocks hit households
        self.rent.step(t)                         # 2 rent is paid, or arrears build; repaid on recovery
        self.procedure.step(t, self._owing())     # 3 landlords: contact, arrangement, signal, summons
        self.early_help.step(t)                   # 4 municipalities: debt-help intake, direct payment
        self.root_causes.step(t)                  # 5 nuisance cases and drug closures
        self.courts.step(t)                       # 6-7 hearings, verdicts, the bailiff
        self.displacement.step(t)                 # 8-10 displaced households: places, schools, way back
        self._collect(t)
        self.month += 1

    def run(self) -> None:
        while self.month <= self.last_month:
            self.step()

    def _in_arrears(self) -> np.ndarray:
        """Housed households with arrears (all of them are among this month's rent candidates)."""
        hh = self.households
        ids = self.rent.candidates_now
        return ids[(hh.arrears[ids] > 0) & hh.housed[ids]]

    def _owing(self) -> np.ndarray:
        """Housed households with arrears and no open court case."""
        ids = self._in_arrears()
        return ids[~self.households.in_court[ids]]

    def in_moratorium(self, t: int) -> bool:
        """Whether month `t` (simulation month) falls in the scenario's moratorium."""
        mor = self.policy.moratorium
        report_month = t - self.warmup
        if mor.scope == "none" or not mor.from_month <= report_month <= mor.to_month:
            return False
        return not mor.calendar_months or (report_month % 12) + 1 in mor.calendar_months

    def _collect(self, t: int) -> None:
        """End-of-month stocks."""
        hh, out = self.households, self.outcomes
        owing = self._in_arrears()
        private = hh.private[owing]
        out.set("households_in_arrears", owing.size)
        out.set("households_in_arrears_private", int(private.sum()))
        out.set("households_in_arrears_corporation", owing.size - int(private.sum()))
        out.set("arrears_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
        out.set("in_debt_help", int(np.count_nonzero(hh.help_until > t)))
        out.set("debt_help_queue", sum(len(m.queue) for m in self.municipalities))
        out.set("open_court_cases", self.courts.open_cases)
        self._collect_displaced()
        out.close_month()

    def _collect_displaced(self) -> None:
        out = self.outcomes
        census = self.displacement.census()
        for name in ("homeless_households", "homeless_adults", "homeless_children",
                     "children_relatives", "children_foster", "children_alternative"):
            out.set(name, census.get(name, 0))
        for place in ("informal", "alternative", "family_shelter", "night_shelter", "rough"):
            out.set(f"households_{place}", census.get(f"households_{place}", 0))
        out.set("displaced_households", census.get("displaced_households", 0))
        out.set("children_separated_now", census.get("children_relatives", 0) + census.get("children_foster", 0))
        # Children of households without a displacement record are at home; the invariant
        # tests check this against a full count of the arrays.
        out.set("children_home", self.total_children - census.get("children_with_record", 0)
                + census.get("children_home_agent", 0))
        out.set("family_shelter_waiting", sum(len(s.waiting) for (_, k), s in self.shelters.items() if k == "family_shelter"))
        out.set("night_shelter_waiting", sum(len(s.waiting) for (_, k), s in self.shelters.items() if k == "night_shelter"))


def _blocks(profiles: tuple[Profile, ...]) -> list[Block]:
    blocks, start = [], 0
    for profile in profiles:
        blocks.append(Block(profile, start, start + profile.households))
        start += profile.households
    return blocks
