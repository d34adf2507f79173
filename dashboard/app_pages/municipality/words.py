"""The words of the My municipality page, in English and Dutch: the page's own and those of its
comparison with other municipalities (WORDS, merged into i18n.UI so that `t` finds them), and the
names of a municipality's figures (PROFILE_FIELDS) and the form's columns of them (FIGURE_COLUMNS)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "muni_title": {"en": "My municipality", "nl": "Mijn gemeente"},
    "muni_intro": {"en": "Enter your municipality's rented households, or start from a profile, and compare the "
                         "policies for your own figures.",
                   "nl": "Vul de huurhuishoudens van uw gemeente in, of begin bij een profiel, en vergelijk het "
                         "beleid voor uw eigen cijfers."},
    "muni_from": {"en": "Start from a profile", "nl": "Begin bij een profiel"},
    "muni_upload": {"en": "Or upload a profile (.toml)", "nl": "Of upload een profiel (.toml)"},
    "muni_upload_how": {"en": "Drag a profile file (.toml, at most 100 KB) onto the box below, or press “Upload” "
                              "to choose one.",
                        "nl": "Sleep een profielbestand (.toml, hoogstens 100 kB) naar het vak hieronder, of klik op "
                              "“Upload” om er een te kiezen. De knop en de tekst in het vak zijn van Streamlit zelf en "
                              "blijven Engels; een bestand groter dan 100 kB wordt geweigerd."},
    "muni_upload_ok": {"en": "Profile `{name}` loaded.", "nl": "Profiel `{name}` geladen."},
    "muni_upload_error": {"en": "This file cannot be used as a profile:\n\n{error}",
                          "nl": "Dit bestand is niet bruikbaar als profiel:\n\n{error}"},
    "muni_upload_help": {"en": "A .toml text file with your municipality's figures (at most 100 KB), as the "
                               "download button below writes it.",
                         "nl": "Een .toml-tekstbestand met de cijfers van uw gemeente (hoogstens 100 kB), zoals de "
                               "downloadknop hieronder het schrijft."},
    "muni_upload_defaulted": {"en": "Not in the file, so the model's defaults are used: {fields}.",
                              "nl": "Niet in het bestand, dus de standaardwaarden van het model gelden: {fields}."},
    "muni_households": {"en": "Households", "nl": "Huishoudens"},
    "muni_composition": {"en": "Who rents", "nl": "Wie huurt"},
    "muni_money": {"en": "Rent and income", "nl": "Huur en inkomen"},
    "muni_services": {"en": "Local services (absolute numbers)", "nl": "Lokale voorzieningen (absolute aantallen)"},
    "muni_services_help": {"en": "Leave empty to keep the model's assumption. Applied to the baseline and to every "
                                 "scenario that does not change that lever itself.",
                           "nl": "Laat leeg om de aanname van het model te houden. Geldt voor het basisscenario en "
                                 "voor elk scenario dat die maatregel niet zelf verandert."},
    "muni_assumption": {"en": "Model assumption: {value} ({per10k} per 10,000 households).",
                        "nl": "Aanname van het model: {value} ({per10k} per 10.000 huishoudens)."},
    "muni_invalid": {"en": "These figures cannot be used yet:\n\n{error}",
                     "nl": "Deze cijfers zijn nog niet bruikbaar:\n\n{error}"},
    "muni_use": {"en": "Compare the policies for these figures", "nl": "Vergelijk het beleid voor deze cijfers"},
    "muni_in_use": {"en": "The comparison uses these figures.", "nl": "De vergelijking gebruikt deze cijfers."},
    "muni_not_in_use": {"en": "The results below are for {population}. Press the button to use your own figures.",
                        "nl": "De resultaten hieronder gelden voor {population}. Druk op de knop om uw eigen "
                              "cijfers te gebruiken."},
    "muni_results": {"en": "Outcomes for {households} rented households",
                     "nl": "Uitkomsten voor {households} huurhuishoudens"},
    "muni_rates": {"en": "Per 1,000 rented households", "nl": "Per 1.000 huurhuishoudens"},
    "muni_absolute": {"en": "In absolute numbers", "nl": "In absolute aantallen"},
    "muni_download": {"en": "Download these figures (.toml, for the command line)",
                      "nl": "Deze cijfers downloaden (.toml, voor de opdrachtregel)"},
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
    "local_option": {"en": "{name} ({kind}, {province})", "nl": "{name} ({kind}, {province})"},
    "local_estimated": {"en": "{name} ({code}, {province}): about {households} rented homes (estimated from its "
                              "inhabitants within its type's totals), shelter region {region} (estimated). CBS does "
                              "publish the real figures; see docs/data.md for the sources and how to replace them.",
                        "nl": "{name} ({code}, {province}): ongeveer {households} huurwoningen (geschat uit het "
                              "aantal inwoners binnen de totalen van het type), opvangregio {region} (geschat). "
                              "Het CBS publiceert de echte cijfers; zie docs/data.md voor de bronnen en hoe u ze "
                              "vervangt."},
    "local_few": {"en": "Fewer than {n} evictions in the run (hollow): rate rests on few cases",
                  "nl": "Minder dan {n} ontruimingen in de run (open): cijfer rust op weinig gevallen"},
    "local_few_note": {"en": "{count} of {total} municipalities had fewer than {n} evictions in this run: their rates "
                             "(hollow in the chart) rest on few cases, and a rate of 0 there says little.",
                       "nl": "{count} van de {total} gemeenten hadden minder dan {n} ontruimingen in deze run: hun "
                             "cijfers (open in de grafiek) rusten op weinig gevallen, en een cijfer van 0 zegt daar "
                             "weinig."},
    "local_col_events": {"en": "Your events behind the rate", "nl": "Uw gebeurtenissen achter het cijfer"},
    "local_col_few": {"en": "Few cases?", "nl": "Weinig gevallen?"},
    "local_strip_title": {"en": "Evictions per 1,000 rented households a year, every municipality",
                          "nl": "Ontruimingen per 1.000 huurhuishoudens per jaar, alle gemeenten"},
    "local_ylabel": {"en": "Evictions per 1,000 rented households a year",
                     "nl": "Ontruimingen per 1.000 huurhuishoudens per jaar"},
    "local_xlabel": {"en": "Municipalities, ranked from the lowest rate to the highest",
                     "nl": "Gemeenten, gerangschikt van het laagste naar het hoogste cijfer"},
    "local_others": {"en": "Other municipalities (grey circles)", "nl": "Andere gemeenten (grijze rondjes)"},
    "local_peers": {"en": "Same type: {kind} (dark triangles)", "nl": "Zelfde type: {kind} (donkere driehoeken)"},
    "local_own": {"en": "{name} (black diamond)", "nl": "{name} (zwarte ruit)"},
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


# A municipality's figures (fields of sim.pathway.population.Profile).
PROFILE_FIELDS = {
    "name": {"en": "Name", "nl": "Naam"},
    "corporation_households": {"en": "Corporation tenants (households)",
                               "nl": "Huurders van corporaties (huishoudens)"},
    "private_households": {"en": "Private-rent tenants (households)", "nl": "Particuliere huurders (huishoudens)"},
    "share_single": {"en": "Share single adults", "nl": "Aandeel alleenstaanden"},
    "share_couple": {"en": "Share couples without children", "nl": "Aandeel stellen zonder kinderen"},
    "share_single_parent": {"en": "Share single parents", "nl": "Aandeel eenoudergezinnen"},
    "share_couple_children": {"en": "Share couples with children", "nl": "Aandeel stellen met kinderen"},
    "children_one": {"en": "Families with one child (share)", "nl": "Gezinnen met één kind (aandeel)"},
    "children_two": {"en": "Families with two children (share)", "nl": "Gezinnen met twee kinderen (aandeel)"},
    "school_age_share": {"en": "Children of school age (share)", "nl": "Kinderen in de schoolleeftijd (aandeel)"},
    "rent_corporation_eur": {"en": "Median corporation rent (EUR/month)", "nl": "Mediane corporatiehuur (euro/maand)"},
    "rent_private_eur": {"en": "Median private rent (EUR/month)", "nl": "Mediane particuliere huur (euro/maand)"},
    "rent_spread": {"en": "Spread of rents (log-sd)", "nl": "Spreiding van de huren (log-sd)"},
    "kind": {"en": "Municipality type", "nl": "Type gemeente"},
    "region": {"en": "Shelter region (centrumgemeente)", "nl": "Opvangregio (centrumgemeente)"},
    "rehousing_factor": {"en": "How fast households find a new home (ratio)",
                         "nl": "Hoe snel huishoudens een nieuwe woning vinden (verhouding)"},
    "regular_wait_months": {"en": "Regular applicants' registration time at letting (months)",
                            "nl": "Inschrijfduur van reguliere woningzoekenden bij toewijzing (maanden)"},
    "homeless_families_other_per_10k_per_year": {
        "en": "Families homeless for other reasons than an eviction (per 10,000 households a year)",
        "nl": "Gezinnen dakloos om een andere reden dan een ontruiming (per 10.000 huishoudens per jaar)"},
    "income_level": {"en": "Tenants' earnings against the national level (ratio)",
                     "nl": "Inkomen van huurders ten opzichte van het landelijk niveau (verhouding)"},
    "outreach_practice": {"en": "Reach after a signal against the national average (ratio)",
                          "nl": "Bereik na een melding ten opzichte van het landelijk gemiddelde (verhouding)"},
    "acceptance_practice": {"en": "Help accepted against the national average (ratio)",
                            "nl": "Aanvaarding van hulp ten opzichte van het landelijk gemiddelde (verhouding)"},
    "alternative_offer_practice": {"en": "Alternative housing offered against the national average (ratio)",
                                   "nl": "Aanbod van vervangende woonruimte ten opzichte van het landelijk "
                                         "gemiddelde (verhouding)"},
}
# The form's three columns: a heading (a key of WORDS) and the figures under it; figures the
# model declares but no column names go in the last one.
FIGURE_COLUMNS = {"muni_households": ("name", "corporation_households", "private_households"),
                  "muni_composition": ("share_single", "share_couple", "share_single_parent", "share_couple_children",
                                       "children_one", "children_two", "school_age_share"),
                  "muni_money": ("rent_corporation_eur", "rent_private_eur", "rent_spread")}
