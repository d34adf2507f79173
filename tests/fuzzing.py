"""A seeded generator of scenario and profile files, most of them broken in some way.

Each file starts from something plausible (parameters from the declarations with values in and
out of range, of the right and the wrong type; an `extends` to the shipped scenarios or to
somewhere odd) and is then damaged at random: truncated, bytes inserted (NUL, invalid UTF-8,
brackets, quotes), keys duplicated, nested thousands of levels deep, names hundreds of bytes
long, numbers of thousands of digits. The same seed gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sim.parameters import Context, Policy, describe
from sim.pathway.population import Profile
from sim.scenario import SCENARIO_DIR

PARAMETERS = [("policy", r) for r in describe(Policy)] + [("context", r) for r in describe(Context)]
PROFILE_FIELDS = describe(Profile)
SHIPPED = sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))
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

    def _write(self, i: int, text: str) -> Path:
        r = self.rng
        for _ in range(r.choice([0, 0, 0, 0, 0, 1, 1, 2, 3])):
            text = r.choice([self._truncate, self._insert, self._duplicate, self._nest, self._nest_tables])(text)
        data = text.encode("utf-8", "surrogatepass")
        if r.random() < 0.03:
            data = b"\xef\xbb\xbf" + data
        if r.random() < 0.03:
            data = bytes(r.randrange(256) for _ in range(r.randint(1, 200)))
        if r.random() < 0.004:
            data += b"# " + b"x" * 1_000_001 + b"\n"
        name = f"f{i}.toml" if r.random() < 0.9 else f"f{i}-{self._word(r.randint(1, 200)).replace('/', '')}.toml"
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
