"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run, compare, sweep, sensitivity
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
    table = compare("baseline", ["ombudsman-legal-aid"], population="small_town").table

    experiments, outcomes = perform_experiments("examples/crossed_legal_aid.toml", "results/crossed")
    box = discover("results/crossed", "evictions", above=8)      # PRIM; box.inspect()
    feature_scores("results/crossed"); robustness("results/crossed", "evictions")
    found = optimize("examples/optimize_prevention.toml", "results/optimize")   # found.pareto
"""

from importlib import import_module

# The public API, loaded on first use: `import sim` (and the command line) stays fast, and a
# command imports only what it needs (a run does not load the plotting or analysis stack).
_API = {
    "Comparison": ".comparison", "compare": ".experiments.compare",
    "RunResult": ".runner", "run": ".experiments.runs",
    "Scenario": ".scenario", "ScenarioError": ".scenario", "load_scenario": ".scenario", "nested": ".scenario",
    "Sensitivity": ".experiments.sensitivity", "sensitivity": ".experiments.sensitivity",
    "load_results": ".experiments.store", "query": ".experiments.store",
    "perform_experiments": ".experiments.sweep", "sweep": ".experiments.sweep",
    "Results": ".experiments.results",
    "dimensional_stack": ".experiments.analysis", "discover": ".experiments.analysis",
    "feature_scores": ".experiments.analysis", "robustness": ".experiments.analysis",
    "cart": ".experiments.analysis", "regional_sensitivity": ".experiments.analysis",
    "Optimization": ".experiments.optimize", "optimize": ".experiments.optimize",
}
__all__ = sorted([*_API, "__version__"])


def __getattr__(name: str):
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("evictsim")
        except metadata.PackageNotFoundError:
            return "0+unknown"
    if name in _API:
        value = getattr(import_module(_API[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sim' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
