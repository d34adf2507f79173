"""Policy levers (EMA Workbench's L): what a ministry or municipality can choose.

Each lever names its mechanism in its docstring; assumed effects carry a source or are marked
"assumption". The baseline values describe the 2022-23 situation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Group, Label, param, probability


class EarlySignalling(Group):
    """Vroegsignalering (Wgs, since 2021): landlords signal arrears to the municipality, which
    reaches out within its outreach capacity and offers help (see DebtHelp for what help does)."""

    label = Label("Early signalling", "Vroegsignalering")

    enabled: bool = param(True, "switch", "Wgs 2021", "Landlords signal arrears to the municipality.",
                          label=Label("Landlords signal arrears",
                                      "Verhuurders melden huurachterstand (vroegsignalering)",
                                      "Verhuurders melden huurachterstanden bij de gemeente."))
    coverage: float = probability(
        1.0, "[VNG20][LL21] since 2021 every landlord must signal; before, voluntary covenants in part of the "
        "municipalities ([ENS00][SV][BOLL17][OZ17][ALM18])",
        "Share of tenants whose landlord signals under a signalling arrangement (a statutory duty or a local "
        "covenant).", local=True,
        label=Label("Tenants covered by a signalling arrangement", "Huurders onder een meldafspraak",
                    "Aandeel van de huurders van wie de verhuurder achterstanden meldt onder een wettelijke plicht "
                    "of een lokaal convenant."))
    arrears_months_to_signal: float = param(
        1.0, "months of rent", "[AE20][AMS2] signal after about one month",
        "Arrears at which the landlord signals.", ge=0.5, le=12,
        label=Label("Months of arrears before a signal", "Maanden achterstand voor een melding",
                    "Achterstand (in maanden huur) waarbij de verhuurder meldt."))
    reach: float = probability(0.20, "[DV3b] reach ≈20% (derived)",
                               "Share of signalled households the municipality reaches (within capacity).", local=True,
                               label=Label("Share reached by the municipality", "Aandeel bereikt door de gemeente",
                                           "Aandeel van de gemelde huishoudens dat de gemeente bereikt (binnen haar "
                                           "capaciteit)."))
    acceptance: float = probability(0.37, "[DV2b][DV3b] 35-39% of those reached",
                                    "Share of reached households that accept help.", local=True,
                                    label=Label("Share of reached who accept help",
                                                "Aandeel bereikten dat hulp aanvaardt",
                                                "Aandeel van de bereikte huishoudens dat hulp aanvaardt."))
    compliance_corporation: float = probability(
        1.0, "assumption, range 0.8-1 (Wgs duty since 2021)", "Share of arrears cases a corporation signals.",
        label=Label("Corporations that signal", "Corporaties die melden",
                    "Aandeel van de huurachterstanden dat een corporatie meldt."))
    compliance_private: float = probability(
        0.5, "assumption, range 0.2-0.8", "Share of arrears cases a private landlord signals.",
        label=Label("Private landlords that signal", "Particuliere verhuurders die melden",
                    "Aandeel van de huurachterstanden dat een particuliere verhuurder meldt."))
    include_nuisance: bool = param(False, "switch", "assumption",
                                   "Nuisance cases are signalled too (not in the baseline).",
                                   label=Label("Signal nuisance too", "Ook overlast melden",
                                               "Ook overlastzaken worden gemeld (niet in het basisscenario)."))
    home_visits_families: bool = param(
        False, "switch", "[NOS21] home visits work best",
        "Signalled families are visited at home (uses outreach capacity like any contact).", local=True,
        label=Label("Home visits to families", "Huisbezoek bij gezinnen",
                    "Gemelde gezinnen krijgen een huisbezoek (dat gaat af van de capaciteit voor contact, zoals elk "
                    "contact)."))
    home_visit_reach: float = probability(
        0.6, "assumption, range 0.4-0.8 ([NOS21] home visits work best; [NO5] Eropaf)",
        "Share of signalled families reached by a home visit.", effect=True, local=True,
        label=Label("Families reached by a home visit", "Gezinnen bereikt met een huisbezoek",
                    "Aandeel van de gemelde gezinnen dat met een huisbezoek wordt bereikt."))
    home_visit_acceptance: float = probability(
        0.5, "assumption, range 0.37-0.7", "Share of families visited at home who accept help.",
        effect=True, local=True,
        label=Label("Visited families who accept help", "Bezochte gezinnen die hulp aanvaarden",
                    "Aandeel van de thuis bezochte gezinnen dat hulp aanvaardt."))
    outreach_capacity_per_10k_per_month: float = param(
        12.0, "contacts/10k households/month",
        "assumption, range 8-20 ([NO5] Eropaf Amsterdam: 19 staff for 400-600 signals a month); above "
        "the baseline's need (≈9), so that the baseline's reach is not capacity-bound",
        "Households the outreach team can contact per month; signals beyond it go unanswered.",
        ge=0, le=1000, local=True,
        label=Label("Outreach contacts per 10,000 households a month",
                    "Contacten na een melding per 10.000 huishoudens per maand",
                    "Huishoudens waarmee de gemeente per maand contact kan leggen; meldingen daarboven blijven "
                    "onbeantwoord."))


class DebtHelp(Group):
    """Municipal debt help after an accepted offer or an application: a capacity-limited queue
    (households facing a summons first, then families), then budget management that puts rent
    first (fewer misses; the rent arrears go into a plan repaid from what is left after the floor of
    basic costs), no summons while help runs (the breathing space), municipal money for the arrears
    where the budget allows (RentalAssistance), and for some a settlement in which the landlord
    receives its share and writes off the rest."""

    label = Label("Debt help", "Schuldhulp")

    capacity_per_10k_per_month: float = param(
        11.0, "intakes/10k households/month",
        "[NV22] derived: 75,531 applications in 2022, about 60% of them tenants (assumption, range 40-80%), "
        "over 3.48m rented dwellings; [NV19b] an 11-day wait, so capacity meets demand",
        "New debt-help cases a municipality can start per month for its tenants.", ge=0, le=1000,
        prior=(7.3, 14.7), local=True,  # the tenants' share at 40-80 %
        label=Label("Debt-help intakes per 10,000 households a month",
                    "Intakes schuldhulp per 10.000 huishoudens per maand",
                    "Nieuwe schuldhulptrajecten die een gemeente per maand voor haar huurders kan starten."))
    priority_facing_summons: bool = param(
        True, "switch", "[NV19b] crises (e.g. a threatened eviction) within 3 working days",
        "Tenants with arrears at the summons threshold or a court case go first in the queue.", local=True,
        label=Label("Tenants facing a summons go first", "Voorrang bij een dreigende dagvaarding",
                    "Huurders met een achterstand op de grens van een dagvaarding of met een rechtszaak gaan voor in "
                    "de wachtrij."))
    priority_families: bool = param(
        True, "switch", "[REIM] since 2012 the Wgs makes municipalities say in their debt-help plan how they "
        "help families with minor children; assumption that they put them first",
        "Families go first in the debt-help queue after tenants facing a summons.", local=True,
        label=Label("Families go first for debt help", "Voorrang voor gezinnen bij schuldhulp",
                    "Gezinnen met kinderen gaan voor in de wachtrij voor schuldhulp, na huurders die een "
                    "dagvaarding dreigen te krijgen."))
    duration_months: int = param(18, "months", "[SBS23] a debt settlement runs 18 months since 2023; range 12-36",
                                 "Length of debt help.", ge=1, le=120,
                                 label=Label("Months of debt help", "Maanden schuldhulp", "Duur van de schuldhulp."))
    miss_reduction: float = probability(
        0.7, "assumption, range 0.4-0.9 (budget management pays fixed costs first)",
        "Cut in the chance of missing rent while in debt help.", effect=True,
        label=Label("Cut in missed rent during help", "Minder gemiste huur tijdens hulp",
                    "Hoeveel kleiner de kans is dat de huur niet wordt betaald tijdens de schuldhulp."))
    breathing_space: bool = param(True, "switch", "[NRC22] 2022 national agreement: tenants in a debt-help "
                                  "trajectory are not evicted",
                                  "Landlords do not summon while a tenant is in debt help.",
                                  label=Label("No summons during debt help", "Geen dagvaarding tijdens schuldhulp",
                                              "Verhuurders dagvaarden niet zolang een huurder schuldhulp krijgt "
                                              "(adempauze)."))
    settlement_share: float = probability(
        0.39, "[NV16] 37-41% of applications reach a debt settlement",
        "Share of helped households whose debts go into a settlement: the landlord receives its share of the rent "
        "arrears and writes off the rest.",
        label=Label("Help that ends in a debt settlement", "Schuldhulp die uitmondt in een schuldregeling",
                    "Aandeel van de geholpen huishoudens van wie de schulden in een schuldregeling gaan (de "
                    "huurachterstand wordt geregeld als de hulp eindigt)."))
    settlement_months: int = param(
        4, "months", "[5DOK-SR] NVVK norm: 120 days to reach a deal with creditors",
        "Months from the start of help to a settlement.", ge=1, le=36,
        label=Label("Months to a settlement", "Maanden tot een schuldregeling",
                    "Maanden van het begin van de hulp tot een schuldregeling."))
    settlement_paid_share: float = probability(
        0.4, "assumption, range 0.2-0.6 (NOT found: what creditors receive in a schuldregeling or from a "
        "saneringskrediet)", "Share of the rent arrears the landlord receives in a settlement (the rest is "
        "written off).",
        label=Label("Share of the arrears paid in a settlement",
                    "Deel van de achterstand betaald in een schuldregeling",
                    "Deel van de huurachterstand dat de verhuurder in een schuldregeling ontvangt; de rest wordt "
                    "kwijtgescholden."))
    dropout_per_month: float = probability(
        0.03, "assumption, range 0.01-0.06 ([NV16] 64% of settlements completed)",
        "Monthly chance that a household drops out of debt help.",
        label=Label("Monthly drop-out from debt help", "Uitval uit de schuldhulp per maand",
                    "Kans per maand dat een huishouden met de schuldhulp stopt."))


class DirectRentPayment(Group):
    """Rent withheld from a benefit and paid to the landlord (inhouding): rent covered by the
    benefit can no longer be missed. Offered to helped households on benefits; it ends when the
    household no longer lives on a benefit."""

    label = Label("Direct rent payment", "Huur inhouden op uitkering")

    uptake: float = probability(0.3, "assumption, range 0.1-0.6",
                                "Share of helped households on benefits whose rent is paid directly.",
                                effect=True, local=True,
                                label=Label("Helped households on benefits with rent paid directly",
                                            "Geholpen huishoudens met uitkering van wie de huur wordt ingehouden",
                                            "Aandeel van de geholpen huishoudens met een uitkering van wie de huur "
                                            "rechtstreeks aan de verhuurder wordt betaald."))


class RentalAssistance(Group):
    """Municipal money for rent, acting through the rent phase: an arrears fund that pays the landlord a
    household's rent arrears at once (bijzondere bijstand, a huurschuldenfonds or noodfonds, a
    saneringskrediet), which the household repays in part, and a monthly housing-cost supplement
    (woonkostentoeslag) that tops up the money of a household short of money for some months. Both are
    paid within a yearly budget or a number of places, by the municipality; the money paid is an outcome
    (rental_assistance_eur) and a cost. The baseline has only the fund for households in debt help
    (bijzondere bijstand arranged by the debt counsellor)."""

    label = Label("Rental assistance", "Huurondersteuning")

    fund_for: Literal["debt_help", "contact"] = param(
        "debt_help", "choice", "[BOLL17] a noodfonds bridges the time to a debt settlement; [HKG] bijzondere "
        "bijstand is the municipality's", "Who can get the arrears fund: households in debt help (debt_help), "
        "or every household in contact with the municipality after a signal, a referral or an application "
        "(contact).", local=True,
        label=Label("Who can get the arrears fund", "Wie het huurschuldenfonds kan krijgen",
                    "Huishoudens in de schuldhulp (debt_help) of ieder huishouden dat na een melding, een "
                    "doorverwijzing of een aanvraag contact heeft met de gemeente (contact)."))
    fund_families_first: bool = param(
        False, "switch", "assumption", "Families go first for the arrears fund (after tenants facing a summons).",
        local=True,
        label=Label("Families first for the arrears fund", "Gezinnen eerst bij het huurschuldenfonds",
                    "Gezinnen met kinderen krijgen als eersten geld uit het huurschuldenfonds, na huurders die een "
                    "dagvaarding dreigen te krijgen."))
    fund_before_summons: bool = param(
        False, "switch", "assumption (a covenant in which the landlord turns to the municipality's noodfonds "
        "before going to court [BOLL17])", "Before it summons a tenant for arrears, the landlord applies to "
        "the arrears fund for the tenant; if the fund pays the arrears, there is no summons.", local=True,
        label=Label("Landlords apply to the fund before a summons",
                    "Verhuurders vragen het fonds aan vóór een dagvaarding",
                    "Voordat de verhuurder een huurder dagvaardt, vraagt hij geld uit het huurschuldenfonds "
                    "voor hem aan; betaalt het fonds de achterstand, dan volgt geen dagvaarding."))
    fund_take_up: float = probability(
        0.5, "assumption, range 0.3-0.8 (NOT found: the share of tenants facing a summons who cooperate with "
        "an application; of the households a municipality reaches after a signal, about one in three accepts "
        "help [TK25])",
        "Share of tenants facing a summons who sign the landlord's application to the fund (and give the "
        "income details it asks for).", effect=True, local=True,
        label=Label("Tenants who sign the application to the fund",
                    "Huurders die de aanvraag bij het fonds ondertekenen",
                    "Aandeel van de huurders die een dagvaarding dreigen te krijgen dat de aanvraag van de "
                    "verhuurder bij het fonds ondertekent."))
    fund_from_months: float = param(
        2.0, "months of rent", "assumption, range 1-3 (the fund is for arrears that threaten the tenancy)",
        "Arrears from which a household can get the fund.", ge=0, le=24, local=True,
        label=Label("Months of arrears before the fund pays", "Maanden achterstand voordat het fonds betaalt",
                    "Achterstand (in maanden huur) vanaf welke een huishouden geld uit het fonds kan krijgen."))
    fund_max_eur: float = param(
        3000.0, "EUR/household", "assumption, range 1,500-5,000", "Most the fund pays for one household.",
        ge=0, le=100_000, local=True,
        label=Label("Most the fund pays per household", "Maximaal bedrag per huishouden uit het fonds",
                    "Het hoogste bedrag dat het fonds voor één huishouden betaalt."))
    fund_budget_per_10k_per_year: float = param(
        10_000.0, "EUR/10k households/year", "assumption, range 0-30,000 (NOT found: bijzondere bijstand for rent "
        "arrears; about one in ten tenants in debt help with rent arrears getting EUR 1,500)",
        "Yearly budget of the arrears fund; unused money carries over one month.", ge=0, le=10_000_000, local=True,
        label=Label("Arrears fund budget per 10,000 households a year",
                    "Budget huurschuldenfonds per 10.000 huishoudens per jaar",
                    "Jaarbudget van het huurschuldenfonds; wat over is, schuift één maand door."))
    fund_once_in_months: int = param(
        24, "months", "assumption, range 12-60 (municipalities limit how often bijzondere bijstand pays debts)",
        "Months before the fund can pay for the same household again.", ge=1, le=1200, local=True,
        label=Label("Months before the fund pays again", "Maanden voordat het fonds opnieuw betaalt",
                    "Hoeveel maanden het duurt voordat het fonds voor hetzelfde huishouden opnieuw kan betalen."))
    fund_repaid_share: float = probability(
        0.5, "assumption, range 0.2-0.8 (bijzondere bijstand for debts is often a loan [HKG]; repayment NOT found)",
        "Share of what the fund paid that households repay to the municipality.", effect=True, local=True,
        label=Label("Share of the fund repaid", "Terugbetaald deel van het fonds",
                    "Deel van wat het fonds betaalde dat huishoudens aan de gemeente terugbetalen."))
    supplement: bool = param(
        False, "switch", "assumption (woonkostentoeslag, a municipal housing-cost supplement)",
        "Households in contact with the municipality that are short of money get a monthly supplement.",
        local=True,
        label=Label("Monthly housing-cost supplement", "Maandelijkse woonkostentoeslag",
                    "Huishoudens die contact hebben met de gemeente en te weinig geld hebben, krijgen een "
                    "maandelijkse toeslag op hun woonkosten."))
    supplement_max_eur: float = param(
        250.0, "EUR/month", "assumption, range 100-400", "Most the supplement pays a month (at most the household's "
        "shortfall).", ge=0, le=10_000, local=True,
        label=Label("Most the supplement pays a month", "Maximale woonkostentoeslag per maand",
                    "Het hoogste bedrag per maand (hoogstens wat het huishouden tekortkomt)."))
    supplement_months: int = param(
        12, "months", "assumption, range 6-24", "Months a household gets the supplement.", ge=1, le=120,
        local=True,
        label=Label("Months of the supplement", "Maanden woonkostentoeslag", "Hoe lang een huishouden de toeslag "
                    "krijgt."))
    supplement_places_per_10k: float = param(
        20.0, "households/10k households", "assumption, range 5-50", "Households that can get the supplement at "
        "the same time.", ge=0, le=10_000, local=True,
        label=Label("Supplements at a time per 10,000 households",
                    "Woonkostentoeslagen tegelijk per 10.000 huishoudens",
                    "Hoeveel huishoudens de toeslag tegelijk kunnen krijgen."))
    from_month: int = param(
        0, "month", "assumption", "First reported month of the fund's wider eligibility and of the supplement.",
        ge=0, le=1200,
        label=Label("First month", "Eerste maand", "Eerste maand waarin het fonds breder open staat en de "
                    "toeslag wordt betaald."))


class LegalAid(Group):
    """Legal aid and understandable information for summoned tenants; the aid stays with the case
    (a conditional verdict and its breach included)."""

    label = Label("Legal aid", "Rechtshulp")

    share_summoned: float = probability(0.15, "assumption, range 0.05-0.3",
                                        "Share of summoned tenants who get legal aid.",
                                        label=Label("Summoned tenants with legal aid",
                                                    "Gedagvaarde huurders met rechtshulp",
                                                    "Aandeel van de gedagvaarde huurders dat rechtshulp krijgt."))
    appear_with_aid: float = probability(0.9, "assumption, range 0.7-0.95",
                                         "Chance a tenant with legal aid appears at the hearing.",
                                         effect=True,
                                         label=Label("Chance to appear with legal aid",
                                                     "Kans om te verschijnen met rechtshulp",
                                                     "Kans dat een huurder met rechtshulp op de zitting verschijnt."))
    conditional_with_aid: float = probability(
        0.6, "assumption, range 0.4-0.8 ([ECO] NYC right to counsel, not causal)",
        "Chance of a conditional verdict for a tenant with legal aid who appears.", effect=True,
        label=Label("Conditional verdict with legal aid", "Voorwaardelijk vonnis met rechtshulp",
                    "Kans op een voorwaardelijk vonnis voor een huurder met rechtshulp die verschijnt."))
    plain_language_summons: bool = param(
        False, "switch", "assumption", "Summons in plain language: more tenants without aid appear.",
        label=Label("Summons in plain language", "Dagvaarding in begrijpelijke taal",
                    "Een dagvaarding in begrijpelijke taal: meer huurders zonder rechtshulp verschijnen."))
    plain_language_appear_gain: float = probability(
        0.15, "assumption, range 0.05-0.25", "Rise in appearance without aid from a plain-language summons.",
        effect=True,
        label=Label("More tenants appear after a plain summons",
                    "Meer huurders verschijnen na een begrijpelijke dagvaarding",
                    "Hoeveel de kans om zonder rechtshulp te verschijnen stijgt door een dagvaarding in "
                    "begrijpelijke taal."))


class ChildRightsTest(Group):
    """A children's-rights test in procedure and court (proportionality, [DAM2])."""

    label = Label("Child-rights test", "Kinderrechtentoets")

    enabled: bool = param(False, "switch", "Ombudsman 2023 [NO3]", "Apply the child-rights test.",
                          label=Label("Child-rights test", "Kinderrechtentoets", "Pas de kinderrechtentoets toe."))
    court_conditional_families: float = probability(
        0.5, "assumption, range 0.25-0.75 (no evaluation of such a test exists)",
        "Extra chance an eviction order for a family becomes conditional.", effect=True,
        label=Label("Extra conditional verdicts for families", "Extra voorwaardelijke vonnissen voor gezinnen",
                    "Extra kans dat een ontruimingsvonnis voor een gezin voorwaardelijk wordt."))
    closure_warning_families: float = probability(
        0.5, "assumption, range 0.25-0.75 ([DAM2] RvS 2021 weighs minors)",
        "Chance a drug closure of a family home becomes a warning instead.", effect=True,
        label=Label("Drug closures of family homes turned into warnings",
                    "Drugssluitingen van gezinswoningen omgezet in waarschuwing",
                    "Kans dat een drugssluiting van een gezinswoning een waarschuwing wordt."))


class Consultation(Group):
    """Meaningful consultation of parents and children (obligation 8): in a family's court case
    the children are heard, and the court and the municipality act on what they hear."""

    label = Label("Consultation", "Betrokkenheid van ouders en kinderen")

    children_heard: float = probability(
        0.05, "assumption, range 0-0.2 (no data; the ombudsman found children invisible [NO1])",
        "Share of family court cases in which the children are heard.",
        label=Label("Evicted families whose children were heard", "Ontruimde gezinnen van wie de kinderen zijn gehoord",
                    "Aandeel van de rechtszaken van gezinnen waarin de kinderen worden gehoord."))
    court_conditional_gain: float = probability(
        0.2, "assumption, range 0-0.4", "Extra chance of a conditional verdict when the children were heard.",
        effect=True,
        label=Label("Extra conditional verdicts when children are heard",
                    "Extra voorwaardelijke vonnissen als de kinderen zijn gehoord",
                    "Extra kans op een voorwaardelijk vonnis als de kinderen zijn gehoord."))
    school_weight: float = probability(
        0.5, "assumption, range 0-0.8",
        "Cut in the chance that a heard family's next place is out of reach of the children's school.",
        effect=True,
        label=Label("Next place within reach of school", "Volgende verblijfplaats binnen bereik van school",
                    "Hoeveel kleiner de kans is dat de volgende verblijfplaats van een gehoord gezin buiten bereik "
                    "van de school van de kinderen ligt."))


class HousingDuty(Group):
    """Alternative housing by the municipality for evicted families: a stock of units, built up at
    a rate (with a lead time and a cost), and optionally a duty: a family's eviction is executed
    only when a unit is in view, otherwise the execution waits."""

    label = Label("Housing duty", "Huisvestingsplicht")

    families_duty: bool = param(
        False, "switch", "Ombudsman 2023 recommendation [NO2][NO5]",
        "A legal duty: a family is evicted only with alternative housing in view that keeps it together.", local=True,
        label=Label("Duty to rehouse every evicted family", "Plicht om elk ontruimd gezin te huisvesten",
                    "Een wettelijke plicht: een gezin wordt alleen ontruimd met vervangende woonruimte in zicht die "
                    "het gezin bij elkaar houdt."))
    units_per_10k: float = param(
        1.0, "units/10k households", "assumption, range 0.3-3 (no national count)",
        "Alternative housing units a municipality has at the start.", ge=0, le=1000, local=True,
        label=Label("Alternative homes per 10,000 households", "Vervangende woningen per 10.000 huishoudens",
                    "Vervangende woonruimte die een gemeente bij de start heeft."))
    build_per_10k_per_year: float = param(
        0.0, "units/10k households/year",
        "assumption (a lever; each unit costs context.costs.alternative_unit_build_eur)",
        "Alternative housing units the municipality adds each year.", ge=0, le=1000, local=True,
        label=Label("Alternative homes added per 10,000 households a year",
                    "Nieuwe vervangende woningen per 10.000 huishoudens per jaar",
                    "Vervangende woningen die de gemeente elk jaar toevoegt."))


class Allocation(Group):
    """Who gets the corporation dwellings that fall vacant (lettings.py): an urgency status for every
    homeless family with minor children, whatever made it homeless (the family urgency of the Wet
    versterking regie volkshuisvesting, adopted by the Tweede Kamer on 3 July 2025 [GNU25]), and a
    quota: at most a share of a month's corporation lettings to urgent applicants leaving
    homelessness."""

    label = Label("Allocation of social housing", "Toewijzing van sociale huurwoningen")

    urgency_homeless_families: bool = param(
        False, "switch", "[GNU25][STI25] the amendment adopted with the bill on 3 Jul 2025 (in force: NOT verified)",
        "Every homeless family with minor children in contact with the municipality gets an urgency status, "
        "also after an eviction for rent arrears or nuisance (which many regulations now refuse [NOS19]).",
        label=Label("Urgency for every homeless family", "Urgentie voor elk dakloos gezin",
                    "Elk dakloos gezin met minderjarige kinderen dat contact heeft met de gemeente krijgt "
                    "urgentie, ook na een ontruiming wegens huurschuld of overlast."))
    urgent_quota: float = probability(
        1.0, "choice (a council's; the bill lets the minister set a letting share [SCHUL23])",
        "Most of a month's corporation lettings that go to households leaving homelessness with urgency or "
        "from a shelter (1: no quota); those beyond it wait for the next month.",
        label=Label("Most lettings to urgent homeless households", "Maximaal deel woningen naar urgente daklozen",
                    "Het grootste deel van de verhuringen in een maand dat naar dakloze huishoudens met urgentie "
                    "of uit de opvang gaat (1: geen maximum)."))
    from_month: int = param(
        0, "month", "assumption (a law comes into force on a date)",
        "First reported month of the family urgency and the quota: before it (the warm-up included) the "
        "rules are today's, so the results show what changes once they are in force.", ge=0, le=1200,
        label=Label("First month", "Eerste maand", "Eerste maand waarin de gezinsurgentie en het quotum gelden."))


class Shelter(Group):
    """Places for households without a home, each with a cost per month (paid whether used or not)."""

    label = Label("Shelter", "Opvang")

    family_places_per_10k: float = param(
        0.5, "places/10k households",
        "assumption, range 0.2-1.5 ([TRG] ≥800-900 families a year x 13-month stay [NRC19]; a share for evictions)",
        "Family shelter places.", ge=0, le=1000, local=True,
        label=Label("Family shelter places per 10,000 households", "Plaatsen gezinsopvang per 10.000 huishoudens",
                    "Plaatsen in de gezinsopvang."))
    night_places_per_10k: float = param(
        2.0, "places/10k households", "assumption, range 1-4 ([VAL23] capacity unchanged 2021-23)",
        "Night shelter places for adults.", ge=0, le=1000, local=True,
        label=Label("Night shelter places per 10,000 households", "Plaatsen nachtopvang per 10.000 huishoudens",
                    "Plaatsen in de nachtopvang voor volwassenen."))
    emergency_places_per_10k: float = param(
        0.3, "places/10k households", "assumption, range 0.1-1 ([KV12] hotels and holiday homes)",
        "Emergency accommodation for families (crisis places, hotels).", ge=0, le=1000, local=True,
        label=Label("Emergency places per 10,000 households", "Plaatsen noodopvang per 10.000 huishoudens",
                    "Noodopvang voor gezinnen (crisisplaatsen, hotels)."))


class Rehousing(Group):
    """Ways back into housing that policy adds: second-chance contracts and Housing First, each with
    a capacity, a cost, and tenancies that can still fail."""

    label = Label("Rehousing", "Herhuisvesting")

    second_chance_contracts: bool = param(
        False, "switch", "assumption (effects only anecdotal [TRG][LKP])",
        "Second-chance contracts: displaced households get a tenancy with budget coaching.", local=True,
        label=Label("Second-chance contracts", "Tweedekansovereenkomsten",
                    "Tweedekansovereenkomsten: huishoudens zonder woning krijgen een huurcontract met "
                    "budgetbegeleiding."))
    second_chance_per_10k_per_year: float = param(
        1.0, "contracts/10k households/year", "assumption, range 0.3-3",
        "Second-chance contracts the landlords offer per year (when the switch is on).", ge=0, le=1000, local=True,
        label=Label("Second-chance contracts per 10,000 households a year",
                    "Tweedekansovereenkomsten per 10.000 huishoudens per jaar",
                    "Tweedekansovereenkomsten die de verhuurders per jaar aanbieden (als de schakelaar aan staat)."))
    housing_first: bool = param(
        False, "switch", "[HF] 83% not homeless again", "Housing First for adults without a home.", local=True,
        label=Label("Housing First", "Housing First", "Housing First voor volwassenen zonder woning."))
    housing_first_places_per_10k: float = param(
        1.0, "places/10k households", "assumption, range 0.3-3 ([EET] almost 90 municipalities)",
        "Housing First places (support for a tenancy), when the switch is on.", ge=0, le=1000, local=True,
        label=Label("Housing First places per 10,000 households", "Plaatsen Housing First per 10.000 huishoudens",
                    "Plaatsen in Housing First (begeleiding bij een eigen huurwoning), als de schakelaar aan staat."))


class Moratorium(Group):
    """No executions in a period, for all households or families, of all landlords or one type.

    What tenants and landlords do while an execution waits is an assumption with a range
    (context.bailiff.stop_settle_factor); executions held back go to the bailiff afterwards,
    within the bailiffs' capacity."""

    label = Label("Moratorium", "Moratorium")

    scope: Literal["none", "all", "families"] = Field(
        default="none", description="Which households are protected.",
        json_schema_extra=Label("Who is protected", "Wie is beschermd", "Welke huishoudens beschermd zijn.").extra())
    landlords: Literal["all", "corporation", "private"] = Field(
        default="all", description="Whose tenants are protected: all landlords, corporations only or private only.",
        json_schema_extra=Label("Whose tenants are protected", "Van welke verhuurders de huurders beschermd zijn",
                                "Wiens huurders beschermd zijn: van alle verhuurders, alleen van corporaties "
                                "of alleen van particuliere verhuurders.").extra())
    pause_summonses: bool = param(False, "switch", "assumption",
                                  "Landlords do not summon protected households during the stop either.",
                                  label=Label("No summonses during the stop", "Geen dagvaardingen tijdens de stop",
                                              "Verhuurders dagvaarden beschermde huishoudens ook niet tijdens de "
                                              "stop."))
    calendar_months: list[int] = Field(
        default_factory=list,
        description="Calendar months (1-12) without executions, e.g. [11, 12, 1, 2, 3] for winter.",
        json_schema_extra=Label("Months without evictions", "Maanden zonder ontruimingen",
                                "Kalendermaanden (1-12) zonder ontruimingen, bijvoorbeeld [11, 12, 1, 2, 3] "
                                "voor de winter.").extra())
    from_month: int = param(0, "month", "assumption", "First reported month of the moratorium.",
                            ge=0, le=1200,
                            label=Label("First month of the moratorium", "Eerste maand van het moratorium",
                                        "Eerste maand van de rapportageperiode met het moratorium."))
    to_month: int = param(1200, "month", "assumption", "Last reported month of the moratorium.",
                          ge=0, le=1200,
                          label=Label("Last month of the moratorium", "Laatste maand van het moratorium",
                                      "Laatste maand van de rapportageperiode met het moratorium."))

    @field_validator("calendar_months")
    @classmethod
    def _check_calendar_months(cls, months: list[int]) -> list[int]:
        bad = [m for m in months if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"each must be a month number 1-12, not {bad}")
        return months

    @model_validator(mode="after")
    def _check_period(self) -> Moratorium:
        if self.from_month > self.to_month:
            raise ValueError(f"from_month {self.from_month} is after to_month {self.to_month}")
        return self


class Registration(Group):
    """Registering evictions: the municipality knows every evicted household and follows up."""

    label = Label("Registration", "Registratie")

    enabled: bool = param(False, "switch", "Ombudsman 2023 recommendation [NO2]",
                          "Every eviction is registered and the municipality seeks contact.", local=True,
                          label=Label("Register every eviction", "Elke ontruiming registreren",
                                      "Elke ontruiming wordt geregistreerd; de gemeente zoekt contact voor nazorg."))
    contact_share: float = probability(
        0.8, "assumption, range 0.6-1 (NOT found: how often a registered eviction leads to contact)",
        "Share of registered evictions after which the municipality makes contact (aftercare).", effect=True,
        local=True,
        label=Label("Registered evictions followed by contact", "Geregistreerde ontruimingen met contact",
                    "Aandeel van de geregistreerde ontruimingen waarna de gemeente contact legt (nazorg)."))


class Practice(Group):
    """How municipalities apply the same rules (reach of outreach, acceptance, offering alternative
    housing) differs [KV12][NOS19]; each municipality's practice is in its profile. National guidance
    and supervision can make every municipality act as the national average does: "same practice
    everywhere", to compare with "same law everywhere" (pathway/local.py)."""

    label = Label("Practice", "Uitvoeringspraktijk")

    same_everywhere: bool = param(
        False, "switch", "assumption (a lever to measure what local practice adds)",
        "Every municipality applies the rules as the national average does.",
        label=Label("Same practice everywhere", "Overal dezelfde uitvoering",
                    "Elke gemeente past de regels toe zoals het landelijk gemiddelde dat doet."))


class Policy(Group):
    """All policy levers. Levers marked local (outreach, debt-help capacity, direct rent payment,
    alternative housing, shelters, rehousing, registration) can also be set per municipality or
    municipality type ([municipality.<type or name>.policy.<group>] in a scenario file)."""

    early_signalling: EarlySignalling = EarlySignalling()
    debt_help: DebtHelp = DebtHelp()
    direct_rent_payment: DirectRentPayment = DirectRentPayment()
    rental_assistance: RentalAssistance = RentalAssistance()
    legal_aid: LegalAid = LegalAid()
    child_rights_test: ChildRightsTest = ChildRightsTest()
    consultation: Consultation = Consultation()
    housing_duty: HousingDuty = HousingDuty()
    shelter: Shelter = Shelter()
    rehousing: Rehousing = Rehousing()
    allocation: Allocation = Allocation()
    moratorium: Moratorium = Moratorium()
    registration: Registration = Registration()
    practice: Practice = Practice()
