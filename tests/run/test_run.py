"""campaignsim run / compare: the whole job on the reference scenario and its contract."""

import json
import subprocess
import sys

import pytest

from campaignsim.compare import paired_difference, t_quantile, verdict
from campaignsim.report.markdown import write_markdown



def test_reference_base_breaks_the_wechat_share_follow_rules_and_risks_takedown(reference_run):
    base, comment = reference_run.runs
    assert {"WX001", "WX002", "WX003"} <= set(base.error_codes)
    assert base.sim.to_json_dict()["outputs"]["takedown_probability"] > 0
    assert not {"WX001", "WX002", "WX003"} & set(comment.error_codes)


def test_comment_to_enter_is_ahead_with_an_interval_excluding_zero(reference_run):
    (comparison,) = reference_run.comparisons
    assert comparison.variant.label == "comment to enter"
    assert comparison.entrants.low > 0
    assert comparison.verdict.startswith("comment to enter: launchable; fixes WX001, WX002, WX003; +")


def test_run_json_keeps_the_lint_and_simulate_contracts_inside(reference_run):
    doc = reference_run.to_json_dict()
    assert set(doc) == {"recommendation", "lint", "simulations", "comparisons", "warnings"}
    assert doc["recommendation"]["variant"] == "comment to enter" and doc["recommendation"]["reason"]
    assert {"files", "summary"} <= set(doc["lint"])
    assert [s["variant"] for s in doc["simulations"]] == [None, "comment to enter"]
    for sim in doc["simulations"]:
        assert {"scenario", "variant", "runs", "seed", "outputs", "funnel", "timeline"} <= set(sim)
    (comparison,) = doc["comparisons"]
    assert comparison["base"] is None and comparison["variant"] == "comment to enter"
    diff = comparison["entrants_diff"]
    assert diff["low"] <= diff["mean"] <= diff["high"]
    assert diff["interval"] == "90% confidence interval of the mean paired difference"
    entrants = doc["simulations"][0]["outputs"]["entrants"]
    assert entrants["low"] <= entrants["mean"] <= entrants["high"] and entrants["interval"] == "5th–95th percentile of the runs"
    assert "p05" not in json.dumps(doc)
    assert comparison["verdict"]


def test_run_exit_code_is_0_when_a_launchable_variant_is_recommended(reference_run):
    # The base breaks error-level rules, but the recommended variant can launch.
    assert reference_run.recommendation.variant == "comment to enter"
    assert reference_run.exit_code() == 0


def test_cli_run_json_same_seed_gives_identical_output(tmp_path, reference_path, project_root):
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", str(reference_path), "--runs", "8", "--seed", "3",
                               "--format", "json", "--output", str(out)], capture_output=True, text=True, cwd=project_root)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["simulations"][0]["seed"] == 3


def test_cli_compare_takes_the_first_file_as_base(tmp_path, reference_path, project_root):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "compare", str(reference_path), str(reference_path), "--runs", "5", "--format", "json"],
                          capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    # every scenario of every file after the base: the second file's base and its variant, and the first file's variant
    assert len(doc["simulations"]) == 4
    assert len(doc["comparisons"]) == 3
    same = [c for c in doc["comparisons"] if c["variant"] is None]
    assert same and same[0]["entrants_diff"]["mean"] == 0  # identical campaign, same random numbers


def test_cli_compare_needs_two_files(reference_path, project_root):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "compare", str(reference_path)], capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 2
    assert "at least two" in proc.stderr


def test_cli_run_bad_input_is_exit_2_without_traceback(tmp_path, project_root):
    bad = tmp_path / "bad.toml"
    bad.write_text("[campaign]\nname = 3\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", str(bad), "--runs", "2"], capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "bad.toml:2: campaign.name: must be a string, got 3" in proc.stdout + proc.stderr


def test_report_suffix_must_be_html_or_md(tmp_path, reference_path, project_root):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", str(reference_path), "--runs", "2", "--report", str(tmp_path / "r.pdf")],
                          capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 2
    assert ".html or .md" in proc.stderr


def test_markdown_report_writes_png_charts_in_its_own_folder(reference_run, tmp_path):
    written = write_markdown(reference_run, tmp_path / "report.md")
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.glob("*.png")) == []  # nothing of the user's beside the report is touched
    pngs = sorted(p.name for p in (tmp_path / "report-charts").glob("*.png"))
    assert pngs == ["entrants-distribution.png", "entrants-over-time.png", "funnel.png", "support-queue.png"]
    for name in pngs:
        assert f"](report-charts/{name})" in text
        assert (tmp_path / "report-charts" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "comment to enter: launchable" in text
    assert "WX001" in text
    assert len(written) == 5


def test_missing_matplotlib_is_a_one_line_message(monkeypatch):
    import builtins

    from campaignsim.report import charts

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    from campaignsim._install import install_extra_command

    message = charts.require_matplotlib()
    assert message == f"report files need matplotlib: {install_extra_command('report')}" and "\n" not in message


@pytest.mark.parametrize("df, expected", [(3, 2.353363), (9, 1.833113), (29, 1.699127), (199, 1.652547)])
def test_t_quantile_matches_tables(df, expected):
    assert t_quantile(0.95, df) == pytest.approx(expected, abs=2e-3)


def test_paired_difference_of_identical_series_is_exactly_zero():
    d = paired_difference([5, 7, 9], [5, 7, 9])
    assert (d.mean, d.low, d.high) == (0, 0, 0)
    assert not d.excludes_zero


def test_paired_difference_interval_by_hand():
    # diffs 1, 2, 3: mean 2, sd 1, half-width t(0.95, 2) * 1/sqrt(3)
    d = paired_difference([2, 4, 6], [1, 2, 3])
    half = t_quantile(0.95, 2) / 3**0.5
    assert d.mean == 2 and d.low == pytest.approx(2 - half) and d.high == pytest.approx(2 + half)


def test_verdict_words():
    from campaignsim.compare import Blocker, Standing

    def standing(blockers=(), takedown=0.0):
        return Standing(not blockers, tuple(Blocker(c, "m") for c in blockers), tuple(blockers), takedown, 0.0,
                        {"mean": 1.0, "low": 1.0, "high": 1.0}, 1.0, 0)

    up = paired_difference([110, 121, 130], [100, 110, 121])
    text = verdict("comment to enter", up, ["WX001"], [], [], standing(), 1.0)
    assert text.startswith("comment to enter: launchable; fixes WX001; +10 entrants (")
    assert text.endswith("ahead in 100% of paired runs")
    assert verdict("same", up, [], [], [], standing(), None) == "same: launchable; breaks no rule; +10 entrants (+8 to +12, 90% CI)"
    flat = paired_difference([1, 2, 3], [2, 1, 3])
    text = verdict("x", flat, ["WX001", "WX002"], ["WX004"], ["CN-LAW002"], standing(["WX004", "CN-LAW002"], 0.4), 0.25)
    assert text.startswith("x: not launchable (fixes WX001, WX002; introduces WX004; still breaks CN-LAW002); takedown in 40% of runs; "
                           "no clear difference in entrants")
