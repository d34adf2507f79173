"""The country as its 342 municipalities of 1 Jan 2023 [BLK22]: real names, or a user's CSV.

The `national` population is the 342 municipalities by name, CBS code and province
(data/municipalities_2023.csv, built by data/make_municipalities.py; sources in docs/data.md).
Their rented dwellings by landlord type and their shelter regions are not in the public material
we could source, so they are estimated, and marked so per figure in the file: each type's
corporation and private totals (population.NATIONAL_TYPES, the calibration's population, which
add up to CBS's national totals [CBS1]) are shared out in proportion to inhabitants, and the 43
shelter regions (centrumgemeenten [TRF2]) are the largest municipalities of each province, which
the others join. The type follows the project's rule: the largest municipalities holding the
large-city block's share are large cities, the next ones up to the medium-town block's share
medium towns, the rest small towns. So each type's totals are exactly those of the three-block
country and the national totals those of CBS.

Within its type a municipality varies around the type's profile: household composition, income
level, rents, how fast displaced households find a home, and how it applies the rules (all
assumptions, with the spreads below), drawn with a fixed seed: the country is data, the same in
every replication and scenario. A user with real figures gives a CSV instead (`read_municipalities`).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import ScenarioError
from .limits import MAX_CELL_CHARS, MAX_MUNICIPALITIES, excerpt, read_input
from .pathway.population import COMPOSITIONS, NATIONAL_TYPES, PROFILES, Profile

MUNICIPALITIES = 342          # 1 Jan 2023 [BLK22]
SHELTER_REGIONS = 43          # centrumgemeenten for shelter [TRF2]
DATA = Path(__file__).resolve().parent / "data" / "municipalities_2023.csv"
COMPOSITION_CONCENTRATION = 300.0  # assumption: Dirichlet concentration, about ±3 points on a share of 0.5
INCOME_LEVEL_LOG_SD = 0.08    # assumption, range 0.05-0.15
RENT_LOG_SD = 0.08            # assumption, range 0.05-0.15
REHOUSING_LOG_SD = 0.2        # assumption, range 0.1-0.3 (urgency rules differ by region [NOS19])
SEED = 20230101               # the country's drawn figures are the same in every run


@lru_cache(maxsize=1)
def municipality_table() -> pd.DataFrame:
    """The 342 municipalities: code, name, province, inhabitants, type, shelter region, rented
    dwellings by landlord type, and which figures are estimated (see docs/data.md)."""
    return pd.read_csv(DATA, encoding="utf-8", dtype={"code": str})


@lru_cache(maxsize=4)
def generated_country(seed: int = SEED) -> tuple[Profile, ...]:
    """The 342 municipalities as profiles, by type; their type totals are those of the three-block country."""
    rng = np.random.default_rng(seed)
    table = municipality_table()
    profiles: list[Profile] = []
    for block in NATIONAL_TYPES:
        profiles.extend(_municipalities_of_type(block, table[table["type"] == block.kind], rng))
    return tuple(profiles)


def _municipalities_of_type(block: Profile, rows: pd.DataFrame, rng: np.random.Generator) -> list[Profile]:
    n = len(rows)
    base = [getattr(block, f"share_{c}") for c in COMPOSITIONS]
    compositions = rng.dirichlet(np.array(base) * COMPOSITION_CONCENTRATION, n)
    income = rng.lognormal(0.0, INCOME_LEVEL_LOG_SD, n)
    rent = rng.lognormal(0.0, RENT_LOG_SD, n)
    rehousing = rng.lognormal(0.0, REHOUSING_LOG_SD, n)
    practice = _practices(rng, n)
    out = []
    for i, row in enumerate(rows.itertuples()):
        shares = _rounded_shares(compositions[i])
        out.append(block.model_copy(update={
            "name": str(row.name), "region": str(row.region),
            "corporation_households": int(row.corporation_households),
            "private_households": int(row.private_households),
            **{f"share_{c}": s for c, s in zip(COMPOSITIONS, shares)},
            "income_level": round(float(block.income_level * income[i]), 3),
            "rent_corporation_eur": round(float(block.rent_corporation_eur * rent[i]), 2),
            "rent_private_eur": round(float(block.rent_private_eur * rent[i]), 2),
            "rehousing_factor": round(float(np.clip(block.rehousing_factor * rehousing[i], 0.05, 5)), 3),
            **{name: round(float(values[i]), 3) for name, values in practice.items()}}))
    return out


def _practices(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """How each municipality applies the rules (population.Profile documents the ranges): outreach
    reach 0.5-1.5 and acceptance 0.8-1.2 times the national average (uniform, assumption); two in
    three always offer evicted families alternative housing [TRG], the others do not (assumption)."""
    return {"outreach_practice": rng.uniform(0.5, 1.5, n), "acceptance_practice": rng.uniform(0.8, 1.2, n),
            "alternative_offer_practice": np.where(rng.random(n) < 2 / 3, 1.5, 0.0)}


def _rounded_shares(shares: np.ndarray) -> list[float]:
    """Shares rounded to 4 decimals that still add up to 1 (the profile checks the sum)."""
    rounded = [round(float(s), 4) for s in shares[:-1]]
    return [*rounded, round(1.0 - sum(rounded), 4)]


# -- a user's municipalities -------------------------------------------------------------------
REQUIRED = ("name", "corporation_households", "private_households")


def read_municipalities(path: Path) -> tuple[Profile, ...]:
    """Municipalities from a CSV with a header row: name, corporation_households and
    private_households, and optionally kind (large_city, medium_town or small_town: the rest of the
    row's figures default to that type's profile), region and any other profile field. The file is
    read within the limits of sim.limits (a regular file of at most MAX_FILE_BYTES, at most
    MAX_MUNICIPALITIES rows, cells of at most MAX_CELL_CHARS characters)."""
    rows = _csv_rows(path)
    if not rows:
        raise ScenarioError(f"{path}: is empty; the first row names the columns, e.g. {','.join(REQUIRED)}")
    header = [h.strip() for h in rows[0]]
    _check_header(path, header)
    profiles = [_row_profile(path, line, header, row) for line, row in enumerate(rows[1:], start=2)
                if any(cell.strip() for cell in row)]
    if not profiles:
        raise ScenarioError(f"{path}: has a header but no municipalities")
    _check_unique(path, profiles)
    return tuple(profiles)


def _csv_rows(path: Path) -> list[list[str]]:
    """The CSV's rows as text cells, each row and cell within the limits."""
    try:
        text = read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ScenarioError(f"{path}: is not UTF-8 text (byte {err.start}); save the CSV as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    try:
        for row in reader:
            _check_cells(path, reader.line_num, row)
            rows.append(row)
            if len(rows) > MAX_MUNICIPALITIES + 1:
                raise ScenarioError(f"{path}: more than {MAX_MUNICIPALITIES:,} municipalities; at most "
                                    f"{MAX_MUNICIPALITIES:,} rows below the header are allowed")
    except csv.Error as err:  # e.g. a cell longer than the csv module's field limit (131,072 characters)
        raise ScenarioError(f"{path}, row {reader.line_num}: {_csv_problem(err)}") from None
    return rows


def _check_cells(path: Path, line: int, row: list[str]) -> None:
    longest = max(row, key=len, default="")
    if len(longest) > MAX_CELL_CHARS:
        raise ScenarioError(f"{path}, row {line}: a cell of {len(longest):,} characters ({excerpt(longest)}); "
                            f"a cell holds a name or a number, at most {MAX_CELL_CHARS:,} characters")


def _csv_problem(err: csv.Error) -> str:
    if "field larger than field limit" in str(err):
        return (f"a cell of more than {csv.field_size_limit():,} characters; a cell holds a name or a number, "
                f"at most {MAX_CELL_CHARS:,} characters")
    return f"not valid CSV ({err})"


def _check_header(path: Path, header: list[str]) -> None:
    allowed = set(Profile.model_fields)
    unknown = [h for h in header if h not in allowed]
    if unknown:
        raise ScenarioError(f"{path}: column {excerpt(unknown[0])} is not a municipality figure; allowed: "
                            f"{', '.join(Profile.model_fields)}")
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        raise ScenarioError(f"{path}: column {missing[0]} is missing (required: {', '.join(REQUIRED)})")
    doubled = sorted({h for h in header if header.count(h) > 1})
    if doubled:
        raise ScenarioError(f"{path}: column {doubled[0]} appears twice")


def _row_profile(path: Path, line: int, header: list[str], row: list[str]) -> Profile:
    where = f"{path}, row {line}"
    if len(row) != len(header):
        raise ScenarioError(f"{where}: has {len(row)} cells; the header has {len(header)} columns")
    raw = {h: _number(h, cell.strip()) for h, cell in zip(header, row) if cell.strip() != ""}
    kind = raw.get("kind", "custom")
    base = PROFILES[kind] if kind in PROFILES else PROFILES["medium_town"]
    values = {**base.model_dump(), "kind": kind, "region": "", **raw}
    try:
        return Profile.model_validate(values)
    except ValidationError as err:
        raise ScenarioError("\n".join(_cell_problem(where, e) for e in err.errors())) from None


def _number(column: str, text: str) -> object:
    """A cell as the number its column holds (the text itself if it is none: the check names it)."""
    kind = Profile.model_fields[column].annotation
    try:
        return int(text) if kind is int else float(text) if kind is float else text
    except ValueError:
        return text


def _cell_problem(where: str, error: ErrorDetails) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if not error["loc"]:  # a check across the row's figures (e.g. composition shares)
        return f"{where}: {message}"
    return f"{where}, column {error['loc'][0]} = {excerpt(error.get('input'))}: {message}"


def _check_unique(path: Path, profiles: list[Profile]) -> None:
    seen: set[str] = set()
    for p in profiles:
        if p.name in seen:
            raise ScenarioError(f"{path}: municipality {excerpt(p.name)} appears twice (names must be unique)")
        seen.add(p.name)
