"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
"""

from .runner import RunResult, run
from .scenario import Scenario, ScenarioError, load_scenario

__all__ = ["RunResult", "Scenario", "ScenarioError", "load_scenario", "run"]
