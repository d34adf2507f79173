"""The policy levers as the sidebar shows them, read from the model's own declarations.

Defaults come from `Policy()`, bounds, units, sources, descriptions and the names in English and
Dutch from `sim.describe(Policy)`, choices from the field's type, group names from each group's
`label`. Nothing here repeats a number or a name the model declares.
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sim import SCENARIO_DIR, Policy, describe, flatten, load_scenario

KEY = "lever."  # session-state prefix of the lever widgets


@dataclass(frozen=True)
class Lever:
    name: str  # dotted, e.g. "legal_aid.share_summoned"
    kind: str  # bool, prob, int, float, choice or months
    default: Any
    low: float | None
    high: float | None
    unit: str
    source: str
    doc: str
    label: dict[str, str]  # "en", "nl" and "doc_nl" (the Dutch of `doc`), as declared
    choices: tuple = ()

    @property
    def group(self) -> str:
        return self.name.split(".")[0]

    @property
    def key(self) -> str:
        return KEY + self.name

    def title(self, lang: str) -> str:
        """The lever's name in `lang`."""
        return self.label[lang]

    def help(self, lang: str) -> str:
        """What the lever does, in `lang`."""
        return self.label["doc_nl"] if lang == "nl" else self.doc


def scenario_names() -> list[str]:
    """The scenario files in scenarios/, baseline first."""
    names = sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))
    return sorted(names, key=lambda n: n != "baseline")


def _annotation(dotted: str) -> Any:
    model: Any = Policy
    *groups, field = dotted.split(".")
    for group in groups:
        model = model.model_fields[group].annotation
    return model.model_fields[field].annotation


def group_title(group: str, lang: str) -> str:
    """A lever group's name in `lang`, as the group declares it."""
    label = Policy.model_fields[group].annotation.label
    return getattr(label, lang)


def _kind(row: dict[str, Any], default: Any) -> tuple[str, tuple]:
    annotation = _annotation(row["name"])
    if typing.get_origin(annotation) is typing.Literal:
        return "choice", typing.get_args(annotation)
    if isinstance(default, list):
        return "months", tuple(range(1, 13))  # calendar months, as the field's validator requires
    if isinstance(default, bool):
        return "bool", ()
    if isinstance(default, int):
        return "int", ()
    return ("prob" if row["unit"] == "probability" else "float"), ()


@cache
def levers() -> tuple[Lever, ...]:
    """Every policy lever with its default, bounds, unit, source and description."""
    defaults = flatten(Policy().model_dump())
    out = []
    for row in describe(Policy):
        default = defaults[row["name"]]
        kind, choices = _kind(row, default)
        out.append(Lever(row["name"], kind, default, row["min"], row["max"], row["unit"], row["source"],
                         row["doc"], row["label"], choices))
    return tuple(out)


def by_name() -> dict[str, Lever]:
    return {lever.name: lever for lever in levers()}


@cache
def scenario_values(name: str) -> dict[str, Any]:
    """A scenario file's value of every lever."""
    return flatten(load_scenario(name).policy.model_dump())


def changes(values: dict[str, Any], base: str) -> dict[str, Any]:
    """The levers whose value differs from scenario `base`."""
    start = scenario_values(base)
    return {name: value for name, value in values.items() if name in start and value != start[name]}


def coerce(lever: Lever, value: Any) -> Any:
    """A widget's value in the exact type the declaration wants (the model is strict)."""
    if lever.kind == "int":
        return int(value)
    if lever.kind in ("prob", "float"):
        return float(value)
    if lever.kind == "months":
        return sorted(int(v) for v in value)
    return value


def encode(lever: Lever, value: Any) -> str:
    """A lever value as text for the page's address."""
    if lever.kind == "months":
        return ",".join(str(v) for v in value)
    if lever.kind == "bool":
        return "1" if value else "0"
    return str(value)


def decode(lever: Lever, text: str) -> Any | None:
    """A lever value from the page's address, or None when it is not a valid value."""
    try:
        if lever.kind == "bool":
            return {"1": True, "0": False, "true": True, "false": False}[text.lower()]
        if lever.kind == "choice":
            return text if text in lever.choices else None
        if lever.kind == "months":
            months = sorted({int(v) for v in text.split(",") if v})
            return months if all(m in lever.choices for m in months) else None
        value = int(text) if lever.kind == "int" else float(text)
    except (KeyError, ValueError):
        return None
    in_range = (lever.low is None or value >= lever.low) and (lever.high is None or value <= lever.high)
    return value if in_range else None


CUSTOM = "custom"  # the run name of the scenario built from levers on the page


def origin(meta: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The scenario file a scenario built from levers started from (the last file it applied) and
    the levers whose value differs from that file's, from a run's metadata."""
    files = [Path(f).stem for f in meta.get("scenario_files", [])]
    base = next((f for f in reversed(files) if f in scenario_names()), "baseline")
    values = flatten(meta.get("parameters", {}).get("policy", {}))
    return base, changes(values, base)


def _toml(value: Any) -> str:
    """A lever value as TOML (json writes booleans, numbers, strings and lists the same way)."""
    return json.dumps(value)


def scenario_toml(base: str, changed: dict[str, Any], name: str = CUSTOM) -> str:
    """A scenario file that the command line reads: `base` with the changed levers."""
    lines = ["# A scenario built from levers on the evictsim dashboard", f"name = {_toml(name)}",
             f"extends = {_toml(base)}"]
    for group in dict.fromkeys(n.split(".")[0] for n in changed):
        lines += ["", f"[policy.{group}]"]
        lines += [f"{n.split('.', 1)[1]} = {_toml(v)}" for n, v in changed.items() if n.split(".")[0] == group]
    return "\n".join(lines) + "\n"
