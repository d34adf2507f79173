"""Command line for policy search and the research figures: `evictsim optimize SPEC` and
`evictsim plot FOLDER` (time series per policy, parallel coordinates, pairs plots).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def add_commands(sub, positive_int) -> None:
    """Add `optimize` and `plot` to `evictsim`'s parser."""
    p = sub.add_parser("optimize", help="multi-objective search over levers (NSGA-II), robust over posterior draws")
    p.add_argument("spec", help="optimisation file (.toml), e.g. examples/optimize_prevention.toml")
    p.add_argument("--workers", type=positive_int, default=0, help="local worker processes (default: all cores)")
    p.add_argument("--cluster", help="address of a Dask scheduler you trust (Dask unpickles what it sends: "
                                     "docs/cluster.md), e.g. tcp://10.0.0.5:8786")
    p.add_argument("--out", help="results folder (default results/<name>)")
    p.add_argument("--force", action="store_true", help="replace another result already in --out")
    p.add_argument("--no-progress", action="store_true", help="no progress lines")
    p.add_argument("--dry-run", action="store_true", help="say what the search will run and cost; run nothing")
    p = sub.add_parser("plot", help="figures of a stored sweep: monthly series per policy, trade-offs across runs")
    p.add_argument("folder", help="a sweep's (or an optimisation's) results folder")
    p.add_argument("kind", choices=PLOT_KINDS, help="lines, envelopes or kde (monthly series, needs series = true); "
                                                    "parallel or pairs (outcomes against each other)")
    p.add_argument("--outcome", action="append", help="outcome(s) to plot (repeat; default: the spec's outcomes)")
    p.add_argument("--out", help="where to write the figures (default FOLDER/analysis/figures)")


PLOT_KINDS = ("lines", "envelopes", "kde", "parallel", "pairs")


def cmd_optimize(args: argparse.Namespace) -> None:
    from .experiments.optimize import optimize
    from .experiments.optimize_report import format_optimization
    from .experiments.optimize_spec import load_optimize_spec
    from .limits import out_folder

    spec = load_optimize_spec(args.spec)
    out = out_folder(args.out, Path("results") / spec.name)
    if args.dry_run:
        print(dry_run_text(spec, out, args.spec))
        return
    start = time.perf_counter()
    result = optimize(args.spec, out, args.workers, args.cluster, force=args.force, progress=not args.no_progress)
    print(format_optimization(result))
    print(f"written to {out}/ (pareto.parquet, pareto.csv, optimize.json, convergence.csv, figures/tradeoff.png, "
          f"figures/convergence.png) in {time.perf_counter() - start:.1f} s")


def dry_run_text(spec, out: Path, spec_path: str | None = None) -> str:
    """What an optimisation will run, at most, and roughly how long that takes (a population file
    taken relative to the optimisation file, as its runs take it)."""
    from .experiments.costs import estimate_seconds
    from .experiments.sweep_spec import population_named

    draws = max(1, spec.posterior_draws)
    per_policy = draws * spec.replications
    runs = spec.generations * spec.policies * per_policy + (per_policy if spec.robustness == "regret" else 0)
    seconds = estimate_seconds(population_named(spec.population, spec_path), spec.scale, spec.months + spec.warmup)
    return (f"{spec.name}: at most {spec.generations} generations x {spec.policies} policies x "
            f"{per_policy} runs ({draws} draw(s) x {spec.replications} replications) = {runs:,} runs"
            + (" (+ the base policy's, for regret)" if spec.robustness == "regret" else "")
            + f"; about {seconds:.2g} s per run on one core (a rough estimate); into {out}/. "
            "Policies proposed twice and runs already stored are not run again. Nothing was run (--dry-run)")


def cmd_plot(args: argparse.Namespace) -> None:
    from .experiments.research_figures import write_plot

    written = write_plot(args.folder, args.kind, args.outcome, Path(args.out) if args.out else None)
    print(f"wrote {len(written)} files: " + ", ".join(str(p) for p in written if p.suffix == ".png"))


COMMANDS = {"optimize": cmd_optimize, "plot": cmd_plot}
