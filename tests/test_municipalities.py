"""Local variation (issue 11): the generated country, municipalities' own levers and practice,
outcomes by municipality, and a user's municipalities CSV."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim import load_scenario, run
from sim.country import generated_country, read_municipalities
from sim.errors import ScenarioError
from sim.pathway.by_municipality import LOCAL_OUTCOMES
from sim.pathway.model import EvictionModel
from sim.pathway.population import NATIONAL_TYPES, PROFILES
from sim.scorecard import spread_between_municipalities

TOWNS = PROFILES["large_city"].model_copy(update={"name": "Bigcity", "corporation_households": 2500,
                                                    "private_households": 1500})


def three_towns(tmp_path):
    """A CSV of three municipalities of different types, each its own shelter region."""
    path = tmp_path / "towns.csv"
    path.write_text("name,kind,corporation_households,private_households\n"
                    "Bigcity,large_city,2500,1500\nMidtown,medium_town,2000,1000\nSmallville,small_town,1500,500\n",
                    encoding="utf-8")
    return path


def test_the_generated_country_has_the_national_totals():
    country = generated_country()
    assert len(country) == 342 and len({p.name for p in country}) == 342
    assert sum(p.corporation_households for p in country) == 2_312_981  # [CBS1]
    assert sum(p.private_households for p in country) == 1_166_607
    assert len({p.region for p in country}) == 43
    for block in NATIONAL_TYPES:  # each type holds what the calibration's three blocks hold
        mine = [p for p in country if p.kind == block.kind]
        assert sum(p.corporation_households for p in mine) == block.corporation_households
        assert sum(p.private_households for p in mine) == block.private_households
    households = np.array([p.households for p in country])
    for share in ("share_single", "share_single_parent"):
        national = sum(getattr(b, share) * b.households for b in NATIONAL_TYPES) / households.sum()
        assert abs(np.average([getattr(p, share) for p in country], weights=households) - national) < 0.01
    offers = np.mean([p.alternative_offer_practice > 1 for p in country])
    assert 0.55 < offers < 0.78  # two in three always offer alternative housing [TRG]


def test_a_lever_for_one_type_changes_that_type_and_leaves_the_others_exactly(tmp_path):
    towns = str(three_towns(tmp_path))
    base = load_scenario("baseline")
    local = base.override({"municipality.large_city.policy.debt_help.capacity_per_10k_per_month": 60.0,
                           "municipality.large_city.policy.early_signalling.outreach_capacity_per_10k_per_month": 60.0,
                           "municipality.large_city.policy.early_signalling.reach": 0.6}, name="local")
    runs = [run(s, population=towns, months=48, warmup=24, seed=4).by_municipality for s in (base, local)]
    by_town = [r.groupby("municipality", observed=True)[list(LOCAL_OUTCOMES)].sum() for r in runs]
    assert by_town[0].loc["Bigcity", "help_accepted"] < by_town[1].loc["Bigcity", "help_accepted"]
    pd.testing.assert_frame_equal(by_town[0].drop(index="Bigcity"), by_town[1].drop(index="Bigcity"))


def test_a_municipality_s_own_levers_win_over_its_type_s(tmp_path):
    scenario = load_scenario("baseline").override({
        "municipality.small_town.policy.housing_duty.families_duty": True,
        "municipality.Smallville.policy.housing_duty.families_duty": False,
        "municipality.Midtown.policy.housing_duty.families_duty": True,
        "municipality.medium_town.policy.shelter.family_places_per_10k": 3.0})
    model = EvictionModel(scenario, read_municipalities(three_towns(tmp_path)), 2, 1)
    duty = model.world.local.lever("housing_duty.families_duty", np.array([0, 1, 2]))
    assert duty.tolist() == [False, True, False]
    # the family shelter also has the places that serve families homeless for other reasons
    for index, per_10k in ((1, 3.0), (0, 0.5)):
        muni = model.world.municipalities[index]
        others = muni.block.profile.homeless_families_other_per_10k_per_year * 13 / 12
        places = round((per_10k + others) * muni.block.size / 10_000)
        assert model.world.places[(index, "family_shelter")].capacity == places


def test_a_national_lever_for_a_municipality_is_refused_with_the_local_ones(tmp_path):
    with pytest.raises(ScenarioError, match=r"municipality\.large_city\.policy\.legal_aid\.share_summoned: "
                                            r"a national lever.*local levers: .*early_signalling\.reach"):
        load_scenario("baseline").override({"municipality.large_city.policy.legal_aid.share_summoned": 1.0})
    path = tmp_path / "mine.toml"
    path.write_text('extends = "baseline"\n[municipality.Amsterdam.policy.moratorium]\nscope = "all"\n',
                    encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"mine\.toml: municipality\.Amsterdam\.policy\.moratorium\.scope: "
                                            r"a national lever"):
        load_scenario(path)
    path.write_text('extends = "baseline"\n[municipality.large_city.policy.shelter]\nfamily_places_per_10k = -1\n',
                    encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"family_places_per_10k = -1"):
        load_scenario(path)


def test_a_municipality_name_that_is_not_in_the_population_is_named(tmp_path):
    scenario = load_scenario("baseline").override({"municipality.Midtwn.policy.registration.enabled": True})
    with pytest.raises(ScenarioError, match=r"municipality\.Midtwn: no municipality.*did you mean Midtown"):
        EvictionModel(scenario, read_municipalities(three_towns(tmp_path)), 2, 1)
    EvictionModel(load_scenario("baseline").override({"municipality.large_city.policy.registration.enabled": True}),
                  (PROFILES["small_town"],), 2, 1)  # a type absent from the population is no error


@pytest.mark.parametrize("text, message", [
    ("name,corporation_households,private_households\nA,100,50\nB,many,50\n",
     r"towns\.csv, row 3, column corporation_households = 'many': Input should be a valid integer"),
    ("name,corporation_households,private_households,share_single\nA,100,50,1.5\n",
     r"row 2, column share_single = 1\.5: Input should be less than or equal to 1"),
    ("name,corporation_households,private_households,rooms\nA,100,50,3\n",
     r"column 'rooms' is not a municipality figure; allowed: name, kind"),
    ("name,corporation_households\nA,100\n", r"column private_households is missing"),
    ("name,corporation_households,private_households\nA,100,50\nA,10,5\n", r"municipality 'A' appears twice"),
    ("name,corporation_households,private_households\nA,100\n", r"row 2: has 2 cells; the header has 3 columns"),
    ("name,kind,corporation_households,private_households\nA,big city,100,50\n",
     r"row 2, column kind = 'big city': must be a word"),
    ("", r"is empty"),
])
def test_a_bad_municipalities_csv_names_the_row_and_the_column(tmp_path, text, message):
    path = tmp_path / "towns.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match=message):
        read_municipalities(path)


def test_a_csv_row_takes_its_type_s_profile_for_what_it_leaves_out(tmp_path):
    towns = read_municipalities(three_towns(tmp_path))
    assert [t.kind for t in towns] == ["large_city", "medium_town", "small_town"]
    assert towns[0].rent_private_eur == PROFILES["large_city"].rent_private_eur
    assert towns[2].rehousing_factor == PROFILES["small_town"].rehousing_factor


def test_outcomes_by_municipality_add_up_to_the_national_ones():
    result = run("baseline", population="national", months=24, warmup=12, scale=0.02, seed=2)
    local, monthly = result.by_municipality, result.monthly
    assert local["municipality"].nunique() == 342 and set(local["year"]) == {0, 1}
    for name in ("signals", "summonses", "evictions", "children_evicted", "cohort_family_evictions"):
        assert local[name].sum() == pytest.approx(monthly[name].sum())
    spread = spread_between_municipalities(result, min_cohort=1)
    assert set(spread["indicator"]) <= {"family_separated", "homeless_after_eviction", "alternative_housing"}
    assert ((spread.p10 <= spread.p90) & (spread.p90 <= 1) & (spread.p10 >= 0)).all()
    assert (spread.beyond_chance == ((spread.p90 - spread.p10) > (spread.chance_p90 - spread.chance_p10))).all()


def test_same_practice_everywhere_levels_the_municipalities_practice():
    country = generated_country()[:20]
    varied = EvictionModel(load_scenario("baseline"), country, 2, 1)
    same = EvictionModel(load_scenario("baseline").override({"policy.practice.same_everywhere": True}), country, 2, 1)
    assert np.ptp(varied.world.local.practice["outreach_practice"]) > 0.2
    assert all((values == 1.0).all() for values in same.world.local.practice.values())


def test_the_national_population_is_the_real_municipalities():
    """A council finds itself by name: the 342 municipalities of 1 Jan 2023 with CBS code, province,
    type and shelter region; their households add up to the national totals, and every figure that
    is estimated says so (docs/data.md)."""
    from sim.country import municipality_table

    table = municipality_table().set_index("name")
    country = {p.name: p for p in generated_country()}
    assert len(table) == len(country) == 342 and table["code"].is_unique
    for name, code, province in (("Amsterdam", "GM0363", "Noord-Holland"), ("Zwolle", "GM0193", "Overijssel"),
                                 ("Vaals", "GM0981", "Limburg")):
        assert table.loc[name, "code"] == code and table.loc[name, "province"] == province
        assert country[name].region == table.loc[name, "region"] and country[name].kind == table.loc[name, "type"]
    assert sum(p.households for p in country.values()) == 2_312_981 + 1_166_607  # [CBS1]
    assert table[["corporation_estimated", "private_estimated", "region_estimated"]].all().all()
    assert table.loc["Amsterdam", "corporation_households"] > table.loc["Zwolle", "corporation_households"] > \
        table.loc["Vaals", "corporation_households"]


def test_the_municipalities_file_is_what_its_sources_give():
    """data/municipalities_2023.csv is built from data/municipality_sources.csv by the script next to it:
    the file in the repository is the one the script makes."""
    import csv

    from sim.data import make_municipalities as make

    with make.SOURCES.open(encoding="utf-8", newline="") as f:
        built = pd.DataFrame(make.build(list(csv.DictReader(f))))
    stored = pd.read_csv(make.OUT, dtype={"code": str})
    pd.testing.assert_frame_equal(built[list(make.COLUMNS)].reset_index(drop=True), stored, check_dtype=False)
