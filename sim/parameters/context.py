"""Context assumptions: the world a policy acts in (EMA Workbench's uncertainties, X).

Nothing here is a policy choice. Sweeps cross these with the levers in `policy.py`.
Source keys resolve in ../shared/domain.md and domain2.md; "assumption" marks a number that is
calibrated (calibration/parameters.toml) or argued for, with its plausible range in the text.
Euros are at 2024 prices (the bijstand norms [VEL24a]); prices stay constant over a run unless
a scenario sets real rent or income growth.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from .base import Group, param, probability
from .costs import Costs

MAKEUP_WEIGHTS = (0.948, 0.937, 1.012, 1.084, 1.088, 0.937, 0.986, 1.008)  # benchmarks/makeup_weights.py


class Incomes(Group):
    """Net household income: earnings from a distribution by household type, or a benefit at the
    social minimum when earnings fall below it; child benefits on top; income changes over time."""

    benefit_norm_single_eur: float = param(
        1283.83, "EUR/month", "[VEL24a] bijstand norm, single adult 21+, 1 Jan 2024",
        "Net social-minimum benefit of a single adult (also single parents).", ge=0, le=10000)
    benefit_norm_couple_eur: float = param(
        1834.04, "EUR/month", "[VEL24a] bijstand norm, couple, 1 Jan 2024",
        "Net social-minimum benefit of a couple.", ge=0, le=10000)
    child_benefits_eur: float = param(
        250.0, "EUR/month per child",
        "assumption, range 150-350 (kinderbijslag plus kindgebonden budget; not in the domain notes)",
        "Child benefits per child, for every family.", ge=0, le=5000)
    earnings_single_eur: float = param(
        1500.0, "EUR/month", "assumption, range 1,200-2,000 ([AED-B] 80% of corporation tenants below "
        "EUR 34,229 a year); checked against the share on benefits and the betaalrisico share [PBL]",
        "Median net earnings of a single adult renting from a corporation.", ge=0, le=20000)
    earnings_couple_eur: float = param(
        2500.0, "EUR/month", "assumption, range 2,000-3,200 (as above)",
        "Median net earnings of a couple renting from a corporation.", ge=0, le=20000)
    earnings_single_parent_eur: float = param(
        1600.0, "EUR/month", "assumption, range 1,200-2,100 (as above)",
        "Median net earnings of a single parent renting from a corporation.", ge=0, le=20000)
    earnings_couple_children_eur: float = param(
        2800.0, "EUR/month", "assumption, range 2,200-3,500 (as above)",
        "Median net earnings of a couple with children renting from a corporation.", ge=0, le=20000)
    earnings_spread: float = param(
        0.45, "log-sd", "assumption, range 0.3-0.6", "Spread of earnings (log-normal).", ge=0, le=2)
    private_earnings_factor: float = param(
        1.35, "ratio", "assumption, range 1.1-1.6 ([AED-B] about 30% of other tenants below EUR 34,229 "
        "against 80% of corporation tenants)",
        "Earnings of private tenants relative to corporation tenants of the same type.", ge=0.1, le=10)
    life_change_per_month: float = probability(
        0.03, "[TRW17] derived: 37% of poor renters of 2012 were poor 4 years in a row, so about a third "
        "of the poor leave poverty each year; range 0.015-0.05",
        "Monthly chance that a household's earnings change for good (new job, pay rise, retirement, "
        "a benefit): they are drawn anew from its type's distribution, close to what they were "
        "(earnings_persistence).")
    earnings_persistence: float = probability(
        0.7, "assumption, range 0.5-0.9 ([TRW17] poverty persists: 37% of poor renters of 2012 were poor four "
        "years in a row; a new job pays much like the last)",
        "Correlation of a household's (log) earnings before and after a lasting change: 0 draws them afresh "
        "from the type's distribution, 1 keeps them.")


class RentAllowance(Group):
    """Huurtoeslag: a share of the rent above a base rent that rises with income, up to a rent limit.
    A simplification of the rules, checked against 1.46m recipients (≈42% of rented dwellings)
    [ESB-HT] and an average of about EUR 175 a month [NUL20-HT]."""

    base_rent_eur: float = param(
        230.0, "EUR/month", "assumption, range 200-260 (the basishuur; not in the domain notes)",
        "Rent a household on the social minimum pays itself before the allowance starts.", ge=0, le=5000)
    subsidy_share: float = probability(
        0.8, "assumption, range 0.65-1 (the rules pay 100% up to a quality limit, 65% above)",
        "Share of the rent above the base rent that the allowance pays.")
    income_taper: float = param(
        0.5, "EUR per EUR", "assumption, range 0.3-0.7, checked against the share of recipients [ESB-HT]",
        "Rise of the base rent per euro of income above the social minimum.", ge=0, le=5)
    rent_limit_eur: float = param(
        880.0, "EUR/month", "assumption (the liberalisation limit, ≈EUR 880 in 2024; not in the domain notes)",
        "Rents above this get no allowance.", ge=0, le=10000,
        prior=(800.0, 950.0))


class Shocks(Group):
    """Income and cost shocks with an onset and a recovery: job loss, a benefit stopped or
    sanctioned, a separation, an unexpected cost."""

    job_loss_per_month: float = param(
        0.006, "1/month", "assumption, calibrated, prior 0.002-0.012 (304,770 people entered WW in 2019 [CBS-WW], "
        "a few % of workers a year; renters more often)",
        "Monthly chance that a household living on earnings loses (most of) them.", ge=0, le=1)
    job_loss_income_share: float = probability(
        0.7, "assumption, range 0.6-0.8 (unemployment benefit WW pays about 70% of the wage)",
        "Share of earnings that remains after a job loss (WW), never below the social minimum.")
    benefit_gap_months: int = param(
        1, "months", "assumption, range 0-2 (unemployment benefit or bijstand starts weeks after a job ends)",
        "Months after a job loss before a benefit is paid.", ge=0, le=6)
    benefit_gap_income_share: float = probability(
        0.3, "assumption, range 0-0.6 (the last wage, holiday pay, savings)",
        "Share of earnings the household has in the months before its benefit starts.")
    job_finding_per_month: float = probability(
        0.12, "[CBS-WW] derived: 41% still on WW after 6 months, 27% after 12",
        "Monthly chance that a household that lost its job finds work again.")
    benefit_problem_per_month: float = param(
        0.004, "1/month", "assumption, range 0.001-0.015 (sanction rates NOT found [domain2 §3])",
        "Monthly chance that a benefit is stopped, cut or sanctioned.", ge=0, le=1)
    benefit_problem_loss: float = probability(
        0.5, "assumption, range 0.2-1", "Share of the benefit lost while the problem lasts.")
    benefit_problem_months_mean: float = param(
        2.0, "months", "assumption, range 1-4", "Mean duration of a benefit problem (geometric).", ge=1, le=60)
    separation_per_year: float = probability(
        0.02, "[BLK25] 1.2% of married and 3% of cohabiting parents separate each year",
        "Yearly chance that a couple separates.")
    separation_income_loss: float = probability(
        0.35, "assumption, range 0.2-0.5 (the partner's income leaves; benefits and alimony take months)",
        "Share of income lost after a separation until the household has adjusted.")
    separation_months_mean: float = param(
        6.0, "months", "assumption, range 3-12", "Mean months until the household has adjusted (geometric).",
        ge=1, le=120)
    cost_shock_per_month: float = probability(
        0.01, "assumption, range 0.003-0.03 (an illness, a broken appliance, an energy bill)",
        "Monthly chance of an unexpected cost.")
    cost_shock_eur_min: float = param(100.0, "EUR/month", "assumption, range 50-150", "Smallest extra monthly cost.",
                                      ge=0, le=10000)
    cost_shock_eur_max: float = param(400.0, "EUR/month", "assumption, range 200-800", "Largest extra monthly cost.",
                                      ge=0, le=10000)
    cost_shock_months_mean: float = param(3.0, "months", "assumption, range 1-6",
                                          "Mean duration of an unexpected cost (geometric).", ge=1, le=60)
    ordered = (("cost_shock_eur_min", "cost_shock_eur_max"),)  # a range: refused the wrong way round


class CostOfLiving(Group):
    """Basic living costs, and how rents and incomes move over time (constant prices by default)."""

    basic_cost_single_eur: float = param(
        1000.0, "EUR/month", "assumption, range 850-1,100 (Nibud-type basic budget excluding rent), checked "
        "against the betaalrisico share [PBL]", "Basic monthly living costs of one adult, excluding rent.",
        ge=0, le=10000)
    basic_cost_extra_adult_eur: float = param(
        450.0, "EUR/month", "assumption, range 350-550", "Extra basic costs of a second adult.", ge=0, le=10000)
    basic_cost_per_child_eur: float = param(
        300.0, "EUR/month", "assumption, range 200-400", "Extra basic costs per child.", ge=0, le=10000)
    coping_share: float = probability(
        0.6, "assumption, calibrated, prior 0.35-0.85 (NOT found: how far a household in arrears can cut its "
        "spending; Nibud-type minimum budgets are well below the usual ones)",
        "Share of basic costs a household cannot cut: the floor it squeezes its spending to under a payment "
        "plan, debt help, a conditional verdict, or once the landlord's final notice has come.")
    rent_growth_per_year: float = param(
        0.0, "1/year", "assumption: constant prices; set a real rise to test rents outpacing incomes",
        "Yearly real rent increase.", ge=-0.5, le=0.5)
    income_growth_per_year: float = param(
        0.0, "1/year", "assumption: constant prices", "Yearly real income increase.", ge=-0.5, le=0.5)
    energy_shock_factor: float = param(
        1.0, "ratio", "assumption", "Multiplier on basic costs during an energy-price shock.", ge=0.5, le=3)
    energy_shock_start_month: int = param(
        0, "month", "assumption", "First reported month of the energy shock.", ge=0, le=1200)
    energy_shock_months: int = param(
        0, "months", "assumption", "Length of the energy shock (0 = none).", ge=0, le=1200)


class RentPayment(Group):
    """How a household short of money misses rent and repays arrears."""

    miss_scale: float = param(
        0.3, "ratio", "assumption, calibrated, prior 0.05-3",
        "Chance of missing a month's rent = this x (shortfall / rent) ^ miss_exponent, capped at 1; the "
        "shortfall is rent plus basic costs minus the money the household has (at most the rent).", ge=0, le=10)
    miss_exponent: float = param(
        1.0, "ratio", "assumption, calibrated, prior 1-4 (NOT found: a household a little short juggles its "
        "bills and rarely leaves the rent unpaid, one with nothing left for rent rarely pays it)",
        "How steeply the chance of missing rent rises with the shortfall (1: in proportion).", ge=0.5, le=10)
    repay_share_of_surplus: float = probability(
        0.5, "assumption, range 0.3-0.8", "Share of the monthly surplus repaid without an arrangement, before the "
        "landlord's final notice.")
    deficit_on_rent: float = probability(
        0.5, "assumption, calibrated, prior 0.1-1 (NOT found; [STC18] about half of debt-help clients had energy "
        "arrears: households short of money fall behind on several bills)",
        "Under pressure (rent first), the share of what a household cannot pay even at the floor of its "
        "spending that it leaves unpaid on the rent; the rest falls on its other bills.")
    repay_share_under_pressure: float = probability(
        0.8, "assumption, calibrated, prior 0.2-1 ([AED20] an eviction notice ends in payment in 3 of 4 cases; "
        "[NU21] a corporation's home visit in most cases resolves the arrears; [ARN18][NUW17] 60-83% of "
        "households reached early pay again)",
        "Share of its surplus (with spending cut to the floor, context.cost_of_living.coping_share) a tenant "
        "repays each month once the landlord's final notice has come and no plan runs: the pressure of the "
        "procedure puts rent first.")


class Turnover(Group):
    """Tenants leave (a move, a partner, a care home, death) and new tenants move in."""

    corporation_per_year: float = probability(
        0.07, "[CBS-VR22] derived: 162,500 re-lets of 2,312,981 corporation dwellings (2022)",
        "Yearly share of corporation tenants who move out.")
    private_per_year: float = probability(
        0.12, "assumption, range 0.08-0.2 (private turnover NOT found; higher than corporations)",
        "Yearly share of private tenants who move out.")
    in_arrears_factor: float = param(
        2.0, "ratio", "assumption, calibrated, prior 1-8 ([AE14b] tenants leave over arrears, no rate found)",
        "Move-out rate of tenants in arrears relative to others.", ge=0, le=20)
    makeup_weights: list[float] = Field(
        default_factory=lambda: list(MAKEUP_WEIGHTS),
        description="How often each make-up (single, couple, single parent with 1/2/3 children, couple with "
                    "1/2/3 children) is drawn among new tenants relative to the profile's shares: groups that "
                    "leave the rented stock faster (arrears, eviction) are replaced more often, so that the "
                    "baseline's make-up stays at the profile's. Derived from the model's baseline "
                    "(benchmarks/makeup_weights.py); policies that change who leaves change the make-up.")

    @field_validator("makeup_weights")
    @classmethod
    def _eight_positive(cls, weights: list[float]) -> list[float]:
        if len(weights) != 8 or min(weights) <= 0:
            raise ValueError(f"needs 8 positive weights (one per make-up), not {weights}")
        return weights


class Landlords(Group):
    """The landlord's arrears procedure: contact, arrangement, (signal: policy), summons."""

    contact_corporation: float = probability(
        0.9, "[AE20] 90% of corporations contact a tenant within a month",
        "Monthly chance that a corporation reaches a tenant in arrears it has not yet reached.")
    contact_private: float = probability(
        0.6, "assumption, range 0.3-0.9", "The same for private landlords.")
    repaid_at_contact: float = probability(
        0.5, "assumption, range 0.3-0.8 ([NU21] a late payer's contact within a month, often a home "
        "visit, 'in most cases is already enough to resolve the arrears'; [AE05] over 240,000 reminders a month "
        "against about 240,000 in arrears at the year's end: most spells close within weeks)",
        "Chance that a tenant the landlord reaches in the first month of a spell, and not in an income shock, "
        "pays what it owes at once (shifting other bills) instead of needing a plan.")
    arrangement_offer_corporation: float = probability(
        0.8, "assumption, range 0.6-0.95 ([NHN22b] 112,600 payment-plan requests in 2021)",
        "Chance a corporation offers a payment arrangement at first contact.")
    arrangement_offer_private: float = probability(
        0.4, "assumption, range 0.2-0.7", "The same for private landlords.")
    arrangement_accept: float = probability(
        0.6, "assumption, calibrated, prior 0.1-0.9 ([NHN22b] 49,200 plans agreed in Jan-May 2022)",
        "Chance a tenant accepts an offered arrangement.")
    arrangement_months_short: int = param(
        6, "months", "[WMD] up to 6 months for arrears of up to a month", "Length of a plan for small arrears.",
        ge=1, le=60)
    arrangement_months_long: int = param(
        12, "months", "[WMD][HOL] up to 12 months for larger arrears", "Length of a plan for larger arrears.",
        ge=1, le=60)
    min_instalment_eur: float = param(50.0, "EUR/month", "[WMD] at least EUR 50 a month",
                                      "Smallest instalment of a plan.", ge=0, le=10000)
    final_notice_after_months: int = param(
        2, "months", "[PAT] final notice at the end of month 2, bailiff in month 3; [WMD] sommatie on day 24, "
        "bailiff after about 6-7 weeks",
        "Months into an arrears spell after which the landlord sends the final notice (with a second plan "
        "offer), if the arrears are not repaid and no plan runs; from then on the tenant is under pressure.",
        ge=1, le=24)
    arrangement_cooldown_months: int = param(
        12, "months", "[PAT][DGW] at most one plan a year", "Months after a broken plan before a new offer.",
        ge=0, le=120)
    summons_threshold_months: float = param(
        3.0, "months of rent", "[KOP][JA] dissolution at >=3 months of arrears",
        "Arrears (in months of rent) from which a landlord may summon.", ge=1, le=24)
    summons_after_months: int = param(
        6, "months", "assumption, range 4-12 ([KOP][JA] dissolution at 3 months of arrears or earlier after repeated "
        "non-payment; [PAT] the file goes to the bailiff in month 3)",
        "Months into an arrears spell after which a landlord may summon a tenant who still owes at least a month's "
        "rent without a plan, however slowly the arrears grew.", ge=1, le=120)
    summons_after_months_owed: float = param(
        1.0, "months of rent", "assumption, range 1-2 (a shortcoming serious enough to dissolve the lease [KOP][JA])",
        "Arrears (in months of rent) a tenant must owe to be summoned after `summons_after_months`.", ge=0.5, le=24)
    summons_per_month_corporation: float = probability(
        0.3, "assumption, calibrated, prior 0.1-0.8 (a summons typically follows within months [PAT][WMD])",
        "Monthly chance that a corporation summons a tenant above the threshold without a running "
        "arrangement or debt help.")
    summons_per_month_private: float = probability(
        0.5, "assumption, calibrated, prior 0.05-0.9 (private landlords' procedures are not monitored)",
        "The same for private landlords.")
    family_referral_corporation: float = probability(
        0.8, "assumption, range 0.6-1 ([NRC22] 2022 national agreement: landlords reticent to evict, 'certainly "
        "households with children'; [NUL16] Amsterdam corporations; [WT] Twente protocol: coordinate with the "
        "local care network, Veilig Thuis when children are involved)",
        "Chance that a corporation refers a family to the municipality before summoning it (a home visit by "
        "the outreach team, before the month's signals, within its capacity), and waits for the answer.")
    family_referral_private: float = probability(
        0.3, "assumption, range 0.1-0.6 (private landlords' umbrella bodies signed the 2022 agreement [NRC22]; "
        "practice NOT found)", "The same for private landlords.")
    referral_wait_months: int = param(
        2, "months", "assumption, range 1-3", "Months a landlord waits after referring a family before it "
        "summons (no summons at all while the family is in debt help).", ge=0, le=24)
    summons_family_factor: float = param(
        0.5, "ratio", "assumption, calibrated, prior 0.3-1.5 (a residual tolerance for families beyond the "
        "referral, help and priority they get; 10-14% of evicted households have children [AE17][NOS12])",
        "Summons chance for families relative to other tenants in the same arrears (after the referral).",
        ge=0, le=5)


class HelpSeeking(Group):
    """Tenants who ask for debt help themselves, without a signal (most NVVK applications)."""

    self_referral_per_month: float = probability(
        0.02, "assumption, calibrated, prior 0.003-0.1 ([NV22] 75-79k debt-help applications a year, most "
        "of them not through an early signal)",
        "Monthly chance that a tenant with arrears from the threshold below applies for debt help.")
    from_months: float = param(
        2.0, "months of rent", "assumption, range 1-4", "Arrears from which tenants apply themselves.",
        ge=0.5, le=24)


class Court(Group):
    """Kantonrechter: the hearing and its verdict, conditional verdicts and their breach."""

    hearing_delay_months: int = param(
        1, "months", "assumption (NOT found; example [DKV]: weeks)", "Months from summons to hearing.", ge=0, le=24,
        prior=(1, 3))
    pay_before_hearing_per_month: float = probability(
        0.14, "[KB3] 13-15.5% of summonses paid before the hearing (with the one-month delay)",
        "Monthly chance that a summoned tenant in arrears pays before the hearing.")
    appear: float = probability(
        0.45, "assumption, range 0.3-0.6 ([JA]: default judgments are common; Brussels ≈60% [ILOT])",
        "Chance a tenant without legal aid appears at the hearing.")
    conditional_if_appear: float = probability(
        0.35, "assumption, range 0.2-0.5", "Chance of a conditional verdict for a tenant who appears.")
    verdict_for_nuisance: float = probability(
        0.6, "assumption, range 0.4-0.8", "Chance a nuisance case ends in an eviction order.")
    conditional_months: int = param(
        12, "months", "assumption, range 6-24", "Length of a conditional verdict's payment plan.", ge=1, le=60)
    breach_missed_months: int = param(
        2, "months of rent", "assumption, range 1-3 (NOT found: conditional verdicts usually allow no new "
        "arrears [JA]; landlords hand a breach to the bailiff after one or more missed months)",
        "Rent missed again under a conditional verdict before the landlord has it executed.", ge=1, le=24,
        effect=True)


class Bailiff(Group):
    """From eviction order to execution: the wait, settlement and leaving, the bailiff's capacity."""

    execution_delay_months: int = param(
        1, "months", "[DVD][SVH] leave within ~14 days; bevel 3 days after betekening",
        "Months from eviction order to the bailiff's date.", ge=0, le=24)
    settle_per_month: float = probability(
        0.45, "assumption, calibrated, prior 0.2-0.8 ([AED-H] 73% of verdicts settled by agreement)",
        "Monthly chance that a tenant with an eviction order for arrears pays or agrees while the "
        "execution waits.")
    leave_per_month: float = probability(
        0.1, "[AE14b] derived: 7% of verdicts ended in handing in the keys and 5% in leaving without notice",
        "Monthly chance that a tenant with an eviction order leaves before the bailiff comes.")
    capacity_per_10k_per_month: float = param(
        3.0, "executions/10k households/month",
        "assumption, range 1.5-5 (≈800 bailiffs, 1.7m official acts a year [NU18][CBS-GDW21]: evictions do not "
        "wait for bailiffs in ordinary years; about 4 times the usual demand of ≈0.8, so a backlog clears in months)",
        "Executions the bailiffs can carry out per month.", ge=0, le=1000)
    stop_settle_factor: float = param(
        0.5, "ratio", "assumption, range 0.25-1: under a moratorium tenants and landlords feel less urgency",
        "Settlement and leaving while a moratorium holds an execution, relative to usual.", ge=0, le=2,
        effect=True)


class RootCauses(Group):
    """Causes other than arrears: nuisance (overlast), drug-related closures (Opiumwet art. 13b),
    and other breaches of the lease (subletting, woonfraude)."""

    nuisance_per_month: float = param(
        0.0001, "1/month", "assumption, calibrated (overlast 6.5-7% of corporation evictions [AE05][AE12])",
        "Monthly chance a household starts a serious nuisance case.", ge=0, le=1)
    nuisance_resolve_per_month: float = probability(
        0.15, "assumption, range 0.05-0.3", "Monthly chance warnings or mediation resolve a nuisance case.")
    nuisance_escalate_per_month: float = probability(
        0.08, "assumption, range 0.03-0.2", "Monthly chance an unresolved nuisance case goes to court.")
    drug_closure_per_month: float = param(
        0.000005, "1/month", "assumption, range 0.000001-0.00002 (cannabis 4-5.6% of corporation evictions "
        "[AE05][AE12]: about 200 closures a year at this rate); not calibrated, since the targets cannot tell "
        "the causes other than arrears apart (nuisance takes up the rest)",
        "Monthly chance of a mayor's drug-related closure of a dwelling.", ge=0, le=1)
    drug_eviction: float = probability(
        0.95, "[AE12] cannabis verdicts almost always executed", "Chance a closure ends the tenancy.")
    lease_breach_per_month: float = param(
        0.000005, "1/month", "assumption, range 0.000001-0.00002 (fraud and subletting 7.9% of evictions in "
        "2012 [AE12]); not calibrated, like drug closures",
        "Monthly chance a landlord takes a tenant to court for subletting or other fraud.", ge=0, le=1)
    lease_breach_verdict: float = probability(
        0.9, "[AE12] sublet verdicts are almost always executed", "Chance a lease-breach case ends in an order.")
    family_factor: float = param(
        0.3, "ratio", "assumption, range 0.1-1 (79-84% of evicted households are single adults [AE16][AE17]; "
        "nuisance, drugs and fraud mostly concern them)",
        "Chance of a nuisance case, drug closure or lease breach for families relative to other households.",
        ge=0, le=5)


class AfterEviction(Group):
    """Where households go after an eviction or a forced departure, before any way back."""

    network_size_mean: float = param(
        4.0, "ties", "assumption, range 2-6", "Mean number of relatives/friends in a household's network.",
        ge=0, le=50)
    host_willing: float = probability(
        0.6, "assumption, range 0.3-0.8 ([AE17] evicted tenants often end up on a sofa; [TSG23] most MO "
        "applicants stay with family or friends)", "Chance a tie is willing and able to host.")
    host_room_persons: int = param(
        5, "persons", "assumption, range 3-8", "Most persons a host can take in (room is drawn from 1 to this).",
        ge=1, le=20)
    host_months_mean: float = param(
        3.0, "months", "assumption, range 1-6", "Mean months a host keeps a household.", ge=1, le=60)
    aftercare_contact: float = probability(
        0.5, "assumption, range 0.3-0.8", "Chance the municipality is in contact with a household after eviction.")
    contact_per_month: float = probability(
        0.05, "assumption, range 0.02-0.15 (street outreach, the shelter desk; [TSG23] most MO applicants first "
        "stayed with family or friends)", "Monthly chance a displaced household without contact comes into contact.")
    leaver_own_housing: float = probability(
        0.5, "assumption, range 0.3-0.7 ([SYN] a third of dwellings are empty on the day)",
        "Chance a tenant who leaves before the bailiff has a place of their own.")
    hidden_share: float = probability(
        0.5, "assumption, range 0.3-0.7 ([ETH3] 18% of counted homeless adults in a car, shed or caravan)",
        "Share of adults without any place who live hidden (car, shed, caravan) rather than on the street.")
    alternative_offer_families: float = probability(
        0.67, "[TRG] 2/3 of centrumgemeenten always seek alternative housing for families",
        "Chance the municipality offers an evicted family in contact alternative housing, if a unit is free.")
    alternative_lead_time_months: int = param(
        6, "months", "assumption, range 3-12 (finding, converting or placing flexible housing)",
        "Months from a municipality's decision to add an alternative housing unit to its use.", ge=0, le=60)
    emergency_months_max: int = param(
        3, "months", "assumption, range 1-6 (crisis places and hotels are for weeks, not years)",
        "Longest stay in emergency accommodation before the family must move on.", ge=1, le=36)


class Rehousing(Group):
    """Ways back into housing: urgency, the regular market, and how fast shelters empty."""

    regular_per_month: float = probability(
        0.045, "[BRU] derived (France; no Dutch figure): 1 in 3 still without a home 1-3 years after an "
        "eviction (about two years: 0.045 a month); range 0.025-0.09 ([VGM-U] a third of the homeless have been "
        "so for over a year)",
        "Monthly chance a displaced household finds a home on its own, in an average housing market.")
    urgency_families: float = probability(
        0.5, "assumption, range 0.2-0.8 ([NOS19] many regulations refuse urgency after eviction for rent debt)",
        "Chance an evicted family in contact gets an urgency status.")
    urgency_adults: float = probability(
        0.15, "assumption, range 0.05-0.3 (as above; for adults more rarely)",
        "Chance an evicted household without children in contact gets an urgency status.")
    urgency_months_mean: float = param(
        6.0, "months", "[PUR] a dwelling within 6 months of urgency; [NOS19] 4 months in Arnhem-Nijmegen",
        "Mean months from urgency to a dwelling (in an average housing market).", ge=1, le=60)
    shelter_exit_per_month: float = probability(
        1 / 13, "[NRC19] average shelter stay 13 months; [NU23b] about a year",
        "Monthly chance of leaving a family or night shelter to housing.")
    housing_first_failure_per_month: float = probability(
        0.0077, "[HF] 83% not homeless again (derived over two years)",
        "Monthly chance a Housing First tenancy fails while support lasts.")
    second_chance_failure_per_month: float = probability(
        0.01, "assumption, range 0.005-0.03 (effects only anecdotal [TRG][LKP])",
        "Monthly chance a second-chance tenancy fails while the contract lasts.", effect=True)
    support_months: int = param(
        24, "months", "assumption, range 12-36", "Months a Housing First or second-chance tenancy is supported.",
        ge=1, le=120)


class Allocation(Group):
    """How corporations let their vacant dwellings (lettings.py): to urgent applicants first (the
    pathway's displaced households with urgency or leaving a shelter, homeless families from other
    causes, statushouders and other urgent categories), the rest to regular applicants in order of
    registration. Homeless families from other causes (separation, leaving an institution, no
    affordable home) arrive at the rate of their municipality type (population.Profile)."""

    statushouder_share: float = probability(
        0.08, "[GNU25b] almost 8 % of re-let corporation dwellings went to households with statushouders "
        "(2023; 7 % in 2022 [CBS-VR22])",
        "Share of corporation lettings to households with a residence permit (an urgent category the model "
        "does not follow further).")
    other_urgent_share: float = probability(
        0.08, "assumption, range 0.04-0.15 (NOT found nationally: medical and social urgency, people leaving "
        "care or detention; in Amsterdam 'without an urgency declaration you find practically no social "
        "dwelling' [NOS18b], only 38 % of its lettings went through the regular system in 2014 [NUL15b])",
        "Share of corporation lettings to other urgent applicants (medical or social urgency, leaving care "
        "or detention).")
    family_shelter_stay_months: float = param(
        13.0, "months", "[NRC19] average shelter stay 13 months; [NU23b] about a year",
        "How long a homeless family from another cause stays on average; with the arrival rate it sets the "
        "family shelter places that serve them (places.py).", ge=1, le=60)


class YouthProtection(Group):
    """Children stay with a parent unless a decision separates them: a youth-protection decision
    (supervision, or a placement out of home) whose chance rises with the family's circumstances,
    or the family's own choice to let a relative take the children in."""

    decision_per_month_hidden: float = probability(
        0.06, "assumption, calibrated (95% of homeless children counted were with a parent [ETH2])",
        "Monthly chance of a youth-protection decision for a family living hidden (car, shed, caravan).")
    decision_per_month_doubled_up: float = probability(
        0.004, "assumption, range 0.001-0.01", "The same for a family staying with relatives or friends.")
    decision_per_month_sheltered: float = probability(
        0.002, "assumption, range 0.0005-0.005",
        "The same in emergency accommodation, a shelter or alternative housing.")
    rising_per_month: float = param(
        0.1, "1/month", "assumption, range 0-0.3 (worries grow the longer a family has no home)",
        "Rise of that chance per month the family has been displaced (x (1 + this x months)).", ge=0, le=5)
    placement_share: float = probability(
        0.35, "assumption, range 0.2-0.5 ([CBS-JB22] of 9,065 measures in 2022; [NJI-PZ] 3,279 new foster placements)",
        "Share of decisions that place the children out of home (the rest: supervision at home).")
    relatives_by_choice: float = probability(
        0.3, "assumption, range 0.1-0.5", "Chance a family with nowhere suitable lets a relative take the children in.")
    reunify_months: int = param(
        6, "months", "assumption, range 3-12", "Months from the parents' settling to a placed child's return.",
        ge=0, le=120)
    foster_places_per_10k: float = param(
        0.5, "places/10k households", "assumption, range 0.2-1.5 ([NJI-PZ] 16,608 foster families for 17,652 "
        "children: few places spare)", "Foster places for children placed after an eviction; beyond them, "
        "residential care.", ge=0, le=1000)
    supervision_months: int = param(
        12, "months", "assumption (an OTS runs a year)", "Length of supervision at home.", ge=1, le=60,
        prior=(6, 24))


class Schools(Group):
    """When a child changes school: the new place is out of reach of the old school."""

    far_doubled_up: float = probability(0.3, "assumption, range 0.1-0.5 ([KOM][ND20] cases)",
                                        "Chance a stay with relatives or friends is out of reach of school.")
    far_emergency: float = probability(0.5, "assumption, range 0.2-0.8", "The same for emergency accommodation.")
    far_shelter: float = probability(0.6, "assumption, range 0.3-0.9 (family shelters are regional)",
                                     "The same for a family shelter.")
    far_hidden: float = probability(0.4, "assumption, range 0.2-0.7", "The same for a car, shed or caravan.")
    far_alternative: float = probability(0.2, "assumption, range 0.1-0.4 (the municipality's own stock)",
                                         "The same for alternative housing.")
    far_rehoused: float = probability(0.4, "assumption, range 0.2-0.6", "The same for a new home.")
    far_separated: float = probability(0.8, "assumption, range 0.5-0.95",
                                       "Chance a child placed away from its parents changes school.")
    small_town_factor: float = param(
        1.3, "ratio", "assumption, range 1-1.6 (small towns have no shelters of their own: centrumgemeenten)",
        "Out-of-reach chances in municipalities below 20,000 rented households, relative to others.", ge=0, le=5)


class Context(Group):
    """All context assumptions, by stage of the pathway."""

    incomes: Incomes = Incomes()
    rent_allowance: RentAllowance = RentAllowance()
    shocks: Shocks = Shocks()
    cost_of_living: CostOfLiving = CostOfLiving()
    rent_payment: RentPayment = RentPayment()
    turnover: Turnover = Turnover()
    landlords: Landlords = Landlords()
    help_seeking: HelpSeeking = HelpSeeking()
    court: Court = Court()
    bailiff: Bailiff = Bailiff()
    root_causes: RootCauses = RootCauses()
    after_eviction: AfterEviction = AfterEviction()
    rehousing: Rehousing = Rehousing()
    allocation: Allocation = Allocation()
    youth_protection: YouthProtection = YouthProtection()
    schools: Schools = Schools()
    costs: Costs = Costs()
