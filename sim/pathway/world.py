"""What the stages of the pathway share: the state they read and write, never one another.

A stage (a phase of `EvictionModel.step`: turnover, finances, rent, landlords, early help, root
causes, court, bailiff, displacement, children, rehousing) receives the `World` and nothing else.
It reads and changes shared state here (households, the register of displaced households, the
docket of court cases, places, vacancies) and the scenario's parameters, and returns what it
decided (signals sent, summonses, departures, homes found); `EvictionModel.step` hands that to the
stage that acts on it. No stage holds a reference to another, so every hand-off is visible in the
schedule.

Services are rules several stages apply to shared state: who moves into a vacant dwelling
(`tenants`), which vacancies are free (`vacancies`), who the corporation lets them to and how long
regular applicants wait (`lettings`), whether a move takes a child out of reach of its school
(`schools`). They have no phase of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .displaced import Register

if TYPE_CHECKING:
    from ..parameters import Context, Policy
    from .by_municipality import ByMunicipality
    from .docket import Docket
    from .households import HouseholdArrays
    from .lettings import SocialLettings
    from .journeys import Journeys
    from .landlords import Landlord
    from .local import LocalPolicies
    from .municipalities import Municipality
    from .outcomes import OutcomeTable
    from .places import Place
    from .population import Block
    from .schools import Schools
    from .streams import Streams
    from .tenants import Tenants
    from .turnover import Vacancies


@dataclass(eq=False)
class World:
    """Shared state of one replication. Fields after `journeys` are filled while the model is built
    (they need the Mesa model for their agents, or each other)."""

    # the scenario and the run
    policy: Policy
    context: Context
    local: LocalPolicies           # each municipality's levers and practice
    streams: Streams               # one random stream per process (common random numbers)
    warmup: int                    # months simulated before month 0 of the report
    blocks: list[Block]            # each municipality's slice of the household arrays
    # state
    households: HouseholdArrays    # every dwelling and the household living in it
    outcomes: OutcomeTable         # this run's monthly outcomes
    by_municipality: ByMunicipality  # the same events by municipality
    journeys: Journeys             # event logs of sampled households
    register: Register = field(default_factory=Register)  # displaced households
    cost_factor: float = 1.0       # basic costs times this (an energy shock); set by finances
    # agents and services
    municipalities: list[Municipality] = field(default_factory=list)
    landlords: list[Landlord] = field(default_factory=list)  # two per municipality: landlords.landlord_index
    places: dict[tuple[int, str], Place] = field(default_factory=dict)  # by (municipality, kind)
    place_list: list[Place] = field(default_factory=list)     # each place once (regional ones are shared)
    places_of: list[list[Place]] = field(default_factory=list)  # each municipality's, shared included
    docket: Docket = field(init=False)
    vacancies: Vacancies = field(init=False)
    lettings: SocialLettings = field(init=False)
    tenants: Tenants = field(init=False)
    schools: Schools = field(init=False)

    def add_places(self, places: dict[tuple[int, str], Place]) -> None:
        self.places = places
        self.place_list = list({id(p): p for p in places.values()}.values())
        self.places_of = [[] for _ in self.municipalities]
        for (index, _), place in places.items():
            self.places_of[index].append(place)
