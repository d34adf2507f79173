"""Unit costs: what each thing the model books costs, and who pays it (context.costs).

Every amount is in prices of 2024 (sim.parameters.prices.PRICE_YEAR). A cost a source gives in
another year's prices is declared with that year (`price_year`) and indexed with the CBS consumer
price index; `evictsim params` shows both. Unit costs with a prior are drawn in posterior draws
(sim.experiments.draws): they change nothing any household does, only what is booked, so drawing
them does not move the calibrated baseline off its targets.

Which payer a booked cost falls on, and whether it is a cost to society or a transfer, is
declared with the cost items in sim/pathway/costs.py.
"""

from __future__ import annotations

from typing import Any

from .base import Group, param, probability
from .prices import PRICE_YEAR, indexed

CEBEON_STREET = 46224.0 - 23236.0       # [SZN18] rough sleepers' public costs a year, less the shelter (2011)
CEBEON_RESIDENTIAL = 36076.0 - 10384.0  # [SZN18] residential homeless's public costs a year, less the shelter (2011)


def _cost(amount: float, unit: str, source: str, doc: str, *, year: int = PRICE_YEAR, per: float = 1.0,
          prior: tuple[float, float] | None = None, le: float = 1e6) -> Any:
    """A unit cost the source gives as `amount` per `per` units (a year's cost per=12 for a month's)
    in `year`'s prices; declared in PRICE_YEAR's prices. `prior` is in PRICE_YEAR's prices."""
    low_high = None if prior is None else (round(prior[0], 2), round(prior[1], 2))
    return param(indexed(amount / per, year), unit, source, doc, ge=0, le=le, prior=low_high, price_year=year)


def _month(amount: float, year: int) -> float:
    """A year's amount in `year`'s prices as a month's in PRICE_YEAR's prices."""
    return indexed(amount / 12, year)


class Costs(Group):
    """Unit costs in euros of 2024, by payer (landlords, municipality, youth care, the national
    government, health insurers, and the household's own)."""

    summons_eur: float = _cost(1000.0, "EUR/case", "assumption, range 500-2,000", "Landlord: summons and court fees.")
    eviction_landlord_eur: float = _cost(
        7500.0, "EUR/eviction", "[EPQ] EUR 5-10k (Eropaf 2014), the middle, in 2014 prices; [BOLL17] EUR 7,500 "
        "for a corporation (2017) agrees", "Landlord: cost of an executed eviction (bailiff, removal, storage).",
        year=2014, prior=(indexed(5000, 2014), indexed(10000, 2014)))
    court_case_eur: float = _cost(600.0, "EUR/case", "assumption, range 300-1,200", "National: court's cost of a case.")
    legal_aid_eur: float = _cost(1000.0, "EUR/case", "assumption, range 500-2,000", "National: legal aid per case.")
    outreach_eur: float = _cost(150.0, "EUR/contact", "assumption, range 100-300",
                                "Municipality: outreach staff per contact it can make in a month "
                                "(paid for the capacity, used or not).")
    debt_help_eur: float = _cost(
        1500.0, "EUR/case", "[SZN18] EUR 1,500 per debt case (2005 prices); [NIJ] ≈EUR 2,400 per household "
        "(Nijmegen, year not stated) agrees; range 1,500-3,500 (assumption)", "Municipality: debt help per case.",
        year=2005)
    storage_eur: float = _cost(1000.0, "EUR/eviction", "assumption, range 500-2,000 ([SCHUL21] since 2021 the "
                               "municipality removes and stores the goods)", "Municipality: storing household goods.")
    emergency_month_eur: float = _cost(3000.0, "EUR/household-month", "assumption, range 2,000-5,000 (hotels, "
                                       "holiday parks [KV12])", "Municipality: emergency accommodation for a family.")
    shelter_month_eur: float = _cost(
        15000.0, "EUR/place-month", "[EV] a shelter place 'easily costs EUR 15,000 a year' (Boesveldt, Dec 2025; a "
        "round figure, taken as 2024 prices); range from [SZN18] Cebeon 2011 per participant-year, EUR 10,384 "
        "(residential) to 23,236 (rough sleepers), in 2024 prices",
        "Municipality: a family or night shelter place for a month (paid for the places, used or not).",
        per=12, prior=(_month(10384, 2011), _month(23236, 2011)))
    alternative_housing_month_eur: float = _cost(
        900.0, "EUR/unit-month", "assumption, range 600-1,500",
        "Municipality: running an alternative (temporary) housing unit for a month, occupied or not.")
    alternative_unit_build_eur: float = _cost(
        25000.0, "EUR/unit", "assumption, range 10,000-60,000 (conversion or flexible housing)",
        "Municipality: creating one alternative housing unit.", le=1e7)
    housing_first_month_eur: float = _cost(
        1000.0, "EUR/household-month", "assumption, range 600-2,000 (support; [SOC-BE] not more than shelter; "
        "a Dutch cost per place NOT found)",
        "Municipality: Housing First support for a month (paid for the places, used or not).")
    second_chance_eur: float = _cost(
        3000.0, "EUR/contract", "assumption, range 1,000-6,000 (coaching and the landlord's risk)",
        "Municipality: a second-chance contract.")
    supervision_child_month_eur: float = _cost(
        600.0, "EUR/child-month", "assumption, range 300-1,000 (family supervision, OTS)",
        "Youth care: supervision of a child at home for a month.")
    foster_child_month_eur: float = _cost(
        3333.0, "EUR/child-month", "assumption, range 1,500-4,520: [JEN12][NRCF] an out-of-home placement (foster or "
        "residential) costs ≈EUR 40k a year (2012), EUR 4,520 a month in 2024 prices, the top since foster care "
        "costs less than residential care; [WSCH] the foster allowance alone is EUR 690-840 a month (2019 rates "
        "in 2024 prices)", "Youth care: a child in foster care for a month.")
    residential_child_month_eur: float = _cost(
        8000.0, "EUR/child-month", "assumption, range 5,000-12,000", "Youth care: a child in residential care.")
    street_adult_month_eur: float = _cost(
        CEBEON_STREET, "EUR/adult-month", "[SZN18] Cebeon 2011: public costs of a rough sleeper EUR 46,224 a year "
        "(557m / 12,050), less the shelter's own EUR 23,236 (booked with the places), in 2011 prices; range a "
        "quarter to 1.25 times (assumption: evicted adults may need far less care than Cebeon's chronically "
        "homeless)", "Public costs besides the place itself (care, police, justice) of an adult sleeping rough or "
        "in a night shelter, a month; national government and health insurers (homeless_care_share).",
        year=2011, per=12, prior=(0.25 * _month(CEBEON_STREET, 2011), 1.25 * _month(CEBEON_STREET, 2011)))
    residential_adult_month_eur: float = _cost(
        CEBEON_RESIDENTIAL / 2, "EUR/adult-month", "assumption: half of [SZN18] Cebeon 2011's residential homeless "
        "(EUR 36,076 a year, 469m / 13,000, less the shelter's own EUR 10,384, in 2011 prices), who are mostly "
        "single adults with care needs; range 500 to the whole figure",
        "Public costs besides the place itself of an adult in a family shelter or emergency accommodation, a "
        "month; national government and health insurers (homeless_care_share).",
        year=2011, per=12, prior=(500.0, _month(CEBEON_RESIDENTIAL, 2011)))
    hidden_adult_month_eur: float = _cost(
        CEBEON_STREET / 2, "EUR/adult-month", "assumption: half of street_adult_month_eur (out of sight of services; "
        "no source found); range 500 to the whole street figure",
        "Public costs of an adult living hidden (car, shed, caravan) or between places, a month; national "
        "government and health insurers (homeless_care_share).",
        year=2011, per=12, prior=(500.0, _month(CEBEON_STREET, 2011)))
    doubled_up_adult_month_eur: float = _cost(
        250.0, "EUR/adult-month", "assumption, range 0-1,000 (staying with relatives or friends: no public cost "
        "found; some extra care)", "Public costs of an adult staying with relatives or friends, a month; national "
        "government and health insurers (homeless_care_share).")
    homeless_care_share: float = probability(
        0.5, "assumption, range 0.3-0.7 (no split found: [SZN18] gives Cebeon's care, police and justice together)",
        "Share of homeless adults' public costs besides the place that falls on health insurers (mental health, "
        "addiction and emergency care); the rest falls on the national government (police, justice).")
    household_move_eur: float = _cost(
        1000.0, "EUR/departure", "assumption, range 300-2,500 (a van, a deposit, replacing what is lost; no source "
        "found)", "Household: moving out after an eviction or before the bailiff comes (the household's own cost, "
        "in no payer's total).")
