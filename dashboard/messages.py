"""The comparison in sentences: one headline sentence per scenario, the caveats and the method,
for the Compare page, the key-message slide, the speaker notes and the PDF brief.

Plain functions of a sim.experiments.compare.Comparison and a language; no Streamlit.
"""

from __future__ import annotations

import math
from typing import Any

from sim import DEFAULT_WARMUP, Comparison, covers_parameters, covers_sentence, interval_coverage

from . import custom
from .levers import CUSTOM
from .i18n import SIM_KINDS, number, outcome_number, scenario_title, t
from .tables import bounded_table, facts, population_label, row_of

# What the headline sentence speaks of, in this order; the cost comes last, in its own words.
SENTENCE_OUTCOMES = ("evictions", "children_evicted", "homeless_children")
WHAT = {"evictions": {"en": "evictions", "nl": "ontruimingen"},
        "children_evicted": {"en": "children evicted", "nl": "kinderen getroffen door een ontruiming"},
        "homeless_children": {"en": "homeless children", "nl": "dakloze kinderen"}}
CHANGE = {"lower": {"en": "about {n} fewer {what} {per} (between {low} and {high})",
                    "nl": "ongeveer {n} minder {what} {per} (tussen {low} en {high})"},
          "higher": {"en": "about {n} more {what} {per} (between {low} and {high})",
                     "nl": "ongeveer {n} meer {what} {per} (tussen {low} en {high})"},
          "unclear": {"en": "no clear change in {what} ({signed} {per}, between {signed_low} and {signed_high})",
                      "nl": "geen duidelijk verschil in {what} ({signed} {per}, tussen {signed_low} en "
                            "{signed_high})"},
          "same": {"en": "the same number of {what}", "nl": "evenveel {what}"},
          "single": {"en": "about {n} {direction} {what} {per} (one replication: no interval)",
                     "nl": "ongeveer {n} {direction} {what} {per} (één herhaling: geen interval)"}}
# A flow is counted over a year; a stock (homeless children) is a level, averaged over the months.
PER = {"flow": {"en": "a year", "nl": "per jaar"},
       "stock": {"en": "at any one time, on average", "nl": "tegelijk, gemiddeld"}}
COST = {"lower": {"en": "{n} less in costs a year", "nl": "{n} minder kosten per jaar"},
        "higher": {"en": "{n} more in costs a year", "nl": "{n} meer kosten per jaar"},
        "unclear": {"en": "no clear change in costs", "nl": "geen duidelijk verschil in kosten"}}
SENTENCE = {"en": "{title}: {parts}; {cost}.", "nl": "{title}: {parts}; {cost}."}
DIRECTION = {"en": ("fewer", "more"), "nl": ("minder", "meer")}


def _kind(verdict: str) -> str:
    """The verdict as the sentence needs it ("within noise" is the older word for "uncertain")."""
    return {"lower": "lower", "higher": "higher", "no change": "same",
            "one replication: no interval": "single"}.get(verdict, "unclear")


def _part(r, outcome: str, lang: str) -> str:
    kind = _kind(r["verdict"])
    size = (lambda v: outcome_number(outcome, abs(v), lang, short=True))
    low, high = sorted((abs(r["diff_low"]), abs(r["diff_high"]))) if not math.isnan(r["diff_low"]) else (0, 0)
    signed = {f"signed{k.removeprefix('diff')}": outcome_number(outcome, r[k], lang, True, short=True)
              for k in ("diff", "diff_low", "diff_high")}
    per = PER["flow" if SIM_KINDS.get(outcome) == "flow" else "stock"][lang]
    return CHANGE[kind][lang].format(n=size(r["diff"]), what=WHAT[outcome][lang], low=size(low), high=size(high),
                                     direction=DIRECTION[lang][int(r["diff"] > 0)], per=per, **signed)


def _cost(r, lang: str) -> str:
    kind = _kind(r["verdict"])
    if kind not in ("lower", "higher"):
        kind = "unclear" if kind != "single" else ("higher" if r["diff"] > 0 else "lower")
    return COST[kind][lang].format(n=outcome_number("cost_total_eur", abs(r["diff"]), lang, short=True))


def headline_sentence(comparison: Comparison, scenario: str, lang: str) -> str:
    """One sentence on what a scenario changes against the baseline, with the 90 % interval
    ("With the ombudsman package: about 2 fewer evictions a year (between 1 and 3), ...")."""
    table = bounded_table(comparison)
    parts = [_part(row_of(table, scenario, o), o, lang) for o in SENTENCE_OUTCOMES]
    return SENTENCE[lang].format(title=scenario_title(scenario, lang), parts=", ".join(parts),
                                 cost=_cost(row_of(table, scenario, "cost_total_eur"), lang))


def summary(comparison: Comparison, lang: str) -> str:
    """The brief's opening paragraph: what was compared, for whom, and each scenario's headline."""
    f = facts(comparison)
    opening = t("summary_opening", lang, baseline=scenario_title(f["baseline"], lang),
                population=population_label(f, lang), years=number(round(f["months"] / 12, 1), lang).removesuffix(",0")
                .removesuffix(".0"), reps=f["reps"])
    return " ".join([opening, *(headline_sentence(comparison, s, lang) for s in f["scenarios"])])


def caveats(comparison: Comparison, lang: str) -> list[str]:
    """What a reader must know before using the figures: the interval, the model, the cases."""
    return [covers_sentence(comparison.meta, lang), t("caveat_model", lang), t("caveat_small", lang)]


def method(comparison: Comparison, lang: str) -> str:
    """How the figures were made, in a few sentences, with everything needed to make them again."""
    f = facts(comparison)
    u = interval_coverage(comparison.meta)
    how = t("method_interval_draws" if covers_parameters(comparison.meta) else "method_interval_noise", lang,
            draws=u["posterior_draws"])
    return t("method_text", lang, reps=f["reps"], months=f["months"], population=population_label(f, lang),
             seed=f["seed"], version=f["version"], commit=f["commit"] or "–", interval=how)


def run_settings(comparison: Comparison) -> dict[str, Any]:
    """Every setting the comparison's runs used, as `sim.compare` takes them: population, months,
    replications, seed, posterior draws, and the scale and warm-up where they are not the default."""
    f = facts(comparison)
    meta = comparison.runs[f["baseline"]].meta
    population = f["population"] if isinstance(f["population"], str) else OWN_FIGURES
    settings: dict[str, Any] = {"population": population, "months": f["months"], "replications": f["reps"],
                                "seed": f["seed"]}
    draws = int(comparison.meta.get("posterior", {}).get("draws", 0) or 0)
    if draws > 1:
        settings["posterior"] = draws
    if meta.get("scale", 1.0) != 1.0:
        settings["scale"] = meta["scale"]
    if meta.get("warmup_months", DEFAULT_WARMUP) != DEFAULT_WARMUP:
        settings["warmup"] = meta["warmup_months"]
    return settings


OWN_FIGURES = "my_municipality.toml"  # the profile file My municipality downloads


def reproduce(comparison: Comparison) -> tuple[str, str, dict[str, str]]:
    """The command line and the Python lines that give the same table (same seeds, same draws, same
    figures), and the files they need: a scenario built from levers is a scenario file."""
    f = facts(comparison)
    files = {custom.FILE_NAME: custom.scenario_file(comparison.runs[CUSTOM].meta)} if CUSTOM in comparison.runs \
        else {}
    names = [custom.FILE_NAME if n == CUSTOM else n for n in [f["baseline"], *f["scenarios"]]]
    settings = run_settings(comparison)
    options = " ".join(f"--{k} {v}" for k, v in settings.items())
    command = f".venv/bin/evictsim compare {' '.join(names)} {options}"
    arguments = ", ".join(f"{k}={v!r}" for k, v in settings.items())
    python = ("from sim import compare\n\n"
              f"comparison = compare({names[0]!r}, {names[1:]!r}, {arguments})\n"
              "comparison.table")
    return command, python, files
