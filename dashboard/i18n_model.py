"""The dashboard's own words for the model's things, in English and Dutch: short names for the
headline cards, units, verdicts, the choices of a lever and month names. Used through
dashboard/i18n.py.

Outcome and lever labels are declared with the outcomes and levers themselves (sim.OUTCOMES,
sim.describe(sim.Policy)); tests/dashboard/test_labels.py checks that every key here names
something the model declares.
"""

from __future__ import annotations

# Short names for the headline cards; the card's help gives the full label and unit.
CARD_LABELS = {
    "evictions": {"en": "Evictions", "nl": "Ontruimingen"},
    "children_evicted": {"en": "Children evicted", "nl": "Kinderen bij ontruiming"},
    "homeless_households": {"en": "Homeless households", "nl": "Dakloze huishoudens"},
    "homeless_children": {"en": "Homeless children", "nl": "Dakloze kinderen"},
    "children_separated": {"en": "Children separated", "nl": "Kinderen uit huis geplaatst"},
    "school_changes": {"en": "School changes", "nl": "Schoolwisselingen"},
    "cost_total_eur": {"en": "Total cost", "nl": "Totale kosten"},
    "regular_wait_months": {"en": "Social-home wait (months)", "nl": "Wachttijd sociale huur (mnd)"},
}
UNITS = {"households": {"en": "households", "nl": "huishoudens"}, "children": {"en": "children", "nl": "kinderen"},
         "child-months": {"en": "child-months", "nl": "kindmaanden"}, "EUR": {"en": "EUR", "nl": "euro"},
         "adults": {"en": "adults", "nl": "volwassenen"}, "months": {"en": "months", "nl": "maanden"},
         "dwellings": {"en": "dwellings", "nl": "woningen"},
         "applicants": {"en": "applicants", "nl": "woningzoekenden"}}
VERDICTS = {
    "lower": {"en": "lower", "nl": "lager"},
    "higher": {"en": "higher", "nl": "hoger"},
    # Issue 10 renames "within noise" to "uncertain"; both mean the interval includes zero.
    "uncertain": {"en": "uncertain", "nl": "onzeker"},
    "within noise": {"en": "uncertain", "nl": "onzeker"},
    "no change": {"en": "no change", "nl": "geen verandering"},
    "baseline": {"en": "baseline", "nl": "basis"},
    "one replication: no interval": {"en": "one replication: no interval", "nl": "één replicatie: geen interval"},
}
# The values of a lever with choices (moratorium.scope, moratorium.landlords).
CHOICES = {"none": {"en": "nobody", "nl": "niemand"}, "all": {"en": "everybody", "nl": "iedereen"},
           "families": {"en": "families with children", "nl": "gezinnen met kinderen"},
           "corporation": {"en": "corporations' tenants", "nl": "huurders van corporaties"},
           "private": {"en": "private landlords' tenants", "nl": "huurders van particuliere verhuurders"},
           "debt_help": {"en": "households in debt help", "nl": "huishoudens in de schuldhulp"},
           "contact": {"en": "every household in contact with the municipality",
                       "nl": "ieder huishouden dat contact heeft met de gemeente"}}
MONTHS = {"en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
          "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]}

# The units of levers and profile figures as the help texts say them (the model declares them in English).
PARAMETER_UNITS = {
    "EUR/10k households/year": {"en": "EUR per 10,000 households a year", "nl": "euro per 10.000 huishoudens per jaar"},
    "EUR/household": {"en": "EUR per household", "nl": "euro per huishouden"},
    "choice": {"en": "one of the options", "nl": "een van de keuzes"},
    "households/10k households": {"en": "households per 10,000 households",
                                  "nl": "huishoudens per 10.000 huishoudens"},
    "probability": {"en": "probability", "nl": "kans"}, "switch": {"en": "on or off", "nl": "aan of uit"},
    "month": {"en": "month", "nl": "maand"}, "months": {"en": "months", "nl": "maanden"},
    "months of rent": {"en": "months of rent", "nl": "maanden huur"},
    "contacts/10k households/month": {"en": "contacts per 10,000 households a month",
                                      "nl": "contacten per 10.000 huishoudens per maand"},
    "contracts/10k households/year": {"en": "contracts per 10,000 households a year",
                                      "nl": "contracten per 10.000 huishoudens per jaar"},
    "intakes/10k households/month": {"en": "intakes per 10,000 households a month",
                                     "nl": "intakes per 10.000 huishoudens per maand"},
    "places/10k households": {"en": "places per 10,000 households", "nl": "plaatsen per 10.000 huishoudens"},
    "families/10k households/year": {"en": "families per 10,000 households a year",
                                     "nl": "gezinnen per 10.000 huishoudens per jaar"},
    "units/10k households": {"en": "units per 10,000 households", "nl": "woningen per 10.000 huishoudens"},
    "units/10k households/year": {"en": "units per 10,000 households a year",
                                  "nl": "woningen per 10.000 huishoudens per jaar"},
    "EUR/month": {"en": "EUR a month", "nl": "euro per maand"}, "households": {"en": "households", "nl": "huishoudens"},
    "log-sd": {"en": "log standard deviation", "nl": "log-standaardafwijking"},
    "ratio": {"en": "ratio", "nl": "verhouding"},
}
