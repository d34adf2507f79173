"""A regression baseline: a small fixed run whose yearly outcomes must not change by accident.

When a change to the model is meant to change results, regenerate on purpose and say why in
the commit:  EVICTSIM_REGENERATE=1 .venv/bin/python -m pytest tests/test_regression.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sim import run

BASELINE = Path(__file__).parent / "data" / "regression_baseline.json"
KEYS = ("evictions", "evictions_with_children", "children_evicted", "summonses", "verdicts", "signals",
        "households_in_arrears", "homeless_households", "children_separated", "school_changes", "cost_total_eur")


def current() -> dict[str, float]:
    summary = run("baseline", population="20000", months=36, seed=7, replications=2, warmup=12).summary
    return {k: round(summary[k]["mean"], 6) for k in KEYS}


def test_the_baseline_gives_the_recorded_results():
    values = current()
    if os.environ.get("EVICTSIM_REGENERATE") == "1":
        BASELINE.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
        pytest.skip("regression baseline regenerated")
    recorded = json.loads(BASELINE.read_text(encoding="utf-8"))
    changed = {k: (recorded[k], values[k]) for k in KEYS if values[k] != pytest.approx(recorded[k], rel=1e-9)}
    assert not changed, f"results changed (recorded, now): {changed}; regenerate on purpose if intended"
