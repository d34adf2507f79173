"""Compare the baseline with a legal-aid policy for a small town, and plot the difference.

    .venv/bin/python examples/compare_two_policies.py
"""

from sim import compare, load_scenario, plots
from sim.experiments.compare import format_table

legal_aid = load_scenario("baseline").override(
    {"policy": {"legal_aid": {"share_summoned": 1.0, "plain_language_summons": True}}}, name="legal-aid-for-all")
comparison = compare("baseline", [legal_aid], population="small_town", months=60, replications=5, seed=1)

print(format_table(comparison))
meta = comparison.runs["baseline"].meta
figure = plots.forest(comparison.table, ["evictions", "default_judgments", "children_evicted", "cost_total_eur"],
                      meta=meta)
print("saved", plots.save(figure, "results/examples/legal_aid_forest", meta))
