"""Build municipalities_2023.csv (the `national` population's 342 municipalities) from the sourced
inputs in municipality_sources.csv; run `python -m sim.data.make_municipalities` after changing them.

Sourced (see docs/data.md): each municipality of 1 Jan 2023 by name, CBS code and province [CBS23],
and its inhabitants (CBS figures for 1 Jan 2018, published per municipality of 2019 [SZW19], summed
over the municipalities that merged into it by 2023).

Estimated, and marked so in the file: per-municipality rented dwellings by landlord type are not in
the stored public material, so each municipality gets its type's corporation and private totals
(population.NATIONAL_TYPES, which add up to CBS's national totals [CBS1]) in proportion to its
inhabitants; its type follows the project's rule (the largest municipalities holding the large-city
block's share are large cities, then medium towns, the rest small towns); the 43 shelter regions
are not in the stored material either: each province gets centres in proportion to its inhabitants
(at least one), its largest municipalities, and each other municipality joins one of its
province's centres with a chance in proportion to the centre's size (fixed seed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from sim.pathway.population import NATIONAL_TYPES, apportion

HERE = Path(__file__).resolve().parent
SOURCES, OUT = HERE / "municipality_sources.csv", HERE / "municipalities_2023.csv"
SHELTER_REGIONS = 43
SEED = 20230101
COLUMNS = ("code", "name", "province", "inhabitants", "type", "region", "corporation_households",
           "private_households", "corporation_estimated", "private_estimated", "region_estimated")


def build(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """The municipalities, largest first, with type, rented dwellings and shelter region."""
    rows = sorted(rows, key=lambda r: (-int(r["inhabitants"]), r["code"]))
    people = np.array([int(r["inhabitants"]) for r in rows], float)
    out: list[dict[str, object]] = []
    for block, members in zip(NATIONAL_TYPES, np.split(np.arange(len(rows)), _cuts(people))):
        corporation = apportion(block.corporation_households, people[members])
        private = apportion(block.private_households, people[members])
        for i, c, p in zip(members, corporation, private):
            out.append({"code": rows[i]["code"], "name": rows[i]["name"], "province": rows[i]["province"],
                        "inhabitants": int(people[i]), "type": block.kind, "corporation_households": max(int(c), 1),
                        "private_households": int(p), "corporation_estimated": True, "private_estimated": True,
                        "region_estimated": True})
    _regions(out)
    return out


def _cuts(people: np.ndarray) -> list[int]:
    """Where the cumulative share of inhabitants reaches each type block's share of rented dwellings."""
    cumulative = np.cumsum(people) / people.sum()
    sizes = [b.households for b in NATIONAL_TYPES]
    return [int(np.searchsorted(cumulative, share)) + 1 for share in np.cumsum(sizes)[:-1] / sum(sizes)]


def _regions(out: list[dict[str, object]]) -> None:
    """Centres per province in proportion to inhabitants (at least one); the others join one."""
    rng = np.random.default_rng(SEED)
    provinces = sorted({str(m["province"]) for m in out})
    people = np.array([sum(_int(m["inhabitants"]) for m in out if m["province"] == p) for p in provinces], float)
    centres_per = apportion(SHELTER_REGIONS - len(provinces), people) + 1
    for province, n in zip(provinces, centres_per):
        members = [m for m in out if m["province"] == province]  # largest first
        centres = members[:n]
        weights = np.array([_int(c["inhabitants"]) for c in centres], float)
        for m in members:
            joins = centres[rng.choice(len(centres), p=weights / weights.sum())]
            m["region"] = m["name"] if m in centres else joins["name"]


def _int(value: object) -> int:
    return int(str(value))


def main() -> None:
    with SOURCES.open(encoding="utf-8", newline="") as f:
        built = build(list(csv.DictReader(f)))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({k: str(v).lower() if isinstance(v, bool) else v for k, v in m.items()} for m in built)


if __name__ == "__main__":
    main()
