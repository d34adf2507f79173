"""Run a small sweep (resumable: run it twice and the second time is instant; add values to the
spec and only the new points run), then load and query it.

    .venv/bin/python examples/run_a_sweep.py
"""

from pathlib import Path

from sim import load_results, query, sweep

here = Path(__file__).parent
runs = sweep(here / "sweep_shocks_and_duty.toml", "results/examples/sweep", workers=2)
print(runs.groupby(["context.shocks.job_loss_per_month", "policy.housing_duty.families_duty"])
      [["evictions", "children_separated"]].mean())
print(query("results/examples/sweep", 'SELECT "policy.housing_duty.families_duty" AS duty, '
                                       "avg(children_separated) AS separated FROM runs GROUP BY duty"))
experiments, outcomes = load_results("results/examples/sweep")  # as the EMA Workbench returns them
print(len(experiments), "runs;", "figures and results.csv in results/examples/sweep/")
