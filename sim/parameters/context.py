"""Context assumptions: the world a policy acts in (EMA Workbench's uncertainties, X).

Nothing here is a policy choice. Sweeps cross these with the levers in `policy.py`.
Source keys resolve in ../shared/domain.md; "assumption" marks a number to be calibrated
(issue: calibration) or argued for.
"""

from __future__ import annotations

from .base import Group, param, probability


class Shocks(Group):
    """Income and cost shocks: job loss, benefit problems, separation, illness."""

    onset_per_month: float = param(
        0.015, "1/month", "assumption, calibrate to arrears stock ≈6% of corporation tenants [AE22]",
        "Monthly chance that a single or couple household without children is hit by an income shock.",
        ge=0, le=1)
    single_parent_multiplier: float = param(
        3.0, "ratio", "[ESB] housing-cost arrears 3x as common among one-parent households",
        "Shock rate of single parents relative to the base rate.", ge=0, le=20)
    couple_children_multiplier: float = param(
        1.3, "ratio", "assumption", "Shock rate of couples with children relative to the base rate.",
        ge=0, le=20)
    income_loss_min: float = probability(0.2, "assumption", "Smallest share of income lost in a shock.")
    income_loss_max: float = probability(0.6, "assumption", "Largest share of income lost in a shock.")
    ordered = (("income_loss_min", "income_loss_max"),)  # a range: refused the wrong way round
    duration_months_mean: float = param(
        3.0, "months", "assumption", "Mean duration of a shock (geometric).", ge=1, le=120)


class CostOfLiving(Group):
    """Incomes, basic living costs and rents, and how they move over time."""

    basic_cost_single_eur: float = param(
        1000.0, "EUR/month", "assumption (Nibud-type basic budget, excl. rent)",
        "Basic monthly living costs of one adult, excluding rent.", ge=0, le=10000)
    basic_cost_extra_adult_eur: float = param(
        450.0, "EUR/month", "assumption", "Extra basic costs of a second adult.", ge=0, le=10000)
    basic_cost_per_child_eur: float = param(
        300.0, "EUR/month", "assumption", "Extra basic costs per child.", ge=0, le=10000)
    coping_share: float = probability(
        0.6, "assumption",
        "Share of basic costs a household cannot cut: below it, rent goes unpaid.")
    rent_growth_per_year: float = param(
        0.03, "1/year", "assumption (regulated rent increases 2022-23)",
        "Yearly rent increase.", ge=-0.5, le=0.5)
    income_growth_per_year: float = param(
        0.03, "1/year", "assumption", "Yearly income increase.", ge=-0.5, le=0.5)
    energy_shock_factor: float = param(
        1.0, "ratio", "assumption", "Multiplier on basic costs during an energy-price shock.",
        ge=0.5, le=3)
    energy_shock_start_month: int = param(
        0, "month", "assumption", "First simulated month of the energy shock.", ge=0, le=1200)
    energy_shock_months: int = param(
        0, "months", "assumption", "Length of the energy shock (0 = none).", ge=0, le=1200)


class RentPayment(Group):
    """How a household short of money builds and repays arrears."""

    miss_scale: float = param(
        0.6, "ratio", "assumption, calibrate to arrears stock [AE22]",
        "Chance of missing a month's rent = this x (shortfall / rent), capped at 1.", ge=0, le=10)
    repay_share_of_surplus: float = probability(
        0.5, "assumption", "Share of the monthly surplus used to repay arrears.")
    arrangement_repay_share: float = probability(
        0.5, "assumption", "Share of the surplus repaid under a payment arrangement.")


class Landlords(Group):
    """The landlord's arrears procedure (reminder, arrangement, signal, summons)."""

    arrangement_offer_corporation: float = probability(
        0.8, "assumption ([AE20]: 90% of corporations contact within a month)",
        "Chance a corporation offers a payment arrangement in the first months of arrears.")
    arrangement_offer_private: float = probability(
        0.4, "assumption", "Chance a private landlord offers a payment arrangement.")
    arrangement_accept: float = probability(
        0.6, "assumption", "Chance a tenant accepts an offered arrangement.")
    summons_threshold_months: float = param(
        3.0, "months of rent", "[KOP][JA] dissolution at >=3 months of arrears",
        "Arrears (in months of rent) from which a landlord may summon.", ge=1, le=24)
    summons_hazard_corporation: float = probability(
        0.015, "assumption, calibrate to corporation evictions 1,200-1,400/yr [AE21][AE22]",
        "Monthly chance that a corporation summons a tenant above the threshold.")
    summons_hazard_private: float = probability(
        0.1, "assumption, calibrate to KBvG minus Aedes ≈2,000/yr [KB4]",
        "Monthly chance that a private landlord summons a tenant above the threshold.")


    summons_family_factor: float = param(
        0.1, "ratio",
        "assumption, calibrate to 10-14% of evicted households with children [AE17][NOS12]",
        "Landlords' summons hazard for families relative to others (more tolerance, more help).",
        ge=0, le=5)


class Court(Group):
    """Kantonrechter and bailiff."""

    hearing_delay_months: int = param(
        1, "months", "assumption (NOT found in domain.md; example [DKV])",
        "Months from summons to hearing.", ge=0, le=24)
    paid_before_hearing: float = probability(
        0.14, "[KB3] 13-15.5% of summonses paid before the hearing",
        "Share of summoned tenants who pay before the hearing.")
    appear: float = probability(
        0.45, "assumption ([JA]: default judgments are common)",
        "Chance a tenant without legal aid appears at the hearing.")
    conditional_if_appear: float = probability(
        0.35, "assumption", "Chance of a conditional verdict (payment plan) for a tenant who appears.")
    verdict_for_nuisance: float = probability(
        0.6, "assumption", "Chance a nuisance case ends in an eviction order.")
    execution_delay_months: int = param(
        1, "months", "[DVD][SVH] leave within ~14 days; bevel 3 days after betekening",
        "Months from eviction order to the bailiff's date.", ge=0, le=24)
    settle_after_verdict: float = probability(
        0.45, "assumption, calibrate to 70-75% of verdicts not executed [AE05][AE20]",
        "Chance an arrears eviction order is settled (paid or arranged) before execution.")
    leave_before_execution: float = probability(
        0.3, "assumption ([SYN] ~1/3 of dwellings empty on the day)",
        "Chance an unsettled tenant leaves before the bailiff comes.")
    conditional_months: int = param(
        12, "months", "assumption", "Length of a conditional verdict's payment plan.", ge=1, le=60)


class Nuisance(Group):
    """Overlast and drug-related (Opiumwet 13b) closures: causes other than arrears."""

    onset_per_month: float = param(
        0.0001, "1/month", "assumption, calibrate to overlast ≈6.5-7% of evictions [AE05][AE12]",
        "Monthly chance a household starts a serious nuisance case.", ge=0, le=1)
    resolve_per_month: float = probability(
        0.15, "assumption", "Monthly chance warnings or mediation resolve a nuisance case.")
    escalate_per_month: float = probability(
        0.08, "assumption", "Monthly chance an unresolved nuisance case goes to court.")
    drug_closure_per_month: float = param(
        0.000005, "1/month", "assumption, calibrate to cannabis 4-5.6% of evictions [AE05][AE12]",
        "Monthly chance of a mayor's drug-related closure of a dwelling.", ge=0, le=1)
    drug_eviction: float = probability(
        0.95, "[AE12] cannabis verdicts almost always executed",
        "Chance a closure ends the tenancy.")


class AfterEviction(Group):
    """Where displaced households go and how they get back into housing."""

    network_size_mean: float = param(
        4.0, "ties", "assumption", "Mean number of relatives/friends in a household's network.",
        ge=0, le=50)
    host_willing: float = probability(
        0.6, "assumption ([AE17] evicted tenants often end up on a sofa)",
        "Chance a tie is willing and able to host.")
    host_room_persons: int = param(
        5, "persons", "assumption ([ETH2] 95% of homeless children counted were with a parent)",
        "Most persons a host can take in (room is drawn from 1 to this).", ge=1, le=20)
    host_months_mean: float = param(
        3.0, "months", "assumption", "Mean months a host keeps a household.", ge=1, le=60)
    relatives_take_children: float = probability(
        0.5, "assumption", "Chance a tie takes in the children when the family cannot stay together.")
    alternative_housing_families: float = probability(
        0.3, "assumption ([TRG] 2/3 of centrumgemeenten seek alternative housing for families)",
        "Chance an evicted family in contact gets municipal alternative housing without a duty.")
    aftercare_contact: float = probability(
        0.5, "assumption", "Chance the municipality is in contact with a household after eviction.")
    rehouse_per_month: float = probability(
        0.04, "assumption ([BRU] 1 in 3 still without a home after 1-3 years)",
        "Monthly chance a displaced household finds regular housing.")
    shelter_exit_per_month: float = probability(
        1 / 13, "[NRC19] average shelter stay 13 months", "Monthly chance of leaving shelter to housing.")
    foster_reunify_months: int = param(
        6, "months", "assumption", "Months from parents' rehousing to a foster child's return.",
        ge=0, le=120)
    leaver_own_housing: float = probability(
        0.5, "assumption", "Chance a tenant who leaves before the bailiff has a place of their own.")


class Schools(Group):
    """When a child changes school (too far, or separated)."""

    far_informal: float = probability(0.4, "assumption ([KOM][ND20] cases)",
                                      "Chance a stay with relatives/friends is too far from school.")
    far_shelter: float = probability(0.6, "assumption", "Chance a shelter is too far from school.")
    far_alternative: float = probability(0.3, "assumption",
                                         "Chance alternative housing is too far from school.")
    far_rehoused: float = probability(0.5, "assumption", "Chance a new home is too far from school.")
    far_separated: float = probability(0.8, "assumption",
                                       "Chance a child separated from parents changes school.")


class Costs(Group):
    """Costs by payer, in euros."""

    summons_eur: float = param(1000.0, "EUR/case", "assumption", "Landlord: summons and court fees.",
                               ge=0, le=1e6)
    eviction_landlord_eur: float = param(7500.0, "EUR/eviction", "[EPQ] EUR 5-10k",
                                         "Landlord: cost of an executed eviction.", ge=0, le=1e6)
    court_case_eur: float = param(600.0, "EUR/case", "assumption", "National: court's cost of a case.",
                                  ge=0, le=1e6)
    legal_aid_eur: float = param(1000.0, "EUR/case", "assumption", "National: legal aid per case.",
                                 ge=0, le=1e6)
    outreach_eur: float = param(150.0, "EUR/reached", "assumption",
                                "Municipality: outreach per household reached.", ge=0, le=1e6)
    debt_help_eur: float = param(2400.0, "EUR/case", "[NIJ] ≈EUR 2,400 per household",
                                 "Municipality: debt help per case.", ge=0, le=1e6)
    shelter_month_eur: float = param(1250.0, "EUR/household-month", "[EV] ≈EUR 15k per place per year",
                                     "Municipality: a shelter place for a month.", ge=0, le=1e6)
    alternative_housing_month_eur: float = param(
        900.0, "EUR/household-month", "assumption",
        "Municipality: alternative (temporary) housing for a month.", ge=0, le=1e6)
    foster_child_month_eur: float = param(
        3333.0, "EUR/child-month", "[NRCF] ~EUR 40k per placement per year (unverified)",
        "Youth care: a child in foster care for a month.", ge=0, le=1e6)
    homeless_adult_month_eur: float = param(
        2500.0, "EUR/adult-month", "[EV] EUR 30-85k per homeless person per year (low end, assumption)",
        "National: societal cost of an adult sleeping rough or sofa-surfing for a month.", ge=0, le=1e6)


class Context(Group):
    """All context assumptions, by stage of the pathway."""

    shocks: Shocks = Shocks()
    cost_of_living: CostOfLiving = CostOfLiving()
    rent_payment: RentPayment = RentPayment()
    landlords: Landlords = Landlords()
    court: Court = Court()
    nuisance: Nuisance = Nuisance()
    after_eviction: AfterEviction = AfterEviction()
    schools: Schools = Schools()
    costs: Costs = Costs()
