"""Notes on outcomes that invite a wrong comparison: pairs that look alike but are counted on
different bases. `evictsim outcomes` prints them under the outcomes they concern, and
docs/model.md ("Reading the outcomes") explains them; the counting itself is the model's
(sim/pathway/outcomes.py), which declares every outcome once.
"""

from __future__ import annotations

NOTES: dict[str, str] = {
    "households": "occupied dwellings counted once every 12 months (at the start of each reported year with "
                  "the default warm-up) and held in between; households_in_arrears is counted at the end of every "
                  "month, so their ratio is not a share (it has exceeded 1 in extreme parameter draws)",
    "households_in_arrears": "counted at the end of every month; households is counted once a year, so do not "
                             "divide one by the other month by month (see households)",
    "children_evicted": "children in households the bailiff evicted (executed evictions only); children of "
                        "families who left after the eviction order but before the bailiff came are not counted "
                        "here but are displaced too (see children_separated)",
    "children_separated": "every child separated from its parents after its family lost its home: after an "
                          "executed eviction, after leaving before the bailiff came, or after a supported tenancy "
                          "failed, in the month of the separation; not a subset of children_evicted, so it can "
                          "exceed it (compare cohort_children_separated with cohort_children instead)",
}
