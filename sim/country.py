"""The country as its 342 municipalities [BLK22]: generated, or read from a user's CSV.

The `national` population is generated: how rented dwellings spread over municipalities is not
published ([domain2 §9] "NOT found"), so sizes come from a log-normal distribution (assumption,
log-sd 1.2, range 1.0-1.3: the largest municipality then has about 130,000 rented dwellings, the
smallest a few hundred). The largest municipalities holding the large-city block's dwellings are
large cities, the next ones up to the medium-town block's share medium towns, the rest small
towns, so that each type's corporation and private totals are exactly those of the three-block
country (population.NATIONAL_TYPES, the calibration's population) and the national totals those
of CBS [CBS1]. Within its type a municipality varies around the type's profile: its corporation
share, household composition, income level, rents and how fast displaced households find a home
(all assumptions, with the spreads below).

Shelter is regional: the 43 centrumgemeenten run the shelters for their region [TRF2]. The 43
largest municipalities are the centres; each other municipality joins a centre with a chance in
proportion to the centre's size (assumption). A region's municipalities share its family and night
shelter places and its foster care (places.py).

The country is generated with a fixed seed: it is data, the same in every replication and scenario.
A user with real figures gives a CSV instead (`read_municipalities`).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import ScenarioError
from .limits import MAX_CELL_CHARS, MAX_MUNICIPALITIES, excerpt, read_input
from .pathway.population import COMPOSITIONS, NATIONAL_TYPES, PROFILES, Profile, apportion

MUNICIPALITIES = 342          # 1 Jan 2023 [BLK22]
SHELTER_REGIONS = 43          # centrumgemeenten for shelter [TRF2]
SIZE_LOG_SD = 1.2             # assumption, range 1.0-1.3 (no published spread of rented dwellings)
CORPORATION_SHARE_SD = 0.08   # assumption, range 0.05-0.12 (corporation shares differ by municipality)
COMPOSITION_CONCENTRATION = 300.0  # assumption: Dirichlet concentration, about ±3 points on a share of 0.5
INCOME_LEVEL_LOG_SD = 0.08    # assumption, range 0.05-0.15
RENT_LOG_SD = 0.08            # assumption, range 0.05-0.15
REHOUSING_LOG_SD = 0.2        # assumption, range 0.1-0.3 (urgency rules differ by region [NOS19])
SEED = 20230101               # the generated country is the same in every run


@lru_cache(maxsize=4)
def generated_country(seed: int = SEED) -> tuple[Profile, ...]:
    """342 municipalities whose type totals are those of the three-block country."""
    rng = np.random.default_rng(seed)
    sizes = np.sort(rng.lognormal(0.0, SIZE_LOG_SD, MUNICIPALITIES))[::-1]
    profiles: list[Profile] = []
    for block, members in zip(NATIONAL_TYPES, _split_by_type(sizes)):
        profiles.extend(_municipalities_of_type(block, members, rng))
    return _with_regions(profiles, rng)


def _split_by_type(sizes: np.ndarray) -> list[np.ndarray]:
    """Sizes (largest first) cut where the cumulative share reaches each type block's share."""
    cumulative = np.cumsum(sizes) / sizes.sum()
    totals = np.cumsum([b.households for b in NATIONAL_TYPES])[:-1] / sum(b.households for b in NATIONAL_TYPES)
    cuts = [int(np.searchsorted(cumulative, share)) + 1 for share in totals]
    return np.split(sizes, cuts)


def _municipalities_of_type(block: Profile, sizes: np.ndarray, rng: np.random.Generator) -> list[Profile]:
    n = sizes.size
    share = np.clip(block.corporation_households / block.households + rng.normal(0.0, CORPORATION_SHARE_SD, n),
                    0.3, 0.95)
    corporation = apportion(block.corporation_households, sizes * share)
    private = apportion(block.private_households, sizes * (1 - share))
    base = [getattr(block, f"share_{c}") for c in COMPOSITIONS]
    compositions = rng.dirichlet(np.array(base) * COMPOSITION_CONCENTRATION, n)
    income = rng.lognormal(0.0, INCOME_LEVEL_LOG_SD, n)
    rent = rng.lognormal(0.0, RENT_LOG_SD, n)
    rehousing = rng.lognormal(0.0, REHOUSING_LOG_SD, n)
    practice = _practices(rng, n)
    rows = []
    for i in range(n):
        shares = _rounded_shares(compositions[i])
        rows.append(block.model_copy(update={
            "name": f"{block.kind}_{i + 1:03d}", "corporation_households": max(int(corporation[i]), 1),
            "private_households": int(private[i]),
            **{f"share_{c}": s for c, s in zip(COMPOSITIONS, shares)},
            "income_level": round(float(block.income_level * income[i]), 3),
            "rent_corporation_eur": round(float(block.rent_corporation_eur * rent[i]), 2),
            "rent_private_eur": round(float(block.rent_private_eur * rent[i]), 2),
            "rehousing_factor": round(float(np.clip(block.rehousing_factor * rehousing[i], 0.05, 5)), 3),
            **{name: round(float(values[i]), 3) for name, values in practice.items()}}))
    return rows


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


def _with_regions(profiles: list[Profile], rng: np.random.Generator) -> tuple[Profile, ...]:
    """The largest municipalities are the shelter regions' centres; the others join one."""
    order = np.argsort([-p.households for p in profiles], kind="stable")
    centres = order[:SHELTER_REGIONS]
    weights = np.array([profiles[i].households for i in centres], float)
    joins = rng.choice(centres, size=len(profiles), p=weights / weights.sum())
    region = {int(i): profiles[int(i)].name for i in centres}
    return tuple(p.model_copy(update={"region": region.get(i, profiles[int(joins[i])].name)})
                 for i, p in enumerate(profiles))


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
