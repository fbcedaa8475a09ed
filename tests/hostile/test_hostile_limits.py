"""Resource limits: each enforced with a clear, located error before any work is done, and no
MemoryError traceback ever."""

from __future__ import annotations

import re
import time

import pytest
from click.testing import CliRunner

from campaignsim.cli import main
from campaignsim.model import limits


def _cli(*args):
    return CliRunner().invoke(main, ["--no-plugins", *args])


def test_a_year_typo_is_a_located_error_at_once(write_scenario):
    path = write_scenario(end="3027-03-08T22:00:00+08:00")
    for command in (["lint"], ["simulate", "--runs", "2"], ["run", "--runs", "2"]):
        started = time.monotonic()
        result = _cli(*command, str(path))
        assert time.monotonic() - started < 20
        assert result.exit_code == 2, result.output
        assert f"{path}:5: campaign.end: the campaign would run 365,249 days" in result.output
        assert "limited to 731 days (check the year)" in result.output
        assert "Traceback" not in result.output and not isinstance(result.exception, MemoryError)


def test_a_campaign_from_year_1_to_9999_is_refused(write_scenario):
    text_end = "9999-12-30T22:00:00+08:00"
    path = write_scenario(end=text_end)
    path.write_text(path.read_text(encoding="utf-8").replace("start = 2027-03-01T10:00:00+08:00", "start = 0001-01-02T10:00:00+08:00"),
                    encoding="utf-8")
    result = _cli("simulate", "--runs", "2", str(path))
    assert result.exit_code == 2 and "campaign.end: the campaign would run" in result.output


def test_lint_warns_about_a_campaign_of_several_months(write_scenario):
    path = write_scenario(end="2027-09-08T22:00:00+08:00")
    result = _cli("lint", "--select", "CS004", str(path))
    assert result.exit_code == 0
    assert f"{path}:5: CS004 warning the campaign runs 192 days" in result.output


def test_too_many_runs_for_the_reach_is_refused_before_simulating(write_scenario):
    path = write_scenario(extra='\n[audience]\nreach = 5000000\nsize = 5000000\n')
    started = time.monotonic()
    result = _cli("simulate", "--runs", "100000", str(path))
    assert time.monotonic() - started < 20
    assert result.exit_code == 2
    assert "person-runs one command may simulate; use --runs" in result.output


def test_runs_are_bounded_on_the_command_line(write_scenario):
    path = write_scenario()
    for command in ("simulate", "run"):
        result = _cli(command, "--runs", "10000000", str(path))
        assert result.exit_code == 2 and "10000000 is not in the range 1<=x<=100000" in result.output


def test_runs_times_hours_is_bounded():
    from campaignsim.sim.config import SimulationConfigError
    from campaignsim.sim.runner import check_work

    class Config:
        posts = ()
        hours = 17_000
        operations = None

    check_work(Config, 2_000)
    with pytest.raises(SimulationConfigError, match="run-hours"):
        check_work(Config, 100_000)


def test_jobs_are_capped_at_the_cpus_and_the_runs(write_scenario, monkeypatch):
    import concurrent.futures
    import os

    from campaignsim.parallel import LocalExecutor

    asked = []

    class Recording(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            asked.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert LocalExecutor(100).workers == 4  # the CPUs
    path = write_scenario()
    result = _cli("simulate", "--runs", "3", "--jobs", "100", "--variant", "base", str(path))
    assert result.exit_code == 0, result.output
    assert asked == [3]  # and the runs


def test_a_sweep_is_refused_when_its_points_together_are_too_much_work(write_scenario):
    path = write_scenario()
    values = ",".join(str(n) for n in range(9_000_000, 9_000_020))
    result = _cli("sweep", str(path), "--runs", "20", "--jobs", "1", "--set", f"audience.reach={values}")
    assert result.exit_code == 2, result.output
    assert "person-runs" in result.output and "at 20 points" in result.output and "Traceback" not in result.output


def test_a_memory_error_is_a_message_not_a_traceback(write_scenario, monkeypatch):
    import campaignsim.sim.runner as sim_runner

    def exhausted(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(sim_runner, "run_replication", exhausted)
    path = write_scenario()
    for command in ("simulate", "run"):
        result = _cli(command, "--runs", "2", "--jobs", "1", str(path))
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert "out of memory" in result.output and "Traceback" not in result.output


def test_too_many_variants_steps_and_posts_are_located_errors(tmp_path, write_scenario):
    path = write_scenario()
    text = path.read_text(encoding="utf-8")
    variants = "".join(f'\n[[variants]]\nname = "v{i}"\n' for i in range(limits.MAX_VARIANTS))
    steps = '\n[entry]\nsteps = [' + ", ".join(['{ action = "like" }'] * (limits.MAX_STEPS + 1)) + "]\n"
    many = tmp_path / "many.toml"
    many.write_text(text + variants, encoding="utf-8")
    result = _cli("lint", str(many))
    assert result.exit_code == 2 and f"variants: {limits.MAX_VARIANTS + 1} variants; a file may have at most" in result.output
    base = text[: text.index("[[entry.steps]]")] + steps + text[text.index("[prize]"):]
    stepped = tmp_path / "steps.toml"
    stepped.write_text(base, encoding="utf-8")
    result = _cli("lint", str(stepped))
    assert result.exit_code == 2 and f"entry.steps[{limits.MAX_STEPS}]: {limits.MAX_STEPS + 1} entries" in result.output
    posts = "".join(f"\n[[schedule]]\nat = 2027-03-0{1 + i % 7}T12:00:00+08:00\n" for i in range(limits.MAX_POSTS + 1))
    scheduled = tmp_path / "posts.toml"
    scheduled.write_text(posts + "\n" + text, encoding="utf-8")
    result = _cli("lint", str(scheduled))
    assert result.exit_code == 2 and f"schedule[{limits.MAX_POSTS}]: {limits.MAX_POSTS + 1} entries" in result.output


# -- what simulate refuses, lint reports with a line ------------------------------------------------

def test_a_simulation_parameter_for_an_action_the_entry_lacks_is_reported_by_lint(write_scenario):
    path = write_scenario(extra='\n[simulation]\ncompletion_form = 0.5\n')
    lint = _cli("lint", "--select", "CS003", str(path))
    assert lint.exit_code == 0
    assert f"{path}:31: CS003 warning cannot be simulated: [simulation] completion_form" in lint.output
    assert _cli("simulate", "--runs", "2", str(path)).exit_code == 2


def test_a_file_with_only_optional_steps_is_reported_by_lint(write_scenario):
    path = write_scenario()
    path.write_text(path.read_text(encoding="utf-8").replace('count = 3\n', 'count = 3\noptional = true\n', 1), encoding="utf-8")
    lint = _cli("lint", "--select", "CS003", str(path))
    assert f"{path}:12: CS003 warning cannot be simulated: entry.steps has only optional steps" in lint.output


def test_prize_values_that_would_make_totals_infinite_are_refused(write_scenario):
    path = write_scenario()
    path.write_text(path.read_text(encoding="utf-8").replace("value = 298", "value = 1e308"), encoding="utf-8")
    result = _cli("lint", str(path))
    assert result.exit_code == 2
    assert f"{path}:21: prize.items[0].value: must be at most 1,000,000,000,000,000" in result.output
    assert not re.search(r"\binf\b", result.output)


def test_a_refusal_names_the_line_even_when_the_scenario_left_cs003_out(tmp_path):
    """Found by the long fuzz run: a scenario whose own [lint] select leaves CS003 out lints clean,
    and simulate and run then refused it without a line."""
    path = tmp_path / "campaign.toml"
    path.write_text(
        '[campaign]\nname = "0"\nbrand = "0"\nstart = 2027-03-01T10:00:00+08:00\nend = 2027-03-08T10:00:00+08:00\n\n'
        '[platform]\nname = "douyin"\n\n[[entry.steps]]\naction = "answer"\n\n'
        '[prize]\ndraw = "random"\n[[prize.items]]\nname = "0"\nvalue = 0\ncurrency = "CNY"\n\n'
        '[lint]\nselect = ["CS001"]\n', encoding="utf-8")
    assert _cli("lint", str(path)).exit_code == 0
    for command in ("simulate", "run"):
        result = _cli(command, "--runs", "2", str(path))
        assert result.exit_code == 2
        assert f"{path}:7: cannot simulate without a reach" in result.output


def test_a_refusal_in_a_variant_names_the_variant_and_its_line(write_scenario):
    path = write_scenario()
    path.write_text(path.read_text(encoding="utf-8") + 'simulation.completion_form = 0.5\n', encoding="utf-8")
    result = _cli("simulate", "--runs", "2", str(path))
    assert result.exit_code == 2
    assert f"{path}:29 (variant 'comment to enter'): [simulation] completion_form" in result.output


def test_an_audience_too_large_from_the_followers_is_refused_at_the_followers_line(tmp_path):
    """Found by the long fuzz run: the reach came from platform.followers, no [audience] was written,
    and the refusal had no line."""
    path = tmp_path / "campaign.toml"
    path.write_text(
        '[campaign]\nname = "0"\nbrand = "0"\nstart = 2027-03-01T10:00:00+08:00\nend = 2027-03-08T10:00:00+08:00\n\n'
        '[platform]\nname = "douyin"\nfollowers = 8_000_000_000\n\n[[entry.steps]]\naction = "answer"\n\n'
        '[prize]\ndraw = "random"\n[[prize.items]]\nname = "0"\nvalue = 0\ncurrency = "CNY"\n\n'
        '[simulation]\nreach_per_follower = 0.5\n', encoding="utf-8")
    lint = _cli("lint", "--select", "CS003", str(path))
    assert f"{path}:9: CS003 warning cannot be simulated: the posts reach 4,000,000,000 people, more than the 2,000,000,000" in lint.output
    for command in ("simulate", "run"):
        result = _cli(command, "--runs", "2", str(path))
        assert result.exit_code == 2
        assert f"{path}:9: the posts reach 4,000,000,000 people" in result.output


def test_an_audience_of_30_million_is_no_longer_refused(tmp_path):
    """One replication holds its people in chunks: 30 million reached people (refused at 20 million
    before) lint clean of CS003 and are simulated, with memory that does not grow with them."""
    path = tmp_path / "campaign.toml"
    path.write_text(
        '[campaign]\nname = "0"\nbrand = "0"\nstart = 2027-03-01T10:00:00+08:00\nend = 2027-03-03T10:00:00+08:00\n\n'
        '[platform]\nname = "douyin"\n\n[audience]\nreach = 30_000_000\n\n[[entry.steps]]\naction = "answer"\n\n'
        '[prize]\ndraw = "random"\n[[prize.items]]\nname = "0"\nvalue = 0\ncurrency = "CNY"\n', encoding="utf-8")
    assert "CS003" not in _cli("lint", "--select", "CS003", str(path)).output
    result = _cli("simulate", "--runs", "1", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert '"exposed"' in result.output


_NO_REACH = (
    '[campaign]\nname = "0"\nbrand = "0"\nstart = 2027-03-01T10:00:00+08:00\nend = 2027-03-08T10:00:00+08:00\n\n'
    '[platform]\nname = "douyin"\n\n[[entry.steps]]\naction = "answer"\n\n'
    '[prize]\ndraw = "random"\n[[prize.items]]\nname = "0"\nvalue = 0\ncurrency = "CNY"\n\n')


def test_a_scenario_ignore_of_all_cannot_silence_cannot_simulate_or_its_own_missing_reason(tmp_path):
    """Found by the long fuzz run: ``[lint] ignore = [{ code = "ALL" }]`` silenced every finding,
    CS003 and the CS001 about the ignore itself included, so lint exited 0 on a file simulate refuses."""
    path = tmp_path / "campaign.toml"
    path.write_text(_NO_REACH + '[lint]\nignore = [{ code = "ALL" }]\n', encoding="utf-8")
    lint = _cli("lint", "--select", "CS", str(path))
    assert f"{path}:7: CS003 warning cannot be simulated: cannot simulate without a reach" in lint.output
    assert f"{path}:21: CS001 warning ignore of ALL gives no reason" in lint.output


def test_an_ignore_naming_only_cannot_simulate_is_itself_reported(tmp_path):
    path = tmp_path / "campaign.toml"
    path.write_text(_NO_REACH + "[lint]\nignore = [{ code = \"CS003\", reason = \"we know\" }]\n"
                    "# campaignsim: ignore[CS003] fixed later\n", encoding="utf-8")
    lint = _cli("lint", "--select", "CS", str(path))
    assert f"{path}:7: CS003 warning cannot be simulated" in lint.output
    assert f"{path}:21: CS002 warning ignore[CS003] names only rules a scenario cannot ignore (CS003); remove it" in lint.output


def test_the_command_line_may_still_deselect_cannot_simulate(tmp_path):
    """Selection by whoever runs the linter still applies: only the scenario's own ignores cannot silence it."""
    path = tmp_path / "campaign.toml"
    path.write_text(_NO_REACH, encoding="utf-8")
    lint = _cli("lint", "--select", "CS", "--ignore", "CS003", str(path))
    assert "CS003" not in lint.output
    assert lint.exit_code == 0


def test_a_plugin_rule_with_a_non_boolean_suppressible_is_refused():
    from campaignsim.lint.rule import Rule
    from campaignsim.lint.rule import rule_problems

    class Odd(Rule):
        code = "ZZ001"
        name = "odd"
        summary = "odd"
        suppressible = "no"

    assert any("suppressible must be True or False" in p for p in rule_problems(Odd))


def test_a_draw_years_after_the_close_is_a_located_error(tmp_path):
    """Found by the long fuzz run: a draw_at about two thousand years after the close was accepted, and
    the operations after it were followed hour by hour until then (3 GB and no end in sight)."""
    path = tmp_path / "campaign.toml"
    path.write_text(_NO_REACH.replace('draw = "random"\n', 'draw = "random"\ndraw_at = 3973-03-09T10:00:00+08:00\n')
                    + '[audience]\nreach = 1000\n', encoding="utf-8")
    for command in (["lint"], ["simulate", "--runs", "2"], ["run", "--runs", "2"]):
        started = time.monotonic()
        result = _cli(*command, str(path))
        assert time.monotonic() - started < 20
        assert result.exit_code == 2, result.output
        assert f"{path}:15: prize.draw_at: 3973-03-09 is more than {limits.MAX_DRAW_DELAY_DAYS} days after campaign.end (2027-03-08)" \
            in result.output
    within = tmp_path / "within.toml"
    within.write_text(path.read_text(encoding="utf-8").replace("3973-03-09", "2028-03-01"), encoding="utf-8")
    assert "prize.draw_at" not in _cli("lint", str(within)).output


def test_the_operations_followed_period_counts_towards_the_run_hours(write_scenario):
    from campaignsim.plugin.manager import get_registry
    from campaignsim.load import load_file
    from campaignsim.sim.config import SimulationConfigError, build_config
    from campaignsim.sim.runner import check_work

    path = write_scenario()
    cfg = build_config(load_file(path, get_registry()).scenarios[0], get_registry())
    assert cfg.operations is not None and cfg.operations.hours > cfg.hours  # followed weeks after a one-week campaign
    runs = limits.MAX_RUN_HOURS // cfg.hours  # within the limit for the campaign's hours alone
    with pytest.raises(SimulationConfigError, match="campaign and operations hours"):
        check_work(cfg, runs)
