"""How a parameter is declared: once, with default, unit, bounds and source.

Every number in evictsim is a `param(...)`: a pydantic field that also carries its unit and its
source key (see ../shared/domain.md) or the word "assumption". The CLI, the dashboard and the
docs read these declarations; nothing keeps a second copy of a default or a bound.

An uncertain number also carries its prior: the range its source gives ("range 0.3-0.9",
"prior 0.1-0.7" in the source text, or `prior=(low, high)` where the text has none). Lever
effect sizes (how strongly a lever works once it is used) are marked `effect=True`: posterior
draws (sim.experiments.draws) draw them from their priors next to the calibration's posterior.

What people read for a parameter is declared with it too: `label=Label(English name, Dutch
name, Dutch description)`, the English description being `doc`. Every policy lever and lever
group has one (tests/dashboard/test_labels.py checks it); the dashboard shows nothing else.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Label(NamedTuple):
    """A parameter's or a group's name in English and in Dutch, and (for a parameter) the Dutch of
    its description `doc`, as the dashboard shows them."""

    en: str
    nl: str
    doc_nl: str = ""

    def extra(self) -> dict[str, Any]:
        """The label as a field's json_schema_extra, for a field declared with pydantic's Field."""
        return {"label": self._asdict()}


class Group(BaseModel):
    """A block of parameters; unknown keys are rejected (typos must not pass silently).

    A group whose fields come in (lower, upper) pairs, such as the two ends of a range, lists
    them in `ordered`, e.g. `ordered = (("cost_shock_eur_min", "cost_shock_eur_max"),)`: a pair the
    wrong way round is refused, naming both fields and their values, instead of being
    silently reordered or clipped by the model.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True, strict=True)
    ordered: ClassVar[tuple[tuple[str, str], ...]] = ()
    label: ClassVar[Label | None] = None  # the group's name, where people see it (policy levers)

    @model_validator(mode="after")
    def _check_ordered(self) -> Group:
        for low, high in self.ordered:
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"{low} = {getattr(self, low)!r} is above {high} = {getattr(self, high)!r}; "
                                 f"{low} must be at most {high}")
        return self


RANGE = re.compile(r"\b(?:range|prior)\s+(-?[0-9][0-9,]*(?:\.[0-9]+)?(?:e-?[0-9]+)?)\s*-\s*"
                   r"([0-9][0-9,]*(?:\.[0-9]+)?(?:e-?[0-9]+)?)")


def param(
    default: Any,
    unit: str,
    source: str,
    doc: str,
    *,
    ge: float | None = None,
    le: float | None = None,
    prior: tuple[float, float] | None = None,
    effect: bool = False,
    local: bool = False,
    label: Label | None = None,
    price_year: int | None = None,
) -> Any:
    """Declare a parameter: `source` is a domain.md key like "[KB3]" or starts with "assumption".
    `prior` is the range of plausible values where the source text names none; `effect` marks a
    lever's effect size; `local` a policy lever a municipality sets for itself (a scenario can set
    it per municipality or municipality type, see sim.pathway.local); `label` what people read;
    `price_year` the year whose prices the source gave an amount in (the default is already
    indexed to sim.parameters.prices.PRICE_YEAR)."""
    extra: dict[str, Any] = {"unit": unit, "source": source, "prior": prior or range_in(source), "effect": effect,
                             "local": local, **(label.extra() if label else {})}
    if price_year is not None:
        extra["price_year"] = price_year
    return Field(default, ge=ge, le=le, description=doc, json_schema_extra=extra)


def probability(default: float, source: str, doc: str, *, prior: tuple[float, float] | None = None,
                effect: bool = False, local: bool = False, label: Label | None = None) -> Any:
    """A probability or share, bounded to [0, 1]."""
    return param(default, "probability", source, doc, ge=0.0, le=1.0, prior=prior, effect=effect, local=local,
                 label=label)


def range_in(source: str) -> tuple[float, float] | None:
    """The first "range a-b" or "prior a-b" in a source text, as numbers ("1,200-2,000" -> (1200.0, 2000.0))."""
    found = RANGE.search(source)
    if found is None:
        return None
    return float(found.group(1).replace(",", "")), float(found.group(2).replace(",", ""))


def describe(group: type[Group], prefix: str = "") -> list[dict[str, Any]]:
    """Flatten a parameter group into rows: name, default, unit, source, bounds, price year (of an
    amount's source; None elsewhere), doc and label ({"en", "nl", "doc_nl"}, or None where none is
    declared)."""
    rows: list[dict[str, Any]] = []
    for name, field in group.model_fields.items():
        dotted = f"{prefix}{name}"
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, Group):
            rows.extend(describe(annotation, dotted + "."))
            continue
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        bounds = {type(m).__name__: getattr(m, type(m).__name__.lower(), None) for m in field.metadata}
        rows.append(
            {
                "name": dotted,
                "default": field.get_default(call_default_factory=True),
                "unit": extra.get("unit", ""),
                "source": extra.get("source", ""),
                "min": bounds.get("Ge"),
                "max": bounds.get("Le"),
                "prior": extra.get("prior"),
                "effect": bool(extra.get("effect", False)),
                "local": bool(extra.get("local", False)),
                "price_year": extra.get("price_year"),
                "doc": field.description or "",
                "label": extra.get("label"),
            }
        )
    return rows
