"""Outcomes: declared once with kind and unit, collected monthly into one preallocated table.

Flows (counted during a month) are added by the phases as they happen; stocks are read at the
end of each month. Derived outcomes (totals) are computed when a month closes. The table holds
simulated counts; scaling to the real population happens when results are made (runner.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .costs import ITEMS, Item, Payer

PAYERS = tuple(p.value for p in Payer)
CAUSES = ("arrears", "nuisance", "drugs", "lease_breach")
PLACES = ("doubled_up", "emergency", "family_shelter", "night_shelter", "hidden", "rough", "alternative")
PLACE_LABELS = {"doubled_up": "with relatives or friends", "emergency": "emergency accommodation",
                "family_shelter": "family shelter", "night_shelter": "night shelter",
                "hidden": "hidden (car, shed, caravan)", "rough": "sleeping rough",
                "alternative": "alternative housing"}
SHOCKS = ("job_loss", "benefit_problem", "separation", "cost")
ARREARS_ENDINGS = ("at_contact", "repaid", "plan", "debt_help", "municipal_money", "settlement", "court", "moved_out",
                   "departure")


@dataclass(frozen=True)
class Outcome:
    """One outcome as results and the dashboard show it: its name, whether it is counted per month
    or read at the end of a month, its unit, and its label in English and in Dutch."""

    name: str
    kind: str  # "flow" (per month) or "stock" (end of month)
    unit: str
    label: str
    label_nl: str


def _flows(unit: str, **labels: tuple[str, str]) -> list[Outcome]:
    """Outcomes counted per month, in `unit`: name=(English label, Dutch label)."""
    return [Outcome(n, "flow", unit, en, nl) for n, (en, nl) in labels.items()]


def _stocks(unit: str, **labels: tuple[str, str]) -> list[Outcome]:
    """Outcomes read at the end of each month, in `unit`: name=(English label, Dutch label)."""
    return [Outcome(n, "stock", unit, en, nl) for n, (en, nl) in labels.items()]


# The Dutch words for the names that outcome labels are built from (PLACE_LABELS holds the English).
_SHOCKS_NL = {"job_loss": "baanverlies", "benefit_problem": "probleem met uitkering of toeslag",
              "separation": "scheiding", "cost": "onverwachte kosten"}
_CAUSES_NL = {"arrears": "huurachterstand", "nuisance": "overlast", "drugs": "drugs",
              "lease_breach": "overtreding van het huurcontract"}
_PLACES_NL = {"doubled_up": "bij familie of vrienden", "emergency": "noodopvang", "family_shelter": "gezinsopvang",
              "night_shelter": "nachtopvang", "hidden": "verborgen (auto, schuur, caravan)", "rough": "op straat",
              "alternative": "vervangende woonruimte"}
_PAYERS_NL = {"landlord": "verhuurder", "municipality": "gemeente", "youth_care": "jeugdzorg", "national": "Rijk",
              "health_insurer": "zorgverzekeraars"}
_REHOUSING_NL = {"urgency": "urgentie", "shelter_exit": "uitstroom uit de opvang", "regular": "regulier",
                 "housing_first": "Housing First", "second_chance": "tweedekanscontract"}
_ENDING_LABELS = {"at_contact": ("paid at the landlord's reminder", "betaald na de aanmaning van de verhuurder"),
                  "repaid": ("repaid from income", "afgelost uit inkomen"),
                  "plan": ("repaid under a payment plan", "afgelost met een betalingsregeling"),
                  "debt_help": ("repaid during debt help", "afgelost tijdens de schuldhulp"),
                  "municipal_money": ("paid by the municipality's arrears fund",
                                      "betaald uit het huurschuldenfonds van de gemeente"),
                  "settlement": ("settled in a debt settlement", "geregeld in een schuldregeling"),
                  "court": ("paid or settled in court", "betaald of geregeld bij de rechter"),
                  "moved_out": ("tenant moved out", "huurder verhuisd"),
                  "departure": ("evicted or left before the bailiff",
                                "ontruimd of vertrokken voor de deurwaarder kwam")}


# The routes by which a corporation dwelling is let (lettings.py), in order: urgent categories
# first; homeless households that find a dwelling on their own and regular applicants are not urgent.
LETTING_ROUTES = {
    "urgency": ("Corporation lettings: displaced households with urgency",
                "Verhuringen corporaties: huishoudens zonder woning met urgentie"),
    "shelter_exit": ("Corporation lettings: leaving a shelter", "Verhuringen corporaties: uitstroom uit de opvang"),
    "housing_first": ("Corporation lettings: Housing First", "Verhuringen corporaties: Housing First"),
    "second_chance": ("Corporation lettings: second-chance contracts", "Verhuringen corporaties: tweedekanscontracten"),
    "homeless_family_other": ("Corporation lettings: families homeless for other reasons, with urgency or from a "
                              "shelter", "Verhuringen corporaties: gezinnen dakloos om een andere reden, met urgentie "
                              "of uit de opvang"),
    "statushouder": ("Corporation lettings: statushouders", "Verhuringen corporaties: statushouders"),
    "other_urgent": ("Corporation lettings: other urgent applicants (medical, social, leaving care)",
                     "Verhuringen corporaties: andere urgenten (medisch, sociaal, uitstroom uit zorg)"),
    "homeless_own": ("Corporation lettings: homeless households finding one on their own",
                     "Verhuringen corporaties: dakloze huishoudens die er zelf een vinden"),
    "regular": ("Corporation lettings: regular applicants", "Verhuringen corporaties: reguliere woningzoekenden"),
}
# Bins of the regular applicants' waiting time at letting: name, from and below (months), words.
REGULAR_WAIT_BINS = (("upto_2y", 0, 24, "up to 2 years", "tot 2 jaar"), ("2_4y", 24, 48, "2-4 years", "2-4 jaar"),
                     ("4_6y", 48, 72, "4-6 years", "4-6 jaar"), ("6_8y", 72, 96, "6-8 years", "6-8 jaar"),
                     ("8_10y", 96, 120, "8-10 years", "8-10 jaar"),
                     ("over_10y", 120, float("inf"), "over 10 years", "meer dan 10 jaar"))


def _of_which(en: str, nl: str) -> tuple[str, str]:
    """A label for a part of the outcome above it ("... of which ...")."""
    return f"... of which {en}", f"... waarvan {nl}"


OUTCOMES: tuple[Outcome, ...] = (
    # 1 finances and turnover
    *_flows("households",
            **{f"shocks_{s}": (f"Shocks: {s.replace('_', ' ')}", f"Inkomensschokken: {_SHOCKS_NL[s]}") for s in SHOCKS},
            life_changes=("Lasting changes of earnings", "Blijvende veranderingen van het inkomen"),
            moves_out=("Tenants moving out", "Vertrekkende huurders"),
            moves_out_in_arrears=("Tenants moving out in arrears", "Vertrekkende huurders met huurachterstand"),
            new_tenants=("New tenants moving in", "Nieuwe huurders")),
    # 2 rent and arrears
    *_flows("households", arrears_new=("New arrears spells", "Nieuwe huurachterstanden"),
            rent_missed=("Months of rent missed (households)", "Maanden huur niet betaald (huishoudens)"),
            **{f"arrears_ended_{e}": (f"Arrears ended: {en}", f"Huurachterstand beëindigd: {nl}")
               for e, (en, nl) in _ENDING_LABELS.items()}),
    # 3 landlords
    *_flows("households",
            contacts=("Tenants in arrears reached by their landlord",
                      "Huurders met achterstand bereikt door hun verhuurder"),
            arrangements=("Payment plans agreed", "Betalingsregelingen afgesproken"),
            arrangements_broken=("Payment plans broken", "Betalingsregelingen niet nagekomen"),
            signals=("Early signals (arrears)", "Vroegsignaleringen (huurachterstand)"),
            family_referrals=("Families referred to the municipality before a summons",
                              "Gezinnen voor een dagvaarding doorverwezen naar de gemeente")),
    *_flows("months",
            summons_arrears_months=("Months of rent owed at summons (sum)", "Maanden huurschuld bij dagvaarding (som)"),
            summons_spell_months=("Months in arrears at summons (sum)",
                                  "Maanden in achterstand bij dagvaarding (som)")),
    *_flows("households",
            summons_spell_upto_3=("Summonses after at most 3 months in arrears",
                                  "Dagvaardingen na hoogstens 3 maanden achterstand"),
            summons_spell_4_6=("Summonses after 4-6 months in arrears", "Dagvaardingen na 4-6 maanden achterstand"),
            summons_spell_7_12=("Summonses after 7-12 months in arrears", "Dagvaardingen na 7-12 maanden achterstand"),
            summons_spell_13_24=("Summonses after 13-24 months in arrears",
                                 "Dagvaardingen na 13-24 maanden achterstand"),
            summons_spell_over_24=("Summonses after more than 24 months in arrears",
                                   "Dagvaardingen na meer dan 24 maanden achterstand"),
            summons_owed_upto_4=("Summonses owing less than 4 months of rent",
                                 "Dagvaardingen met minder dan 4 maanden huurschuld"),
            summons_owed_4_6=("Summonses owing 4-6 months of rent", "Dagvaardingen met 4-6 maanden huurschuld"),
            summons_owed_over_6=("Summonses owing 6 months of rent or more",
                                 "Dagvaardingen met 6 maanden huurschuld of meer")),
    # 4 municipalities
    *_flows("households", signals_nuisance=("Early signals (nuisance)", "Vroegsignaleringen (overlast)"),
            signals_reached=("Signalled households reached", "Gemelde huishoudens bereikt"),
            signals_unanswered=("Signals beyond outreach capacity", "Meldingen boven de capaciteit voor contact"),
            help_accepted=("Help accepted after a signal", "Hulp aanvaard na een melding"),
            referrals_reached=("Referred families reached", "Doorverwezen gezinnen bereikt"),
            referrals_unanswered=("Referrals beyond outreach capacity",
                                  "Doorverwijzingen boven de capaciteit voor contact"),
            referrals_accepted=("Help accepted after a referral", "Hulp aanvaard na een doorverwijzing"),
            fund_households=("Households whose arrears the municipality's fund paid",
                             "Huishoudens van wie het huurschuldenfonds de achterstand betaalde"),
            fund_applications=("Landlords' applications to the fund before a summons",
                               "Aanvragen bij het huurschuldenfonds door verhuurders vóór een dagvaarding"),
            supplements_started=("Housing-cost supplements started", "Woonkostentoeslagen gestart"),
            help_sought=("Tenants in arrears applying for help themselves",
                         "Huurders met achterstand die zelf hulp aanvragen"),
            debt_help_started=("Debt help started", "Schuldhulp gestart"),
            debt_help_started_priority=("Debt help started for tenants facing a summons",
                                        "Schuldhulp gestart voor huurders met een dreigende dagvaarding"),
            debt_help_settlements=("Debt settlements reached", "Schuldregelingen tot stand gekomen"),
            debt_help_dropouts=("Dropped out of debt help", "Uitgevallen uit de schuldhulp"),
            debt_help_completed=("Debt help completed", "Schuldhulp afgerond"),
            direct_payment_started=("Direct rent payment started", "Huurinhouding op de uitkering gestart"),
            direct_payment_ended=("Direct rent payment ended", "Huurinhouding op de uitkering beëindigd")),
    *_flows("months", debt_help_wait_months=("Months waited for debt help (sum)",
                                             "Maanden gewacht op schuldhulp (som)")),
    # 5 root causes
    *_flows("households", nuisance_cases=("Nuisance cases started", "Overlastzaken gestart"),
            nuisance_resolved=("Nuisance cases resolved", "Overlastzaken opgelost"),
            drug_closures=("Drug-related closures", "Woningsluitingen wegens drugs"),
            closures_warned=("Closures turned into warnings", "Sluitingen omgezet in een waarschuwing"),
            lease_breach_cases=("Lease-breach cases (subletting, fraud)",
                                "Zaken wegens overtreding van het huurcontract (onderhuur, fraude)")),
    # 6 court
    *_flows("households", summonses=("Summonses (dagvaardingen)", "Dagvaardingen"),
            **{f"summonses_{c}": (f"Summonses for {c.replace('_', ' ')}", f"Dagvaardingen wegens {_CAUSES_NL[c]}")
               for c in CAUSES},
            legal_aid_cases=("Summoned tenants with legal aid", "Gedagvaarde huurders met rechtshulp"),
            hearings=("Hearings", "Zittingen"), default_judgments=("Default judgments", "Verstekvonnissen"),
            verdicts=("Verdicts (eviction orders and conditional)", "Vonnissen (ontruiming en voorwaardelijk)"),
            eviction_orders=("Eviction orders", "Ontruimingsvonnissen"),
            cases_paid_before_hearing=("Paid before the hearing", "Betaald voor de zitting"),
            cases_conditional_verdict=("Conditional verdicts", "Voorwaardelijke vonnissen"),
            cases_dismissed=("Cases dismissed", "Vorderingen afgewezen"),
            breach_orders=("Conditional verdicts breached (execution without a new verdict)",
                           "Voorwaardelijke vonnissen geschonden (ontruiming zonder nieuw vonnis)"),
            conditional_completed=("Conditional verdicts completed", "Voorwaardelijke vonnissen afgerond")),
    # 7 bailiff
    *_flows("households", executions_ordered=("Executions ordered (eviction orders and breaches)",
                                              "Opdrachten tot ontruiming (vonnissen en geschonden voorwaarden)"),
            cases_settled_after_verdict=("Settled after the verdict", "Geregeld na het vonnis"),
            cases_left_before_execution=("Left before the bailiff came", "Vertrokken voordat de deurwaarder kwam"),
            cases_executed=("Executed", "Ontruiming uitgevoerd"),
            executions_postponed=("Executions postponed by a moratorium",
                                  "Ontruimingen uitgesteld door een moratorium")),
    # 8 evictions
    *_flows("households", evictions=("Evictions (executed)", "Ontruimingen (uitgevoerd)"),
            **{f"evictions_{c}": (f"Evictions for {c.replace('_', ' ')}", f"Ontruimingen wegens {_CAUSES_NL[c]}")
               for c in CAUSES},
            evictions_arrears_corporation=("Evictions for arrears by corporations",
                                           "Ontruimingen wegens huurachterstand door corporaties"),
            evictions_corporation=("Evictions by corporations", "Ontruimingen door corporaties"),
            evictions_private=("Evictions by private landlords", "Ontruimingen door particuliere verhuurders"),
            evictions_with_children=("Evictions of families with children", "Ontruimingen van gezinnen met kinderen"),
            evictions_single_parent=("Evictions of single parents", "Ontruimingen van eenoudergezinnen"),
            evictions_large_family=("Evictions of families with three or more children",
                                    "Ontruimingen van gezinnen met drie of meer kinderen"),
            evictions_on_benefits=("Evictions of households living on a benefit",
                                   "Ontruimingen van huishoudens met een uitkering"),
            executions_waiting_housing_months=(
                "Family executions waiting for alternative housing (household-months)",
                "Ontruimingen van gezinnen in afwachting van vervangende woonruimte (huishoudmaanden)"),
            left_before_execution=("Left before execution", "Vertrokken voor de ontruiming"),
            left_to_own_housing=("Left to a place of their own", "Vertrokken naar een eigen woonplek"),
            tenancies_failed=("Supported tenancies that failed (household displaced again)",
                              "Begeleide huurcontracten mislukt (huishouden opnieuw zonder woning)"),
            **{f"displaced_to_{p}": (f"First place after losing the home: {PLACE_LABELS[p]}",
                                     f"Eerste verblijfplaats na verlies van de woning: {_PLACES_NL[p]}")
               for p in PLACES},
            alternative_housing_placements=("Alternative housing placements", "Plaatsingen in vervangende woonruimte"),
            emergency_entries=("Emergency accommodation entries", "Instroom in de noodopvang"),
            family_shelter_entries=("Family shelter entries", "Instroom in de gezinsopvang"),
            night_shelter_entries=("Night shelter entries", "Instroom in de nachtopvang"),
            rehoused=("Rehoused", "Weer gehuisvest"),
            **{f"rehoused_{r}": (f"Rehoused ({r.replace('_', ' ')})", f"Weer gehuisvest ({nl})")
               for r, nl in _REHOUSING_NL.items()},
            rehousing_waiting_vacancy=("Rehousing waiting for a vacancy (household-months)",
                                       "Herhuisvesting wacht op een vrije woning (huishoudmaanden)"),
            housing_first_failed=("Housing First tenancies that failed", "Housing First-huurcontracten mislukt"),
            second_chance_failed=("Second-chance tenancies that failed", "Tweedekanscontracten mislukt"),
            evictions_with_legal_aid=("Evictions with legal aid", "Ontruimingen met rechtshulp"),
            evictions_arrears_helped=("Evictions for arrears of tenants who had debt help in the tenancy",
                                      "Ontruimingen wegens huurachterstand van huurders die tijdens de huur "
                                      "schuldhulp hadden"),
            family_evictions_children_heard=("Family evictions where the children were heard",
                                             "Ontruimingen van gezinnen waarbij de kinderen zijn gehoord"),
            family_evictions_in_view=("Family evictions with alternative housing in view before the eviction",
                                      "Ontruimingen van gezinnen met vervangende woonruimte in zicht voor de "
                                      "ontruiming"),
            youth_protection_decisions=("Youth-protection decisions (families)",
                                        "Besluiten over jeugdbescherming (gezinnen)"),
            contacts_after_eviction=("Displaced households coming into contact with the municipality later",
                                     "Huishoudens zonder eigen woning die later in contact komen met de gemeente"),
            homeless_families_other_arrived=("Families homeless for other reasons (arrived)",
                                             "Gezinnen dakloos om een andere reden (instroom)"),
            homeless_families_other_rehoused=("Families homeless for other reasons rehoused",
                                              "Gezinnen dakloos om een andere reden weer gehuisvest"),
            family_shelter_entries_other=("Family shelter entries of families homeless for other reasons",
                                          "Instroom in de gezinsopvang van gezinnen dakloos om een andere reden")),
    # 9 social lettings (lettings.py): corporation lettings by route, and the regular applicants' wait
    *_flows("dwellings", **{f"lettings_{route}": labels for route, labels in LETTING_ROUTES.items()},
            lettings_urgent_homeless=("Corporation lettings to homeless households with urgency or from a shelter "
                                      "(all causes)", "Verhuringen corporaties aan dakloze huishoudens met urgentie of "
                                      "uit de opvang (alle oorzaken)"),
            **{f"lettings_regular_wait_{name}": (f"Lettings to regular applicants who had waited {en}",
                                                 f"Verhuringen aan reguliere woningzoekenden die {nl} wachtten")
               for name, _, _, en, nl in REGULAR_WAIT_BINS}),
    *_flows("months", regular_wait_months_total=("Months the regular applicants let to had waited (sum)",
                                                 "Maanden die reguliere woningzoekenden hadden gewacht (som)")),
    *_stocks("months",
             regular_wait_months=("Regular applicants' wait for a corporation dwelling",
                                  "Wachttijd van reguliere woningzoekenden voor een corporatiewoning"),
             homeless_families_months=("Months homeless families (after an eviction) have been without a home",
                                       "Maanden dat dakloze gezinnen (na een ontruiming) zonder woning zijn"),
             homeless_families_other_months=("Months families homeless for other reasons have been without a home",
                                             "Maanden dat gezinnen dakloos om een andere reden zonder woning zijn")),
    *_stocks("applicants",
             regular_applicants_waiting=("Regular applicants waiting", "Wachtende reguliere woningzoekenden")),
    # the twelve-month follow-up of each eviction (evictions.py), recorded when it ends
    *_flows("households", cohort_evictions=("Evictions followed up for a year", "Ontruimingen een jaar gevolgd"),
            cohort_evictions_homeless=_of_which(
                "in shelter, hidden or on the street, or separated, in that year",
                "in dat jaar in de opvang, verborgen of op straat, of gescheiden"),
            cohort_family_evictions=("Family evictions followed up for a year",
                                     "Ontruimingen van gezinnen een jaar gevolgd"),
            cohort_family_evictions_in_view=_of_which("with alternative housing in view before the eviction",
                                                      "met vervangende woonruimte in zicht voor de ontruiming"),
            cohort_family_evictions_heard=_of_which("the children were heard", "de kinderen zijn gehoord")),
    *_flows("children", cohort_children=("Evicted children followed up for a year",
                                         "Ontruimde kinderen een jaar gevolgd"),
            cohort_children_separated=_of_which("separated from their parents in that year",
                                                "in dat jaar van hun ouders gescheiden"),
            cohort_school_children=("Evicted school-age children followed up for a year",
                                    "Ontruimde kinderen in de schoolleeftijd een jaar gevolgd"),
            cohort_children_school_change=_of_which("changed school in that year", "in dat jaar van school gewisseld"),
            cohort_child_moves=("Moves of evicted children in the year after the eviction",
                                "Verhuizingen van ontruimde kinderen in het jaar na de ontruiming")),
    *_flows("children",
            children_evicted=("Children evicted", "Kinderen getroffen door een ontruiming"),
            children_separated=("Children separated from parents", "Kinderen van hun ouders gescheiden"),
            children_to_relatives=("Children staying with relatives (the family's choice)",
                                   "Kinderen ondergebracht bij familie (keuze van het gezin)"),
            children_to_foster=("Children placed in foster care", "Kinderen in een pleeggezin geplaatst"),
            children_to_residential=("Children placed in residential care", "Kinderen in een leefgroep geplaatst"),
            children_supervised=("Children under a supervision order (new)", "Kinderen onder toezicht gesteld (nieuw)"),
            children_reunified=("Children reunified", "Kinderen weer bij hun ouders"),
            children_separated_left=("Separated children whose parents moved out of the rented stock",
                                     "Gescheiden kinderen van wie de ouders de huursector verlieten"),
            school_changes=("School changes", "Schoolwisselingen"),
            child_moves=("Moves of displaced children",
                         "Verhuizingen van kinderen uit huishoudens zonder eigen woning")),
    *_flows("child-months", school_months_disrupted=("Disrupted school months", "Verstoorde schoolmaanden")),
    *_flows("EUR", arrears_written_off_eur=("Arrears written off in debt settlements",
                                            "Huurachterstand kwijtgescholden in schuldregelingen"),
            arrears_left_eur=("Arrears left behind by departing tenants",
                              "Huurachterstand achtergelaten door vertrekkende huurders"),
            fund_eur=("Arrears paid by the municipality's fund", "Achterstand betaald uit het huurschuldenfonds"),
            supplement_eur=("Housing-cost supplements paid", "Uitbetaalde woonkostentoeslag"),
            rental_assistance_eur=("Rental assistance paid (fund and supplement)",
                                   "Uitbetaalde huurondersteuning (fonds en toeslag)"),
            **{f"cost_{p}_eur": (f"Cost: {p.replace('_', ' ')}", f"Kosten: {_PAYERS_NL[p]}") for p in PAYERS},
            cost_total_eur=("Cost: total", "Kosten: totaal"),
            # each payer's cost by item (costs.py); the household's own items are in no payer's total
            **{f"cost_{name}_eur": (f"Cost: {item.label}", f"Kosten: {item.label_nl}")
               for name, item in ITEMS.items()}),
    *_stocks("households",
             households=("Households (occupied dwellings)", "Huishoudens (bewoonde woningen)"),
             households_in_arrears=("Households in arrears", "Huishoudens met huurachterstand"),
             households_in_arrears_corporation=("Corporation tenants in arrears",
                                                "Corporatiehuurders met huurachterstand"),
             households_in_arrears_private=("Private tenants in arrears", "Particuliere huurders met huurachterstand"),
             arrears_1_3_months_corporation=("Corporation tenants owing 1-3 months of rent",
                                             "Corporatiehuurders met 1-3 maanden huurachterstand"),
             households_on_benefits=("Households living on a benefit", "Huishoudens met een uitkering"),
             households_with_allowance=("Households receiving rent allowance", "Huishoudens met huurtoeslag"),
             households_short=("Households short of money without a shock (betaalrisico)",
                               "Huishoudens met geldtekort zonder schok (betaalrisico)"),
             households_in_shock=("Households in an income shock", "Huishoudens in een inkomensschok"),
             in_payment_plan=("Households on a payment plan", "Huishoudens met een betalingsregeling"),
             in_debt_help=("Households in debt help", "Huishoudens in de schuldhulp"),
             debt_help_queue=("Waiting for debt help", "Wachtend op schuldhulp"),
             direct_payment_households=("Households with rent withheld from a benefit",
                                        "Huishoudens met huur ingehouden op de uitkering"),
             conditional_verdicts_running=("Conditional verdicts running", "Lopende voorwaardelijke vonnissen"),
             open_court_cases=("Open court cases", "Lopende rechtszaken"),
             executions_waiting_capacity=("Executions waiting for a bailiff",
                                          "Ontruimingen wachtend op een deurwaarder"),
             executions_waiting_housing=("Family executions waiting for alternative housing",
                                         "Ontruimingen van gezinnen wachtend op vervangende woonruimte"),
             displaced_households=("Displaced households", "Huishoudens zonder eigen woning"),
             homeless_households=("Homeless households (with others, in shelter, hidden, on the street)",
                                  "Dakloze huishoudens (bank, opvang, straat)"),
             **{f"households_{p}": (f"Households: {PLACE_LABELS[p]}", f"Huishoudens: {_PLACES_NL[p]}") for p in PLACES},
             family_shelter_waiting=("Family shelter waiting list", "Wachtlijst gezinsopvang"),
             night_shelter_waiting=("Night shelter waiting list", "Wachtlijst nachtopvang"),
             alternative_units=("Alternative housing units", "Eenheden vervangende woonruimte"),
             housing_first_tenancies=("Housing First tenancies", "Housing First-huurcontracten"),
             supported_tenancies=("Supported tenancies (Housing First, second chance)",
                                  "Begeleide huurcontracten (Housing First, tweede kans)"),
             homeless_families=("Homeless families after an eviction", "Dakloze gezinnen na een ontruiming"),
             homeless_families_other=("Families homeless for other reasons", "Gezinnen dakloos om een andere reden"),
             homeless_families_other_sheltered=_of_which("in a family shelter", "in de gezinsopvang"),
             homeless_families_all=("Homeless families (all causes)", "Dakloze gezinnen (alle oorzaken)"),
             households_single_parent=("Single-parent households", "Eenoudergezinnen"),
             households_large_family=("Families with three or more children", "Gezinnen met drie of meer kinderen")),
    *_stocks("adults", homeless_adults=("Homeless adults", "Dakloze volwassenen")),
    *_stocks("children",
             homeless_children=("Homeless children (with their parents)", "Dakloze kinderen (bij hun ouders)"),
             homeless_children_other=("Children of families homeless for other reasons",
                                      "Kinderen van gezinnen dakloos om een andere reden"),
             homeless_children_all=("Homeless children (all causes)", "Dakloze kinderen (alle oorzaken)"),
             children_separated_now=("Children separated from parents (now)",
                                     "Kinderen van hun ouders gescheiden (nu)"),
             children_relatives=("Children with relatives", "Kinderen bij familie"),
             children_foster=("Children in foster care", "Kinderen in een pleeggezin"),
             children_residential=("Children in residential care", "Kinderen in een leefgroep"),
             children_placed=("Children placed out of home", "Kinderen uit huis geplaatst"),
             children_under_supervision=("Children under supervision", "Kinderen onder toezicht"),
             children_alternative=("Children in alternative housing", "Kinderen in vervangende woonruimte"),
             children_home=("Children at home", "Kinderen thuis"),
             children_of_displaced=("Children of displaced households", "Kinderen van huishoudens zonder eigen woning"),
             children_of_displaced_with_parent=_of_which("with a parent", "bij een ouder")),
    *_stocks("EUR", arrears_eur=("Arrears owed", "Openstaande huurachterstand"),
             arrears_corporation_eur=("Arrears owed to corporations", "Openstaande huurachterstand bij corporaties"),
             rent_roll_corporation_eur=("Monthly rent of all corporation dwellings",
                                        "Maandhuur van alle corporatiewoningen"),
             allowance_eur=("Rent allowance paid (month)", "Uitbetaalde huurtoeslag (maand)")),
)
OUTCOME_INDEX = {o.name: i for i, o in enumerate(OUTCOMES)}
# The outcomes a comparison leads with (CLI tables, figures, the dashboard's cards).
HEADLINE = ("evictions", "evictions_with_children", "children_evicted", "summonses", "verdicts", "signals",
            "households_in_arrears", "homeless_households", "homeless_children", "children_separated",
            "school_changes", "cost_total_eur")
# What a policy gives homeless families and takes from regular applicants for a social home: the CLI
# shows these after the headline outcomes (lettings.py).
HOUSING = ("lettings_urgent_homeless", "lettings_regular", "regular_wait_months", "homeless_families_all",
           "homeless_children_all")
FLOWS = tuple(o.name for o in OUTCOMES if o.kind == "flow")
STOCKS = tuple(o.name for o in OUTCOMES if o.kind == "stock")
# Stocks that are averages over households (months), not counts: a sample's are the population's,
# so results do not scale them up (runner.py).
MEANS = ("regular_wait_months", "homeless_families_months", "homeless_families_other_months")


# Where a cost item is booked: its own column and its payer's (None for the household's own items).
COST_INDEX = {Item(name): (OUTCOME_INDEX[f"cost_{name}_eur"],
                           None if item.payer is None else OUTCOME_INDEX[f"cost_{item.payer}_eur"])
              for name, item in ITEMS.items()}


class OutcomeTable:
    """One row per month, one column per outcome."""

    def __init__(self, months: int) -> None:
        self.values = np.zeros((months, len(OUTCOMES)))
        self.row = self.values[0]

    def start_month(self, t: int) -> None:
        self.row = self.values[t]

    def add(self, name: str, amount: float) -> None:
        self.row[OUTCOME_INDEX[name]] += amount

    def add_cost(self, item: Item, eur: float) -> None:
        """Book `eur` on a cost item (costs.ITEMS) and on its payer's total."""
        own, payer = COST_INDEX[item]
        self.row[own] += eur
        if payer is not None:
            self.row[payer] += eur

    def add_costs(self, item: Item, amounts: list[float]) -> None:
        """`add_cost` for each of `amounts` (EUR) in turn: the same sums, in Python floats, without
        a call and two NumPy element updates per amount (a municipality's worth each month)."""
        own, payer = COST_INDEX[item]
        row = self.row
        own_total, payer_total = float(row[own]), float(row[payer]) if payer is not None else 0.0
        for eur in amounts:
            own_total += eur
            payer_total += eur
        row[own] = own_total
        if payer is not None:
            row[payer] = payer_total

    def set(self, name: str, value: float) -> None:
        self.row[OUTCOME_INDEX[name]] = value

    def get(self, name: str) -> float:
        return float(self.row[OUTCOME_INDEX[name]])

    def close_month(self) -> None:
        """Derived totals of the month."""
        add = self.add
        for cause in CAUSES:
            add("summonses", self.get(f"summonses_{cause}"))
        add("verdicts", self.get("eviction_orders") + self.get("cases_conditional_verdict"))
        add("cost_total_eur", sum(self.get(f"cost_{p}_eur") for p in PAYERS))
