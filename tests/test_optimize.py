"""Policy search (`evictsim optimize`): a Pareto set of policies from the example spec, resumed after
kill -9 without running stored evaluations again; specs checked before anything runs; the Pareto
set, robustness metrics and constraints on made-up evaluations.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.experiments.optimize import policy_table
from sim.experiments.optimize_spec import OptimizeSpec
from sim.experiments.policy_eval import Evaluation, noise_half_width
from sim.results_io import parquet_meta
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "optimize_prevention.toml"


def _start(out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "sim.cli", "optimize", str(EXAMPLE), "--workers", "2",
                             "--out", str(out), "--no-progress"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_the_example_finds_a_pareto_set_and_resumes_after_kill_9(tmp_path):
    out = tmp_path / "opt"
    first = _start(out)
    deadline = time.monotonic() + 120
    while len(list((out / "runs").glob("*.parquet"))) < 12 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored = {p.name: p.stat().st_mtime_ns for p in (out / "runs").glob("*.parquet")}
    assert len(stored) >= 12, "the first generation was stored before the kill"
    second = _start(out)
    text, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert f"{len(stored)} read from the store" in text or f"{len(stored) + 0} read" in text
    assert {p.name: p.stat().st_mtime_ns for p in (out / "runs").glob("*.parquet") if p.name in stored} == stored, \
        "no stored evaluation was run again"
    pareto = pd.read_csv(out / "pareto.csv", comment="#")
    assert len(pareto) >= 2 and pareto.pareto.all() and pareto.feasible.all()
    assert {"policy", "policy.early_signalling.reach", "evictions", "evictions_noise", "cost_municipality_eur"} \
        <= set(pareto.columns)
    assert _non_dominated(pareto[["evictions", "cost_municipality_eur"]].to_numpy())
    assert (out / "figures" / "tradeoff.png").read_bytes().startswith(b"\x89PNG")
    stamp = parquet_meta(out / "pareto.parquet")["stamp"]
    assert stamp["runs"] == len(sim.load_results(out)) and "git_commit" in stamp and "git_dirty" in stamp
    assert "hypervolume" in text and "non-dominated" in text


def _non_dominated(f: np.ndarray) -> bool:
    """No row is at least as good on every column and better on one than another row."""
    return not any((f[j] <= f[i]).all() and (f[j] < f[i]).any() for i in range(len(f)) for j in range(len(f)))


def test_a_dry_run_says_what_it_would_run_and_runs_nothing(tmp_path, capsys):
    assert main(["optimize", str(EXAMPLE), "--out", str(tmp_path / "o"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 generations x 6 policies x 2 runs" in out and "= 36 runs" in out and "Nothing was run" in out
    assert not (tmp_path / "o").exists()


def _spec(**changes) -> dict:
    spec = {"name": "t", "levers": {"policy.legal_aid.share_summoned": {"min": 0.1, "max": 1.0}},
            "objectives": {"evictions": "min", "cost_total_eur": "min"}}
    return {**spec, **changes}


@pytest.mark.parametrize("changes, message", [
    ({"objectives": {"evicions": "min"}}, "did you mean evictions"),
    ({"levers": {"context.shocks.job_loss_per_month": {"min": 0.002, "max": 0.01}}}, "not ours to choose"),
    ({"levers": {"policy.legal_aid.share_summoned": {"min": 0.1, "max": 2.0}}}, "outside the allowed"),
    ({"levers": {"context.court.settle_after_verdict": {"min": 0.1, "max": 0.5}}}, "context.bailiff.settle_per_month"),
    ({"robustness": "p90"}, "posterior_draws to at least 2"),
    ({"robustness": "worst"}, "allowed are"),
    ({"constraints": {"cost_total_eur": {}}}, "give min, max or both"),
    ({"levers": {"scenarios": ["baseline"]}}, "at least two scenario names"),
])
def test_a_bad_spec_names_the_field_and_what_is_allowed(changes, message):
    with pytest.raises(ValidationError, match=message):
        OptimizeSpec.model_validate(_spec(**changes))


def test_the_cli_reports_a_bad_spec_in_one_line(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text('name = "bad"\n[levers]\n"policy.legal_aid.share_summoned" = { min = 0.1, max = 1.0 }\n'
                    '[objectives]\nevictions = "lowest"\n', encoding="utf-8")
    assert main(["optimize", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.toml" in err and "objectives.evictions" in err and "'min'" in err


def test_the_pareto_set_holds_the_feasible_policies_no_other_one_beats():
    spec = OptimizeSpec.model_validate(_spec(constraints={"summonses": {"max": 10.0}}))
    rows = [("a", 1.0, 5.0, 1.0), ("b", 2.0, 2.0, 1.0), ("c", 3.0, 3.0, 1.0),  # c is dominated by b
            ("d", 0.5, 0.5, 20.0)]                                              # d breaks the constraint
    evaluated = [Evaluation(i, name, {}, {"evictions": e, "cost_total_eur": c, "summonses": s})
                 for i, (name, e, c, s) in enumerate(rows)]
    table = policy_table(spec, evaluated).set_index("policy")
    assert table.pareto.to_dict() == {"a": True, "b": True, "c": False, "d": False}
    assert not table.loc["d", "feasible"]


def test_noise_half_width_comes_from_replications_within_draws():
    table = pd.DataFrame({"draw": [0, 0, 1, 1], "evictions": [1.0, 3.0, 11.0, 13.0]})  # within-draw variance 2
    # t with 4 runs - 2 draws = 2 degrees of freedom (2.920), over the mean of 4 runs
    half = noise_half_width(table, "evictions")
    assert half == pytest.approx(2.920 * np.sqrt(2.0 / 4), rel=1e-3), "the draws' levels (1 vs 11) are not noise"
    assert np.isnan(noise_half_width(table.iloc[[0, 2]], "evictions")), "one replication cannot show noise"


ROBUST = {"name": "robust", "population": "2000", "months": 12, "warmup": 0, "replications": 1, "seed": 5,
          "posterior_draws": 2, "generations": 2, "policies": 4,
          "levers": {"scenarios": ["baseline", "ombudsman-legal-aid"],
                     "policy.legal_aid.share_summoned": {"min": 0.05, "max": 1.0}},
          "objectives": {"summonses": "min", "cost_total_eur": "min"}}


@pytest.mark.parametrize("robustness", ["regret", "p90"])
def test_a_robust_search_judges_each_policy_over_the_same_posterior_draws(tmp_path, robustness):
    spec = OptimizeSpec.model_validate({**ROBUST, "robustness": robustness})
    found = sim.optimize(spec, tmp_path / "out", workers=1, progress=False)
    experiments = sim.load_results(tmp_path / "out").experiments
    assert set(experiments.draw) == {0, 1} and experiments.seed.nunique() == 1, "common seeds, the same draws"
    assert set(found.policies["scenarios"]) <= {"baseline", "ombudsman-legal-aid"}
    if robustness == "regret":
        assert "reference: baseline" in set(experiments.policy), "regret is against the base policy in each draw"
        assert found.policies.summonses.notna().all()
    assert len(found.convergence) == 2 and found.convergence.hypervolume.between(0, 1).all()
    again = sim.optimize(spec, tmp_path / "out", workers=1, progress=False, report=False)
    assert again.simulated == 0 and again.reused > 0
    pd.testing.assert_frame_equal(again.pareto, found.pareto)


def test_an_optimisation_is_refused_in_a_sweeps_folder(tmp_path):
    from sim.results_io import OutputError

    (tmp_path / "s.toml").write_text('name = "robust"\npopulation = "2000"\nmonths = 12\nwarmup = 0\n'
                                     '[parameters]\n"policy.legal_aid.share_summoned" = { values = [0.1, 0.2] }\n',
                                     encoding="utf-8")
    sim.perform_experiments(tmp_path / "s.toml", tmp_path / "out", workers=1, progress=False, report=False)
    with pytest.raises(OutputError, match="holds a sweep study"):
        sim.optimize(OptimizeSpec.model_validate(ROBUST), tmp_path / "out", workers=1, progress=False)


@pytest.mark.slow
def test_a_dask_cluster_finds_the_same_pareto_set_as_local_cores(tmp_path):
    from dask.distributed import LocalCluster

    spec = OptimizeSpec.model_validate({**ROBUST, "posterior_draws": 0})
    local = sim.optimize(spec, tmp_path / "local", workers=2, progress=False, report=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as cluster:
        remote = sim.optimize(spec, tmp_path / "dask", cluster=cluster.scheduler_address, progress=False,
                              report=False)
    pd.testing.assert_frame_equal(local.pareto, remote.pareto)
