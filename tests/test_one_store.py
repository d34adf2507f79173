"""One store, one plan: whatever is written into a sweep's folder either extends its store
consistently (experiments.parquet, sweep.json, results.csv, figures/ and sensitivity.* all from the
same plan) or is refused with nothing changed. Outputs derived from the store carry the code and
the runs they used, and the ones made from an earlier plan are named when the plan changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim import load_results, perform_experiments, sensitivity
from sim.cli import main
from sim.experiments.outputs import StaleOutputWarning
from sim.results_io import OutputError, parquet_meta

HEAD = '''name = "study"
population = "2000"
months = 12
warmup = 0
replications = 1
outcomes = ["evictions", "arrears_new"]
'''
LHS = HEAD + '''design = "lhs"
samples = 4
[parameters]
"context.shocks.job_loss_per_month" = { min = 0.003, max = 0.006 }
"context.costs.legal_aid_eur" = { min = 500.0, max = 2000.0 }
'''
GRID = HEAD + '''design = "grid"
[parameters]
"context.shocks.job_loss_per_month" = { min = 0.003, max = 0.006, steps = 3 }
'''
SOBOL = LHS.replace('design = "lhs"\nsamples = 4', 'method = "sobol"\nsamples = 4')
MORRIS = LHS.replace('design = "lhs"\nsamples = 4', 'method = "morris"\nsamples = 2')


def write(folder: Path, body: str, name: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def consistent(out: Path) -> None:
    """Every file of the folder describes the plan in experiments.parquet, and nothing else."""
    plan = pd.read_parquet(out / "experiments.parquet")
    table = pd.read_csv(out / "results.csv", comment="#")
    assert list(table.run_id) == list(plan.run_id) == list(load_results(out).experiments.run_id)
    varied = [c for c in plan.columns if c.startswith(("context.", "policy."))]
    record = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    spec_names = set(record["spec"]["parameters"] or record["spec"]["uncertainties"])
    assert set(varied) == spec_names
    for figure in (out / "figures").glob("*_vs_*.png"):
        assert figure.stem.split("_vs_", 1)[1] in varied, f"{figure.name}: a figure of an earlier plan"
    if (out / "sensitivity.json").exists():
        report = json.loads((out / "sensitivity.json").read_text(encoding="utf-8"))
        assert report["method"] == record["spec"]["method"] and report["stamp"]["runs"] == len(plan)
        assert {r["parameter"] for r in report["indices"]} == set(varied)


@pytest.mark.filterwarnings("ignore:Sobol indices are unreliable")  # four samples: few, and beside the point
def test_sensitivity_then_a_sweep_of_another_design_is_refused_and_changes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    sensitivity(write(tmp_path, SOBOL, "sobol"), out, workers=1, progress=False)
    consistent(out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert main(["sweep", str(write(tmp_path, GRID, "grid")), "--out", str(out), "--workers", "1"]) == 2
    assert "holds a sensitivity study" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    with pytest.raises(OutputError, match="would contradict itself"):
        perform_experiments(write(tmp_path, LHS, "lhs"), out, workers=1, progress=False)
    perform_experiments(write(tmp_path, GRID, "grid"), out, workers=1, progress=False, force=True)
    assert not (out / "sensitivity.json").exists(), "--force replaced the sensitivity analysis whole"
    consistent(out)


def test_a_sweep_then_another_design_of_it_rewrites_every_file_from_the_new_plan(tmp_path):
    out = tmp_path / "out"
    perform_experiments(write(tmp_path, LHS, "lhs"), out, workers=1, progress=False)
    consistent(out)
    assert (out / "figures" / "evictions_vs_context.costs.legal_aid_eur.png").is_file()
    perform_experiments(write(tmp_path, GRID, "grid"), out, workers=1, progress=False)
    consistent(out)
    assert not (out / "figures" / "evictions_vs_context.costs.legal_aid_eur.png").exists()


def test_a_sensitivity_with_another_method_rewrites_its_outputs(tmp_path):
    out = tmp_path / "out"
    sensitivity(write(tmp_path, MORRIS, "morris"), out, workers=1, progress=False)
    consistent(out)
    with pytest.warns(UserWarning):  # four Sobol samples are too few; the figure says so too
        sensitivity(write(tmp_path, SOBOL, "sobol"), out, workers=1, progress=False)
    consistent(out)
    assert "ST" in pd.read_csv(out / "sensitivity.csv")


def test_analysis_outputs_carry_their_stamp_and_are_named_when_the_plan_grows(tmp_path, capsys):
    out = tmp_path / "out"
    perform_experiments(write(tmp_path, GRID, "grid"), out, workers=1, progress=False)
    assert main(["features", str(out), "--outcome", "arrears_new"]) == 0
    capsys.readouterr()
    stamp = json.loads((out / "analysis" / "feature_scores.json").read_text(encoding="utf-8"))["stamp"]
    assert stamp["runs"] == 3 and stamp["version"] and "git_commit" in stamp and "git_dirty" in stamp
    assert "# runs used: 3" in (out / "analysis" / "feature_scores.csv").read_text(encoding="utf-8")
    assert "# runs used: 3" in (out / "results.csv").read_text(encoding="utf-8")
    assert parquet_meta(out / "experiments.parquet")["stamp"]["runs"] == 3
    with pytest.warns(StaleOutputWarning, match="made from an earlier plan"):
        perform_experiments(write(tmp_path, GRID.replace("steps = 3", "steps = 4"), "grid"), out, workers=1,
                            progress=False)
