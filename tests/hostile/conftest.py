"""Shared pieces of the hostile-input tests: a valid scenario to plant strings in."""

from __future__ import annotations

import pytest

from tests_hostile_support import scenario_text


@pytest.fixture
def write_scenario(tmp_path):
    def write(filename="campaign.toml", **kwargs):
        path = tmp_path / filename
        path.write_text(scenario_text(**kwargs), encoding="utf-8")
        return path

    return write
