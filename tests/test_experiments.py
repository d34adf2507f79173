"""Crossed experiments (levers x uncertainties) and a results store that grows.

Runs are tiny (3,000 households, 24 months, no warm-up). Levers are policy.* parameters and named
scenarios; uncertainties are context.costs.* assumptions and a policy effect size.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sim import Results, load_results, perform_experiments, query, sweep
from sim.experiments.store import RUNS
from sim.experiments.sweep_spec import load_spec
from sim.results_io import parquet_meta
from sim.scenario import ScenarioError

HEAD = '''population = "3000"
months = 24
warmup = 0
replications = 2
'''
CROSSED = HEAD + '''design = "lhs"
samples = 3
outcomes = ["evictions", "cost_total_eur"]
[uncertainties]
"context.costs.alternative_housing_month_eur" = { min = 500.0, max = 1500.0 }
"policy.legal_aid.appear_with_aid" = { min = 0.6, max = 1.0 }
[levers]
scenarios = ["baseline", "ombudsman-legal-aid"]
"policy.registration.enabled" = { values = [false, true] }
'''


def spec_file(folder: Path, body: str, name: str = "exp") -> Path:
    path = folder / f"{name}.toml"
    path.write_text(f'name = "{name}"\n' + body, encoding="utf-8")
    return path


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / RUNS).glob("*.parquet")}


@pytest.fixture(scope="module")
def crossed(tmp_path_factory) -> Results:
    folder = tmp_path_factory.mktemp("crossed")
    return perform_experiments(spec_file(folder, CROSSED), folder / "out", workers=1, progress=False)


def test_a_crossed_spec_runs_every_policy_on_every_point_with_common_seeds(crossed):
    experiments, outcomes = crossed
    assert len(experiments) == len(outcomes) == 3 * 4 * 2  # points x (2 scenarios x 2 duty values) x replications
    assert set(experiments.policy) == {"baseline · enabled=false", "baseline · enabled=true",
                                       "ombudsman-legal-aid · enabled=false",
                                       "ombudsman-legal-aid · enabled=true"}
    uncertain = ["context.costs.alternative_housing_month_eur", "policy.legal_aid.appear_with_aid"]
    per_policy = [group[["point", "replication", "seed", *uncertain]].reset_index(drop=True)
                  for _, group in experiments.groupby("policy")]
    for other in per_policy[1:]:
        pd.testing.assert_frame_equal(per_policy[0], other)  # the same points and seeds for every policy
    assert experiments.groupby("replication").seed.nunique().eq(1).all()
    assert set(outcomes.columns) >= {"evictions", "cost_total_eur", "children_separated", "summonses"}


def test_legal_aid_lowers_evictions_on_the_same_points(crossed):
    runs = crossed.runs
    aid = runs[runs.policy.str.startswith("ombudsman")].groupby(["point", "replication"]).evictions.mean()
    base = runs[runs.policy.str.startswith("baseline")].groupby(["point", "replication"]).evictions.mean()
    assert (aid <= base).all() and aid.sum() < base.sum()


def test_the_same_parameters_give_the_same_rows_whatever_the_spec_calls_them(crossed, tmp_path):
    """A named scenario that sets registration.enabled is the lever value enabled = true: the same
    runs, found in the store, nothing simulated again."""
    out = tmp_path / "copy"
    shutil.copytree(crossed.folder, out)  # the module's store stays as it is for the other tests
    named = CROSSED.replace('scenarios = ["baseline", "ombudsman-legal-aid"]\n"policy.registration.enabled" '
                            '= { values = [false, true] }', 'scenarios = ["baseline", "ombudsman-registration"]')
    before = stamps(out)
    again = perform_experiments(spec_file(tmp_path, named), out, workers=1, progress=False, report=False)
    assert stamps(out) == before, "every run was already stored"
    assert set(again.experiments.policy) == {"baseline", "ombudsman-registration"}
    first = crossed.runs.set_index("run_id")
    for policy, lever in (("baseline", "baseline · enabled=false"),
                          ("ombudsman-registration", "baseline · enabled=true")):
        ours = again.runs[again.runs.policy == policy].set_index("run_id")
        theirs = first[first.policy == lever]
        pd.testing.assert_frame_equal(ours[["evictions", "cost_total_eur"]], theirs.loc[ours.index, ["evictions",
                                                                                                    "cost_total_eur"]])


def test_a_boolean_lever_crosses_with_a_latin_hypercube(tmp_path):
    spec = load_spec(spec_file(tmp_path, CROSSED))
    assert spec.crossed and spec.design == "lhs" and spec.lever_ranges["policy.registration.enabled"].values


def test_a_lever_scenario_that_changes_context_is_refused(tmp_path):
    dearer = 'name = "dearer"\nextends = "baseline"\n[context.costs]\nsummons_eur = 2000.0\n'
    (tmp_path / "dearer.toml").write_text(dearer, encoding="utf-8")
    spec = spec_file(tmp_path, HEAD + '[levers]\nscenarios = ["baseline", "dearer"]\n')
    with pytest.raises(ScenarioError, match=re.escape("dearer changes context.costs.summons_eur")):
        perform_experiments(spec, tmp_path / "out", workers=1, progress=False)
    assert not (tmp_path / "out").exists()


def test_results_unpack_load_again_and_answer_sql(crossed):
    experiments, _outcomes = load_results(crossed.folder)
    pd.testing.assert_frame_equal(experiments, crossed.experiments)
    assert "24 runs: 3 points x 4 policies x 2 replications" in repr(crossed) and len(repr(crossed)) < 200
    table = query(crossed.folder, "SELECT policy, count(*) AS n, avg(evictions) AS e FROM runs GROUP BY policy")
    assert set(table.n) == {6} and len(table) == 4


def test_each_run_file_carries_its_own_metadata(crossed):
    sweep_json = (crossed.folder / "sweep.json").read_text(encoding="utf-8")
    for key in ('"git_commit"', '"git_dirty"', '"base_scenario"', '"code"', '"version"'):
        assert key in sweep_json
    row = crossed.experiments.iloc[5]
    meta = parquet_meta(crossed.folder / RUNS / f"{row.run_id}.parquet")
    assert meta["seed"] == row.seed and meta["population"] == "3000" and "git_dirty" in meta
    assert meta["parameters"]["policy"]["legal_aid"]["appear_with_aid"] == pytest.approx(
        row["policy.legal_aid.appear_with_aid"])


GRID = HEAD.replace("replications = 2", "replications = 1") + '''design = "grid"
outcomes = ["evictions"]
[parameters]
"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }
'''


def test_extending_a_sweep_runs_only_the_new_points_and_replications(tmp_path):
    out = tmp_path / "out"
    first = sweep(spec_file(tmp_path, GRID), out, workers=1, progress=False, report=False)
    before = stamps(out)
    grown = GRID.replace("replications = 1", "replications = 2").replace("[0.0, 1.0]", "[0.0, 0.5, 1.0]")
    second = sweep(spec_file(tmp_path, grown), out, workers=1, progress=False, report=False)
    after = stamps(out)
    assert len(first) == 2 and len(second) == 6
    assert {k: after[k] for k in before} == before, "stored runs were not redone"
    assert len(after) - len(before) == 4, "only the new point and the new replications ran"
    old = second.set_index("run_id").loc[first.run_id, "evictions"].to_numpy()
    assert (old == first.evictions.to_numpy()).all()


def test_more_sobol_samples_keep_the_earlier_points(tmp_path):
    out = tmp_path / "out"
    body = GRID.replace('design = "grid"', 'design = "sobol"\nsamples = 2').replace(
        '{ values = [0.0, 1.0] }', '{ min = 0.0, max = 1.0 }')
    sweep(spec_file(tmp_path, body), out, workers=1, progress=False, report=False)
    before = stamps(out)
    sweep(spec_file(tmp_path, body.replace("samples = 2", "samples = 4")), out, workers=1, progress=False, report=False)
    after = stamps(out)
    assert {k: after[k] for k in before} == before and len(after) == 4


def test_reporting_another_outcome_runs_nothing(tmp_path):
    out = tmp_path / "out"
    sweep(spec_file(tmp_path, GRID), out, workers=1, progress=False, report=False)
    before = stamps(out)
    runs = sweep(spec_file(tmp_path, GRID.replace('["evictions"]', '["children_separated"]')), out, workers=1,
                 progress=False, report=False)
    assert stamps(out) == before and runs.children_separated.notna().all()


def test_monthly_series_are_kept_when_asked_for(tmp_path):
    out = tmp_path / "out"
    results = perform_experiments(spec_file(tmp_path, GRID.replace("[parameters]", "series = true\n[parameters]")),
                                  out, workers=1, progress=False, report=False)
    series = results.series("evictions")
    assert series.shape == (2, 24)
    assert series.sum(axis=1).to_numpy() / 2 == pytest.approx(results.outcomes.evictions.to_numpy())
    assert query(out, "SELECT count(*) AS n FROM series").n.iloc[0] == 2 * 24


def test_repeated_points_are_one_run_but_every_row_loads_again(tmp_path):
    """A Morris sample repeats points; each repetition is a row, and all come back from the folder."""
    spec = spec_file(tmp_path, GRID)
    points = [{"policy.legal_aid.share_summoned": v} for v in (0.0, 1.0, 0.0, 0.0)]
    runs = sweep(spec, tmp_path / "out", workers=1, progress=False, points=points, report=False)
    assert len(runs) == 4 and runs.run_id.nunique() == 2
    assert len(list((tmp_path / "out" / RUNS).glob("*.parquet"))) == 2
    assert len(load_results(tmp_path / "out")) == 4


def test_posterior_draws_as_uncertainties(tmp_path):
    (tmp_path / "posterior.csv").write_text("context.costs.summons_eur,weight,distance\n800,0.0,1\n1200,1.0,1\n",
                                            encoding="utf-8")
    body = HEAD + 'design = "posterior"\nposterior = "posterior.csv"\nsamples = 3\n[levers]\n' \
                  '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n'
    experiments, _ = perform_experiments(spec_file(tmp_path, body), tmp_path / "out", workers=1, progress=False,
                                         report=False)
    assert len(experiments) == 3 * 2 * 2
    assert set(experiments["context.costs.summons_eur"]) == {1200.0}, "drawn by weight"


def test_python_sweeps_write_their_table_and_figures(crossed):
    folder = crossed.folder
    assert (folder / "results.csv").is_file()
    table = pd.read_csv(folder / "results.csv", comment="#")  # the stamp's lines (sim.experiments.stamp)
    assert len(table) == 24 and {"policy", "evictions", "cost_total_eur"} <= set(table.columns)
    figures = sorted(p.name for p in (folder / "figures").glob("*.png"))
    assert len(figures) == 2 * 3  # 2 outcomes x (2 uncertainties + 1 lever)
    assert "evictions_vs_context.costs.alternative_housing_month_eur.png" in figures


def test_a_runs_parquet_files_carry_its_metadata(tmp_path):
    from sim import run
    from sim.results_io import write_run

    result = run("baseline", population="2000", months=12, warmup=0, replications=1)
    write_run(result, tmp_path)
    for name in ("monthly.parquet", "journeys.parquet"):
        meta = parquet_meta(tmp_path / name)
        assert meta["scenario"] == "baseline" and meta["seed"] == 1 and "git_commit" in meta and "git_dirty" in meta
        assert meta["parameters"] == result.meta["parameters"]
    assert pd.read_parquet(tmp_path / "monthly.parquet").shape == result.monthly.shape
