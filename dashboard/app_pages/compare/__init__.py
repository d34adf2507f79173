"""Compare policies: headline cards, the forest plot, outcomes over time and the exports."""
