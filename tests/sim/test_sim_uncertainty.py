"""Priors and the outer loop of parameter draws: every parameter has a prior, forecasts draw from
them by default on the command line, variants share each draw, and one seed fixes every number."""

from __future__ import annotations

import numpy as np
import pytest
import sim_helpers as H
from click.testing import CliRunner

from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, Prior, platform_prior
from campaignsim.cli import run_commands as command
from campaignsim.sim import simulate
from campaignsim.sim.config import build_config
from campaignsim.sim.runner import run_config

REG = H.registry()


def test_every_parameter_has_a_prior_with_a_source_or_the_unverified_mark():
    for name, p in {**PARAMETERS, **ACTION_PARAMETERS}.items():
        assert isinstance(p.prior, Prior), name
        assert p.prior.source, name
        if p.prior.uncertain:
            assert any(tag in p.prior.source for tag in ("[U]", "[S]", "[V]")), name
        else:
            assert p.prior.source.startswith("fixed:"), name
        if p.default is not None and p.prior.uncertain:
            low, high = p.prior.range(p.default)
            assert p.ge <= low < high <= p.le or p.prior.kind == "lognormal", name
            assert low < p.default < high, f"{name}: the default lies outside its own 90% prior range"


def test_a_prior_is_narrow_where_a_source_exists_and_wide_where_none_does():
    from campaignsim.builtin.x.platform import PLATFORMS as X
    x = X[0].sim if isinstance(X, tuple) else X.sim
    sourced = platform_prior("attention_half_life_hours", x)
    unsourced = platform_prior("attention_half_life_hours", H.WECHAT_LIKE.sim)
    lo_s, hi_s = sourced.range(1.0)
    lo_u, hi_u = unsourced.range(1.0)
    assert hi_s / lo_s < hi_u / lo_u
    assert "[S]" in sourced.source and "[U]" in unsourced.source


def test_prior_values_follow_their_quantiles():
    p = Prior("lognormal", "x [U]", low=0.1, high=0.4)
    assert p.value(0.0, 1.0) == pytest.approx(0.2)
    assert p.range(1.0) == pytest.approx((0.1, 0.4))
    q = Prior("logitnormal", "x [U]", factor=3.0)
    lo, hi = q.range(0.5)
    assert lo == pytest.approx(0.25) and hi == pytest.approx(0.75)
    assert Prior("fixed", "fixed: a switch").value(2.0, 7.0) == 7.0


def test_fixed_parameters_reproduce_the_monte_carlo_only_run_exactly():
    sc = H.scenario()
    fixed = simulate(sc, registry=REG, runs=12, seed=4, parameters="fixed")
    plain = run_config(build_config(sc, REG), runs=12, seed=4)
    for name in ("entrants", "exposed", "funnel", "timeline_entrants"):
        assert np.array_equal(fixed.per_run[name], plain.per_run[name])
    assert fixed.uncertainty == "fixed" and "over runs" in fixed.interval_kind


def test_drawing_from_the_priors_widens_the_interval_and_says_it_is_a_prediction_interval():
    sc = H.scenario()
    fixed = simulate(sc, registry=REG, runs=60, seed=2, parameters="fixed").summary("entrants")
    prior = simulate(sc, registry=REG, runs=60, seed=2, parameters="prior")
    s = prior.summary("entrants")
    assert (s["p95"] - s["p05"]) > 5 * (fixed["p95"] - fixed["p05"])
    doc = prior.to_json_dict()
    assert doc["interval"] == "prediction" and "prediction interval" in doc["interval_meaning"]
    assert doc["parameter_uncertainty"]["draws"] == 60 and "effort_sensitivity" in doc["parameter_uncertainty"]["drawn"]


def test_variants_share_each_parameter_draw_and_stay_paired_run_by_run():
    comment = H.scenario(steps=(H.step("comment"),))
    survey = H.scenario(steps=(H.step("comment"), H.step("form", fields=("name", "phone", "address", "email", "birthday"))), variant="survey")
    a = simulate(comment, registry=REG, runs=40, seed=7, parameters="prior")
    b = simulate(survey, registry=REG, runs=40, seed=7, parameters="prior")
    for name in ("effort_sensitivity", "base_entry_rate", "completion_comment", "reach_per_follower"):
        assert np.array_equal(a.parameter_draws[name], b.parameter_draws[name]), name
    assert np.array_equal(a.per_run["exposed_organic"], b.per_run["exposed_organic"])
    # the mechanic's effect is clear in every draw although the absolute numbers vary widely
    assert np.all(b.per_run["entrants"] < a.per_run["entrants"])
    assert a.per_run["entrants"].max() > 3 * a.per_run["entrants"].min()


def test_one_seed_fixes_every_draw_and_workers_give_the_same_numbers():
    sc = H.scenario()
    one = simulate(sc, registry=REG, runs=8, seed=11, parameters="prior", jobs=1)
    again = simulate(sc, registry=REG, runs=8, seed=11, parameters="prior", jobs=2)
    other = simulate(sc, registry=REG, runs=8, seed=12, parameters="prior", jobs=1)
    assert np.array_equal(one.per_run["entrants"], again.per_run["entrants"])
    assert not np.array_equal(one.per_run["entrants"], other.per_run["entrants"])


def test_fewer_draws_than_runs_repeat_each_draw_over_consecutive_runs():
    res = simulate(H.scenario(), registry=REG, runs=10, seed=1, parameters="prior", draws=2)
    drawn = res.parameter_draws["effort_sensitivity"]
    assert len(set(drawn[:5])) == 1 and len(set(drawn[5:])) == 1 and drawn[0] != drawn[5]


def test_a_scenario_override_is_not_drawn():
    res = simulate(H.scenario(simulation={"effort_sensitivity": 0.25}), registry=REG, runs=6, seed=1, parameters="prior")
    assert "effort_sensitivity" not in res.parameter_draws
    assert res.config.beta_effort == 0.25


def test_help_params_shows_each_prior():
    result = CliRunner().invoke(command.simulate, ["--help-params"], obj=None)
    assert result.exit_code == 0
    assert result.output.count("    prior: ") == len(PARAMETERS) + len(ACTION_PARAMETERS)
    assert "prior: logitnormal, 90% in 0.1–0.6" in result.output  # base_entry_rate
