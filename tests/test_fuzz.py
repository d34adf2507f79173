"""The standing fuzz test: generated files and bad command lines never end in a traceback or a hang.

Every CI run sends 1,100 generated scenario and profile files (tests/fuzzing.py, seeded) through
`evictsim validate`, the scenario and profile loaders and the dashboard's upload; 360 generated
municipalities CSVs, sweep files and sensitivity files through the population reader,
`evictsim sweep` and `evictsim sensitivity` (up to the first run); 120 optimisation files through
`evictsim optimize` (up to its first run); and 100+ bad command lines through `evictsim`. Each
must give a result or one clean error that names the input, within 30 seconds; nothing else may
escape. A scenario that `validate` accepts must run (validate means runnable), so each accepted
one is simulated briefly, as is each accepted municipalities file; an accepted sweep must be
planned in full (or, if large, its base scenario, population and first point built); a refused
optimisation writes nothing.
"""

from __future__ import annotations

import json
import signal
import traceback
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.profiles import load_upload
from sim import run
from sim.cli import main
from sim.limits import MAX_LINE_CHARS, MAX_MESSAGE_LINES
from sim.experiments import sweep as sweep_module
from sim.scenario import SCENARIO_DIR, load_scenario, resolve_population

from .fuzzing import Fuzzer, make_targets

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


# --- municipalities, sweep and sensitivity files ------------------------------------------------------

TIME_LIMIT = 30     # seconds: longer without a result is a hang
OTHER_CHUNKS = 4    # x 90 files: municipalities CSVs, sweep files and sensitivity files, 120 of each
SMALL_PLAN = 500    # runs planned in full; a larger accepted plan is built up to its first point


class Hang(Exception):
    """An input that took more than TIME_LIMIT seconds."""


class Planned(Exception):
    """A sweep got as far as its first run: accepted."""


@contextmanager
def deadline(seconds: float):
    """Raise Hang in this thread after `seconds` (also out of a read that blocks, e.g. on a FIFO)."""
    def expire(signum, frame):
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fuzz_municipalities(path: Path) -> str:
    try:
        households = sum(p.households for p in resolve_population(str(path)))
        scale = min(1.0, 300 / households) if households else 1.0
        result = run("baseline", **{**TINY, "population": str(path), "scale": scale})
    except ValueError as err:
        lines = str(err).splitlines()
        assert all(line.startswith(str(path)) for line in lines) and len(str(err)) < 4000, str(err)[:300]
        return "refused"
    assert result.meta["households"] == households
    return "accepted"


def planned_briefly(real_plan):
    """`plan`, cut short: a small plan is built in full, a large one up to its first point; then Planned."""
    def plan(spec, spec_path=None, points=None, progress=None):
        if sweep_module.planned_points_count(spec, points) * spec.replications <= SMALL_PLAN:
            tasks = real_plan(spec, spec_path, points, progress)
            raise Planned(f"{len(tasks)} runs")
        sweep_module.run_settings(spec, spec_path)
        base = sweep_module.base_scenario(spec, spec_path)
        next(iter(sweep_module.planned_points(spec, base, spec_path, points)))
        raise Planned("the first point")
    return plan


def fuzz_sweep(path: Path, command: str, capsys) -> str:
    try:
        code = main([command, str(path), "--out", str(path.parent / "out"), "--no-progress", "--workers", "1"])
    except Planned:
        out = capsys.readouterr().out
        assert command == "sensitivity" or out.split(" runs (")[0].endswith(tuple("0123456789")), out
        return "accepted"
    err = capsys.readouterr().err
    assert code == 2, (code, err)
    assert_clean("".join(line for line in err.splitlines(keepends=True) if not line.startswith("evictsim: warning:")),
                 path.parent)
    return "refused"


@pytest.mark.parametrize("chunk", range(OTHER_CHUNKS))
def test_generated_csv_sweep_and_sensitivity_files_give_a_result_or_one_clean_error_in_time(
        tmp_path, capsys, monkeypatch, chunk):
    monkeypatch.setattr(sweep_module, "plan", planned_briefly(sweep_module.plan))
    make_targets(tmp_path)
    fuzzer = Fuzzer(tmp_path, seed=100 + chunk)
    outcomes, failures = [], []
    for i in range(90):
        kind = ("municipalities", "sweep", "sensitivity")[i % 3]
        path = fuzzer.municipalities(i) if kind == "municipalities" else fuzzer.sweep(i)
        try:
            with deadline(TIME_LIMIT):
                outcome = fuzz_municipalities(path) if kind == "municipalities" else fuzz_sweep(path, kind, capsys)
            outcomes.append((kind, outcome))
        except Exception:  # noqa: BLE001 - a traceback or a hang is exactly what this test counts
            failures.append(f"{kind} {path.name}: {path.read_bytes()[:300]!r}\n{traceback.format_exc()}")
    assert not failures, f"{len(failures)} of 90 files ended in a traceback or a hang:\n" + "\n".join(failures)
    assert {("municipalities", "refused"), ("sweep", "refused"), ("sensitivity", "refused")} <= set(outcomes)
    assert {"municipalities", "sweep"} <= {kind for kind, outcome in outcomes if outcome == "accepted"}


def fuzz_optimize(path: Path, out: Path, capsys) -> str:
    try:
        code = main(["optimize", str(path), "--out", str(out), "--no-progress", "--workers", "1"])
    except Planned:
        return "accepted"
    err = capsys.readouterr().err
    assert code == 2, (code, err)
    assert_clean("".join(line for line in err.splitlines(keepends=True) if not line.startswith("evictsim: warning:")),
                 path.parent)
    assert not out.exists(), "a refused optimisation writes nothing"
    return "refused"


@pytest.mark.parametrize("chunk", range(2))
def test_generated_optimisation_files_give_a_result_or_one_clean_error_in_time(tmp_path, capsys, monkeypatch, chunk):
    """An accepted optimisation must get as far as its first generation's runs (all planned, the
    base and lever scenarios, population and draws built): there it stops, accepted."""
    from sim.experiments import policy_eval

    def first_runs(tasks, *args, **kwargs):
        raise Planned(f"{len(tasks)} runs")

    monkeypatch.setattr(policy_eval, "execute", first_runs)
    make_targets(tmp_path)
    fuzzer = Fuzzer(tmp_path, seed=200 + chunk)
    outcomes, failures = [], []
    for i in range(60):
        path = fuzzer.optimize(i)
        try:
            with deadline(TIME_LIMIT):
                outcomes.append(fuzz_optimize(path, tmp_path / f"out{i}", capsys))
        except Exception:  # noqa: BLE001 - a traceback or a hang is exactly what this test counts
            failures.append(f"{path.name}: {path.read_bytes()[:300]!r}\n{traceback.format_exc()}")
    assert not failures, f"{len(failures)} of 60 files ended in a traceback or a hang:\n" + "\n".join(failures)
    assert {"accepted", "refused"} <= set(outcomes)


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
