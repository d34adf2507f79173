"""Every word the dashboard shows, in English and Dutch, and numbers written the way each reads them.

The words shared by the pages live here (UI); each page's own live in its package
(app_pages/<page>/words.py) and are merged into UI, so that `t` finds every one. The dashboard's
words for the model's things (card names, units, verdicts, lever choices) are in i18n_model.py.
Outcome and lever labels are not kept here: the model declares them in both languages
(sim.OUTCOMES, sim.describe(sim.Policy)).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

from sim import OUTCOMES

from .app_pages.costs.words import WORDS as COSTS_WORDS
from .app_pages.explore.words import WORDS as EXPLORE_WORDS
from .app_pages.journeys.words import WORDS as JOURNEYS_WORDS
from .app_pages.municipality.words import WORDS as MUNICIPALITY_WORDS
from .i18n_model import CARD_LABELS, CHOICES, MONTHS, PARAMETER_UNITS, UNITS, VERDICTS

LANGUAGES = {"en": "English", "nl": "Nederlands"}
SIM_LABELS = {o.name: {"en": o.label, "nl": o.label_nl} for o in OUTCOMES}
SIM_UNITS = {o.name: o.unit for o in OUTCOMES}
SIM_KINDS = {o.name: o.kind for o in OUTCOMES}

# The outcomes on the headline cards: what happens to households and children, what it costs, and
# how much longer (or shorter) the regular applicants for a social home wait (lettings.py).
CARDS = ("evictions", "children_evicted", "homeless_households", "homeless_children", "children_separated",
         "school_changes", "cost_total_eur", "regular_wait_months")

# A symbol next to each verdict word, so the direction is never told by colour alone.
VERDICT_SYMBOLS = {"lower": "▼", "higher": "▲", "uncertain": "≈", "within noise": "≈", "no change": "=",
                   "baseline": "●"}

UI: dict[str, dict[str, str]] = {
    "app_title": {"en": "evictsim: eviction policy in the Netherlands",
                  "nl": "evictsim: huisuitzettingsbeleid in Nederland"},
    "page_compare": {"en": "Compare policies", "nl": "Beleid vergelijken"},
    "page_scorecard": {"en": "Rights scorecard", "nl": "Rechten-scorekaart"},
    "page_journeys": {"en": "Family journeys", "nl": "Gezinsverhalen"},
    "page_municipality": {"en": "My municipality", "nl": "Mijn gemeente"},
    "page_explore": {"en": "Explore sweeps and calibration", "nl": "Verkenningen en kalibratie"},
    "language": {"en": "Language", "nl": "Taal"},
    "address_dropped": {"en": "Parts of the address could not be used and were left out: {parts}. The view shows "
                              "the defaults instead.",
                        "nl": "Delen van het adres waren niet bruikbaar en zijn weggelaten: {parts}. De weergave "
                              "toont daar de standaardwaarden."},
    "presentation": {"en": "Presentation mode", "nl": "Presentatiemodus"},
    "presentation_help": {"en": "Large charts, few controls, sidebar folded away.",
                          "nl": "Grote grafieken, weinig knoppen, zijbalk ingeklapt."},
    "leave_presentation": {"en": "Leave presentation mode", "nl": "Presentatiemodus verlaten"},
    "settings": {"en": "Comparison", "nl": "Vergelijking"},
    "baseline": {"en": "Baseline", "nl": "Basisscenario"},
    "scenarios": {"en": "Scenarios to compare", "nl": "Te vergelijken scenario's"},
    "population": {"en": "Population", "nl": "Bevolking"},
    "replications": {"en": "Replications", "nl": "Herhalingen"},
    "replications_help": {"en": "Paired runs with the same seeds; more give narrower intervals but take longer.",
                          "nl": "Gepaarde runs met dezelfde seeds; meer geeft smallere intervallen maar duurt langer."},
    "posterior": {"en": "Draws of what we do not know", "nl": "Trekkingen van wat we niet weten"},
    "posterior_help": {"en": "Each draw runs every scenario in one plausible world: the calibrated parameters "
                             "taken together from the calibration's posterior, the policies' effect sizes from "
                             "their ranges. The intervals then cover that uncertainty too. 0 uses the calibrated "
                             "point: the intervals cover chance only.",
                       "nl": "Elke trekking draait alle scenario's in één aannemelijke wereld: de gekalibreerde "
                             "parameters samen uit de posterior van de kalibratie, de effectgroottes van de "
                             "maatregelen uit hun bandbreedte. De intervallen omvatten dan ook die onzekerheid. "
                             "Bij 0 geldt het gekalibreerde punt en dekken de intervallen alleen toeval."},
    "stale_calibration": {"en": "The model has changed since its calibration: results may not reproduce the Dutch "
                                "figures it was fitted to. Run `evictsim calibrate --check`.",
                          "nl": "Het model is veranderd sinds de kalibratie: de uitkomsten sluiten mogelijk niet meer "
                                "aan op de Nederlandse cijfers waarop het is gekalibreerd. Draai "
                                "`evictsim calibrate --check`."},
    "months": {"en": "Months simulated", "nl": "Gesimuleerde maanden"},
    "seed": {"en": "Seed", "nl": "Startgetal (seed)"},
    "more_settings": {"en": "Run length and seed", "nl": "Looptijd en startgetal"},
    "pop_small_town": {"en": "Small town · 8,000", "nl": "Kleine gemeente · 8.000"},
    "pop_medium_town": {"en": "Medium town · 40,000", "nl": "Middelgrote gemeente · 40.000"},
    "pop_large_city": {"en": "Large city · 320,000 (slow)", "nl": "Grote stad · 320.000 (traag)"},
    "pop_stored": {"en": "National (stored results)", "nl": "Landelijk (opgeslagen)"},
    "pop_custom": {"en": "My municipality", "nl": "Mijn gemeente"},
    "pop_national": {"en": "National · 342 municipalities · 3.5 million (slow: about 45 s per simulation)",
                     "nl": "Landelijk · 342 gemeenten · 3,5 miljoen (traag: ongeveer 45 s per simulatie)"},
    "national_time": {"en": "A national comparison runs {n} simulations of the whole country: about {minutes} "
                            "minutes on a 2-core machine. Fewer replications or draws make it quicker.",
                      "nl": "Een landelijke vergelijking draait {n} simulaties van het hele land: ongeveer "
                            "{minutes} minuten op een machine met 2 kernen. Minder herhalingen of trekkingen gaan "
                            "sneller."},
    "population_help": {"en": "Rented households. A national run simulates all 342 municipalities and is slow; "
                              "stored results are read as they were written.",
                        "nl": "Huurhuishoudens. Een landelijke run simuleert alle 342 gemeenten en is traag; "
                              "opgeslagen resultaten worden gelezen zoals ze zijn geschreven."},
    "stored_pick": {"en": "Stored comparison", "nl": "Opgeslagen vergelijking"},
    "stored_none": {"en": "No stored comparison under `{folder}` yet. A national run is too large to start from "
                          "the dashboard; make one with the command line, then reload this page:",
                    "nl": "Nog geen opgeslagen vergelijking in `{folder}`. Een landelijke run is te groot om vanuit "
                          "het dashboard te starten; maak er een met de opdrachtregel en laad deze pagina opnieuw:"},
    "stored_info": {"en": "Stored results: {scenarios}; {population}, {reps} replications of {months} months, "
                          "seed {seed}.",
                    "nl": "Opgeslagen resultaten: {scenarios}; {population}, {reps} herhalingen van {months} "
                          "maanden, seed {seed}."},
    "stored_error": {"en": "The stored results in `{folder}` cannot be read: {error}",
                     "nl": "De opgeslagen resultaten in `{folder}` zijn niet te lezen: {error}"},
    "custom_section": {"en": "Build your own scenario", "nl": "Stel zelf een scenario samen"},
    "custom_on": {"en": "Add a scenario of my own", "nl": "Voeg een eigen scenario toe"},
    "custom_from": {"en": "Start from", "nl": "Begin bij"},
    "custom_apply": {"en": "Apply levers", "nl": "Maatregelen toepassen"},
    "custom_title": {"en": "Own scenario", "nl": "Eigen scenario"},
    "custom_description": {"en": "Built from {base}; changed: {levers}.",
                           "nl": "Samengesteld vanuit {base}; gewijzigd: {levers}."},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "custom_changed": {"en": "Changed: {levers}", "nl": "Gewijzigd: {levers}"},
    "custom_unchanged": {"en": "No lever changed yet.", "nl": "Nog geen maatregel gewijzigd."},
    "model_default": {"en": "Model default: {value} ({unit}). Source: {source}.",
                      "nl": "Standaard in het model: {value} ({unit}). Bron: {source}."},
    "no_scenarios": {"en": "Pick at least one scenario to compare with the baseline (in the sidebar).",
                     "nl": "Kies minstens één scenario om met het basisscenario te vergelijken (in de zijbalk)."},
    "running": {"en": "Simulating {n} scenarios...", "nl": "{n} scenario's doorrekenen..."},
    "running_1": {"en": "Simulating 1 scenario...", "nl": "1 scenario doorrekenen..."},
    "choose": {"en": "Choose", "nl": "Kies"},
    "running_one": {"en": "Scenario {i} of {n}: {scenario}, simulation {done} of {total} ({months} months each)",
                    "nl": "Scenario {i} van {n}: {scenario}, simulatie {done} van {total} (elk {months} maanden)"},
    "ran": {"en": "Simulated {n} scenarios in {seconds} s", "nl": "{n} scenario's doorgerekend in {seconds} s"},
    "ran_1": {"en": "Simulated 1 scenario in {seconds} s", "nl": "1 scenario doorgerekend in {seconds} s"},
    "run_button": {"en": "Run", "nl": "Doorrekenen"},
    "run_help": {"en": "Changes in the sidebar take effect when you press Run.",
                 "nl": "Wijzigingen in de zijbalk gaan in als u op Doorrekenen drukt."},
    "pending": {"en": "The settings have changed. Press **Run** to simulate them; until then the page shows the "
                      "previous comparison.",
                "nl": "De instellingen zijn gewijzigd. Druk op **Doorrekenen** om ze door te rekenen; tot dan "
                      "toont de pagina de vorige vergelijking."},
    "first_look": {"en": "**First look, while the full comparison is simulated:** one replication at the "
                         "calibrated point, so no interval and chance alone can move it. The full comparison "
                         "({reps} replications in each of {draws} draws) replaces it when it is done.",
                   "nl": "**Eerste indruk, terwijl de volledige vergelijking wordt doorgerekend:** één herhaling met "
                         "het gekalibreerde punt, dus zonder interval en toeval alleen kan haar verschuiven. "
                         "De volledige vergelijking ({reps} herhalingen in elk van {draws} trekkingen) vervangt haar "
                         "als die klaar is."},
    "not_run_yet": {"en": "Nothing has been simulated yet. Check the settings in the sidebar and press **Run**: "
                          "nothing runs before you do.",
                    "nl": "Er is nog niets doorgerekend. Controleer de instellingen in de zijbalk en druk op "
                          "**Doorrekenen**: er wordt pas gerekend als u dat doet."},
    "run_error": {"en": "These settings cannot be run: {error}",
                  "nl": "Met deze instellingen kan niet gerekend worden: {error}"},
    "compare_title": {"en": "Compare policies", "nl": "Beleid vergelijken"},
    "compare_intro": {"en": "Each scenario against **{baseline}**, {population}: yearly figures, the paired difference "
                            "and its 90 % interval over {reps} replications.",
                      "nl": "Elk scenario tegen **{baseline}**, {population}: cijfers per jaar, het gepaarde verschil "
                            "en het 90%-interval over {reps} herhalingen."},
    "vs": {"en": "{scenario} against {baseline}", "nl": "{scenario} tegen {baseline}"},
    "per_year": {"en": "{unit} per year", "nl": "{unit} per jaar"},
    "million": {"en": " m", "nl": " mln"},
    "per_month": {"en": "{unit} per month", "nl": "{unit} per maand"},
    "on_average": {"en": "{unit}, monthly average", "nl": "{unit}, gemiddeld per maand"},
    "interval_line": {"en": "90 % interval {span} · {verdict}", "nl": "90%-interval {span} · {verdict}"},
    "baseline_level": {"en": "Baseline: {value}", "nl": "Basis: {value}"},
    "verdicts_explained": {"en": "**▼ lower** or **▲ higher**: the whole 90 % interval lies below or above zero. "
                                 "**≈ uncertain**: the interval includes zero, so the simulation cannot tell "
                                 "whether the policy lowers or raises this figure. **= no change**: every "
                                 "replication gave exactly the same figure.",
                           "nl": "**▼ lager** of **▲ hoger**: het hele 90%-interval ligt onder of boven nul. "
                                 "**≈ onzeker**: het interval omvat nul, dus de simulatie kan niet zeggen of het "
                                 "beleid dit cijfer verlaagt of verhoogt. **= geen verandering**: elke herhaling "
                                 "gaf precies hetzelfde cijfer."},
    "share_counts": {"en": "{events} of {cases}", "nl": "{events} van {cases}"},
    "ratio_counts": {"en": "{events} evictions in the group", "nl": "{events} ontruimingen in de groep"},
    "few_cases": {"en": "few cases, read with care", "nl": "weinig gevallen, voorzichtig lezen"},
    "few_cases_note": {"en": "rests on fewer than 20 cases (a ratio: on fewer than 20 evictions): read with care",
                       "nl": "rust op minder dan 20 gevallen (een verhouding: op minder dan 20 ontruimingen): "
                             "voorzichtig lezen"},
    "set_by_scenario": {"en": "set by the scenario", "nl": "ingesteld door het scenario"},
    "col_basis": {"en": "Basis", "nl": "Grondslag"},
    "col_set_by": {"en": "Set by", "nl": "Ingesteld door"},
    "basis_mechanism": {"en": "result of the model", "nl": "uitkomst van het model"},
    "basis_input": {"en": "set by the scenario", "nl": "ingesteld door het scenario"},
    "scorecard_covers": {"en": "Each share counts the simulated cases over all replications and reported years "
                               "(\"12 of 40\": 12 events in a cohort of 40). Its 90 % interval covers simulation "
                               "noise only; a share that rests on fewer than 20 cases, or a ratio on fewer than 20 "
                               "evictions, is marked. An indicator that "
                               "only restates what the scenario sets (legal aid, appearance, children heard, "
                               "housing in view under a duty) reads \"set by the scenario\".",
                         "nl": "Elk aandeel telt de gesimuleerde gevallen over alle herhalingen en gerapporteerde "
                               "jaren (\"12 van 40\": 12 gebeurtenissen in een groep van 40). Het 90%-interval "
                               "geeft alleen de toevalsvariatie van de simulatie weer; een aandeel dat op minder "
                               "dan 20 gevallen rust, of een verhouding op minder dan 20 ontruimingen, is "
                               "gemarkeerd. Een indicator die alleen herhaalt wat het "
                               "scenario instelt (rechtshulp, verschijnen, kinderen gehoord, woonruimte in zicht "
                               "bij een huisvestingsplicht) staat er als \"ingesteld door het scenario\"."},
    "over_time": {"en": "Over time", "nl": "In de tijd"},
    "outcome": {"en": "Outcome", "nl": "Uitkomst"},
    "forest_title": {"en": "Difference against the baseline", "nl": "Verschil met het basisscenario"},
    "forest_xlabel": {"en": "change against the baseline (%), with its 90 % interval; -100 % means none left",
                      "nl": "verandering ten opzichte van het basisscenario (%), met het 90%-interval; -100% "
                            "betekent: geen meer"},
    "forest_right": {"en": "right: the difference a year [90 % interval]; * fewer than 5 a year in the baseline",
                     "nl": "rechts: het verschil per jaar [90%-interval]; * minder dan 5 per jaar in het "
                           "basisscenario"},
    "no_cases_baseline": {"en": "none in the baseline", "nl": "geen in het basisscenario"},
    "year": {"en": "year", "nl": "jaar"},
    "month": {"en": "month", "nl": "maand"},
    "headline_table": {"en": "Headline table", "nl": "Kerntabel"},
    "downloads": {"en": "Download the comparison", "nl": "Vergelijking downloaden"},
    "pdf": {"en": "PDF brief", "nl": "PDF-notitie"},
    "pptx": {"en": "Slide deck (PPTX)", "nl": "Presentatie (PPTX)"},
    "png": {"en": "PNG", "nl": "PNG"},
    "svg": {"en": "SVG", "nl": "SVG"},
    "csv": {"en": "CSV", "nl": "CSV"},
    "col_scenario": {"en": "scenario", "nl": "scenario"},
    "col_outcome": {"en": "outcome", "nl": "uitkomst"},
    "col_unit": {"en": "unit", "nl": "eenheid"},
    "col_baseline": {"en": "baseline", "nl": "basis"},
    "col_value": {"en": "value", "nl": "waarde"},
    "col_diff": {"en": "difference", "nl": "verschil"},
    "col_low": {"en": "90 % low", "nl": "90% onder"},
    "col_high": {"en": "90 % high", "nl": "90% boven"},
    "col_low_noise": {"en": "90 % low, noise only", "nl": "90% onder, alleen toeval"},
    "col_high_noise": {"en": "90 % high, noise only", "nl": "90% boven, alleen toeval"},
    "col_verdict": {"en": "verdict", "nl": "oordeel"},
    "col_event": {"en": "event", "nl": "gebeurtenis"},
    "col_detail": {"en": "detail", "nl": "detail"},
    "col_month": {"en": "month", "nl": "maand"},
    "col_number": {"en": "no.", "nl": "nr."},
    "col_obligation": {"en": "obligation", "nl": "verplichting"},
    "col_indicator": {"en": "indicator", "nl": "indicator"},
    "col_interval": {"en": "90 % interval", "nl": "90%-interval"},
    "col_better": {"en": "better when", "nl": "beter als"},
    "col_explanation": {"en": "what it means", "nl": "wat het betekent"},
    "col_per_1000": {"en": "per 1,000 households", "nl": "per 1.000 huishoudens"},
    "col_per_year": {"en": "per year (or monthly average)", "nl": "per jaar (of maandgemiddelde)"},
    "better_lower": {"en": "▼ lower is better", "nl": "▼ lager is beter"},
    "better_higher": {"en": "▲ higher is better", "nl": "▲ hoger is beter"},
    "no_cases": {"en": "no cases", "nl": "geen gevallen"},
    "scorecard_title": {"en": "Rights scorecard", "nl": "Rechten-scorekaart"},
    "scorecard_intro": {"en": "The eight obligations named by the Nationale ombudsman and the Kinderombudsman "
                              "(2023), each with an indicator from the simulation and its 90 % interval over "
                              "replications.",
                        "nl": "De acht verplichtingen die de Nationale ombudsman en de Kinderombudsman (2023) "
                              "noemen, elk met een indicator uit de simulatie en het 90%-interval over herhalingen."},
    "family_shelter_places": {"en": "Family shelter places", "nl": "Plaatsen in de gezinsopvang"},
    "night_shelter_places": {"en": "Night shelter places", "nl": "Plaatsen in de nachtopvang"},
    "debt_help_intakes": {"en": "Debt-help intakes per month", "nl": "Intakes schuldhulp per maand"},
    "stamp": {"en": "evictsim {version} · {date} · seed {seed} · {scenarios}",
              "nl": "evictsim {version} · {date} · startgetal {seed} · {scenarios}"},
    "deck_title": {"en": "Eviction policy compared", "nl": "Huisuitzettingsbeleid vergeleken"},
    "deck_subtitle": {"en": "{scenarios} against {baseline} · {population}",
                      "nl": "{scenarios} tegen {baseline} · {population}"},
    "deck_headline": {"en": "Headline outcomes per year", "nl": "Kernuitkomsten per jaar"},
    "deck_forest": {"en": "Difference against the baseline", "nl": "Verschil met het basisscenario"},
    "deck_timeseries": {"en": "Over time: {outcome}", "nl": "In de tijd: {outcome}"},
    "deck_scorecard": {"en": "Rights scorecard", "nl": "Rechten-scorekaart"},
    "brief_meta": {"en": "Population: {population}\nReplications: {reps} of {months} months\nSeed: {seed}\n"
                         "Version: evictsim {version}\nDate: {date}",
                   "nl": "Bevolking: {population}\nHerhalingen: {reps} van {months} maanden\nStartgetal: {seed}\n"
                         "Versie: evictsim {version}\nDatum: {date}"},
    "summary_opening": {"en": "Each policy was simulated against {baseline} for {population}, over {years} years "
                              "with {reps} paired replications (the same households with the same luck under "
                              "every policy).",
                        "nl": "Elk beleid is gesimuleerd tegen {baseline} voor {population}, over {years} jaar "
                              "met {reps} gepaarde herhalingen (dezelfde huishoudens met hetzelfde toeval onder "
                              "elk beleid)."},
    "caveat_model": {"en": "evictsim is a model: its figures show the direction and rough size of a policy's "
                           "effect under the model's assumptions, not a forecast. Effects of policies that have not "
                           "been tried in the Netherlands rest on assumptions that are documented per parameter.",
                     "nl": "evictsim is een model: de cijfers tonen de richting en de orde van grootte van het "
                           "effect van beleid onder de aannamen van het model, geen voorspelling. Effecten van "
                           "beleid dat in Nederland nog niet is geprobeerd, rusten op aannamen die per parameter "
                           "zijn vastgelegd."},
    "caveat_small": {"en": "In a small municipality some outcomes rest on a handful of cases a year; read them "
                           "with their interval and the counts behind them.",
                     "nl": "In een kleine gemeente rusten sommige uitkomsten op een handvol gevallen per jaar; lees "
                           "ze met hun interval en de aantallen waarop ze rusten."},
    "method_text": {"en": "Method: an agent-based simulation of the eviction sieve, month by month, for {population}; "
                          "{reps} paired replications of {months} months per policy, seed {seed}, evictsim {version} "
                          "(commit {commit}). Differences are paired per replication; {interval}",
                    "nl": "Methode: een agentgebaseerde simulatie van de ontruimingszeef, maand voor maand, voor "
                          "{population}; {reps} gepaarde herhalingen van {months} maanden per beleid, startgetal "
                          "{seed}, evictsim {version} (commit {commit}). Verschillen zijn per herhaling gepaard; "
                          "{interval}"},
    "method_interval_noise": {"en": "their 90 % interval is a t-interval over the replications (simulation noise "
                                    "only).",
                              "nl": "hun 90%-interval is een t-interval over de herhalingen (alleen toeval)."},
    "method_interval_draws": {"en": "their 90 % interval combines a t-interval over the replications within each "
                                    "draw (noise) with the spread between {draws} joint draws of the calibrated "
                                    "parameters and the policies' effect sizes.",
                              "nl": "hun 90%-interval combineert een t-interval over de herhalingen binnen elke "
                                    "trekking (toeval) met de spreiding tussen {draws} gezamenlijke trekkingen van "
                                    "de gekalibreerde parameters en de effectgroottes van de maatregelen."},
    "reproduce": {"en": "Reproduce this", "nl": "Zelf narekenen"},
    "reproduce_intro": {"en": "The same comparison from the command line, and the same table in Python: the same "
                              "seeds, replications and draws of what we do not know. A scenario built from levers "
                              "is the scenario file below; your own figures are the profile file that My "
                              "municipality downloads. Run it in the folder of evictsim, with the files next to it.",
                        "nl": "Dezelfde vergelijking vanaf de opdrachtregel, en dezelfde tabel in Python: dezelfde "
                              "startgetallen, herhalingen en trekkingen van wat we niet weten. Een zelf "
                              "samengesteld scenario is het scenariobestand hieronder; eigen cijfers zijn het "
                              "profielbestand dat Mijn gemeente downloadt. Draai het in de map van evictsim, met "
                              "de bestanden ernaast."},
    "deck_key_message": {"en": "Key message", "nl": "Kernboodschap"},
    "deck_summary": {"en": "Summary", "nl": "Samenvatting"},
    "deck_caveats": {"en": "Caveats", "nl": "Kanttekeningen"},
    "deck_method": {"en": "Method", "nl": "Methode"},
    "deck_headline_of": {"en": "{scenario}: outcomes per year", "nl": "{scenario}: uitkomsten per jaar"},
    "deck_forest_of": {"en": "{scenario}: change against the baseline",
                       "nl": "{scenario}: verschil met het basisscenario"},
    "deck_scorecard_part": {"en": "Rights scorecard ({part} of {parts})", "nl": "Rechten-scorekaart ({part} van "
                                                                                "{parts})"},
    "alt_forest": {"en": "Forest plot of the change against the baseline. {numbers}",
                   "nl": "Forest plot van de verandering ten opzichte van het basisscenario. {numbers}"},
    "alt_timeseries": {"en": "Line chart of {outcome} per year for {scenarios}. {numbers}",
                       "nl": "Lijngrafiek van {outcome} per jaar voor {scenarios}. {numbers}"},
    "col_difference_interval": {"en": "difference [90 % interval]", "nl": "verschil [90%-interval]"},
    "col_events": {"en": "events", "nl": "gebeurtenissen"},
    "col_cases": {"en": "cases", "nl": "gevallen"},
    "col_value_share": {"en": "value", "nl": "waarde"},
    "col_key": {"en": "key", "nl": "sleutel"},
    "unit_share": {"en": "share (0-1)", "nl": "aandeel (0-1)"},
    "unit_ratio": {"en": "ratio (1 = equal)", "nl": "verhouding (1 = gelijk)"},
    "col_unit_kind": {"en": "unit", "nl": "eenheid"},
    "breakdowns": {"en": "Breakdowns", "nl": "Uitsplitsingen"},
    "breakdown_payer": {"en": "Cost by who pays", "nl": "Kosten naar wie betaalt"},
    "breakdown_landlord": {"en": "Evictions by landlord type", "nl": "Ontruimingen naar soort verhuurder"},
    "breakdown_household": {"en": "Evictions by household type (of all evictions; groups overlap)",
                            "nl": "Ontruimingen naar soort huishouden (van alle ontruimingen; groepen overlappen)"},
    "breakdown_municipality": {"en": "Evictions a year by municipality type",
                               "nl": "Ontruimingen per jaar naar type gemeente"},
    "totals_title": {"en": "Totals over 5 and 10 years", "nl": "Totalen over 5 en 10 jaar"},
    "totals_intro": {"en": "The difference against the baseline added up over the first 5 and 10 years of the runs "
                           "(counted from the simulated months, with its 90 % interval); a run shorter than the "
                           "period has no total for it.",
                     "nl": "Het verschil met het basisscenario opgeteld over de eerste 5 en 10 jaar van de runs "
                           "(geteld uit de gesimuleerde maanden, met het 90%-interval); een run die korter is dan de "
                           "periode heeft daarvoor geen totaal."},
    "col_per_year_diff": {"en": "difference a year", "nl": "verschil per jaar"},
    "col_total_years": {"en": "difference over {years} years", "nl": "verschil over {years} jaar"},
    "col_total_low": {"en": "over {years} years: 90 % low", "nl": "over {years} jaar: 90% onder"},
    "col_total_high": {"en": "over {years} years: 90 % high", "nl": "over {years} jaar: 90% boven"},
    "col_kind": {"en": "municipality type", "nl": "type gemeente"},
    "col_evictions_year": {"en": "evictions a year", "nl": "ontruimingen per jaar"},
    "run_too_short": {"en": "– (run shorter)", "nl": "– (run korter)"},
    "alt_breakdown": {"en": "Bar chart: {title}. {numbers}", "nl": "Staafdiagram: {title}. {numbers}"},
    "meta_version": {"en": "evictsim version", "nl": "evictsim-versie"},
    "meta_commit": {"en": "commit", "nl": "commit"},
    "meta_baseline": {"en": "baseline", "nl": "basisscenario"},
    "meta_scenarios": {"en": "scenarios", "nl": "scenario's"},
    "meta_seed": {"en": "seed", "nl": "startgetal (toeval)"},
    "meta_population": {"en": "population", "nl": "bevolking"},
    "meta_replications": {"en": "replications", "nl": "herhalingen"},
    "meta_months": {"en": "months", "nl": "maanden"},
    "meta_date": {"en": "date", "nl": "datum"},
    "meta_draws": {"en": "posterior draws", "nl": "trekkingen uit de kalibratie"},
    "meta_covers": {"en": "intervals cover", "nl": "intervallen omvatten"},
    "covers_noise": {"en": "simulation noise", "nl": "toevalsvariatie van de simulatie"},
    "covers_parameters": {"en": "simulation noise and parameter uncertainty",
                          "nl": "toevalsvariatie van de simulatie en onzekerheid in de parameters"},
}
for _page_words in (COSTS_WORDS, EXPLORE_WORDS, JOURNEYS_WORDS, MUNICIPALITY_WORDS):
    UI.update(_page_words)


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when a Dutch one is missing), filled with `values`."""
    entry = UI[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def translator(lang: str) -> Callable[..., str]:
    """`t` bound to one language, for pages that use many strings."""
    return lambda key, **values: t(key, lang, **values)


def word(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """`key` from one of the word tables (places, lever groups, ...), or the key itself."""
    entry = table.get(key)
    return (entry.get(lang) or entry["en"]) if entry else key


def scenario_title(name: str, lang: str) -> str:
    """A scenario's title in people's words, as its file declares it (its name where none is declared);
    the scenario built from levers on the page is "Own scenario"."""
    if name == "custom":
        return t("custom_title", lang)
    title = _scenario_words(name)[0]
    return title.get(lang) or title.get("en") or name


def scenario_summary(name: str, lang: str) -> str | None:
    """A scenario's one-line summary as its file declares it, or None where it declares none."""
    summary = _scenario_words(name)[1]
    return summary.get(lang) or summary.get("en")


@functools.cache
def _scenario_words(name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The title and summary a scenario file declares (empty for a name that is no scenario file)."""
    from sim import load_scenario

    try:
        scenario = load_scenario(name)
    except (ValueError, OSError):  # ScenarioError: e.g. "custom", built from levers on the page
        return {}, {}
    return scenario.title, scenario.summary


def outcome_label(name: str, lang: str) -> str:
    """An outcome's label in `lang`, as the model declares it (the name itself for no outcome)."""
    return SIM_LABELS[name][lang] if name in SIM_LABELS else name


def unit_label(name: str, lang: str) -> str:
    """The outcome's unit and whether it is a yearly count or a monthly average."""
    unit = UNITS.get(SIM_UNITS.get(name, ""), {}).get(lang, SIM_UNITS.get(name, ""))
    return t("per_year" if SIM_KINDS.get(name) == "flow" else "on_average", lang, unit=unit)


def parameter_unit(unit: str, lang: str) -> str:
    """A lever's or profile figure's unit in words ("kans", "plaatsen per 10.000 huishoudens")."""
    return word(PARAMETER_UNITS, unit, lang) if unit else "–"


SOURCE_KEYS = re.compile(r"\[[A-Za-z0-9]+\]")
SOURCE_RANGE = re.compile(r"range ([-\d.,]+ ?- ?[-\d.,]+)")


def source_text(source: str, lang: str) -> str:
    """Where a value comes from. The model writes its sources in English; in Dutch the help says
    what matters in Dutch: the source keys ([CBS1], see docs/model.md), whether it is an assumption
    and its range."""
    if lang != "nl" or not source:
        return source or "–"
    parts = ["aanname"] if "assumption" in source else []
    found = SOURCE_RANGE.search(source)
    if found:
        parts.append("bereik " + found.group(1).replace(".", ","))
    keys = "".join(SOURCE_KEYS.findall(source))
    return ", ".join([*parts, *([keys] if keys else [])]) or "zie docs/model.md"


def verdict_text(verdict: str, lang: str) -> str:
    """The verdict in words, with a symbol for its direction."""
    word = VERDICTS.get(verdict, {}).get(lang, verdict)
    symbol = VERDICT_SYMBOLS.get(verdict)
    return f"{symbol} {word}" if symbol else word


def number(value: float, lang: str, signed: bool = False, euro: bool = False) -> str:
    """A number as people read it: no decimals from 10 on, Dutch separators in Dutch, '–' for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    decimals = 0 if abs(value) >= 10 or value == 0 or isinstance(value, int) else 1
    text = f"{value:{'+' if signed and value != 0 else ''},.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    if not euro:
        return text
    # The sign goes first ("-€ 80"), so that readers and st.metric see the direction.
    sign = text[0] if text[0] in "+-" else ""
    return f"{sign}€ {text[len(sign):]}"


def outcome_number(name: str, value: float, lang: str, signed: bool = False, short: bool = False) -> str:
    """A value of an outcome, with a euro sign for costs; `short` writes millions as "€ 266.1 m"."""
    euro = SIM_UNITS.get(name) == "EUR"
    if short and euro and not math.isnan(value) and abs(value) >= 1e6:
        return number(value / 1e6, lang, signed, euro=True) + t("million", lang)
    return number(value, lang, signed, euro=euro)


def children(count: int | str, lang: str) -> str:
    """A number of children in words: "1 child", "3 children" ("1 kind", "3 kinderen")."""
    n = int(count) if str(count).strip().isdigit() else count
    one, many = {"en": ("child", "children"), "nl": ("kind", "kinderen")}[lang]
    return f"{n} {one if n == 1 else many}"


def span(low: str, high: str, lang: str) -> str:
    """An interval of two written numbers; ';' in Dutch, where ',' is the decimal sign."""
    return f"[{low}{'; ' if lang == 'nl' else ', '}{high}]"


def share(value: float, lang: str) -> str:
    """A share (0-1) as a percentage."""
    if value is None or math.isnan(value):
        return "–"
    return number(100 * value, lang).rstrip() + " %"


__all__ = ["CARDS", "CARD_LABELS", "CHOICES", "LANGUAGES", "MONTHS", "number", "outcome_label", "outcome_number",
           "share", "span", "t", "translator", "unit_label", "verdict_text", "word"]
