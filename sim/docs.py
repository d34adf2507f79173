"""The parameter table of docs/model.md, generated from the declarations and the calibration.

    python -m sim.docs          # rewrite the table between the markers in docs/model.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from .experiments.draws import calibrated_priors, parameter_rows, uncertainty_of
from .scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
MODEL_DOC = ROOT / "docs" / "model.md"
START, END = "<!-- parameter-table:start -->", "<!-- parameter-table:end -->"


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
        lines.append(f"| `{path}`{local} | {row['doc']} | {row['unit']} | {shown} | {row['source']} | "
                     f"{status(path, row['source'], calibrated)} | {uncertainty_of(row, ranges)} |")
    return "\n".join(lines)


def render(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{parameter_table()}\n{END}{tail}"


def main() -> int:
    MODEL_DOC.write_text(render(MODEL_DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {MODEL_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
