"""The resource limits of campaignsim, in one place: what a scenario and a command may ask for.

Each limit is enforced where the input arrives, with an error naming the file, the line and the
key (or the option), so that no input can make a command run for hours, exhaust memory or die
with a traceback. docs/security.md lists them.
"""

MAX_SCENARIO_BYTES = 1024 * 1024
"""A scenario file or a settings file: 1 MiB (the largest real scenario is a few kilobytes)."""

MAX_CAMPAIGN_DAYS = 731
"""campaign.start to campaign.end: two years (a leap year included). A year typo (3027) is refused."""

MAX_DRAW_DELAY_DAYS = 366
"""prize.draw_at after campaign.end: a year. A draw years after the close is a typo in the year, and
the operations after it would be followed for years, hour by hour."""

LONG_CAMPAIGN_DAYS = 92
"""Longer than a quarter: lint warns (CS004), as a date is more likely wrong than the plan."""

MAX_VARIANTS = 50
"""Variants in one file: each one is linted and simulated with every replication."""

MAX_STEPS = 50
"""Entry steps of one scenario."""

MAX_POSTS = 500
"""Scheduled posts ([[schedule]]) of one scenario."""

MAX_PRIZE_ITEMS = 200
"""Prize items of one scenario."""

MAX_RUNS = 100_000
"""--runs: Monte Carlo replications per scenario."""

MAX_PERSON_RUNS = 2_000_000_000
"""Replications × people exposed in one replication, per scenario (summed over the points of a sweep
or a sensitivity analysis): the work one simulation does (about 2·10⁹ person-steps take minutes,
not hours)."""

MAX_RUN_HOURS = 50_000_000
"""Replications × (campaign hours + the hours the operations are followed) of one scenario (summed
over the points of an analysis): the per-hour timelines kept for every run (about
24 bytes per run-hour, so at most about 1.2 GB)."""

MAX_MONEY = 1e15
"""A prize's value or a budget, in its currency: totals of value × quantity stay finite numbers."""

DEFAULT_RUNS = 200
"""Replications per scenario for simulate, run and compare alike, so the same command line gives the
same figures whichever command shows them. Differences are paired run by run on common random
numbers; 200 runs also put about 20 runs in each tail of a takedown's all-or-nothing outcome."""
