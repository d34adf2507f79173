"""The words of the Costs and benefits page, in English and Dutch (merged into i18n.UI so that `t`
finds them)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "page_costs": {"en": "Costs and benefits", "nl": "Kosten en baten"},
    "costs_title": {"en": "Costs and benefits", "nl": "Kosten en baten"},
    "costs_intro": {"en": "A social cost-benefit analysis (MKBA) of each policy against {baseline}: every cost the "
                          "model books, by who pays it, as a present value over {years} years at a discount rate of "
                          "{rate} (prices of {year}). A transfer (rent allowance, rental assistance, arrears written "
                          "off) is its payer's cost and the households' gain: for society it nets to zero.",
                    "nl": "Een maatschappelijke kosten-batenanalyse (MKBA) van elk beleid ten opzichte van "
                          "{baseline}: alle kosten die het model boekt, naar wie ze betaalt, als contante waarde over "
                          "{years} jaar tegen een discontovoet van {rate} (prijzen van {year}). Een overdracht "
                          "(huurtoeslag, huurondersteuning, kwijtgescholden achterstand) is een kostenpost voor wie "
                          "betaalt en een bate voor de huishoudens: voor de maatschappij valt die weg."},
    "costs_horizon": {"en": "Horizon (years)", "nl": "Tijdshorizon (jaren)"},
    "costs_discount": {"en": "Discount rate (%)", "nl": "Discontovoet (%)"},
    "costs_chart_title": {"en": "Who pays, who gains: {scenario} against {baseline}",
                          "nl": "Wie betaalt, wie wint: {scenario} ten opzichte van {baseline}"},
    "costs_axis": {"en": "Net present value (EUR; + gains, − pays), with 90 % interval",
                   "nl": "Netto contante waarde (EUR; + wint, − betaalt), met 90 %-interval"},
    "costs_alt": {"en": "Bar chart of the net present value per actor: {values}.",
                  "nl": "Staafdiagram van de netto contante waarde per actor: {values}."},
    "costs_headline": {"en": "Each eviction avoided costs {net} net to society; the municipality pays {muni} and the "
                             "national government {national} {national_verb} per eviction avoided.",
                       "nl": "Elke voorkomen ontruiming kost de maatschappij netto {net}; de gemeente betaalt "
                             "{muni} en het Rijk {national_verb} {national} per voorkomen ontruiming."},
    "costs_headline_none": {"en": "{scenario} avoids no evictions on average, so a cost per eviction avoided is not "
                                  "defined; its net present value for society is {npv}.",
                            "nl": "{scenario} voorkomt gemiddeld geen ontruimingen, dus kosten per voorkomen "
                                  "ontruiming zijn niet gedefinieerd; de netto contante waarde voor de maatschappij "
                                  "is {npv}."},
    "costs_saves": {"en": "saves", "nl": "bespaart"},
    "costs_pays": {"en": "pays", "nl": "betaalt"},
    "costs_table": {"en": "The analysis", "nl": "De analyse"},
    "costs_pm": {"en": "Not valued in money (PM-posten), counted over the horizon: {items}. Not modelled at all: "
                       "{missing}.",
                 "nl": "Niet in geld uitgedrukt (PM-posten), geteld over de tijdshorizon: {items}. Helemaal niet "
                       "gemodelleerd: {missing}."},
    "costs_sensitivity": {"en": "Sensitivity", "nl": "Gevoeligheid"},
    "col_section": {"en": "Part", "nl": "Onderdeel"},
    "col_figure": {"en": "Figure", "nl": "Post"},
    "col_value": {"en": "Value", "nl": "Waarde"},
    "col_interval": {"en": "90 % interval", "nl": "90 %-interval"},
    "col_noise": {"en": "Noise only", "nl": "Alleen toeval"},
    "col_case": {"en": "Case", "nl": "Variant"},
    "col_npv": {"en": "Net present value (society)", "nl": "Netto contante waarde (maatschappij)"},
    "col_per_eviction": {"en": "Net cost per eviction avoided", "nl": "Netto kosten per voorkomen ontruiming"},
    "not_defined": {"en": "not defined", "nl": "niet gedefinieerd"},
    "deck_mkba": {"en": "Costs and benefits (MKBA): {scenario}", "nl": "Kosten en baten (MKBA): {scenario}"},
    "costs_too_short": {"en": "A cost-benefit analysis needs at least 12 reported months.",
                        "nl": "Een kosten-batenanalyse heeft minstens 12 gerapporteerde maanden nodig."},
}
SECTIONS = {"actor": ("Net present value by actor", "Netto contante waarde per actor"),
            "summary": ("Society", "Maatschappij"), "effect": ("Effects avoided", "Voorkomen effecten"),
            "cost_per": ("Net cost per effect avoided", "Netto kosten per voorkomen effect"),
            "pm": ("Not valued in money (PM)", "Niet in geld (PM)"), "item": ("Cost items", "Kostenposten")}
