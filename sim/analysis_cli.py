"""Command line analyses of a stored sweep: `evictsim discover | features | robustness FOLDER`.

Each prints its result and writes its tables and figures under FOLDER/analysis/ (or --out).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_commands(sub) -> None:
    """Add the analysis subcommands to `evictsim`'s parser."""
    p = sub.add_parser("discover", help="scenario discovery (PRIM) on a stored sweep: where is an outcome high?")
    _common(p)
    p.add_argument("--outcome", required=True, help="an outcome (`evictsim outcomes`), per year")
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--above", type=float, help="runs of interest: outcome above this")
    side.add_argument("--below", type=float, help="runs of interest: outcome below this")
    p.add_argument("--step", type=int, help="pick this box of the peeling trajectory instead of the chosen one")
    p.add_argument("--min-coverage", type=float, default=0.5, help="the chosen box keeps at least this coverage")
    p = sub.add_parser("features", help="extra-trees feature scores: which parameters drive which outcome")
    _common(p)
    p.add_argument("--outcome", action="append", help="outcome to score (repeat; default: the spec's outcomes)")
    p = sub.add_parser("robustness", help="regret and satisficing of each policy across the uncertainties")
    _common(p)
    p.add_argument("--outcome", action="append", required=True, help="outcome to judge policies on (repeat)")
    p.add_argument("--maximize", action="append", default=[], help="an outcome to raise rather than lower")
    p.add_argument("--threshold", action="append", default=[], metavar="OUTCOME=VALUE",
                   help="satisficing: at most VALUE (at least, for --maximize outcomes) per year")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="a sweep's results folder")
    p.add_argument("--out", help="where to write tables and figures (default FOLDER/analysis)")


def _out(args: argparse.Namespace) -> Path:
    return Path(args.out) if args.out else Path(args.folder) / "analysis"


def cmd_discover(args: argparse.Namespace) -> None:
    from .experiments.analysis import discover
    from .experiments.analysis_report import rule_text, write_discovery
    from .experiments.results import as_results

    results = as_results(args.folder)
    found = discover(results, args.outcome, args.above, args.below, min_coverage=args.min_coverage)
    if args.step is not None:
        found.select(args.step)  # checks the step
        found.chosen = args.step
    rule = rule_text(args.outcome, args.above, args.below)
    folder = _out(args) / f"discover-{rule.replace(' ', '-')}"
    write_discovery(results, found, args.outcome, args.above, args.below, folder)
    print(f"{rule}: {int(found.y.sum())} of {len(found.y)} runs")
    print(found.inspect())
    print("peeling trajectory (step: coverage, density, restricted parameters): " +
          "; ".join(f"{r.step}: {r.coverage:.0%}, {r.density:.0%}, {r.restricted_dimensions}"
                    for r in found.trajectory.iloc[:: max(1, len(found.trajectory) // 8)].itertuples()))
    print(f"written to {folder}/ (trajectory.csv, box.csv, discovery.json, figures); pick another box with --step")


def cmd_features(args: argparse.Namespace) -> None:
    from .experiments.analysis import feature_scores
    from .experiments.analysis_report import write_features
    from .experiments.results import as_results

    results = as_results(args.folder)
    scores = feature_scores(results, args.outcome)
    write_features(results, scores, _out(args))
    print(scores.to_string(float_format=lambda v: f"{v:.3f}"))
    print(f"written to {_out(args)}/ (feature_scores.csv, feature_scores.png)")


def cmd_robustness(args: argparse.Namespace) -> None:
    from .experiments.analysis import robustness
    from .experiments.analysis_report import write_robustness
    from .experiments.results import as_results

    results = as_results(args.folder)
    table = robustness(results, args.outcome, tuple(args.maximize), _thresholds(args.threshold))
    write_robustness(results, table, _out(args))
    shown = [c for c in ("policy", "outcome", "mean", "max_regret", "mean_regret", "best_share", "satisficing")
             if c in table]
    print(table[shown].to_string(index=False, float_format=lambda v: f"{v:,.3g}"))
    print(f"written to {_out(args)}/ (robustness.csv, figures)")


def _thresholds(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"--threshold {item!r}: give OUTCOME=VALUE, e.g. evictions=10") from None
    return out


COMMANDS = {"discover": cmd_discover, "features": cmd_features, "robustness": cmd_robustness}
