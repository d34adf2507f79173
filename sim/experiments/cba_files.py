"""An MKBA's files beside its comparison: cba.parquet (the table, and the sensitivity table as
rows of section "sensitivity") and cba.json (metadata: discount rate, horizon, price year, unit
costs, conventions; the rows; the sensitivity table)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..comparison import Comparison
from ..results_io import to_parquet

if TYPE_CHECKING:
    from .cba import CBA


def write_cba(comparison: Comparison, result: CBA, out: str | Path, force: bool = False,
              extra=None) -> list[Path]:
    """The comparison in `out` (as `evictsim compare` writes it) with the MKBA's files beside it."""
    from .compare import write_comparison

    def add(folder: Path) -> None:
        write_cba_files(result, folder)
        if extra is not None:
            extra(folder)

    write_comparison(comparison, out, force, extra=add)
    return [Path(out) / "cba.parquet", Path(out) / "cba.json"]


def write_cba_files(result: CBA, folder: Path) -> None:
    to_parquet(tidy(result), folder / "cba.parquet", result.meta)
    report = {"meta": result.meta, "rows": _records(result.table), "sensitivity": _records(result.sensitivity)}
    (folder / "cba.json").write_text(_dumps(report), encoding="utf-8")


def tidy(result: CBA) -> pd.DataFrame:
    """The table and the sensitivity table in one tidy frame (section "sensitivity": name = the
    case, mean = society's net present value)."""
    s = result.sensitivity
    sens = pd.DataFrame({"scenario": s["scenario"], "section": "sensitivity", "name": s["case"], "label": s["case"],
                         "label_nl": s["case"], "mean": s["npv_society"], "defined": True})
    return pd.concat([result.table, sens], ignore_index=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.replace({np.nan: None}).to_dict(orient="records")


def _dumps(data) -> str:
    import json

    return json.dumps(data, indent=2, default=str)
