"""The takedown and backlash model: hazards from the rules broken, against closed forms."""

from __future__ import annotations

import math

import numpy as np
import sim_helpers as H

from campaignsim.lint.rule import Enforcement
from campaignsim.sim import simulate
from campaignsim.sim.config import build_config
from campaignsim.sim.risk import DEFAULT_WEIGHT_SOURCE, family_weight, resolve, status, terms_for


class _Rule:
    def __init__(self, enforcement=None):
        self.enforcement = enforcement


class RiskRegistry:
    """The simulator's test registry plus rules that declare enforcement weights."""

    def __init__(self):
        self.base = H.registry()
        self.exchange_rates = self.base.exchange_rates
        self.failures = ()
        self.rules = {
            "SHARE1": _Rule(Enforcement(weight=1.0, family="induced-sharing", source="[U] test")),
            "SHARE2": _Rule(Enforcement(weight=1.0, family="induced-sharing", source="[U] test")),
            "FOLLOW": _Rule(Enforcement(weight=0.5, family="induced-following", source="[S] test")),
            "PLAIN": _Rule(None),  # an error-level platform rule that declares nothing: weight 1
            "HOT": _Rule(Enforcement(kind="backlash", weight=1.0, source="[S] test")),
        }

    def platform(self, name):
        return self.base.platform(name)

    def action(self, name):
        return self.base.action(name)


REG = RiskRegistry()
HOURS = 120.0
PLATFORM_HAZARD = 0.08  # WECHAT_LIKE's takedown_hazard_per_day


def p_event(rate_per_day: float, hours: float = HOURS) -> float:
    return 1 - math.exp(-rate_per_day * hours / 24)


def test_rules_of_one_family_count_once_and_families_add_up():
    terms = terms_for(("SHARE1", "SHARE2", "FOLLOW", "PLAIN"), REG)
    assert family_weight(terms) == 1.0 + 0.5 + 1.0
    assert family_weight(terms_for(("SHARE1",), REG)) == family_weight(terms_for(("SHARE1", "SHARE2"), REG)) == 1.0
    plain = terms_for(("PLAIN",), REG)[0]
    assert (plain.kind, plain.weight, plain.source) == ("takedown", 1.0, DEFAULT_WEIGHT_SOURCE)


def test_the_hazard_scales_with_the_rules_broken_and_the_enforcement_level():
    values = {"takedown_hazard_per_day": PLATFORM_HAZARD, "enforcement_level": 1.0, "backlash_hazard_per_day": 0.15}
    one = resolve(("SHARE1",), REG, values)
    two = resolve(("SHARE1", "FOLLOW"), REG, values)
    crackdown = resolve(("SHARE1",), REG, dict(values, enforcement_level=3.0))
    assert one.takedown_per_day == PLATFORM_HAZARD
    assert two.takedown_per_day == PLATFORM_HAZARD * 1.5
    assert crackdown.takedown_per_day == PLATFORM_HAZARD * 3
    assert one.backlash_per_day == 0 and resolve(("HOT",), REG, values).backlash_per_day == 0.15
    assert resolve((), REG, values).takedown_per_day == 0
    # the sentence behind the figure names the weights and their source status
    (sentence,) = two.assumptions()
    assert "0.12/day" in sentence and "SHARE1 weight 1 [U]" in sentence and "FOLLOW weight 0.5 [S]" in sentence


def test_status_reads_the_tag_of_a_source():
    assert status("official text [V]") == "[V]"
    assert status("quoted [S-] by a blog") == "[S-]"
    assert status("no tag at all") == "[U]"
    assert status("[S] seen in a report; how often is an assumption [U]") == "[U]"  # the weakest part counts


def test_the_simulated_takedown_probability_follows_the_rules_broken():
    # P = 1 − exp(−h·W·T/24): W = 1 for one induced-sharing rule, 1.5 with induced following as well.
    runs = 400
    sc = H.scenario(reach=200, hours=HOURS)
    observed = {}
    for codes, weight in ((("SHARE1",), 1.0), (("SHARE1", "SHARE2", "FOLLOW"), 1.5), (("SHARE1", "FOLLOW", "PLAIN"), 2.5)):
        result = simulate(sc, registry=REG, runs=runs, seed=4, takedown_codes=codes)
        p = p_event(PLATFORM_HAZARD * weight)
        observed[weight] = result.per_run["taken_down"].mean()
        assert abs(observed[weight] - p) <= 4 * math.sqrt(p * (1 - p) / runs), (codes, observed[weight], p)
        assert result.per_run["backlash_rules"].sum() == 0
    # Same random numbers: a larger hazard takes every post down no later, run by run.
    assert observed[1.0] <= observed[1.5] <= observed[2.5]


def test_a_hot_topic_brings_a_backlash_that_deletes_the_post_keeps_entries_and_brings_complaints():
    runs = 400
    sc = H.scenario(reach=2_000, hours=HOURS, steps=(H.step("comment"),))
    result = simulate(sc, registry=REG, runs=runs, seed=5, takedown_codes=("HOT",))
    cfg = result.config
    p = p_event(0.15)
    backlash = result.per_run["backlash_rules"].astype(bool)
    assert abs(backlash.mean() - p) <= 4 * math.sqrt(p * (1 - p) / runs), (backlash.mean(), p)
    assert result.per_run["taken_down"].sum() == 0  # the platform did not act: the public did
    assert (result.per_run["entrants"][backlash] > 0).any(), "entries made before a backlash stand"
    assert result.per_run["voided_entrants"].sum() == 0
    assert result.per_run["backlash_complaints"][backlash].mean() > 0
    assert result.per_run["backlash_complaints"][~backlash].sum() == 0
    # the deleted post stops recruiting: fewer reached than in the runs it survived
    assert result.per_run["exposed"][backlash].mean() < result.per_run["exposed"][~backlash].mean()
    doc = result.to_json_dict()
    assert doc["outputs"]["backlash_by_cause"]["broken_rules"] == round(float(backlash.mean()), 6)
    assert doc["outputs"]["backlash_probability"] >= doc["outputs"]["backlash_by_cause"]["broken_rules"]
    assert doc["risk"]["backlash_hazard_per_day"] == 0.15 and cfg.backlash_hazard_per_hour == 0.15 / 24
    # and without the reputation finding there is no backlash at all
    calm = simulate(sc, registry=REG, runs=50, seed=5)
    assert calm.per_run["backlash_rules"].sum() == 0 and calm.per_run["backlash_complaints"].sum() == 0


def test_a_backlash_does_not_change_when_the_platform_would_take_the_post_down():
    # The backlash time is a second draw from the takedown stream: the takedown time of each run stays put.
    sc = H.scenario(reach=200, hours=HOURS)
    alone = simulate(sc, registry=REG, runs=200, seed=9, takedown_codes=("SHARE1",))
    both = simulate(sc, registry=REG, runs=200, seed=9, takedown_codes=("SHARE1", "HOT"))
    taken = alone.per_run["taken_down"].astype(bool)
    first = both.per_run["taken_down"].astype(bool)
    assert np.all(first <= taken)  # a backlash can only come first, never add a takedown
    same = first & taken
    assert np.allclose(both.per_run["takedown_hour"][same], alone.per_run["takedown_hour"][same])


def test_enforcement_level_is_a_scenario_parameter_with_bounds():
    sc = H.scenario(reach=200, hours=HOURS, simulation={"enforcement_level": 2.0})
    cfg = build_config(sc, REG, ("SHARE1",))
    assert cfg.takedown_hazard_per_hour == PLATFORM_HAZARD * 2 / 24
    assert "[scenario]" in cfg.risk.assumptions()[0]


def test_help_params_lists_the_risk_parameters_and_the_rules_weights_with_sources(tmp_path):
    from click.testing import CliRunner

    from campaignsim.cli import main

    out = CliRunner().invoke(main, ["simulate", str(tmp_path / "none.toml"), "--help-params"]).output
    for name in ("enforcement_level", "backlash_hazard_per_day", "backlash_complaint_share", "takedown_hazard_per_day"):
        assert f"{name}  (default" in out
    assert "WX003  (takedown, weight 0.5, family wechat-induced-following)" in out
    assert "GEN009  (backlash, weight 1)" in out
    assert out.count("source:") >= 40
