"""Explicit limits (sim.limits): each failure of issue 12 reproduced, and now one clear line.

Every bad input here once ended in a traceback, a hang, a silent change, or a run that
`validate` had passed; each test names the failure it pins down.
"""

from __future__ import annotations

import re

import pytest

from sim import limits, run
from sim.cli import main
from sim.errors import ScenarioError
from sim.experiments.sweep_spec import load_spec
from sim.parameters import Context, Group, Policy, describe
from sim.parameters.base import param
from sim.scenario import SCENARIO_DIR, load_profile, load_scenario, nested, resolve_population

SMALL = ["--population", "2000", "--months", "12", "--warmup", "0", "--replications", "1"]
LONG = "a" * 300  # more bytes than one file name may have


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def cli_error(argv, capsys) -> str:
    """Run the command line; it must fail with status 2 and one clean message."""
    assert main(argv) == 2
    _out, err = capsys.readouterr()
    assert err.startswith("evictsim: error: ") and "Traceback" not in err, err[:500]
    assert len(err) < 2000
    return err


# --- nesting: RecursionError from tomllib, and a deep table that broke meta.json --------------------

DEEP = {
    "array": "x = " + "[" * 600 + "]" * 600 + "\n",
    "inline table": "[policy]\nlegal_aid = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    "table headers": 'extends = "baseline"\n[calibration.' + ".".join(["a"] * 1000) + "]\nb = 1\n",
    "just too deep": 'extends = "baseline"\n[calibration.' + ".".join(["a"] * limits.MAX_DEPTH) + "]\nb = 1\n",
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deeply_nested_scenario_is_refused_by_validate(tmp_path, capsys, text):
    path = write(tmp_path, "deep.toml", text)
    err = cli_error(["validate", str(path)], capsys)
    assert f"{path}: nested too deeply" in err and f"at most {limits.MAX_DEPTH} levels" in err


def test_nesting_up_to_the_limit_is_fine(tmp_path):
    path = write(tmp_path, "ok.toml", 'extends = "baseline"\n[calibration.'
                 + ".".join(["a"] * (limits.MAX_DEPTH - 2)) + "]\nb = 1\n")
    assert load_scenario(path).name == "ok"


@pytest.mark.parametrize("text", [DEEP["array"], DEEP["inline table"]], ids=["array", "inline table"])
def test_deeply_nested_profile_and_sweep_files_are_refused(tmp_path, capsys, text):
    profile = write(tmp_path, "town.toml", text)
    err = cli_error(["run", "baseline", *SMALL, "--population", str(profile), "--out", str(tmp_path / "o")], capsys)
    assert "nested too deeply" in err and not (tmp_path / "o").exists()
    spec = write(tmp_path, "spec.toml", text)
    assert "nested too deeply" in cli_error(["sweep", str(spec), "--out", str(tmp_path / "s")], capsys)


# --- names and paths: OSError "File name too long", a NUL, non-UTF-8 -------------------------------

def test_extends_with_a_name_too_long(tmp_path, capsys):
    path = write(tmp_path, "long.toml", f'extends = "{LONG}"\n')
    err = cli_error(["validate", str(path)], capsys)
    assert f"{path}: extends = " in err and "at most 255" in err and LONG not in err


def test_scenario_argument_too_long(capsys):
    err = cli_error(["run", LONG, *SMALL], capsys)
    assert "at most 255" in err and LONG not in err


def test_out_too_long_writes_nothing(tmp_path, capsys):
    err = cli_error(["run", "baseline", *SMALL, "--out", str(tmp_path / LONG)], capsys)
    assert err.startswith("evictsim: error: --out ") and "at most 255" in err
    assert list(tmp_path.iterdir()) == []


def test_scenario_name_too_long(tmp_path, capsys):
    path = write(tmp_path, "n.toml", f'name = "{LONG}"\nextends = "baseline"\n')
    err = cli_error(["validate", str(path)], capsys)
    assert "name = " in err and "at most 100 characters" in err


def test_sweep_name_too_long(tmp_path):
    path = write(tmp_path, "s.toml", f'name = "{LONG}"\n[parameters]\n'
                 '"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0 }\n')
    with pytest.raises(ScenarioError, match="name"):
        load_spec(path)


def test_non_utf8_out_names_out(tmp_path, capsys):
    out = str(tmp_path) + "/bad\udcff"  # how Python hands over a non-UTF-8 argument
    err = cli_error(["run", "baseline", *SMALL, "--out", out], capsys)
    assert err.startswith("evictsim: error: --out ") and "not valid UTF-8" in err


def test_a_file_too_large(tmp_path, capsys):
    path = write(tmp_path, "big.toml", "# " + "x" * limits.MAX_FILE_BYTES + "\n")
    err = cli_error(["validate", str(path)], capsys)
    assert f"{path}: more than 1,000,000 bytes" in err


def test_a_rejection_quotes_only_an_excerpt_of_a_huge_value(tmp_path, capsys):
    path = write(tmp_path, "huge.toml", '[policy.legal_aid]\nshare_summoned = "' + "x" * 500_000 + '"\n')
    err = cli_error(["validate", str(path)], capsys)
    assert "policy.legal_aid.share_summoned = 'xxx" in err and len(err) < 500


# --- validate means runnable: empty files, crossed bounds --------------------------------------------

@pytest.mark.parametrize("text, problem", [("", "is empty"), ("# only a comment\n", "is empty"),
                                           ('name = "empty"\n', "sets nothing"), ("extends = []\n", "sets nothing")])
def test_a_scenario_that_sets_nothing_is_refused(tmp_path, capsys, text, problem):
    path = write(tmp_path, "empty.toml", text)
    assert f"{path}: {problem}" in cli_error(["validate", str(path)], capsys)


def test_an_empty_parent_is_refused_but_a_named_one_may_set_nothing(tmp_path, capsys):
    """A parent such as a provisional calibrated.toml (a name, no values yet) is fine."""
    write(tmp_path, "named.toml", 'name = "named"\n')
    assert load_scenario(write(tmp_path, "a.toml", 'extends = "named"\n')).name == "a"
    write(tmp_path, "blank.toml", "\n")
    err = cli_error(["validate", str(write(tmp_path, "b.toml", 'extends = "blank"\n'))], capsys)
    assert f"{tmp_path / 'blank.toml'}: is empty" in err


def test_an_empty_profile_is_refused(tmp_path):
    with pytest.raises(ScenarioError, match="is empty"):
        load_profile(write(tmp_path, "town.toml", "# nothing\n"))


def _ordered_pairs(model: type[Group], prefix: str) -> list[tuple[str, str, str, dict, dict]]:
    """Every (low, high) pair a parameter group declares: group, low, high and their rows."""
    pairs = []
    for name, field in model.model_fields.items():
        group = field.annotation
        if isinstance(group, type) and issubclass(group, Group):
            rows = {r["name"]: r for r in describe(group)}
            pairs += [(f"{prefix}.{name}", low, high, rows[low], rows[high]) for low, high in group.ordered]
            pairs += _ordered_pairs(group, f"{prefix}.{name}")
    return pairs


PAIRS = _ordered_pairs(Policy, "policy") + _ordered_pairs(Context, "context")


def test_the_model_declares_ordered_pairs():
    assert PAIRS


@pytest.mark.parametrize("group, low, high, low_row, high_row", PAIRS, ids=[f"{p[0]}.{p[1]}" for p in PAIRS])
def test_a_crossed_pair_of_bounds_is_refused_not_reordered(group, low, high, low_row, high_row):
    crossed = {f"{group}.{low}": high_row["max"], f"{group}.{high}": low_row["min"]}
    with pytest.raises(ScenarioError) as info:
        load_scenario("baseline").override(nested(crossed))
    assert f"{low} = " in str(info.value) and f"must be at most {high}" in str(info.value)


def test_a_group_can_declare_an_ordered_pair():
    class Window(Group):
        first: int = param(1, "month", "assumption", "First month.", ge=0, le=12)
        last: int = param(6, "month", "assumption", "Last month.", ge=0, le=12)
        ordered = (("first", "last"),)

    assert Window(first=3, last=3).last == 3
    with pytest.raises(ValueError, match="first = 7 is above last = 2; first must be at most last"):
        Window(first=7, last=2)


# --- run settings: the same bounds in the CLI, the Python API and sweep files --------------------

BOUNDS = [("months", limits.MONTHS), ("replications", limits.REPLICATIONS), ("warmup", limits.WARMUP),
          ("seed", limits.SEED)]


@pytest.mark.parametrize("name, bound", BOUNDS, ids=[b[0] for b in BOUNDS])
def test_each_setting_has_the_same_upper_bound_everywhere(tmp_path, capsys, name, bound):
    too_many = bound.high + 1
    err = cli_error(["run", "baseline", *SMALL, f"--{name}", str(too_many), "--out", str(tmp_path / "o")], capsys)
    assert f"--{name} {too_many}: must be {bound.low:,} to {bound.high:,}" in err
    with pytest.raises(ValueError, match=f"{name} = {too_many}: must be"):
        run("baseline", population="2000", **{name: too_many})
    spec = write(tmp_path, "s.toml", f'{name} = {too_many}\n[parameters]\n'
                 '"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0 }\n')
    with pytest.raises(ScenarioError, match=f"{name} = {too_many}: Input should be less than or equal to "
                                            f"{bound.high}"):
        load_spec(spec)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("population", ["0", "99", "100000000", "1000000000000", "9" * 5000])
def test_a_household_count_outside_the_limits(tmp_path, capsys, population):
    err = cli_error(["run", "baseline", *SMALL, "--population", population, "--out", str(tmp_path / "o")], capsys)
    assert "a household count must be 100 to 10,000,000" in err
    assert not (tmp_path / "o").exists()


def test_a_scale_that_leaves_almost_nobody_is_refused(tmp_path, capsys):
    err = cli_error(["run", "baseline", *SMALL, "--scale", "1e-300", "--out", str(tmp_path / "o")], capsys)
    assert "--scale 1e-300: would simulate" in err and "at least 100" in err
    with pytest.raises(ValueError, match=re.escape("scale = 0.001: would simulate 2 of 2,000 households")):
        run("baseline", population="2000", scale=0.001)


def test_a_sweep_too_large_is_refused_before_building_it(tmp_path):
    lines = "".join(f'"{p}" = {{ min = 0.0, max = 1.0, steps = 1000 }}\n'
                    for p in ("policy.legal_aid.share_summoned", "policy.early_signalling.reach",
                              "policy.early_signalling.acceptance"))
    spec = write(tmp_path, "s.toml", "[parameters]\n" + lines)
    with pytest.raises(ScenarioError, match="1,000,000,000 runs; at most 1,000,000 are allowed"):
        load_spec(spec)


def test_resolve_population_bounds_a_count():
    with pytest.raises(ValueError, match="household count"):
        resolve_population(0)
    assert resolve_population(100)[0].households == 100


# --- extends: where it may point, and chains in linear time ------------------------------------------

def test_extends_may_not_reach_outside_its_folder_scenarios_or_calibration(tmp_path, capsys):
    outside = write(tmp_path, "outside.toml", "[policy.legal_aid]\nshare_summoned = 0.3\n")
    (tmp_path / "mine").mkdir()
    for target in ("../outside", str(outside)):
        path = write(tmp_path / "mine", "s.toml", f'extends = "{target}"\n')
        err = cli_error(["validate", str(path)], capsys)
        assert f"{path}: extends = " in err and "is outside the folders extends may point to" in err
        assert str(SCENARIO_DIR) in err and "calibration" in err


def test_extends_may_point_below_its_folder_and_to_the_shipped_scenarios(tmp_path):
    (tmp_path / "parts").mkdir()
    write(tmp_path / "parts", "aid.toml", 'extends = "baseline"\n[policy.legal_aid]\nshare_summoned = 0.3\n')
    path = write(tmp_path, "s.toml", 'extends = "parts/aid"\n')
    scenario = load_scenario(path)
    assert scenario.policy.legal_aid.share_summoned == 0.3
    assert scenario.files[0].endswith("calibration/calibrated.toml")  # the baseline's ../calibration still works


def _lattice(folder, levels: int):
    """Files where each level extends both files of the level below: 2**levels paths to the bottom."""
    write(folder, "l0a.toml", 'extends = "baseline"\n')
    write(folder, "l0b.toml", '[policy.legal_aid]\nshare_summoned = 0.5\n')
    for level in range(1, levels):
        for side in "ab":
            write(folder, f"l{level}{side}.toml", f'extends = ["l{level - 1}a", "l{level - 1}b"]\n')
    return write(folder, "top.toml", f'extends = ["l{levels - 1}a", "l{levels - 1}b"]\n')


def test_an_extends_chain_reads_each_file_once(tmp_path, monkeypatch):
    """Was: 50 files 3.9 s, 100 files 44 s (each level re-read its ancestors); shared parents
    were read once per path to them, 2**14 times here."""
    import sim.scenario as scenario_module

    reads = []
    real = scenario_module.read_toml
    monkeypatch.setattr(scenario_module, "read_toml", lambda path: reads.append(path) or real(path))
    top = _lattice(tmp_path, 14)
    assert load_scenario(top).policy.legal_aid.share_summoned == 0.5
    assert len(reads) == 2 * 14 + 1 + 2  # the lattice, the top file, baseline and calibrated
    assert len(set(reads)) == len(reads)


def test_an_extends_chain_longer_than_the_limit_is_refused(tmp_path, capsys):
    write(tmp_path, "f0.toml", 'extends = "baseline"\n')
    for i in range(1, limits.MAX_EXTENDS):
        write(tmp_path, f"f{i}.toml", f'extends = "f{i - 1}"\n')
    err = cli_error(["validate", str(tmp_path / f"f{limits.MAX_EXTENDS - 1}.toml")], capsys)
    assert f"more than {limits.MAX_EXTENDS} files" in err


# --- other small failures ----------------------------------------------------------------------------

def test_query_works_in_a_folder_with_a_quote_in_its_name(tmp_path):
    from sim import query, sweep

    spec = write(tmp_path, "s.toml", 'population = "2000"\nmonths = 12\nwarmup = 0\n[parameters]\n'
                 '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n')
    out = tmp_path / "it's"
    sweep(spec, out, workers=1, progress=False)
    assert query(out, "SELECT count(*) AS n FROM runs").n.iloc[0] == 2


@pytest.mark.parametrize("filename", ["town.toml", LONG + ".toml", "to\x00wn.toml", "../../etc/passwd"])
def test_a_dashboard_upload_of_any_name_is_only_parsed(filename):
    from dashboard.profiles import load_upload

    profile, error = load_upload(b"corporation_households = 3000\nprivate_households = 1000\n", filename)
    assert error is None and profile.households == 4000 and len(profile.name) <= 60 and "/" not in profile.name


@pytest.mark.parametrize("data", [DEEP["array"].encode(), DEEP["inline table"].encode()[:60_000], b"\xff\xfe",
                                  b"", b"households = 5\n"])
def test_a_bad_dashboard_upload_gets_a_short_message(data):
    from dashboard.profiles import load_upload

    profile, error = load_upload(data, LONG + ".toml")
    assert profile is None and error and len(error) < 600 and LONG not in error
