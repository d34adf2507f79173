"""The words of My municipality's comparison with other municipalities, in English and Dutch
(merged into i18n.UI, so that `t` finds them)."""

from __future__ import annotations

LOCAL_UI: dict[str, dict[str, str]] = {
    "pop_national": {"en": "National · 342 municipalities · 3.5 million (slow: about 30 s per simulation)",
                     "nl": "Landelijk · 342 gemeenten · 3,5 miljoen (traag: ongeveer 30 s per simulatie)"},
    "national_time": {"en": "A national comparison runs {n} simulations of the whole country: about {minutes} "
                            "minutes on a 2-core machine. Fewer replications or draws make it quicker.",
                      "nl": "Een landelijke vergelijking draait {n} simulaties van het hele land: ongeveer "
                            "{minutes} minuten op een machine met 2 kernen. Minder herhalingen of trekkingen gaan "
                            "sneller."},
    "kind_large_city": {"en": "large city", "nl": "grote stad"},
    "kind_medium_town": {"en": "medium town", "nl": "middelgrote gemeente"},
    "kind_small_town": {"en": "small town", "nl": "kleine gemeente"},
    "kind_custom": {"en": "own figures", "nl": "eigen cijfers"},
    "local_title": {"en": "Your municipality among the others", "nl": "Uw gemeente tussen de andere"},
    "local_none": {"en": "These results are for one municipality. Choose the national population (or stored "
                         "national results) to see a municipality next to the other municipalities.",
                   "nl": "Deze uitkomsten gelden voor één gemeente. Kies de landelijke bevolking (of opgeslagen "
                         "landelijke uitkomsten) om een gemeente naast de andere gemeenten te zien."},
    "local_pick": {"en": "Your municipality", "nl": "Uw gemeente"},
    "local_option": {"en": "{name} ({kind})", "nl": "{name} ({kind})"},
    "local_strip_title": {"en": "Evictions per 1,000 rented households a year, every municipality",
                          "nl": "Ontruimingen per 1.000 huurhuishoudens per jaar, alle gemeenten"},
    "local_ylabel": {"en": "Evictions per 1,000 rented households a year",
                     "nl": "Ontruimingen per 1.000 huurhuishoudens per jaar"},
    "local_xlabel": {"en": "Municipalities, ranked from the lowest rate to the highest",
                     "nl": "Gemeenten, gerangschikt van het laagste naar het hoogste cijfer"},
    "local_others": {"en": "Other municipalities (grey circles)", "nl": "Andere gemeenten (grijze rondjes)"},
    "local_peers": {"en": "Same type: {kind} (blue triangles)", "nl": "Zelfde type: {kind} (blauwe driehoeken)"},
    "local_own": {"en": "{name} (red diamond)", "nl": "{name} (rode ruit)"},
    "local_national": {"en": "National rate: {value}", "nl": "Landelijk cijfer: {value}"},
    "local_alt": {"en": "{scenario}: evictions per 1,000 rented households a year in {n} municipalities, ranked. "
                        "{name}: {own}, place {rank} of {n} from the lowest; median of the {kind} municipalities "
                        "{peers}; national rate {national}.",
                  "nl": "{scenario}: ontruimingen per 1.000 huurhuishoudens per jaar in {n} gemeenten, "
                        "gerangschikt. {name}: {own}, plaats {rank} van {n} vanaf het laagste cijfer; mediaan van "
                        "de gemeenten van het type {kind} {peers}; landelijk cijfer {national}."},
    "local_table": {"en": "Your figures per 1,000 rented households a year, next to your type and all "
                          "municipalities",
                    "nl": "Uw cijfers per 1.000 huurhuishoudens per jaar, naast uw type en alle gemeenten"},
    "local_table_note": {"en": "P10-P90: the middle 80 % of municipalities lie between these two figures.",
                         "nl": "P10-P90: de middelste 80 % van de gemeenten ligt tussen deze twee cijfers."},
    "local_col_type_median": {"en": "Same type: median", "nl": "Zelfde type: mediaan"},
    "local_col_type_p10": {"en": "Same type: P10", "nl": "Zelfde type: P10"},
    "local_col_type_p90": {"en": "Same type: P90", "nl": "Zelfde type: P90"},
    "local_col_all_median": {"en": "All: median", "nl": "Alle gemeenten: mediaan"},
    "local_col_all_p10": {"en": "All: P10", "nl": "Alle gemeenten: P10"},
    "local_col_all_p90": {"en": "All: P90", "nl": "Alle gemeenten: P90"},
    "spread_title": {"en": "Does it matter where a family lives? The spread between municipalities",
                     "nl": "Maakt het uit waar een gezin woont? De spreiding tussen gemeenten"},
    "spread_empty": {"en": "Too few evicted households were followed up per municipality to compare shares "
                           "between municipalities (at least 10 each are needed). More replications or a longer "
                           "run give more.",
                     "nl": "Te weinig ontruimde huishoudens per gemeente gevolgd om aandelen tussen gemeenten te "
                           "vergelijken (per gemeente zijn er minstens 10 nodig). Meer herhalingen of een langere "
                           "looptijd geven er meer."},
    "spread_part": {"en": "{indicator}: the middle 80 % of municipalities lie between {p10} and {p90}; chance "
                          "alone would give {chance_p10} to {chance_p90}.",
                    "nl": "{indicator}: de middelste 80 % van de gemeenten ligt tussen {p10} en {p90}; toeval "
                          "alleen zou {chance_p10} tot {chance_p90} geven."},
    "spread_some_beyond": {"en": "For {n} of these {total} indicators the spread goes beyond what chance alone "
                                 "gives: there, what happens to a family depends on where it lives.",
                           "nl": "Bij {n} van deze {total} indicatoren gaat de spreiding verder dan toeval alleen "
                                 "geeft: daar hangt wat een gezin overkomt af van waar het woont."},
    "spread_none_beyond": {"en": "The spread goes no further than chance alone gives: these results do not show "
                                 "that it matters where a family lives.",
                           "nl": "De spreiding gaat niet verder dan toeval alleen geeft: deze uitkomsten laten "
                                 "niet zien dat het uitmaakt waar een gezin woont."},
    "spread_family_separated": {"en": "Evicted families with a child separated",
                                "nl": "Ontruimde gezinnen met een kind uit huis geplaatst"},
    "spread_homeless_after_eviction": {"en": "Evicted households homeless in the year after",
                                       "nl": "Ontruimde huishoudens dakloos in het jaar erna"},
    "spread_alternative_housing": {"en": "Evicted families with alternative housing in view",
                                   "nl": "Ontruimde gezinnen met vervangende woonruimte in zicht"},
    "spread_col_indicator": {"en": "Indicator", "nl": "Indicator"},
    "spread_col_municipalities": {"en": "Municipalities", "nl": "Gemeenten"},
    "spread_col_national": {"en": "National share", "nl": "Landelijk aandeel"},
    "spread_col_p10": {"en": "P10", "nl": "P10"},
    "spread_col_p90": {"en": "P90", "nl": "P90"},
    "spread_col_ratio": {"en": "P90 / P10", "nl": "P90 / P10"},
    "spread_col_chance_p10": {"en": "Chance alone: P10", "nl": "Alleen toeval: P10"},
    "spread_col_chance_p90": {"en": "Chance alone: P90", "nl": "Alleen toeval: P90"},
    "spread_col_verdict": {"en": "Beyond chance?", "nl": "Meer dan toeval?"},
    "spread_beyond": {"en": "▲ yes, beyond chance", "nl": "▲ ja, meer dan toeval"},
    "spread_within": {"en": "≈ no, within chance", "nl": "≈ nee, binnen toeval"},
}
