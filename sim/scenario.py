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

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .parameters import Context, Policy, renamed
from .pathway.population import NATIONAL, PROFILES, Profile

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
TOP_LEVEL = ("name", "description", "extends", "policy", "context", "calibration")


class ScenarioError(ValueError):
    """A scenario or profile file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    policy: Policy = field(default_factory=Policy)
    context: Context = field(default_factory=Context)
    files: tuple[str, ...] = ()
    calibration: dict[str, Any] = field(default_factory=dict)

    def parameters(self) -> dict[str, Any]:
        return {"policy": self.policy.model_dump(), "context": self.context.model_dump()}

    def override(self, changes: dict[str, Any], name: str | None = None) -> "Scenario":
        """A validated copy with changes, nested ({"policy": {"legal_aid": {"share_summoned": 1}}}),
        dotted ({"policy.legal_aid.share_summoned": 1}) or both."""
        changes = _undot(changes)
        unknown = set(changes) - {"policy", "context"}
        if unknown:
            raise ScenarioError(f"override: unknown section(s) {sorted(unknown)}; allowed: policy, context")
        where = f"override of {self.name}"
        _check_renamed(Path(where), changes, renamed.SCENARIO)
        merged = _deep_merge(self.parameters(), changes)
        _validate(Path(where), "policy", Policy, merged["policy"])
        _validate(Path(where), "context", Context, merged["context"])
        return Scenario(name or f"{self.name}+override", self.description,
                        Policy.model_validate(merged["policy"]), Context.model_validate(merged["context"]), self.files,
                        self.calibration)


def nested(flat: dict[str, Any]) -> dict[str, Any]:
    """Dotted names to the nested shape `Scenario.override` takes: {"a.b": 1} -> {"a": {"b": 1}}."""
    tree: dict[str, Any] = {}
    for dotted, value in flat.items():
        *groups, leaf = dotted.split(".")
        node = tree
        for group in groups:
            node = node.setdefault(group, {})
        node[leaf] = value
    return tree


def _undot(changes: dict[str, Any]) -> dict[str, Any]:
    """Dotted top-level keys turned into nested tables and merged with the nested ones."""
    tree: dict[str, Any] = {}
    for key, value in changes.items():
        tree = _deep_merge(tree, nested({key: value}) if "." in key else {key: value})
    return tree


def resolve_path(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    """A scenario name ("baseline") or a .toml path.

    From the command line (`relative_to` None) a path is taken as given and a bare name is
    looked up in scenarios/. Inside a file, `extends` is resolved next to that file first and
    then in scenarios/, so that a user's own scenario can extend "baseline".
    """
    text = str(name_or_path)
    filename = text if text.endswith(".toml") else f"{text}.toml"
    if relative_to is None:
        tries = [Path(text)] if text.endswith(".toml") else [SCENARIO_DIR / filename]
    else:
        tries = [relative_to / filename, SCENARIO_DIR / filename]
    for path in tries:
        if path.is_file():
            return path.resolve() if relative_to is not None else path
    known = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))
    where = f" (looked in {', '.join(str(p.parent) for p in tries)})"
    raise ScenarioError(f"{text}: no such scenario file{where}; known scenarios: {known}")


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load and validate a scenario, following `extends`."""
    path = resolve_path(name_or_path)
    chain = _chain(path, ())
    merged: dict[str, Any] = {}
    calibration: dict[str, Any] = {}
    for file, own in chain:
        calibration = own.get("calibration", calibration)
        merged = _deep_merge(merged, {k: v for k, v in own.items() if k in ("policy", "context")})
        _validate(file, "policy", Policy, merged.get("policy", {}))
        _validate(file, "context", Context, merged.get("context", {}))
    own = chain[-1][1]
    return Scenario(
        name=own.get("name", path.stem),
        description=own.get("description", ""),
        policy=Policy.model_validate(merged.get("policy", {})),
        context=Context.model_validate(merged.get("context", {})),
        files=tuple(str(file) for file, _ in chain),
        calibration=calibration,
    )


def _chain(path: Path, seen: tuple[Path, ...]) -> list[tuple[Path, dict[str, Any]]]:
    """The files to apply, ancestors first, each once (a shared base is not applied twice,
    so it cannot undo what an earlier parent changed)."""
    if path.resolve() in seen:
        raise ScenarioError(f"{path}: 'extends' goes round in a circle")
    own = _read_toml(path)
    _check_top_level(path, own)
    _check_renamed(path, {k: v for k, v in own.items() if k in ("policy", "context")}, renamed.SCENARIO)
    extends = own.get("extends", [])
    chain: list[tuple[Path, dict[str, Any]]] = []
    for parent in [extends] if isinstance(extends, str) else extends:
        for file, data in _chain(resolve_path(parent, path.parent), (*seen, path.resolve())):
            if all(file.resolve() != f.resolve() for f, _ in chain):
                chain.append((file, data))
    return [*chain, (path, own)]


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ScenarioError(f"{path}: not UTF-8 text (byte {err.start}); save the file as UTF-8") from None
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
        if key == "name" and not NAME.fullmatch(value):
            raise ScenarioError(f"{path}: name = {value!r}: use letters, digits, '-', '_' or '.', "
                                "not starting with '.' (it names the output folder)")
        if key == "extends" and not (isinstance(value, str) or
                                     (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            raise ScenarioError(f"{path}: extends = {value!r}: must be a scenario name or a list of names")
        if key in ("policy", "context", "calibration") and not isinstance(value, dict):
            raise ScenarioError(f"{path}: {key} = {value!r}: must be a table like [{key}.<group>]")


def _check_renamed(path: Path, tree: dict[str, Any], table: dict[str, str]) -> None:
    """Old parameter names get a message naming what replaced them (see parameters/renamed.py)."""
    lines = renamed.replaced(tree, table)
    if lines:
        raise ScenarioError("\n".join(f"{path}: {line} (see `evictsim params`)" for line in lines))


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
        dotted = ".".join(p for p in (section, loc) if p)
        message = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            allowed = _fields_at(model, e["loc"][:-1])
            lines.append(f"{where}: {dotted}: unknown field{suggest(str(e['loc'][-1]), allowed)}; "
                         f"allowed here: {', '.join(allowed)}")
        elif not dotted:  # a check of the whole file: its input is the whole file, not worth repeating
            lines.append(f"{where}: {message}")
        else:
            lines.append(f"{where}: {dotted} = {e.get('input')!r}: {message}")
    return "\n".join(lines)


def suggest(name: str, choices: list[str] | tuple[str, ...]) -> str:
    """" (did you mean X?)" for the closest of `choices` to a misspelt name, or ""."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.7)
    return f" (did you mean {close[0]}?)" if close else ""


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
    _check_renamed(path, raw, renamed.PROFILE)
    raw.setdefault("name", path.stem)
    try:
        return Profile.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), "", Profile, err)) from None


def resolve_population(spec: str | int | Path | Profile | tuple[Profile, ...]) -> tuple[Profile, ...]:
    """Turn "national", a profile name, a household count, a profile TOML file, or Profile
    objects (e.g. a user's own figures built in Python) into blocks."""
    if isinstance(spec, Profile):
        return (spec,)
    if isinstance(spec, tuple) and spec and all(isinstance(p, Profile) for p in spec):
        return spec
    text = str(spec)
    if text == "national":
        return NATIONAL
    if text in PROFILES:
        return (PROFILES[text],)
    if text.isascii() and text.isdigit():
        base = PROFILES["medium_town"]
        return (base.scaled(int(text) / base.households).model_copy(update={"name": f"medium_town_{text}"}),)
    if text.endswith(".toml"):
        return (load_profile(Path(text)),)
    allowed = ", ".join(["national", *PROFILES, "a household count", "a profile .toml file"])
    raise ValueError(f"population {text!r}: unknown; allowed: {allowed}")
