"""The stamp every output derived from a store carries: the code that wrote it (version, git commit,
dirty flag), the number of runs it used and a fingerprint of the plan they came from.

    results.csv, analysis CSVs    `#` lines at the top (read with `pd.read_csv(f, comment="#")`)
    Parquet files                 the file's own metadata (`sim.results_io.parquet_meta`)
    JSON files                    a "stamp" entry
    figures                       the caption and the PNG/SVG metadata

When the store grows, its plan changes; `stale_outputs` names the outputs under a folder whose
stamp belongs to another plan, so that nobody reads a feature score made from 32 runs as one of
the 352 the folder now holds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..provenance import git_commit, git_dirty, version
from ..results_io import write_atomic


def plan_fingerprint(run_ids: Iterable[str]) -> str:
    """A short hash of a plan's runs, in order."""
    return hashlib.sha256("\n".join(map(str, run_ids)).encode()).hexdigest()[:16]


def stamp(runs: int, plan: str | None = None) -> dict[str, Any]:
    """version, git_commit, git_dirty, runs (the number of runs used) and plan (their fingerprint)."""
    return {"version": version(), "git_commit": git_commit(), "git_dirty": git_dirty(), "runs": runs, "plan": plan}


def results_stamp(results: Any) -> dict[str, Any]:
    """The stamp of an output made from a `Results` (its runs, as its plan lists them)."""
    return stamp(len(results), plan_fingerprint(results.experiments.get("run_id", [])))


def header(mark: dict[str, Any]) -> str:
    """The stamp as `#` lines for the top of a CSV file."""
    dirty = {True: "yes", False: "no", None: "unknown"}[mark["git_dirty"]]
    return (f"# evictsim {mark['version']}, git commit {mark['git_commit']}, uncommitted changes: {dirty}\n"
            f"# runs used: {mark['runs']}, plan {mark['plan']}\n")


def write_csv(path: Path, frame: pd.DataFrame, mark: dict[str, Any], index: bool = False) -> Path:
    """A CSV file opening with the stamp's `#` lines (read it with `pd.read_csv(path, comment="#")`)."""
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            handle.write(header(mark))
            frame.to_csv(handle, index=index)
    write_atomic(path, write)
    return path


def figure_stamp(mark: dict[str, Any]) -> dict[str, Any]:
    """The figure metadata keys (`sim.plots.caption` and `save`) of a stamp."""
    return {"commit": mark["git_commit"], "dirty": mark["git_dirty"], "runs": mark["runs"]}


def read_stamp(path: Path) -> dict[str, Any] | None:
    """The stamp a JSON output carries, or None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("stamp") if isinstance(data, dict) else None


def stale_outputs(folder: Path, plan: str) -> list[str]:
    """The JSON outputs under `folder` (at any depth) stamped with another plan than `plan`,
    as "path (N runs)"."""
    stale = []
    for path in sorted(folder.rglob("*.json")) if folder.is_dir() else []:
        mark = read_stamp(path)
        if mark and mark.get("plan") not in (None, plan):
            stale.append(f"{path} ({mark.get('runs')} runs)")
    return stale
