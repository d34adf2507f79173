"""The social cost-benefit analysis (MKBA): its present values add up, transfers net to zero, it
agrees with the comparison it is made of, and every figure has its intervals."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.experiments.cba import analyse, present_value
from sim.experiments.cba_prices import drawn_factors, factors
from sim.experiments.cba_rows import actor_costs, per_avoided
from sim.experiments.compare import compare
from sim.parameters.prices import PRICE_YEAR, cpi_factor, indexed
from sim.pathway.costs import ITEMS, TRANSFER, Payer
from sim.pathway.outcomes import PAYERS

from .helpers import TROUBLE, scenario

SMALL = {"population": "5000", "replications": 2, "seed": 5, "warmup": 12}
POLICY = {"policy": {"legal_aid": {"share_summoned": 1.0}, "early_signalling": {"reach": 0.6}}}


@pytest.fixture(scope="module")
def one_year():
    base, policy = scenario({"context": TROUBLE}, "base"), scenario({"context": TROUBLE, **POLICY}, "policy")
    return compare(base, [policy], months=12, **SMALL)


def test_at_discount_0_and_one_year_the_costs_equal_the_comparison_s_cost_differences_by_payer(one_year):
    result = analyse(one_year, horizon=1, discount=0.0)
    table, items = one_year.table, result.table[result.table.section == "item"].set_index("name")
    for payer in PAYERS:
        booked = sum(items.loc[n, "mean"] for n, item in ITEMS.items() if item.payer == Payer(payer))
        diff = table[(table.scenario == "policy") & (table.outcome == f"cost_{payer}_eur")]["diff"].iloc[0]
        assert booked == pytest.approx(diff, rel=1e-9, abs=1e-6), payer
    assert sum(abs(items.loc[n, "mean"]) for n in ITEMS) > 0, "the policy changes some costs"


def test_the_actors_add_up_to_society_and_transfers_net_to_zero(one_year):
    result = analyse(one_year, horizon=1, discount=0.0)
    actors = result.table[result.table.section == "actor"].set_index("name")["mean"]
    assert actors.drop("society").sum() == pytest.approx(actors["society"], rel=1e-9, abs=1e-6)
    items = result.table[result.table.section == "item"]
    resources = items[items.nature != TRANSFER]["mean"].sum()
    assert -actors["society"] == pytest.approx(resources, rel=1e-9, abs=1e-6), "society bears the resources only"


def test_a_transfer_is_its_payer_s_cost_and_the_households_gain():
    pv = np.zeros((1, 1, len(ITEMS)))
    pv[0, 0, list(ITEMS).index("rent_allowance")] = 100.0
    costs = actor_costs(pv)
    assert costs["national"][0, 0] == 100 and costs["households"][0, 0] == -100 and costs["society"][0, 0] == 0


def test_present_values_discount_from_the_second_year_and_repeat_the_last_simulated_year():
    changes = np.ones((1, 1, 2, 1))
    weights = 1.04 ** -np.arange(3.0)
    assert present_value(changes, 3, weights)[0, 0, 0] == pytest.approx(1 + 1 / 1.04 + 1 / 1.04 ** 2)
    assert present_value(changes, 1, weights[:1])[0, 0, 0] == 1.0


def test_a_cost_per_effect_avoided_is_not_defined_where_none_is_avoided():
    cost = np.array([[100.0, 120.0]])
    assert not per_avoided("p", "cost_per", "x", ("x", "x"), cost, np.zeros((1, 2)))["defined"]
    row = per_avoided("p", "cost_per", "x", ("x", "x"), cost, np.array([[2.0, 2.0]]))
    assert row["defined"] and row["mean"] == pytest.approx(55.0)


def test_the_same_policy_as_the_baseline_gains_and_costs_nothing():
    base = scenario({"context": TROUBLE}, "base")
    result = analyse(compare(base, [base.override({}, "same")], months=12, **SMALL))
    rows = result.table
    assert np.allclose(rows[rows.section.isin(["item", "actor"])]["mean"], 0)
    assert not rows[rows.section == "cost_per"]["defined"].any(), "nothing avoided: not defined"


def test_unit_costs_re_price_only_their_own_items():
    doubled = factors({"summons_eur": 2000.0})
    for k, item in enumerate(ITEMS.values()):
        assert doubled[k] == (2.0 if "summons_eur" in item.prices else 1.0), item.name
    shares = factors({"homeless_care_share": 0.6})
    assert shares[list(ITEMS).index("homeless_street_care")] == pytest.approx(1.2)
    assert shares[list(ITEMS).index("homeless_street_public")] == pytest.approx(0.8)
    drawn, values = drawn_factors(4, 1)
    assert drawn.shape == (4, len(ITEMS)) and len({v["summons_eur"] for v in values}) == 4


def test_older_prices_are_indexed_to_the_price_year_by_the_cpi():
    assert cpi_factor(PRICE_YEAR) == 1.0 and indexed(100.0, PRICE_YEAR - 1) == pytest.approx(103.3)
    with pytest.raises(ValueError, match="price year"):
        cpi_factor(1990)


def test_posterior_draws_give_every_figure_a_total_and_a_noise_only_interval():
    result = analyse(compare("baseline", ["ombudsman-package"], posterior=2, workers=1, months=12,
                             population="3000", replications=2, seed=3, warmup=12))
    rows = result.table[result.table.defined]
    for column in ("low", "high", "low_noise", "high_noise"):
        assert rows[column].notna().all(), column
    assert (rows["low"] <= rows["low_noise"] + 1e-6).all() and (rows["high"] >= rows["high_noise"] - 1e-6).all()
    assert result.meta["unit_cost_draws"] == 2


def test_the_cba_command_writes_its_files_beside_the_comparison_and_prints_a_table(tmp_path, capsys):
    out = tmp_path / "cba"
    assert main(["cba", "baseline", "ombudsman-package", "--population", "3000", "--replications", "2",
                 "--months", "24", "--warmup", "12", "--horizon", "3", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Net present value by actor" in printed and "Society (total)" in printed and "PM-posten" in printed
    meta = json.loads((out / "cba.json").read_text())["meta"]
    assert (meta["discount"], meta["horizon_years"], meta["price_year"]) == (0.0225, 3, PRICE_YEAR)
    table = pd.read_parquet(out / "cba.parquet")
    actors = table[(table.section == "actor") & (table.scenario == "ombudsman-package")].set_index("name")["mean"]
    assert actors.drop("society").sum() == pytest.approx(actors["society"], rel=1e-9, abs=1e-6)
    assert (out / "comparison.json").is_file() and {"discount rate", "horizon (years)"} <= set(table["name"])


def test_params_show_each_unit_cost_s_source_and_price_year(capsys):
    assert main(["params"]) == 0
    costs = [line for line in capsys.readouterr().out.splitlines() if line.startswith("context.costs.")]
    money = [line for line in costs if "homeless_care_share" not in line]
    assert money and all("prices of" in line for line in money)
    assert any("source's prices of 2011" in line and "[SZN18]" in line for line in money)


def test_every_payer_s_cost_is_the_sum_of_its_items_month_by_month(one_year):
    monthly = one_year.runs["policy"].monthly
    for payer in PAYERS:
        items = [f"cost_{n}_eur" for n, item in ITEMS.items() if item.payer == Payer(payer)]
        assert np.allclose(monthly[items].sum(axis=1), monthly[f"cost_{payer}_eur"], rtol=1e-9), payer


def test_sim_cba_writes_the_comparison_and_the_analysis(tmp_path):
    import sim

    result = sim.cba("baseline", "ombudsman-package", horizon=2, discount=0.04, out=tmp_path / "c",
                     population="3000", replications=2, months=12, warmup=12)
    assert {"cba.json", "cba.parquet", "comparison.json"} <= {p.name for p in (tmp_path / "c").iterdir()}
    assert result.meta["discount"] == 0.04 and result.meta["extrapolated_years"] == 1
    assert sim.read_comparison(tmp_path / "c").meta["scenarios"] == ["ombudsman-package"]


BAD_OPTIONS = [("--horizon", "0", "--horizon 0"), ("--discount", "0.5", "--discount"), ("--months", "6", "--months 6")]


@pytest.mark.parametrize("option, value, named", BAD_OPTIONS)
def test_a_bad_cba_option_is_one_clear_error(tmp_path, capsys, option, value, named):
    argv = ["cba", "baseline", "ombudsman-package", "--population", "3000", "--replications", "1", "--warmup", "0",
            "--out", str(tmp_path / "c"), option, value]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("evictsim: error:") and named in err and "Traceback" not in err
