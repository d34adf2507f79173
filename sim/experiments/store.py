"""The results store of a sweep: one Parquet file per finished run, written atomically.

A run is one design point and one replication. Its id is a hash of everything that determines
its result (all parameter values, population, months, warm-up, scale, seed and the code
version), so a sweep that is killed, even with kill -9, and started again skips what is done,
and nothing is lost or stored twice. The same id also lets a sweep grow: more points, more
replications or other outcomes reuse every run already stored.

    sweep.json            the spec, with the code version, git commit and dirty flag, and the
                          base scenario's parameters
    experiments.parquet   the plan: one row per run (run id, point, policy, replication, seed,
                          parameter values); rows of points that share a run share its id
    runs/<id>.parquet     one run's yearly value of every outcome; its metadata (parameters,
                          seed, settings, code) is in the file's own Parquet metadata
    series/<id>.parquet   one run's monthly series of every outcome (when the spec asks for it)

Load it with `load_results` (experiments and outcomes, as the EMA Workbench's
`perform_experiments` returns them), or query it with DuckDB (`query`), where the runs are a
table called `runs` (and `experiments`, `outcomes`, `series`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable

import pandas as pd

from ..results_io import OutputError, prepare_dir, to_parquet, write_json, write_parquet
from ..folder_swap import stale_temporary, temp_tag
from ..run_folder import Holding, claim, clear
from .layout import PLAN_FILE, RUNS, SERIES, SPEC_FILE
from .results import Results, read_results

SERIES_KEY = "monthly_series"  # a run's row carries its monthly table under this key, if asked for
JOURNEYS_KEY = "journeys"  # and its sampled households' journeys (posterior runs, not stored)
LOCAL_KEY = "by_municipality"  # and its outcomes by municipality (posterior runs, not stored)


RUN_ID_CHARS = 20  # of the SHA-256 in hex: 80 bits


def run_id(identity: dict[str, Any]) -> str:
    """A stable id for what determines a run's result."""
    return hashlib.sha256(identity_text(identity).encode()).hexdigest()[:RUN_ID_CHARS]


def identity_text(identity: dict[str, Any]) -> str:
    """What a run id hashes: the identity as JSON with sorted keys."""
    return json.dumps(identity, sort_keys=True, default=str)


class ResultStore:
    """A folder with sweep.json (the spec), runs/<run id>.parquet and, if asked for, series/.

    Several processes may run the same sweep into one store at once: each writes its runs under
    temporary names of its own, and a run finished twice is stored once (same id, same file).
    A folder holding another kind of result, or another study, is refused unless `force`.
    """

    def __init__(self, folder: str | Path, spec: dict[str, Any],
                 same_study: Callable[[dict[str, Any]], bool] | None = None, force: bool = False) -> None:
        record = json.loads(json.dumps(spec, default=str))
        path = claim(folder, Holding("sweep"), force)
        if force and path.is_dir() and any(path.iterdir()) and not self._holds(path, record, same_study):
            clear(path)
        self.folder = prepare_dir(path)
        self.runs = self.folder / RUNS
        self.series = self.folder / SERIES
        self.runs.mkdir(exist_ok=True)
        self._claim(record, same_study)
        for stale in stale_temporary([*self.runs.glob(".*.tmp"), *self.series.glob(".*.tmp")]):
            stale.unlink(missing_ok=True)  # a write that was interrupted; its run is simply redone

    @staticmethod
    def _holds(folder: Path, record: dict[str, Any], same_study: Callable[[dict[str, Any]], bool] | None) -> bool:
        """Whether `folder` holds this study: the same record, or one `same_study` takes for it grown."""
        try:
            stored = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return stored == record or bool(same_study and same_study(stored))

    def _claim(self, spec: dict[str, Any], same_study: Callable[[dict[str, Any]], bool] | None) -> None:
        """Take the folder if it is new or holds this study; `same_study(stored record)` says
        whether a changed record is the same study grown (default: only an identical record)."""
        path = self.folder / SPEC_FILE
        record = json.loads(json.dumps(spec, default=str))
        if path.exists():
            if not self._holds(self.folder, record, same_study):
                raise OutputError(f"{self.folder}: holds results of a different sweep; choose another --out "
                                  "folder, or add --force to replace them (nothing was changed)")
            if json.loads(path.read_text(encoding="utf-8")) == record:
                return
        write_json(path, record)

    def done(self, series: bool = False) -> set[str]:
        """Ids of the runs stored (with their monthly series too, if `series`)."""
        return stored_runs(self.folder, series)

    def read(self, rid: str) -> dict[str, Any] | None:
        """A stored run's row, or None if it is not there."""
        path = self.runs / f"{rid}.parquet"
        return pd.read_parquet(path).iloc[0].to_dict() if path.exists() else None

    def write(self, row: dict[str, Any], meta: dict[str, Any] | None = None) -> None:
        """Store one run's row (and its monthly series, if the row carries one), with `meta` in
        each file's Parquet metadata."""
        row = dict(row)
        monthly = row.pop(SERIES_KEY, None)
        if monthly is not None:
            self.series.mkdir(exist_ok=True)
            self._put(self.series, row["run_id"], monthly.assign(run_id=row["run_id"]), meta)
        self._put(self.runs, row["run_id"], pd.DataFrame([row]), meta)

    @staticmethod
    def _put(folder: Path, rid: str, frame: pd.DataFrame, meta: dict[str, Any] | None) -> None:
        path = folder / f"{rid}.parquet"
        tmp = folder / f".{rid}.{temp_tag()}.tmp"  # this writer's own: sweeps may share a store
        to_parquet(frame, tmp, meta)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def write_plan(self, plan: pd.DataFrame) -> None:
        """The sweep's experiments table (replaced when the sweep grows), stamped in its Parquet
        metadata with the code that planned it and the plan's fingerprint (sim.experiments.stamp)."""
        from .stamp import plan_fingerprint, stamp

        mark = stamp(len(plan), plan_fingerprint(plan["run_id"]) if "run_id" in plan else None)
        write_parquet(self.folder / PLAN_FILE, plan, {"stamp": mark})


def study_kind(folder: str | Path) -> str | None:
    """The kind of study a folder's store holds ("sweep", "sensitivity", "optimize"), or None.
    Stores written before sweep.json said so are sweeps, or sensitivity analyses where
    sensitivity.json lies beside them."""
    folder = Path(folder)
    try:
        record = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(record, dict) and record.get("kind"):
        return str(record["kind"])
    return "sensitivity" if (folder / "sensitivity.json").is_file() else "sweep"


def check_kind(out: Path, kind: str, force: bool) -> None:
    """Refuse to write one kind of study into a folder holding another (a sweep into a
    sensitivity analysis's folder, or the reverse): its plan would change while the other
    study's outputs stayed, and the folder would contradict itself. `force` replaces it."""
    held = study_kind(out)
    if held is not None and held != kind and not force:
        raise OutputError(f"{out}: holds a {held} study; a {kind} would replace its plan (experiments.parquet) "
                          f"while its {held} outputs stayed, and the folder would contradict itself. Choose another "
                          "--out folder, or add --force to replace it (nothing was changed)")


def stored_runs(folder: str | Path, series: bool = False) -> set[str]:
    """Ids of the runs stored in a sweep's folder (with their monthly series too, if `series`:
    a run stored without its series is run again when a spec asks for series)."""
    folder = Path(folder)
    ids = {p.stem for p in (folder / RUNS).glob("*.parquet")}
    return ids & {p.stem for p in (folder / SERIES).glob("*.parquet")} if series else ids


def load_results(folder: str | Path) -> Results:
    """Every finished run of a sweep as `Results`: `experiments, outcomes = load_results(folder)`
    (one row each per planned run, in the plan's order); `.runs` joins the two."""
    return read_results(Path(folder))


def query(folder: str | Path, sql: str) -> pd.DataFrame:
    """Run SQL over a sweep with DuckDB. Tables: `runs` (one row per planned run that is done:
    its experiment and yearly outcomes), `experiments`, `outcomes` and, if stored, `series`."""
    import duckdb

    folder = Path(folder)
    runs = folder / RUNS
    if not runs.is_dir():
        raise OutputError(f"{folder}: no sweep results here (no {RUNS}/ folder)")
    if not any(runs.glob("*.parquet")):
        raise OutputError(f"{folder}: no finished runs to query yet")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW outcomes AS SELECT * FROM read_parquet('{_glob(runs)}', union_by_name=true)")
    if (folder / PLAN_FILE).is_file():
        con.execute(f"CREATE VIEW experiments AS SELECT * FROM read_parquet('{_quoted(folder / PLAN_FILE)}')")
        con.execute("CREATE VIEW runs AS SELECT * FROM experiments JOIN outcomes USING (run_id)")
    else:  # a store from before the plan was kept: its run files hold everything
        con.execute("CREATE VIEW runs AS SELECT * FROM outcomes")
    if any((folder / SERIES).glob("*.parquet")):
        con.execute(f"CREATE VIEW series AS SELECT * FROM read_parquet('{_glob(folder / SERIES)}')")
    return con.execute(sql).df()


def _glob(folder: Path) -> str:
    return _quoted(folder / "*.parquet")


def _quoted(path: Path) -> str:
    """A path inside a SQL string literal: a folder named it's must not end the string."""
    return path.as_posix().replace("'", "''")
