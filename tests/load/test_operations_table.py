"""The [operations] table: accepted as documented, every bad value a located one-line error."""

from __future__ import annotations

OPERATIONS = """
[operations]
dispatch_per_day = 50
dispatch_days = ["mon", "tue", "wed", "thu", "fri", "sat"]
dispatch_starts_days = 1.5
transit_days = 3
transit_spread = 0.4
transit_distribution = "gamma"
winner_response_share = 0.85
winner_response_days = 2
support_agents = 3
support_days = ["mon", "tue", "wed", "thu", "fri"]
support_opens = 8.5
support_closes = 20
handling_minutes = 12
"""


def test_a_full_operations_table_loads_into_the_model(base, reg):
    from campaignsim.load import load_text

    loaded = load_text(base + OPERATIONS, reg, path="spring.toml")
    assert loaded.errors == []
    ops = loaded.scenarios[0].operations
    assert ops.dispatch_per_day == 50 and ops.dispatch_days[-1] == "sat" and ops.transit_distribution == "gamma"
    assert ops.support_agents == 3 and ops.support_opens == 8.5 and ops.handling_minutes == 12


def test_without_the_table_every_key_is_left_to_the_simulation_defaults(base, reg):
    from campaignsim.load import load_text

    ops = load_text(base, reg, path="spring.toml").scenarios[0].operations
    assert ops.dispatch_per_day is None and ops.support_agents is None and ops.transit_days is None
    assert ops.dispatch_days == ("mon", "tue", "wed", "thu", "fri") and (ops.support_opens, ops.support_closes) == (9.0, 18.0)


def test_bad_operations_values_name_file_line_and_key(base, errors):
    first = len(base.splitlines()) + 1  # the [operations] header's line
    text = base + "\n".join([
        "[operations]",
        "dispatch_per_day = 0",
        'dispatch_days = ["mon", "funday"]',
        "transit_days = 0",
        'transit_distribution = "teleport"',
        "winner_response_share = 1.5",
        "support_agents = -1",
        "support_opens = 18",
        "support_closes = 9",
        "handling_minutes = \"ten\"",
        "dispatch_per_week = 5",
    ]) + "\n"
    line = lambda n: first + n  # noqa: E731
    assert errors(text) == [
        f"spring.toml:{line(1)}: operations.dispatch_per_day: must be an integer ≥ 1, got 0",
        f'spring.toml:{line(2)}: operations.dispatch_days[1]: must be one of mon, tue, wed, thu, fri, sat, sun, got "funday"',
        f"spring.toml:{line(3)}: operations.transit_days: must be a number > 0 and ≤ 365, got 0",
        f'spring.toml:{line(4)}: operations.transit_distribution: must be one of lognormal, gamma, exponential, fixed, got "teleport"',
        f"spring.toml:{line(5)}: operations.winner_response_share: must be a number from 0 to 1, got 1.5",
        f"spring.toml:{line(6)}: operations.support_agents: must be an integer from 0 to 100,000, got -1",
        f"spring.toml:{line(8)}: operations.support_closes: must be after operations.support_opens (18), got 9",
        f'spring.toml:{line(9)}: operations.handling_minutes: must be a number > 0 and ≤ 10,000, got "ten"',
        f'spring.toml:{line(10)}: operations.dispatch_per_week: unknown key; did you mean "dispatch_per_day"?',
    ]
