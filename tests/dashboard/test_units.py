"""The dashboard's small helpers as examples: numbers in two languages, the family story, levers
read from the model's declarations, uploaded profiles, and how `evictsim dashboard` starts."""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure

from dashboard import levers, profiles
from dashboard.app_pages.journeys import figure as journey_figure
from dashboard.app_pages.journeys import view as journey_view
from dashboard.app_pages.journeys.words import SHORT, STORY
from dashboard.i18n import number, t, verdict_text
from sim.parameters import Policy, describe
from sim.pathway.population import PROFILES


def test_numbers_read_naturally_in_both_languages():
    assert number(1234.5, "en") == "1,234"
    assert number(1234.5, "nl") == "1.234"
    assert number(0.4, "nl") == "0,4"
    assert number(-80019, "nl", signed=True, euro=True) == "-€ 80.019"
    assert number(0.0, "en", signed=True) == "0"
    assert number(float("nan"), "en") == "–"
    assert verdict_text("lower", "nl") == "▼ lager"


def test_every_ui_string_has_both_languages():
    from dashboard.i18n import UI

    missing = [key for key, entry in UI.items() if set(entry) != {"en", "nl"}]
    assert not missing
    assert t("vs", "nl", scenario="a", baseline="b") == "a tegen b"


def test_levers_come_from_the_declarations():
    declared = {row["name"]: row for row in describe(Policy)}
    assert {lv.name for lv in levers.levers()} == set(declared)
    share = levers.by_name()["legal_aid.share_summoned"]
    assert (share.kind, share.low, share.high, share.default) == ("prob", 0.0, 1.0, Policy().legal_aid.share_summoned)
    assert levers.by_name()["moratorium.scope"].choices == ("none", "all", "families")
    assert levers.decode(share, "1.5") is None and levers.decode(share, "0.4") == 0.4
    assert levers.decode(levers.by_name()["moratorium.calendar_months"], "12,1") == [1, 12]
    assert levers.changes({"legal_aid.share_summoned": 1.0}, "ombudsman-legal-aid") == {}


def test_uploaded_profile_is_validated_not_executed():
    good = b'corporation_households = 9000\nprivate_households = 3000\n'
    profile, error = profiles.load_upload(good, "my_town.toml")
    assert error is None and profile.name == "my_town" and profile.households == 12000
    for bad, words in ((b"corporation_households = 'many'", "corporation_households"),
                       (b"share_single = 0.9", "add up to"), (b"__import__('os').system('x')", "not valid TOML"),
                       (b"\xff\xfe", "UTF-8"), (b"x = 1" * 30000, "bytes")):
        profile, error = profiles.load_upload(bad, "bad.toml")
        assert profile is None and words in error and "Traceback" not in error


def test_profile_toml_round_trip(tmp_path):
    from sim.scenario import load_profile

    path = tmp_path / "town.toml"
    path.write_text(profiles.to_toml(PROFILES["small_town"]), encoding="utf-8")
    assert load_profile(path) == PROFILES["small_town"]


def test_local_services_become_levers_per_10k():
    assert profiles.per_10k({"family_shelter_places": 4.0}, 8000) == {"shelter.family_places_per_10k": 5.0}


def test_family_story_in_words():
    events = pd.DataFrame({"month": [30, 30, 31, 32, 32, 32, 40],
                           "event": ["before_court", "summons", "eviction_order", "executed", "children_separated",
                                     "moved", "rehoused"],
                           "detail": ["arrears since month 26; signalled: True; debt help: False", "arrears, legal aid",
                                      "default judgment", "arrears", "2 to foster", "rough", "regular"]})
    lines = journey_view.story(events, "en")
    # Months on the report's clock, in words: month 26 is the 27th reported month.
    assert lines[0] == (30, "In arrears since month 27. Before court: the landlord had signalled the arrears to "
                            "the municipality; the family had no debt help.")
    assert "legal aid" in lines[1][1] and "by default" in lines[2][1]
    assert journey_view.story(events.assign(detail=events.detail.str.replace(
        "arrears since month 26", "no arrears")), "en")[0][1].startswith("No rent arrears. Before court")
    warm_up = events.assign(detail=events.detail.str.replace("month 26", "month -22"))
    assert journey_view.story(warm_up, "en")[0][1].startswith("In arrears since 22 months before the report starts.")
    assert journey_view.story(warm_up, "nl")[0][1].startswith(
        "Huurachterstand sinds 22 maanden voor het begin van de rapportageperiode.")
    assert lines[4][1] == "2 children separated from the parents, to foster care."
    assert journey_view.story(events.assign(detail=events.detail.replace("2 to foster", "1 to foster")), "nl")[4][1] \
        == "1 kind van de ouders gescheiden, naar een pleeggezin."
    assert lines[5][1] == "The parents stay on the street."
    dutch = journey_view.story(events, "nl")
    assert dutch[3][1] == STORY["executed"]["nl"]
    fig = journey_figure.timeline_figure(events, "nl", "Gezin", (28, 44))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Kinderen", "Ouders wonen", "Rechter",
                                                                     "Geld en hulp"]


def test_months_are_said_on_the_report_clock():
    assert [journey_view.when(m, "en") for m in (0, 3, -1, -22)] == [
        "month 1", "month 4", "1 month before the report starts", "22 months before the report starts"]
    assert journey_view.when(-3, "nl") == "3 maanden voor het begin van de rapportageperiode"
    # The axis says months as the story does: 1 at the report's first month, none called 0.
    ticks = journey_figure.month_ticks((-30, 20))
    assert 0 in ticks and all(-30 <= x <= 20 for x in ticks) and len(ticks) <= 12
    fig = journey_figure.timeline_figure(pd.DataFrame({"month": [-5, 2], "event": ["arrears_start", "summons"],
                                                       "detail": ["", "arrears"]}), "en", "x", (-6, 12))
    fig.canvas.draw()
    said = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "1" in said and "0" not in said and "−6" in said


def test_every_logged_event_and_detail_is_told_in_words(comparison):
    logged = pd.concat([run.journeys for run in comparison.runs.values()])[["event", "detail"]].drop_duplicates()
    rare = pd.DataFrame({"event": ["stay_ended", "supervision", "summons", "rehoused", "school_change"],
                         "detail": ["doubled_up", "", "lease_breach", "urgency", "separated"]})
    pairs = pd.concat([logged, rare]).drop_duplicates()
    for lang in ("en", "nl"):
        for event, detail in zip(pairs.event, pairs.detail):
            told = journey_view.sentence(event, detail, lang)
            assert not re.search(r"[a-z]+_[a-z]+|True|False", told), (event, detail, told)  # no model code left
            assert event in SHORT, event  # the chart's and the table's short name


def timeline_with(events: pd.DataFrame) -> Figure:
    fig = journey_figure.timeline_figure(events, "en", "x", journey_figure.xlim_for(events, months=60))
    fig.canvas.draw()
    return fig


def test_school_change_labels_do_not_overlap():
    events = pd.DataFrame({"month": [10, 10, 11, 12, 30, 31, 55], "event": ["school_change"] * 7,
                           "detail": ["moved"] * 7})
    fig = timeline_with(events)
    renderer = fig.canvas.get_renderer()
    labels = [a for a in fig.axes[0].texts if "school change" in a.get_text()]
    assert [a.get_text() for a in labels] == ["school change ×4", "school change ×2", "school change"]
    boxes = [a.get_window_extent(renderer) for a in labels]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_event_names_stay_on_the_chart():
    events = pd.DataFrame({"month": [0, 20, 35, 35, 35], "event": ["arrears_start", "summons", "arrears_start",
                                                                    "arrangement", "signal"], "detail": [""] * 5})
    fig = journey_figure.timeline_figure(events, "en", "x", (-1, 36))
    fig.canvas.draw()
    renderer, axes = fig.canvas.get_renderer(), fig.axes[0].get_window_extent()
    names = [a for a in fig.axes[0].texts if a.get_text().startswith("arrears, arrangement")]
    assert names and names[0].get_window_extent(renderer).x1 <= axes.x1


def test_home_and_with_parents_differ_in_colour_and_name():
    home, with_parents = journey_figure.PLACE_STYLE["home"], journey_figure.PLACE_STYLE["with_parents"]
    assert home[0] != with_parents[0]
    fig = timeline_with(pd.DataFrame({"month": [0, 30], "event": ["arrears_start", "summons"], "detail": ["", ""]}))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["home", "with parents"]  # each written out: colour is never the only cue


def test_families_whose_path_differs_come_first_and_are_marked(comparison):
    base, other = (comparison.runs[name].journeys for name in ("baseline", "ombudsman-package"))
    found = journey_view.families(base, other)
    assert found.differs.any() and found.differs.iloc[0]
    assert found.differs.is_monotonic_decreasing
    first = found.iloc[0]
    rep, hh = int(first.replication), int(first.household)
    assert not journey_view.events_of(base, rep, hh).equals(journey_view.events_of(other, rep, hh))
    assert journey_view.family_label(first, "en").startswith("≠ paths differ")
    assert journey_view.differing(base, base) == set()
    alone = journey_view.families(base, base)
    assert not alone.differs.any() and journey_view.family_label(alone.iloc[0], "nl").startswith("= zelfde verloop")


def test_launch_command():
    from sim import dashboard_cli

    cmd = dashboard_cli.command(port=8600, headless=True)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("dashboard/app.py")
    assert cmd[5:7] == ["--browser.gatherUsageStats", "false"]
    assert cmd[-2:] == ["--server.port", "8600"] and "--server.headless" in cmd
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"  # this machine only, unless asked
    assert dashboard_cli.launch(port=70000) == 2
    assert dashboard_cli.launch(address="my host; rm") == 2
    assert dashboard_cli.address_problem("0.0.0.0") is None and dashboard_cli.address_problem("::1") is None



def test_uploads_that_cannot_be_a_profile_say_why_in_the_chosen_language():
    for data, name, en, nl in ((b"", "empty.toml", "none of a profile's figures", "geen enkel cijfer"),
                               (b"# only a comment\nname = 'x'\n", "x.toml", "none of a profile's", "geen enkel"),
                               (b"corporation_households = 9000", "town.txt", "only a .toml file", "alleen een .toml"),
                               (b"a" * 5_000_000, "big.toml", "at most 100,000 bytes", "hoogstens 100.000 bytes"),
                               (bytes(range(256)) * 4, "binary.toml", "UTF-8", "UTF-8")):
        assert profiles.load_upload(data, name, "en")[0] is None
        assert en in profiles.load_upload(data, name, "en")[1] and nl in profiles.load_upload(data, name, "nl")[1]


def test_a_partial_upload_lists_what_takes_the_defaults_and_errors_come_one_per_line():
    partial = b"corporation_households = 9000\nprivate_households = 3000\n"
    assert profiles.load_upload(partial, "town.toml")[0] is not None
    left_out = profiles.defaulted(partial)
    assert "share_single" in left_out and "corporation_households" not in left_out and "name" not in left_out
    _, error = profiles.load_upload(b"corporation_households = -5\nshare_single = 2.0\n", "bad.toml", "nl")
    lines = error.splitlines()
    assert len(lines) >= 2 and all(line.startswith("- ") for line in lines)
    assert "moet minstens" in error or "mag hoogstens" in error


def test_an_indicator_that_restates_an_input_is_shown_as_set_by_the_scenario():
    """Legal aid, appearance, children heard and housing in view restate a lever's setting: the
    table says so in both languages and never shows them as a result; the export keeps the basis."""
    from sim import run
    from sim.scorecard import scorecard

    from dashboard.i18n import scenario_title
    from dashboard.tables import scorecard_export, scorecard_wide

    card = scorecard(run("baseline", population="3000", months=12, warmup=12, seed=2))
    card.insert(0, "scenario", "baseline")
    inputs = card[card.basis == "input"]
    assert set(inputs.key) == {"alternative_housing", "legal_grounds", "legal_protection", "consultation"}
    for lang, words in (("en", "set by the scenario"), ("nl", "ingesteld door het scenario")):
        wide = scorecard_wide(card, lang)
        cells = wide[scenario_title("baseline", lang)].tolist()  # a scenario's column is headed by its title
        assert [c == words for c in cells] == (card.basis == "input").tolist()
        assert words in scorecard_export(card, lang).to_csv()
