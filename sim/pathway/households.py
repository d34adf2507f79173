"""Households: every rented dwelling and the household living in it, in NumPy arrays.

Millions of households pay their rent each month and only a few percent are ever in trouble,
so their state lives in arrays indexed by dwelling (design.md section 7). A dwelling keeps its
municipality and landlord type; its tenant changes when a household moves out (turnover,
eviction) and another moves in (tenants.py), paying the dwelling's asking rent or what it can
afford. Each household has an id fixed by where and when it moved in (`household_ids`), so
random draws follow the household, not the dwelling, and a rehoused household keeps its id in
its new home (so does a family homeless for other reasons, whose id was given when it arrived).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .population import COUPLE_CHILDREN, SINGLE_PARENT

NOBODY = np.int16(-1)
NEVER = np.int16(-1)
REFERRAL_DECLINED = np.int16(-2)  # referred_at: the landlord considered a referral and did not make one
CLEARED_EUR = 0.5  # arrears below this count as repaid (the spell ends)


def household_ids(slots: np.ndarray, month: int) -> np.ndarray:
    """Ids of households moving into `slots` in simulation `month` (month -1: the first tenants)."""
    return (np.int64(month + 2) << np.int64(32)) | np.asarray(slots, dtype=np.int64)


@dataclass
class HouseholdArrays:
    """One entry per dwelling. Fields after `hid` describe the household living there now."""

    # the dwelling
    municipality: np.ndarray      # int16, index of the Municipality agent
    private: np.ndarray           # bool, private landlord (else housing corporation)
    rent: np.ndarray              # float32, EUR/month the current tenancy's rent
    occupied: np.ndarray          # bool, a household lives here (else vacant until re-let)
    # the household
    hid: np.ndarray               # int64, household id (see household_ids)
    moved_in: np.ndarray          # int16, month the household moved in
    composition: np.ndarray       # int8, index into population.COMPOSITIONS
    adults: np.ndarray            # int8
    children: np.ndarray          # int8
    school_children: np.ndarray   # int8, children aged 4-17
    earnings: np.ndarray          # float32, EUR/month the household earns (before benefits)
    income: np.ndarray            # float32, EUR/month regular net income incl. benefits
    on_benefits: np.ndarray       # bool, lives on a benefit at the social minimum
    allowance: np.ndarray         # float32, EUR/month rent allowance (huurtoeslag)
    basic_cost: np.ndarray        # float32, EUR/month basic living costs (norm)
    short: np.ndarray             # bool, income cannot cover rent and the uncuttable basic costs
    # finances: income shocks and extra costs
    shock_kind: np.ndarray        # int8, finances.SHOCK_KINDS index of the running income shock
    shock_since: np.ndarray       # int16, month the income shock began (-1: none)
    shock_until: np.ndarray       # int16, month the income shock ends (-1: none)
    shock_income: np.ndarray      # float32, EUR/month income while the shock lasts
    cost_until: np.ndarray        # int16, month an extra cost ends (-1: none)
    cost_extra: np.ndarray        # float32, EUR/month extra cost while it lasts
    # rent and landlords: arrears and the landlord's procedure
    arrears: np.ndarray           # float32, EUR owed to the landlord
    arrears_since: np.ndarray     # int16, month the current arrears spell began (-1: none)
    contacted: np.ndarray         # bool, the landlord reached the tenant in this spell
    final_notice: np.ndarray      # bool, the landlord sent the final notice in this spell
    last_unpaid: np.ndarray       # int16, last month the household left (some of) its rent unpaid (-1: never)
    arrangement: np.ndarray       # bool, a payment plan is running
    instalment: np.ndarray        # float32, EUR/month on top of rent under the plan
    plan_broken: np.ndarray       # int16, month the last plan was broken (-1: never)
    signalled: np.ndarray         # bool, signalled to the municipality in this spell
    referred_at: np.ndarray       # int16, month the landlord considered referring a family before a summons in
    #                               this spell (-1: not yet; REFERRAL_DECLINED: considered, not referred)
    # early help: the municipality's help
    queued_since: np.ndarray      # int16, month the household joined the debt-help queue (-1: not queued)
    help_since: np.ndarray        # int16, month debt help started (-1: none)
    help_until: np.ndarray        # int16, month debt help ends (-1: none)
    direct_payment: np.ndarray    # bool, rent withheld from the benefit
    funded_at: np.ndarray         # int16, month the arrears fund last paid this household's arrears (-1: never)
    supplement_until: np.ndarray  # int16, month a housing-cost supplement ends (-1: none)
    supplement_eur: np.ndarray    # float32, EUR/month of the housing-cost supplement while it runs
    support: np.ndarray           # int8, a supported tenancy: rehousing.SECOND_CHANCE or HOUSING_FIRST (0: none)
    support_until: np.ndarray     # int16, month the support ends (-1: none)
    # root causes
    nuisance_since: np.ndarray    # int16, month a nuisance case began (-1: none)
    # court and bailiff: the docket (docket.py; at most one open case per household)
    case_stage: np.ndarray        # int8, docket.NO_CASE / HEARING / ORDERED
    case_cause: np.ndarray        # int8, index into outcomes.CAUSES
    case_due: np.ndarray          # int16, month of the hearing or the bailiff's date
    case_since: np.ndarray        # int16, month the case reached its current stage
    case_aid: np.ndarray          # bool, legal aid (stays with the case and a conditional verdict)
    case_heard: np.ndarray        # bool, the children were heard in a family's court case
    conditional_until: np.ndarray  # int16, month a conditional verdict's plan ends (-1: none)
    conditional_missed: np.ndarray  # int8, months of rent missed since the conditional verdict
    # bookkeeping
    watch: np.ndarray             # bool, the rent phase looks at this household (see rent.py)
    next_miss: np.ndarray         # int16, month a quiet household short of money misses rent next (-1: none)
    followed: np.ndarray          # bool, the household's journey is logged (journeys.py)

    @property
    def size(self) -> int:
        return int(self.rent.size)

    def start_watching(self, ids: np.ndarray) -> None:
        """The rent phase looks at these households again (their money, costs or plans changed)."""
        self.watch[ids] = True

    def in_help(self, t: int, ids: np.ndarray) -> np.ndarray:
        return self.help_until[ids] > t

    def families(self, ids: np.ndarray) -> np.ndarray:
        """Which of `ids` are households with children (bool mask)."""
        comp = self.composition[ids]
        return (comp == SINGLE_PARENT) | (comp == COUPLE_CHILDREN)

    def end_spell(self, ids: np.ndarray | int) -> None:
        """The arrears spell is over: the landlord's procedure starts afresh next time."""
        self.arrears[ids] = 0.0
        self.arrears_since[ids] = NEVER
        self.contacted[ids] = False
        self.final_notice[ids] = False
        self.arrangement[ids] = False
        self.instalment[ids] = 0.0
        self.signalled[ids] = False
        self.referred_at[ids] = NEVER

    def clear_household(self, ids: np.ndarray) -> None:
        """Forget what happened to the household that lived in `ids` (it moved out): its shocks,
        arrears, procedures, help and court case. Who it was (MOVE_IN_FIELDS) stays until the next
        household moves in and writes its own; nothing reads it from an empty dwelling; nor are the
        GATED_FIELDS read before they are written again. (Each field cleared is a scattered write
        over the whole country's array, the costliest part of a move.)"""
        for name in CLEARED_FIELDS:
            getattr(self, name)[ids] = EMPTY[name]
        self.occupied[ids] = False


DWELLING_FIELDS = ("municipality", "private", "rent", "occupied")
# Who the household is: every move-in writes these anew (tenants.Tenants.move_in and
# evictions.move_back_in, both through Tenants.settle), and an empty dwelling's are never read
# (whatever looks at all dwellings takes only the occupied ones).
MOVE_IN_FIELDS = ("hid", "moved_in", "composition", "adults", "children", "school_children", "earnings",
                  "income", "on_benefits", "allowance", "basic_cost", "short", "followed")
# The value of each household field in an empty dwelling (and before anything happened).
EMPTY = {"hid": -1, "moved_in": NEVER, "composition": 0, "adults": 0, "children": 0, "school_children": 0,
         "earnings": 0.0, "income": 0.0, "on_benefits": False, "allowance": 0.0, "basic_cost": 0.0, "short": False,
         "shock_kind": 0, "shock_since": NEVER, "shock_until": NEVER, "shock_income": 0.0, "cost_until": NEVER,
         "cost_extra": 0.0, "arrears": 0.0, "arrears_since": NEVER, "contacted": False, "final_notice": False,
         "last_unpaid": NEVER,
         "arrangement": False, "instalment": 0.0, "plan_broken": NEVER, "signalled": False, "referred_at": NEVER,
         "queued_since": NEVER, "funded_at": NEVER, "supplement_until": NEVER, "supplement_eur": 0.0,
         "help_since": NEVER, "help_until": NEVER, "support": 0, "support_until": NEVER,
         "direct_payment": False, "nuisance_since": NEVER, "case_stage": 0, "case_cause": 0, "case_due": NEVER,
         "case_since": NEVER, "case_aid": False, "case_heard": False, "conditional_until": NEVER,
         "conditional_missed": 0, "watch": False, "next_miss": NEVER, "followed": False}
DTYPES = {"hid": np.int64, "support": np.int8, "composition": np.int8, "adults": np.int8, "children": np.int8,
          "school_children": np.int8, "shock_kind": np.int8, "case_stage": np.int8, "case_cause": np.int8,
          "conditional_missed": np.int8}
# Fields read only while another field says they hold something (the gate clear_household resets):
# an income shock's kind, start and income while shock_until is in the future, an extra cost while
# cost_until is, a supplement's amount while supplement_until is, a plan's instalment while the plan
# runs. A move-out leaves them as they were; nothing reads them until they are written again.
GATED_FIELDS = ("shock_kind", "shock_since", "shock_income", "cost_extra", "supplement_eur", "instalment")
# What a move-out clears: the household's state besides who it is, gated fields apart.
CLEARED_FIELDS = tuple(name for name in EMPTY if name not in MOVE_IN_FIELDS + GATED_FIELDS)


def _dtype(name: str, value) -> type:
    if name in DTYPES:
        return DTYPES[name]
    if isinstance(value, bool):
        return bool
    if isinstance(value, float):
        return np.float32
    return np.int16


def empty_dwellings(municipality: np.ndarray, private: np.ndarray, rent: np.ndarray) -> HouseholdArrays:
    """Dwellings without tenants; tenants.move_in fills them."""
    n = rent.size
    # np.zeros leaves memory untouched until written (most fields stay empty for most households)
    households: dict[str, np.ndarray] = {
        name: np.zeros(n, _dtype(name, value)) if value == 0 else np.full(n, value, _dtype(name, value))
        for name, value in EMPTY.items()}
    return HouseholdArrays(municipality=municipality.astype(np.int16), private=private.astype(bool),
                           rent=rent.astype(np.float32), occupied=np.zeros(n, bool), **households)
