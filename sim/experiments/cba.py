"""A social cost-benefit analysis (MKBA) of each policy against the reference (the baseline).

Every cost the model books is a cost item with a payer, the actor that bears it, and a nature
(sim/pathway/costs.py): a *resource* (staff, places, care, court time: a cost to society) or a
*transfer* to households (rent allowance, rental assistance, arrears written off, rent forgone),
which is the payer's cost and the households' gain and nets to zero for society. The policy's
change in each item, year by year over the horizon, is discounted to a present value (the first
year undiscounted; default rate 2.25 %, the Dutch standard since 2021 [RWS-D]); beyond the
simulated years the last simulated year repeats. Effects avoided (evictions, homeless months, ...)
are discounted at the same rate, as cost-effectiveness analyses do. Effects the model does not
value in money are listed as counts (PM-posten), never monetised.

Every figure is computed per run (draw d, replication r) and summarised with the intervals of
comparisons (sim/uncertainty.py). With posterior draws, each draw also has its own unit costs,
drawn from their priors (cba_prices.py), so the total interval covers them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..comparison import Comparison
from ..parameters.prices import INDEX, PRICE_YEAR
from ..pathway.costs import ITEMS
from .cba_prices import drawn_factors
from .cba_rows import effect_columns, scenario_rows
from .cba_sensitivity import sensitivity_table

DISCOUNT = 0.0225  # Werkgroep discontovoet 2020: the standard real rate for MKBAs since 2021 [RWS-D]
COST_COLUMNS = [f"cost_{name}_eur" for name in ITEMS]


@dataclass(repr=False)
class CBA:
    """An MKBA of each scenario against the baseline.

    table: one row per scenario and figure: `section` (item, actor, summary, effect, cost_per,
        pm), `name`, English and Dutch `label`, `mean` and its intervals (`low`/`high` total,
        `low_noise`/`high_noise` noise only), `defined` (False where the figure has no meaning,
        e.g. a cost per eviction avoided when none is avoided).
    sensitivity: society's net present value and the net cost per eviction avoided under other
        discount rates, horizons and unit costs at the ends of their ranges.
    meta: discount rate, horizon, price year, the price index, conventions, the comparison's meta.
    """

    table: pd.DataFrame
    sensitivity: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"CBA(baseline={self.meta.get('baseline')!r}, scenarios={self.meta.get('scenarios')}, "
                f"discount={self.meta.get('discount')}, horizon_years={self.meta.get('horizon_years')})")

    def figure(self, scenario: str, section: str, name: str) -> pd.Series:
        """One row of the table."""
        t = self.table
        return t[(t.scenario == scenario) & (t.section == section) & (t.name == name)].iloc[0]


def cba(baseline: Any, scenarios: Any, horizon: int | None = None, discount: float = DISCOUNT,
        posterior: int = 0, out: str | Path | None = None, force: bool = False, **settings: Any) -> CBA:
    """Run the comparison (`sim.compare` with `settings`) and its MKBA; with `out`, write the
    comparison there with cba.json and cba.parquet beside it."""
    from .cba_files import write_cba
    from .compare import compare

    comparison = compare(baseline, scenarios, posterior=posterior, **settings)
    result = analyse(comparison, horizon, discount)
    if out is not None:
        write_cba(comparison, result, out, force)
    return result


def analyse(comparison: Comparison, horizon: int | None = None, discount: float = DISCOUNT) -> CBA:
    """The MKBA of a comparison (made by `sim.compare` or read back with `sim.read_comparison`)."""
    flows = Flows.of(comparison)
    horizon = flows.years if horizon is None else horizon
    check_options(horizon, discount)
    base = comparison.meta["baseline"]
    rows = [row for name in comparison.meta["scenarios"]
            for row in scenario_rows(name, flows.pv(name, base, horizon, discount))]
    meta = _meta(comparison, flows, horizon, discount)
    return CBA(pd.DataFrame(rows), sensitivity_table(flows, comparison.meta, horizon, discount), meta)


def check_options(horizon: int | None, discount: float) -> None:
    """Refuse a horizon or discount rate an MKBA cannot use, naming the option."""
    if horizon is not None and not 1 <= horizon <= 100:
        raise ValueError(f"--horizon {horizon}: the horizon is 1 to 100 years")
    if not -0.01 <= discount <= 0.2:
        raise ValueError(f"--discount {discount}: a real discount rate from -0.01 to 0.2 (0.0225 is the standard)")


@dataclass
class Flows:
    """Each scenario's yearly costs by item and effects, as arrays [draw, replication, year, column],
    and the unit-cost multipliers of each draw [draw, item]."""

    costs: dict[str, np.ndarray]
    effects: dict[str, np.ndarray]
    prices: np.ndarray
    years: int

    @classmethod
    def of(cls, comparison: Comparison) -> Flows:
        runs = comparison.runs
        base = runs[comparison.meta["baseline"]].meta
        draws = base.get("posterior", {}).get("draws", 1)
        prices, _ = drawn_factors(draws, int(base.get("posterior", {}).get("seed", base.get("seed", 1))))
        costs = {name: yearly(r.monthly, COST_COLUMNS, draws) for name, r in runs.items()}
        counts = {name: yearly(r.monthly, effect_columns(), draws) for name, r in runs.items()}
        return cls(costs, counts, prices, next(iter(costs.values())).shape[2])

    def pv(self, name: str, base: str, horizon: int, discount: float,
           prices: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Present values [draw, replication, column] of the scenario's change against the base:
        "costs" by item (re-priced with `prices`, default each draw's own) and "effects"."""
        weights = (1 + discount) ** -np.arange(horizon, dtype=float)
        priced = (self.prices if prices is None else prices)[:, None, None, :]
        costs = present_value((self.costs[name] - self.costs[base]) * priced, horizon, weights)
        effects = present_value(self.effects[name] - self.effects[base], horizon, weights)
        undiscounted = present_value(self.effects[name] - self.effects[base], horizon, np.ones(horizon))
        return {"costs": costs, "effects": effects, "counts": undiscounted}


def yearly(monthly: pd.DataFrame, columns: list[str], draws: int) -> np.ndarray:
    """Sums of `columns` per replication and simulated year (flows: the year's total; stocks: its
    unit-months), as [draw, replication, year, column]; only whole years count."""
    months = int(monthly.groupby("replication")["month"].count().min())
    if months < 12:
        raise ValueError(f"an MKBA needs at least 12 reported months (the run has {months}); use --months 12 or more")
    years = months // 12
    kept = monthly[monthly["month"] < 12 * years]
    sums = kept.groupby(["replication", kept["month"] // 12])[columns].sum()
    return sums.to_numpy(dtype=float).reshape(draws, -1, years, len(columns))


def present_value(changes: np.ndarray, horizon: int, weights: np.ndarray) -> np.ndarray:
    """Σ over the horizon's years of the yearly changes [d, r, year, k] times the discount weights;
    years beyond the simulated ones repeat the last simulated year."""
    years = changes.shape[2]
    if horizon > years:
        extra = np.repeat(changes[:, :, -1:, :], horizon - years, axis=2)
        changes = np.concatenate([changes, extra], axis=2)
    return np.einsum("dryk,y->drk", changes[:, :, :horizon, :], weights)


def _meta(comparison: Comparison, flows: Flows, horizon: int, discount: float) -> dict[str, Any]:
    from .cba_prices import unit_costs

    return {"kind": "cba", "baseline": comparison.meta["baseline"], "scenarios": comparison.meta["scenarios"],
            "discount": discount, "horizon_years": horizon, "simulated_years": flows.years,
            "extrapolated_years": max(0, horizon - flows.years), "price_year": PRICE_YEAR, "price_index": INDEX,
            "unit_cost_draws": int(flows.prices.shape[0]) if flows.prices.shape[0] > 1 else 0,
            "conventions": CONVENTIONS, "level": comparison.meta.get("level"),
            "uncertainty": comparison.meta.get("uncertainty"),
            "unit_costs": {n: {k: r[k] for k in ("default", "unit", "source", "price_year", "prior")}
                           for n, r in unit_costs().items()},
            "comparison": {k: v for k, v in comparison.meta.items() if k != "runs"}}


CONVENTIONS = (
    "Reference alternative: the baseline scenario, run on the same seeds (and posterior draws). "
    "Present values of the policy's change in costs against it, over the horizon, the first year undiscounted; "
    "beyond the simulated years the last simulated year repeats. A positive cost is an extra cost; an actor's "
    "net present value is minus its net extra cost (positive: it gains). Transfers to households (rent "
    "allowance, rental assistance, arrears written off, rent forgone) are their payer's cost and the households' "
    "gain and net to zero for society. Effects avoided are discounted at the same rate. Unit costs in prices "
    f"of {PRICE_YEAR}; with posterior draws each draw has its own unit costs drawn from their priors.")
