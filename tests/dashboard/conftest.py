"""Shared fixtures for the dashboard tests: a small comparison and an AppTest of the dashboard.

Everything runs on the small town for 36 months with 2 replications in 4 draws, so that a first
run takes seconds and later runs hit the dashboard's cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sim.experiments.compare import Comparison, compare

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
