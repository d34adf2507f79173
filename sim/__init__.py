"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run, compare, sweep, sensitivity
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
    table = compare("baseline", ["ombudsman-legal-aid"], population="small_town").table

    experiments, outcomes = perform_experiments("examples/crossed_legal_aid.toml", "results/crossed")
    box = discover("results/crossed", "evictions", above=8)      # PRIM; box.inspect()
    feature_scores("results/crossed"); robustness("results/crossed", "evictions")
"""

from .experiments.compare import Comparison, compare
from .runner import RunResult, run, version
from .scenario import Scenario, ScenarioError, load_scenario, nested
from .experiments.sensitivity import Sensitivity, sensitivity
from .experiments.store import load_results, query
from .experiments.sweep import perform_experiments, sweep
from .experiments.results import Results
from .experiments.analysis import dimensional_stack, discover, feature_scores, robustness

__version__ = version()

__all__ = ["Comparison", "Results", "RunResult", "Scenario", "ScenarioError", "Sensitivity", "__version__", "compare",
           "dimensional_stack", "discover", "feature_scores", "load_results", "load_scenario", "nested",
           "perform_experiments", "query", "robustness", "run", "sensitivity", "sweep"]
