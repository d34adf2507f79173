"""Who pays for what: every cost the model books is one of these items, declared once with its
payer, the actor that bears it in a social cost-benefit analysis (sim.experiments.cba), whether
it is a cost to society or a transfer to households, and the unit costs (context.costs) its
amount is proportional to.

A *resource* item uses something society could have used otherwise (staff, places, court time,
care): a cost to society. A *transfer* item moves money from its payer to households (the rent
allowance, rental assistance, arrears a landlord writes off, rent a landlord forgoes while a
family waits for alternative housing): the payer's cost is the households' gain, and for society
the two net to zero. Items of the households themselves (moving) have no payer: they are in no
payer's total (`cost_<payer>_eur`), only in the analysis.

Each item is an outcome `cost_<item>_eur` (outcomes.py) next to its payer's `cost_<payer>_eur`;
`OutcomeTable.add_cost(item, eur)` books both, so the payers' totals are the sums of their items.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .world import World


class Payer(StrEnum):
    """Who pays a cost: every cost the model books names one of these (outcome `cost_<payer>_eur`)."""

    LANDLORD = "landlord"
    MUNICIPALITY = "municipality"
    YOUTH_CARE = "youth_care"
    NATIONAL = "national"
    HEALTH_INSURER = "health_insurer"


class Actor(StrEnum):
    """Who bears a cost or gains a benefit in the MKBA: the payers, landlords by type, households."""

    MUNICIPALITY = "municipality"
    CORPORATIONS = "corporations"
    PRIVATE_LANDLORDS = "private_landlords"
    YOUTH_CARE = "youth_care"
    NATIONAL = "national"
    HEALTH_INSURERS = "health_insurers"
    HOUSEHOLDS = "households"


RESOURCE, TRANSFER = "resource", "transfer"


@dataclass(frozen=True)
class CostItem:
    """One kind of cost: its payer (None: the household's own), the actor bearing it, `nature`
    (RESOURCE or TRANSFER to households), the unit costs (context.costs fields) its amount is
    proportional to ("1-x" for one minus a share), and its English and Dutch label."""

    name: str
    payer: Payer | None
    actor: Actor
    nature: str
    prices: tuple[str, ...]
    label: str
    label_nl: str


class Item(StrEnum):
    """The items the model books (`OutcomeTable.add_cost`); declared in ITEMS."""

    SUMMONS_CORPORATION = "summons_corporation"
    SUMMONS_PRIVATE = "summons_private"
    EVICTION_CORPORATION = "eviction_corporation"
    EVICTION_PRIVATE = "eviction_private"
    RENT_FORGONE_CORPORATION = "rent_forgone_corporation"
    RENT_FORGONE_PRIVATE = "rent_forgone_private"
    WRITTEN_OFF_CORPORATION = "written_off_corporation"
    WRITTEN_OFF_PRIVATE = "written_off_private"
    OUTREACH = "outreach"
    DEBT_HELP = "debt_help"
    STORAGE = "storage"
    FAMILY_SHELTER = "family_shelter"
    FAMILY_SHELTER_OTHER = "family_shelter_other"
    NIGHT_SHELTER = "night_shelter"
    EMERGENCY = "emergency"
    ALTERNATIVE = "alternative"
    ALTERNATIVE_BUILD = "alternative_build"
    HOUSING_FIRST = "housing_first"
    SECOND_CHANCE = "second_chance"
    ARREARS_FUND = "arrears_fund"
    HOUSING_SUPPLEMENT = "housing_supplement"
    FOSTER = "foster"
    SUPERVISION = "supervision"
    RESIDENTIAL_CARE = "residential_care"
    COURT = "court"
    LEGAL_AID = "legal_aid"
    RENT_ALLOWANCE = "rent_allowance"
    HOMELESS_STREET_PUBLIC = "homeless_street_public"
    HOMELESS_RESIDENTIAL_PUBLIC = "homeless_residential_public"
    HOMELESS_HIDDEN_PUBLIC = "homeless_hidden_public"
    HOMELESS_DOUBLED_UP_PUBLIC = "homeless_doubled_up_public"
    HOMELESS_STREET_CARE = "homeless_street_care"
    HOMELESS_RESIDENTIAL_CARE = "homeless_residential_care"
    HOMELESS_HIDDEN_CARE = "homeless_hidden_care"
    HOMELESS_DOUBLED_UP_CARE = "homeless_doubled_up_care"
    HOUSEHOLD_MOVES = "household_moves"


_LANDLORDS = {"corporation": (Actor.CORPORATIONS, "corporations", "corporaties"),
              "private": (Actor.PRIVATE_LANDLORDS, "private landlords", "particuliere verhuurders")}
# Where homeless adults are, for their public costs: each group's unit cost (context.costs) and words.
HOMELESS_GROUPS = {
    "street": ("street_adult_month_eur", "sleeping rough or in a night shelter", "op straat of in de nachtopvang"),
    "residential": ("residential_adult_month_eur", "in a family shelter or emergency accommodation",
                    "in de gezinsopvang of noodopvang"),
    "hidden": ("hidden_adult_month_eur", "hidden (car, shed, caravan) or between places",
               "verborgen (auto, schuur, caravan) of tussen twee plekken"),
    "doubled_up": ("doubled_up_adult_month_eur", "with relatives or friends", "bij familie of vrienden"),
}


def _landlord_items() -> list[CostItem]:
    items = []
    for kind, (actor, en, nl) in _LANDLORDS.items():
        items += [
            CostItem(f"summons_{kind}", Payer.LANDLORD, actor, RESOURCE, ("summons_eur",),
                     f"Summonses and court fees ({en})", f"Dagvaardingen en griffierechten ({nl})"),
            CostItem(f"eviction_{kind}", Payer.LANDLORD, actor, RESOURCE, ("eviction_landlord_eur",),
                     f"Evictions carried out ({en})", f"Uitgevoerde ontruimingen ({nl})"),
            CostItem(f"rent_forgone_{kind}", Payer.LANDLORD, actor, TRANSFER, (),
                     f"Rent forgone while a family waits for alternative housing ({en})",
                     f"Gederfde huur terwijl een gezin op vervangende woonruimte wacht ({nl})"),
            CostItem(f"written_off_{kind}", Payer.LANDLORD, actor, TRANSFER, (),
                     f"Arrears written off in debt settlements ({en})",
                     f"Huurachterstand kwijtgescholden in schuldregelingen ({nl})")]
    return items


def _homeless_items() -> list[CostItem]:
    items = []
    for group, (price, en, nl) in HOMELESS_GROUPS.items():
        items += [
            CostItem(f"homeless_{group}_public", Payer.NATIONAL, Actor.NATIONAL, RESOURCE,
                     (price, "1-homeless_care_share"), f"Police, justice and other public costs of adults {en}",
                     f"Politie, justitie en andere publieke kosten van volwassenen {nl}"),
            CostItem(f"homeless_{group}_care", Payer.HEALTH_INSURER, Actor.HEALTH_INSURERS, RESOURCE,
                     (price, "homeless_care_share"), f"Care for adults {en}", f"Zorg voor volwassenen {nl}")]
    return items


def _municipal(name: str, price: str, en: str, nl: str, nature: str = RESOURCE) -> CostItem:
    return CostItem(name, Payer.MUNICIPALITY, Actor.MUNICIPALITY, nature, (price,) if price else (), en, nl)


ITEMS: dict[str, CostItem] = {item.name: item for item in [
    *_landlord_items(),
    _municipal("outreach", "outreach_eur", "Outreach after signals (capacity)",
               "Outreach na signalen (capaciteit)"),
    _municipal("debt_help", "debt_help_eur", "Debt help", "Schuldhulpverlening"),
    _municipal("storage", "storage_eur", "Storing evicted households' goods", "Opslag van inboedels na ontruiming"),
    _municipal("family_shelter", "shelter_month_eur", "Family shelter places", "Plaatsen in de gezinsopvang"),
    _municipal("family_shelter_other", "shelter_month_eur",
               "Family shelter places for families homeless for other reasons than an eviction",
               "Plaatsen in de gezinsopvang voor gezinnen dakloos om een andere reden dan een ontruiming"),
    _municipal("night_shelter", "shelter_month_eur", "Night shelter places", "Plaatsen in de nachtopvang"),
    _municipal("emergency", "emergency_month_eur", "Emergency accommodation", "Noodopvang"),
    _municipal("alternative", "alternative_housing_month_eur", "Alternative housing units (running)",
               "Vervangende woonruimte (exploitatie)"),
    _municipal("alternative_build", "alternative_unit_build_eur", "Alternative housing units (creating)",
               "Vervangende woonruimte (realisatie)"),
    _municipal("housing_first", "housing_first_month_eur", "Housing First support", "Housing First-begeleiding"),
    _municipal("second_chance", "second_chance_eur", "Second-chance contracts", "Tweedekanscontracten"),
    _municipal("arrears_fund", "", "Arrears paid by the municipality's fund (less repayments)",
               "Achterstand betaald uit het huurschuldenfonds (min terugbetalingen)", TRANSFER),
    _municipal("housing_supplement", "", "Housing-cost supplements", "Woonkostentoeslagen", TRANSFER),
    CostItem("foster", Payer.YOUTH_CARE, Actor.YOUTH_CARE, RESOURCE, ("foster_child_month_eur",),
             "Foster care", "Pleegzorg"),
    CostItem("supervision", Payer.YOUTH_CARE, Actor.YOUTH_CARE, RESOURCE, ("supervision_child_month_eur",),
             "Supervision of children at home", "Ondertoezichtstelling van thuiswonende kinderen"),
    CostItem("residential_care", Payer.YOUTH_CARE, Actor.YOUTH_CARE, RESOURCE, ("residential_child_month_eur",),
             "Residential youth care", "Residentiële jeugdzorg"),
    CostItem("court", Payer.NATIONAL, Actor.NATIONAL, RESOURCE, ("court_case_eur",), "Court cases", "Rechtszaken"),
    CostItem("legal_aid", Payer.NATIONAL, Actor.NATIONAL, RESOURCE, ("legal_aid_eur",), "Legal aid",
             "Gesubsidieerde rechtsbijstand"),
    CostItem("rent_allowance", Payer.NATIONAL, Actor.NATIONAL, TRANSFER, (), "Rent allowance", "Huurtoeslag"),
    *_homeless_items(),
    CostItem("household_moves", None, Actor.HOUSEHOLDS, RESOURCE, ("household_move_eur",),
             "Moving after an eviction or a forced departure", "Verhuizen na een ontruiming of gedwongen vertrek"),
]}


def landlord_item(kind: str, private: bool) -> Item:
    """The landlord item `kind` (summons, eviction, rent_forgone, written_off) of a landlord type."""
    return Item(f"{kind}_{'private' if private else 'corporation'}")


def book_by_landlord(m: World, kind: str, ids: np.ndarray, eur: np.ndarray) -> None:
    """Book the amounts `eur` of households `ids` on landlord item `kind`, by their landlord's type."""
    private = m.households.private[ids]
    for is_private in (False, True):
        m.outcomes.add_cost(landlord_item(kind, is_private), float(eur[private == is_private].sum(dtype=np.float64)))
