"""A scenario built from levers on the page, in words and as a file: which scenario it started
from, which levers it changed (old value -> new value), and the scenario file that makes the same
scenario on the command line. Read from the run's own metadata, so that every page and export
says the same. No Streamlit here."""

from __future__ import annotations

from typing import Any

from .i18n import CHOICES, MONTHS, number, scenario_title, share, t, word
from .levers import CUSTOM, Lever, by_name, origin, scenario_toml, scenario_values

FILE_NAME = "evictsim-own-scenario.toml"  # the name the page downloads it under and the command uses


def value_text(lever: Lever, value: Any, lang: str) -> str:
    """A lever's value as people read it: a share as %, yes/no, month names, a choice's words."""
    if lever.kind == "bool":
        return t("yes" if value else "no", lang)
    if lever.kind == "prob":
        return share(float(value), lang)
    if lever.kind == "months":
        return ", ".join(MONTHS[lang][m - 1] for m in value) or "–"
    if lever.kind == "choice":
        return word(CHOICES, str(value), lang)
    return number(value, lang)


def description(meta: dict[str, Any], lang: str) -> str:
    """"Built from Current policy; changed: Legal aid ...: 35 % → 100 %; ...", from a run's metadata."""
    base, changed = origin(meta)
    start, levers = scenario_values(base), by_name()
    parts = [f"{levers[n].title(lang)}: {value_text(levers[n], start[n], lang)} → {value_text(levers[n], v, lang)}"
             for n, v in changed.items() if n in levers]
    return t("custom_description", lang, base=scenario_title(base, lang), levers="; ".join(parts) or "–")


def scenario_file(meta: dict[str, Any]) -> str:
    """The scenario file (TOML) that makes the same scenario: `evictsim compare ... FILE_NAME`."""
    base, changed = origin(meta)
    return scenario_toml(base, changed, CUSTOM)
