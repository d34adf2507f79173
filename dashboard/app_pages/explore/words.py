"""The words of the Explore sweeps and calibration page, in English and Dutch (merged into
i18n.UI, so that `t` finds them)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
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
                                  "een aanloop van {warmup} maanden, startgetal {seed}."},
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
    "explore_col_note": {"en": "note (from the targets file)", "nl": "toelichting (kern uit het doelenbestand)"},
    "explore_note_estimate": {"en": "estimate", "nl": "schatting"},
    "explore_note_assumption": {"en": "assumption", "nl": "aanname"},
    "explore_note_derived": {"en": "derived", "nl": "afgeleid"},
    "explore_note_very_uncertain": {"en": "very uncertain", "nl": "zeer onzeker"},
    "explore_note_uncertain": {"en": "uncertain", "nl": "onzeker"},
    "explore_note_band": {"en": "band ±{band} %", "nl": "bandbreedte ±{band}%"},
    "explore_note_none": {"en": "see the targets file", "nl": "zie het doelenbestand (Engels)"},
    "explore_pop_national": {"en": "the whole country (342 municipalities)", "nl": "heel Nederland (342 gemeenten)"},
    "explore_pop_national_types": {"en": "the country as three municipality types",
                                   "nl": "het land als drie gemeentetypen"},
    "explore_pop_households": {"en": "{n} households", "nl": "{n} huishoudens"},
    "explore_pop_of": {"en": "the {population} population", "nl": "de bevolking {population}"},
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
    "explore_estimate": {"en": "Calibrated values (the point the baseline runs on)",
                         "nl": "Gekalibreerde waarden (het punt waarop de basis draait)"},
    "explore_cal_settings": {"en": "Calibrated on {date} with {method}: {particles} particles over {generations} "
                                   "generations on {population} at scale {scale}, {months} months "
                                   "after a {warmup}-month warm-up, seed {seed}.",
                             "nl": "Gekalibreerd op {date} met {method}: {particles} deeltjes over {generations} "
                                   "generaties op {population} op schaal {scale}, {months} maanden na "
                                   "een aanloop van {warmup} maanden, startgetal {seed}."},
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

# The Dutch names of the model's context parameters that the calibration fits (calibration.json's
# estimate) and the examples sweep: the model declares no Dutch names for them (policy levers have
# theirs in sim.describe). A parameter not named here is shown by its own name.
CONTEXT_NAMES: dict[str, str] = {
    "shocks.job_loss_per_month": "kans per maand op verlies van inkomen uit werk",
    "rent_payment.miss_scale": "schaal van de kans op gemiste huur",
    "rent_payment.miss_exponent": "steilheid van de kans op gemiste huur",
    "rent_payment.deficit_on_rent": "deel van het tekort dat onbetaald blijft op de huur",
    "rent_payment.repay_share_under_pressure": "deel van het overschot dat onder druk wordt afgelost",
    "cost_of_living.coping_share": "deel van de vaste lasten dat niet omlaag kan",
    "landlords.arrangement_accept": "kans dat een huurder een regeling aanvaardt",
    "landlords.repaid_at_contact": "kans dat een huurder in de eerste maand na de herinnering alles betaalt",
    "landlords.summons_per_month_corporation": "kans per maand op een dagvaarding door een corporatie",
    "landlords.summons_per_month_private": "kans per maand op een dagvaarding door een particuliere verhuurder",
    "landlords.summons_family_factor": "kans op een dagvaarding voor gezinnen ten opzichte van anderen",
    "turnover.in_arrears_factor": "verhuiskans bij huurachterstand ten opzichte van anderen",
    "help_seeking.self_referral_per_month": "kans per maand dat een huurder zelf schuldhulp aanvraagt",
    "bailiff.settle_per_month": "kans per maand op betaling of afspraak terwijl de ontruiming wacht",
    "root_causes.nuisance_per_month": "kans per maand op een ernstige overlastzaak",
    "root_causes.drug_closure_per_month": "kans per maand op sluiting van een woning wegens drugs",
    "root_causes.lease_breach_per_month": "kans per maand op een zaak wegens onderhuur of andere fraude",
    "youth_protection.decision_per_month_hidden": "kans per maand op een jeugdbeschermingsbesluit voor een "
                                                  "verborgen dakloos gezin",
}

# The columns of a sweep's runs that are no outcome, in the runs table.
RUN_COLUMNS: dict[str, dict[str, str]] = {
    "run_id": {"en": "run_id", "nl": "run"},
    "point": {"en": "point", "nl": "punt"},
    "replication": {"en": "replication", "nl": "herhaling"},
    "seed": {"en": "seed", "nl": "startgetal"},
}
