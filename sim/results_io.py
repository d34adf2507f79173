"""The one module that touches result files: tidy Parquet tables with JSON sidecars.

A run or a comparison is written as one unit and checked when it is read back (see
sim.run_folder): an interrupted write leaves the old folder or the new one, and a folder whose
files do not belong together is refused. Single files (a sweep's spec, sensitivity tables) are
written to a temporary name of their own process and moved into place, so an interrupted write
never leaves a half-written file under its real name, and files that are not ours are left alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable

import numpy as np
import pandas as pd

from .comparison import Comparison
from .errors import OutputError
from .limits import excerpt, path_problem
from .folder_swap import temp_tag
from .run_folder import RUN_DATA, RUN_FILES, RUN_REQUIRED, Holding, checked_path, hashes, replacing, verify
from .runner import RunResult

__all__ = ["OutputError", "parquet_meta", "prepare_dir", "read_comparison", "read_run", "to_parquet", "write_atomic",
           "write_json", "write_parquet", "write_run"]


def prepare_dir(out: str | Path) -> Path:
    """Create the output folder (and parents) or say clearly why it cannot be used."""
    path = checked_path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"--out {path}: cannot create the folder: {err.strerror}") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"--out {path}: folder is not writable")
    return path


def write_atomic(path: Path, write: Callable[[Path], Any]) -> None:
    """`write(tmp)` to a temporary name of this writer's own, then move it to `path` in one step."""
    tmp = path.with_name(f".{path.name}.{temp_tag()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, default=str)


def write_json(path: Path, data: Any) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(_dumps(data), encoding="utf-8"))


PARQUET_KEY = b"evictsim"  # the key of our metadata in a Parquet file's schema metadata


def to_parquet(frame: pd.DataFrame, path: Path, meta: dict[str, Any] | None = None) -> None:
    """Write a table with `meta` (as JSON) in the file's own metadata, so that a Parquet file
    copied on its own still says what produced it; read it back with `parquet_meta`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    if meta is not None:
        extra = {PARQUET_KEY: json.dumps(meta, default=str).encode()}
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **extra})
    pq.write_table(table, path)


def parquet_meta(path: str | Path) -> dict[str, Any]:
    """The metadata `to_parquet` put in a file ({} if there is none)."""
    import pyarrow.parquet as pq

    raw = (pq.read_schema(path).metadata or {}).get(PARQUET_KEY)
    return json.loads(raw) if raw else {}


def write_parquet(path: Path, frame: pd.DataFrame, meta: dict[str, Any] | None = None) -> None:
    write_atomic(path, lambda tmp: to_parquet(frame, tmp, meta))


def write_run(result: RunResult, out: str | Path, force: bool = False) -> list[Path]:
    """monthly.parquet, journeys.parquet, summary.json and meta.json in `out`, as one unit.

    A run of the same scenario in `out` is replaced whole; any other result there is refused
    unless `force` (see sim.run_folder.claim).
    """
    with replacing(out, Holding("run", result.meta["scenario"]), force) as folder:
        write_run_files(result, folder)
    return [Path(out) / name for name in RUN_FILES]


def write_run_files(result: RunResult, folder: Path) -> None:
    """A run's files in `folder`, a new folder that is put in place as a whole afterwards; the
    tables carry the run's metadata, and meta.json also records the SHA-256 of each data file."""
    folder.mkdir(exist_ok=True)
    to_parquet(result.monthly, folder / "monthly.parquet", result.meta)
    to_parquet(result.journeys, folder / "journeys.parquet", result.meta)
    to_parquet(result.by_municipality, folder / "by_municipality.parquet", result.meta)
    (folder / "summary.json").write_text(_dumps(result.summary), encoding="utf-8")
    meta = {**result.meta, "kind": "run", "files": hashes(folder, RUN_DATA)}
    (folder / "meta.json").write_text(_dumps(meta), encoding="utf-8")


def write_comparison_files(comparison: Comparison, folder: Path) -> list[str]:
    """A comparison's table, each scenario's run in its own subfolder, and comparison.json, which
    records the SHA-256 of the table and of each run's meta.json; returns the scenario names."""
    names = list(comparison.runs)
    for name in names:
        if path_problem(name) or "/" in name or "\\" in name or name.startswith(".") or name in ("", "figures"):
            raise OutputError(f"scenario name {excerpt(name)}: cannot name a subfolder of the comparison "
                              "(one folder name, not starting with '.', not 'figures')")
        write_run_files(comparison.runs[name], folder / name)
    to_parquet(comparison.table, folder / "comparison.parquet", comparison.meta)
    records = comparison.table.replace({np.nan: None}).to_dict(orient="records")
    files = hashes(folder, ["comparison.parquet", *(f"{name}/meta.json" for name in names)])
    report = {"meta": comparison.meta, "rows": records, "kind": "comparison", "files": files}
    (folder / "comparison.json").write_text(_dumps(report), encoding="utf-8")
    return names


def read_comparison(folder: str | Path) -> Comparison:
    """Load a comparison written by `compare.write_comparison`: its table, meta and every run,
    each checked against the checksums it was written with."""
    path = Path(folder)
    if not (path / "comparison.json").is_file() or not (path / "comparison.parquet").is_file():
        raise OutputError(f"{path}: not an evictsim comparison folder (no comparison.json/.parquet)")
    report = _read_json(path / "comparison.json")
    verify(path, report.get("files"), "comparison.json")
    meta = report["meta"]
    runs = {name: read_run(path / name) for name in [meta["baseline"], *meta["scenarios"]]}
    return Comparison(pd.read_parquet(path / "comparison.parquet"), runs, meta)


def read_run(folder: str | Path) -> RunResult:
    """Load a run written by `write_run`, refusing it unless its files are the ones its
    meta.json was written with."""
    path = Path(folder)
    missing = [n for n in RUN_REQUIRED if not (path / n).is_file()]
    if missing:
        raise OutputError(f"{path}: not a complete evictsim run folder (missing {', '.join(missing)})")
    meta = _read_json(path / "meta.json")
    verify(path, meta.get("files"), "meta.json")
    return RunResult(
        monthly=pd.read_parquet(path / "monthly.parquet"),
        journeys=pd.read_parquet(path / "journeys.parquet"),
        summary=_read_json(path / "summary.json"),
        meta=meta,
        by_municipality=pd.read_parquet(path / "by_municipality.parquet")
        if (path / "by_municipality.parquet").is_file() else pd.DataFrame(),
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise OutputError(f"{path}: cannot be read ({type(err).__name__}); write the results again") from None
    if not isinstance(data, dict):
        raise OutputError(f"{path}: not what evictsim writes there; write the results again")
    return data
