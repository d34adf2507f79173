"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run, compare, sweep, sensitivity
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
    table = compare("baseline", ["ombudsman-legal-aid"], population="small_town").table

    experiments, outcomes = perform_experiments("examples/crossed_legal_aid.toml", "results/crossed")
"""

from .experiments.compare import Comparison, compare
from .runner import RunResult, run, version
from .scenario import Scenario, ScenarioError, load_scenario, nested
from .experiments.sensitivity import Sensitivity, sensitivity
from .experiments.store import load_results, query
from .experiments.sweep import perform_experiments, sweep
from .experiments.results import Results

__version__ = version()

__all__ = ["Comparison", "Results", "RunResult", "Scenario", "ScenarioError", "Sensitivity", "__version__", "compare",
           "load_results", "load_scenario", "nested", "perform_experiments", "query", "run", "sensitivity", "sweep"]
