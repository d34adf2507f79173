"""Scenario files: TOML that overrides only what differs from the scenario it extends.

    name = "legal-aid"
    description = "Legal aid for every summoned tenant"
    title = { en = "Legal aid for every tenant", nl = "Rechtshulp voor elke huurder" }   # optional:
    summary.en = "Legal aid for every summoned tenant."           # people's words, shown by the
    summary.nl = "Rechtshulp voor elke gedagvaarde huurder."      # dashboard and its exports
    extends = "baseline"            # or a list; resolved next to this file

    [policy.legal_aid]
    share_summoned = 1.0

    [municipality.large_city.policy.housing_duty]   # a municipality type or a municipality's name
    families_duty = true

Levers a municipality sets for itself (marked local in sim/parameters/policy.py: outreach, debt-help
capacity, direct rent payment, alternative housing, shelters, rehousing, registration) can be set
per municipality type or municipality name, on top of the national levers; the name's settings
win over the type's. National levers (court procedure, legal aid, moratoria, the signalling rules)
cannot. Every level is validated as it is applied, so an error names the file that introduced it, the
field, the value and what is allowed.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ScenarioError
from .extends import walk
from .limits import HOUSEHOLDS, MAX_EXTENDS, clip, excerpt, name_problem, path_problem
from .parameters import Context, Policy, renamed
from .pathway.population import NATIONAL_TYPES, PROFILES, Profile
from .tomlfiles import read_toml
from .validation_errors import format_errors, suggest

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
CALIBRATION_DIR = SCENARIO_DIR.parent / "calibration"  # where the calibration writes calibrated.toml
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
TOP_LEVEL = ("name", "description", "title", "summary", "extends", "policy", "context", "municipality",
             "calibration")
LANGUAGES = ("en", "nl")  # of a scenario's title and summary
SETTINGS = ("extends", "policy", "context", "municipality")  # a scenario with none of these changes nothing
SAYS_WHAT = 'a scenario says what it changes, e.g. extends = "baseline" and [policy.legal_aid] share_summoned = 1.0'


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    policy: Policy = field(default_factory=Policy)
    context: Context = field(default_factory=Context)
    files: tuple[str, ...] = ()
    calibration: dict[str, Any] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)    # by language; the file's own, not inherited
    summary: dict[str, str] = field(default_factory=dict)
    local: dict[str, dict[str, Any]] = field(default_factory=dict)  # municipality type or name -> policy changes

    def parameters(self) -> dict[str, Any]:
        tree = {"policy": self.policy.model_dump(), "context": self.context.model_dump()}
        if self.local:
            tree["municipality"] = {key: {"policy": changes} for key, changes in self.local.items()}
        return tree

    def policy_for(self, kind: str, name: str) -> Policy:
        """The policy of municipality `name` of type `kind`: the national levers, then the type's
        local ones, then the municipality's own."""
        changes = _deep_merge(self.local.get(kind, {}), self.local.get(name, {}))
        if not changes:
            return self.policy
        return Policy.model_validate(_deep_merge(self.policy.model_dump(), changes))

    def override(self, changes: dict[str, Any], name: str | None = None) -> Scenario:
        """A validated copy with changes, nested ({"policy": {"legal_aid": {"share_summoned": 1}}}),
        dotted ({"policy.legal_aid.share_summoned": 1}) or both."""
        changes = _undot(changes)
        unknown = set(changes) - {"policy", "context", "municipality"}
        if unknown:
            raise ScenarioError(f"override: unknown section(s) {excerpt(sorted(unknown))}; "
                                "allowed: policy, context, municipality")
        where = Path(f"override of {self.name}")
        _check_renamed(where, {k: v for k, v in changes.items() if k != "municipality"}, renamed.SCENARIO)
        merged = _deep_merge(self.parameters(), changes)
        # What the changes leave alone is the same frozen object, validated already: sweep points
        # that vary only policy levers share one Context (17 of a scenario's 27 KB).
        policy = _validate(where, "policy", Policy, merged["policy"]) if "policy" in changes else self.policy
        context = _validate(where, "context", Context, merged["context"]) if "context" in changes else self.context
        local = _local_levers(where, merged.get("municipality", {}), policy)
        return Scenario(name or f"{self.name}+override", self.description, policy, context, self.files,
                        self.calibration, self.title if name == self.name else {},
                        self.summary if name == self.name else {}, local)


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


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The inverse of `nested`: {"a": {"b": 1}} -> {"a.b": 1}."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


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
    problem = path_problem(text)
    if problem:
        raise ScenarioError(f"{excerpt(text)}: a scenario name or file that {problem}")
    filename = text if text.endswith(".toml") else f"{text}.toml"
    if relative_to is None and text.endswith(".toml") and os.path.lexists(text):
        return Path(text)  # whatever it is: reading it says so if it is no file (a folder, a FIFO)
    if relative_to is None:
        tries = [Path(text)] if text.endswith(".toml") else [SCENARIO_DIR / filename]
    else:
        tries = [relative_to / filename, SCENARIO_DIR / filename]
    for path in tries:
        if _is_file(path):
            return path.resolve() if relative_to is not None else path
    known = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))
    where = f" (looked in {', '.join(str(p.parent) for p in tries)})"
    raise ScenarioError(f"{text}: no such scenario file{where}; known scenarios: {known}")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a path that grew too long once joined to the folder
        return False


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load and validate a scenario, following `extends`."""
    path = resolve_path(name_or_path)
    chain = _chain(path)
    if not any(chain[-1][1].get(key) for key in SETTINGS):  # it would run on the uncalibrated defaults
        raise ScenarioError(f"{path}: sets nothing (no extends, [policy.*] or [context.*]); {SAYS_WHAT}")
    merged: dict[str, Any] = {}
    calibration: dict[str, Any] = {}
    for file, own in chain:
        calibration = own.get("calibration", calibration)
        merged = _deep_merge(merged, {k: v for k, v in own.items() if k in ("policy", "context", "municipality")})
        policy = _validate(file, "policy", Policy, merged.get("policy", {}))
        context = _validate(file, "context", Context, merged.get("context", {}))
        local = _local_levers(file, merged.get("municipality", {}), policy)
    own = chain[-1][1]
    return Scenario(
        name=own.get("name", path.stem),
        description=own.get("description", ""),
        policy=policy,
        context=context,
        files=tuple(str(file) for file, _ in chain),
        calibration=calibration,
        title=dict(own.get("title", {})),
        summary=dict(own.get("summary", {})),
        local=local,
    )


def _local_levers(path: Path, tables: Any, policy: Policy) -> dict[str, dict[str, Any]]:
    """The [municipality.<type or name>.policy.<group>] tables, checked: local levers only, valid
    values on top of the national policy. Returns {type or name: {group: {lever: value}}}."""
    if not isinstance(tables, dict):
        raise ScenarioError(f"{path}: municipality = {excerpt(tables)}: must be tables like "
                            "[municipality.large_city.policy.housing_duty]")
    local = {}
    for key, table in tables.items():
        if not isinstance(table, dict) or set(table) != {"policy"} or not isinstance(table["policy"], dict):
            raise ScenarioError(f"{path}: municipality.{clip(str(key), 100)}: holds only policy tables, e.g. "
                                f"[municipality.{clip(str(key), 100)}.policy.housing_duty] families_duty = true")
        for dotted in flatten(table["policy"]):
            _check_local_lever(path, f"municipality.{clip(str(key), 100)}.policy", dotted)
        _validate(path, f"municipality.{clip(str(key), 100)}.policy", Policy,
                  _deep_merge(policy.model_dump(), table["policy"]))
        local[key] = table["policy"]
    return local


@functools.cache
def _levers() -> tuple[tuple[str, ...], frozenset[str]]:
    """The local levers (in declaration order) and every lever, by dotted name."""
    from .parameters.base import describe

    rows = describe(Policy)
    return tuple(r["name"] for r in rows if r["local"]), frozenset(r["name"] for r in rows)


def _check_local_lever(path: Path, section: str, dotted: str) -> None:
    local, every = _levers()
    if dotted in local:
        return
    if dotted in every:
        raise ScenarioError(f"{path}: {section}.{clip(dotted, 120)}: a national lever (the same everywhere: court "
                            f"procedure, legal aid, moratoria, the signalling rules); a municipality can set only "
                            f"its local levers: {', '.join(local)}")
    raise ScenarioError(f"{path}: {section}.{clip(dotted, 120)}: unknown lever{suggest(dotted, local)}; "
                        f"a municipality can set: {', '.join(local)}")


def _chain(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The files to apply, ancestors first, each once (see sim.extends)."""
    return walk(path, _read_scenario, _resolve_extends)


def _resolve_extends(name: str, file: Path) -> Path:
    return resolve_named(name, file, "extends")


def resolve_named(name: str, file: Path, key: str) -> Path:
    """The scenario file that `key = name` in `file` names (its `extends`, a sweep's `scenario` or
    `levers.scenarios`). It may lie in the folder of `file` (or below it), in scenarios/ or in
    calibration/ (the baseline extends ../calibration/calibrated), and nowhere else: a file cannot
    pull in any .toml on the disk."""
    if path_problem(name):
        raise ScenarioError(f"{file}: {key} = {excerpt(name)}: a name that {path_problem(name)}")
    try:
        path = resolve_path(name, file.parent)
    except ScenarioError as err:
        raise ScenarioError(f"{file}: {key} = {excerpt(name)}: {err}") from None
    roots = (file.parent.resolve(), SCENARIO_DIR.resolve(), CALIBRATION_DIR.resolve())
    if not any(path.is_relative_to(root) for root in roots):
        raise ScenarioError(f"{file}: {key} = {excerpt(name)}: {path} is outside the folders {key} may point "
                            f"to: the folder of {file.name} (or below it), {roots[1]} and {roots[2]}")
    return path


def confined_file(text: str, file: Path, key: str, also: tuple[Path, ...] = ()) -> Path:
    """The data file (a population, a posterior sample) that `key = text` in `file` names: taken
    relative to the folder of `file`, and refused unless it lies in that folder or below it (or in
    one of the folders `also`), as `extends` is confined."""
    if path_problem(text):
        raise ScenarioError(f"{file}: {key} = {excerpt(text)}: a path that {path_problem(text)}")
    path = (file.parent / text).resolve()
    roots = (file.parent.resolve(), *(folder.resolve() for folder in also))
    if not any(path.is_relative_to(root) for root in roots):
        where = ", ".join([f"the folder of {file.name} (or below it)", *(str(r) for r in roots[1:])])
        raise ScenarioError(f"{file}: {key} = {excerpt(text)}: {path} is outside the folders {key} may point "
                            f"to: {where}")
    return path


def _read_scenario(path: Path) -> dict[str, Any]:
    own = read_toml(path)
    if not own:
        raise ScenarioError(f"{path}: is empty; {SAYS_WHAT}")
    _check_top_level(path, own)
    _check_renamed(path, {k: v for k, v in own.items() if k in ("policy", "context")}, renamed.SCENARIO)
    return own


def _check_top_level(path: Path, raw: dict[str, Any]) -> None:
    for key, value in raw.items():
        if key not in TOP_LEVEL:
            raise ScenarioError(f"{path}: unknown top-level key {excerpt(key)}; allowed: {', '.join(TOP_LEVEL)}")
        if key in ("name", "description") and not isinstance(value, str):
            raise ScenarioError(f"{path}: {key} = {excerpt(value)}: must be a string")
        if key in ("title", "summary"):
            _check_words(path, key, value)
        if key == "name" and (not NAME.fullmatch(value) or name_problem(value)):
            raise ScenarioError(f"{path}: name = {excerpt(value)}: use letters, digits, '-', '_' or '.', "
                                "not starting with '.', at most 100 characters (it names the output folder)")
        if key == "extends":
            _check_extends(path, value)
        if key in ("policy", "context", "calibration") and not isinstance(value, dict):
            raise ScenarioError(f"{path}: {key} = {excerpt(value)}: must be a table like [{key}.<group>]")


def _check_words(path: Path, key: str, value: Any) -> None:
    """A title or summary: a table of texts by language, e.g. { en = "...", nl = "..." }."""
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) for v in value.values()):
        raise ScenarioError(f'{path}: {key} = {excerpt(value)}: must be a table of texts by language, e.g. '
                            f'{key} = {{ en = "...", nl = "..." }}')
    unknown = [lang for lang in value if lang not in LANGUAGES]
    if unknown:
        raise ScenarioError(f"{path}: {key}.{excerpt(unknown[0])}: unknown language; allowed: {', '.join(LANGUAGES)}")


def _check_extends(path: Path, value: Any) -> None:
    if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
        raise ScenarioError(f"{path}: extends = {excerpt(value)}: must be a scenario name or a list of names")
    if isinstance(value, list) and len(value) > MAX_EXTENDS:
        raise ScenarioError(f"{path}: extends lists {len(value):,} names; at most {MAX_EXTENDS} are allowed")


def _check_renamed(path: Path | str, tree: dict[str, Any], table: dict[str, str]) -> None:
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


def _validate[M: BaseModel](path: Path, section: str, model: type[M], data: dict[str, Any]) -> M:
    """`data` as a `model`, or a ScenarioError naming the file, each field, its value and what is allowed."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(format_errors(str(path), section, model, err)) from None


def load_profile(path: Path) -> Profile:
    """A user's own municipality figures (keys of population.Profile) from a TOML file."""
    return profile_from(read_toml(path), str(path), path.stem)


def profile_from(raw: dict[str, Any], where: str, default_name: str) -> Profile:
    """Validate figures read from a profile file or an upload; `where` names it in messages."""
    if not raw:
        raise ScenarioError(f"{where}: is empty; give your municipality's figures, e.g. "
                            "corporation_households = 12000 and private_households = 5000")
    _check_renamed(where, raw, renamed.PROFILE)
    raw.setdefault("name", default_name)
    if isinstance(raw["name"], str) and name_problem(raw["name"]):
        raise ScenarioError(f"{where}: name = {excerpt(raw['name'])}: {name_problem(raw['name'])}")
    try:
        return Profile.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(format_errors(where, "", Profile, err)) from None


# What a user may name a population by: see resolve_population.
Population = str | int | Path | Profile | tuple[Profile, ...]


def resolve_population(spec: Population) -> tuple[Profile, ...]:
    """Turn "national" (the 342 municipalities of sim.country), "national_types" (the country as
    three blocks, one per municipality type: the calibration's population), a profile name, a
    household count, a profile TOML file, a municipalities CSV, or Profile objects (e.g. a user's
    own figures built in Python) into blocks."""
    if isinstance(spec, Profile):
        return (spec,)
    if isinstance(spec, tuple) and spec and all(isinstance(p, Profile) for p in spec):
        return spec
    text = str(spec)
    if text == "national":
        from .country import generated_country

        return generated_country()
    if text == "national_types":
        return NATIONAL_TYPES
    if text in PROFILES:
        return (PROFILES[text],)
    if text.isascii() and text.isdigit():
        if len(text) > 9 or not HOUSEHOLDS.low <= int(text) <= HOUSEHOLDS.high:
            raise ValueError(f"population {excerpt(text)}: a household count must be {HOUSEHOLDS.allowed()}")
        base = PROFILES["medium_town"]
        return (base.scaled(int(text) / base.households).model_copy(update={"name": f"medium_town_{text}"}),)
    if text.endswith(".toml"):
        return (load_profile(Path(text)),)
    if text.endswith(".csv"):
        from .country import read_municipalities

        return read_municipalities(Path(text))
    allowed = ", ".join(["national", "national_types", *PROFILES, "a household count", "a profile .toml file",
                         "a municipalities .csv file"])
    raise ValueError(f"population {excerpt(text)}: unknown; allowed: {allowed}")
