"""Explore sweeps and calibration: stored parameter sweeps (an outcome against a parameter),
their sensitivity indices and scenario discovery where the folder has them, and how well the
calibrated model fits the Dutch figures. Everything is read from disk (data.py);
a missing or damaged file gives a warning naming the folder, never a traceback."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import streamlit as st

from dashboard import exports, runs, state, views
from dashboard.app_pages.explore import data
from dashboard.app_pages.explore import view as charts
from dashboard.i18n import outcome_label, t

SWEEP_COMMAND = ".venv/bin/evictsim sweep examples/sweep_shocks_and_duty.toml --workers 2 --out results/sweep-example"
SENSITIVITY_COMMAND = (".venv/bin/evictsim sensitivity examples/sensitivity_shocks_court.toml --workers 2 "
                       "--out results/sensitivity-example")
CALIBRATE_COMMANDS = ".venv/bin/evictsim calibrate\n.venv/bin/evictsim calibrate --report"

lang, ss = state.lang(), st.session_state


def warn(folder: str, problems: list[data.Problem]) -> None:
    for problem in problems:
        st.warning(data.problem_text(folder, problem, lang), icon=":material/warning:")


def chart(folder: str, name: str, make) -> None:
    """A cached chart with its downloads, or a warning if it cannot be drawn from what is stored."""
    try:
        png, svg = make()
    except Exception as err:  # noqa: BLE001 - stored data we did not write may break a figure
        st.warning(t("explore_chart_error", lang, folder=folder, error=err), icon=":material/warning:")
        return
    views.show_chart(png, svg, name, lang)


def pick(key: str, options: list[str]) -> None:
    """Keep a page widget's value (from the address or an earlier run) only if it is offered."""
    if ss.get(key) not in options:
        ss[key] = options[0]


def sweeps() -> None:
    st.header(t("explore_sweeps", lang))
    base = runs.results_dir()
    found = data.find_sweeps(base)
    if not found:
        st.info(t("explore_none", lang, folder=base))
        st.code(SWEEP_COMMAND, language="bash")
        st.caption(t("explore_sensitivity_hint", lang))
        st.code(SENSITIVITY_COMMAND, language="bash")
        return
    pick("sweep", found)
    st.selectbox(t("explore_pick", lang), found, key="sweep")
    folder = base / ss["sweep"]
    shown = str(folder)
    stamp = data.sweep_stamp(folder)
    sweep = data.load_sweep(str(folder), stamp)
    sensitivity = data.load_sensitivity(str(folder), stamp)
    warn(shown, sweep.problems)
    one_sweep(sweep, sensitivity, stamp, shown)
    if sensitivity is not None:
        warn(shown, sensitivity.problems)
        sensitivity_part(sweep, sensitivity, stamp, shown)


def one_sweep(sweep: data.Sweep, sensitivity, stamp: tuple[int, ...], shown: str) -> None:
    st.subheader(t("explore_spec", lang))
    st.markdown("\n".join(f"- {line}" for line in data.spec_lines(sweep, sensitivity, lang)))
    if sweep.runs.empty or not sweep.parameters or not sweep.outcomes:
        st.info(t("explore_no_runs", lang, folder=shown))
        return
    pick("sweep_outcome", sweep.outcomes)
    pick("sweep_param", sweep.parameters)
    left, right = st.columns(2)
    left.selectbox(t("outcome", lang), sweep.outcomes, key="sweep_outcome",
                   format_func=lambda o: outcome_label(o, lang))
    right.selectbox(t("explore_parameter", lang), sweep.parameters, key="sweep_param",
                    format_func=lambda p: data.parameter_label(p, lang))
    outcome, parameter = ss["sweep_outcome"], ss["sweep_param"]
    st.subheader(charts.chart_title(outcome, parameter, lang))
    st.caption(t("explore_chart_note", lang))
    name = f"sweep-{Path(sweep.folder).name}-{outcome}-{data.short_name(parameter)}"
    chart(shown, name, lambda: charts.sweep_chart(sweep.folder, stamp, parameter, outcome, lang))
    if not state.present():
        st.subheader(t("explore_runs_table", lang))
        # A sweep may hold many thousands of runs: a scrolling table, and the CSV built only when clicked.
        st.dataframe(data.runs_for_reading(sweep.runs, sweep.parameters, lang), hide_index=True, width="stretch",
                     height=min(400, 38 + 35 * len(sweep.runs)))
        name = f"sweep-{Path(sweep.folder).name}-runs"
        st.download_button(f"⬇ {t('csv', lang)}", partial(exports.csv_bytes, sweep.runs), f"{name}.csv", "text/csv",
                           key=f"csv_{name}", on_click="ignore")
    st.caption(t("explore_stamp", lang, folder=shown, version=sweep.version or "?"))


def sensitivity_part(sweep: data.Sweep, sensitivity: data.Sensitivity, stamp: tuple[int, ...], shown: str) -> None:
    tag = Path(sweep.folder).name
    if sensitivity.indices is not None and not sensitivity.indices.empty:
        st.subheader(t("explore_sensitivity", lang))
        st.caption(t(f"explore_sensitivity_{'sobol' if 'ST' in sensitivity.indices else 'morris'}", lang))
        outcomes = list(dict.fromkeys(sensitivity.indices["outcome"].astype(str)))
        for tab, outcome in zip(st.tabs([outcome_label(o, lang) for o in outcomes]), outcomes):
            with tab:
                rows = sensitivity.indices[sensitivity.indices.outcome == outcome]
                views.show_table(charts.indices_table(sensitivity.indices, outcome, lang), rows,
                                 f"indices-{tag}-{outcome}", lang)
                chart(shown, f"indices-{tag}-{outcome}",
                      lambda o=outcome: charts.indices_chart(sweep.folder, stamp, o, lang))
    if sensitivity.discovery is not None:
        st.subheader(t("explore_discovery_header", lang))
        st.markdown(data.discovery_sentence(sensitivity.discovery, sensitivity.limits, lang))
        views.show_table(charts.limits_table(sensitivity.limits, lang), sensitivity.limits, f"discovery-{tag}", lang)
        chart(shown, f"discovery-{tag}", lambda: charts.discovery_chart(sweep.folder, stamp, lang))


def calibration() -> None:
    st.header(t("explore_calibration", lang))
    folder = data.calibration_dir()
    shown = str(folder)
    files = data.load_calibration(shown, data.calibration_stamp(folder))
    warn(shown, files.problems)
    if files.fit is None and files.record is None:
        if not files.problems:
            st.info(t("explore_cal_none", lang, folder=shown))
            st.code(CALIBRATE_COMMANDS, language="bash")
        return
    st.markdown(t("explore_cal_intro", lang))
    if files.fit is not None:
        chart(shown, "calibration-fit", lambda: charts.fit_chart(shown, data.calibration_stamp(folder), lang))
        status = files.fit["status"].astype(str)
        good = int(status.isin(["fits", "below, as it should be"]).sum())
        st.markdown(t("explore_cal_summary", lang, good=good, n=len(status), bad=len(status) - good))
        views.show_table(charts.fit_table(files.fit, lang, files.targets), files.fit, "calibration-fit", lang)
    elif not any(p.what == data.FIT_CSV for p in files.problems):
        st.info(t("explore_cal_no_fit", lang, folder=shown))
        st.code(".venv/bin/evictsim calibrate --report", language="bash")
    if files.record is not None:
        st.subheader(t("explore_estimate", lang))
        st.markdown(charts.settings_line(files.record, lang))
        estimate = charts.estimate_table(files.record, lang)
        views.show_table(estimate, estimate, "calibration-estimate", lang)
    if files.report:
        report = folder / data.REPORT_MD
        st.markdown(t("explore_report", lang, path=report))
        try:
            text = report.read_bytes()
        except OSError:
            return
        if not state.present():
            st.download_button(f"⬇ {t('explore_report_download', lang)}", text, "calibration-report.md",
                               "text/markdown", key="calibration_report", on_click="ignore")


st.title(t("explore_title", lang))
st.markdown(t("explore_intro", lang))
sweeps()
st.divider()
calibration()
