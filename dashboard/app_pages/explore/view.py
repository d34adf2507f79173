"""Figures and tables of the explore page: sim.plots' figures with their words in the chosen
language, and the tables the page shows. Reading from disk is in data.py.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from sim import plots

from dashboard import figures
from dashboard.i18n import number, outcome_label, t, unit_label

from .data import (SOBOL_COLUMNS, CalibrationFiles, Sweep, load_calibration, load_sensitivity, load_sweep, note_text,
                   parameter_name, parameter_names, population_name, sig, target_name)

# -- figures ----------------------------------------------------------------------------------
# sim.plots writes its figures in English; these are its words, with the dashboard's key for each.
FIGURE_WORDS = {"run": "fig_run", "mean at each value": "fig_mean_point", "total (ST)": "fig_total",
                "first order (S1)": "fig_first", "mu*": "fig_mu", "observed band": "fig_band",
                "observed": "fig_observed", "simulated 90 % interval": "fig_sim_interval",
                "simulated median": "fig_sim_median"}


def _legend_words(fig, lang: str) -> None:
    for ax in fig.axes:
        legend = ax.get_legend()
        for text in legend.get_texts() if legend else []:
            key = FIGURE_WORDS.get(text.get_text())
            if key:
                text.set_text(t(key, lang))


def sweep_meta(sweep: Sweep) -> dict[str, Any]:
    """What sim.plots writes in a sweep figure's caption (as `evictsim sweep` does)."""
    spec = sweep.spec or {}
    name = spec.get("name") or Path(sweep.folder).name
    return {"scenario": f"{name} (sweep of {spec.get('scenario', '?')})", "seed": spec.get("seed", ""),
            "version": sweep.version}


def chart_title(outcome: str, parameter: str, lang: str) -> str:
    return t("explore_chart_title", lang, outcome=outcome_label(outcome, lang),
             parameter=parameter_name(parameter, lang))


def numeric_parameter(runs: pd.DataFrame, parameter: str) -> tuple[pd.DataFrame, list[str] | None]:
    """Runs with the parameter as numbers: words (a values list of text) become 0, 1, 2, ..."""
    column = runs[parameter]
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return runs, None
    names = sorted(column.dropna().astype(str).unique())
    return runs.assign(**{parameter: column.astype(str).map({n: i for i, n in enumerate(names)})}), names


@st.cache_data(max_entries=64, show_spinner=False)
def sweep_chart(folder: str, mtimes: tuple[int, ...], parameter: str, outcome: str, lang: str) -> tuple[bytes, bytes]:
    """An outcome against a parameter, every run and the mean per point (sim.plots.sweep_scatter)."""
    sweep = load_sweep(folder, mtimes)
    runs, names = numeric_parameter(sweep.runs[["point", parameter, outcome]].dropna(), parameter)

    def draw():
        fig = plots.sweep_scatter(runs, parameter, outcome, sweep_meta(sweep))
        ax = fig.axes[0]
        ax.set_title(chart_title(outcome, parameter, lang))
        ax.set_ylabel(f"{outcome_label(outcome, lang)} ({unit_label(outcome, lang)})")
        if lang == "nl":
            ax.set_xlabel(parameter_name(parameter, lang))
        if names:
            ax.set_xticks(range(len(names)), names)
        elif pd.api.types.is_bool_dtype(runs[parameter]):
            ax.set_xticks([0, 1], ["false", "true"])
        _legend_words(fig, lang)
        return figures.room_for_caption(fig)

    return figures.to_png_svg(draw, sweep_meta(sweep))


@st.cache_data(max_entries=32, show_spinner=False)
def indices_chart(folder: str, mtimes: tuple[int, ...], outcome: str, lang: str) -> tuple[bytes, bytes]:
    """Ranked sensitivity indices of one outcome (sim.plots.indices_chart)."""
    sensitivity = load_sensitivity(folder, mtimes)
    meta = sweep_meta(load_sweep(folder, mtimes))

    def draw():
        indices = sensitivity.indices.assign(parameter=parameter_names(sensitivity.indices["parameter"], lang))
        fig = plots.indices_chart(indices, outcome, meta)
        ax = fig.axes[0]
        ax.set_title(t("explore_indices_title", lang, outcome=outcome_label(outcome, lang).lower()))
        if "ST" not in sensitivity.indices:
            ax.set_xlabel(f"mu* ({unit_label(outcome, lang)})")
        _legend_words(fig, lang)
        return figures.room_for_caption(fig)

    return figures.to_png_svg(draw, meta)


@st.cache_data(max_entries=16, show_spinner=False)
def discovery_chart(folder: str, mtimes: tuple[int, ...], lang: str) -> tuple[bytes, bytes]:
    """The discovered box (sim.plots.discovery_chart)."""
    sensitivity = load_sensitivity(folder, mtimes)
    if sensitivity is None or sensitivity.discovery is None or sensitivity.limits is None:
        raise ValueError(f"{folder}: no scenario discovery is stored here")
    box, limits, meta = sensitivity.discovery, sensitivity.limits, sweep_meta(load_sweep(folder, mtimes))
    title = t("explore_discovery_title", lang, outcome=outcome_label(box["outcome"], lang).lower(),
              above=sig(box["above"], lang))

    def draw():
        fig = plots.discovery_chart(limits.assign(parameter=parameter_names(limits["parameter"], lang)), title, meta)
        # Centred over the figure rather than over the axes, which long parameter names push right.
        fig.axes[0].set_title("")
        fig.suptitle(textwrap.fill(title, 70))
        fig.axes[0].set_xlabel(t("explore_discovery_xlabel", lang))
        # A box that keeps a single value draws as a line of no length: mark that value.
        for i, r in enumerate(limits.itertuples()):
            if r.low == r.high and r.full_high > r.full_low:
                fig.axes[0].plot([(r.low - r.full_low) / (r.full_high - r.full_low)], [i], marker="|",
                                 markersize=16, markeredgewidth=4, color=plots.PALETTE[1])
        return figures.room_for_caption(fig)

    return figures.to_png_svg(draw, meta)


def calibration_meta(files: CalibrationFiles) -> dict[str, Any]:
    record = files.record or {}
    return {"scenario": "baseline (calibration)", "seed": (record.get("settings") or {}).get("seed", ""),
            "version": record.get("version", "")}


@st.cache_data(max_entries=4, show_spinner=False)
def fit_chart(folder: str, mtimes: tuple[int, ...], lang: str) -> tuple[bytes, bytes]:
    """Targets against the simulation (sim.experiments.calibration_report.fit_figure)."""
    from sim.experiments.calibration_report import fit_figure

    files = load_calibration(folder, mtimes)

    def draw():
        fig = fit_figure(files.fit, calibration_meta(files))
        ax = fig.axes[0]
        ax.set_title(t("explore_fit_title", lang))
        ax.set_xlabel(t("explore_fit_xlabel", lang))
        _legend_words(fig, lang)
        # sim's legend sits in the lower right, over the upper-bound rows: put it above the plot.
        handles, names = ax.get_legend_handles_labels()
        ax.get_legend().remove()
        fig.legend(handles, [t(FIGURE_WORDS[n], lang) if n in FIGURE_WORDS else n for n in names],
                   loc="outside upper center", ncol=4, frameon=False, fontsize=9)
        return figures.room_for_caption(fig)

    return figures.to_png_svg(draw, calibration_meta(files))


# -- tables -----------------------------------------------------------------------------------
def indices_table(indices: pd.DataFrame, outcome: str, lang: str) -> pd.DataFrame:
    """One outcome's ranked indices, numbers written for reading."""
    rows = indices[indices.outcome == outcome].sort_values("rank")
    shown = pd.DataFrame({t("explore_col_rank", lang): rows["rank"].astype(int).to_numpy(),
                          t("explore_col_parameter", lang): parameter_names(rows["parameter"], lang)})
    for column in (*SOBOL_COLUMNS, "mu_star", "mu_star_conf", "sigma"):
        if column in rows:
            shown[column.replace("mu_star", "mu*")] = [sig(v, lang) for v in rows[column]]
    return shown


def limits_table(limits: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("explore_col_parameter", lang): parameter_names(limits["parameter"], lang),
                         t("explore_col_box", lang): [f"{sig(a, lang)} – {sig(b, lang)}"
                                                      for a, b in zip(limits["low"], limits["high"])],
                         t("explore_col_swept", lang): [f"{sig(a, lang)} – {sig(b, lang)}"
                                                        for a, b in zip(limits["full_low"], limits["full_high"])],
                         t("explore_col_cut", lang): [number(100 * v, lang) + " %" for v in limits["restricted"]]})


STATUS_KEYS = {"fits": "status_fits", "interval overlaps band": "status_overlaps", "does not fit": "status_misfit",
               "below, as it should be": "status_below", "ABOVE the figure it is part of": "status_above",
               "not simulated": "status_none"}
KIND_KEYS = {"fit": "kind_fit", "check": "kind_check", "upper": "kind_upper"}


def status_text(status: str, lang: str) -> str:
    key = STATUS_KEYS.get(str(status))
    return t(key, lang) if key else str(status)


def fit_table(fit: pd.DataFrame, lang: str, targets: dict[str, Any] | None = None) -> pd.DataFrame:
    """Each target: observed with its band, simulated median with its interval, status in words.
    In Dutch a target is named by its outcome and year (from `targets`, the targets file by name)
    and its English note by what matters of it (note_text)."""
    def val(v: Any) -> str:
        return sig(float(v), lang) if pd.notna(v) else "–"

    columns = {
        t("explore_col_target", lang): [target_name(n, targets or {}, lang) for n in fit["target"].astype(str)],
        t("explore_col_kind", lang): [t(KIND_KEYS[k], lang) if k in KIND_KEYS else str(k) for k in fit["kind"]],
        t("explore_col_observed", lang): [f"{val(o)} ({val(a)} – {val(b)})"
                                          for o, a, b in zip(fit["observed"], fit["band_low"], fit["band_high"])],
        t("explore_col_simulated", lang): [f"{val(s)} [{val(a)} – {val(b)}]"
                                           for s, a, b in zip(fit["simulated"], fit["sim_low"], fit["sim_high"])],
        t("explore_col_status", lang): [status_text(s, lang) for s in fit["status"]],
    }
    if "source" in fit:
        columns[t("explore_col_source", lang)] = fit["source"].fillna("").astype(str)
    if "note" in fit:
        estimates = fit["estimate"] if "estimate" in fit else [False] * len(fit)
        columns[t("explore_col_note", lang)] = [note_text(n, e, lang)
                                                for n, e in zip(fit["note"].fillna("").astype(str), estimates)]
    return pd.DataFrame({k: list(v) for k, v in columns.items()})


def _table(value: Any) -> dict[str, Any]:
    """`value` where it is a JSON object, else an empty one: a record we did not write may lack one."""
    return value if isinstance(value, dict) else {}


def estimate_table(record: dict[str, Any], lang: str) -> pd.DataFrame:
    """The posterior median of each calibrated parameter, with its prior's range where known."""
    priors = _table(record.get("priors"))
    rows = []
    for name, value in record["estimate"].items():
        prior = _table(priors.get(name))
        span_ = f"{sig(prior['min'], lang)} – {sig(prior['max'], lang)}" if {"min", "max"} <= set(prior) else "–"
        rows.append({t("explore_col_parameter", lang): name if lang != "nl" else parameter_name(name, lang),
                     t("explore_col_median", lang): sig(value, lang),
                     t("explore_col_prior", lang): span_})
    return pd.DataFrame(rows)


def settings_line(record: dict[str, Any], lang: str) -> str:
    """The calibration's date and settings in one sentence."""
    s = _table(record.get("settings"))
    generations = record.get("generations")
    count = len(generations) if isinstance(generations, list) else generations
    return t("explore_cal_settings", lang, date=record.get("date", "?"), method=record.get("method", "ABC-SMC"),
             particles=s.get("particles", "?"), generations=count if count is not None else "?",
             population=_population_of(s.get("population", "?"), lang), scale=sig(s.get("scale", "?"), lang),
             months=s.get("months", "?"), warmup=s.get("warmup", "?"), seed=s.get("seed", "?"))


def _population_of(population: Any, lang: str) -> str:
    """"the whole country (342 municipalities)", or "the Small town population"."""
    name = population_name(population, lang)
    return name if str(population) in ("national", "national_types") else t("explore_pop_of", lang, population=name)
