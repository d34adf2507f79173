"""What an MKBA sets its money against: the effects a euro buys (cost-effectiveness) and the
effects the model counts but does not value in money (PM-posten).

A stock outcome summed over a year's months is in unit-months (homeless household-months); a
flow outcome summed is the year's count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Effect:
    """An outcome column counted in an MKBA, `per` scaling it (1/12: months to years), with words."""

    name: str
    column: str
    label: str
    label_nl: str
    per: float = 1.0


# Net cost per one of these avoided ("not defined" where the policy avoids none).
EFFECTS = (
    Effect("eviction", "evictions", "eviction avoided", "voorkomen ontruiming"),
    Effect("family_eviction", "evictions_with_children", "family eviction avoided",
           "voorkomen ontruiming van een gezin"),
    Effect("child_homeless_year", "homeless_children", "child-year of homelessness avoided",
           "voorkomen kindjaar dakloosheid", 1 / 12),
    Effect("child_separation", "children_separated", "child separation avoided",
           "voorkomen scheiding van kind en ouders"),
    Effect("homeless_month", "homeless_households", "homeless household-month avoided",
           "voorkomen maand dakloosheid (huishouden)"),
)
# Counted beside the money, never valued: no Dutch source gives them a price (domain.md §9).
PM_POSTS = (
    Effect("children_evicted", "children_evicted", "Children evicted", "Kinderen ontruimd"),
    Effect("children_separated", "children_separated", "Children separated from their parents",
           "Kinderen gescheiden van hun ouders"),
    Effect("child_months_separated", "children_separated_now", "Child-months separated from parents",
           "Kindmaanden gescheiden van de ouders"),
    Effect("school_changes", "school_changes", "School changes", "Schoolwisselingen"),
    Effect("school_months_disrupted", "school_months_disrupted", "School months disrupted",
           "Verstoorde schoolmaanden"),
    Effect("homeless_child_months", "homeless_children", "Child-months homeless (with parents)",
           "Kindmaanden dakloos (met de ouders)"),
)
# Not modelled at all, named so that no reader takes them for zero.
NOT_MODELLED = (
    ("Health and well-being of adults and children beyond the care booked", "Gezondheid en welzijn van volwassenen "
     "en kinderen buiten de geboekte zorg"),
    ("Income and employment effects of losing a home", "Effecten op inkomen en werk van het verlies van de woning"),
    ("Neighbourhood effects of nuisance and of evictions", "Effecten op de buurt van overlast en ontruimingen"),
)
