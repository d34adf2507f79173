"""The dashboard never shows stored results whose files do not belong together (issue 12).

Was: a run folder whose monthly table came from another run was read and shown as if whole.
"""

from __future__ import annotations

import shutil

from dashboard.runs import comparison_for
from sim import run
from sim.experiments.compare import compare, write_comparison
from sim.results_io import write_run

from .conftest import app, ran


def test_a_stored_comparison_with_a_replaced_table_is_refused_on_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("EVICTSIM_RESULTS", str(tmp_path))
    stored = compare("baseline", ["ombudsman-legal-aid"], population="2000", months=12, replications=2, warmup=0)
    write_comparison(stored, tmp_path / "town")
    assert len(ran(app(population="stored")).metric) == 8  # whole: shown
    write_run(run("baseline", population="2000", months=12, replications=2, warmup=0, seed=9), tmp_path / "other")
    shutil.copy(tmp_path / "other" / "monthly.parquet", tmp_path / "town" / "baseline" / "monthly.parquet")
    comparison_for.clear()  # as after a restart: the dashboard reads the folder again
    at = ran(app(population="stored"))
    assert not at.metric
    assert "monthly.parquet is not the file meta.json was written with" in at.error[0].value
