import json

import pytest

from campaignsim.analysis.points import AnalysisError
from campaignsim.analysis.sensitivity import parse_param_specs, sensitivity
from campaignsim.load import load_file

from analysis_helpers import LUCKY_DRAW, run_cli


@pytest.fixture(scope="module")
def lucky_draw_base(registry):
    return load_file(LUCKY_DRAW, registry).scenarios[0]


def test_sobol_ranks_the_decision_parameters_that_drive_the_lucky_draw(lucky_draw_base, registry):
    params = ["base_entry_rate", "effort_sensitivity", "interest_sigma", "attention_half_life_hours"]
    result = sensitivity(lucky_draw_base, registry, params=params, samples=64, seed=1)
    by_name = {p.name: p for p in result.parameters}
    # Entry rate and effort move the forecast; the half-life only moves timing within a week-long campaign.
    assert {p.name for p in result.parameters[:2]} == {"base_entry_rate", "effort_sensitivity"}
    assert by_name["attention_half_life_hours"].total < 0.05
    for p in result.parameters:  # total ≥ first order, within the bootstrap bounds
        assert p.total + p.total_conf + p.first_order_conf >= p.first_order
    assert sum(p.first_order for p in result.parameters) <= 1 + sum(p.first_order_conf for p in result.parameters)
    assert result.evaluations == 64 * (len(params) + 2)


def test_a_parameter_that_cannot_matter_gets_a_zero_index(registry, small_path):
    scenario = load_file(small_path, registry).scenarios[0]
    # Nothing in this scenario shares, so the friends' attention is never used.
    result = sensitivity(scenario, registry, params=["base_entry_rate", "friend_attention"], samples=16)
    by_name = {p.name: p for p in result.parameters}
    assert by_name["friend_attention"].total == pytest.approx(0, abs=1e-12)
    assert by_name["base_entry_rate"].total > 0.5


def test_morris_screens_with_fewer_runs(lucky_draw_base, registry):
    result = sensitivity(lucky_draw_base, registry, method="morris", params=["base_entry_rate", "interest_sigma"], samples=8)
    assert result.evaluations == 8 * 3
    assert result.parameters[0].name == "base_entry_rate"
    assert result.parameters[0].mu_star > result.parameters[1].mu_star


def test_same_seed_same_indices(lucky_draw_base, registry):
    a = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "effort_sensitivity"], samples=8, seed=5)
    b = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "effort_sensitivity"], samples=8, seed=5)
    assert a.to_json_dict() == b.to_json_dict()


def test_ranges_come_from_the_command_line_the_documented_table_or_the_resolved_value(lucky_draw_base, registry):
    result = sensitivity(lucky_draw_base, registry, params=["base_entry_rate=0.2:0.25", "effort_sensitivity", "completion_share"], samples=4)
    by_name = {p.name: p for p in result.parameters}
    assert (by_name["base_entry_rate"].low, by_name["base_entry_rate"].high) == (0.2, 0.25)
    assert by_name["base_entry_rate"].basis == "given on the command line"
    assert "[U]" in by_name["effort_sensitivity"].basis
    assert by_name["completion_share"].high <= 1


@pytest.mark.parametrize("spec, message", [("nope", "unknown simulation parameter"), ("base_entry_rate=0.5:0.1", "LOW < HIGH"),
                                           ("base_entry_rate=a:b", "two numbers")])
def test_bad_parameters_are_refused(lucky_draw_base, registry, spec, message):
    with pytest.raises(AnalysisError, match=message):
        sensitivity(lucky_draw_base, registry, params=[spec], samples=4)


def test_json_lists_parameters_sorted_by_total_effect_with_bounds():
    done = run_cli("sensitivity", LUCKY_DRAW, "--param", "base_entry_rate,interest_sigma,effort_sensitivity", "--samples", "8",
                   "--format", "json", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["metric"] == "entrants"
    totals = [p["total"] for p in doc["parameters"]]
    assert totals == sorted(totals, reverse=True)
    first = doc["parameters"][0]
    assert {"name", "low", "high", "first_order", "total", "first_order_low", "total_high"} <= set(first)


def test_text_report_and_tornado_chart(tmp_path):
    report = tmp_path / "sens.md"
    done = run_cli("sensitivity", LUCKY_DRAW, "--param", "base_entry_rate,effort_sensitivity", "--samples", "4", "--report", report)
    assert done.returncode == 0, done.stderr
    assert "base_entry_rate" in done.stdout and "first order" in done.stdout
    text = report.read_text(encoding="utf-8")
    assert "sens-tornado.png" in text
    assert (tmp_path / "sens-tornado.png").read_bytes().startswith(b"\x89PNG")
    html = tmp_path / "sens.html"
    assert run_cli("sensitivity", LUCKY_DRAW, "--param", "base_entry_rate", "--samples", "4", "--report", html).returncode == 0
    assert "<svg" in html.read_text(encoding="utf-8")


def test_unknown_metric_is_a_usage_error():
    done = run_cli("sensitivity", LUCKY_DRAW, "--metric", "happiness")
    assert done.returncode == 2


def test_parse_param_specs_accepts_commas_and_repeats():
    assert parse_param_specs(["a,b=1:2", "c"]) == (["a", "b", "c"], {"b": (1.0, 2.0)})


@pytest.mark.parametrize("seed", [0, 2, 3])
def test_an_all_or_nothing_takedown_does_not_zero_every_index(lucky_draw_base, registry, seed):
    """The banned base is taken down (every entry void) in about half the runs, whatever the decision
    parameters are; with one shared run per point a takedown used to hit every point at once."""
    from campaignsim.runner import takedown_codes

    codes = takedown_codes(lucky_draw_base, registry)
    assert codes  # WX001-WX003: the platform's takedown hazard applies
    result = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "effort_sensitivity"], samples=8, seed=seed,
                         takedown_codes=codes)
    assert result.output_sd > 0
    assert max(p.total for p in result.parameters) > 0.1
    assert any("taken down" in note for note in result.notes)


def test_the_takedown_stays_when_a_takedown_parameter_is_varied(lucky_draw_base, registry):
    from campaignsim.runner import takedown_codes

    result = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "enforcement_level=0.5:2"], samples=4, seed=0,
                         takedown_codes=takedown_codes(lucky_draw_base, registry))
    assert not any("taken down" in note for note in result.notes)


def test_seed_0_gives_the_same_bootstrap_bounds_every_time(lucky_draw_base, registry):
    """SALib takes a seed of 0 for no seed at all; the confidence bounds must not change between calls."""
    a = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "effort_sensitivity"], samples=8, seed=0)
    b = sensitivity(lucky_draw_base, registry, params=["base_entry_rate", "effort_sensitivity"], samples=8, seed=0)
    assert [p.total_conf for p in a.parameters] == [p.total_conf for p in b.parameters]
    assert [p.first_order_conf for p in a.parameters] == [p.first_order_conf for p in b.parameters]
