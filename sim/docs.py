"""Tables generated from their one declaration: the parameter table of docs/model.md (from the
parameter declarations and the calibration) and the README's table of the month's phases (from
sim.pathway.model.PHASES).

    python -m sim.docs          # rewrite both tables between their markers
"""

from __future__ import annotations

import sys
from pathlib import Path

from .experiments.draws import calibrated_priors, parameter_rows, uncertainty_of
from .parameters.prices import price_note
from .scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
MODEL_DOC = ROOT / "docs" / "model.md"
README = ROOT / "README.md"
START, END = "<!-- parameter-table:start -->", "<!-- parameter-table:end -->"
PHASES_START, PHASES_END = "<!-- phase-table:start -->", "<!-- phase-table:end -->"
COSTS_START, COSTS_END = "<!-- unit-cost-table:start -->", "<!-- unit-cost-table:end -->"
ITEMS_START, ITEMS_END = "<!-- cost-item-table:start -->", "<!-- cost-item-table:end -->"


def _lookup(params: dict, dotted: str):
    node = params
    for part in dotted.split("."):
        node = node[part]
    return node


def status(path: str, source: str, calibrated: set[str]) -> str:
    if path in calibrated:
        return "assumption, calibrated"
    if source.lower().startswith("assumption"):
        return "assumption, not calibrated"
    return "sourced"


def parameter_table() -> str:
    ranges = calibrated_priors()  # calibration/parameters.toml: what is calibrated, and its prior
    calibrated = set(ranges)
    values = load_scenario("baseline").parameters()
    lines = ["| parameter | meaning | unit | baseline value | source | status | uncertainty |",
             "|---|---|---|---|---|---|---|"]
    for row in parameter_rows():
        path = row["name"]
        value = _lookup(values, path)
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        local = " (local)" if row.get("local") else ""
        source = row["source"] + price_note(row.get("price_year"))
        lines.append(f"| `{path}`{local} | {row['doc']} | {row['unit']} | {shown} | {source} | "
                     f"{status(path, row['source'], calibrated)} | {uncertainty_of(row, ranges)} |")
    return "\n".join(lines)


def phase_table() -> str:
    """The month's phases, in the order EvictionModel.step runs them, with the modules of each."""
    from .pathway.model import PHASES

    lines = ["| phase | what happens | modules (`sim/pathway/`) |", "|---|---|---|"]
    for phase in PHASES:
        modules = ", ".join(f"`{m}`" for m in phase.modules)
        lines.append(f"| {phase.number} {phase.name} | {phase.what} | {modules} |")
    return "\n".join(lines)


def _between(text: str, start: str, end: str, table: str) -> str:
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{table}\n{end}{tail}"


def unit_cost_table() -> str:
    """Every unit cost (context.costs) with its value in PRICE_YEAR's prices, its source's price
    year, its prior and its source."""
    from .experiments.cba_prices import unit_costs
    from .parameters.prices import PRICE_YEAR

    lines = [f"| unit cost | value ({PRICE_YEAR} prices) | unit | source's price year | range (MKBA draws) | source |",
             "|---|---|---|---|---|---|"]
    for name, r in unit_costs().items():
        prior = "" if not r["prior"] else f"{_amount(r['prior'][0])}-{_amount(r['prior'][1])}"
        lines.append(f"| `{name}` | {_amount(r['default'])} | {r['unit']} | {r['price_year'] or ''} | {prior} | "
                     f"{r['source']} |")
    return "\n".join(lines)


def _amount(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.4g}"


def cost_item_table() -> str:
    """Every cost item the model books, with its payer, the actor bearing it in the MKBA, whether it
    is a resource or a transfer to households, and the unit costs it is proportional to."""
    from .pathway.costs import ITEMS

    lines = ["| item (outcome `cost_<item>_eur`) | payer | actor (MKBA) | nature | unit costs |",
             "|---|---|---|---|---|"]
    for item in ITEMS.values():
        payer = item.payer.value if item.payer else "(households' own)"
        prices = ", ".join(f"`{p}`" for p in item.prices) or "amounts paid"
        lines.append(f"| `{item.name}`: {item.label} | {payer} | {item.actor.value} | {item.nature} | {prices} |")
    return "\n".join(lines)


def render(text: str) -> str:
    """docs/model.md with its parameter, unit-cost and cost-item tables regenerated."""
    text = _between(text, START, END, parameter_table())
    if COSTS_START in text:
        text = _between(text, COSTS_START, COSTS_END, unit_cost_table())
    if ITEMS_START in text:
        text = _between(text, ITEMS_START, ITEMS_END, cost_item_table())
    return text


def render_readme(text: str) -> str:
    """The README with its table of phases regenerated."""
    return _between(text, PHASES_START, PHASES_END, phase_table())


def main() -> int:
    MODEL_DOC.write_text(render(MODEL_DOC.read_text(encoding="utf-8")), encoding="utf-8")
    README.write_text(render_readme(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {MODEL_DOC} and {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
