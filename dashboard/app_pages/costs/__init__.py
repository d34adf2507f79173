"""Costs and benefits: the social cost-benefit analysis (MKBA) of the comparison on screen."""
