"""The address is the whole view: every parameter the page writes reads back without a warning,
and a link restores the controls without simulating anything (nothing runs before Run)."""

from __future__ import annotations

import pytest

from dashboard import state

from .conftest import QUICK, app, ran

# A view that sets every parameter the page can write, each to something other than its default.
EVERY_KEY = {"lang": "nl", "present": "1", "population": "custom", "baseline": "baseline",
             "scenario": ["ombudsman-legal-aid", "ombudsman-package"], "reps": "2", "draws": "4", "months": "36",
             "seed": "7", "custom": "baseline", "lever": ["legal_aid.share_summoned=1.0"], "profile": "medium_town",
             "pf": ["share_single_parent=0.2"], "mun": ["family_shelter_places=5"], "household": "0-12",
             "other": "ombudsman-package", "outcome": "children_evicted", "sweep": "tiny", "sweep_outcome": "evictions",
             "sweep_param": "policy.legal_aid.share_summoned", "own": "Zwolle"}


def written(at) -> dict[str, list[str]]:
    return {k: list(at.query_params.get_all(k)) if hasattr(at.query_params, "get_all") else
            [v] if isinstance(v := at.query_params[k], str) else list(v) for k in at.query_params}


def test_every_key_the_page_writes_is_one_it_reads():
    assert set(EVERY_KEY) <= set(state.KNOWN)
    at = ran(app(**EVERY_KEY))
    assert not at.warning, [w.value for w in at.warning]
    address = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
    assert set(address) <= set(state.KNOWN), set(address) - set(state.KNOWN)
    for key, value in EVERY_KEY.items():  # each one survives the round trip as it was given
        assert address.get(key) == (value if isinstance(value, list) else [value]), key


def test_the_default_address_reopens_without_a_warning():
    first = ran(app())
    address = dict(first.query_params.items())
    assert "draws" in address  # the posterior draws are part of every address
    again = ran(app(**address))
    assert not again.warning, [w.value for w in again.warning]


@pytest.mark.parametrize("params", [{"lang": "en", "draws": "8"}, {}], ids=["lang=en&draws=8", "tests' quick address"])
def test_an_address_with_draws_opens_without_a_warning(params):
    """Issue 23's link, and the quick address every dashboard test opens (conftest.QUICK): each part
    is read, none is dropped with a warning, and the draws asked for are the ones the sidebar holds."""
    at = ran(app(**params))
    assert not at.warning, [w.value for w in at.warning]
    assert at.session_state["posterior"] == int(params.get("draws", QUICK["draws"]))


def test_a_link_asks_for_run_and_simulates_nothing():
    from dashboard.runs import _store

    before = set(_store())
    at = ran(app(population="small_town", draws="4"))
    assert any(b.key == "run_page" for b in at.button) and not at.metric
    assert "press **Run**" in " ".join(i.value for i in at.info)
    assert set(_store()) == before
