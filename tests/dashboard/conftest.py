"""Shared fixtures for the dashboard tests: a small comparison and an AppTest of the dashboard.

Everything runs on the small town for 36 months with 2 replications in 4 draws, so that a first
run takes seconds and later runs hit the dashboard's cache.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app_pages.explore import data as explore_data
from sim.cli import main as evictsim
from sim.experiments.compare import Comparison, compare
from sim.experiments.sweep import sweep

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
QUICK = {"reps": "2", "months": "36", "draws": "4"}  # draws: the fewest the sidebar offers (state.DRAW_CHOICES)


def app(**params: str | list[str]) -> AppTest:
    """The dashboard, opened at an address with these query parameters (quick run settings)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in {**QUICK, **params}.items():
        at.query_params[key] = value
    return at


def ran(at: AppTest) -> AppTest:
    """Run (or rerun) and fail on any exception the app showed."""
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def opened(**params: str | list[str]) -> AppTest:
    """The dashboard opened at an address and, as a user would, its Run button pressed: nothing is
    simulated before Run (the page asks for it), so a test that wants results presses it."""
    at = ran(app(**params))
    if any(b.key == "run_page" for b in at.button):
        at.button(key="run_page").click()
        ran(at)
    return at


@pytest.fixture(scope="session")
def comparison() -> Comparison:
    return compare("baseline", ["ombudsman-package"], population="small_town", months=36, replications=2, seed=3)


@pytest.fixture(scope="session")
def two_scenarios() -> Comparison:
    """Two scenarios: the longest key-message slide and the narrowest scorecard columns."""
    return compare("baseline", ["ombudsman-package", "ombudsman-legal-aid"], population="small_town", months=36,
                   replications=2, seed=3)


# -- stored results for the explore page (test_explore, test_dutch) ---------------------------
PARAMETERS = """
[parameters]
"context.shocks.job_loss_per_month" = { min = 0.01, max = 0.03%s }
"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0%s }
"""
COMMON = """population = "2000"
months = 12
warmup = 24
replications = 1
outcomes = ["evictions", "homeless_households"]
"""
FIT = pd.DataFrame({
    "target": ["evictions_all", "signals", "shelter_families"], "kind": ["fit", "fit", "upper"],
    "estimate": [False, True, False], "observed": [3100.0, 185000.0, 850.0], "band_low": [2635.0, 170000.0, 800.0],
    "band_high": [3565.0, 200000.0, 900.0], "simulated": [3210.0, 129930.0, 100.0],
    "sim_low": [2656.0, 115976.0, 53.0], "sim_high": [3839.0, 155670.0, 188.0],
    "status": ["fits", "does not fit", "below, as it should be"], "source": ["[KB4]", "[DV4]", "[TRG]"],
    "note": ["band +-15%", "signals grew since 2022", "all families in shelter"]})
RECORD = {"date": "2026-01-02", "method": "ABC-SMC",
          "settings": {"population": "national", "scale": 0.05, "months": 24, "warmup": 24, "particles": 64,
                       "generations": 6, "seed": 2023},
          "generations": [{"number": 0}, {"number": 1}],
          "priors": {"context.shocks.job_loss_per_month": {"min": 0.008, "max": 0.03}},
          "estimate": {"context.shocks.job_loss_per_month": 0.0175}, "version": "0.1.0"}


@pytest.fixture(scope="session")
def stored(tmp_path_factory) -> Path:
    """results/ with a 2 x 2 grid sweep ("tiny") and a Morris analysis with discovery ("sens")."""
    base = tmp_path_factory.mktemp("explore")
    results = base / "results"
    grid = base / "tiny.toml"
    grid.write_text('name = "tiny"\n' + COMMON + PARAMETERS % (", steps = 2", ", steps = 2"), encoding="utf-8")
    sweep(grid, results / "tiny", workers=1, progress=False)
    morris = base / "sens.toml"
    # New arrears depend on the job-loss rate clearly even in 2,000 households (evictions are too few).
    morris.write_text('name = "sens"\nmethod = "morris"\nsamples = 2\n' + COMMON.replace('"evictions"', '"arrears_new"')
                      + PARAMETERS % ("", "") + '\n[discovery]\noutcome = "arrears_new"\nabove = 400\n',
                      encoding="utf-8")
    assert evictsim(["sensitivity", str(morris), "--out", str(results / "sens"), "--workers", "1",
                     "--no-progress"]) == 0
    return results


@pytest.fixture
def calibration(tmp_path) -> Path:
    folder = tmp_path / "calibration"
    folder.mkdir()
    FIT.to_csv(folder / "fit.csv", index=False)
    (folder / "calibration.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (folder / "report.md").write_text("# Calibration report\n", encoding="utf-8")
    return folder


def point_at(monkeypatch, results: Path, calibration: Path) -> None:
    monkeypatch.setenv("EVICTSIM_RESULTS", str(results))
    monkeypatch.setenv(explore_data.CALIBRATION_ENV, str(calibration))
