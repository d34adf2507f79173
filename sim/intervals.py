"""What the interval of a comparison covers, in plain words (English and Dutch).

A comparison's table carries for each scenario and outcome the paired difference against the
baseline and its 90 % interval (`diff`, `diff_low`, `diff_high`). Which uncertainty that interval
holds is declared in `comparison.meta["uncertainty"]`:

    {"covers": "noise" | "noise and parameters", "posterior_draws": int, "replications": int}

A comparison without that entry (all comparisons before parameter uncertainty was added) covers
simulation noise only. Every page and export that shows an interval puts `covers_sentence` under
it, so that the sentence changes in one place when the comparison changes what it covers.
"""

from __future__ import annotations

from typing import Any

NOISE = "noise"
NOISE_AND_PARAMETERS = "noise and parameters"

SENTENCES = {
    NOISE: {
        "en": "The 90 % intervals cover simulation noise only: how much the result moves between {reps} paired "
              "replications with different luck for the same households. They do not cover uncertainty in the "
              "model's assumptions, so the true range is wider.",
        "nl": "De 90%-intervallen geven alleen de toevalsvariatie van de simulatie weer: hoeveel de uitkomst "
              "verschilt tussen {reps} gepaarde herhalingen waarin dezelfde huishoudens ander toeval treffen. "
              "Onzekerheid in de aannamen van het model zit er niet in; de werkelijke bandbreedte is dus groter.",
    },
    NOISE_AND_PARAMETERS: {
        "en": "The 90 % intervals cover simulation noise ({reps} paired replications per draw) and what we do not "
              "know about the calibrated parameters and the policies' effect sizes ({draws} joint draws). They do "
              "not cover choices the model makes that no data can test.",
        "nl": "De 90%-intervallen omvatten de toevalsvariatie van de simulatie ({reps} gepaarde herhalingen per "
              "trekking) en wat we niet weten over de gekalibreerde parameters en de effectgroottes van de "
              "maatregelen ({draws} gezamenlijke trekkingen). Keuzes in het model die met geen enkel gegeven te "
              "toetsen zijn, zitten er niet in.",
    },
}
SINGLE = {"en": "With one replication there is no interval: the figures show one possible course, not how "
                "certain it is.",
          "nl": "Met één herhaling is er geen interval: de cijfers tonen één mogelijk verloop, niet hoe zeker "
                "dat is."}


def interval_coverage(meta: dict[str, Any]) -> dict[str, Any]:
    """The comparison's `uncertainty` entry, or what an older comparison's intervals cover: noise
    over the baseline's replications."""
    declared = meta.get("uncertainty")
    if isinstance(declared, dict) and declared.get("covers") in SENTENCES:
        return {"posterior_draws": 0, "replications": _replications(meta), **declared}
    return {"covers": NOISE, "posterior_draws": 0, "replications": _replications(meta)}


def _replications(meta: dict[str, Any]) -> int:
    runs = meta.get("runs", {})
    base = runs.get(meta.get("baseline"), {})
    return len(base.get("replication_seeds", [])) or int(base.get("replications", 0) or 0)


def covers_parameters(meta: dict[str, Any]) -> bool:
    """Whether the intervals cover parameter uncertainty too (so that a noise-only one exists)."""
    return interval_coverage(meta)["covers"] == NOISE_AND_PARAMETERS


def covers_sentence(meta: dict[str, Any], lang: str = "en") -> str:
    """One plain sentence (two at most) on what the comparison's intervals cover, in `lang` ("en", "nl")."""
    u = interval_coverage(meta)
    if u["replications"] == 1 and u["covers"] == NOISE:
        return SINGLE[lang]
    text = SENTENCES[u["covers"]][lang]
    return text.format(reps=u["replications"], draws=u["posterior_draws"])
