"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run, compare, sweep, sensitivity
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
    table = compare("baseline", ["ombudsman-legal-aid"], population="small_town").table
"""

from .experiments.compare import Comparison, compare
from .runner import RunResult, run
from .scenario import Scenario, ScenarioError, load_scenario
from .experiments.sensitivity import Sensitivity, sensitivity
from .experiments.store import load_results, query
from .experiments.sweep import sweep

__all__ = ["Comparison", "RunResult", "Scenario", "ScenarioError", "Sensitivity", "compare", "load_results",
           "load_scenario", "query", "run", "sensitivity", "sweep"]
