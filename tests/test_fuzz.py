"""The standing fuzz test: generated files and bad command lines never end in a traceback.

Every CI run sends 1,100 generated scenario and profile files (tests/fuzzing.py, seeded) through
`evictsim validate`, the scenario and profile loaders and the dashboard's upload, and 100+ bad
command lines through `evictsim`. Each must give a result or one clean error that names the
input; nothing else may escape. A scenario that `validate` accepts must run (validate means
runnable), so each accepted one is simulated briefly.
"""

from __future__ import annotations

import json
import traceback
from pathlib import Path

import pytest

from dashboard.profiles import load_upload
from sim import run
from sim.cli import main
from sim.limits import MAX_LINE_CHARS, MAX_MESSAGE_LINES
from sim.scenario import SCENARIO_DIR, load_scenario, resolve_population

from .fuzzing import Fuzzer

CHUNKS = 11        # parametrised, so that pytest-xdist spreads the work
PER_CHUNK = 100    # files per chunk: 11 x 100 = 1,100 per run, scenarios and profiles alike
TINY = {"population": "100", "months": 12, "warmup": 0, "replications": 1, "journey_sample": 10}


def assert_clean(err: str, folder: Path) -> None:
    """One clean error: the prefix, no traceback, short, and naming a file it is about."""
    assert err.startswith("evictsim: error: ") and "Traceback" not in err
    lines = err.rstrip("\n").splitlines()
    assert len(lines) <= MAX_MESSAGE_LINES + 1 and all(len(line) <= MAX_LINE_CHARS + 20 for line in lines)
    assert str(folder) in err or str(SCENARIO_DIR) in err or "a scenario name or file" in err, err


def fuzz_scenario(path: Path, capsys) -> str:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    if code == 2:
        assert_clean(err, path.parent)
        return "refused"
    assert code == 0 and out.startswith("ok: "), (code, out, err)
    result = run(load_scenario(path), **TINY)  # validate means runnable
    json.dumps(result.meta, default=str)
    return "accepted"


def fuzz_profile(path: Path) -> str:
    profile, message = load_upload(path.read_bytes()[:200_000], path.name)
    assert (profile is None) != (message is None) and (message is None or len(message) < 4000)
    try:
        resolve_population(str(path))
    except ValueError as err:
        assert str(path) in str(err) or "the path" in str(err), str(err)[:300]
        return "refused"
    return "accepted"


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_generated_files_give_a_result_or_one_clean_error(tmp_path, capsys, chunk):
    fuzzer = Fuzzer(tmp_path, seed=chunk)
    outcomes, failures = [], []
    for i in range(PER_CHUNK):
        kind = "scenario" if i % 3 else "profile"
        path = fuzzer.scenario(i) if kind == "scenario" else fuzzer.profile(i)
        try:
            outcomes.append((kind, fuzz_scenario(path, capsys) if kind == "scenario" else fuzz_profile(path)))
        except Exception:  # noqa: BLE001 - a traceback is exactly what this test counts
            failures.append(f"{path.name}: {path.read_bytes()[:300]!r}\n{traceback.format_exc()}")
    assert not failures, f"{len(failures)} of {PER_CHUNK} files ended in a traceback; the first:\n{failures[0]}"
    assert len(outcomes) == PER_CHUNK
    kinds = {(kind, result) for kind, result in outcomes}
    assert ("scenario", "refused") in kinds  # the generator keeps finding both sides of the line
    assert ("scenario", "accepted") in kinds or chunk % 2  # most chunks have a runnable scenario too


# --- bad command lines ----------------------------------------------------------------------------

SMALL = ["--population", "2000", "--months", "12", "--warmup", "0", "--replications", "1"]
BAD_NUMBERS = ["-1", "abc", "", "1.5", "1e3", "9" * 5000, "0x10", " ", "nan"]
TOO_BIG = {"--months": "1201", "--replications": "1001", "--warmup": "601", "--seed": str(2**32),
           "--journeys": "100001", "--scale": "1.5", "--posterior": "1001"}


def bad_command_lines(folder: Path) -> list[list[str]]:
    """100+ command lines that must each fail with status 2 and one clean line, writing nothing."""
    deep = folder / "deep.toml"
    deep.write_text("x = " + "[" * 800 + "]" * 800 + "\n", encoding="utf-8")
    (folder / "dir.toml").mkdir()
    (folder / "file").write_text("not a folder", encoding="utf-8")
    sweep = folder / "sweep.toml"
    sweep.write_text('population = "2000"\nmonths = 12\nwarmup = 0\n[parameters]\n'
                     '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n', encoding="utf-8")
    out = ["--out", str(folder / "out")]
    lines = [["run", "baseline", *SMALL, option, value, *out]
             for option in ("--months", "--replications", "--warmup", "--seed", "--journeys", "--posterior")
             for value in BAD_NUMBERS]
    lines += [["run", "baseline", *SMALL, "--posterior", "1", *out]]  # one draw shows no parameter uncertainty
    lines += [["run", "baseline", *SMALL, option, value, *out] for option, value in TOO_BIG.items()]
    lines += [["run", "baseline", *SMALL, "--scale", value, *out] for value in ("0", "-1", "1e-300", "inf", "x")]
    lines += [["run", "baseline", *SMALL, "--population", value, *out]
              for value in ("0", "99", "10000001", "1" + "0" * 40, "-5", "nowhere", "a" * 300, str(deep),
                            str(folder / "dir.toml"), str(folder / "missing.toml"), str(folder / ("b" * 300 + ".toml")),
                            "/dev/null.toml", "x\udcff.toml")]
    lines += [["run", name, *SMALL, *out] for name in ("nope", "a" * 300, str(deep), str(folder / "dir.toml"),
                                                       "x\x00y", "../../etc/passwd", "")]
    lines += [["run", "baseline", *SMALL, "--out", value]
              for value in (str(folder / "file"), str(folder / "file" / "sub"), str(folder / ("c" * 300)),
                            str(folder / "bad\udcff"), str(folder) + "/x\x00y")]
    lines += [["compare", "baseline", name, *SMALL, *out] for name in ("nope", "a" * 300, str(deep))]
    lines += [["validate", value] for value in (str(deep), str(folder / "dir.toml"), "a" * 5000, "nope")]
    lines += [["sweep", value, "--out", str(folder / "s")] for value in (str(deep), str(folder / "missing.toml"),
                                                                       str(folder / "dir.toml"))]
    lines += [["sweep", str(sweep), "--cluster", value, "--out", str(folder / "s")]
              for value in ("http://x:1", "tcp://host", "tcp://127.0.0.1:99999", "x" * 400)]
    lines += [["sensitivity", str(deep), "--out", str(folder / "s")], ["calibrate", "--report", "--folder",
                                                                        str(folder / "nothing")]]
    lines += [["dashboard", "--port", value] for value in ("0", "70000", "abc")]
    lines += [["params", "--nope"], ["nope"], [], ["run"], ["compare", "baseline"]]
    return lines


def test_bad_command_lines_fail_with_one_clean_line_and_write_nothing(tmp_path, capsys):
    lines = bad_command_lines(tmp_path)
    assert len(lines) >= 100
    before = sorted(p.name for p in tmp_path.iterdir())
    failures = []
    for argv in lines:
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse's own errors: usage line, then one error line
            code = stop.code
        except Exception:  # noqa: BLE001 - a traceback is exactly what this test counts
            failures.append(f"{argv!r:.300}\n{traceback.format_exc()}")
            continue
        err = capsys.readouterr().err
        if code != 2 or "Traceback" in err or len(err) > 2000 or not err.rstrip().splitlines()[-1].count("error:"):
            failures.append(f"{argv!r:.300}: status {code}, stderr {err[:500]!r}")
    assert not failures, f"{len(failures)} of {len(lines)} bad command lines went wrong; the first:\n{failures[0]}"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written: no out/, no s/
