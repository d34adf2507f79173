"""Synthetic populations of rented households: municipality profiles and the whole country.

A profile describes one municipality's rented stock (owner-occupiers are outside the model).
Incomes come from the national assumptions (context.incomes), scaled by the profile's income
level. The country is three blocks of municipality types whose totals match CBS exactly: 2,312,981
corporation and 1,166,607 other rented dwellings on 1 Jan 2023 [CBS1]. How the country splits
into block types is an assumption. A user can give their own profile in a TOML file.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import Field, field_validator, model_validator

from ..parameters.base import Group, param, probability

COMPOSITIONS = ("single", "couple", "single_parent", "couple_children")
SINGLE, COUPLE, SINGLE_PARENT, COUPLE_CHILDREN = range(4)
ADULTS = np.array([1, 2, 1, 2], dtype=np.int8)
HAS_CHILDREN = np.array([False, False, True, True])


class Profile(Group):
    """One municipality's rented households. Shares are of rented households."""

    name: str = "custom"
    kind: str = Field("custom", description="The municipality's type (large_city, medium_town, small_town or "
                      "custom): a scenario can set local levers for a type ([municipality.<type>.policy...]).")
    region: str = Field("", description="The shelter region (centrumgemeente) whose family and night shelter "
                        "places and foster care the municipality shares; empty: a region of its own.")
    corporation_households: int = param(28000, "households", "assumption", "Corporation tenants.",
                                        ge=0, le=5_000_000)
    private_households: int = param(12000, "households", "assumption", "Private-rent tenants.",
                                    ge=0, le=5_000_000)
    share_single: float = probability(0.48, "assumption ([AE16][AE17] 79-84% of evicted are single)",
                                      "Single adults without children.")
    share_couple: float = probability(0.20, "assumption", "Couples without children.")
    share_single_parent: float = probability(
        0.12, "assumption ([CBS3] 610,633 one-parent households of 8.27m; more among renters)",
        "Single parents.")
    share_couple_children: float = probability(0.20, "assumption", "Couples with children.")
    children_one: float = probability(0.43, "[CBS2] 1.15m of 2.65m", "Families with one child.")
    children_two: float = probability(0.41, "[CBS2] 1.08m of 2.65m", "Families with two children.")
    school_age_share: float = probability(0.6, "assumption", "Children of school age (4-17).")
    rent_corporation_eur: float = param(620.0, "EUR/month", "assumption (corporation average)",
                                        "Median corporation rent.", ge=0, le=10000)
    rent_private_eur: float = param(950.0, "EUR/month", "assumption", "Median private rent.",
                                    ge=0, le=10000)
    rent_spread: float = param(0.2, "log-sd", "assumption", "Spread of rents.", ge=0, le=2)
    rehousing_factor: float = param(
        1.0, "ratio", "assumption, range 0.5-1.5 (social-housing waits 6-12 years nationally [NOS19b], ~15 in "
        "Amsterdam [NOS18b]; large cities 0.7, small towns 1.3)",
        "How fast displaced households find a home here, relative to an average market (urgency included).",
        ge=0.05, le=5)
    regular_wait_months: float = param(
        72.0, "months", "[RIGO19] average registration time at letting from under 4 years (Achterhoek, Limburg) "
        "to almost 9 years (Amsterdam, Utrecht); large cities 104 ([NUL15b] 8.7 years in Stadsregio Amsterdam), "
        "small towns 42, others 72 (the middle)",
        "How long a regular applicant for a corporation dwelling has been registered when a dwelling is let to "
        "them, before the scenario changes anything (lettings.py).", ge=0, le=600)
    homeless_families_other_per_10k_per_year: float = param(
        5.0, "families/10k households/year", "derived: nationally 800-900 families a year in maatschappelijke "
        "opvang [TRG] to about 3,200 with the women's shelters (5,745 children came in with a parent in 2011 "
        "[FO11]), 2.4-9 per 10,000 rented households; Den Haag alone saw 420 families at its shelter desk in "
        "2020 [DH2], about 26 per 10,000: large cities 20, small towns 2, others 5 (about 3,000 a year "
        "nationally; range 0.5x-1.5x)",
        "Families with minor children that become homeless here for another reason than an eviction "
        "(separation, leaving an institution, no affordable home).", ge=0, le=1000)
    income_level: float = param(
        1.0, "ratio", "assumption (1 = the national assumptions in context.incomes)",
        "Earnings of this municipality's tenants relative to the national level.", ge=0.2, le=5)
    # How the municipality applies the rules (pathway/local.py); 1 = the national average practice.
    outreach_practice: float = param(
        1.0, "ratio", "assumption, range 0.5-1.5 ([DV3b] about 1 in 5 signals reached, [NOS21] 1 in 6 in 2021; "
        "practice varies [KV12])",
        "How far the outreach reaches signalled households, relative to the national average.", ge=0, le=5)
    acceptance_practice: float = param(
        1.0, "ratio", "assumption, range 0.8-1.2 ([DV2b][DV3b] 35-39% accept nationally)",
        "How many reached households accept help, relative to the national average.", ge=0, le=5)
    alternative_offer_practice: float = param(
        1.0, "ratio", "[TRG] 2/3 of centrumgemeenten always seek alternative housing for families: 1.5 "
        "(always) in two of three generated municipalities, 0 in the others (assumption)",
        "Chance of offering an evicted family alternative housing, relative to the national average "
        "(context.after_eviction.alternative_offer_families; at most 1).", ge=0, le=5)

    @field_validator("kind")
    @classmethod
    def _check_kind(cls, kind: str) -> str:
        if not kind.isidentifier() or not kind.isascii():
            raise ValueError("must be a word of letters, digits and underscores, e.g. large_city")
        return kind

    @model_validator(mode="after")
    def _check_shares(self) -> Profile:
        total = self.share_single + self.share_couple + self.share_single_parent + self.share_couple_children
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"composition shares add up to {total:.4f}: they must add up to 1")
        if self.children_one + self.children_two > 1.0 + 1e-9:
            raise ValueError("children_one + children_two must be at most 1")
        if self.households < 1:
            raise ValueError("a profile needs at least one household")
        return self

    @property
    def households(self) -> int:
        return self.corporation_households + self.private_households

    def scaled(self, factor: float) -> Profile:
        """The same profile with `factor` times the households (at least one)."""
        corp = round(self.corporation_households * factor)
        priv = round(self.private_households * factor)
        if corp + priv == 0:
            corp = 1
        return self.model_copy(update={"corporation_households": corp, "private_households": priv})


PROFILES: dict[str, Profile] = {
    "large_city": Profile(name="large_city", kind="large_city", corporation_households=190_000,
                          private_households=130_000,
                          share_single=0.55, share_couple=0.18, share_single_parent=0.11,
                          share_couple_children=0.16, rent_private_eur=1150.0, rehousing_factor=0.7,
                          regular_wait_months=104.0, homeless_families_other_per_10k_per_year=20.0),
    "medium_town": Profile(name="medium_town", kind="medium_town"),
    "small_town": Profile(name="small_town", kind="small_town", corporation_households=5_800, private_households=2_200,
                          share_single=0.44, share_couple=0.22, share_single_parent=0.12,
                          share_couple_children=0.22, rent_private_eur=850.0, rehousing_factor=1.3,
                          regular_wait_months=42.0, homeless_families_other_per_10k_per_year=2.0),
}

# The country as three blocks, one per municipality type, whose corporation and private totals
# match CBS 1 Jan 2023 [CBS1]: the calibration's population (sim.country has the 342 municipalities).
NATIONAL_TYPES: tuple[Profile, ...] = (
    PROFILES["large_city"].model_copy(update={"name": "large_cities", "corporation_households": 560_000,
                                              "private_households": 440_000}),
    PROFILES["medium_town"].model_copy(update={"name": "medium_towns", "corporation_households": 1_050_000,
                                               "private_households": 450_000}),
    PROFILES["small_town"].model_copy(update={"name": "small_towns", "corporation_households": 702_981,
                                              "private_households": 276_607}),
)


def apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """`total` units shared in proportion to `weights` as whole numbers that add up to `total`
    (largest remainders; ties to the earlier). One weight gets all of `total`."""
    weights = np.asarray(weights, dtype=float)
    if total <= 0 or weights.sum() <= 0:
        return np.zeros(weights.size, np.int64)
    quota = total * weights / weights.sum()
    whole = np.floor(quota).astype(np.int64)
    short = total - int(whole.sum())
    whole[np.argsort(-(quota - whole), kind="stable")[:short]] += 1
    return whole


@dataclass
class Block:
    """A municipality's slice of the household arrays: ids start:stop."""

    profile: Profile
    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start
