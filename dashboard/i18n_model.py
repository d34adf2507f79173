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
}
UNITS = {"households": {"en": "households", "nl": "huishoudens"}, "children": {"en": "children", "nl": "kinderen"},
         "child-months": {"en": "child-months", "nl": "kindmaanden"}, "EUR": {"en": "EUR", "nl": "euro"},
         "adults": {"en": "adults", "nl": "volwassenen"}, "months": {"en": "months", "nl": "maanden"}}
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
