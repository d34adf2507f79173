"""A seeded generator of input files, most of them broken in some way: scenario, profile,
municipalities (CSV), sweep, sensitivity and optimisation files.

Each file starts from something plausible (parameters from the declarations with values in and
out of range, of the right and the wrong type; an `extends`, a sweep's scenario, population or
posterior pointing to the shipped files or somewhere odd; designs from tiny to far beyond the
limits) and is then damaged at random: truncated, bytes inserted (NUL, invalid UTF-8, brackets,
quotes), keys duplicated, nested thousands of levels deep, names hundreds of bytes long, numbers
of thousands of digits, CSV cells of 200,000 characters, unclosed quotes and 12,000 rows. The
same seed gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sim.parameters import Context, Policy, describe
from sim.pathway.outcomes import OUTCOMES
from sim.pathway.population import Profile
from sim.scenario import SCENARIO_DIR

PARAMETERS = [("policy", r) for r in describe(Policy)] + [("context", r) for r in describe(Context)]
PROFILE_FIELDS = describe(Profile)
SHIPPED = sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))
OTHER_COLUMNS = [row["name"] for row in PROFILE_FIELDS if row["name"] not in ("name", "corporation_households",
                                                                            "private_households")]
OUTCOME_NAMES = [o.name for o in OUTCOMES]
# What a sweep file may name, and what it may not: paths outside its folder, devices, pipes.
SIMPLE_COLUMNS = ["kind", "region", "income_level", "rent_spread", "rehousing_factor", "outreach_practice"]
SWEEP_TARGETS = [*SHIPPED[:4], "baseline", "../calibration/calibrated", "/etc/passwd", "../../../../tmp/x",
                 "no-such-file", "", ".", "/dev/zero", "towns", "pipe"]
SWEEP_POPULATIONS = ["100", "2000", "small_town", "national_types", "towns.csv", "town.toml", "../towns.csv",
                     "/etc/passwd.csv", "/dev/zero.csv", "pipe.csv", "zero.csv", "99", "x.csv", "dir.toml"]
SWEEP_POSTERIORS = ["posterior.csv", "../calibration/posterior.csv", "/dev/zero", "pipe.csv", "zero.csv",
                    "towns.csv", "nope.csv"]
# Parameters a well-formed sweep can range over: numbers with both bounds declared.
BOUNDED_FLOATS = [(section, row) for section, row in PARAMETERS
                  if isinstance(row["default"], float) and row["min"] is not None and row["max"] is not None]
SWEEP_SETTINGS = {  # key: (plausible values, values to refuse), as TOML
    "scenario": (['"baseline"', '"towns"', f'"{SHIPPED[0]}"'], [f'"{t}"' for t in SWEEP_TARGETS]),
    "population": (['"100"', '"500"', '"towns.csv"', '"town.toml"'], [f'"{p}"' for p in SWEEP_POPULATIONS]),
    "months": (["12"], ["0", "5000", "12.5"]), "warmup": (["0"], ["-1", "601"]),
    "replications": (["1", "2"], ["0", "1000", "1001"]),
    "design": (['"grid"', '"lhs"', '"sobol"', '"posterior"'], ['"nope"', "3"]),
    "samples": (["2", "4", "8"], ["0", "3", "1000000", "1048576"]), "method": (['"sobol"', '"morris"'], ['"x"']),
    "posterior": (['"posterior.csv"'], [f'"{p}"' for p in SWEEP_POSTERIORS]),
    "posterior_draws": (["0", "0", "2"], ["1", "5000", "1000"]), "series": (["true", "false"], ["3"]),
    "seed": (["1", "7"], ["-1", str(2**32)]), "against": (['"baseline"'], [f'"{t}"' for t in SWEEP_TARGETS]),
    "scale": (["1.0", "0.5"], ["0", "2"]),
}
OPTIMIZE_SETTINGS = {  # key: (plausible values, values to refuse), as TOML; the rest as in SWEEP_SETTINGS
    "robustness": (['"mean"', '"p90"', '"regret"'], ['"p0"', '"p100"', '"median"', "3"]),
    "generations": (["1", "1", "2"], ["0", "10000", "-1"]), "policies": (["4", "5"], ["3", "10000", "1e9"]),
    "posterior_draws": (["0", "0", "2"], ["1", "5000", "1000"]),
}
NOISE = ["\x00", "\xff", "[", "]", "{", "}", '"', "'", "=", "\n", "\r", ".", ",", "#", "\\", " ", "é", "\u202e",
         "\ud800", "\t", "0", "-", "nan", "inf", "[[", "]]", '"""', "\x7f"]


class Fuzzer:
    """Writes file number i into `folder`; `seed` fixes every choice."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.folder, self.rng = folder, random.Random(seed)

    # -- scenario and profile files ------------------------------------------------------------

    def scenario(self, i: int) -> Path:
        r = self.rng
        top = {"extends": '"baseline"'} if r.random() < 0.5 else {}
        top.update(self._top_line() for _ in range(r.randint(0, 2)))
        tables: dict[str, dict[str, str]] = {}
        for _ in range(r.randint(0, 4)):
            section, row = r.choice(PARAMETERS)
            group, _, field = row["name"].rpartition(".")
            table = f"{section}.{group}" if r.random() < 0.9 else f"{section}.{self._word()}"
            tables.setdefault(table, {})[field if r.random() < 0.9 else self._word()] = self._value(row)
        lines = [f"{key} = {value}" for key, value in top.items()]
        for table, fields in tables.items():
            lines += [f"[{table}]", *(f"{key} = {value}" for key, value in fields.items())]
        return self._write(i, "\n".join(lines) + "\n")

    def profile(self, i: int) -> Path:
        r = self.rng
        if r.random() < 0.3:  # often just the numbers of households, which is a valid profile
            rows = [row for row in PROFILE_FIELDS if row["name"].endswith("_households")]
        else:
            rows = r.sample(PROFILE_FIELDS, r.randint(0, len(PROFILE_FIELDS)))
        lines = [f"{row['name'] if r.random() < 0.95 else self._word()} = {self._value(row)}" for row in rows]
        return self._write(i, "\n".join(lines) + "\n")

    def municipalities(self, i: int) -> Path:
        """A municipalities CSV: a header of required and other profile columns, rows of figures."""
        r = self.rng
        columns = ["name", "corporation_households", "private_households"]
        columns += r.sample(SIMPLE_COLUMNS if r.random() < 0.8 else OTHER_COLUMNS, r.randint(0, 3))
        columns += [self._word()] if r.random() < 0.05 else []
        r.shuffle(columns)
        if r.random() < 0.05:
            columns.remove(r.choice(columns))
        rows = [",".join(columns)]
        for n in range(r.choice([0, 1, 2, 3, 5, 20, 12_000 if r.random() < 0.05 else 4])):
            rows.append(",".join(self._cell(column, n) for column in columns))
        text = "\n".join(rows) + "\n"
        if r.random() < 0.05:
            text += '"' + "x" * r.choice([1_000, 200_000]) + '"\n'
        if r.random() < 0.05:
            text = text.replace(",", ',"', 1)  # a quote that never closes
        return self._write(i, text, ".csv", damage=r.random() < 0.3)

    def sweep(self, i: int) -> Path:
        """A sweep file: base scenario, population, design, ranges, outcomes and the rest. About one
        in seven is well formed (one parameter over its declared range), so that every batch of
        files also runs some: at random, only about one in thirty would be."""
        r = self.rng
        if r.random() < 0.15:
            section, row = r.choice(BOUNDED_FLOATS)
            bounds = f'min = {row["min"]!r}, max = {row["max"]!r}, steps = 2'
            return self._write(i, 'scenario = "baseline"\npopulation = "100"\nmonths = 12\nwarmup = 0\n[parameters]\n'
                                  f'"{section}.{row["name"]}" = {{ {bounds} }}\n', damage=False)
        lines = [f"{key} = {value}" for key, value in self._sweep_settings().items() if r.random() < 0.4]
        if r.random() < 0.5:
            lines += ["[parameters]", *self._ranges(r.choice([0, 1, 1, 2, 3]))]
        else:
            lines += ["[uncertainties]", *self._ranges(r.randint(0, 2)), "[levers]", *self._ranges(r.randint(0, 1))]
            if r.random() < 0.6:
                lines.append("scenarios = [" + ", ".join(f'"{r.choice(SWEEP_TARGETS)}"' for _ in range(r.randint(0, 3)))
                             + "]")
        if r.random() < 0.2:
            lines += ["[discovery]", f'outcome = "{r.choice([*OUTCOME_NAMES, "nope"])}"', f"above = {r.randint(-1, 9)}"]
        return self._write(i, "\n".join(lines) + "\n", damage=r.random() < 0.3)

    def optimize(self, i: int) -> Path:
        """An optimisation file: base scenario, population, search size, levers, objectives, constraints."""
        r = self.rng
        settings = {key: value for key, value in self._sweep_settings().items()
                    if key in ("scenario", "population", "months", "warmup", "replications", "seed", "scale", "name")}
        settings |= {key: r.choice(good if r.random() < 0.9 else bad) for key, (good, bad) in OPTIMIZE_SETTINGS.items()}
        lines = [f"{key} = {value}" for key, value in settings.items() if key == "months" or r.random() < 0.5]
        policy = [(section, row) for section, row in PARAMETERS if section == "policy"]
        # a lever is a policy.* parameter: mostly those
        lines += ["[levers]", *self._ranges(r.choice([0, 1, 1, 2]), policy if r.random() < 0.85 else PARAMETERS)]
        if r.random() < 0.4:
            lines.append("scenarios = [" + ", ".join(f'"{r.choice(SWEEP_TARGETS)}"' for _ in range(r.randint(0, 3)))
                         + "]")
        lines += ["[objectives]", *(f'{r.choice(OUTCOME_NAMES) if r.random() < 0.9 else "nope"} = '
                                    f'"{r.choice(["min", "max"]) if r.random() < 0.9 else "x"}"'
                                    for _ in range(r.choice([0, 1, 1, 1, 2])))]
        if r.random() < 0.3:
            bound = r.choice(["{ max = 2.0e6 }", "{ min = 1.0 }", "{ min = 2.0, max = 1.0 }", "{ }", "5"])
            lines += ["[constraints]", f"{r.choice([*OUTCOME_NAMES, 'nope'])} = {bound}"]
        return self._write(i, "\n".join(lines) + "\n", damage=r.random() < 0.3)

    def _sweep_settings(self) -> dict[str, str]:
        """Each setting a plausible value, or (one in ten) one that must be refused."""
        r = self.rng
        choices = {key: good if r.random() < 0.9 else bad for key, (good, bad) in SWEEP_SETTINGS.items()}
        return {key: r.choice(values) for key, values in choices.items()} | {
            "name": self._string() if r.random() < 0.1 else f'"s{r.randint(0, 9)}"',
            "outcomes": "[" + ", ".join(f'"{r.choice([*OUTCOME_NAMES, "nope"])}"' for _ in range(r.randint(0, 3)))
                        + "]"}

    def _ranges(self, count: int, parameters: list[tuple[str, dict[str, Any]]] = PARAMETERS) -> list[str]:
        r = self.rng
        lines = []
        for _ in range(count):
            section, row = r.choice(parameters)
            name = f"{section}.{row['name']}" if r.random() < 0.9 else self._word()
            if r.random() < 0.3 or not isinstance(row["default"], float):
                body = "values = [" + ", ".join(self._value(row) for _ in range(r.randint(0, 3))) + "]"
            elif r.random() < 0.8:
                low, high = row["min"] if row["min"] is not None else 0.0, row["max"] or row["default"] * 2 or 1.0
                body = f"min = {low!r}, max = {high!r}, steps = {r.choice([2, 3, 3, 1000])}"
            else:
                body = f"min = {self._value(row)}, max = {self._value(row)}, steps = {r.choice([2, 3, 1000, 1])}"
            lines.append(f'"{name}" = {{ {body} }}')
        return lines

    def _cell(self, column: str, n: int) -> str:
        r = self.rng
        if column == "name":
            return f"m{n}" if r.random() < 0.9 else r.choice(["", "m0", self._word(r.choice([5, 150]))])
        if column.endswith("_households"):
            return str(r.randint(50, 5000)) if r.random() < 0.9 else r.choice(["60000", "-3", "many", "", "1e9"])
        if column == "kind":
            return r.choice(["large_city", "medium_town", "small_town", "custom", "village", ""])
        if column == "region":
            return r.choice(["", "", "m0", "m1", "nowhere"])
        return r.choice(["", "", "1.0", "0.9", "1.1", "x", "nan", "-1", "1e400"])

    def _write(self, i: int, text: str, suffix: str = ".toml", damage: bool = True) -> Path:
        r = self.rng
        for _ in range(r.choice([0, 0, 0, 0, 0, 1, 1, 2, 3]) if damage else 0):
            text = r.choice([self._truncate, self._insert, self._duplicate, self._nest, self._nest_tables])(text)
        data = text.encode("utf-8", "surrogatepass")
        if r.random() < 0.03:
            data = b"\xef\xbb\xbf" + data
        if r.random() < 0.03:
            data = bytes(r.randrange(256) for _ in range(r.randint(1, 200)))
        if r.random() < 0.004:
            data += b"# " + b"x" * 1_000_001 + b"\n"
        name = f"f{i}{suffix}" if r.random() < 0.9 else f"f{i}-{self._word(r.randint(1, 200)).replace('/', '')}{suffix}"
        path = self.folder / name
        path.write_bytes(data)
        return path

    # -- pieces --------------------------------------------------------------------------------

    def _top_line(self) -> tuple[str, str]:
        r = self.rng
        kind = r.choice(["name", "description", "extends", "extends", "extends", "unknown", "calibration"])
        if kind == "extends":
            return "extends", self._extends()
        if kind == "unknown":
            return self._word(), "1"
        if kind == "calibration":
            return "calibration", f"{{ a = {self._value({'default': 1.0, 'min': None, 'max': None})} }}"
        return kind, self._string()

    def _extends(self) -> str:
        r = self.rng
        choice = r.choice([r.choice(SHIPPED), r.choice(SHIPPED), "../calibration/calibrated", "/etc/passwd",
                           "../../../../tmp/x", "no-such-file", self._word(r.choice([1, 10, 300])), "", ".", "..",
                           "/dev/zero", f"f{r.randint(0, 50)}", "baseline.toml", "scenarios"])
        if r.random() < 0.2:
            return "[" + ", ".join(f'"{r.choice(SHIPPED)}"' for _ in range(r.randint(0, 40))) + f', "{choice}"]'
        return f'"{choice}"' if r.random() < 0.95 else r.choice(["5", "[1, 2]", "true", "{a = 1}"])

    def _value(self, row: dict[str, Any]) -> str:
        r = self.rng
        default, low, high = row["default"], row.get("min"), row.get("max")
        pick = r.random()
        if pick < 0.7 and isinstance(default, (int, float)) and not isinstance(default, bool):
            value = r.uniform(low if low is not None else -10, high if high is not None else 10)
            return str(int(value)) if isinstance(default, int) else repr(value)
        if pick < 0.78 and low is not None:
            return repr(r.choice([low, high if high is not None else low, low - 1, (high or low) + 1]))
        if pick < 0.85:
            return "true" if isinstance(default, bool) else repr(default) if not isinstance(default, str) \
                else self._string()
        return r.choice(["nan", "inf", "-inf", "-0.0", "1e308", "9" * r.choice([20, 5000]), self._string(),
                         "[1, 2, 3]", "[]", "{x = 1}", "true", "1979-05-27T07:32:00Z", "0x1F", "1_000",
                         "[[1], [2]]", '"' + "x" * r.choice([10, 100_000]) + '"'])

    def _string(self) -> str:
        return '"' + self._word(self.rng.choice([1, 5, 50, 300])).replace('"', "") + '"'

    def _word(self, length: int = 8) -> str:
        r = self.rng
        alphabet = "abcdefghijklmnopqrstuvwxyz_-." + ("é ☃/\\" if r.random() < 0.2 else "")
        return "".join(r.choice(alphabet) for _ in range(length))

    # -- damage --------------------------------------------------------------------------------

    def _truncate(self, text: str) -> str:
        return text[:self.rng.randint(0, len(text))]

    def _insert(self, text: str) -> str:
        at = self.rng.randint(0, len(text))
        return text[:at] + self.rng.choice(NOISE) + text[at:]

    def _duplicate(self, text: str) -> str:
        lines = text.splitlines()
        return text + (self.rng.choice(lines) + "\n" if lines else "")

    def _nest(self, text: str) -> str:
        depth = int(10 ** self.rng.uniform(0, 3.5))
        opening, closing = self.rng.choice([("[", "]"), ("{a = ", "}")])
        return f"deep = {opening * depth}1{closing * depth}\n" + text

    def _nest_tables(self, text: str) -> str:
        depth = int(10 ** self.rng.uniform(0, 3.2))
        return text + f"\n[calibration.{'.'.join(['a'] * depth)}]\nb = 1\n"


def make_targets(folder: Path) -> None:
    """The files that generated sweep files may name: good ones (a municipalities CSV, a profile, a
    scenario, a posterior sample) and ones that must be refused (pipes, a device, a folder)."""
    import os
    import shutil

    (folder / "towns.csv").write_text("name,kind,corporation_households,private_households\n"
                                      "A,small_town,800,200\nB,small_town,500,100\n", encoding="utf-8")
    (folder / "town.toml").write_text("corporation_households = 900\nprivate_households = 300\n", encoding="utf-8")
    (folder / "towns.toml").write_text('extends = "baseline"\n[policy.legal_aid]\nshare_summoned = 0.5\n',
                                       encoding="utf-8")
    shutil.copy(SCENARIO_DIR.parent / "calibration" / "posterior.csv", folder / "posterior.csv")
    for pipe in ("pipe.csv", "pipe.toml"):
        os.mkfifo(folder / pipe)
    (folder / "zero.csv").symlink_to("/dev/zero")
    (folder / "dir.toml").mkdir()
