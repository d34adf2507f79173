"""evictsim: an agent-based simulator of eviction policy in the Netherlands.

    from sim import run, compare, sweep, sensitivity
    result = run("baseline", population="medium_town", replications=5)
    result.summary["evictions"]
    table = compare("baseline", ["ombudsman-legal-aid"], population="small_town").table
    mkba = cba("baseline", ["ombudsman-package"], population="small_town", out="results/compare")

    experiments, outcomes = perform_experiments("examples/crossed_legal_aid.toml", "results/crossed")
    box = discover("results/crossed", "evictions", above=8)      # PRIM; box.inspect()
    feature_scores("results/crossed"); robustness("results/crossed", "evictions")
    found = optimize("examples/optimize_prevention.toml", "results/optimize")   # found.pareto

What the dashboard and the command line read comes from here too: the declarations of outcomes
(`OUTCOMES`, each with kind, unit and English and Dutch label; `HEADLINE`), of levers and
assumptions (`Policy`, `Context`, `describe(Policy)` with bounds, units and labels) and of
populations (`PROFILES`), the readers of stored results (`read_comparison`, `load_results`), and
the words and checks they share (`covers_sentence`, `rights_scorecard`, ...).
"""

from importlib import import_module

# The public API, loaded on first use: `import sim` (and the command line) stays fast, and a
# command imports only what it needs (a run does not load the plotting or analysis stack).
_API = {
    "Comparison": ".comparison", "compare": ".experiments.compare",
    "CBA": ".experiments.cba", "cba": ".experiments.cba", "analyse_cba": ".experiments.cba:analyse",
    "NOT_MODELLED": ".experiments.cba_effects", "PM_POSTS": ".experiments.cba_effects",
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
# The declarations and readers the dashboard and the command line use; "module:name" where the
# name here differs from the module's (sim.scorecard, the module, keeps its own name).
_API.update({
    "HEADLINE": ".pathway.outcomes", "OUTCOMES": ".pathway.outcomes", "Outcome": ".pathway.outcomes",
    "Payer": ".pathway.outcomes",
    "PROFILES": ".pathway.population", "Profile": ".pathway.population",
    "Context": ".parameters", "Policy": ".parameters", "describe": ".parameters",
    "SCENARIO_DIR": ".scenario", "flatten": ".scenario", "profile_from": ".scenario",
    "DEFAULT_WARMUP": ".limits", "clip_message": ".limits", "excerpt": ".limits", "parse_toml": ".tomlfiles",
    "pair": ".experiments.compare", "read_comparison": ".results_io", "stale_calibration": ".provenance",
    "covers_parameters": ".intervals", "covers_sentence": ".intervals", "interval_coverage": ".intervals",
    "OBLIGATIONS": ".scorecard", "beyond_chance": ".scorecard", "rights_scorecard": ".scorecard:scorecard",
    "spread_between_municipalities": ".scorecard", "municipality_table": ".country",
    "interval_spread": ".uncertainty:spread",
})
__all__ = sorted([*_API, "__version__"])


def __getattr__(name: str):
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("evictsim")
        except metadata.PackageNotFoundError:
            return "0+unknown"
    if name in _API:
        module, _, attribute = _API[name].partition(":")
        value = getattr(import_module(module, __name__), attribute or name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sim' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
