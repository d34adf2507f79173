"""Sweep files with mistakes: one line naming the problem, a "did you mean" for misspelt names, and
never a dump of the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.experiments.sweep_spec import load_spec
from sim.scenario import ScenarioError, load_scenario

GOOD = '"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0 }'


def spec_file(folder: Path, body: str) -> Path:
    path = folder / "spec.toml"
    path.write_text('name = "spec"\npopulation = "3000"\n' + body, encoding="utf-8")
    return path


def spec_error(path: Path) -> str:
    with pytest.raises(ScenarioError) as info:
        load_spec(path)
    return str(info.value)


@pytest.mark.parametrize("body, expected", [
    (f'replicatons = 2\n[parameters]\n{GOOD}\n', "replicatons: unknown field (did you mean replications?)"),
    ('[parameters]\n"policy.legal_aid.share_sumoned" = { min = 0.0, max = 1.0 }\n',
     "unknown parameter 'policy.legal_aid.share_sumoned' (did you mean policy.legal_aid.share_summoned?)"),
    (f'outcomes = ["evicions"]\n[parameters]\n{GOOD}\n', "unknown outcome(s) ['evicions'] (did you mean evictions?)"),
    ('[parameters]\n"context.court.settle_after_verdict" = { min = 0.1, max = 0.5 }\n',
     "unknown parameter 'context.court.settle_after_verdict': now context.bailiff.settle_per_month"),
    ('[uncertainties]\n"context.nuisance.onset_per_month" = { min = 0.0, max = 0.001 }\n[levers]\n' + GOOD + "\n",
     "unknown parameter 'context.nuisance.onset_per_month': now context.root_causes.nuisance_per_month"),
])
def test_a_misspelt_name_gets_a_suggestion_and_no_dump_of_the_file(tmp_path, body, expected):
    path = spec_file(tmp_path, body)
    message = spec_error(path)
    assert message.startswith(f"{path}: ") and expected in message
    assert "{" not in message and "'3000'" not in message, "the file is not repeated"
    assert "Value error" not in message
    assert len(message.splitlines()) == 1


def test_the_cli_prints_the_one_line(tmp_path, capsys):
    path = spec_file(tmp_path, '[parameters]\n"policy.legal_aid.share_sumoned" = { min = 0.0, max = 1.0 }\n')
    assert main(["sweep", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean policy.legal_aid.share_summoned?" in err
    assert not (tmp_path / "out").exists()


def test_a_misspelt_scenario_field_gets_a_suggestion(tmp_path):
    path = tmp_path / "typo.toml"
    path.write_text('name = "typo"\n[policy.legal_aid]\nshare_sumoned = 0.5\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"share_sumoned: unknown field \(did you mean share_summoned\?\)"):
        load_scenario(path)
