"""Scenario files: TOML that overrides only what differs from the scenario it extends.

    name = "legal-aid"
    description = "Legal aid for every summoned tenant"
    extends = "baseline"            # or a list; resolved next to this file

    [policy.legal_aid]
    share_summoned = 1.0

Every level is validated as it is applied, so an error names the file that introduced it, the
field, the value and what is allowed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .parameters import Context, Policy
from .population import Profile

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
TOP_LEVEL = ("name", "description", "extends", "policy", "context")


class ScenarioError(ValueError):
    """A scenario or profile file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    policy: Policy = field(default_factory=Policy)
    context: Context = field(default_factory=Context)
    files: tuple[str, ...] = ()

    def parameters(self) -> dict[str, Any]:
        return {"policy": self.policy.model_dump(), "context": self.context.model_dump()}

    def override(self, changes: dict[str, Any], name: str | None = None) -> "Scenario":
        """A validated copy with nested changes, e.g. {"policy": {"legal_aid": {"share_summoned": 1}}}."""
        unknown = set(changes) - {"policy", "context"}
        if unknown:
            raise ScenarioError(f"override: unknown section(s) {sorted(unknown)}; allowed: policy, context")
        merged = _deep_merge(self.parameters(), changes)
        where = f"override of {self.name}"
        _validate(Path(where), "policy", Policy, merged["policy"])
        _validate(Path(where), "context", Context, merged["context"])
        return Scenario(name or f"{self.name}+override", self.description,
                        Policy.model_validate(merged["policy"]), Context.model_validate(merged["context"]), self.files)


def resolve_path(name_or_path: str | Path, relative_to: Path = SCENARIO_DIR) -> Path:
    """A scenario name ("baseline") or a path to a .toml file."""
    text = str(name_or_path)
    path = Path(text) if text.endswith(".toml") else relative_to / f"{text}.toml"
    if not path.is_file() and not Path(text).is_absolute() and text.endswith(".toml"):
        path = relative_to / text
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))
        raise ScenarioError(f"{text}: no such scenario file; known scenarios: {known}")
    return path


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load and validate a scenario, following `extends`."""
    path = resolve_path(name_or_path)
    raw, files = _merged(path, ())
    return Scenario(
        name=raw.get("name", path.stem),
        description=raw.get("description", ""),
        policy=Policy.model_validate(raw.get("policy", {})),
        context=Context.model_validate(raw.get("context", {})),
        files=tuple(dict.fromkeys(files)),
    )


def _merged(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, Any], tuple[str, ...]]:
    if path.resolve() in seen:
        raise ScenarioError(f"{path}: 'extends' goes round in a circle")
    own = _read_toml(path)
    _check_top_level(path, own)
    merged: dict[str, Any] = {}
    files: tuple[str, ...] = ()
    extends = own.get("extends", [])
    for parent in [extends] if isinstance(extends, str) else extends:
        parent_raw, parent_files = _merged(resolve_path(parent, path.parent), (*seen, path.resolve()))
        merged, files = _deep_merge(merged, parent_raw), files + parent_files
    merged = _deep_merge(merged, {k: v for k, v in own.items() if k != "extends"})
    _validate(path, "policy", Policy, merged.get("policy", {}))
    _validate(path, "context", Context, merged.get("context", {}))
    return merged, files + (str(path),)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{path}: not valid TOML: {err}") from None
    except OSError as err:
        raise ScenarioError(f"{path}: cannot be read: {err.strerror}") from None


def _check_top_level(path: Path, raw: dict[str, Any]) -> None:
    for key, value in raw.items():
        if key not in TOP_LEVEL:
            raise ScenarioError(f"{path}: unknown top-level key {key!r}; allowed: {', '.join(TOP_LEVEL)}")
        if key in ("name", "description") and not isinstance(value, str):
            raise ScenarioError(f"{path}: {key} = {value!r}: must be a string")
        if key == "extends" and not (isinstance(value, str) or
                                     (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            raise ScenarioError(f"{path}: extends = {value!r}: must be a scenario name or a list of names")
        if key in ("policy", "context") and not isinstance(value, dict):
            raise ScenarioError(f"{path}: {key} = {value!r}: must be a table like [{key}.<group>]")


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _validate(path: Path, section: str, model: type[BaseModel], data: dict[str, Any]) -> None:
    try:
        model.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), section, model, err)) from None


def format_errors(where: str, section: str, model: type[BaseModel], err: ValidationError) -> str:
    """One line per problem: file, dotted field, value, what is allowed."""
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        dotted = ".".join(p for p in (section, loc) if p) or "(whole file)"
        if e["type"] == "extra_forbidden":
            allowed = ", ".join(_fields_at(model, e["loc"][:-1]))
            lines.append(f"{where}: {dotted}: unknown field; allowed here: {allowed}")
        else:
            lines.append(f"{where}: {dotted} = {e.get('input')!r}: {e['msg']}")
    return "\n".join(lines)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    for part in loc:
        annotation = model.model_fields[str(part)].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def load_profile(path: Path) -> Profile:
    """A user's own municipality figures (keys of population.Profile) from a TOML file."""
    raw = _read_toml(path)
    raw.setdefault("name", path.stem)
    try:
        return Profile.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), "", Profile, err)) from None
