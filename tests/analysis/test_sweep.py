import csv
import io
import json

import pytest

from campaignsim.analysis.points import AnalysisError
from campaignsim.analysis.sweep import parse_set, points_of, sweep
from campaignsim.load import load_file

from analysis_helpers import LUCKY_DRAW, run_cli


def test_entrants_rise_with_followers_when_reach_follows_from_them(small_path, registry):
    loaded = load_file(small_path, registry)
    result = sweep(loaded, registry, ["platform.followers=10000,40000,160000"], runs=20, seed=3)
    means = [row["entrants_mean"] for row in result.rows]
    assert [row["platform.followers"] for row in result.rows] == [10000, 40000, 160000]
    assert means[0] < means[1] < means[2]
    # Reach is proportional to followers here, so entrants scale roughly fourfold per step.
    assert 2.5 < means[1] / means[0] < 6 and 2.5 < means[2] / means[1] < 6


def test_grid_crosses_lists_and_keeps_the_order_given(small_path, registry):
    loaded = load_file(small_path, registry)
    result = sweep(loaded, registry, ["prize.items[0].value=50,500", "entry.steps[1].action=follow,like"], runs=5)
    assert [(r["prize.items[0].value"], r["entry.steps[1].action"]) for r in result.rows] == [
        (50, "follow"), (50, "like"), (500, "follow"), (500, "like")]
    # A bigger prize draws more entrants with the same seeds.
    by_value = {(r["prize.items[0].value"], r["entry.steps[1].action"]): r["entrants_mean"] for r in result.rows}
    assert by_value[(500, "follow")] > by_value[(50, "follow")]


def test_a_simulation_parameter_can_be_swept_by_its_plain_name(small_path, registry):
    loaded = load_file(small_path, registry)
    result = sweep(loaded, registry, ["effort_sensitivity=0.05,0.5"], runs=10)
    low, high = (r["entrants_mean"] for r in result.rows)
    assert low > high


def test_latin_hypercube_fills_each_range_once_per_stratum():
    axes = [parse_set("platform.followers=1000:5000"), parse_set("effort_sensitivity=0.1:0.3")]
    points = points_of(axes, 10, seed=1)
    assert len(points) == 10
    followers = sorted(p[0] for p in points)
    assert all(isinstance(f, int) for f in followers)
    strata = sorted(int((f - 1000) / 400) for f in followers)
    assert strata == list(range(10))  # one point in each tenth of the range
    assert all(0.1 <= p[1] <= 0.3 for p in points)


def test_a_range_without_samples_is_refused():
    with pytest.raises(AnalysisError, match="--samples"):
        points_of([parse_set("platform.followers=1000:5000")], None, 0)


def test_same_seed_same_rows_and_common_random_numbers_across_points(small_path, registry):
    loaded = load_file(small_path, registry)
    a = sweep(loaded, registry, ["platform.followers=20000,20000"], runs=8, seed=11)
    b = sweep(loaded, registry, ["platform.followers=20000"], runs=8, seed=11)
    assert a.rows[0] == a.rows[1]  # identical points get identical numbers: the seeds are shared
    assert a.rows[0] == b.rows[0]


def test_a_bad_key_gets_the_loaders_located_message_and_exit_2():
    done = run_cli("sweep", LUCKY_DRAW, "--set", "platform.folowers=1,2")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f'{LUCKY_DRAW}:20: platform.folowers: unknown key; did you mean "followers"? (with --set platform.folowers=1)']


def test_a_bad_value_is_located_at_the_files_line_for_the_key():
    done = run_cli("sweep", LUCKY_DRAW, "--set", "platform.followers=-5")
    assert done.returncode == 2
    assert done.stderr.startswith(f"{LUCKY_DRAW}:25: platform.followers: must be an integer")
    assert "Traceback" not in done.stderr


def test_an_index_out_of_range_is_one_line():
    done = run_cli("sweep", LUCKY_DRAW, "--set", "prize.items[7].value=1")
    assert done.returncode == 2
    assert "prize.items has 2 item(s): index 7 is out of range" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_csv_json_and_parquet_hold_the_same_rows(small_path, tmp_path):
    args = ["sweep", small_path, "--set", "platform.followers=10000,20000", "--runs", "4", "--jobs", "1"]
    as_json = json.loads(run_cli(*args, "--format", "json").stdout)
    as_csv = list(csv.DictReader(io.StringIO(run_cli(*args, "--format", "csv").stdout)))
    target = tmp_path / "rows.parquet"
    done = run_cli(*args, "--format", "parquet", "--output", target)
    assert done.returncode == 0, done.stderr
    import pyarrow.parquet as pq

    table = pq.read_table(target).to_pylist()
    assert [p["entrants_mean"] for p in as_json["points"]] == [float(r["entrants_mean"]) for r in as_csv] == [r["entrants_mean"] for r in table]
    assert as_json["interval"] == "5th–95th percentile of runs, parameters fixed (Monte Carlo noise only)"


def test_parquet_needs_an_output_file(small_path):
    done = run_cli("sweep", small_path, "--set", "platform.followers=10000", "--format", "parquet")
    assert done.returncode == 2 and "--output" in done.stderr


def test_the_chart_is_drawn_per_swept_key(small_path, tmp_path):
    chart = tmp_path / "sweep.png"
    done = run_cli("sweep", small_path, "--set", "platform.followers=10000,20000", "--set", "prize.items[0].value=50,100",
                   "--runs", "3", "--chart", chart)
    assert done.returncode == 0, done.stderr
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_csv_cells_cannot_become_spreadsheet_formulas(small_path, registry):
    from campaignsim.analysis.sweep import to_csv

    loaded = load_file(small_path, registry)
    result = sweep(loaded, registry, ['campaign.name="=HYPERLINK(1)"'], runs=2)
    assert "'=HYPERLINK(1)" in to_csv(result)
