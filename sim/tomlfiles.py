"""Reading a user's TOML file (scenario, profile, sweep) within the limits of sim.limits.

Whatever the bytes are, the result is a dict or a ScenarioError naming the file and the problem:
a file too large, not UTF-8, not TOML, or nested too deeply (tomllib parses arrays and inline
tables recursively, so a few hundred levels would otherwise end in a RecursionError, and a deep
table passed on would break whatever walks it later, e.g. writing meta.json).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ScenarioError
from .limits import MAX_DEPTH, check_size, clip, read_input


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML as a dict, read within the limits of sim.limits.read_input."""
    return parse_toml(read_input(path), str(path))


def parse_toml(data: bytes, where: str) -> dict[str, Any]:
    """TOML bytes (e.g. an upload) as a dict; `where` names the input in messages."""
    check_size(data, where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ScenarioError(f"{where}: not UTF-8 text (byte {err.start}); save the file as UTF-8") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{where}: not valid TOML: {err}") from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise ScenarioError(f"{where}: not valid TOML: {clip(str(err), 100)}") from None
    except RecursionError:
        raw = None
    if raw is None or depth(raw) > MAX_DEPTH:
        raise ScenarioError(f"{where}: nested too deeply; tables and arrays may be at most {MAX_DEPTH} levels "
                            "deep (a scenario needs 4, e.g. [policy.moratorium] calendar_months = [12, 1])")
    return raw


def depth(value: Any) -> int:
    """How many tables and arrays are nested inside each other (0 for a plain value), counted
    without recursion and without going deeper than one level past MAX_DEPTH."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if not isinstance(item, (dict, list)):
            continue
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        todo.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
