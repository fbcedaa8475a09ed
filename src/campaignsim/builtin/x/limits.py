"""X's numbers, each with its source and how far it was verified (V official text seen, S secondary, U none)."""

MAX_ENTRIES_PER_DAY = 1
"""Guidelines for Promotions on X: "We recommend setting clear contest rules stating that multiple entries in a single
day will not be accepted." https://help.x.com/en/rules-and-policies/x-contest-rules [V]"""

MAX_POSTS_PER_STEP = 1
"""Same page: "Please don't set rules to encourage lots of duplicate updates (e.g., 'whoever Reposts this the most
wins')": one post (repost, reply or upload) per entry. [V]"""
