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
from pydantic_core import ErrorDetails

from sim import (PROFILES, Policy, Profile, ScenarioError, clip_message, describe, excerpt, flatten, parse_toml,
                 profile_from)

from .i18n import number

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


def build(raw: dict[str, Any] | None = None, lang: str = "en") -> tuple[Profile | None, str | None]:
    """The entered figures as a validated Profile, or the model's message on what is wrong."""
    try:
        return Profile.model_validate(raw if raw is not None else values()), None
    except ValidationError as err:
        return None, messages(err, lang)


# The model's messages in Dutch, by pydantic's error type (English keeps pydantic's own words).
DUTCH = {"greater_than_equal": "moet minstens {ge} zijn", "less_than_equal": "mag hoogstens {le} zijn",
         "greater_than": "moet groter zijn dan {gt}", "less_than": "moet kleiner zijn dan {lt}",
         "int_parsing": "moet een geheel getal zijn", "int_type": "moet een geheel getal zijn",
         "int_from_float": "moet een geheel getal zijn", "float_parsing": "moet een getal zijn",
         "float_type": "moet een getal zijn", "string_type": "moet tekst zijn", "missing": "ontbreekt",
         "extra_forbidden": "is geen cijfer van een gemeenteprofiel", "bool_type": "moet waar of onwaar zijn"}
DUTCH_VALUES = ((r"composition shares add up to ([\d.]+): they must add up to 1",
                 "de aandelen huishoudtypen tellen op tot {0}; ze moeten samen 1 zijn"),
                (r"children_one \+ children_two must be at most 1", "children_one + children_two mag hoogstens 1 zijn"),
                (r"a profile needs at least one household", "een profiel heeft minstens één huishouden nodig"))


def _message(e: ErrorDetails, lang: str) -> str:
    text = e["msg"].removeprefix("Value error, ")
    if lang != "nl":
        return text
    if e["type"] in DUTCH:
        return DUTCH[e["type"]].format(**{k: str(v).replace(".", ",") for k, v in (e.get("ctx") or {}).items()})
    for pattern, dutch in DUTCH_VALUES:
        found = re.fullmatch(pattern, text)
        if found:
            return dutch.format(*(g.replace(".", ",") for g in found.groups()))
    return text


def messages(err: ValidationError, lang: str = "en") -> str:
    """A Markdown list, one line per problem: the field (if any) and what is wrong, without the
    whole input, in the language."""
    lines = []
    for e in err.errors():
        field = ".".join(str(p) for p in e["loc"])
        text = _message(e, lang)
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


UPLOAD_TEXT = {
    "size": {"en": "{name}: {size} bytes; a profile is a short text file (at most {limit} bytes).",
             "nl": "{name}: {size} bytes; een profiel is een kort tekstbestand (hoogstens {limit} bytes)."},
    "type": {"en": "{name}: only a .toml file can be used: a text file with lines such as "
                   "`corporation_households = 12000`.",
             "nl": "{name}: alleen een .toml-bestand is bruikbaar: een tekstbestand met regels als "
                   "`corporation_households = 12000`."},
    "invalid": {"en": "{detail}", "nl": "{detail}"},
    "empty": {"en": "{name}: the file holds none of a profile's figures (for instance corporation_households "
                    "and private_households).",
              "nl": "{name}: het bestand bevat geen enkel cijfer van een profiel (bijvoorbeeld "
                    "corporation_households en private_households)."},
}


def _upload_error(kind: str, lang: str, **values: Any) -> str:
    return UPLOAD_TEXT[kind][lang].format(**values)


def load_upload(data: bytes, filename: str, lang: str = "en") -> tuple[Profile | None, str | None]:
    """Parse an uploaded profile TOML with the package's validated loader; never executes it,
    never writes it to disk. A file that is too large, named as another type than .toml, or holds none of a profile's
    figures is refused; the message is a Markdown list in the language. The file's name only
    names the profile, cleaned like a name in the address (any length, any characters)."""
    name = re.sub(r"[^\w .()-]", "", Path(filename.replace("\x00", "")).stem)[:60] or "upload"
    shown = excerpt(filename).strip("'\"")
    if len(data) > MAX_UPLOAD:
        return None, _upload_error("size", lang, name=shown, size=number(len(data), lang),
                                   limit=number(MAX_UPLOAD, lang))
    # A name with another type (.txt, .xlsx) is refused by it; a name without one is judged by its content.
    if Path(filename.replace("\x00", "")).suffix.lower() not in ("", ".toml"):
        return None, _upload_error("type", lang, name=shown)
    try:
        raw = parse_toml(data, shown)
        if not set(raw) & (set(fields()) - {"name"}):
            return None, _upload_error("empty", lang, name=shown)
        return profile_from(raw, shown, name), None
    except ScenarioError as err:
        return None, _invalid(err, data, lang)


def _invalid(err: ScenarioError, data: bytes, lang: str) -> str:
    """The loader's message as a list; in Dutch, the model's checks in Dutch where known."""
    if lang == "nl":
        try:
            Profile.model_validate(parse_toml(data, "upload"))
        except (ValidationError, ScenarioError) as again:
            if isinstance(again, ValidationError):
                return messages(again, lang)
    lines = [line.strip() for line in clip_message(str(err)).split("\n") if line.strip()]
    return "\n".join(f"- {line}" for line in lines)


def defaulted(data: bytes) -> list[str]:
    """The profile's figures that an uploaded file leaves out (they take the model's defaults)."""
    try:
        given = set(parse_toml(data, "upload"))
    except ScenarioError:
        return []
    return [name for name in fields() if name not in given and name != "name"]


def to_toml(profile: Profile) -> str:
    """The profile as a TOML file the command line reads (`--population my_town.toml`)."""
    lines = ["# Municipality figures for evictsim (fields of sim.pathway.population.Profile)"]
    for name, value in profile.model_dump().items():
        lines.append(f"{name} = {json.dumps(value) if isinstance(value, str) else repr(value)}")
    return "\n".join(lines) + "\n"
