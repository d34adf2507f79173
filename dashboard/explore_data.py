"""Stored sweeps, sensitivity analyses and the calibration, read from disk for the explore page.

Nothing here raises on a bad folder: every reader returns what it could read together with a
list of Problems (which file is missing or cannot be read), and the page turns those into
warnings. Reads are cached per folder and the modification times of its files (`stamp`), so a
sweep that is still running, or run again, is read afresh. The figures come from sim.plots and
sim.calibration_report; only their words are put in the chosen language here.
"""

from __future__ import annotations

import json
import textwrap
import math
import numbers
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from sim import plots
from sim.store import RUNS, SPEC_FILE, load_results

from . import figures
from .i18n import LEVERS, number, outcome_label, t, unit_label, word
from .runs import ROOT

CALIBRATION_ENV = "EVICTSIM_CALIBRATION"
SENSITIVITY_CSV, SENSITIVITY_JSON = "sensitivity.csv", "sensitivity.json"
FIT_CSV, CALIBRATION_JSON, REPORT_MD = "fit.csv", "calibration.json", "report.md"
ID_COLUMNS = ("run_id", "point", "replication", "seed")
SOBOL_COLUMNS = ("S1", "S1_conf", "ST", "ST_conf")
MORRIS_COLUMNS = ("mu_star", "mu_star_conf")
LIMIT_COLUMNS = ("parameter", "low", "high", "full_low", "full_high", "restricted")
FIT_COLUMNS = ("target", "kind", "observed", "band_low", "band_high", "simulated", "sim_low", "sim_high", "status")
SEARCH_DEPTH = 3  # results/<name>/, results/<group>/<name>/, one more level


@dataclass(frozen=True)
class Problem:
    """Something wrong with a folder: kind is "missing", "corrupt", "stray" or "no_column"."""
    kind: str
    what: str
    detail: str = ""


@dataclass
class Sweep:
    folder: str
    spec: dict[str, Any] | None
    version: str
    runs: pd.DataFrame
    parameters: list[str]
    outcomes: list[str]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Sensitivity:
    method: str
    indices: pd.DataFrame | None
    discovery: dict[str, Any] | None   # outcome, above, coverage, density, mass
    limits: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class CalibrationFiles:
    folder: str
    fit: pd.DataFrame | None
    record: dict[str, Any] | None
    report: bool
    problems: list[Problem] = field(default_factory=list)


# -- where things are ------------------------------------------------------------------------
def calibration_dir() -> Path:
    """The calibration folder (EVICTSIM_CALIBRATION, else calibration/ in the repository)."""
    return Path(os.environ.get(CALIBRATION_ENV, ROOT / "calibration"))


def find_sweeps(base: Path, depth: int = SEARCH_DEPTH) -> list[str]:
    """Folders under `base` (as paths relative to it) that hold a sweep: sweep.json or runs/.
    A folder with only one of the two is listed too, so that the page can say what is missing."""
    found: list[str] = []

    def visit(folder: Path, level: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        names = {e.name for e in entries}
        if level > 0 and (SPEC_FILE in names or (folder / RUNS).is_dir()):
            found.append(folder.relative_to(base).as_posix())
            return
        if level < depth:
            for entry in entries:
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                    visit(Path(entry.path), level + 1)

    visit(base, 0)
    return found


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def stamp(folder: Path, names: tuple[str, ...]) -> tuple[int, ...]:
    """The modification times of a folder's files: part of every cache key, so changes are seen."""
    return tuple(_mtime(folder / name) for name in names)


def sweep_stamp(folder: Path) -> tuple[int, ...]:
    return stamp(folder, (SPEC_FILE, RUNS, SENSITIVITY_CSV, SENSITIVITY_JSON))


def calibration_stamp(folder: Path) -> tuple[int, ...]:
    return stamp(folder, (FIT_CSV, CALIBRATION_JSON, REPORT_MD))


# -- reading ----------------------------------------------------------------------------------
def _json(path: Path, problems: list[Problem]) -> Any:
    """A JSON file, or None after noting that it is missing or unreadable."""
    if not path.is_file():
        problems.append(Problem("missing", path.name))
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        problems.append(Problem("corrupt", path.name, _short(err)))
        return None


def _short(err: BaseException) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return text[:200]


def _runs(folder: Path, problems: list[Problem]) -> pd.DataFrame:
    """The stored runs (sim.store.load_results); if a file cannot be read, every other one."""
    runs = folder / RUNS
    if not runs.is_dir():
        problems.append(Problem("missing", f"{RUNS}/"))
        return pd.DataFrame()
    stray = sorted(p.name for p in runs.iterdir() if not p.name.startswith(".") and p.suffix != ".parquet")
    if stray:
        problems.append(Problem("stray", f"{RUNS}/", ", ".join(stray[:5]) + (" ..." if len(stray) > 5 else "")))
    try:
        return load_results(folder)
    except Exception:  # noqa: BLE001 - a damaged store must not stop the page; find the bad files
        pass
    frames = []
    for path in sorted(runs.glob("*.parquet")):
        try:
            frames.append(pd.read_parquet(path))
        except Exception as err:  # noqa: BLE001 - pyarrow raises several kinds for a damaged file
            problems.append(Problem("corrupt", f"{RUNS}/{path.name}", _short(err)))
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    order = [c for c in ("point", "replication") if c in frame]
    return frame.sort_values(order).reset_index(drop=True) if order else frame


@st.cache_data(max_entries=16, show_spinner=False)
def load_sweep(folder: str, mtimes: tuple[int, ...]) -> Sweep:
    """A sweep folder's spec and runs, with what is wrong with it (cached per folder and mtimes)."""
    path = Path(folder)
    problems: list[Problem] = []
    stored = _json(path / SPEC_FILE, problems)
    spec = stored.get("spec") if isinstance(stored, dict) else None
    if stored is not None and not (isinstance(spec, dict) and isinstance(spec.get("parameters"), dict)):
        problems.append(Problem("corrupt", SPEC_FILE, "no spec with parameters"))
        spec = None
    runs = _runs(path, problems)
    if not runs.empty and "point" not in runs:
        problems.append(Problem("no_column", f"{RUNS}/", "point"))
        runs = pd.DataFrame()
    if spec is not None:
        parameters = [p for p in spec["parameters"] if p in runs]
        if not runs.empty:
            problems += [Problem("no_column", f"{RUNS}/", p) for p in spec["parameters"] if p not in runs]
    else:  # without the spec: parameters are the dotted columns ("policy.x.y", "context.x.y")
        parameters = [c for c in runs.columns if "." in str(c)]
    numeric = [c for c in runs.columns if c not in ID_COLUMNS and c not in parameters
               and pd.api.types.is_numeric_dtype(runs[c]) and not pd.api.types.is_bool_dtype(runs[c])
               and runs[c].notna().any()]
    wanted = [o for o in (spec or {}).get("outcomes") or [] if o in numeric]
    outcomes = wanted + [c for c in numeric if c not in wanted]
    version = str(stored.get("version", "")) if isinstance(stored, dict) else ""
    return Sweep(folder, spec, version, runs, parameters, outcomes, problems)


@st.cache_data(max_entries=16, show_spinner=False)
def load_sensitivity(folder: str, mtimes: tuple[int, ...]) -> Sensitivity | None:
    """sensitivity.csv and sensitivity.json of a folder, or None when it has neither."""
    path = Path(folder)
    if not (path / SENSITIVITY_CSV).exists() and not (path / SENSITIVITY_JSON).exists():
        return None
    problems: list[Problem] = []
    indices = None
    if (path / SENSITIVITY_CSV).is_file():
        try:
            indices = pd.read_csv(path / SENSITIVITY_CSV)
        except Exception as err:  # noqa: BLE001 - pandas raises several kinds for a damaged file
            problems.append(Problem("corrupt", SENSITIVITY_CSV, _short(err)))
        else:
            columns = set(indices.columns)
            lacking = [c for c in ("outcome", "rank", "parameter") if c not in columns]
            if lacking or not (set(SOBOL_COLUMNS) <= columns or set(MORRIS_COLUMNS) <= columns):
                problems.append(Problem("corrupt", SENSITIVITY_CSV, ", ".join(lacking) or "S1/ST or mu_star"))
                indices = None
    else:
        problems.append(Problem("missing", SENSITIVITY_CSV))
    report = _json(path / SENSITIVITY_JSON, problems)
    report = report if isinstance(report, dict) else {}
    method = str(report.get("method") or ("sobol" if indices is not None and "ST" in indices else "morris"))
    discovery, limits = _discovery(report.get("discovery"), problems)
    return Sensitivity(method, indices, discovery, limits, problems)


def _discovery(raw: Any, problems: list[Problem]) -> tuple[dict[str, Any] | None, pd.DataFrame | None]:
    if raw is None:
        return None, None
    try:
        box = {k: raw[k] for k in ("outcome", "above", "coverage", "density", "mass")}
        box["above"] = float(box["above"])
        for k in ("coverage", "density", "mass"):
            box[k] = float("nan") if box[k] is None else float(box[k])
        limits = pd.DataFrame(raw["limits"])
        limits = limits[list(LIMIT_COLUMNS)]
        limits[list(LIMIT_COLUMNS[1:])] = limits[list(LIMIT_COLUMNS[1:])].astype(float)
    except (KeyError, TypeError, ValueError) as err:
        problems.append(Problem("corrupt", f"{SENSITIVITY_JSON} (discovery)", _short(err)))
        return None, None
    return box, limits


@st.cache_data(max_entries=4, show_spinner=False)
def load_calibration(folder: str, mtimes: tuple[int, ...]) -> CalibrationFiles:
    """fit.csv and calibration.json of the calibration folder (either may be missing)."""
    path = Path(folder)
    problems: list[Problem] = []
    fit = None
    if (path / FIT_CSV).is_file():
        try:
            fit = pd.read_csv(path / FIT_CSV)
        except Exception as err:  # noqa: BLE001
            problems.append(Problem("corrupt", FIT_CSV, _short(err)))
        else:
            lacking = [c for c in FIT_COLUMNS if c not in fit]
            if lacking:
                problems.append(Problem("corrupt", FIT_CSV, ", ".join(lacking)))
                fit = None
    record = None
    if (path / CALIBRATION_JSON).is_file():
        record = _json(path / CALIBRATION_JSON, problems)
        if record is not None and not (isinstance(record, dict) and isinstance(record.get("estimate"), dict)):
            problems.append(Problem("corrupt", CALIBRATION_JSON, "no estimate"))
            record = None
    elif fit is not None:
        problems.append(Problem("missing", CALIBRATION_JSON))
    return CalibrationFiles(folder, fit, record, (path / REPORT_MD).is_file(), problems)


# -- words ------------------------------------------------------------------------------------
def problem_text(folder: str, problem: Problem, lang: str) -> str:
    return t(f"explore_{problem.kind}", lang, folder=folder, what=problem.what, detail=problem.detail)


def sig(value: Any, lang: str) -> str:
    """A parameter value or index: three significant digits, Dutch decimal comma in Dutch."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)).lower()
    if not isinstance(value, numbers.Real):
        return str(value)
    value = float(value)
    if math.isnan(value):
        return "–"
    if abs(value) >= 1000:
        return number(value, lang)
    text = f"{value:.3g}"
    return text.replace(".", ",") if lang == "nl" else text


def parameter_label(path: str, lang: str) -> str:
    """A swept parameter: its dotted path, and the lever's name where the dashboard knows one."""
    name = path.split(".", 1)[1] if path.startswith("policy.") else ""
    return f"{path} · {word(LEVERS, name, lang)}" if name in LEVERS else path


def short_name(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def range_text(rng: Any, design: str, lang: str) -> str:
    """A parameter's range in the spec: "0.01 – 0.03 (3 steps)" or "values false, true"."""
    if not isinstance(rng, dict):
        return str(rng)
    if rng.get("values") is not None:
        return t("explore_values", lang, values=", ".join(sig(v, lang) for v in rng["values"]))
    text = f"{sig(rng.get('min'), lang)} – {sig(rng.get('max'), lang)}"
    return text + (" " + t("explore_steps", lang, n=rng.get("steps")) if design == "grid" and rng.get("steps") else "")


def _is_grid(spec: dict[str, Any], runs: pd.DataFrame) -> bool:
    """Whether the runs lie on the spec's grid. A sensitivity analysis stores the same kind of
    spec (its design left at "grid") but runs its own sample, whose values fall between the steps."""
    if spec.get("design", "grid") != "grid":
        return False
    for path, rng in spec.get("parameters", {}).items():
        if not isinstance(rng, dict) or rng.get("values") is not None or path not in runs:
            continue
        try:
            axis = np.linspace(float(rng["min"]), float(rng["max"]), int(rng.get("steps") or 3))
            stored = pd.to_numeric(runs[path], errors="coerce").dropna().to_numpy(float)
        except (KeyError, TypeError, ValueError):
            continue
        if not np.isclose(stored[:, None], axis[None, :]).any(axis=1).all():
            return False
    return True


def spec_lines(sweep: Sweep, sensitivity: Sensitivity | None, lang: str) -> list[str]:
    """The spec in brief: design, parameters and ranges, replications, runs stored."""
    spec = sweep.spec or {}
    runs = sweep.runs
    points = int(runs["point"].nunique()) if "point" in runs else 0
    lines = []
    grid = sensitivity is None and _is_grid(spec, runs)
    if spec:
        if sensitivity is not None or not _is_grid(spec, runs):
            method = sensitivity.method if sensitivity is not None else str(spec.get("method", "?"))
            design = t("explore_design_sensitivity", lang, method=method.capitalize(), samples=spec.get("samples", "?"))
        elif spec.get("design") in ("lhs", "sobol"):
            design = t("explore_design_sampled", lang, design=spec["design"], samples=spec.get("samples", "?"))
        else:
            design = t("explore_design_grid", lang)
        lines.append(t("explore_spec_design", lang, design=design, scenario=spec.get("scenario", "?"),
                       population=spec.get("population", "?"), months=spec.get("months", "?"),
                       warmup=spec.get("warmup", "?"), seed=spec.get("seed", "?")))
        for path, rng in spec["parameters"].items():
            lines.append(f"`{path}`: {range_text(rng, 'grid' if grid else '', lang)}")
    lines.append(t("explore_spec_runs", lang, runs=len(runs), points=points, reps=spec.get("replications", "?")))
    return lines


def discovery_sentence(box: dict[str, Any], limits: pd.DataFrame, lang: str) -> str:
    """One sentence: where the outcome is above the threshold, in the ranges of the parameters
    the box restricts."""
    outcome = box["outcome"]
    name = outcome_label(outcome, lang)
    above = sig(box["above"], lang)
    if math.isnan(box["coverage"]):
        return t("explore_discovery_none", lang, outcome=name, above=above)
    parts = []
    for r in limits[limits.restricted > 0].itertuples():
        if r.low == r.high:
            parts.append(t("explore_at", lang, parameter=short_name(r.parameter), value=sig(r.low, lang)))
        else:
            parts.append(t("explore_between", lang, parameter=short_name(r.parameter), low=sig(r.low, lang),
                           high=sig(r.high, lang)))
    share = {k: number(100 * box[k], lang) + " %" for k in ("coverage", "density")}
    if not parts:
        return t("explore_discovery_spread", lang, outcome=name, above=above)
    joined = (", ".join(parts[:-1]) + " " + t("and", lang) + " " + parts[-1]) if len(parts) > 1 else parts[0]
    return t("explore_discovery", lang, outcome=name, above=above, ranges=joined, **share)


# -- figures ----------------------------------------------------------------------------------
# sim.plots writes its figures in English; these are its words, with the dashboard's key for each.
FIGURE_WORDS = {"run": "fig_run", "mean per point": "fig_mean_point", "total (ST)": "fig_total",
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
    return t("explore_chart_title", lang, outcome=outcome_label(outcome, lang), parameter=short_name(parameter))


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
        fig = plots.indices_chart(sensitivity.indices, outcome, meta)
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
    box, meta = sensitivity.discovery, sweep_meta(load_sweep(folder, mtimes))
    title = t("explore_discovery_title", lang, outcome=outcome_label(box["outcome"], lang).lower(),
              above=sig(box["above"], lang))

    def draw():
        fig = plots.discovery_chart(sensitivity.limits, title, meta)
        # Centred over the figure rather than over the axes, which long parameter names push right.
        fig.axes[0].set_title("")
        fig.suptitle(textwrap.fill(title, 70))
        fig.axes[0].set_xlabel(t("explore_discovery_xlabel", lang))
        # A box that keeps a single value draws as a line of no length: mark that value.
        for i, r in enumerate(sensitivity.limits.itertuples()):
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
    """Targets against the simulation (sim.calibration_report.fit_figure)."""
    from sim.calibration_report import fit_figure

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
                          t("explore_col_parameter", lang): rows["parameter"].to_numpy()})
    for column in (*SOBOL_COLUMNS, "mu_star", "mu_star_conf", "sigma"):
        if column in rows:
            shown[column.replace("mu_star", "mu*")] = [sig(v, lang) for v in rows[column]]
    return shown


def limits_table(limits: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("explore_col_parameter", lang): limits["parameter"].to_numpy(),
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


def fit_table(fit: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each target: observed with its band, simulated median with its interval, status in words."""
    def val(v: Any) -> str:
        return sig(float(v), lang) if pd.notna(v) else "–"

    columns = {
        t("explore_col_target", lang): fit["target"].astype(str),
        t("explore_col_kind", lang): [t(KIND_KEYS[k], lang) if k in KIND_KEYS else str(k) for k in fit["kind"]],
        t("explore_col_observed", lang): [f"{val(o)} ({val(a)} – {val(b)})"
                                          for o, a, b in zip(fit["observed"], fit["band_low"], fit["band_high"])],
        t("explore_col_simulated", lang): [f"{val(s)} [{val(a)} – {val(b)}]"
                                           for s, a, b in zip(fit["simulated"], fit["sim_low"], fit["sim_high"])],
        t("explore_col_status", lang): [status_text(s, lang) for s in fit["status"]],
    }
    for column in ("source", "note"):
        if column in fit:
            columns[t(f"explore_col_{column}", lang)] = fit[column].fillna("").astype(str)
    return pd.DataFrame({k: list(v) for k, v in columns.items()})


def estimate_table(record: dict[str, Any], lang: str) -> pd.DataFrame:
    """The posterior median of each calibrated parameter, with its prior's range where known."""
    priors = record.get("priors") if isinstance(record.get("priors"), dict) else {}
    rows = []
    for name, value in record["estimate"].items():
        prior = priors.get(name) if isinstance(priors.get(name), dict) else {}
        span_ = f"{sig(prior['min'], lang)} – {sig(prior['max'], lang)}" if {"min", "max"} <= set(prior) else "–"
        rows.append({t("explore_col_parameter", lang): name,
                     t("explore_col_median", lang): sig(value, lang),
                     t("explore_col_prior", lang): span_})
    return pd.DataFrame(rows)


def settings_line(record: dict[str, Any], lang: str) -> str:
    """The calibration's date and settings in one sentence."""
    s = record.get("settings") if isinstance(record.get("settings"), dict) else {}
    generations = record.get("generations")
    count = len(generations) if isinstance(generations, list) else generations
    return t("explore_cal_settings", lang, date=record.get("date", "?"), method=record.get("method", "ABC-SMC"),
             particles=s.get("particles", "?"), generations=count if count is not None else "?",
             population=s.get("population", "?"), scale=sig(s.get("scale", "?"), lang),
             months=s.get("months", "?"), warmup=s.get("warmup", "?"), seed=s.get("seed", "?"))
