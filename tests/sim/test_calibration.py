"""Calibration: the mean field matches the simulator, the fit recovers known parameters from
synthetic past campaigns, calibrated forecasts cover held-out truths, and the files and command
line behave (located one-line errors, exit 2)."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import attrs
import numpy as np
import pytest
import sim_helpers as H
from click.testing import CliRunner

from campaignsim.calibrate import DEFAULT_FIT, CalibrationError, load_calibration, scenario_calibration
from campaignsim.report.calibration import render_toml
from campaignsim.calibrate.fit import Past, fit
from campaignsim.calibrate.history import read_history
from campaignsim.calibrate.meanfield import expected_daily
from campaignsim.calibrate.synthetic import heldout_coverage, history_csv, synthetic_history
from campaignsim.sim import simulate
from campaignsim.sim.config import build_config

REG = H.registry()
REPO = Path(__file__).resolve().parents[2]
TRUTH = {"reach_per_follower": 0.04, "base_entry_rate": 0.22, "attention_half_life_hours": 9.0, "effort_sensitivity": 0.3}
FRICTIONS = [  # four past campaigns with different frictions, so that entry rate and effort sensitivity separate
    ((H.step("comment"),), 80_000),
    ((H.step("follow"), H.step("share", to="friends", count=3), H.step("screenshot", send_to="official_account")), 150_000),
    ((H.step("form", fields=("name", "phone", "address", "email", "id_number")),), 60_000),
    ((H.step("follow"), H.step("comment")), 100_000),
]


def past_scenario(steps, followers, hours=120.0):
    return H.scenario(steps=steps, reach=None, followers=followers, hours=hours)


@pytest.fixture(scope="module")
def fitted():
    pasts = [Past(f"c{i}.toml", past_scenario(s, f), synthetic_history(past_scenario(s, f), REG, TRUTH, 100 + i, f"c{i}"))
             for i, (s, f) in enumerate(FRICTIONS)]
    return pasts, fit(pasts, REG, DEFAULT_FIT, seed=1)


# ------------------------------------------------------------------------------------ the mean field
@pytest.mark.parametrize("steps,schedule", [
    ((H.step("comment"),), ()),
    ((H.step("follow"), H.step("share", to="friends", count=3), H.step("screenshot", send_to="official_account")), ()),
    ((H.step("follow"), H.step("share", to="friends", count=2)), (H.post(30.0, reach=20_000), H.post(100.0))),
])
def test_the_mean_field_matches_the_simulators_mean_day_by_day(steps, schedule):
    sc = H.scenario(steps=steps, schedule=schedule)
    views, entrants = expected_daily(build_config(sc, REG))
    res = simulate(sc, registry=REG, runs=60, seed=2)
    hourly = res.per_run["timeline_entrants"]
    per_run_days = np.stack([hourly[:, d * 24:(d + 1) * 24].sum(axis=1) for d in range(len(entrants))], axis=1)
    sim_mean, se = per_run_days.mean(axis=0), per_run_days.std(axis=0, ddof=1) / math.sqrt(60)
    big = sim_mean > 50
    assert np.all(np.abs(entrants[big] - sim_mean[big]) <= 4 * se[big] + 0.02 * sim_mean[big])
    exposed = res.per_run["timeline_exposed"].mean(axis=0)
    assert abs(views.sum() - exposed.sum()) < 0.01 * exposed.sum()


# ------------------------------------------------------------------------------------------ recovery
def test_calibration_recovers_the_parameters_and_its_intervals_cover_them(fitted):
    _, res = fitted
    tolerance = {"reach_per_follower": 0.10, "base_entry_rate": 0.10, "attention_half_life_hours": 0.15, "effort_sensitivity": 0.25}
    for name, tol in tolerance.items():
        assert res.identified[name], name
        assert abs(res.median[name] / TRUTH[name] - 1) <= tol, (name, res.median[name])
        assert res.low[name] <= TRUTH[name] <= res.high[name], (name, res.low[name], res.high[name])


def test_calibrated_prediction_intervals_cover_held_out_truths_and_are_far_narrower_than_the_priors(fitted):
    _, res = fitted
    held_out = [past_scenario(s, f, h) for s, f, h in [
        ((H.step("like"), H.step("comment")), 90_000, 150.0),
        ((H.step("form", fields=("name", "phone")),), 70_000, 100.0),
        ((H.step("follow"), H.step("share", to="moments")), 120_000, 200.0),
        ((H.step("comment"), H.step("screenshot", send_to="official_account")), 50_000, 72.0),
        ((H.step("follow"),), 40_000, 120.0),
        ((H.step("form", fields=("name", "phone", "address", "email", "birthday", "city", "job")),), 110_000, 168.0),
    ]]
    cov = heldout_coverage(res.calibration(), held_out, REG, TRUTH, runs=80, truth_runs=60, seed=5)
    assert sum(c["covered"] for c in cov) >= 5  # a 90% interval: 5 or 6 of 6 (fixed seed)
    for c in cov:
        width = c["calibrated"][1] - c["calibrated"][0]
        assert (c["prior"][1] - c["prior"][0]) > 4 * width


def test_a_parameter_the_data_cannot_separate_is_reported_unidentified_and_keeps_its_prior_spread(fitted):
    pasts, _ = fitted
    # every past campaign has the same prize: its value's weight cannot be told apart from the base entry rate
    res = fit(pasts, REG, list(DEFAULT_FIT) + ["value_sensitivity"], seed=2, burn=80, keep=120)
    assert not res.identified["value_sensitivity"] and res.identified["effort_sensitivity"]
    cal = res.calibration()
    assert "value_sensitivity" not in dict(cal.values) and "value_sensitivity" in cal.unidentified
    spread = np.std(np.log([row["value_sensitivity"] for row in cal.sample]))
    prior = next(p for p in res.model.params if p.name == "value_sensitivity").spread
    assert spread > 0.5 * prior  # the sample keeps (about) its prior's spread


def test_without_views_reach_and_entry_rate_are_unidentified_but_their_product_is_kept(fitted):
    pasts, _ = fitted
    blind = [attrs.evolve(p, history=attrs.evolve(p.history, views=[None] * len(p.history.views))) for p in pasts]
    res = fit(blind, REG, DEFAULT_FIT, seed=3, burn=80, keep=120)
    assert not res.identified["reach_per_follower"] and not res.identified["base_entry_rate"]
    assert res.identified["attention_half_life_hours"]
    r, b = res.sample["reach_per_follower"], res.sample["base_entry_rate"]
    assert np.corrcoef(np.log(r), np.log(b / (1 - b)))[0, 1] < -0.8  # the data fix (about) their product
    assert np.std(np.log(r) + np.log(b)) < 0.5 * np.std(np.log(r))


def test_the_calibration_file_round_trips_and_forecasts_draw_from_its_sample(fitted, tmp_path):
    pasts, res = fitted
    path = tmp_path / "calib.toml"
    path.write_text(render_toml(res, pasts, "history.csv", 1), encoding="utf-8")
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(doc["simulation"]) == set(DEFAULT_FIT) and set(doc["calibration"]["sample"]) == set(DEFAULT_FIT)
    for name in DEFAULT_FIT:
        table = doc["calibration"][name]
        assert table["low"] <= table["value"] <= table["high"] and "credible" in table["interval"]
    assert len(doc["calibration"]["check"]) == 4 and {"observed", "fitted", "low", "high"} <= set(doc["calibration"]["check"][0])
    cal = load_calibration(path)
    assert dict(cal.values)["effort_sensitivity"] == pytest.approx(res.median["effort_sensitivity"], rel=1e-5)
    assert len(cal.sample) == len(res.sample["effort_sensitivity"]) and "completion_comment" in cal.held
    forecast = simulate(past_scenario(*FRICTIONS[0]), registry=REG, runs=30, seed=3, parameters="prior", calibration=cal)
    drawn = forecast.parameter_draws["effort_sensitivity"]
    sample = res.sample["effort_sensitivity"]
    assert all(np.min(np.abs(sample - d)) <= 1e-5 * d for d in drawn)  # each draw is a row of the sample (6 digits in the file)
    assert "completion_comment" not in forecast.parameter_draws  # held: its error is in the fitted values
    assert forecast.uncertainty == "calibrated" and "posterior" in forecast.interval_kind


# ------------------------------------------------------------------------------ files and their errors
def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("text,message", [
    ("scenario,day\nc0,0\n", "history.csv:1: missing column 'entrants'"),
    ("scenario,day,entrants\nc0,0,12\nc0,1,x\n", "history.csv:3: entrants: must be a whole number, got 'x'"),
    ("scenario,day,entrants\nc0,0,12\nc0,0,3\n", "history.csv:3: day: day 0 of 'c0' appears twice"),
    ("scenario,day,entrants,views\nc0,0,-1,5\n", "history.csv:2: entrants: must not be negative"),
    ("scenario,day,entrants\n", "history.csv: no data rows"),
])
def test_a_bad_history_file_gets_a_located_one_line_error(tmp_path, text, message):
    with pytest.raises(CalibrationError) as err:
        read_history(write(tmp_path, "history.csv", text))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_the_history_round_trips_with_optional_views_and_extra_columns(tmp_path):
    h = synthetic_history(past_scenario(*FRICTIONS[0]), REG, TRUTH, 1, "c0")
    text = history_csv([h]).replace("scenario,day,entrants,views", "scenario,day,entrants,views,note")
    text = "\n".join(line + ("," if i else "") for i, line in enumerate(text.splitlines())) + "\n"
    back = read_history(write(tmp_path, "h.csv", text))["c0"]
    assert back.entrants == h.entrants and back.views == h.views


@pytest.mark.parametrize("text,message", [
    ("[simulation]\nnonsense = 1\n", "simulation.nonsense: unknown simulation parameter"),
    ("[simulation]\nbase_entry_rate = 2\n", "simulation.base_entry_rate: base_entry_rate must be between 0 and 1"),
    ("[simulation]\nbase_entry_rate = 0.2\n[calibration.sample]\nbase_entry_rate = [0.2, 0.3]\neffort_sensitivity = [0.1]\n",
     "calibration.sample: the arrays differ in length"),
    ("", "no [simulation] table of fitted values"),
    ("[simulation\n", "not valid TOML"),
])
def test_a_bad_calibration_file_gets_a_one_line_error_naming_it(tmp_path, text, message):
    path = write(tmp_path, "c.toml", text)
    with pytest.raises(CalibrationError) as err:
        load_calibration(path)
    assert str(path) in str(err.value) and message in str(err.value) and "\n" not in str(err.value)


def test_a_scenario_names_its_calibration_relative_to_itself_and_a_missing_one_is_located(tmp_path):
    from campaignsim.load import load_file
    from campaignsim.plugin.manager import get_registry

    registry = get_registry()
    text = (REPO / "scenarios" / "wechat_calibrated_forecast.toml").read_text(encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "acme.toml", "[simulation]\neffort_sensitivity = 0.33\n")
    good = write(tmp_path, "good.toml", text.replace('"qingshan_history/qingshan_calibration.toml"', '"sub/acme.toml"'))
    loaded = load_file(good, registry)
    cal = scenario_calibration(loaded.scenarios[0], loaded)
    assert dict(cal.values) == {"effort_sensitivity": 0.33}
    bad = write(tmp_path, "bad.toml", text.replace('"qingshan_history/qingshan_calibration.toml"', '"sub/missing.toml"'))
    loaded = load_file(bad, registry)
    line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if l.startswith("calibration ="))
    with pytest.raises(CalibrationError) as err:
        scenario_calibration(loaded.scenarios[1], loaded)  # the variant inherits it
    assert str(err.value).startswith(f"{bad}:{line}: simulation.calibration: ") and "no such calibration file" in str(err.value)


# ---------------------------------------------------------------------------------- the command line
def test_the_example_workflow_end_to_end(tmp_path):
    from campaignsim.cli import main

    folder = REPO / "scenarios" / "qingshan_history"
    pasts = sorted(str(p) for p in folder.glob("*.toml") if not p.name.endswith("_calibration.toml"))
    out = tmp_path / "calib.toml"
    report = tmp_path / "calib.html"
    runner = CliRunner()
    result = runner.invoke(main, ["calibrate", *pasts, "--history", str(folder / "history.csv"), "--output", str(out),
                                  "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "Posterior predictive check" in result.output and "observed" in result.output
    doc = tomllib.loads(out.read_text(encoding="utf-8"))
    truth = {"reach_per_follower": 0.07, "base_entry_rate": 0.18, "attention_half_life_hours": 5.0, "effort_sensitivity": 0.35}
    for name, value in truth.items():  # the values history.csv was generated with
        assert doc["calibration"][name]["low"] <= value <= doc["calibration"][name]["high"], name
    assert "<svg" in report.read_text(encoding="utf-8")
    forecast = REPO / "scenarios" / "wechat_calibrated_forecast.toml"

    def entrants(*extra):
        r = runner.invoke(main, ["simulate", str(forecast), "--variant", "base", "--runs", "60", "--format", "json", *extra])
        assert r.exit_code == 0, r.output
        import json
        (doc,) = json.loads(r.output)["simulations"]  # simulate --format json: {"simulations": [...]}
        return doc, doc["outputs"]["entrants"]

    doc, calibrated = entrants("--calibration", str(out))
    assert doc["interval"] == "prediction" and doc["parameter_uncertainty"]["mode"] == "calibrated"
    plain = (tmp_path / "plain.toml")
    plain.write_text(forecast.read_text(encoding="utf-8").replace('calibration = "qingshan_history/qingshan_calibration.toml"', ""), encoding="utf-8")
    r = runner.invoke(main, ["simulate", str(plain), "--variant", "base", "--runs", "60", "--format", "json"])
    import json
    (uncalibrated_doc,) = json.loads(r.output)["simulations"]
    uncalibrated = uncalibrated_doc["outputs"]["entrants"]
    assert (uncalibrated["p95"] - uncalibrated["p05"]) > 4 * (calibrated["p95"] - calibrated["p05"])


def test_calibrate_errors_exit_2_with_one_line(tmp_path):
    from campaignsim.cli import main

    folder = REPO / "scenarios" / "qingshan_history"
    past = str(folder / "spring_2026_comment.toml")
    history = write(tmp_path, "h.csv", "scenario,day,entrants\nother,0,5\n")
    r = CliRunner().invoke(main, ["calibrate", past, "--history", str(history), "--output", str(tmp_path / "c.toml")])
    assert r.exit_code == 2 and "no rows for scenario 'spring_2026_comment'" in r.output
    r = CliRunner().invoke(main, ["calibrate", past, "--history", str(tmp_path / "none.csv"), "--output", str(tmp_path / "c.toml")])
    assert r.exit_code == 2 and "no such history file" in r.output
    r = CliRunner().invoke(main, ["simulate", str(REPO / "scenarios" / "wechat_comment_to_enter.toml"), "--calibration", str(tmp_path / "x.toml")])
    assert r.exit_code == 2 and "no such calibration file" in r.output
    assert not (tmp_path / "c.toml").exists()


def test_a_calibration_holds_nothing_the_counts_cannot_see_so_risk_and_operations_stay_drawn_from_their_priors(fitted):
    from campaignsim.calibrate.fit import _OPERATIONS, _RISK
    from campaignsim.model.simparams import PARAMETERS

    assert all(PARAMETERS[name].prior.uncertain for name in _RISK | _OPERATIONS)
    cal = fitted[1].calibration()
    assert "effort_tolerance_sigma" in cal.held  # the entry model's unfitted parameters are held
    assert not (cal.held & (_RISK | _OPERATIONS)), sorted(cal.held & (_RISK | _OPERATIONS))
    forecast = simulate(past_scenario(*FRICTIONS[0]), registry=REG, runs=12, seed=3, parameters="prior", calibration=cal)
    for name in ("default_transit_days", "backlash_per_complaint", "inquiries_per_entrant", "backlash_hazard_per_day"):
        assert len(set(forecast.parameter_draws[name])) == 12, name  # drawn afresh in every run
    assert "completion_comment" not in forecast.parameter_draws  # what the counts do see stays held


def test_a_calibrated_run_report_shows_the_posterior_predictive_check():
    from campaignsim.plugin.manager import get_registry
    from campaignsim.report.html import render_html
    from campaignsim.runner import run_scenarios

    registry = get_registry()
    result = run_scenarios([str(REPO / "scenarios" / "wechat_calibrated_forecast.toml")], registry, runs=20, parameters="prior")
    sims = [r.sim for r in result.runs]
    assert all(s.uncertainty == "calibrated" and len(s.calibration_checks) == 4 for s in sims)
    page = render_html(result)
    assert "Calibration: observed vs fitted daily entrants" in page and page.count("calibration check") == 4
    plain = run_scenarios([str(REPO / "scenarios" / "wechat_lucky_draw_variants.toml")], registry, runs=5, parameters="fixed")
    assert "Calibration: observed" not in render_html(plain)


def test_the_same_seed_gives_the_same_fit(fitted):
    pasts, _ = fitted
    a = fit(pasts[:2], REG, DEFAULT_FIT, seed=9, burn=10, keep=10)
    b = fit(pasts[:2], REG, DEFAULT_FIT, seed=9, burn=10, keep=10)
    c = fit(pasts[:2], REG, DEFAULT_FIT, seed=10, burn=10, keep=10)
    assert render_toml(a, pasts[:2], "h.csv", 9) == render_toml(b, pasts[:2], "h.csv", 9)
    assert not np.array_equal(a.sample["base_entry_rate"], c.sample["base_entry_rate"])


def test_per_step_counts_identify_a_steps_completion(tmp_path):
    truth = {**TRUTH, "completion_form": 0.6}
    frictions = [((H.step("comment"),), 80_000), ((H.step("comment"), H.step("form", fields=("name", "phone"))), 150_000),
                 ((H.step("form", fields=("name", "phone", "address", "email", "id_number")),), 60_000),
                 ((H.step("follow"), H.step("comment")), 100_000)]
    histories = [synthetic_history(past_scenario(s, f), REG, truth, 200 + i, f"s{i}", steps=True) for i, (s, f) in enumerate(frictions)]
    path = write(tmp_path, "h.csv", history_csv(histories))
    read = read_history(path)
    assert read["s1"].steps[1] == histories[1].steps[1] and read["s1"].steps[0][0] > read["s1"].steps[1][0]
    pasts = [Past(f"s{i}.toml", past_scenario(s, f), read[f"s{i}"]) for i, (s, f) in enumerate(frictions)]
    res = fit(pasts, REG, list(DEFAULT_FIT) + ["completion_form"], seed=4, burn=100, keep=150)
    assert "step completions" in res.method
    assert abs(res.median["completion_form"] / 0.6 - 1) <= 0.10 and res.low["completion_form"] <= 0.6 <= res.high["completion_form"]
    assert "completion_form" not in res.calibration().held
    bad = [Past("s0.toml", past_scenario(*frictions[0]), attrs.evolve(read["s0"], steps={1: read["s0"].entrants}))]
    with pytest.raises(CalibrationError, match="step2 column, but the scenario has 1 step"):
        fit(bad, REG, DEFAULT_FIT, burn=1, keep=1)
    with pytest.raises(CalibrationError, match="none of the past campaigns has a 'share' step"):
        fit(pasts, REG, ["completion_share"], burn=1, keep=1)


def test_the_fit_is_the_same_with_its_walkers_on_worker_processes_or_a_dask_cluster(fitted):
    """calibrate --jobs / --scheduler: emcee's walkers go out in chunks and come back in order."""
    from distributed import LocalCluster

    from campaignsim.parallel import DaskExecutor, LocalExecutor

    pasts, _ = fitted
    here = fit(pasts[:2], REG, DEFAULT_FIT, seed=9, burn=5, keep=5)
    with LocalExecutor(2) as ex:
        local = fit(pasts[:2], REG, DEFAULT_FIT, seed=9, burn=5, keep=5, executor=ex)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            DaskExecutor(cluster.scheduler_address) as ex:
        remote = fit(pasts[:2], REG, DEFAULT_FIT, seed=9, burn=5, keep=5, executor=ex)
    expected = render_toml(here, pasts[:2], "h.csv", 9)
    assert render_toml(local, pasts[:2], "h.csv", 9) == expected
    assert render_toml(remote, pasts[:2], "h.csv", 9) == expected


def test_calibrate_with_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    import subprocess
    import sys

    example = REPO / "scenarios" / "qingshan_history"
    pasts = sorted(str(p) for p in example.glob("*.toml") if not p.name.endswith("_calibration.toml"))
    done = subprocess.run([sys.executable, "-m", "campaignsim", "calibrate", *pasts, "--history", str(example / "history.csv"),
                           "--output", str(tmp_path / "c.toml"), "--scheduler", "tcp://127.0.0.1:9"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("campaignsim: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert not (tmp_path / "c.toml").exists()
