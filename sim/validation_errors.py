"""pydantic's validation errors as one line per problem: file, dotted field, value, what is allowed.

pydantic names a problem by its location in the validated data, and inside a union (a lever
given as `{ values = [...] }` or as a list of scenario names) it adds a tag for each member
(`function-after[_one_kind(), Range]`, `list[str]`) and reports the problem once per member. A
user wrote neither: the tags are left out, a member whose type the value does not have at all
is not reported when another member matched it, and an unknown field lists the fields allowed
where it stands, walking through tables of tables, lists and unions.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .limits import clip, excerpt


def format_errors(where: str, section: str, model: type[BaseModel], err: ValidationError) -> str:
    """One line per problem: file, dotted field, value, what is allowed. A value that is of no
    member's type of a union is one problem: its members' messages are joined by "or"."""
    errors = err.errors()
    lines: dict[tuple[int | str, ...], str] = {}
    for e in errors:
        if _other_member(model, e, errors):
            continue
        key = e["loc"][:-1] if _at_member(model, e) else e["loc"]
        message = e["msg"]
        lines[key] = (f"{lines[key]}; or {message[:1].lower()}{message[1:]}" if key in lines
                      else _line(where, section, model, e))
    return "\n".join(lines.values())


def _line(where: str, section: str, model: type[BaseModel], e: ErrorDetails) -> str:
    parts = _user_parts(model, e["loc"])
    dotted = clip(".".join(p for p in (section, *parts) if p), 120)
    message = e["msg"].removeprefix("Value error, ")
    if e["type"] == "extra_forbidden":
        allowed = _fields_at(model, e["loc"][:-1])
        listed = f"; allowed here: {', '.join(allowed)}" if allowed else "; nothing else is allowed here"
        return f"{where}: {dotted}: unknown field{suggest(str(e['loc'][-1]), allowed)}{listed}"
    if not dotted:  # a check of the whole file: its input is the whole file, not worth repeating
        return f"{where}: {message}"
    if isinstance(e.get("input"), dict):  # a check across a group's fields: name them, not the group
        return f"{where}: {dotted}: {message}"
    return f"{where}: {dotted} = {excerpt(e.get('input'))}: {message}"


def suggest(name: str, choices: list[str] | tuple[str, ...]) -> str:
    """" (did you mean X?)" for the closest of `choices` to a misspelt name, or ""."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.7)
    return f" (did you mean {close[0]}?)" if close else ""


def _walk(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[tuple[str, bool, Any]]:
    """Each part of `loc` with whether the user wrote it (False: a union member's tag) and the
    annotation of what it names (None where it cannot be told)."""
    steps: list[tuple[str, bool, Any]] = []
    annotation: Any = model
    for part in loc:
        annotation = _optional_removed(annotation)
        if _is_union(annotation):
            annotation = _member(annotation, str(part))
            steps.append((str(part), False, annotation))
            continue
        steps.append((str(part), True, _inside(annotation, part)))
        annotation = steps[-1][2]
    return steps


def _inside(annotation: Any, part: int | str) -> Any:
    """The annotation of `part` within a model (a field), a dict (a value) or a list (an item)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is dict and len(args) == 2:
        return args[1]
    if origin is list and args:
        return args[0]
    return None


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (typing.Union, types.UnionType)


def _optional_removed(annotation: Any) -> Any:
    """X for X | None (pydantic adds no tag for None), the annotation itself otherwise."""
    if _is_union(annotation):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _member(union: Any, tag: str) -> Any:
    """The member of a union that pydantic's tag names (a model by its class name, e.g. `list[str]`)."""
    for member in get_args(union):
        name = member.__name__ if isinstance(member, type) and issubclass(member, BaseModel) else str(member)
        if name in tag or tag == str(member).replace("typing.", ""):
            return member
    return None


def _user_parts(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    return [part for part, written, _ in _walk(model, loc) if written]


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The fields of the table at `loc`, if it is a model ([] for a free table, e.g. of parameters)."""
    annotation = _optional_removed(_walk(model, loc)[-1][2] if loc else model)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _at_member(model: type[BaseModel], e: ErrorDetails) -> bool:
    """Whether `e` says that a value is not of one union member's type (its location ends in the tag)."""
    steps = _walk(model, e["loc"])
    return bool(steps) and not steps[-1][1] and e["type"].endswith("_type")


def _other_member(model: type[BaseModel], e: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """Whether `e` only says that a value is not of one union member's type while another member's
    problems are reported for it (e.g. a lever table that is not a list of scenario names)."""
    if not _at_member(model, e):
        return False
    union_at = e["loc"][:-1]
    return any(other["loc"][:len(union_at)] == union_at and other["loc"] != e["loc"]
               and not (len(other["loc"]) == len(e["loc"]) and other["type"].endswith("_type"))
               for other in errors)
