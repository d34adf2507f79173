"""The calibration's fit report: each target against the simulated value with its interval,
the posterior of each parameter, and what did not fit (with the targets file's note on why).
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from ..pathway.courts import OWED_BINS, SPELL_BINS  # noqa: E402
from ..plots import PALETTE, caption, log_axis, save  # noqa: E402
from .calibrate import Calibration  # noqa: E402

DRAWS = 24  # posterior draws simulated for the report
FEW_EFFECTIVE = 10  # an effective sample size below this many particles is reported as too few


def posterior_predictive(cal: Calibration, posterior: pd.DataFrame, draws: int = DRAWS) -> pd.DataFrame:
    """Yearly outcomes of `draws` weighted draws from the posterior, each simulated with a new seed."""
    rng = np.random.default_rng([cal.settings.seed, 999])
    picks = rng.choice(len(posterior), size=draws, p=posterior["weight"].to_numpy())
    particles = np.array([[cal._t(n, posterior.iloc[i][n]) for n in cal.names] for i in picks])
    return pd.DataFrame(cal.evaluate(particles, rng.integers(0, 2**31, draws)))


def target_values(cal: Calibration, rows: pd.DataFrame) -> pd.DataFrame:
    """Each target's simulated value per row of yearly outcomes."""
    return pd.DataFrame({t.name: t.simulated(rows) for t in cal.targets})


HAZARDS = {"corporation": ("context.landlords.summons_per_month_corporation",
                           "context.landlords.family_referral_corporation"),
           "private landlord": ("context.landlords.summons_per_month_private",
                                "context.landlords.family_referral_private")}
FAMILY_FACTOR = "context.landlords.summons_family_factor"
REFERRAL_WAIT = "context.landlords.referral_wait_months"
AT_BOUND = 0.1  # a posterior median within this share of the prior's range (log range if log) of a bound


def months_to_summons(cal: Calibration, posterior: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Mean months from becoming due for a summons (without a plan or help) to a summons implied by
    the posterior's monthly chances, per landlord type, for other households and for families (a
    referral to the municipality first, with its wait, then the chance times the families' factor),
    and the families' wait over the others'; and, simulated, the mean months in arrears and the
    mean arrears (months of rent) at a summons, and their distribution."""
    weights = posterior["weight"].to_numpy()
    base = cal.base.parameters()["context"]["landlords"]

    def value(name: str) -> np.ndarray:
        if name in posterior:
            return posterior[name].to_numpy()
        return np.full(len(posterior), float(base[name.rsplit(".", 1)[-1]]))

    def row(what: str, values: np.ndarray) -> dict:
        q = _weighted_quantiles(values, weights, [0.05, 0.5, 0.95])
        return {"what": what, "median": q[1], "low": q[0], "high": q[2]}
    result = []
    for landlord, (hazard, referral) in HAZARDS.items():
        others = 1 / np.minimum(1.0, value(hazard))
        families = value(referral) * value(REFERRAL_WAIT) + 1 / np.minimum(1.0, value(hazard) * value(FAMILY_FACTOR))
        result += [row(f"implied: {landlord}, other households", others),
                   row(f"implied: {landlord}, families (referral and wait included)", families),
                   row(f"implied: {landlord}, families' wait over the others'", families / others)]
    for label, numerator in (("simulated: months in arrears at a summons", "summons_spell_months"),
                             ("simulated: arrears at a summons (months of rent)", "summons_arrears_months")):
        result.append(_simulated(label, rows[numerator] / rows["summonses_arrears"]))
    for prefix, bins in (("spell", SPELL_BINS), ("owed", OWED_BINS)):
        for name, *_ in bins:
            what = (f"simulated: share of summonses after {name.replace('_', '-')} months in arrears"
                    if prefix == "spell" else
                    f"simulated: share of summonses owing {name.replace('_', '-')} months of rent")
            result.append(_simulated(what, rows[f"summons_{prefix}_{name}"] / rows["summonses_arrears"]))
    return pd.DataFrame(result)


def _simulated(what: str, values: pd.Series) -> dict:
    values = values.to_numpy(float)
    values = values[np.isfinite(values)]
    return {"what": what, "median": float(np.median(values)), "low": float(np.percentile(values, 5)),
            "high": float(np.percentile(values, 95))}


def at_bound(median: float, low: float, high: float, log: bool) -> str:
    """"low" or "high" if the posterior median lies within AT_BOUND of the prior's range (on its
    scale) from that bound, else ""."""
    if log:
        median, low, high = np.log(median), np.log(low), np.log(high)
    position = (median - low) / (high - low)
    return "low" if position < AT_BOUND else "high" if position > 1 - AT_BOUND else ""


def fit_table(cal: Calibration, simulated: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for t in cal.targets:
        values = simulated[t.name].dropna().to_numpy()
        median, low, high = (np.median(values), *np.percentile(values, [5, 95])) if values.size else (np.nan,) * 3
        rows.append({"target": t.name, "kind": t.kind, "estimate": t.estimate, "observed": t.value,
                     "band_low": t.low, "band_high": t.high, "simulated": median, "sim_low": low,
                     "sim_high": high, "status": _status(t.kind, t.low, t.high, median, low, high),
                     "source": t.source, "note": t.note})
    return pd.DataFrame(rows)


def _status(kind: str, band_low: float, band_high: float, median: float, low: float, high: float) -> str:
    if np.isnan(median):
        return "not simulated"
    if kind == "upper":
        return "below, as it should be" if high <= band_high else "ABOVE the figure it is part of"
    if band_low <= median <= band_high:
        return "fits"
    if high >= band_low and low <= band_high:
        return "interval overlaps band"
    return "does not fit"


def fit_figure(table: pd.DataFrame, meta: dict) -> plt.Figure:
    """Observed band and value against the simulated 90 % interval, as a ratio to the observed."""
    fig, ax = plt.subplots(figsize=(10, 0.45 * len(table) + 1.8), layout="constrained")
    for i, r in enumerate(table.iloc[::-1].itertuples()):
        ax.plot([r.band_low / r.observed, r.band_high / r.observed], [i, i], color="#BBBBBB", linewidth=8,
                solid_capstyle="butt", label="observed band" if i == 0 else None)
        ax.plot([1], [i], marker="D", color="black", label="observed" if i == 0 else None)
        ax.plot([r.sim_low / r.observed, r.sim_high / r.observed], [i, i], color=PALETTE[0], linewidth=2,
                label="simulated 90 % interval" if i == 0 else None)
        ax.plot([r.simulated / r.observed], [i], marker="o", color=PALETTE[0], linestyle="none",
                label="simulated median" if i == 0 else None)
    ax.set_yticks(range(len(table)), [f"{t} ({k})" for t, k in zip(table.target[::-1], table.kind[::-1])])
    ax.set_xscale("log")
    ax.axvline(1, color="#666666", linewidth=0.8)
    ax.set_xlabel("value relative to the observed figure (log scale)")
    ax.set_title("Calibration targets: observed against simulated")
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    caption(fig, meta)
    return fig


def posterior_figure(cal: Calibration, posterior: pd.DataFrame, meta: dict) -> plt.Figure:
    n = len(cal.names)
    cols = 2
    fig, axes = plt.subplots((n + 1) // cols, cols, figsize=(10, 2.4 * ((n + 1) // cols)), layout="constrained")
    for ax, name in zip(np.ravel(axes), cal.names):
        prior = cal.priors[name]
        bins = np.geomspace(prior.min, prior.max, 16) if prior.log else np.linspace(prior.min, prior.max, 16)
        ax.hist(posterior[name], bins=bins, weights=posterior["weight"], color=PALETTE[0], edgecolor="white")
        ax.set_xlim(prior.min, prior.max)
        if prior.log:
            ax.set_xscale("log")
            log_axis(ax.xaxis)
        ax.set_title(name.split(".", 1)[1], fontsize=10)
        ax.set_yticks([])
    for ax in np.ravel(axes)[n:]:
        ax.axis("off")
    fig.suptitle("Posterior of each calibrated parameter (x axis: the prior's range)")
    caption(fig, meta)
    return fig


def write_report(folder: str | Path | None = None, workers: int = 0, progress: bool = True) -> Path:
    cal = Calibration(folder, workers, progress) if folder else Calibration(workers=workers, progress=progress)
    posterior = pd.read_csv(cal.folder / "posterior.csv")
    record = json.loads((cal.folder / "calibration.json").read_text(encoding="utf-8"))
    rows = posterior_predictive(cal, posterior)
    table = fit_table(cal, target_values(cal, rows))
    timing = months_to_summons(cal, posterior, rows)
    meta = {"scenario": "baseline (calibration)", "seed": cal.settings.seed, "version": record["version"]}
    figures = cal.folder / "figures"
    save(fit_figure(table, meta), figures / "fit", meta)
    save(posterior_figure(cal, posterior, meta), figures / "posterior", meta)
    table.to_csv(cal.folder / "fit.csv", index=False)
    path = cal.folder / "report.md"
    timing.to_csv(cal.folder / "months_to_summons.csv", index=False)
    path.write_text(_markdown(cal, record, table, posterior, timing), encoding="utf-8")
    return path


def _markdown(cal: Calibration, record: dict, table: pd.DataFrame, posterior: pd.DataFrame,
              timing: pd.DataFrame) -> str:
    s = record["settings"]
    lines = [f"# Calibration report ({record['date']})", "",
             f"ABC-SMC with {s['particles']} particles over {len(record['generations'])} generations on the "
             f"{s['population']} population at scale {s['scale']} ({s['months']} months after a {s['warmup']}-month "
             f"warm-up), seed {s['seed']}; code {record['code']}, version {record['version']}. Targets: "
             f"`calibration/targets.csv`; priors: `calibration/parameters.toml`. The simulated intervals come from "
             f"{DRAWS} draws of the posterior, each simulated once with a new seed.", "",
             "| generation | tolerance | simulations | median distance |", "|---|---|---|---|"]
    lines += [f"| {g['number']} | {g['tolerance']:.2f} | {g['simulations']} | {g['median_distance']:.2f} |"
              for g in record["generations"]]
    lines += ["", "## Targets against the simulation", "", "![fit](figures/fit.png)", "",
              "| target | kind | observed (band) | simulated median [5-95 %] | status |", "|---|---|---|---|---|"]
    for r in table.itertuples():
        est = " (estimate)" if r.estimate else ""
        lines.append(f"| {r.target}{est} | {r.kind} | {_n(r.observed)} ({_n(r.band_low)}-{_n(r.band_high)}) | "
                     f"{_n(r.simulated)} [{_n(r.sim_low)}-{_n(r.sim_high)}] | {r.status} |")
    ess = effective_sample_size(posterior["weight"].to_numpy())
    lines += ["", "## Posterior", "", "![posterior](figures/posterior.png)", "",
              f"Effective sample size of the weighted particles: {ess:.1f} of {len(posterior)}"
              + (f" (below {FEW_EFFECTIVE}: a few particles carry most of the weight, so the 5-95 % ranges and the "
                 "posterior draws of `--posterior` understate how uncertain these parameters are)."
                 if ess < FEW_EFFECTIVE else "."), "",
              f"A posterior median within {AT_BOUND:.0%} of its prior's range (on the prior's scale) from a bound "
              "is marked: the evidence may want a value outside the prior (docs/model.md says why where it does).",
              "", *_point_paragraph(record),
              "", "| parameter | prior | posterior median | 5-95 % | at a bound | calibrated point "
              "| why it is uncertain |",
              "|---|---|---|---|---|---|---|"]
    for name in cal.names:
        q = _weighted_quantiles(posterior[name].to_numpy(), posterior["weight"].to_numpy(), [0.05, 0.5, 0.95])
        p = cal.priors[name]
        bound = at_bound(q[1], p.min, p.max, p.log)
        point = record["estimate"].get(name, float("nan"))
        lines.append(f"| `{name}` | {_n(p.min)}-{_n(p.max)}{' (log)' if p.log else ''} | {_n(q[1])} | "
                     f"{_n(q[0])}-{_n(q[2])} | {bound or 'no'} | {_n(point)} | {p.reason} |")
    lines += ["", "## Months to a summons", "",
              "Mean months from becoming due for a summons (three months of arrears, or six months into a spell "
              "that still owes a month's rent) without a plan or debt help to a summons, implied by the "
              "posterior's monthly chances (1 / chance; for families the referral to the municipality and its "
              "wait first, then the chance times the families' factor), and what the posterior draws simulate: "
              "how long a tenant had been in arrears, and how much was owed, when summoned, with their "
              "distribution (plans, help and repayments in between make these longer than the rules alone).", "",
              "| | median | 5-95 % |", "|---|---|---|"]
    lines += [f"| {r.what} | {_n(r.median)} | {_n(r.low)}-{_n(r.high)} |" for r in timing.itertuples()]
    misses = table[~table.status.isin(["fits", "below, as it should be"])]
    lines += ["", "## What did not fit, and why", ""]
    if misses.empty:
        lines.append("Every target's simulated median lies in its band.")
    for r in misses.itertuples():
        lines.append(f"- **{r.target}** ({r.status}): observed {_n(r.observed)}, simulated {_n(r.simulated)}. "
                     f"{r.note}.")
    return "\n".join(lines) + "\n"


def _point_paragraph(record: dict) -> list[str]:
    """What the baseline runs on: the medians, or the point the search near them found
    (calibration_refine.py), with the distances that decided it."""
    r = record.get("refinement")
    if r is None:
        return ["The calibrated point the baseline runs on is the posterior's weighted medians."]
    how = (f"A search near the medians ({r['evaluations']} points, inside every parameter's 5-95 % range) found a "
           f"point with distance {r['search_refined']:.2f} against the medians' {r['search_medians']:.2f} on its own "
           f"seeds, and {r['check_refined']:.2f} against {r['check_medians']:.2f} on the check's seeds, which it "
           "never saw")
    verdict = ("so the baseline runs on that point (the column 'calibrated point')." if r["kept"] else
               "which is not better, so the baseline runs on the medians.")
    return [f"{how}: {verdict} The posterior, its ranges and every `--posterior` draw are ABC-SMC's as they were."]


def effective_sample_size(weights: np.ndarray) -> float:
    """Kish's effective sample size of importance weights: n when all are equal, 1 when one holds all."""
    w = weights / weights.sum()
    return float(1.0 / np.sum(w * w))


def _weighted_quantiles(values: np.ndarray, weights: np.ndarray, qs: list[float]) -> list[float]:
    order = np.argsort(values)
    cum = np.cumsum(weights[order]) / weights.sum()
    return [float(values[order][min(int(np.searchsorted(cum, q)), len(values) - 1)]) for q in qs]


def _n(x: float) -> str:
    if x != x:
        return "-"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"
