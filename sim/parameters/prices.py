"""One price year for every euro in the model, and the consumer price index that brings older
unit costs to it.

Every amount the model books is in prices of `PRICE_YEAR` (2024: the bijstand norms and rent
allowance figures in sim/parameters/context.py are 2024's). A unit cost that a source gives in
another year's prices is declared with that year (`price_year=`) and brought to 2024 with the
CBS consumer price index for all spending (CPI, alle bestedingen): the yearly changes below,
chained. Source [CBS-CPI]: CBS StatLine table 83131NED "Consumentenprijzen; prijsindex
2015=100", column "Jaarmutatie CPI", as tabulated for 1962-2024 from CBS by teltel.nl; the
years 2015-2019 checked against the StatLine excerpt itself.
"""

from __future__ import annotations

PRICE_YEAR = 2024
INDEX = "CBS consumer price index (CPI), all spending, yearly change (StatLine 83131NED)"
# Yearly change of the CPI in percent [CBS-CPI].
CPI_CHANGE = {2005: 1.7, 2006: 1.1, 2007: 1.6, 2008: 2.5, 2009: 1.2, 2010: 1.3, 2011: 2.3, 2012: 2.5, 2013: 2.5,
              2014: 1.0, 2015: 0.6, 2016: 0.3, 2017: 1.4, 2018: 1.7, 2019: 2.6, 2020: 1.3, 2021: 2.7, 2022: 10.0,
              2023: 3.8, 2024: 3.3}
FIRST_YEAR = min(CPI_CHANGE) - 1  # the earliest price year the table can index from


def cpi_factor(year: int) -> float:
    """What one euro of `year`'s prices is in PRICE_YEAR's prices (the CPI changes chained)."""
    if not FIRST_YEAR <= year <= PRICE_YEAR:
        raise ValueError(f"price year {year}: the CPI table indexes {FIRST_YEAR}-{PRICE_YEAR} to {PRICE_YEAR}")
    factor = 1.0
    for later in range(year + 1, PRICE_YEAR + 1):
        factor *= 1 + CPI_CHANGE[later] / 100
    return factor


def indexed(eur: float, year: int) -> float:
    """An amount in `year`'s prices, in PRICE_YEAR's prices, to the cent."""
    return round(eur * cpi_factor(year), 2)


def price_note(year: int | None) -> str:
    """Words for a unit cost's price year (its source's) and the year it is declared in; "" for a
    parameter that is not an amount of money."""
    if year is None:
        return ""
    if year == PRICE_YEAR:
        return f" [prices of {year}]"
    return f" [source's prices of {year}, indexed to {PRICE_YEAR} (CPI)]"
