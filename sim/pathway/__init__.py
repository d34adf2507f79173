"""The eviction pathway: the model and one module per actor or stage of the eviction sieve.

`model.py` holds the wiring and the monthly schedule; every other module is one stage
(households and their finances, rent, landlords, municipalities, root causes, court, bailiff,
after an eviction) or a piece of plumbing the stages share (random streams, outcomes,
journeys). Nothing here reads files, prints or plots; the experiment machinery
(`sim.experiments`) and the public API (`sim`) call in, never the other way round.
"""
