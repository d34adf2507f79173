"""Calibration targets: observed Dutch figures and how to read them off the model.

`calibration/targets.csv` has one row per figure from the project's domain notes. `outcome` is
a model outcome or a ratio of two ("evictions/eviction_orders"). `kind` says how a row is
used: `fit` (in the calibration distance), `check` (reported against its band), or `upper`
(the model covers only part of what the figure counts, so it must stay below it).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..limits import read_input
from ..pathway.outcomes import OUTCOME_INDEX

COLUMNS = ("target", "outcome", "year", "unit", "value", "low", "high", "kind", "estimate", "source", "note")
KINDS = ("fit", "check", "upper")
DEFAULT_TARGETS = Path(__file__).resolve().parents[2] / "calibration" / "targets.csv"


class TargetsError(ValueError):
    """A targets file that cannot be used; the message names the row and column."""


@dataclass(frozen=True)
class Target:
    name: str
    outcome: str
    year: int
    unit: str
    value: float
    low: float
    high: float
    kind: str
    estimate: bool
    source: str
    note: str

    @property
    def sd(self) -> float:
        """The band read as about +-2 standard deviations."""
        return max((self.high - self.low) / 4, 1e-12)

    def simulated(self, yearly: pd.DataFrame) -> np.ndarray:
        """The target's value per row of yearly outcomes."""
        if "/" in self.outcome:
            num, den = self.outcome.split("/")
            n, d = yearly[num].to_numpy(float), yearly[den].to_numpy(float)
            return np.divide(n, d, out=np.full_like(n, np.nan), where=d > 0)
        return yearly[self.outcome].to_numpy(float)


def load_targets(path: str | Path = DEFAULT_TARGETS) -> list[Target]:
    path = Path(path)
    try:
        reader = csv.DictReader(io.StringIO(read_input(path).decode("utf-8-sig"), newline=""))
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise TargetsError(f"{path}: missing column(s) {', '.join(missing)}; needed: {', '.join(COLUMNS)}")
        return [_row(path, i, row) for i, row in enumerate(reader, start=2)]
    except (UnicodeDecodeError, csv.Error) as err:
        raise TargetsError(f"{path}: not a UTF-8 CSV of targets ({err})") from None


def _row(path: Path, line: int, row: dict[str, str]) -> Target:
    where = f"{path}, row {line} ({row.get('target') or '?'})"
    numbers = {}
    for column in ("year", "value", "low", "high"):
        try:
            numbers[column] = float(row[column])
        except (TypeError, ValueError):
            raise TargetsError(f"{where}, column {column}: {row[column]!r} is not a number") from None
    for name in row["outcome"].split("/"):
        if name not in OUTCOME_INDEX:
            raise TargetsError(f"{where}, column outcome: unknown outcome {name!r}")
    if row["kind"] not in KINDS:
        raise TargetsError(f"{where}, column kind: {row['kind']!r}; allowed: {', '.join(KINDS)}")
    if not numbers["low"] <= numbers["value"] <= numbers["high"]:
        raise TargetsError(f"{where}, columns low/value/high: value must lie within [low, high]")
    return Target(row["target"], row["outcome"], int(numbers["year"]), row["unit"], numbers["value"],
                  numbers["low"], numbers["high"], row["kind"], row["estimate"].strip().lower() == "yes",
                  row["source"], row["note"])


def distance(targets: list[Target], yearly: pd.DataFrame) -> float:
    """Root mean squared standardised error over the `fit` targets (mean over replications)."""
    errors = []
    for t in targets:
        if t.kind == "fit":
            values = t.simulated(yearly)
            values = values[np.isfinite(values)]  # a ratio whose denominator was 0 in a small run
            sim = values.mean() if values.size else np.nan
            errors.append(((sim - t.value) / t.sd) ** 2 if np.isfinite(sim) else 100.0)
    return float(np.sqrt(np.mean(errors)))
