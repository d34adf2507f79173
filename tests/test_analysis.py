"""Analysis of sweeps: PRIM finds a planted box, extra trees rank a planted driver first, regret and
satisficing per policy, Sobol indices from too few samples are flagged, workers' code is checked.

Most tests use made-up tables (no simulation); the CLI tests analyse one small stored sweep.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import Results, discover, feature_scores, load_results, perform_experiments, robustness, sensitivity
from sim.cli import main
from sim.experiments.cluster import check_workers, worker_identity
from sim.experiments.discovery import prim
from sim.experiments.features import extra_trees_scores, stack_grid
from sim.experiments import outputs
from sim.experiments.outputs import write_sweep_report
from sim.experiments.sensitivity import sobol_warnings
from sim.experiments.sweep import plan, run_task
from sim.experiments.sweep_spec import SweepSpec

RNG = np.random.default_rng(7)


def uniform_cases(n: int = 600) -> pd.DataFrame:
    return pd.DataFrame({"policy.legal_aid.share_summoned": RNG.random(n), "context.costs.summons_eur": RNG.random(n),
                         "context.costs.legal_aid_eur": RNG.random(n),
                         "policy.housing_duty.families_duty": RNG.random(n) < 0.5})


def test_prim_finds_a_planted_box():
    x = uniform_cases()
    planted = (x["policy.legal_aid.share_summoned"] < 0.4) & (x["context.costs.summons_eur"] > 0.7)
    found = prim(x, planted.to_numpy())
    box = found.box
    assert box.density > 0.9 and box.coverage > 0.8
    limits = box.limits.set_index("parameter")
    assert limits.loc["policy.legal_aid.share_summoned", "high"] == pytest.approx(0.4, abs=0.05)
    assert limits.loc["context.costs.summons_eur", "low"] == pytest.approx(0.7, abs=0.05)
    assert set(box.limits.parameter[:2]) == {"policy.legal_aid.share_summoned", "context.costs.summons_eur"}
    assert limits.loc["context.costs.summons_eur", "qp"] < 1e-6, "a real restriction is significant"


def test_the_peeling_trajectory_trades_coverage_for_density():
    x = uniform_cases()
    found = prim(x, (x["context.costs.summons_eur"] > 0.8).to_numpy())
    t = found.trajectory
    assert t.step.tolist() == list(range(len(t))) and len(t) > 5
    assert (np.diff(t.coverage) <= 1e-12).all() and (np.diff(t["mass"]) < 0).all()
    assert t.density.iloc[-1] > t.density.iloc[0]
    early = found.select(2)
    assert early.step == 2 and early.mass > found.box.mass
    assert "box at step 2" in found.inspect(2) and "context.costs.summons_eur" in found.inspect()
    with pytest.raises(ValueError, match="steps 0"):
        found.select(len(t))


def test_prim_on_few_levels_cuts_whole_levels_not_to_one_value():
    """A Morris sample has four levels per parameter: a box must not shrink to '0.3333 .. 0.3333'."""
    levels = np.array([0, 1 / 3, 2 / 3, 1])
    x = pd.DataFrame({"policy.legal_aid.share_summoned": RNG.choice(levels, 80),
                      "context.costs.summons_eur": RNG.choice(levels, 80)})
    box = prim(x, (x["policy.legal_aid.share_summoned"] >= 0.5).to_numpy()).box
    row = box.limits.set_index("parameter").loc["policy.legal_aid.share_summoned"]
    assert box.density == 1 and box.coverage == 1
    assert row.low == pytest.approx(0.5) and row.high == 1 and row.restricted == pytest.approx(0.5)


def test_prim_peels_booleans_and_policy_names_by_category():
    x = pd.DataFrame({"policy": RNG.choice(["baseline", "legal-aid", "duty"], 300),
                      "context.costs.summons_eur": RNG.random(300)})
    box = prim(x, (x.policy == "baseline").to_numpy()).box
    row = box.limits.set_index("parameter").loc["policy"]
    assert row.kept == "baseline" and box.density == 1


def test_feature_scoring_ranks_a_planted_driver_first():
    x = uniform_cases(400)
    outcomes = pd.DataFrame({"evictions": 100 * x["context.costs.legal_aid_eur"] + RNG.normal(0, 2, 400),
                             "cost_total_eur": 5.0})
    scores = extra_trees_scores(x, outcomes)
    assert scores.index[0] == "context.costs.legal_aid_eur" and scores.evictions.iloc[0] > 0.6
    assert (scores.evictions.iloc[1:] < 0.2).all()
    assert scores.evictions.sum() == pytest.approx(1) and (scores.cost_total_eur == 0).all()


def test_dimensional_stacking_shows_where_the_cases_are():
    x = uniform_cases(800)
    grid = stack_grid(x, (x["context.costs.summons_eur"] > 0.66).to_numpy(), levels=1, bins=3)
    assert grid.shape == (3, 3)
    summons_bins = grid.index if grid.index.name == "context.costs.summons_eur" else grid.columns
    share = grid.mean(axis=1 if grid.index.name == "context.costs.summons_eur" else 0)
    assert share.loc[summons_bins[-1]] > 0.9 and share.loc[summons_bins[0]] < 0.1


def crossed_results(values: dict[str, list[float]]) -> Results:
    """Made-up crossed results: evictions of each policy in scenarios 0..n-1 (one replication)."""
    rows = [{"run_id": f"{p}{i}", "point": i, "policy": p, "replication": 0, "seed": 1, "context.costs.x": float(i)}
            for p, v in values.items() for i in range(len(v))]
    outcomes = pd.DataFrame({"evictions": [e for v in values.values() for e in v]})
    return Results(pd.DataFrame(rows), outcomes, spec={"levers": {"scenarios": list(values)}})


def test_regret_is_against_the_best_policy_in_each_scenario():
    results = crossed_results({"a": [10, 20, 30], "b": [12, 15, 40]})
    table = robustness(results, "evictions", thresholds={"evictions": 25}).set_index("policy")
    assert table.loc["a", "max_regret"] == 5 and table.loc["a", "mean_regret"] == pytest.approx(5 / 3)
    assert table.loc["b", "max_regret"] == 10 and table.loc["b", "best_share"] == pytest.approx(1 / 3)
    assert table.loc["a", "satisficing"] == pytest.approx(2 / 3)
    assert table.loc["b", "satisficing"] == pytest.approx(2 / 3)
    raised = robustness(results, "evictions", maximize=("evictions",)).set_index("policy")
    assert raised.loc["a", "max_regret"] == 10 and raised.loc["b", "max_regret"] == 5


def test_robustness_needs_every_policy_in_every_scenario():
    results = crossed_results({"a": [10, 20, 30], "b": [12, 15, 40]})
    results.experiments = results.experiments.iloc[:-1]
    results.outcomes = results.outcomes.iloc[:-1]
    with pytest.raises(ValueError, match="every policy run in every scenario"):
        robustness(results, "evictions")


def test_too_few_sobol_samples_are_flagged():
    spec = SweepSpec.model_validate({"name": "s", "samples": 16, "parameters": {
        "policy.legal_aid.share_summoned": {"min": 0.0, "max": 1.0},
        "context.costs.summons_eur": {"min": 0.0, "max": 9.0}}})
    good = pd.DataFrame({"outcome": "evictions", "parameter": ["a", "b"], "S1": [0.7, 0.0], "S1_conf": [0.05, 0.0],
                         "ST": [0.75, 0.01], "ST_conf": [0.06, 0.01]})
    assert sobol_warnings(good, spec) == []
    bad = good.assign(S1=[1.04, 0.0], S1_conf=[0.72, 0.0], ST=[0.98, 0.01])
    [text] = sobol_warnings(bad, spec)
    assert "samples = 16" in text and "S1 1.04 +- 0.72, ST 0.98" in text and "Raise samples" in text


def test_every_parameter_and_outcome_gets_a_figure(tmp_path, monkeypatch):
    names = ["policy.legal_aid.share_summoned", "policy.legal_aid.appear_with_aid", "context.costs.summons_eur",
             "context.costs.legal_aid_eur", "context.costs.shelter_month_eur"]
    outcomes = ["evictions", "summonses", "cost_total_eur", "homeless_households"]
    spec = SweepSpec.model_validate({"name": "wide", "design": "lhs", "samples": 8, "outcomes": outcomes,
                                     "parameters": {n: {"min": 0.0, "max": 1.0} for n in names}})
    experiments = pd.DataFrame({"run_id": [f"r{i}" for i in range(8)], "point": range(8), "replication": 0,
                                "seed": 1, **{n: RNG.random(8) for n in names}})
    results = Results(experiments, pd.DataFrame({o: RNG.random(8) for o in outcomes}), tmp_path, spec.model_dump())
    saved = []  # drawing 20 figures takes seconds; which ones are made is what counts here
    monkeypatch.setattr(outputs.plots, "sweep_scatter", lambda *args, **kw: None)
    monkeypatch.setattr(outputs.plots, "save", lambda fig, stem, meta: saved.append(Path(stem).name) or [])
    write_sweep_report(results, spec)
    expected = sorted(f"{o}_vs_{n}" for o in outcomes for n in names)
    assert sorted(saved) == expected, "no cap at 4 parameters x 3 outcomes"


class FakeClient:
    def __init__(self, identities: dict[str, dict[str, str]]) -> None:
        self.identities = identities

    def run(self, function):
        return self.identities


def test_workers_with_other_code_are_refused_before_any_run():
    ours = worker_identity()
    check_workers(FakeClient({"tcp://a:1": ours, "tcp://b:1": dict(ours)}))
    other = {**ours, "code": "0123456789abcdef"}
    with pytest.raises(ValueError, match=r"1 of 2 worker\(s\) run other code.*tcp://b:1.*0123456789abcdef"):
        check_workers(FakeClient({"tcp://a:1": ours, "tcp://b:1": other}))


def test_a_run_refuses_a_worker_whose_code_differs_from_the_clients():
    spec = SweepSpec.model_validate({"name": "t", "population": "2000", "months": 12, "warmup": 0,
                                     "parameters": {"policy.legal_aid.share_summoned": {"values": [0.5]}}})
    task = plan(spec)[0]
    assert run_task(task)["run_id"] == task.run_id
    with pytest.raises(ValueError, match="install the same evictsim on every worker"):
        run_task(dataclasses.replace(task, code="0123456789abcdef"))


# -- on a stored sweep, from Python and from the command line -----------------------------------

SPEC = '''name = "small"
population = "8000"
months = 24
warmup = 24
replications = 2
design = "lhs"
samples = 6
outcomes = ["evictions", "summonses", "cost_total_eur"]
[uncertainties]
"context.costs.legal_aid_eur" = { min = 500.0, max = 2500.0 }
"policy.legal_aid.conditional_with_aid" = { min = 0.3, max = 0.9 }
[levers]
"policy.legal_aid.share_summoned" = { values = [0.15, 1.0] }
'''


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stored")
    (folder / "small.toml").write_text(SPEC, encoding="utf-8")
    perform_experiments(folder / "small.toml", folder / "out", workers=1, progress=False, report=False)
    return folder / "out"


def test_analyses_run_on_a_stored_sweep_from_python(stored):
    scores = feature_scores(stored)
    assert list(scores.columns) == ["evictions", "summonses", "cost_total_eur"]
    assert set(scores.index) == {"context.costs.legal_aid_eur", "policy.legal_aid.conditional_with_aid",
                                 "policy.legal_aid.share_summoned"}, "the policy's name adds nothing to its lever"
    assert np.allclose(scores.sum(), 1)
    table = robustness(stored, ["evictions"])
    assert set(table.policy) == {"share_summoned=0.15", "share_summoned=1"} and (table.scenarios == 6).all()
    median = float(load_results(stored).outcomes.evictions.median())
    found = discover(stored, "evictions", above=median)
    assert found.box.density >= found.trajectory.density.iloc[0]


def test_cli_analyses_print_and_write_tables_and_figures(stored, capsys):
    median = float(load_results(stored).outcomes.evictions.median())
    assert main(["discover", str(stored), "--outcome", "evictions", "--above", f"{median}"]) == 0
    out = capsys.readouterr().out
    assert "box at step" in out and "peeling trajectory" in out
    found = next((stored / "analysis").glob("discover-evictions-above-*"))
    assert {"trajectory.csv", "box.csv", "discovery.json", "trajectory.png", "box.png", "stacking.png"} <= \
        {p.name for p in found.iterdir()}
    assert main(["features", str(stored)]) == 0
    assert (stored / "analysis" / "feature_scores.png").is_file()
    assert main(["robustness", str(stored), "--outcome", "evictions", "--threshold", "evictions=1000"]) == 0
    assert "max_regret" in capsys.readouterr().out
    assert (stored / "analysis" / "robustness_evictions.png").is_file()


def test_python_sensitivity_of_crossed_experiments_writes_indices_per_policy(tmp_path):
    (tmp_path / "sens.toml").write_text(SPEC.replace('design = "lhs"\nsamples = 6', 'method = "morris"\nsamples = 2')
                                        .replace("replications = 2", "replications = 1"), encoding="utf-8")
    result = sensitivity(tmp_path / "sens.toml", tmp_path / "out", workers=1, progress=False)
    assert set(result.indices.policy) == {"share_summoned=0.15", "share_summoned=1"}
    assert len(result.points) == 2 * 2 * (2 + 1)  # policies x trajectories x (parameters + 1)
    assert len(load_results(tmp_path / "out")) == len(result.points), "every Morris point comes back"
    out = tmp_path / "out"
    written = {p.name for p in out.iterdir()} | {p.name for p in (out / "figures").iterdir()}
    assert {"sensitivity.csv", "sensitivity.json", "indices_evictions_share_summoned=1.png"} <= written


def test_cli_analysis_errors_are_one_line(stored, capsys):
    assert main(["discover", str(stored), "--outcome", "evicions", "--above", "1"]) == 2
    assert "did you mean evictions?" in capsys.readouterr().err
    assert main(["discover", str(stored), "--outcome", "evictions", "--above", "1e9"]) == 2
    assert "choose a threshold in between" in capsys.readouterr().err
    assert main(["robustness", str(stored), "--outcome", "evictions", "--threshold", "evictions"]) == 2
    assert "OUTCOME=VALUE" in capsys.readouterr().err


def test_regrets_come_with_the_noise_that_replications_show():
    """Two policies that differ by 0.5 a year with a paired noise of about +-2 between replications:
    the regret is below the noise reference, which the chart and the table carry."""
    rng = np.random.default_rng(3)
    rows, values = [], []
    for scenario in range(6):
        for rep in range(4):
            luck = rng.normal(0, 3)  # common seeds: the same luck for both policies
            for policy, shift in (("a", 0.0), ("b", 0.5)):
                rows.append({"run_id": f"{policy}{scenario}{rep}", "point": scenario, "policy": policy,
                             "replication": rep, "seed": rep})
                values.append(10 + scenario + luck + shift + rng.normal(0, 1.5))
    results = Results(pd.DataFrame(rows), pd.DataFrame({"evictions": values}),
                      spec={"levers": {"scenarios": ["a", "b"]}})
    table = robustness(results, "evictions").set_index("policy")
    assert 0.5 < table.loc["b", "regret_noise"] < 4, "the paired noise, not the scenarios' spread of 6"
    assert table.loc["b", "mean_regret"] < table.loc["b", "regret_noise"]
    assert table.regret_noise.nunique() == 1, "one noise reference per outcome"
    assert np.isnan(robustness(crossed_results({"a": [1, 2], "b": [2, 1]}), "evictions").regret_noise).all()


def test_policies_that_tie_each_count_as_best():
    table = robustness(crossed_results({"a": [10, 20], "b": [10, 25]}), "evictions").set_index("policy")
    assert table.loc["a", "best_share"] == 1 and table.loc["b", "best_share"] == 0.5, "ties count for each"
