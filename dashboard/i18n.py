"""Every word the dashboard shows, in English and Dutch, and numbers written the way each reads them.

The UI strings live here; words for the model's own things (Dutch outcome labels, units, levers,
places, the family story) live in i18n_model.py. English outcome labels come from the model's
own declarations (sim.pathway.outcomes).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from sim.pathway.outcomes import OUTCOMES

from .i18n_local import LOCAL_UI
from .i18n_model import (CARD_LABELS, CHOICES, COMPOSITIONS, GROUPS, LEVERS, MONTHS, OUTCOMES_NL, PLACES,
                         PROFILE_FIELDS, SHORT, STORY, UNITS, VERDICTS)

LANGUAGES = {"en": "English", "nl": "Nederlands"}
SIM_LABELS = {o.name: o.label for o in OUTCOMES}
SIM_UNITS = {o.name: o.unit for o in OUTCOMES}
SIM_KINDS = {o.name: o.kind for o in OUTCOMES}

# The outcomes on the headline cards: what happens to households and children, and what it costs.
CARDS = ("evictions", "children_evicted", "homeless_households", "homeless_children", "children_separated",
         "school_changes", "cost_total_eur")

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
                             "their ranges. The intervals then cover that uncertainty too. 0 uses the calibration's "
                             "medians: the intervals cover chance only.",
                       "nl": "Elke trekking draait alle scenario's in één aannemelijke wereld: de gekalibreerde "
                             "parameters samen uit de posterior van de kalibratie, de effectgroottes van de "
                             "maatregelen uit hun bandbreedte. De intervallen omvatten dan ook die onzekerheid. "
                             "Bij 0 gelden de medianen van de kalibratie en dekken de intervallen alleen toeval."},
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
    "custom_name": {"en": "custom", "nl": "custom"},
    "custom_changed": {"en": "Changed: {levers}", "nl": "Gewijzigd: {levers}"},
    "custom_unchanged": {"en": "No lever changed yet.", "nl": "Nog geen maatregel gewijzigd."},
    "model_default": {"en": "Model default: {value} ({unit}). Source: {source}.",
                      "nl": "Standaard in het model: {value} ({unit}). Bron: {source}."},
    "no_scenarios": {"en": "Pick at least one scenario to compare with the baseline (in the sidebar).",
                     "nl": "Kies minstens één scenario om met het basisscenario te vergelijken (in de zijbalk)."},
    "running": {"en": "Simulating {n} run(s)...", "nl": "{n} run(s) simuleren..."},
    "running_one": {"en": "Scenario {i} of {n}: {scenario}, simulation {done} of {total} ({months} months each)",
                    "nl": "Scenario {i} van {n}: {scenario}, simulatie {done} van {total} (elk {months} maanden)"},
    "ran": {"en": "Simulated {n} run(s) in {seconds} s", "nl": "{n} run(s) gesimuleerd in {seconds} s"},
    "run_button": {"en": "Run", "nl": "Doorrekenen"},
    "run_help": {"en": "Changes in the sidebar take effect when you press Run.",
                 "nl": "Wijzigingen in de zijbalk gaan in als u op Doorrekenen drukt."},
    "pending": {"en": "The settings have changed. Press **Run** to simulate them; until then the page shows the "
                      "previous comparison.",
                "nl": "De instellingen zijn gewijzigd. Druk op **Doorrekenen** om ze door te rekenen; tot dan "
                      "toont de pagina de vorige vergelijking."},
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
    "scorecard_covers": {"en": "Each share counts the simulated cases over all replications and reported years "
                               "(\"12 of 40\": 12 events in a cohort of 40). Its 90 % interval covers simulation "
                               "noise only; a share that rests on fewer than 20 cases is marked.",
                         "nl": "Elk aandeel telt de gesimuleerde gevallen over alle herhalingen en gerapporteerde "
                               "jaren (\"12 van 40\": 12 gebeurtenissen in een groep van 40). Het 90%-interval "
                               "geeft alleen de toevalsvariatie van de simulatie weer; een aandeel dat op minder "
                               "dan 20 gevallen rust, is gemarkeerd."},
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
    "month_of_report": {"en": "Month of the report (− months before it starts; dashed line: its start)",
                        "nl": "Maand van de rapportageperiode (− maanden ervoor; stippellijn: het begin)"},
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
    "journeys_title": {"en": "Family journeys", "nl": "Gezinsverhalen"},
    "journeys_intro": {"en": "Simulated families with children who reached court. The same family has the same luck "
                             "under every policy, so its story can be compared.",
                       "nl": "Gesimuleerde gezinnen met kinderen die bij de rechter kwamen. Hetzelfde gezin heeft "
                             "onder elk beleid hetzelfde geluk, dus zijn verhaal is te vergelijken."},
    "family": {"en": "Family", "nl": "Gezin"},
    "family_label": {"en": "{mark} · run {rep} · no. {hh} · {composition}, {children} · {end}",
                     "nl": "{mark} · run {rep} · nr. {hh} · {composition}, {children} · {end}"},
    "no_families": {"en": "No family with children reached court in this run. Try more replications or a larger "
                          "population.",
                    "nl": "In deze run kwam geen gezin met kinderen bij de rechter. Probeer meer herhalingen of "
                          "een grotere bevolking."},
    "other_scenario": {"en": "Compare with", "nl": "Vergelijk met"},
    "families_differ": {"en": "≠: the family's path differs between {base} and {other} ({n} of {total} families; "
                              "they come first). The ending named is the one under {base}.",
                        "nl": "≠: het verloop voor het gezin verschilt tussen {base} en {other} ({n} van de {total} "
                              "gezinnen; die staan bovenaan). Het genoemde einde is dat onder {base}."},
    "not_followed": {"en": "Under {scenario} this family never reached court, so its story was not followed.",
                     "nl": "Onder {scenario} kwam dit gezin nooit bij de rechter, dus zijn verhaal is niet gevolgd."},
    "story": {"en": "The story", "nl": "Het verhaal"},
    "timeline_title": {"en": "Family no. {hh} under {scenario}", "nl": "Gezin nr. {hh} onder {scenario}"},
    "events_table": {"en": "Events", "nl": "Gebeurtenissen"},
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
    "family_shelter_places": {"en": "Family shelter places", "nl": "Plaatsen in de gezinsopvang"},
    "night_shelter_places": {"en": "Night shelter places", "nl": "Plaatsen in de nachtopvang"},
    "debt_help_intakes": {"en": "Debt-help intakes per month", "nl": "Intakes schuldhulp per maand"},
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
                   "nl": "Bevolking: {population}\nHerhalingen: {reps} van {months} maanden\nSeed: {seed}\n"
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
                          "(commit {commit}). Differences are paired per replication; their 90 % interval is a "
                          "t-interval over the replications.",
                    "nl": "Methode: een agentgebaseerde simulatie van de ontruimingszeef, maand voor maand, voor "
                          "{population}; {reps} gepaarde herhalingen van {months} maanden per beleid, startgetal {seed}, "
                          "evictsim {version} (commit {commit}). Verschillen zijn per herhaling gepaard; hun "
                          "90%-interval is een t-interval over de herhalingen."},
    "reproduce": {"en": "Reproduce this", "nl": "Zelf narekenen"},
    "reproduce_intro": {"en": "The same comparison from the command line, and the same table in Python (a scenario "
                              "built from levers must first be saved as a scenario file; your own figures are the "
                              "profile file that My municipality downloads):",
                        "nl": "Dezelfde vergelijking vanaf de opdrachtregel, en dezelfde tabel in Python (een "
                              "zelf samengesteld scenario moet eerst als scenariobestand worden opgeslagen; eigen "
                              "cijfers zijn het profielbestand dat Mijn gemeente downloadt):"},
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
    "meta_version": {"en": "evictsim version", "nl": "evictsim-versie"},
    "meta_commit": {"en": "commit", "nl": "commit"},
    "meta_baseline": {"en": "baseline", "nl": "basisscenario"},
    "meta_scenarios": {"en": "scenarios", "nl": "scenario's"},
    "meta_seed": {"en": "seed", "nl": "seed (startgetal toeval)"},
    "meta_population": {"en": "population", "nl": "bevolking"},
    "meta_replications": {"en": "replications", "nl": "herhalingen"},
    "meta_months": {"en": "months", "nl": "maanden"},
    "meta_date": {"en": "date", "nl": "datum"},
    "meta_draws": {"en": "posterior draws", "nl": "trekkingen uit de kalibratie"},
    "meta_covers": {"en": "intervals cover", "nl": "intervallen omvatten"},
    # -- explore sweeps and calibration --
    "explore_title": {"en": "Explore sweeps and calibration", "nl": "Verkenningen en kalibratie"},
    "explore_intro": {"en": "Stored parameter sweeps and sensitivity analyses, made with the command line, and how "
                            "well the calibrated model reproduces the Dutch figures.",
                      "nl": "Opgeslagen parameterverkenningen en gevoeligheidsanalyses, gemaakt met de opdrachtregel, "
                            "en hoe goed het gekalibreerde model de Nederlandse cijfers nabootst."},
    "explore_sweeps": {"en": "Sweeps", "nl": "Verkenningen"},
    "explore_pick": {"en": "Stored sweep", "nl": "Opgeslagen verkenning"},
    "explore_none": {"en": "No stored sweep under `{folder}` yet. A sweep runs a model over a range of parameter "
                           "values; make one with the command line (under a minute), then reload this page:",
                     "nl": "Nog geen opgeslagen verkenning in `{folder}`. Een verkenning draait het model over een "
                           "reeks parameterwaarden; maak er een met de opdrachtregel (minder dan een minuut) en laad "
                           "deze pagina opnieuw:"},
    "explore_sensitivity_hint": {"en": "A sensitivity analysis (which parameters matter most) is made the same way:",
                                 "nl": "Een gevoeligheidsanalyse (welke parameters het meest uitmaken) maakt u op "
                                       "dezelfde manier:"},
    "explore_missing": {"en": "`{folder}`: {what} is missing, so this part is not shown.",
                        "nl": "`{folder}`: {what} ontbreekt, dus dit deel wordt niet getoond."},
    "explore_corrupt": {"en": "`{folder}`: {what} cannot be read ({detail}); it is left out.",
                        "nl": "`{folder}`: {what} is niet te lezen ({detail}); het blijft buiten beschouwing."},
    "explore_stray": {"en": "`{folder}`: {what} holds files that are not runs ({detail}); they are ignored.",
                      "nl": "`{folder}`: {what} bevat bestanden die geen runs zijn ({detail}); ze worden genegeerd."},
    "explore_no_column": {"en": "`{folder}`: the runs in {what} have no column `{detail}`.",
                          "nl": "`{folder}`: de runs in {what} hebben geen kolom `{detail}`."},
    "explore_no_runs": {"en": "No runs can be shown from `{folder}` (none stored yet, or none readable).",
                        "nl": "Er zijn geen runs te tonen uit `{folder}` (nog niets opgeslagen, of niets leesbaar)."},
    "explore_spec": {"en": "The sweep in brief", "nl": "De verkenning in het kort"},
    "explore_spec_design": {"en": "{design} on scenario **{scenario}**, population {population}, {months} months after "
                                  "a {warmup}-month warm-up, seed {seed}.",
                            "nl": "{design} op scenario **{scenario}**, bevolking {population}, {months} maanden na "
                                  "een aanloop van {warmup} maanden, seed {seed}."},
    "explore_design_grid": {"en": "Grid (every combination of the values below)",
                            "nl": "Rooster (elke combinatie van de waarden hieronder)"},
    "explore_design_sampled": {"en": "{design} sample of {samples} points",
                               "nl": "{design}-steekproef van {samples} punten"},
    "explore_design_sensitivity": {"en": "{method} sensitivity analysis ({samples} samples)",
                                   "nl": "{method}-gevoeligheidsanalyse ({samples} steekproeven)"},
    "explore_values": {"en": "values {values}", "nl": "waarden {values}"},
    "explore_steps": {"en": "({n} steps)", "nl": "({n} stappen)"},
    "explore_spec_runs": {"en": "{runs} runs stored: {points} points x {reps} replication(s).",
                          "nl": "{runs} runs opgeslagen: {points} punten x {reps} herhaling(en)."},
    "explore_parameter": {"en": "Parameter", "nl": "Parameter"},
    "explore_chart_title": {"en": "{outcome} against {parameter}", "nl": "{outcome} tegen {parameter}"},
    "explore_chart_note": {"en": "Each dot is one run; the line joins the mean of the runs at each point.",
                           "nl": "Elke stip is één run; de lijn verbindt het gemiddelde van de runs per punt."},
    "explore_chart_error": {"en": "The chart cannot be drawn from `{folder}`: {error}",
                            "nl": "De grafiek is niet te tekenen uit `{folder}`: {error}"},
    "explore_runs_table": {"en": "All runs", "nl": "Alle runs"},
    "explore_stamp": {"en": "Stored in `{folder}` · evictsim {version}",
                      "nl": "Opgeslagen in `{folder}` · evictsim {version}"},
    "fig_run": {"en": "run", "nl": "run"},
    "fig_mean_point": {"en": "mean at each value", "nl": "gemiddelde per waarde"},
    "fig_total": {"en": "total (ST)", "nl": "totaal (ST)"},
    "fig_first": {"en": "first order (S1)", "nl": "eerste orde (S1)"},
    "fig_mu": {"en": "mu*", "nl": "mu*"},
    "fig_band": {"en": "observed band", "nl": "waargenomen bandbreedte"},
    "fig_observed": {"en": "observed", "nl": "waargenomen"},
    "fig_sim_interval": {"en": "simulated 90 % interval", "nl": "gesimuleerd 90%-interval"},
    "fig_sim_median": {"en": "simulated median", "nl": "gesimuleerde mediaan"},
    "explore_sensitivity": {"en": "Which parameters matter most", "nl": "Welke parameters het meest uitmaken"},
    "explore_sensitivity_sobol": {"en": "Sobol indices: the share of the outcome's variance due to each parameter, "
                                        "alone (S1) and with its interactions (ST), with 95 % confidence intervals.",
                                  "nl": "Sobol-indices: het deel van de variantie van de uitkomst dat door elke "
                                        "parameter komt, alleen (S1) en met zijn interacties (ST), met "
                                        "95%-betrouwbaarheidsintervallen."},
    "explore_sensitivity_morris": {"en": "Morris screening: mu* is the mean absolute change in the outcome when one "
                                         "parameter moves across its range; a larger mu* matters more.",
                                   "nl": "Morris-screening: mu* is de gemiddelde absolute verandering van de uitkomst "
                                         "als één parameter over zijn bereik beweegt; een grotere mu* weegt "
                                         "zwaarder."},
    "explore_indices_title": {"en": "Sensitivity of {outcome}", "nl": "Gevoeligheid van {outcome}"},
    "explore_discovery_header": {"en": "Where the outcome is high", "nl": "Waar de uitkomst hoog is"},
    "explore_discovery": {"en": "{outcome} above {above} a year happen mostly when {ranges}: this range holds "
                                "{coverage} of such points, and {density} of the points inside it are above {above}.",
                          "nl": "{outcome} boven {above} per jaar komen vooral voor als {ranges}: dit gebied bevat "
                                "{coverage} van zulke punten, en {density} van de punten erin ligt boven {above}."},
    "explore_discovery_none": {"en": "No point had {outcome} above {above} a year, so there is nothing to discover.",
                               "nl": "Geen enkel punt had {outcome} boven {above} per jaar, dus er valt niets te "
                                     "ontdekken."},
    "explore_discovery_spread": {"en": "{outcome} above {above} a year happen across the whole swept range: no "
                                       "parameter range stands out.",
                                 "nl": "{outcome} boven {above} per jaar komen over het hele verkende bereik voor: "
                                       "geen parameterbereik springt eruit."},
    "explore_between": {"en": "{parameter} is between {low} and {high}",
                        "nl": "{parameter} tussen {low} en {high} ligt"},
    "explore_at": {"en": "{parameter} is {value}", "nl": "{parameter} {value} is"},
    "and": {"en": "and", "nl": "en"},
    "explore_discovery_title": {"en": "Parameter ranges with {outcome} above {above} per year",
                                "nl": "Parameterbereik met {outcome} boven {above} per jaar"},
    "explore_discovery_xlabel": {"en": "share of the swept range\n(grey: swept, orange: inside the box)",
                                 "nl": "deel van het verkende bereik\n(grijs: verkend, oranje: binnen het gebied)"},
    "explore_col_rank": {"en": "rank", "nl": "rang"},
    "explore_col_parameter": {"en": "parameter", "nl": "parameter"},
    "explore_col_box": {"en": "inside the box", "nl": "binnen het gebied"},
    "explore_col_swept": {"en": "swept range", "nl": "verkend bereik"},
    "explore_col_cut": {"en": "share of range cut", "nl": "deel van het bereik weggesneden"},
    "explore_col_target": {"en": "target", "nl": "doel"},
    "explore_col_kind": {"en": "kind", "nl": "soort"},
    "explore_col_observed": {"en": "observed (band)", "nl": "waargenomen (bandbreedte)"},
    "explore_col_simulated": {"en": "simulated median [5–95 %]", "nl": "gesimuleerde mediaan [5–95%]"},
    "explore_col_status": {"en": "status", "nl": "status"},
    "explore_col_source": {"en": "source", "nl": "bron"},
    "explore_col_note": {"en": "note (from the targets file)", "nl": "toelichting (uit het doelenbestand, Engels)"},
    "explore_col_median": {"en": "posterior median", "nl": "mediaan a posteriori"},
    "explore_col_prior": {"en": "prior range", "nl": "bereik a priori"},
    "explore_calibration": {"en": "Calibration", "nl": "Kalibratie"},
    "explore_cal_intro": {"en": "The model's uncertain context parameters were fitted to Dutch figures (ABC-SMC). Each "
                                "target against what the calibrated model simulates, as a ratio to the observed "
                                "figure.",
                          "nl": "De onzekere contextparameters van het model zijn afgestemd op Nederlandse cijfers "
                                "(ABC-SMC). Elk doel tegen wat het gekalibreerde model simuleert, als verhouding tot "
                                "het waargenomen cijfer."},
    "explore_cal_none": {"en": "No calibration in `{folder}` yet. Make one with the command line (it takes a while), "
                               "then its fit report, then reload this page:",
                         "nl": "Nog geen kalibratie in `{folder}`. Maak er een met de opdrachtregel (dat duurt even), "
                               "daarna het fitrapport, en laad deze pagina opnieuw:"},
    "explore_cal_no_fit": {"en": "The fit of the targets is not made yet (no fit.csv in `{folder}`); make it with:",
                           "nl": "De fit van de doelen is nog niet gemaakt (geen fit.csv in `{folder}`); maak die "
                                 "met:"},
    "explore_fit_title": {"en": "Calibration targets: observed against simulated",
                          "nl": "Kalibratiedoelen: waargenomen tegen gesimuleerd"},
    "explore_fit_xlabel": {"en": "value relative to the observed figure (log scale)",
                           "nl": "waarde ten opzichte van het waargenomen cijfer (logaritmische schaal)"},
    "explore_cal_summary": {"en": "{good} of {n} targets are met; {bad} are not (the notes say why).",
                            "nl": "{good} van de {n} doelen worden gehaald; {bad} niet (de toelichting zegt waarom)."},
    "explore_estimate": {"en": "Calibrated values (posterior medians)",
                         "nl": "Gekalibreerde waarden (medianen a posteriori)"},
    "explore_cal_settings": {"en": "Calibrated on {date} with {method}: {particles} particles over {generations} "
                                   "generations on the {population} population at scale {scale}, {months} months "
                                   "after a {warmup}-month warm-up, seed {seed}.",
                             "nl": "Gekalibreerd op {date} met {method}: {particles} deeltjes over {generations} "
                                   "generaties op de bevolking {population} op schaal {scale}, {months} maanden na "
                                   "een aanloop van {warmup} maanden, seed {seed}."},
    "explore_report": {"en": "The full report, with the posterior of each parameter and the sources, is "
                             "`{path}`.",
                       "nl": "Het volledige rapport, met de verdeling a posteriori van elke parameter en de bronnen, "
                             "staat in `{path}` (Engels)."},
    "explore_report_download": {"en": "report.md", "nl": "report.md"},
    "status_fits": {"en": "✓ fits", "nl": "✓ past"},
    "status_overlaps": {"en": "≈ interval overlaps the band", "nl": "≈ interval overlapt de bandbreedte"},
    "status_misfit": {"en": "✗ does not fit", "nl": "✗ past niet"},
    "status_below": {"en": "✓ below, as it should be", "nl": "✓ eronder, zoals het hoort"},
    "status_above": {"en": "✗ above the figure it is part of", "nl": "✗ boven het cijfer waar het deel van is"},
    "status_none": {"en": "– not simulated", "nl": "– niet gesimuleerd"},
    "kind_fit": {"en": "fitted", "nl": "gekalibreerd"},
    "kind_check": {"en": "check", "nl": "controle"},
    "kind_upper": {"en": "upper bound", "nl": "bovengrens"},
}
UI.update(LOCAL_UI)  # My municipality against the other municipalities (i18n_local.py)


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
    """A scenario's title in people's words, as its file declares it (its name where none is declared)."""
    title = _scenario_words(name)[0]
    return title.get(lang) or title.get("en") or name


def scenario_summary(name: str, lang: str) -> str | None:
    """A scenario's one-line summary as its file declares it, or None where it declares none."""
    summary = _scenario_words(name)[1]
    return summary.get(lang) or summary.get("en")


@functools.cache
def _scenario_words(name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The title and summary a scenario file declares (empty for a name that is no scenario file)."""
    from sim.scenario import load_scenario

    try:
        scenario = load_scenario(name)
    except (ValueError, OSError):  # ScenarioError: e.g. "custom", built from levers on the page
        return {}, {}
    return scenario.title, scenario.summary


def outcome_label(name: str, lang: str) -> str:
    """An outcome's label: the model's own in English, ours in Dutch."""
    if lang == "nl" and name in OUTCOMES_NL:
        return OUTCOMES_NL[name]
    return SIM_LABELS.get(name, name)


def unit_label(name: str, lang: str) -> str:
    """The outcome's unit and whether it is a yearly count or a monthly average."""
    unit = UNITS.get(SIM_UNITS.get(name, ""), {}).get(lang, SIM_UNITS.get(name, ""))
    return t("per_year" if SIM_KINDS.get(name) == "flow" else "on_average", lang, unit=unit)


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


__all__ = ["CARDS", "CARD_LABELS", "CHOICES", "COMPOSITIONS", "GROUPS", "LANGUAGES", "LEVERS", "MONTHS", "PLACES",
           "PROFILE_FIELDS", "SHORT", "STORY", "number", "outcome_label", "outcome_number", "share", "span", "t",
           "translator", "unit_label", "verdict_text", "word"]
