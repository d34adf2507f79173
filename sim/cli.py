"""Command line: `evictsim run | compare | cba | sweep | sensitivity | calibrate | validate | params | outcomes`,
and the analyses of a stored sweep, `evictsim discover | features | robustness` (analysis_cli.py).

Everything a run needs is checked before it starts (scenario files, population, settings,
output folder), so bad input stops with one clear message and nothing half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

# Mesa first, from the shallowest stack: on import it names its loggers by walking the call stack
# (inspect.stack() in mesa.mesa_logging), reading every frame's source and scanning every loaded
# module for each frame. Imported deep inside this package's imports, after pydantic and the model's
# modules, that walk covers 57 frames and took about 0.17 s of every command; imported here, 27
# frames and 0.10 s: start-up (`python -c "import sim.cli, sim.runner"`) is about 0.1 s shorter.
import mesa  # noqa: F401

from .analysis_cli import COMMANDS as ANALYSIS_COMMANDS, add_commands as add_analysis_commands
from .cba_cli import add_command as add_cba_command, cmd_cba
from .research_cli import COMMANDS as RESEARCH_COMMANDS, add_commands as add_research_commands
from .limits import (DEFAULT_WARMUP, POSTERIOR, check_compared, check_setting, clip_message, excerpt, out_folder,
                     workers_bound)
from .pathway.outcomes import HEADLINE, HOUSING
from .provenance import stale_calibration, version
from .scenario import Scenario, ScenarioError, load_scenario
from .settings import RunSettings

SUMMARY_KEYS = HEADLINE  # the same headline outcomes as comparisons


class _Parser(argparse.ArgumentParser):
    """argparse, quoting at most a short excerpt of a bad argument in its one-line error."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {clip_message(message)}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{excerpt(text)} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} must be 0 or more")
    return value


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--population", default="medium_town",
                   help="national, large_city, medium_town, small_town, a household count, or a profile .toml")
    p.add_argument("--months", type=_positive_int, default=120, help="months to report (default 120)")
    p.add_argument("--seed", type=_positive_int, default=1, help="the run's one seed (default 1)")
    p.add_argument("--replications", type=_positive_int, default=5, help="replications (default 5)")
    p.add_argument("--scale", type=float, default=1.0,
                   help="simulate this share of households; results are for the real population")
    p.add_argument("--warmup", type=_positive_int, default=DEFAULT_WARMUP,
                   help=f"months simulated before month 0 (default {DEFAULT_WARMUP}, what the calibration fits)")
    p.add_argument("--journeys", type=_positive_int, default=500, help="households sampled for journeys")
    p.add_argument("--posterior", type=_positive_int, default=0,
                   help="joint draws of the uncertain parameters (calibration posterior x lever effect sizes), "
                        "each with --replications seeds; the intervals then cover parameter uncertainty too "
                        "(default 0: the calibrated point, noise only)")
    p.add_argument("--workers", type=_positive_int, default=0,
                   help="local worker processes for --posterior runs (default: all cores)")


def parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="evictsim", description="Agent-based simulator of eviction policy (NL).")
    ap.add_argument("--version", action="version", version=f"evictsim {version()}")
    sub = ap.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="run one scenario")
    p_run.add_argument("scenario", help="scenario name in scenarios/ or a .toml file")
    _add_run_options(p_run)
    p_run.add_argument("--out", help="output folder (default results/<scenario>)")
    p_run.add_argument("--force", action="store_true", help="replace another result already in --out")
    p_cmp = sub.add_parser("compare", help="compare scenarios against a baseline on the same seeds")
    p_cmp.add_argument("baseline")
    p_cmp.add_argument("scenarios", nargs="+")
    _add_run_options(p_cmp)
    p_cmp.add_argument("--out", help="output folder (default results/compare)")
    p_cmp.add_argument("--force", action="store_true", help="replace another result already in --out")
    add_cba_command(sub, _add_run_options)
    for name, text in (("sweep", "run a parameter sweep into a resumable results store"),
                       ("sensitivity", "Sobol or Morris sensitivity analysis, with scenario discovery")):
        p = sub.add_parser(name, help=text)
        p.add_argument("spec", help="sweep file (.toml)")
        p.add_argument("--workers", type=_positive_int, default=0, help="local worker processes (default: all cores)")
        p.add_argument("--cluster", help="address of a Dask scheduler you trust (Dask unpickles what it sends: "
                                         "docs/cluster.md), e.g. tcp://10.0.0.5:8786")
        p.add_argument("--out", help="results folder (default results/<sweep name>)")
        p.add_argument("--no-progress", action="store_true", help="no progress bar")
        p.add_argument("--force", action="store_true", help="replace another result already in --out")
        p.add_argument("--posterior", type=_positive_int, default=None,
                       help="run every point in N joint draws of the uncertain parameters it does not set "
                            "(calibration posterior x lever effect sizes); default: the spec's posterior_draws (0)")
        p.add_argument("--dry-run", action="store_true", help="say what would run and roughly how long; run nothing")
    p_val = sub.add_parser("validate", help="check scenario files without running them")
    p_val.add_argument("files", nargs="+")
    p_val.add_argument("--population", default="medium_town",
                       help="the population they are to run on (default medium_town, as for run): a scenario "
                            "that sets levers for a municipality by name runs only where that municipality is")
    p_cal = sub.add_parser("calibrate", help="fit the uncertain context parameters to Dutch figures (ABC-SMC)")
    p_cal.add_argument("--workers", type=_positive_int, default=0, help="local worker processes (default: all cores)")
    p_cal.add_argument("--report", action="store_true", help="write the fit report of the last calibration")
    p_cal.add_argument("--check", action="store_true",
                       help="re-simulate the calibrated baseline (seconds) and say whether it still fits the targets")
    p_cal.add_argument("--accept", action="store_true",
                       help="with --check: if it still fits, record that the calibration belongs to this model")
    p_cal.add_argument("--refine", action="store_true",
                       help="search near the posterior's medians for the point that fits the targets best and use "
                            "it if it also fits better on other seeds (about 6 minutes; a calibration does this at "
                            "its end)")
    p_cal.add_argument("--folder", default=None, help="calibration folder (default: calibration/)")
    p_cal.add_argument("--no-progress", action="store_true")
    p_dash = sub.add_parser("dashboard", help="open the Streamlit dashboard (compare policies in a browser)")
    p_dash.add_argument("--port", type=_positive_int, help="port to serve on (default 8501)")
    p_dash.add_argument("--address", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every interface)")
    p_dash.add_argument("--headless", action="store_true", help="do not open a browser (e.g. on a server)")
    p_par = sub.add_parser("params", help="list every parameter with default, unit and source")
    p_par.add_argument("--markdown", action="store_true")
    p_par.add_argument("--scenario", help="also show what this scenario runs (e.g. baseline: the calibrated "
                                          "medians) and the calibrated posterior's 5-95 %% range")
    p_out = sub.add_parser("outcomes", help="list every outcome with kind (flow or stock), unit and label")
    p_out.add_argument("--markdown", action="store_true")
    add_analysis_commands(sub)
    add_research_commands(sub, _positive_int)
    return ap


def _settings(args: argparse.Namespace) -> RunSettings:
    """The run options, checked; an error names the option as it was typed (`--months`)."""
    return RunSettings(population=args.population, months=args.months, warmup=args.warmup,
                       replications=args.replications, seed=args.seed, scale=args.scale,
                       journey_sample=args.journeys, workers=args.workers or None, posterior=args.posterior,
                       prefix="--")


def _out(args: argparse.Namespace, default: Path) -> Path:
    """The --out folder, or `default` when none is given; an empty --out is refused, not defaulted."""
    return out_folder(args.out, default)


def _warn_if_stale(scenario: Scenario) -> None:
    """Say once, on stderr, that the scenario's calibration was fitted to other model code."""
    problem = stale_calibration(scenario)
    if problem:
        print(f"evictsim: warning: {problem}", file=sys.stderr)


def cmd_run(args: argparse.Namespace) -> None:
    from .experiments.runs import run_scenarios
    from .results_io import write_run
    from .run_folder import Holding, claim

    scenario = load_scenario(args.scenario)
    settings = _settings(args)
    settings.check_kept(1, "--")
    _check_runs_on([scenario], settings)
    _warn_if_stale(scenario)
    out = claim(_out(args, Path("results") / scenario.name), Holding("run", scenario.name), args.force)
    start = time.perf_counter()
    result = run_scenarios([scenario], settings)[scenario.name]
    write_run(result, out, args.force)
    draws = f" in each of {args.posterior} posterior draws" if args.posterior else ""
    print(f"{scenario.name}: {args.replications} replication(s){draws} of {args.months} months, "
          f"{result.meta['households']:,} households, {time.perf_counter() - start:.1f} s")
    print(_summary_table(result.summary, bool(args.posterior)))
    print(RUN_SPREAD_SENTENCE[bool(args.posterior)])
    print(f"written to {out}/")


RUN_SPREAD_SENTENCE = {
    False: "The 5-95 % range spans single runs and covers random noise only: the uncertain parameters are fixed "
           "at the calibrated point (add --posterior N to include what we do not know about them).",
    True: "The 5-95 % range spans single runs across the posterior draws (parameter uncertainty and noise); "
          "'noise only' takes each draw's mean out; 'parameters' is the share of the runs' variance between draws.",
}


def _summary_table(summary: dict, posterior: bool) -> str:
    """Each headline outcome's mean and ranges, one line each."""
    lines = [f"{'outcome (per year)':<28}{'mean':>14}  {'5-95 % range':<24}"
             + (f"{'noise only':<24}parameters" if posterior else "")]
    for key in SUMMARY_KEYS:
        s = summary[key]
        line = f"{key:<28}{s['mean']:>14,.0f}  {_range(s['p5'], s['p95']):<24}"
        if posterior:
            share = s["parameters_share"]
            line += f"{_range(s['p5_noise'], s['p95_noise']):<24}" + ("" if share != share else f"{share:.0%}")
        lines.append(line)
    return "\n".join(lines)


def _range(low: float, high: float) -> str:
    return f"[{low:,.0f}, {high:,.0f}]"


def cmd_compare(args: argparse.Namespace) -> None:
    from .experiments.compare import format_table, pair, write_comparison
    from .experiments.runs import run_scenarios
    from .run_folder import Holding, claim

    check_compared([args.baseline, *args.scenarios], "argument")
    scenarios = [load_scenario(s) for s in [args.baseline, *args.scenarios]]
    settings = _settings(args)
    check_compared([s.name for s in scenarios], "scenario name")
    settings.check_kept(len(scenarios), "--")
    _check_runs_on(scenarios, settings)
    _warn_if_stale(scenarios[0])
    names = "+".join(s.name for s in scenarios)
    out = claim(_out(args, Path("results") / "compare"), Holding("comparison", names), args.force)
    start = time.perf_counter()
    comparison = pair(run_scenarios(scenarios, settings))
    write_comparison(comparison, out, args.force,
                     extra=lambda folder: _comparison_figures(comparison, folder / "figures"))
    print(format_table(comparison, HEADLINE + HOUSING))
    draws = f" x {args.posterior} posterior draws" if args.posterior else ""
    print(f"{len(scenarios)} scenarios x {args.replications} replications{draws} in "
          f"{time.perf_counter() - start:.1f} s; written to {out}/")


def cmd_sweep(args: argparse.Namespace) -> None:
    from .experiments.sweep import perform_experiments, with_posterior
    from .experiments.sweep_spec import describe_plan, load_spec
    from .run_folder import Holding, claim

    spec = with_posterior(load_spec(args.spec), args.posterior)
    out = claim(_out(args, Path("results") / spec.name), Holding("sweep"), args.force)
    print(describe_plan(spec), flush=True)  # counted from the spec, before anything is planned
    if args.dry_run:
        _dry_run(spec, args, out)
        return
    start = time.perf_counter()
    results = perform_experiments(args.spec, out, args.workers, args.cluster, progress=not args.no_progress,
                                  force=args.force, posterior=args.posterior)
    figures = len(list((out / "figures").glob("*.png")))
    print(f"{len(results)} runs stored in {out}/runs/ ({time.perf_counter() - start:.1f} s); results.csv and "
          f"{figures} figures in {out}/; load with sim.load_results('{out}')")


def _dry_run(spec, args: argparse.Namespace, out: Path) -> None:
    """What `sweep --dry-run` says after the plan's size: how many of its runs are stored already
    and roughly how long the rest would take. Nothing is written."""
    from .experiments.calibrated import check_posterior_ranges
    from .experiments.costs import cost_text
    from .experiments.store import stored_runs
    from .experiments.sweep import named_by, planned
    from .experiments.sweep_spec import population_of

    with named_by(args.spec):
        check_posterior_ranges(spec, args.spec)
    unique = {t.run_id for t in planned(spec, args.spec, progress=not args.no_progress)}
    stored = stored_runs(out, spec.series)
    if stored:  # a plan may repeat a point: its distinct runs are what is simulated or reused
        print(f"distinct runs: {len(unique & stored):,} of {len(unique):,} already stored"
              + (" (with their monthly series)" if spec.series else ""))
    print(cost_text(len(unique), len(unique & stored), population_of(spec, args.spec), spec.scale,
                    spec.months + spec.warmup, args.workers) + "; nothing was run (--dry-run)")


def cmd_sensitivity(args: argparse.Namespace) -> None:
    from .experiments.costs import cost_text
    from .experiments.sensitivity import SensitivityWarning, format_indices, planned_tasks, sensitivity
    from .experiments.store import stored_runs
    from .experiments.calibrated import check_posterior_ranges
    from .experiments.sweep import named_by, with_posterior
    from .experiments.sweep_spec import load_spec, population_of
    from .run_folder import Holding, claim

    spec = with_posterior(load_spec(args.spec), args.posterior)
    out = claim(_out(args, Path("results") / spec.name), Holding("sweep"), args.force)  # before planning
    unique = {t.run_id for t in planned_tasks(spec, args.spec, progress=not args.no_progress)}
    reused = len(unique & stored_runs(out, spec.series))
    print(f"{spec.name}: {spec.method} sample of {len(unique):,} runs; {reused:,} of them stored already (reused)")
    if args.dry_run:
        with named_by(args.spec):
            check_posterior_ranges(spec, args.spec)
        print(cost_text(len(unique), reused, population_of(spec, args.spec), spec.scale, spec.months + spec.warmup,
                        args.workers) + "; nothing was run (--dry-run)")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SensitivityWarning)  # format_indices prints them
        result = sensitivity(args.spec, out, args.workers, args.cluster, progress=not args.no_progress,
                             force=args.force, posterior=args.posterior)
    print(format_indices(result))
    print(f"{len(unique) - reused} runs simulated, {reused} reused; written to {out}/ (sensitivity.csv, "
          "sensitivity.json, results.csv, figures/)")


def cmd_calibrate(args: argparse.Namespace) -> int | None:
    from .experiments.calibrate import FOLDER, Calibration
    from .experiments.calibration_report import write_report

    folder = Path(args.folder) if args.folder else FOLDER
    if args.check:
        return _check_calibration(folder, args.workers, args.accept)
    if args.accept:
        raise ValueError("--accept goes with --check: the calibration is accepted for this model only if it still fits")
    if args.report:
        if not (folder / "posterior.csv").is_file():
            raise ValueError(f"{folder}: no calibration to report on yet (run `evictsim calibrate` first)")
        print(f"report written to {write_report(folder, args.workers, not args.no_progress)}")
        return None
    if args.refine:
        if not (folder / "posterior.csv").is_file():
            raise ValueError(f"{folder}: no calibration to refine yet (run `evictsim calibrate` first)")
        _refine(folder, args)
        return None
    calibration = Calibration(folder, args.workers, not args.no_progress)
    start = time.perf_counter()
    record = calibration.write(calibration.run())
    total = sum(g["simulations"] for g in record["generations"])
    print(f"calibrated in {time.perf_counter() - start:.0f} s: {total} simulations, {calibration.simulated} run now "
          f"and {total - calibration.simulated} read from the store")
    _refine(folder, args)
    print("next: `evictsim calibrate --report` for the fit report")
    return None


def _refine(folder: Path, args: argparse.Namespace) -> None:
    """The search near the posterior's medians (calibration_refine.py), and what the baseline now uses."""
    from .experiments.calibration_refine import refine, write_refinement

    def say(text: str) -> None:
        if not args.no_progress:
            sys.stderr.write(f"\r{text}   ")
            sys.stderr.flush()
    refinement = refine(folder, args.workers, say=say)
    if not args.no_progress:
        sys.stderr.write("\n")
    record = write_refinement(folder, refinement)
    print(refinement.report())
    print(f"wrote {folder / 'calibrated.toml'}; {_who_extends(folder / 'calibrated.toml')}")
    for name, value in record["estimate"].items():
        print(f"  {name:<48} {value:.4g}")


def _check_calibration(folder: Path, workers: int, accept: bool = False) -> int:
    """Exit status 0 if the calibration still fits this model, 1 if not; with `accept`, a fit is
    recorded as belonging to this model (the warning about a stale calibration then stops)."""
    from .experiments.calibration_check import accept_for_this_model, check

    if not (folder / "calibration.json").is_file():
        raise ValueError(f"{folder}: no calibration to check (run `evictsim calibrate` first)")
    result = check(folder, workers)
    print(result.report())
    if accept and result.fits:
        accept_for_this_model(folder, result)
        print(f"recorded in {folder / 'calibration.json'} and calibrated.toml: the calibration belongs to model "
              f"{result.model}")
    return 0 if result.fits else 1


def _who_extends(calibrated: Path) -> str:
    """Whether the shipped baseline uses this calibration (only the default folder's is)."""
    if calibrated.resolve() in {Path(f).resolve() for f in load_scenario("baseline").files}:
        return "scenarios/baseline.toml extends it"
    return (f"the baseline does not use it; {calibrated.parent / 'recalibrated.toml'} is the baseline on it "
            f"(`evictsim run {calibrated.parent / 'recalibrated.toml'}`; a scenario file in {calibrated.parent} "
            'extends it with extends = "recalibrated")')


def _comparison_figures(comparison, folder: Path) -> None:
    """A forest plot of the headline differences and a time series per headline outcome."""
    from . import plots

    base = comparison.runs[comparison.meta["baseline"]].meta
    meta = {**base, "scenario": " vs ".join([comparison.meta["baseline"], *comparison.meta["scenarios"]])}
    plots.save(plots.forest(comparison.table, list(HEADLINE), meta=meta), folder / "differences", meta)
    monthly = {name: run.monthly for name, run in comparison.runs.items()}
    for outcome in HEADLINE:
        plots.save(plots.timeseries(monthly, outcome, meta=meta), folder / f"{outcome}_over_time", meta)


def cmd_dashboard(args: argparse.Namespace) -> int:
    from .dashboard_cli import launch

    return launch(args.port, args.headless, args.address)


def cmd_validate(args: argparse.Namespace) -> None:
    settings = RunSettings(population=args.population, prefix="--")
    for file in args.files:
        scenario = load_scenario(file)
        _check_runs_on([scenario], settings)
        print(f"ok: {file} ({scenario.name}: {', '.join(scenario.files)})")


def _check_runs_on(scenarios: list[Scenario], settings: RunSettings) -> None:
    """The check a run makes when it starts, made before anything else: every municipality a
    scenario names is in the population (so that whatever validate accepts runs)."""
    from .pathway.local import LocalPolicies

    for scenario in scenarios:
        try:
            LocalPolicies(scenario, list(settings.profiles))
        except ScenarioError as err:
            raise ScenarioError(f"{err} (--population {excerpt(settings.population_name)})") from None


def cmd_params(args: argparse.Namespace) -> None:
    from .experiments.draws import calibrated_priors, parameter_rows, uncertainty_of
    from .parameters.prices import price_note

    if args.scenario:
        from .experiments.calibrated import scenario_params_lines

        print("\n".join(scenario_params_lines(load_scenario(args.scenario), args.markdown)))
        return
    ranges = calibrated_priors()
    if args.markdown:
        print("| parameter | default | unit | bounds | source | uncertainty |\n|---|---|---|---|---|---|")
    for r in parameter_rows():
        bounds = "" if r["min"] is None and r["max"] is None else f"{r['min']}..{r['max']}"
        uncertainty = uncertainty_of(r, ranges)
        local = " (local)" if r.get("local") else ""
        source = r["source"] + price_note(r.get("price_year"))
        if args.markdown:
            print(f"| `{r['name']}`{local} | {r['default']} | {r['unit']} | {bounds} | {source} | {uncertainty} |")
        else:
            print(f"{r['name'] + local:<56} {r['default']!s:>10} {r['unit']:<22} {source}"
                  + (f"  [uncertainty: {uncertainty}]" if uncertainty else ""))


def cmd_outcomes(args: argparse.Namespace) -> None:
    from .outcome_notes import NOTES
    from .pathway.outcomes import OUTCOMES

    if args.markdown:
        print("| outcome | kind | unit | label | compare with care |\n|---|---|---|---|---|")
    for o in OUTCOMES:
        note = NOTES.get(o.name, "")
        if args.markdown:
            print(f"| `{o.name}` | {o.kind} | {o.unit} | {o.label} | {note} |")
        else:
            print(f"{o.name:<40} {o.kind:<6} {o.unit:<13} {o.label}" + (f"\n{'':<4}note: {note}" if note else ""))


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    commands = {"run": cmd_run, "compare": cmd_compare, "validate": cmd_validate, "params": cmd_params,
                "sweep": cmd_sweep, "sensitivity": cmd_sensitivity, "calibrate": cmd_calibrate,
                "dashboard": cmd_dashboard, "outcomes": cmd_outcomes, **ANALYSIS_COMMANDS, **RESEARCH_COMMANDS,
                "cba": lambda a: cmd_cba(a, _settings, _warn_if_stale)}
    try:
        _check_numbers(args)
        with warnings.catch_warnings():  # restores showwarning afterwards (main is called from tests too)
            warnings.showwarning = _show_warning
            status = commands[args.command](args)
    except BrokenPipeError:  # output piped into a program that stopped reading (e.g. head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (ValueError, OSError) as err:  # ScenarioError, OutputError, ClusterError, settings, the file system
        return _fail(f"{err.filename}: {err.strerror}" if isinstance(err, OSError) and err.filename else str(err))
    except MemoryError:
        return _fail("out of memory: this needs more memory than the machine has; "
                     "use a smaller --population, or --scale to simulate a share")
    except KeyboardInterrupt:
        print(f"\nevictsim: interrupted; {INTERRUPTED.get(args.command, 'nothing was written')}", file=sys.stderr)
        return 130  # 128 + SIGINT, as a shell reports it
    return status or 0


def _check_numbers(args: argparse.Namespace) -> None:
    """--workers and --posterior within sim.limits, for every command that takes them."""
    if getattr(args, "workers", None) is not None:
        check_setting("workers", args.workers, workers_bound(), "--")
    if getattr(args, "posterior", None) is not None:
        check_setting("posterior", args.posterior, POSTERIOR, "--")


INTERRUPTED = dict.fromkeys(("sweep", "sensitivity", "calibrate"),
                            "every finished run is stored: run the same command again to resume")


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """evictsim's own warnings as one line on stderr, like its errors; others as Python shows them."""
    if category.__module__.startswith("sim."):
        print(f"evictsim: warning: {message}", file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _fail(message: str, status: int = 2) -> int:
    """The one error path: "evictsim: error: <what, which input, what is allowed>" on stderr."""
    print(f"evictsim: error: {clip_message(message)}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
