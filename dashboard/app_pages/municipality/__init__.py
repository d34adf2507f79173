"""My municipality: its own figures and, in a national run, the municipality among the others
(rates: per 1,000 households and the spread; figure: the ranked strip; view: the section)."""
