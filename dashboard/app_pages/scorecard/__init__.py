"""Rights scorecard: the ombudsmen's eight obligations per scenario."""
