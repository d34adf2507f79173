"""What a researcher is told: the values a scenario runs (`params --scenario`), swept ranges outside
the calibrated posterior, what a study will run before it runs (`--dry-run`), and how many stored
runs it reuses.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from sim import load_scenario
from sim.cli import main
from sim.experiments.calibrated import (PosteriorRangeWarning, check_posterior_ranges, outside_posterior,
                                        posterior_ranges, swept_spans)
from sim.experiments.sweep_spec import base_scenario, load_spec
from sim.scenario import flatten

ROOT = Path(__file__).resolve().parents[1]
TINY = '''name = "{name}"
population = "2000"
months = 12
warmup = 0
replications = 1
design = "grid"
series = {series}
outcomes = ["evictions"]
[parameters]
"context.shocks.job_loss_per_month" = {{ min = {low}, max = {high}, steps = 2 }}
'''


def tiny(folder: Path, name: str = "tiny", low: float = 0.003, high: float = 0.006, series: bool = False) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(TINY.format(name=name, low=low, high=high, series=str(series).lower()), encoding="utf-8")
    return path


def test_params_for_a_scenario_shows_what_it_runs_next_to_the_default(capsys):
    baseline = load_scenario("baseline")
    calibrated = posterior_ranges(baseline)
    assert calibrated, "the baseline's calibration has a posterior sample"
    assert main(["params", "--scenario", "baseline"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.startswith("context.")}
    values = flatten(baseline.parameters())
    for name, p in calibrated.items():  # whatever the calibration fits (read from its files)
        assert f"{values[name]:.6g}*" in lines[name], f"{name}: the calibrated value, marked as not the default"
        assert f"{p.low:.4g}-{p.high:.4g}" in lines[name]
    job_loss = "context.shocks.job_loss_per_month"
    assert f"{values[job_loss]:.6g}" in lines[job_loss]


def test_a_range_mostly_outside_the_posterior_is_warned_about(tmp_path, capsys):
    path = tiny(tmp_path, low=0.02, high=0.03)
    assert main(["sweep", str(path), "--out", str(tmp_path / "out"), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "evictsim: warning: context.shocks.job_loss_per_month: 100% of the range 0.02-0.03 lies outside" \
        in captured.err
    assert "nothing was run (--dry-run)" in captured.out and not (tmp_path / "out").exists()
    spec = load_spec(path)
    with pytest.warns(PosteriorRangeWarning, match="calibration does not support"):
        check_posterior_ranges(spec, path)


def test_a_range_around_the_posterior_is_not_warned_about(tmp_path):
    p = posterior_ranges(load_scenario("baseline"))["context.shocks.job_loss_per_month"]
    spec = load_spec(tiny(tmp_path, low=p.low * 0.9, high=p.high * 1.1))
    assert outside_posterior(swept_spans(spec), load_scenario("baseline")) == []


SWEEP_EXAMPLES = [p for p in sorted(glob.glob(str(ROOT / "examples" / "*.toml"))) if "optimize" not in p]


@pytest.mark.parametrize("path", SWEEP_EXAMPLES)
def test_the_examples_sweep_inside_or_around_the_calibrated_posterior(path):
    spec = load_spec(path)
    assert outside_posterior(swept_spans(spec), base_scenario(spec, path)) == []


def test_a_dry_run_counts_what_is_stored_with_its_series(tmp_path, capsys):
    """A store without monthly series has nothing a `series = true` spec can reuse: the count says so."""
    out = tmp_path / "out"
    assert main(["sweep", str(tiny(tmp_path)), "--workers", "1", "--out", str(out), "--no-progress"]) == 0
    assert main(["sweep", str(tiny(tmp_path)), "--out", str(out), "--dry-run"]) == 0
    assert "2 of 2 already stored" in capsys.readouterr().out
    assert main(["sweep", str(tiny(tmp_path, series=True)), "--out", str(out), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "already stored" not in text and "2 runs to simulate (0 of 2 stored already)" in text


def test_sensitivity_says_how_many_runs_it_reused(tmp_path, capsys):
    spec = tmp_path / "sens.toml"
    spec.write_text(TINY.format(name="sens", low=0.003, high=0.006, series="false").replace(
        'design = "grid"', 'method = "morris"\nsamples = 2').replace(", steps = 2", "")
        + '"context.costs.legal_aid_eur" = { min = 500.0, max = 2000.0 }\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["sensitivity", str(spec), "--workers", "1", "--out", str(out), "--no-progress"]) == 0
    first = capsys.readouterr().out
    assert "0 of them stored already" in first and "6 runs simulated, 0 reused" in first
    assert main(["sensitivity", str(spec), "--workers", "1", "--out", str(out), "--no-progress"]) == 0
    assert "0 runs simulated, 6 reused" in capsys.readouterr().out
