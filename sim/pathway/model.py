"""The eviction pathway model: wiring and the monthly schedule.

`EvictionModel.step` is the whole eviction sieve, top to bottom, one month at a time: every phase
in `PHASES`, each a call to the stage that owns it, and every hand-off between stages (the
signals a landlord sends, the summonses it issues, the households the bailiff evicts, the homes
rehousing finds) visible as a value passed from one line to the next. Stages share state through
the `World` (world.py) and never call one another. Bulk household state is in NumPy arrays
(households.py); landlords, municipalities, the court, the bailiffs and places are Mesa agents;
displaced households are a register of arrays (displaced.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import mesa
import numpy as np

from .bailiff import Bailiff
from .by_municipality import ByMunicipality
from .children import Children
from .courts import Court
from .displacement import Displacement
from .docket import Docket
from .finances import Finances
from .homeless_families import HomelessFamilies
from .households import empty_dwellings
from .journeys import Journeys
from .landlords import ArrearsProcedure, Landlord
from .lettings import SocialLettings
from .local import LocalPolicies
from .municipalities import EarlyHelp, Municipality
from .costs import Item
from .outcomes import OutcomeTable
from .places import create_places
from .population import SINGLE_PARENT, Block, Profile
from .rehousing import Rehousing
from .rent import RentPayment
from .rental_assistance import RentalAssistance
from .root_causes import RootCauses
from .schools import Schools
from .streams import Streams
from .tenants import Tenants, dwellings
from .turnover import Turnover, Vacancies
from .world import World

if TYPE_CHECKING:
    from ..scenario import Scenario

CENSUS_EVERY = 12  # months between counts of slow-moving stocks (benefits, allowance), see _census


class Phase(NamedTuple):
    """One phase of the month: its number in `EvictionModel.step`, what happens, and where."""

    number: int
    name: str
    what: str
    modules: tuple[str, ...]


# The month, in order. `EvictionModel.step` marks each phase with `# <number> <name>`; the README's
# and docs/model.md's tables are generated from this one (python -m sim.docs), and tests check both.
PHASES = (
    Phase(0, "turnover", "tenants move out; last month's vacant dwellings are let again",
          ("turnover.py", "tenants.py")),
    Phase(1, "finances", "lasting changes of earnings; income and cost shocks with onset and recovery",
          ("finances.py",)),
    Phase(2, "rent", "rent paid or missed; plans and surpluses repay arrears", ("rent.py",)),
    Phase(3, "landlords", "contact, payment plan, final notice, early signal, a family's referral, summons "
          "(unless an arrears fund the landlord applies to pays first)", ("landlords.py", "rental_assistance.py")),
    Phase(4, "early help", "outreach after a signal or a referral, applications, debt help with capacity and "
          "priority, settlements; the arrears fund and the housing-cost supplement",
          ("municipalities.py", "rental_assistance.py")),
    Phase(5, "root causes", "nuisance (and its signals), drug closures, lease breaches", ("root_causes.py",)),
    Phase(6, "court", "one verdict per hearing; conditional verdicts and their breach", ("courts.py", "docket.py")),
    Phase(7, "bailiff", "settling or leaving while executions wait; executions within capacity; moratorium",
          ("bailiff.py", "moratorium.py")),
    Phase(8, "displacement", "where the displaced go: relatives, emergency places, shelters, hidden, street; "
          "youth protection; school changes with every move; families homeless for other reasons arrive",
          ("displacement.py", "displaced.py", "places.py", "informal.py", "children.py", "schools.py",
           "homeless_families.py")),
    Phase(9, "rehousing", "the way back: urgency, shelter exit, the market, Housing First, second chance, "
          "within the month's vacancies and the urgent quota; corporation lettings by route",
          ("rehousing.py", "homeless_families.py", "lettings.py")),
    Phase(10, "month's end", "hosts' and emergency stays end; the year after each eviction recorded; "
          "costs by payer; disrupted school months; the regular applicants' queue moves on",
          ("displacement.py", "evictions.py", "lettings.py")),
)


class EvictionModel(mesa.Model):
    """One replication: a population, a scenario and a seed, stepped month by month.

    `months` counts every simulated month, warm-up included; month 0 of the report is month
    `warmup` here. Policy timings (moratorium, energy shock) are given in report months.
    """

    def __init__(self, scenario: Scenario, profiles: tuple[Profile, ...], months: int, seed: int,
                 warmup: int = 0, journey_sample: int = 500) -> None:
        super().__init__(rng=seed)
        self.warmup, self.last_month = warmup, months - 1
        self.month = 0
        self.world = w = self._world(scenario, profiles, months, seed, warmup, journey_sample)
        self.turnover = Turnover(w)
        self.finances = Finances(w)
        self.rent = RentPayment(w)
        self.landlords = ArrearsProcedure(w)
        self.early_help = EarlyHelp(w)
        self.rental_assistance = RentalAssistance(w)
        self.root_causes = RootCauses(w)
        self.court = Court(self, w)
        self.bailiff = Bailiff(self, w)
        self.displacement = Displacement(w)
        self.children = Children(w)
        self.rehousing = Rehousing(w)
        self.homeless_families = HomelessFamilies(w)
        self.in_arrears = np.empty(0, np.int64)  # housed tenants in arrears at the end of last month
        self._slow_stocks: dict[str, float] = {}
        w.tenants.first_tenants()

    def _world(self, scenario: Scenario, profiles: tuple[Profile, ...], months: int, seed: int, warmup: int,
               journey_sample: int) -> World:
        """The shared state, with its agents (municipalities, landlords, places) and services."""
        blocks = _blocks(profiles)
        streams = Streams(seed)
        households = empty_dwellings(*dwellings(blocks))
        w = World(scenario.policy, scenario.context, LocalPolicies(scenario, [b.profile for b in blocks]), streams,
                  warmup, blocks, households, OutcomeTable(months), ByMunicipality(len(blocks), months, warmup),
                  Journeys(households, journey_sample, streams))
        w.municipalities = [Municipality(self, i, b, w.local.of(i)) for i, b in enumerate(blocks)]
        # Two per municipality, corporation first: see landlords.landlord_index.
        w.landlords = [Landlord(self, i, private, w.context.landlords, w.policy.early_signalling)
                       for i in range(len(blocks)) for private in (False, True)]
        w.add_places(create_places(self, w.municipalities, w.context))  # shelters shared within a region
        w.docket = Docket(w)
        w.vacancies = Vacancies(households, len(blocks))
        w.lettings = SocialLettings(w)
        w.tenants = Tenants(w)
        w.schools = Schools(w)
        return w

    # The shared state the runner and the tests read.
    @property
    def households(self):
        return self.world.households

    @property
    def outcomes(self) -> OutcomeTable:
        return self.world.outcomes

    @property
    def journeys(self) -> Journeys:
        return self.world.journeys

    @property
    def by_municipality(self) -> ByMunicipality:
        return self.world.by_municipality

    def step(self) -> None:
        """One month of the eviction sieve."""
        t = self.month
        self.outcomes.start_month(t)
        self.world.lettings.start_month(t)
        moved_out = self.turnover.step(t, self.in_arrears)        # 0 turnover
        self.displacement.forget(t, moved_out)                     #   the register lets go of those who left
        left_benefits = self.finances.step(t)                      # 1 finances
        self.early_help.stop_direct_payment(t, left_benefits)      #   no benefit, no rent withheld from it
        arrears = self.rent.step(t)                                # 2 rent
        owing = arrears.owing(self.world.households, t)
        letters = self.landlords.step(t, owing)                    # 3 landlords
        self.early_help.receive_signals(t, letters.referrals, referred=True)  # families facing a summons first
        self.early_help.receive_signals(t, letters.signals)
        summonses = self.rental_assistance.before_summons(t, letters.summonses)  # a fund may pay first
        self.court.summon(t, summonses, "arrears")
        self.early_help.step(t, owing)                             # 4 early help
        self.rental_assistance.step(t, self.early_help.queued, self.early_help.helped)
        self.early_help.receive_signals(t, self.root_causes.new_nuisance(t))  # 5 root causes
        for cause, summoned in self.root_causes.to_court(t).items():
            self.court.summon(t, summoned, cause)
        self.court.step(t)                                         # 6 court
        self.displacement.displace(t, self.bailiff.settle_or_leave(t))  # 7 bailiff
        self.displacement.displace(t, self.bailiff.execute(t))
        rows = self.displacement.step(t)                           # 8 displacement
        self.children.step(t, rows)
        self.homeless_families.arrive(t)                           #   families homeless for other reasons
        self.displacement.lose_home(t, self.rehousing.failed_tenancies(t))  # 9 rehousing
        homes = self.rehousing.find_homes(t, rows)
        self.displacement.rehouse(t, homes)
        self.homeless_families.find_homes(t)                       #   in the vacancies left, after the displaced
        self.early_help.coach(t, homes.coached)
        self.displacement.end_of_month(t)                          # 10 month's end
        self.world.lettings.end_month(t)                           #   the regular applicants' queue moves on
        self.in_arrears = arrears.still_owing(self.world.households)  # next month's move-outs use it
        if t >= self.warmup:  # warm-up months are not reported: their stocks are not counted
            self._collect(t)
        self.month += 1

    def run(self) -> None:
        while self.month <= self.last_month:
            self.step()

    # -- end-of-month stocks -----------------------------------------------------------------
    def _collect(self, t: int) -> None:
        self._collect_arrears(t)
        self._collect_help_and_court(t)
        self._collect_displaced(t)
        for name, value in self._census(t).items():
            self.outcomes.set(name, value)
        # The rent allowance is the national government's: a scenario that changes it changes this cost.
        self.outcomes.add_cost(Item.RENT_ALLOWANCE, self._slow_stocks["allowance_eur"])
        self.outcomes.close_month()

    def _collect_arrears(self, t: int) -> None:
        hh, out = self.households, self.outcomes
        owing = self.in_arrears
        arrears = hh.arrears[owing]
        at_corporation = np.flatnonzero(~hh.private[owing])
        corporation = owing[at_corporation]
        months = arrears[at_corporation] / hh.rent[corporation]
        out.set("households_in_arrears", owing.size)
        out.set("households_in_arrears_corporation", corporation.size)
        out.set("households_in_arrears_private", owing.size - corporation.size)
        out.set("arrears_1_3_months_corporation", int(((months >= 1) & (months <= 3)).sum()))
        out.set("arrears_eur", float(arrears.sum(dtype=np.float64)))
        out.set("arrears_corporation_eur", float(arrears[at_corporation].sum(dtype=np.float64)))
        out.set("in_payment_plan", int(hh.arrangement[owing].sum()))
        # Counted over all dwellings: a household whose shock cannot make it miss rent is not looked at.
        out.set("households_in_shock", int(np.count_nonzero(hh.shock_until > t)))

    def _collect_help_and_court(self, t: int) -> None:
        hh, out, help_ = self.households, self.outcomes, self.early_help
        out.set("in_debt_help", int((hh.help_until[help_.helped] > t).sum()))
        out.set("debt_help_queue", int((hh.queued_since[help_.queued] >= 0).sum()))
        docket = self.world.docket
        out.set("conditional_verdicts_running", int((hh.conditional_until[docket.conditional] > t).sum()))
        out.set("open_court_cases", docket.open_cases)

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

    def _collect_displaced(self, t: int) -> None:
        out, places = self.outcomes, self.world.place_list
        census = self.displacement.census(t)
        census.update(self.homeless_families.census(t))
        for name, value in census.items():
            out.set(name, value)
        out.set("homeless_families_all", census["homeless_families"] + census["homeless_families_other"])
        out.set("homeless_children_all", census["homeless_children"] + census["homeless_children_other"])
        for kind in ("family_shelter", "night_shelter"):
            out.set(f"{kind}_waiting", sum(len(p.waiting) for p in places if p.kind == kind))
        out.set("alternative_units", sum(p.capacity for p in places if p.kind == "alternative"))
        out.set("housing_first_tenancies", sum(len(p.occupants) for p in places if p.kind == "housing_first"))
        out.set("supported_tenancies", int((self.households.support[self.rehousing.supported] > 0).sum()))
        out.set("executions_waiting_housing", self.bailiff.waiting_housing)


def _blocks(profiles: tuple[Profile, ...]) -> list[Block]:
    blocks, start = [], 0
    for profile in profiles:
        blocks.append(Block(profile, start, start + profile.households))
        start += profile.households
    return blocks
