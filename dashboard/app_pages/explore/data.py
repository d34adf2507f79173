"""Stored sweeps, sensitivity analyses and the calibration, read from disk for the explore page.

A sweep's runs are read by the package's reader (sim.load_results); a store it refuses shows no
runs, and the page names what is wrong with it (runs/ missing, stray or unreadable files). The
spec and the version that wrote it are taken from sweep.json as written.

Nothing here raises on a bad folder: every reader returns what it could read together with a
list of Problems (which file is missing or cannot be read), and the page turns those into
warnings. Reads are cached per folder and the modification times of its files (`stamp`), so a
sweep that is still running, or run again, is read afresh. The figures come from sim.plots and
sim.experiments.calibration_report; only their words are put in the chosen language here.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import numbers
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import streamlit as st

from dashboard.i18n import SOURCE_KEYS, number, outcome_label, scenario_title, t
from dashboard.levers import by_name
from dashboard.runs import ROOT
from sim import PROFILES, load_results
from sim.experiments.store import PLAN_FILE, RUNS, SPEC_FILE  # the store's file names: to find and check stores

from .words import CONTEXT_NAMES, RUN_COLUMNS

CALIBRATION_ENV = "EVICTSIM_CALIBRATION"
SENSITIVITY_CSV, SENSITIVITY_JSON = "sensitivity.csv", "sensitivity.json"
FIT_CSV, CALIBRATION_JSON, REPORT_MD, TARGETS_CSV = "fit.csv", "calibration.json", "report.md", "targets.csv"
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
    targets: dict[str, tuple[str, str]] = field(default_factory=dict)  # targets.csv: outcome and year by name


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
    return stamp(folder, (FIT_CSV, CALIBRATION_JSON, REPORT_MD, TARGETS_CSV))


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
    """The stored runs as the package reads them (sim.load_results: the plan joined with each
    finished run); where it cannot read them, none, and which files are at fault."""
    runs = folder / RUNS
    if not runs.is_dir():
        problems.append(Problem("missing", f"{RUNS}/"))
        return pd.DataFrame()
    stray = sorted(p.name for p in runs.iterdir() if not p.name.startswith(".") and p.suffix != ".parquet")
    if stray:
        problems.append(Problem("stray", f"{RUNS}/", ", ".join(stray[:5]) + (" ..." if len(stray) > 5 else "")))
    try:
        return load_results(folder).runs
    except Exception:  # noqa: BLE001 - a damaged store must not stop the page; the files at fault are named
        problems.extend(_unreadable(folder))
        return pd.DataFrame()


def _unreadable(folder: Path) -> list[Problem]:
    """The store's Parquet files (run files and plan) whose footer cannot be read."""
    problems = []
    for path in [*sorted((folder / RUNS).glob("*.parquet")), folder / PLAN_FILE]:
        try:
            if path.exists():
                pq.read_metadata(path)
        except Exception as err:  # noqa: BLE001 - pyarrow raises several kinds for a damaged file
            problems.append(Problem("corrupt", path.relative_to(folder).as_posix(), _short(err)))
    return problems


@st.cache_data(max_entries=16, show_spinner=False)
def load_sweep(folder: str, mtimes: tuple[int, ...]) -> Sweep:
    """A sweep folder's spec and runs, with what is wrong with it (cached per folder and mtimes)."""
    path = Path(folder)
    problems: list[Problem] = []
    stored = _json(path / SPEC_FILE, problems)
    spec = stored.get("spec") if isinstance(stored, dict) else None
    if isinstance(spec, dict) and not spec.get("parameters") and isinstance(spec.get("uncertainties"), dict):
        levers = {k: v for k, v in (spec.get("levers") or {}).items() if isinstance(v, dict)}
        spec = {**spec, "parameters": {**spec["uncertainties"], **levers}}  # crossed experiments: both vary
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
    return CalibrationFiles(folder, fit, record, (path / REPORT_MD).is_file(), problems, _targets(path / TARGETS_CSV))


def _targets(path: Path) -> dict[str, tuple[str, str]]:
    """The outcome and year of each target in targets.csv, only to name the targets in people's
    words: a targets file that is missing or cannot be read leaves them by their keys."""
    targets: dict[str, tuple[str, str]] = {}
    unreadable = (OSError, UnicodeDecodeError, csv.Error)
    with contextlib.suppress(*unreadable), path.open(encoding="utf-8-sig", newline="") as file:
        for row in csv.DictReader(file):
            if row.get("target") and row.get("outcome") and row.get("year"):
                targets[row["target"]] = (row["outcome"], row["year"])
    return targets


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
    """A swept parameter: its dotted path, and for a policy lever its declared name; in Dutch its
    Dutch name only (the dotted path is English)."""
    if lang == "nl":
        return parameter_name(path, lang)
    lever = by_name().get(path.split(".", 1)[1]) if path.startswith("policy.") else None
    return f"{path} · {lever.title(lang)}" if lever else path


def short_name(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def parameter_name(path: str, lang: str) -> str:
    """A parameter in running text and tables: its last name in English; in Dutch the name the
    lever declares, or the dashboard's Dutch name of a calibrated context parameter
    (words.CONTEXT_NAMES), else its last name."""
    if lang != "nl":
        return short_name(path)
    group, _, rest = str(path).partition(".")
    lever = by_name().get(rest) if group == "policy" else None
    if lever:
        return lever.title(lang)
    return CONTEXT_NAMES.get(rest, short_name(path)) if group == "context" else short_name(path)


def parameter_names(paths: Any, lang: str) -> list[Any]:
    """The parameter column of a table: dotted paths in English, names in Dutch."""
    return [parameter_name(p, lang) for p in paths] if lang == "nl" else list(paths)


def population_name(population: Any, lang: str) -> str:
    """A run's population in words, as the sidebar names it ("Kleine gemeente", "Landelijk"), a
    household count as households, the calibration's national_types as the country in three types."""
    text = str(population)
    if text in ("national", "national_types"):
        return t(f"explore_pop_{text}", lang)
    if text in PROFILES:
        return t(f"pop_{text}", lang).split(" · ")[0]
    if text.isdigit():
        return t("explore_pop_households", lang, n=number(int(text), lang))
    return text


def target_name(name: str, targets: dict[str, tuple[str, str]], lang: str) -> str:
    """A calibration target: its key in English; in Dutch the outcome it compares (a share as
    "A / B") and its year, where the targets file names them."""
    if lang != "nl" or name not in targets:
        return name
    outcome, year = targets[name]
    return f"{' / '.join(outcome_label(part, lang) for part in outcome.split('/'))}, {year}"


NOTE_BAND = re.compile(r"\+-\s?(\d+(?:\.\d+)?)\s?%")


def note_text(note: str, estimate: Any, lang: str) -> str:
    """A target's note: as written in English; in Dutch what matters of it in Dutch, as source_text
    does for levers: an estimate or assumption, derived, (very) uncertain, its band, its source keys."""
    if lang != "nl":
        return note
    parts = [t("explore_note_estimate", lang)] if str(estimate).lower() in ("true", "yes", "1") else []
    for word in ("assumption", "derived"):
        if word in note:
            parts.append(t(f"explore_note_{word}", lang))
    if "uncertain" in note:
        parts.append(t("explore_note_very_uncertain" if "very uncertain" in note else "explore_note_uncertain", lang))
    band = NOTE_BAND.search(note)
    if band:
        parts.append(t("explore_note_band", lang, band=band.group(1).replace(".", ",")))
    keys = "".join(SOURCE_KEYS.findall(note))
    return ", ".join([*parts, *([keys] if keys else [])]) or t("explore_note_none", lang)


def runs_for_reading(runs: pd.DataFrame, parameters: list[str], lang: str) -> pd.DataFrame:
    """The runs table as the page shows it: in Dutch the columns by their Dutch names and yes/no
    for true/false (the CSV keeps the columns' keys, identifiers for a spreadsheet)."""
    if lang != "nl":
        return runs
    shown = runs.copy()
    for column in shown.columns:
        if pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = shown[column].map({True: t("yes", lang), False: t("no", lang)})
    names = {c: (RUN_COLUMNS[c][lang] if c in RUN_COLUMNS else parameter_name(c, lang) if c in parameters
                 else outcome_label(c, lang)) for c in shown.columns}
    shown.columns = _unique([names[c] for c in shown.columns])
    return shown


def _unique(names: list[str]) -> list[str]:
    """Column names made unique (two keys may share a label) by numbering the repeats."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


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
        if spec.get("design") in ("lhs", "sobol", "posterior") and sensitivity is None:
            design = t("explore_design_sampled", lang, design=spec["design"], samples=spec.get("samples", "?"))
        elif sensitivity is not None or not _is_grid(spec, runs):
            method = sensitivity.method if sensitivity is not None else str(spec.get("method", "?"))
            design = t("explore_design_sensitivity", lang, method=method.capitalize(), samples=spec.get("samples", "?"))
        else:
            design = t("explore_design_grid", lang)
        lines.append(t("explore_spec_design", lang, design=design,
                       scenario=scenario_title(str(spec.get("scenario", "?")), lang),
                       population=population_name(spec.get("population", "?"), lang), months=spec.get("months", "?"),
                       warmup=spec.get("warmup", "?"), seed=spec.get("seed", "?")))
        for path, rng in spec["parameters"].items():
            name = f"`{path}`" if lang != "nl" else parameter_name(path, lang)  # the path is English
            lines.append(f"{name}: {range_text(rng, 'grid' if grid else '', lang)}")
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
            parts.append(t("explore_at", lang, parameter=parameter_name(r.parameter, lang), value=sig(r.low, lang)))
        else:
            parts.append(t("explore_between", lang, parameter=parameter_name(r.parameter, lang), low=sig(r.low, lang),
                           high=sig(r.high, lang)))
    share = {k: number(100 * box[k], lang) + " %" for k in ("coverage", "density")}
    if not parts:
        return t("explore_discovery_spread", lang, outcome=name, above=above)
    joined = (", ".join(parts[:-1]) + " " + t("and", lang) + " " + parts[-1]) if len(parts) > 1 else parts[0]
    return t("explore_discovery", lang, outcome=name, above=above, ranges=joined, **share)
