"""Calibration targets, the ABC-SMC calibration, the calibrated baseline and the model docs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from sim import run
from sim.experiments.calibrate import Calibration, load_priors
from sim.docs import MODEL_DOC, render
from sim.parameters import Policy
from sim.runner import yearly_by_replication
from sim.scenario import ScenarioError
from sim.experiments.targets import DEFAULT_TARGETS, TargetsError, load_targets

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT.parent / "shared" / "domain.md"
# domain3.md (prevention, families, regimes, unit costs) only where the shared notes have it
DOMAIN_NOTES = tuple(p for p in (DOMAIN, *(ROOT.parent / "shared" / f"domain{n}.md" for n in (2, 3)))
                     if p == DOMAIN or p.exists())
KEY = r"\[([A-Za-z0-9-]+)\]"
HEADER = "target,outcome,year,unit,value,low,high,kind,estimate,source,note\n"


def write_targets(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "targets.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_targets_load_and_fit_rows_exist():
    targets = load_targets()
    assert len([t for t in targets if t.kind == "fit"]) >= 8
    assert all(t.low <= t.value <= t.high for t in targets)


@pytest.mark.skipif(not DOMAIN.exists(), reason="the shared domain notes are not beside the repository")
def test_every_target_cites_a_source_key_of_the_domain_notes():
    keys = {key for notes in DOMAIN_NOTES for key in re.findall(KEY, notes.read_text(encoding="utf-8"))}
    for t in load_targets():
        cited = re.findall(KEY, t.source)
        assert cited and set(cited) <= keys, t.name


@pytest.mark.parametrize("text, where", [
    ("target,outcome,year\nx,evictions,2022\n", "missing column(s) unit"),
    (HEADER + "a,evictions,2022,n,many,1,2,fit,no,[KB4],x\n", "row 2 (a), column value: 'many' is not a number"),
    (HEADER + "a,evictions,2022,n,1,1,2,fit,no,[KB4],x\nb,evictionz,2022,n,1,1,2,fit,no,[KB4],x\n",
     "row 3 (b), column outcome: unknown outcome 'evictionz'"),
    (HEADER + "a,evictions/nothing,2022,n,1,1,2,fit,no,[KB4],x\n", "unknown outcome 'nothing'"),
    (HEADER + "a,evictions,2022,n,1,1,2,guess,no,[KB4],x\n", "column kind"),
    (HEADER + "a,evictions,2022,n,5,1,2,fit,no,[KB4],x\n", "value must lie within"),
])
def test_a_bad_targets_file_names_row_and_column(tmp_path, text, where):
    with pytest.raises(TargetsError) as info:
        load_targets(write_targets(tmp_path, text))
    assert where in str(info.value) and "targets.csv" in str(info.value)


def test_a_bad_prior_is_refused(tmp_path):
    path = tmp_path / "parameters.toml"
    path.write_text('["context.shocks.job_loss_per_month"]\nmin = 0.5\nmax = 2.0\nreason = "x"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="outside the allowed"):
        load_priors(path)
    path.write_text('["policy.legal_aid.share_summoned"]\nmin = 0.1\nmax = 0.9\nreason = "x"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="not a context parameter"):
        load_priors(path)


@pytest.fixture()
def tiny_calibration(tmp_path):
    folder = tmp_path / "cal"
    folder.mkdir()
    shutil.copy(DEFAULT_TARGETS, folder / "targets.csv")
    shutil.copy(DEFAULT_TARGETS.parent / "parameters.toml", folder / "parameters.toml")
    (folder / "settings.toml").write_text(
        'population = "national"\nscale = 0.004\nmonths = 12\nwarmup = 12\nparticles = 6\ngenerations = 2\n'
        "batch = 6\nseed = 5\n", encoding="utf-8")
    return folder


def test_abc_smc_tightens_and_writes_a_parameter_set_the_baseline_can_use(tiny_calibration):
    cal = Calibration(tiny_calibration, workers=1, progress=False)
    generations = cal.run()
    assert generations[1].tolerance < np.inf
    assert np.all(generations[1].distances <= generations[1].tolerance)
    assert np.isclose(generations[1].weights.sum(), 1)
    record = cal.write(generations)
    calibrated = (tiny_calibration / "calibrated.toml").read_text(encoding="utf-8")
    assert "[context.shocks]" in calibrated and record["date"] in calibrated
    user = tiny_calibration / "mine.toml"
    user.write_text(f'extends = "{tiny_calibration / "calibrated"}"\n', encoding="utf-8")
    from sim import load_scenario

    scenario = load_scenario(user)
    fitted = record["estimate"]["context.shocks.job_loss_per_month"]
    assert scenario.context.shocks.job_loss_per_month == pytest.approx(fitted, rel=1e-5)
    assert scenario.calibration["method"] == "ABC-SMC"


def test_an_interrupted_calibration_replays_from_its_store(tiny_calibration):
    first = Calibration(tiny_calibration, workers=1, progress=False).run()
    stored = sorted((tiny_calibration / "runs").rglob("*.parquet"))
    again = Calibration(tiny_calibration, workers=1, progress=False).run()
    assert sorted((tiny_calibration / "runs").rglob("*.parquet")) == stored
    assert np.array_equal(first[-1].particles, again[-1].particles)


# The targets that the calibrated point reproduces on a 5 % sample (calibration of 2026-12-06,
# refined near its medians): all sixteen `fit` rows. Signals (196,000 of at most 200,000) and the families'
# share of the evicted (0.106 of at least 0.10) sit near an edge of their bands.
CHECKS_THAT_HOLD = ("signal_reach", "signal_acceptance", "betaalrisico_share", "rent_allowance_recipients",
                    "rent_allowance_average")


@pytest.mark.slow
def test_the_calibrated_baseline_stays_within_the_target_bands():
    """On a 5 % sample of the country as the calibration has it (three municipality types), the
    calibrated baseline reproduces every figure it was fitted to."""
    result = run("baseline", population="national_types", scale=0.05, months=24, replications=2, seed=42)
    yearly = yearly_by_replication(result.monthly)
    for target in load_targets():
        if target.kind == "fit" or target.name in CHECKS_THAT_HOLD:
            value = float(np.mean(target.simulated(yearly)))
            assert target.low <= value <= target.high, (target.name, value)
        if target.kind == "upper":
            assert float(np.mean(target.simulated(yearly))) <= target.high, target.name


def test_the_parameter_table_in_the_model_docs_is_up_to_date():
    text = MODEL_DOC.read_text(encoding="utf-8")
    assert render(text) == text, "run `python -m sim.docs` to regenerate docs/model.md's parameter table"


def test_every_policy_lever_has_a_paragraph_in_the_model_docs():
    text = MODEL_DOC.read_text(encoding="utf-8")
    for group in Policy.model_fields:
        assert f"`policy.{group}" in text, group


def test_the_report_counts_how_many_particles_carry_the_posterior():
    """Kish's effective sample size: all particles when weights are equal, one when one holds them all."""
    from sim.experiments.calibration_report import effective_sample_size

    assert effective_sample_size(np.ones(64)) == pytest.approx(64)
    assert effective_sample_size(np.array([1.0, 0, 0, 0])) == pytest.approx(1)
    assert effective_sample_size(np.array([0.7, 0.2, 0.05, 0.05])) < 2
