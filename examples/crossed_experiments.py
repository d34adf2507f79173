"""Crossed experiments, EMA Workbench style: policies x uncertainties, then scenario discovery,
feature scores and the robustness of each policy. About 30 s on 2 cores; run it again and the
stored runs are reused.

    .venv/bin/python examples/crossed_experiments.py
"""

from pathlib import Path

import sim
from sim.experiments.analysis_report import write_discovery, write_features, write_robustness

out = Path("results/examples/crossed")
experiments, outcomes = sim.perform_experiments(Path(__file__).parent / "crossed_legal_aid.toml", out, workers=2)
results = sim.load_results(out)  # the same, read back from the folder
print(results)
print(results.runs.groupby("policy")[["evictions", "children_separated", "cost_total_eur"]].mean().round(1).to_string())

# Monthly series (the spec has series = true): one row per run, one column per month.
print(results.series("evictions").mean(axis=0).round(2).tolist()[:12])

# Where do evictions stay high? PRIM, with its peeling trajectory; pick a box with select(step).
threshold = float(outcomes.evictions.median())
found = sim.discover(results, "evictions", above=threshold)
print(found.inspect())
write_discovery(results, found, "evictions", threshold, None, out / "analysis" / "discover-evictions")

# Which assumptions and levers drive each outcome (extra trees)?
scores = sim.feature_scores(results)
print(scores.round(2).to_string())
write_features(results, scores, out / "analysis")

# Which policy holds up best across the uncertainties (regret; share of scenarios with at most 5 evictions a year)?
table = sim.robustness(results, ["evictions", "cost_total_eur"], thresholds={"evictions": 5})
print(table[["policy", "outcome", "mean", "max_regret", "satisficing"]].round(2).to_string(index=False))
write_robustness(results, table, out / "analysis")
