"""Command line analyses of a stored sweep: `evictsim discover | cart | rsa | features | robustness FOLDER`.

Each prints its result and writes its tables and figures under FOLDER/analysis/ (or --out).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_commands(sub) -> None:
    """Add the analysis subcommands to `evictsim`'s parser."""
    p = sub.add_parser("discover", help="scenario discovery (PRIM) on a stored sweep: where is an outcome high?")
    _common(p)
    _rule_options(p, common=False)
    p.add_argument("--step", type=int, help="pick this box of the peeling trajectory instead of the chosen one")
    p.add_argument("--min-coverage", type=float, default=0.5, help="the chosen box keeps at least this coverage")
    p = sub.add_parser("cart", help="scenario discovery with a classification tree: its leaves as boxes")
    _rule_options(p)
    p.add_argument("--depth", type=int, default=3, help="splits on a path at most (default 3)")
    p = sub.add_parser("rsa", help="regional sensitivity: which parameters separate runs of interest from the rest")
    _rule_options(p)
    p = sub.add_parser("features", help="extra-trees feature scores: which parameters drive which outcome")
    _common(p)
    p.add_argument("--outcome", action="append", help="outcome to score (repeat; default: the spec's outcomes)")
    p = sub.add_parser("robustness", help="regret and satisficing of each policy across the uncertainties")
    _common(p)
    p.add_argument("--outcome", action="append", required=True, help="outcome to judge policies on (repeat)")
    p.add_argument("--maximize", action="append", default=[], help="an outcome to raise rather than lower")
    p.add_argument("--threshold", action="append", default=[], metavar="OUTCOME=VALUE",
                   help="satisficing: at most VALUE (at least, for --maximize outcomes) per year")


def _rule_options(p: argparse.ArgumentParser, common: bool = True) -> None:
    """FOLDER, --out and the runs of interest: --outcome with --above or --below."""
    if common:
        _common(p)
    p.add_argument("--outcome", required=True, help="an outcome (`evictsim outcomes`), per year")
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--above", type=float, help="runs of interest: outcome above this")
    side.add_argument("--below", type=float, help="runs of interest: outcome below this")


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
    written = write_discovery(results, found, args.outcome, args.above, args.below, folder)
    print(f"{rule}: {int(found.y.sum())} of {len(found.y)} runs")
    print(found.inspect())
    print("peeling trajectory (step: coverage, density, restricted parameters): " +
          "; ".join(f"{r.step}: {r.coverage:.0%}, {r.density:.0%}, {r.restricted_dimensions}"
                    for r in found.trajectory.iloc[:: max(1, len(found.trajectory) // 8)].itertuples()))
    print(f"written to {folder}/ ({_names(written)}); pick another box with --step")


def cmd_cart(args: argparse.Namespace) -> None:
    from .experiments.analysis import cart
    from .experiments.analysis_report import rule_text, write_cart
    from .experiments.results import as_results

    results = as_results(args.folder)
    found = cart(results, args.outcome, args.above, args.below, max_depth=args.depth)
    rule = rule_text(args.outcome, args.above, args.below)
    folder = _out(args) / f"cart-{rule.replace(' ', '-')}"
    written = write_cart(results, found, rule, folder)
    print(f"{rule}: {found.cases} of {found.runs} runs")
    print(found.inspect())
    print(f"written to {folder}/ ({_names(written)})")


def cmd_rsa(args: argparse.Namespace) -> None:
    from .experiments.analysis import regional_sensitivity
    from .experiments.analysis_report import rule_text, write_regional
    from .experiments.results import as_results

    results = as_results(args.folder)
    table = regional_sensitivity(results, args.outcome, args.above, args.below)
    rule = rule_text(args.outcome, args.above, args.below)
    folder = _out(args) / f"rsa-{rule.replace(' ', '-')}"
    written = write_regional(results, table, args.outcome, args.above, args.below, folder)
    print(f"{rule} against the rest, {len(results)} runs (statistic: the largest gap between the two "
          "distributions, 0-1; p_value: how likely a gap that large is by chance)")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3g}"))
    print(f"written to {folder}/ ({_names(written)})")


def cmd_features(args: argparse.Namespace) -> None:
    from .experiments.analysis import feature_scores
    from .experiments.analysis_report import write_features
    from .experiments.results import as_results

    results = as_results(args.folder)
    scores = feature_scores(results, args.outcome)
    written = write_features(results, scores, _out(args))
    print(scores.to_string(float_format=lambda v: f"{v:.3f}"))
    print(f"from {len(results)} runs; written to {_out(args)}/ ({_names(written)})")


def cmd_robustness(args: argparse.Namespace) -> None:
    from .experiments.analysis import robustness
    from .experiments.analysis_report import write_robustness
    from .experiments.results import as_results

    results = as_results(args.folder)
    table = robustness(results, args.outcome, tuple(args.maximize), _thresholds(args.threshold))
    written = write_robustness(results, table, _out(args))
    shown = [c for c in ("policy", "outcome", "mean", "max_regret", "mean_regret", "regret_noise", "best_share",
                         "satisficing") if c in table]
    print(table[shown].to_string(index=False, float_format=lambda v: f"{v:,.3g}"))
    print("regret_noise: a regret below it may be noise alone (90 %, from the replications; nan with one); "
          "best_share: policies that tie for the best each count, so the shares may sum above 1")
    print(f"from {len(results)} runs; written to {_out(args)}/ ({_names(written)})")


def _names(written: list[Path]) -> str:
    """The files written, by name: what the folder really holds."""
    return ", ".join(p.name for p in written)


def _thresholds(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"--threshold {item!r}: give OUTCOME=VALUE, e.g. evictions=10") from None
    return out


COMMANDS = {"discover": cmd_discover, "cart": cmd_cart, "rsa": cmd_rsa, "features": cmd_features,
            "robustness": cmd_robustness}
