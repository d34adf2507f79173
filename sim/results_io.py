"""The one module that touches result files: tidy Parquet tables with JSON sidecars.

Every file is written to a temporary name and moved into place, so an interrupted write never
leaves a half-written file under its real name, and files that are not ours are left alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .limits import excerpt, path_problem
from .runner import RunResult


class OutputError(ValueError):
    """An output folder that cannot be used."""


def prepare_dir(out: str | Path) -> Path:
    """Create the output folder (and parents) or say clearly why it cannot be used."""
    path = Path(out)
    problem = path_problem(str(out))
    if problem:
        raise OutputError(f"--out {excerpt(str(out))}: the path {problem}")
    if path.exists() and not path.is_dir():
        raise OutputError(f"--out {path}: exists and is not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"--out {path}: cannot create the folder: {err.strerror}") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"--out {path}: folder is not writable")
    return path


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_json(path: Path, data: Any) -> None:
    _atomic(path, lambda tmp: tmp.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8"))


def write_parquet(path: Path, frame: pd.DataFrame) -> None:
    _atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))


def write_run(result: RunResult, out: str | Path) -> list[Path]:
    """monthly.parquet, journeys.parquet, summary.json and meta.json in `out`."""
    path = prepare_dir(out)
    files = [path / "monthly.parquet", path / "journeys.parquet", path / "summary.json", path / "meta.json"]
    write_parquet(files[0], result.monthly)
    write_parquet(files[1], result.journeys)
    write_json(files[2], result.summary)
    write_json(files[3], result.meta)
    return files


def read_comparison(folder: str | Path):
    """Load a comparison written by `compare.write_comparison`: its table, meta and every run."""
    from .experiments.compare import Comparison

    path = Path(folder)
    if not (path / "comparison.json").is_file() or not (path / "comparison.parquet").is_file():
        raise OutputError(f"{path}: not an evictsim comparison folder (no comparison.json/.parquet)")
    meta = json.loads((path / "comparison.json").read_text(encoding="utf-8"))["meta"]
    runs = {name: read_run(path / name) for name in [meta["baseline"], *meta["scenarios"]]}
    return Comparison(pd.read_parquet(path / "comparison.parquet"), runs, meta)


def read_run(folder: str | Path) -> RunResult:
    """Load a run written by `write_run`."""
    path = Path(folder)
    missing = [n for n in ("monthly.parquet", "journeys.parquet", "summary.json", "meta.json")
               if not (path / n).is_file()]
    if missing:
        raise OutputError(f"{path}: not a complete evictsim run folder (missing {', '.join(missing)})")
    return RunResult(
        monthly=pd.read_parquet(path / "monthly.parquet"),
        journeys=pd.read_parquet(path / "journeys.parquet"),
        summary=json.loads((path / "summary.json").read_text(encoding="utf-8")),
        meta=json.loads((path / "meta.json").read_text(encoding="utf-8")),
    )
