"""Bad input stops before anything runs, with one clear message: file, field, value, what is allowed.

Scenario and profile files are written to pytest's tmp_path. `extends` resolves a name next to the
file that names it (see sim.scenario.resolve_path), so tests that need a parent either write a small
base file into tmp_path too or point at the shipped baseline by absolute path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.parameters import Context, Policy
from sim.pathway.population import PROFILES, Profile
from sim.scenario import SCENARIO_DIR, ScenarioError, load_profile, load_scenario, resolve_population

SHIPPED = sorted(SCENARIO_DIR.glob("*.toml"))
BASELINE_FILE = SCENARIO_DIR / "baseline.toml"
ROOT = SCENARIO_DIR.parent


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path | str) -> str:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return str(info.value)


# --- syntax and top level --------------------------------------------------------------------------

def test_invalid_toml_names_file_and_says_not_valid_toml(tmp_path):
    path = write(tmp_path, "broken.toml", 'name = "broken"\n[policy.legal_aid\nshare_summoned = 1.0\n')
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert "not valid TOML" in message


def test_unknown_top_level_key_lists_allowed_keys(tmp_path):
    path = write(tmp_path, "typo.toml", 'name = "typo"\npolicies = 3\n')
    message = load_error(path)
    assert str(path) in message
    assert "'policies'" in message
    for allowed in ("name", "description", "extends", "policy", "context"):
        assert allowed in message


@pytest.mark.parametrize(("text", "expected"), [
    ("name = 5\n", "must be a string"),
    ("description = [1]\n", "must be a string"),
    ("extends = 5\n", "must be a scenario name or a list of names"),
    ('extends = ["baseline", 3]\n', "must be a scenario name or a list of names"),
    ("policy = 3\n", "must be a table"),
    ('context = "warm"\n', "must be a table"),
])
def test_top_level_value_of_wrong_type(tmp_path, text, expected):
    path = write(tmp_path, "wrong.toml", text)
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_unknown_group_under_policy_lists_policy_groups(tmp_path):
    path = write(tmp_path, "group.toml", "[policy.early_warning]\nreach = 0.5\n")
    message = load_error(path)
    assert str(path) in message
    assert "policy.early_warning" in message
    assert "unknown field" in message and "allowed here" in message
    allowed = message.split("allowed here:", 1)[1]
    for group in Policy.model_fields:
        assert group in allowed


def test_unknown_field_inside_a_group_lists_that_groups_fields(tmp_path):
    path = write(tmp_path, "field.toml", "[policy.early_signalling]\nreech = 0.5\n")
    message = load_error(path)
    assert str(path) in message
    assert "policy.early_signalling.reech" in message
    assert "allowed here" in message
    allowed = message.split("allowed here:", 1)[1]
    assert "reach" in allowed and "acceptance" in allowed
    assert "debt_help" not in allowed  # the group's fields, not the policy groups


def test_unknown_field_in_context_group(tmp_path):
    path = write(tmp_path, "ctx.toml", "[context.court]\nappears = 0.5\n")
    message = load_error(path)
    assert "context.court.appears" in message
    assert "allowed here" in message and "appear" in message.split("allowed here:", 1)[1]


# --- values ----------------------------------------------------------------------------------------

def test_wrong_type_names_field_and_value(tmp_path):
    path = write(tmp_path, "type.toml", '[policy.early_signalling]\nreach = "lots"\n')
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert "policy.early_signalling.reach" in message
    assert "'lots'" in message
    assert "number" in message


def test_probability_above_one_names_field_value_and_bound(tmp_path):
    path = write(tmp_path, "prob.toml", "[policy.early_signalling]\nreach = 1.5\n")
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert "policy.early_signalling.reach" in message
    assert "1.5" in message
    assert "less than or equal to 1" in message


def test_negative_shelter_places_names_field_value_and_bound(tmp_path):
    path = write(tmp_path, "shelter.toml", "[policy.shelter]\nfamily_places_per_10k = -3\n")
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert "policy.shelter.family_places_per_10k" in message
    assert "-3" in message
    assert "greater than or equal to 0" in message


def test_context_value_out_of_range(tmp_path):
    path = write(tmp_path, "ctx.toml", "[context.court]\nappear = -0.1\n")
    message = load_error(path)
    assert "context.court.appear" in message and "-0.1" in message


def test_whole_number_field_rejects_fraction(tmp_path):
    path = write(tmp_path, "int.toml", "[policy.debt_help]\nduration_months = 1.5\n")
    message = load_error(path)
    assert "policy.debt_help.duration_months" in message and "1.5" in message


def test_every_problem_gets_its_own_line(tmp_path):
    path = write(tmp_path, "two.toml", "[policy.early_signalling]\nreach = 1.5\nacceptance = -1\n")
    lines = load_error(path).splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert any("policy.early_signalling.reach = 1.5" in line for line in lines)
    assert any("policy.early_signalling.acceptance = -1" in line for line in lines)


def test_moratorium_calendar_month_13(tmp_path):
    path = write(tmp_path, "winter.toml", '[policy.moratorium]\nscope = "families"\ncalendar_months = [12, 13]\n')
    message = load_error(path)
    assert message.startswith(f"{path}: ")
    assert "policy.moratorium" in message
    assert "[13]" in message
    assert "1-12" in message


def test_moratorium_unknown_scope(tmp_path):
    path = write(tmp_path, "scope.toml", '[policy.moratorium]\nscope = "winter"\n')
    message = load_error(path)
    assert "policy.moratorium.scope" in message and "'winter'" in message
    assert "'families'" in message


def test_moratorium_from_after_to(tmp_path):
    path = write(tmp_path, "order.toml", '[policy.moratorium]\nscope = "all"\nfrom_month = 20\nto_month = 10\n')
    message = load_error(path)
    assert "from_month 20 is after to_month 10" in message


# --- extends ---------------------------------------------------------------------------------------

def test_extends_missing_scenario(tmp_path):
    path = write(tmp_path, "orphan.toml", 'name = "orphan"\nextends = "no-such-parent"\n')
    message = load_error(path)
    assert "no-such-parent" in message
    assert "no such scenario file" in message
    assert "baseline" in message  # the known scenarios are listed


def test_unknown_scenario_name(tmp_path):
    message = load_error("no-such-scenario")
    assert message.startswith("no-such-scenario: no such scenario file")
    for path in SHIPPED:
        assert path.stem in message


def test_missing_scenario_file_path(tmp_path):
    message = load_error(tmp_path / "absent.toml")
    assert "absent.toml" in message and "no such scenario file" in message


def test_extends_cycle(tmp_path):
    write(tmp_path, "a.toml", 'name = "a"\nextends = "b"\n')
    write(tmp_path, "b.toml", 'name = "b"\nextends = "a"\n')
    message = load_error(tmp_path / "a.toml")
    assert "circle" in message
    assert str(tmp_path / "a.toml") in message


def test_extends_itself(tmp_path):
    path = write(tmp_path, "self.toml", 'name = "self"\nextends = "self"\n')
    assert "circle" in load_error(path)


def test_extends_resolves_next_to_the_file(tmp_path):
    write(tmp_path, "base.toml", 'name = "base"\n[policy.legal_aid]\nshare_summoned = 0.5\n')
    child = write(tmp_path, "child.toml",
                  'name = "child"\nextends = "base"\n[policy.shelter]\nnight_places_per_10k = 4.0\n')
    scenario = load_scenario(child)
    assert scenario.name == "child"
    assert scenario.policy.legal_aid.share_summoned == 0.5
    assert scenario.policy.shelter.night_places_per_10k == 4.0
    assert scenario.files == (str(tmp_path / "base.toml"), str(child))


def test_error_in_child_is_attributed_to_child(tmp_path):
    parent = write(tmp_path, "parent.toml", 'name = "parent"\n[policy.legal_aid]\nshare_summoned = 0.5\n')
    child = write(tmp_path, "child.toml", 'name = "child"\nextends = "parent"\n'
                                          "[policy.early_signalling]\nreach = 1.5\n")
    message = load_error(child)
    assert message.startswith(f"{child}: ")
    assert str(parent) not in message
    assert "policy.early_signalling.reach = 1.5" in message


def test_error_in_parent_is_attributed_to_parent(tmp_path):
    parent = write(tmp_path, "parent.toml", 'name = "parent"\n[policy.shelter]\nfamily_places_per_10k = -3\n')
    child = write(tmp_path, "child.toml", 'name = "child"\nextends = "parent"\n')
    message = load_error(child)
    assert message.startswith(f"{parent}: ")
    assert str(child) not in message


def test_unknown_field_in_child_is_attributed_to_child(tmp_path):
    write(tmp_path, "parent.toml", 'name = "parent"\n[policy.shelter]\nnight_places_per_10k = 4.0\n')
    child = write(tmp_path, "child.toml", 'extends = "parent"\n[policy.legal_aid]\nshare = 1.0\n')
    message = load_error(child)
    assert message.startswith(f"{child}: ")
    assert "policy.legal_aid.share" in message and "allowed here" in message


# --- valid files -----------------------------------------------------------------------------------

def test_valid_override_changes_only_what_it_overrides(tmp_path):
    path = write(tmp_path, "override.toml",
                 f'name = "override"\ndescription = "two levers"\nextends = "{BASELINE_FILE.as_posix()}"\n'
                 "[policy.early_signalling]\nreach = 0.35\n"
                 "[context.court]\nappear = 0.6\n")
    scenario = load_scenario(path)
    base = load_scenario("baseline")
    assert scenario.name == "override"
    assert scenario.description == "two levers"
    assert scenario.policy.early_signalling.reach == 0.35
    assert scenario.context.court.appear == 0.6
    assert base.policy.early_signalling.reach != 0.35
    assert base.context.court.appear != 0.6

    got, want = scenario.parameters(), base.parameters()
    want["policy"]["early_signalling"]["reach"] = 0.35
    want["context"]["court"]["appear"] = 0.6
    assert got == want
    assert scenario.files[-2:] == (str(BASELINE_FILE.resolve()), str(path))
    assert scenario.files[0].endswith("calibration/calibrated.toml")


def test_baseline_is_defaults_plus_the_calibrated_context():
    """The baseline's policy is every lever's default; its context differs from the defaults
    only in the parameters the calibration fits."""
    import tomllib

    base = load_scenario("baseline")
    assert base.policy == Policy()
    fitted = set(tomllib.loads((ROOT / "calibration" / "parameters.toml").read_text(encoding="utf-8")))
    defaults, calibrated = Context().model_dump(), base.context.model_dump()
    differing = {f"context.{g}.{k}" for g in defaults for k in defaults[g] if defaults[g][k] != calibrated[g][k]}
    assert differing and differing <= fitted


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_scenario_validates(path):
    scenario = load_scenario(path)
    assert scenario.name == path.stem  # results go to results/<name>
    assert scenario.description
    assert scenario.files[-1] == str(path)
    assert load_scenario(path.stem) == scenario


def test_there_are_shipped_scenarios():
    assert len(SHIPPED) >= 2 and BASELINE_FILE in SHIPPED


def test_multiple_extends_merge_in_order():
    package = load_scenario("ombudsman-package")
    assert package.policy.early_signalling.reach == load_scenario("ombudsman-prevention").policy.early_signalling.reach
    assert package.policy.housing_duty.families_duty is True
    assert package.policy.child_rights_test.enabled is True
    assert package.policy.legal_aid.share_summoned == 1.0
    assert package.policy.registration.enabled is True
    assert package.policy.consultation.children_heard == 0.9


# --- profiles --------------------------------------------------------------------------------------

def test_profile_shares_must_add_up_to_one(tmp_path):
    path = write(tmp_path, "town.toml", "share_single = 0.5\nshare_couple = 0.2\n"
                                        "share_single_parent = 0.1\nshare_couple_children = 0.1\n")
    with pytest.raises(ScenarioError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "0.9000" in message and "must add up to 1" in message


def test_profile_negative_households(tmp_path):
    path = write(tmp_path, "town.toml", "corporation_households = -5\n")
    with pytest.raises(ScenarioError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "corporation_households = -5" in message
    assert "greater than or equal to 0" in message


def test_profile_without_households(tmp_path):
    path = write(tmp_path, "empty.toml", "corporation_households = 0\nprivate_households = 0\n")
    with pytest.raises(ScenarioError, match="at least one household"):
        load_profile(path)


def test_profile_unknown_key(tmp_path):
    path = write(tmp_path, "town.toml", "households = 4000\n")
    with pytest.raises(ScenarioError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "households: unknown field" in message
    allowed = message.split("allowed here:", 1)[1]
    assert "corporation_households" in allowed and "share_single" in allowed


def test_profile_invalid_toml(tmp_path):
    path = write(tmp_path, "town.toml", "corporation_households = \n")
    with pytest.raises(ScenarioError, match="not valid TOML"):
        load_profile(path)


def test_profile_missing_file(tmp_path):
    with pytest.raises(ScenarioError, match="cannot be read"):
        load_profile(tmp_path / "absent.toml")


def test_valid_profile_loads_and_is_named_after_its_file(tmp_path):
    path = write(tmp_path, "mytown.toml", "corporation_households = 3000\nprivate_households = 1000\n")
    (profile,) = resolve_population(str(path))
    assert isinstance(profile, Profile)
    assert profile.name == "mytown"
    assert profile.households == 4000


def test_resolve_population_unknown_name():
    with pytest.raises(ValueError) as info:
        resolve_population("nowhere")
    message = str(info.value)
    assert "'nowhere'" in message
    for allowed in ("national", *PROFILES, "household count", "profile .toml"):
        assert allowed in message


def test_resolve_population_known_forms():
    assert resolve_population("small_town") == (PROFILES["small_town"],)
    assert len(resolve_population("national")) == 342
    assert len(resolve_population("national_types")) == 3
    (profile,) = resolve_population("2000")
    assert profile.households == 2000


# --- once bugs: each of these failed before its fix ---------------------------------------------------

def test_non_utf8_file_names_the_file(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "x"\ndescription = "café"\n'.encode("latin-1"))
    message = load_error(path)
    assert str(path) in message


def test_child_without_name_is_named_after_its_file(tmp_path):
    write(tmp_path, "base.toml", 'name = "base"\n[policy.shelter]\nnight_places_per_10k = 4.0\n')
    child = write(tmp_path, "mine.toml", 'extends = "base"\n[policy.legal_aid]\nshare_summoned = 1.0\n')
    assert load_scenario(child).name == "mine"


def test_diamond_extends_keeps_first_parents_override(tmp_path):
    write(tmp_path, "base.toml", 'name = "base"\n[policy.early_signalling]\nreach = 0.2\n')
    write(tmp_path, "p1.toml", 'name = "p1"\nextends = "base"\n[policy.early_signalling]\nreach = 0.4\n')
    write(tmp_path, "p2.toml", 'name = "p2"\nextends = "base"\n[policy.housing_duty]\nfamilies_duty = true\n')
    child = write(tmp_path, "both.toml", 'name = "both"\nextends = ["p1", "p2"]\n')
    scenario = load_scenario(child)
    assert scenario.policy.housing_duty.families_duty is True
    assert scenario.policy.early_signalling.reach == 0.4


def test_extends_with_toml_suffix_resolves_next_to_the_file(tmp_path, monkeypatch):
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    write(here, "b.toml", 'name = "near"\n[policy.legal_aid]\nshare_summoned = 0.5\n')
    write(elsewhere, "b.toml", 'name = "cwd"\n[policy.legal_aid]\nshare_summoned = 0.9\n')
    child = write(here, "c.toml", 'name = "c"\nextends = "b.toml"\n')
    monkeypatch.chdir(elsewhere)
    assert load_scenario(child).policy.legal_aid.share_summoned == 0.5


@pytest.mark.parametrize("line", ['reach = "0.5"', "acceptance = true", 'enabled = "yes"'])
def test_wrong_type_is_not_coerced(tmp_path, line):
    path = write(tmp_path, "lax.toml", f"[policy.early_signalling]\n{line}\n")
    load_error(path)


def test_a_users_file_can_extend_the_shipped_baseline(tmp_path):
    path = write(tmp_path, "mine.toml", 'extends = "baseline"\n[policy.legal_aid]\nshare_summoned = 1.0\n')
    scenario = load_scenario(path)
    assert scenario.name == "mine" and scenario.policy.legal_aid.share_summoned == 1.0


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeffname = \"bom\"\nextends = \"baseline\"\n".encode("utf-8"))
    assert load_scenario(path).name == "bom"


@pytest.mark.parametrize("name", ["", "../x", ".hidden", "a b"])
def test_a_name_that_cannot_be_a_folder_is_rejected(tmp_path, name):
    path = write(tmp_path, "n.toml", f'name = "{name}"\n')
    assert "name" in load_error(path)


def test_a_bad_calendar_month_names_the_field(tmp_path):
    path = write(tmp_path, "m.toml", '[policy.moratorium]\nscope = "all"\ncalendar_months = [13]\n')
    message = load_error(path)
    assert "policy.moratorium.calendar_months" in message and "13" in message


@pytest.mark.parametrize("text, new_name", [
    ("[context.shocks]\nonset_per_month = 0.02\n", "context.shocks.job_loss_per_month"),
    ("[context.court]\nsettle_after_verdict = 0.5\n", "context.bailiff.settle_per_month"),
    ("[context.landlords]\nsummons_hazard_private = 0.1\n", "context.landlords.summons_per_month_private"),
    ("[context.nuisance]\nonset_per_month = 0.0001\n", "context.root_causes.nuisance_per_month"),
])
def test_a_renamed_parameter_gets_a_message_naming_the_new_one(tmp_path, text, new_name):
    path = write(tmp_path, "old.toml", 'extends = "baseline"\n' + text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = str(info.value)
    assert "old.toml" in message and new_name in message and "unknown field" not in message


def test_an_override_with_a_renamed_parameter_names_the_new_one():
    with pytest.raises(ScenarioError, match=re.escape("context.landlords.summons_per_month_corporation")):
        load_scenario("baseline").override({"context": {"landlords": {"summons_hazard_corporation": 0.1}}})


def test_a_profile_with_a_removed_field_says_what_replaced_it(tmp_path):
    path = write(tmp_path, "mine.toml", "corporation_households = 100\nheadroom_median = 1.3\n")
    removed = "headroom_median: removed: incomes now come from context.incomes"
    with pytest.raises(ScenarioError, match=re.escape(removed)):
        load_profile(path)


# -- titles and summaries in people's words -------------------------------------------------------

@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_declares_a_title_and_summary_in_english_and_dutch(path):
    scenario = load_scenario(path)
    assert set(scenario.title) == set(scenario.summary) == {"en", "nl"}
    assert all(text.strip() for text in [*scenario.title.values(), *scenario.summary.values()])


@pytest.mark.parametrize("line, message", [
    ('title = "Legal aid"', 'title = \'Legal aid\': must be a table of texts by language'),
    ('title = { fr = "Aide" }', "title.'fr': unknown language; allowed: en, nl"),
    ("summary = { en = 3 }", "summary = {'en': 3}: must be a table of texts by language"),
])
def test_a_bad_title_or_summary_names_the_field_and_what_is_allowed(tmp_path, line, message):
    path = write(tmp_path, "s.toml", f'extends = "{BASELINE_FILE}"\n{line}\n')
    assert message in load_error(path)


def test_a_title_is_the_files_own_and_not_inherited(tmp_path):
    path = write(tmp_path, "s.toml", f'extends = "{SCENARIO_DIR / "ombudsman-legal-aid.toml"}"\n')
    assert load_scenario(path).title == {}
