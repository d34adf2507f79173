"""`evictsim cba BASELINE POLICY... [--horizon YEARS] [--discount 0.0225] [--posterior N]`: a
social cost-benefit analysis (MKBA) of each policy against the baseline, written beside the
comparison (cba.json, cba.parquet) and printed as a table."""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .experiments.cba import DISCOUNT, CBA

SECTIONS = (("actor", "Net present value by actor (+ gains, - pays)"), ("summary", "Society"),
            ("effect", "Effects avoided (discounted like money)"),
            ("cost_per", "Net cost to society per effect avoided"), ("pm", "PM-posten: not valued in money (counts)"))


def add_command(sub, add_run_options: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("cba", help="social cost-benefit analysis (MKBA) of policies against a baseline")
    p.add_argument("baseline")
    p.add_argument("scenarios", nargs="+")
    add_run_options(p)
    p.add_argument("--horizon", type=int, default=None,
                   help="years of the present values (default: the simulated years; beyond them the last repeats)")
    p.add_argument("--discount", type=float, default=DISCOUNT,
                   help="real discount rate a year (default 0.0225, the Dutch standard since 2021)")
    p.add_argument("--out", help="output folder (default results/compare)")
    p.add_argument("--force", action="store_true", help="replace another result already in --out")


def cmd_cba(args: argparse.Namespace, settings_of: Callable, warn_if_stale: Callable) -> None:
    """The command; `settings_of(args)` checks the run options, `warn_if_stale(scenario)` warns
    about a calibration fitted to other code (both cli.py's)."""
    from .experiments.cba import analyse, check_options
    from .experiments.cba_files import write_cba
    from .experiments.compare import pair
    from .experiments.runs import run_scenarios
    from .run_folder import Holding, claim
    from .scenario import load_scenario

    check_options(args.horizon, args.discount)  # before anything runs
    scenarios = [load_scenario(s) for s in [args.baseline, *args.scenarios]]
    settings = settings_of(args)
    warn_if_stale(scenarios[0])
    out = claim(args.out or Path("results") / "compare", Holding("comparison", "+".join(s.name for s in scenarios)),
                args.force)
    start = time.perf_counter()
    comparison = pair(run_scenarios(scenarios, settings))
    result = analyse(comparison, args.horizon, args.discount)
    write_cba(comparison, result, out, args.force)
    print(format_cba(result))
    print(f"{time.perf_counter() - start:.1f} s; written to {out}/ (cba.json, cba.parquet beside the comparison)")


def format_cba(result: CBA) -> str:
    """Per scenario: the present values by actor, society's summary, cost-effectiveness and the
    PM-posten with their intervals, and the sensitivity of society's net present value."""
    m = result.meta
    both = (m.get("uncertainty") or {}).get("posterior_draws", 1) > 1
    lines = []
    for name in m["scenarios"]:
        lines.append(f"{name} vs {m['baseline']}: MKBA over {m['horizon_years']} years at {m['discount']:.2%} "
                     f"(EUR, prices of {m['price_year']}; counts over the horizon)")
        rows = result.table[result.table.scenario == name]
        lines.append(f"    {'':<52}{'value':>16}  {'90 % interval':<28}" + ("noise only" if both else ""))
        for section, title in SECTIONS:
            lines.append(f"  {title}")
            lines += [_line(r, both) for _, r in rows[rows.section == section].iterrows()]
        lines += _sensitivity(result.sensitivity[result.sensitivity.scenario == name])
        lines.append("")
    lines.append("Intervals: 90 % " + ("(parameters, unit costs and noise; then noise only)." if both
                                       else "(noise only; add --posterior N for parameters and unit costs)."))
    return "\n".join(lines)


def _line(r: pd.Series, both: bool) -> str:
    if not r["defined"]:
        return f"    {r['label']:<52}{'not defined':>16}  (the policy avoids none on average)"
    text = f"    {r['label']:<52}{_fmt(r['mean']):>16}  {_span(r['low'], r['high']):<28}"
    return text + (_span(r["low_noise"], r["high_noise"]) if both else "")


def _sensitivity(rows: pd.DataFrame) -> list[str]:
    lines = ["  Sensitivity: society's net present value; net cost per eviction avoided (unit costs that change "
             "nothing here left out; all in cba.json)"]
    central = rows["npv_society"].iloc[0]
    for _, r in rows.iterrows():
        if r["parameter"] not in ("", "discount", "horizon") and math.isclose(r["npv_society"], central):
            continue
        per = r["net_cost_per_eviction_avoided"]
        per_text = "not defined" if math.isnan(per) else _fmt(per)
        value = f" {r['value']:g}" if r["parameter"] in ("discount", "horizon") else ""
        lines.append(f"    {r['case'] + value:<64}{_fmt(r['npv_society']):>16}  {per_text:>14}")
    return lines


def _span(low: float, high: float) -> str:
    return "" if math.isnan(low) else f"[{_fmt(low)}, {_fmt(high)}]"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == 0 else f"{value:,.2f}"
