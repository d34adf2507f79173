"""The results store of a sweep: one Parquet file per finished run, written atomically.

A run is one design point and one replication. Its id is a hash of everything that determines
its result (all parameter values, population, months, warm-up, scale, seed and the code
version), so a sweep that is killed, even with kill -9, and started again skips what is done,
and nothing is lost or stored twice. Load it all with `load_results`, or query it with DuckDB
(`query`), where the runs are a table called `runs`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..results_io import OutputError, prepare_dir, write_json
from ..run_folder import Holding, claim, clear, stale_temporary, temp_tag

RUNS = "runs"
SPEC_FILE = "sweep.json"


def run_id(identity: dict[str, Any]) -> str:
    """A stable id for what determines a run's result."""
    text = json.dumps(identity, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class ResultStore:
    """A folder with sweep.json (the spec) and runs/<run id>.parquet.

    Several processes may run the same sweep into one store at once: each writes its runs under
    temporary names of its own, and a run finished twice is stored once (same id, same file).
    A folder holding another kind of result, or another sweep, is refused unless `force`.
    """

    def __init__(self, folder: str | Path, spec: dict[str, Any], force: bool = False) -> None:
        path = claim(folder, Holding("sweep"), force)
        if force and not self._same(path, spec):
            clear(path)
        self.folder = prepare_dir(path)
        self.runs = self.folder / RUNS
        self.runs.mkdir(exist_ok=True)
        self._claim(spec)
        for stale in stale_temporary(self.runs.glob(".*.tmp")):
            stale.unlink(missing_ok=True)  # a write that was interrupted; its run is simply redone

    @staticmethod
    def _same(folder: Path, spec: dict[str, Any]) -> bool:
        """Whether `folder` is empty or a store of this very sweep."""
        path = folder / SPEC_FILE
        if not folder.exists() or not any(folder.iterdir()):
            return True
        try:
            return json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(spec, default=str))
        except (OSError, ValueError):
            return False

    def _claim(self, spec: dict[str, Any]) -> None:
        path = self.folder / SPEC_FILE
        if path.exists():
            if not self._same(self.folder, spec):
                raise OutputError(f"{self.folder}: holds results of a different sweep; choose another --out "
                                  "folder, or add --force to replace them (nothing was changed)")
        else:
            write_json(path, spec)

    def done(self) -> set[str]:
        return {p.stem for p in self.runs.glob("*.parquet")}

    def read(self, rid: str) -> dict[str, Any] | None:
        """A stored run's row, or None if it is not there."""
        path = self.runs / f"{rid}.parquet"
        return pd.read_parquet(path).iloc[0].to_dict() if path.exists() else None

    def write(self, row: dict[str, Any]) -> None:
        path = self.runs / f"{row['run_id']}.parquet"
        tmp = self.runs / f".{row['run_id']}.{temp_tag()}.tmp"  # this writer's own: sweeps may share a store
        pd.DataFrame([row]).to_parquet(tmp, index=False)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)


def load_results(folder: str | Path) -> pd.DataFrame:
    """Every finished run of a sweep, one row each, ordered by point and replication."""
    runs = Path(folder) / RUNS
    if not runs.is_dir():
        raise OutputError(f"{folder}: no sweep results here (no {RUNS}/ folder)")
    files = sorted(runs.glob("*.parquet"))
    if not files:
        return pd.DataFrame()
    frame = pd.concat((pd.read_parquet(f) for f in files), ignore_index=True)
    return frame.sort_values(["point", "replication"]).reset_index(drop=True)


def query(folder: str | Path, sql: str) -> pd.DataFrame:
    """Run SQL over a sweep's runs with DuckDB; the runs are the table `runs`."""
    import duckdb

    runs = Path(folder) / RUNS
    if not runs.is_dir():
        raise OutputError(f"{folder}: no sweep results here (no {RUNS}/ folder)")
    files = sorted(str(f) for f in runs.glob("*.parquet"))
    if not files:
        raise OutputError(f"{folder}: no finished runs to query yet")
    con = duckdb.connect()
    con.read_parquet(files).create_view("runs")  # file names as data, never pasted into SQL
    return con.execute(sql).df()
