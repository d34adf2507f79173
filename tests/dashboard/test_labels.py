"""Every name the dashboard shows is declared once, in English and Dutch, and no word table names
something the model no longer declares.

Levers and lever groups carry their labels in sim/parameters/policy.py, outcomes in
sim/pathway/outcomes.py; the dashboard keeps only its own words (i18n_model.py, the pages'
words.py), whose keys must name declared outcomes, lever choices, units or profile fields.
"""

from __future__ import annotations

from dashboard.app_pages.municipality.words import FIGURE_COLUMNS, PROFILE_FIELDS
from dashboard.i18n import CARDS, UI
from dashboard.i18n_model import CARD_LABELS, CHOICES, UNITS, VERDICTS
from dashboard.levers import levers
from sim import HEADLINE, OUTCOMES, Policy, Profile, describe

LANGUAGES = ("en", "nl")


def lacking(labels: dict[str, dict[str, str] | None], fields: tuple[str, ...] = LANGUAGES) -> list[str]:
    """The names whose label lacks a non-empty text in one of `fields`."""
    return sorted(name for name, label in labels.items()
                  if not label or any(not str(label.get(f) or "").strip() for f in fields))


def test_every_lever_has_a_name_in_both_languages_and_a_dutch_description():
    levers = {row["name"]: row["label"] for row in describe(Policy)}
    assert len(levers) >= 49
    assert lacking(levers, ("en", "nl", "doc_nl")) == []


def test_every_lever_group_has_a_name_in_both_languages():
    groups = {name: field.annotation.label for name, field in Policy.model_fields.items()}
    assert lacking({name: label._asdict() if label else None for name, label in groups.items()}) == []


def test_every_outcome_has_a_label_in_both_languages():
    labels = {o.name: {"en": o.label, "nl": o.label_nl} for o in OUTCOMES}
    assert len(labels) == len(OUTCOMES) >= 179, "two outcomes share a name"
    assert lacking(labels) == []
    assert set(HEADLINE) <= set(labels) and set(CARDS) <= set(labels)


def test_the_dashboards_word_tables_name_only_what_the_model_declares():
    outcomes = {o.name for o in OUTCOMES}
    choices = {c for lever in levers() if lever.kind == "choice" for c in lever.choices}
    profile_fields = {row["name"] for row in describe(Profile)}
    assert set(CARD_LABELS) == set(CARDS) and set(CARD_LABELS) <= outcomes
    assert set(CHOICES) == choices, "every choice of a lever has words, and every word a choice"
    assert {o.unit for o in OUTCOMES} <= set(UNITS)
    assert set(PROFILE_FIELDS) == profile_fields, "every figure of a profile has a name, and every name a figure"
    assert {n for names in FIGURE_COLUMNS.values() for n in names} <= profile_fields
    assert set(FIGURE_COLUMNS) <= set(UI)


def test_every_word_table_has_both_languages():
    for table in (CARD_LABELS, CHOICES, UNITS, VERDICTS, PROFILE_FIELDS, UI):
        assert lacking(table) == []

