"""CART and regional sensitivity next to PRIM, the research figures (`evictsim plot`), and the noise
the figures show: planted boxes and drivers on made-up tables, and the commands on one small
stored crossed sweep with monthly series.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim import plots
from sim.analysis_plots import robustness_chart
from sim.cli import main
from sim.experiments.cart import cart
from sim.experiments.outputs import unreliable_note
from sim.experiments.rsa import regional_table
from sim.experiments.sensitivity import unreliable

RNG = np.random.default_rng(11)


def cases(n: int = 500) -> pd.DataFrame:
    return pd.DataFrame({"policy.legal_aid.share_summoned": RNG.random(n), "context.costs.summons_eur": RNG.random(n),
                         "policy": RNG.choice(["baseline", "duty"], n)})


def test_cart_finds_a_planted_box_as_its_densest_leaf():
    x = cases()
    planted = ((x["policy.legal_aid.share_summoned"] < 0.4) & (x.policy == "duty")).to_numpy()
    found = cart(x, planted)
    top = found.leaves.iloc[0]
    assert top.density > 0.9 and top.coverage > 0.8
    assert "policy.legal_aid.share_summoned <= 0.4" in top.rule and "policy in {duty}" in top.rule
    assert top.density_low < top.density <= top.density_high
    assert found.leaves.runs.sum() == len(x) and "leaf" in found.inspect()


def test_a_parameter_split_twice_on_a_path_is_one_condition_in_its_rule():
    x = pd.DataFrame({"policy": RNG.choice(["a", "b", "c", "d"], 400), "p": RNG.random(400)})
    found = cart(x, x.policy.isin(["a", "c"]).to_numpy())  # codes 0 and 2: not one cut on the codes
    assert all(rule.count("policy in") <= 1 for rule in found.leaves.rule)
    assert set(found.leaves[found.leaves.density == 1].rule) == {"policy in {a}", "policy in {c}"}


def test_a_leaf_of_few_runs_has_a_wide_interval():
    x = pd.DataFrame({"p": np.arange(40.0)})
    found = cart(x, (x.p >= 37).to_numpy(), min_leaf=0.05)
    small = found.leaves.iloc[0]
    assert small.runs <= 4 and small.density_high - small.density_low > 0.4


def test_regional_sensitivity_ranks_the_planted_driver_first_and_chance_last():
    x = cases()
    interesting = (x["context.costs.summons_eur"] > 0.7).to_numpy()
    table = regional_table(x, interesting).set_index("parameter")
    assert table.index[0] == "context.costs.summons_eur" and table.iloc[0].p_value < 1e-10
    assert table.loc["policy.legal_aid.share_summoned", "p_value"] > 0.001, "no effect: a gap chance can make"
    assert table.loc["policy", "test"].startswith("share gap")


def test_sweep_figures_show_the_interval_of_each_mean():
    runs = pd.DataFrame({"p": np.repeat([0.1, 0.2, 0.3], 4), "evictions": RNG.normal(10, 2, 12)})
    fig = plots.sweep_scatter(runs, "p", "evictions", {})
    bands = [c for c in fig.axes[0].collections if "PolyCollection" in type(c).__name__]
    assert bands, "a 90 % band around the trend"
    low, high = plots.trend_interval(runs, "p", "evictions")
    _, mean, _ = plots.trend(runs, "p", "evictions")
    assert (low < mean).all() and (mean < high).all()
    assert "90 % interval" in " ".join(t.get_text() for t in fig.axes[0].get_legend().get_texts())


def test_the_sobol_chart_says_when_its_indices_are_unreliable():
    indices = pd.DataFrame({"outcome": ["evictions"] * 2, "parameter": ["a", "b"], "S1": [0.9, 0.1],
                            "S1_conf": [0.5, 0.4], "ST": [0.5, 0.2], "ST_conf": [0.3, 0.5]})
    note = unreliable_note(unreliable(indices), "evictions")
    assert note and "too few samples" in note
    fig = plots.indices_chart(indices, "evictions", {}, warning=note)
    assert "unreliable" in fig._suptitle.get_text()


def test_the_robustness_chart_marks_the_noise():
    table = pd.DataFrame({"policy": ["a", "b"], "outcome": "evictions", "goal": "lower", "max_regret": [0.0, 0.6],
                          "mean_regret": [0.0, 0.3], "regret_noise": [1.2, 1.2]})
    fig = robustness_chart(table, "evictions", {})
    assert any("may be chance" in t.get_text() for t in fig.axes[0].get_legend().get_texts())


SPEC = '''name = "small"
population = "2000"
months = 12
warmup = 0
replications = 2
design = "lhs"
samples = 3
series = true
outcomes = ["arrears_new", "summonses", "cost_total_eur"]
[uncertainties]
"context.shocks.job_loss_per_month" = { min = 0.003, max = 0.008 }
[levers]
"policy.legal_aid.share_summoned" = { values = [0.15, 1.0] }
'''


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("series")
    (folder / "small.toml").write_text(SPEC, encoding="utf-8")
    sim.perform_experiments(folder / "small.toml", folder / "out", workers=1, progress=False, report=False)
    return folder / "out"


def test_cart_and_rsa_on_a_stored_sweep_print_and_write_stamped_outputs(stored, capsys):
    median = float(sim.load_results(stored).outcomes.arrears_new.median())
    assert main(["cart", str(stored), "--outcome", "arrears_new", "--above", f"{median}"]) == 0
    out = capsys.readouterr().out
    assert "leaves (boxes)" in out and "context.shocks.job_loss_per_month" in out
    folder = next((stored / "analysis").glob("cart-arrears_new-above-*"))
    assert {"leaves.csv", "cart.json", "leaves.png"} <= {p.name for p in folder.iterdir()}
    assert main(["rsa", str(stored), "--outcome", "arrears_new", "--above", f"{median}"]) == 0
    out = capsys.readouterr().out
    assert "p_value" in out and "how likely a gap that large is by chance" in out
    table = pd.read_csv(next((stored / "analysis").glob("rsa-*")) / "regional.csv", comment="#")
    assert table.parameter.iloc[0] == "context.shocks.job_loss_per_month"
    assert sim.cart(stored, "arrears_new", above=median).runs == 12
    assert len(sim.regional_sensitivity(stored, "arrears_new", above=median)) == 2


@pytest.mark.parametrize("kind", ["lines", "envelopes", "kde", "parallel", "pairs"])
def test_every_plot_kind_draws_from_a_stored_sweep(stored, capsys, kind):
    assert main(["plot", str(stored), kind, "--outcome", "arrears_new", "--outcome", "summonses"]) == 0
    pngs = [Path(p) for p in capsys.readouterr().out.split(": ", 1)[1].strip().split(", ")]
    assert pngs and all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    assert b"runs=12" in pngs[0].read_bytes(), "the figure's metadata carries the runs it used"


def test_a_series_plot_of_a_sweep_without_series_says_how_to_get_them(tmp_path, capsys):
    (tmp_path / "s.toml").write_text(SPEC.replace("series = true", "series = false"), encoding="utf-8")
    sim.perform_experiments(tmp_path / "s.toml", tmp_path / "out", workers=1, progress=False, report=False)
    assert main(["plot", str(tmp_path / "out"), "lines", "--outcome", "arrears_new"]) == 2
    assert "set series = true" in capsys.readouterr().err
