"""A municipality's own figures: the fields of sim.pathway.population.Profile, and local services
(shelter places, debt-help intakes) that the model declares as policy levers per 10,000
households.

Figures are validated by the model's own Profile declaration; an uploaded file goes through the
package's loader (sim.scenario.profile_from). Nothing uploaded is ever executed or written to disk.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import ValidationError

from sim.parameters import Policy, describe
from sim.pathway.population import PROFILES, Profile
from sim.limits import clip_message, excerpt
from sim.scenario import ScenarioError, profile_from
from sim.tomlfiles import parse_toml

from .levers import flatten

KEY = "pf."  # session-state prefix of the profile widgets
MUN = "mun."  # session-state prefix of the local-service widgets
MAX_UPLOAD = 100_000  # bytes; a profile is a few lines
# Local services the user gives as absolute numbers, and the lever (per 10,000 households) each sets.
SERVICES = {"family_shelter_places": "shelter.family_places_per_10k",
            "night_shelter_places": "shelter.night_places_per_10k",
            "debt_help_intakes": "debt_help.capacity_per_10k_per_month"}


def fields() -> dict[str, dict[str, Any]]:
    """Profile fields by name, with default, unit, bounds and description."""
    return {row["name"]: row for row in describe(Profile)}


def services() -> dict[str, str]:
    return SERVICES


def reset(profile: str) -> None:
    """Set the figure widgets to a built-in profile's values."""
    for name, value in PROFILES[profile].model_dump().items():
        st.session_state[KEY + name] = value


def decode(row: dict[str, Any], text: str) -> Any | None:
    """A figure from the page's address, or None when it is not valid for the field."""
    default = row["default"]
    if isinstance(default, str):  # a name: shown on the page, so only plain characters from an address
        return re.sub(r"[^\w .()-]", "", text)[:60]
    try:
        value = type(default)(text)
    except ValueError:
        return None
    low, high = row["min"], row["max"]
    return value if (low is None or value >= low) and (high is None or value <= high) else None


def decode_service(_lever: str, text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value >= 0 else None


def values() -> dict[str, Any]:
    """The figures as entered."""
    return {name: st.session_state.get(KEY + name, row["default"]) for name, row in fields().items()}


def build(raw: dict[str, Any] | None = None) -> tuple[Profile | None, str | None]:
    """The entered figures as a validated Profile, or the model's message on what is wrong."""
    try:
        return Profile.model_validate(raw if raw is not None else values()), None
    except ValidationError as err:
        return None, messages(err)


def messages(err: ValidationError) -> str:
    """One line per problem: the field (if any) and what is wrong, without the whole input."""
    lines = []
    for e in err.errors():
        field = ".".join(str(p) for p in e["loc"])
        text = e["msg"].removeprefix("Value error, ")
        lines.append(f"- `{field}` = {excerpt(e.get('input'))}: {text}" if field else f"- {text}")
    return "\n".join(lines)


def changed_pairs(base: str) -> list[str]:
    """"field=value" for the figures that differ from built-in profile `base`."""
    start = PROFILES[base].model_dump()
    return [f"{name}={value}" for name, value in values().items() if start.get(name) != value]


def service_values() -> dict[str, float]:
    """The local services the user filled in (absolute numbers)."""
    entered = {name: st.session_state.get(MUN + name) for name in SERVICES}
    return {name: float(v) for name, v in entered.items() if v is not None}


def service_pairs() -> list[str]:
    return [f"{name}={value:g}" for name, value in service_values().items()]


def per_10k(entered: dict[str, float], households: int) -> dict[str, float]:
    """Absolute service numbers as the model's per-10,000-household levers (dotted names)."""
    return {SERVICES[name]: value * 10_000 / households for name, value in entered.items()}


def assumed(name: str, households: int) -> tuple[float, float]:
    """The model's default for a service: (absolute number for these households, per 10,000)."""
    per10k = flatten(Policy().model_dump())[SERVICES[name]]
    return per10k * households / 10_000, per10k


def load_upload(data: bytes, filename: str) -> tuple[Profile | None, str | None]:
    """Parse an uploaded profile TOML with the package's validated loader; never executes it,
    never writes it to disk. The file's name only names the profile, cleaned like a name in
    the address (any length, any characters)."""
    name = re.sub(r"[^\w .()-]", "", Path(filename.replace("\x00", "")).stem)[:60] or "upload"
    shown = excerpt(filename).strip("'\"")
    if len(data) > MAX_UPLOAD:
        return None, f"{shown}: {len(data):,} bytes; a profile is a short text file (at most {MAX_UPLOAD:,} bytes)"
    try:
        return profile_from(parse_toml(data, shown), shown, name), None
    except ScenarioError as err:
        return None, clip_message(str(err))


def to_toml(profile: Profile) -> str:
    """The profile as a TOML file the command line reads (`--population my_town.toml`)."""
    lines = ["# Municipality figures for evictsim (fields of sim.pathway.population.Profile)"]
    for name, value in profile.model_dump().items():
        lines.append(f"{name} = {json.dumps(value) if isinstance(value, str) else repr(value)}")
    return "\n".join(lines) + "\n"
