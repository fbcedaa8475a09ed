"""A replication holds its people in chunks (engine.CHUNK_PEOPLE): chunks must change no result, and
memory must not grow with the reach.

Every person's draws are keyed by their identity, so a cohort processed in chunks gives the same
replication, number for number, as the cohort processed at once, as long as the audience ceiling
does not cut the share cascade; the ceiling's own cut (the cohort's earliest exposures) is exact in
chunks too. Where the ceiling cuts the cascade, which sharers' friends are dropped depends on the
chunks: that case is compared in distribution, over replications.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest
import sim_helpers as H

from campaignsim.sim import engine
from campaignsim.sim.config import MAX_EXPOSURES, ORGANIC, SimulationConfigError, build_config
from campaignsim.sim.rng import replication_seeds

REG = H.registry()
OUTPUTS = engine.SCALARS + ("funnel", "timeline_entrants", "timeline_exposed", "timeline_support_queue")


def replicate(cfg, seed, chunk=None, trace=False):
    """One replication with the given chunk size, and how many chunks it exposed."""
    rep = engine.Replication(cfg, seed, trace=trace, chunk=chunk)
    calls: list = []
    expose = rep._expose
    rep._expose = lambda ids, times, source: (calls.append(len(ids)), expose(ids, times, source))
    return rep.run(), calls


def assert_same(a, b):
    for name in OUTPUTS:
        assert np.array_equal(np.asarray(a[name]), np.asarray(b[name]), equal_nan=True), name


SCENARIOS = {
    "share cascade": H.scenario(reach=40_000),
    "overlapping posts": H.scenario(reach=40_000, schedule=(H.post(30.5), H.post(70.0, reach=20_000))),
    "power-law kernel": H.scenario(platform="powerlaw", reach=40_000),
    "word of mouth": H.scenario(reach=20_000, hours=72.0, simulation={"bass_p": 0.002, "bass_q": 0.05, "time_step_hours": 1.0}),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_chunks_change_no_number_when_the_ceiling_does_not_bind(name):
    cfg = build_config(SCENARIOS[name], REG)
    for seed in replication_seeds(5, 3):
        whole, whole_calls = replicate(cfg, seed)
        for chunk in (150, 2_500):
            chunked, calls = replicate(cfg, seed, chunk)
            assert max(calls) <= chunk and len(calls) > len(whole_calls)  # it did process in chunks
            assert not chunked["audience_cap_hit"]
            assert_same(whole, chunked)


def test_chunks_change_no_number_under_a_takedown():
    cfg = build_config(H.scenario(reach=40_000, hours=240, simulation={"takedown_hazard_per_day": 1.0}), REG, ("WX001",))
    taken = 0
    for seed in replication_seeds(6, 4):
        whole, _ = replicate(cfg, seed)
        chunked, calls = replicate(cfg, seed, 1_500)
        taken += whole["taken_down"]
        assert_same(whole, chunked)
    assert taken > 0


def test_the_ceiling_keeps_the_same_earliest_exposures_in_chunks():
    # No sharing: the ceiling cuts the first cohort, and only there. In chunks, the cut is found by
    # refining a histogram of the cohort's times; it must keep exactly the people a sort would keep.
    sc = H.scenario(steps=(H.step("adopt"),), reach=20_000, size=7_000, simulation={"attention_half_life_hours": 30.0})
    cfg = build_config(sc, REG)
    for seed in replication_seeds(2, 3):
        whole, _ = replicate(cfg, seed, trace=True)
        chunked, calls = replicate(cfg, seed, 640, trace=True)
        assert whole["audience_cap_hit"] and len(calls) > 5
        assert whole["exposed"] == 7_000
        assert_same(whole, chunked)
        assert np.array_equal(np.sort(whole["trace_exposure_times"]), np.sort(chunked["trace_exposure_times"]))


def test_the_ceiling_breaks_ties_in_cohort_order_in_chunks_as_a_stable_sort_does():
    cfg = build_config(H.scenario(steps=(H.step("adopt"),), reach=1_000, size=500, simulation=H.HOMOGENEOUS), REG)
    ids = np.arange(1, 1201, dtype=np.uint64)
    times = np.repeat([3.0, 1.0, 2.0], 400)  # many exposures at exactly the same time
    kept = {}
    for chunk in (None, 7, 150):
        rep = engine.Replication(cfg, replication_seeds(1, 1)[0], chunk=chunk)
        seen = []
        expose = rep._expose
        rep._expose = lambda i, t, s: (seen.append(i.copy()), expose(i, t, s))
        rep._process_cohort([("arrays", ids, times, ORGANIC)])
        kept[chunk] = np.sort(np.concatenate(seen))
        assert rep.cap_hit and rep.exposed == 500
    # all 400 at hour 1, then the first 100 (in cohort order) of those at hour 2
    assert np.array_equal(kept[None], np.concatenate([ids[400:800], ids[800:900]]))
    assert np.array_equal(kept[7], kept[None]) and np.array_equal(kept[150], kept[None])


def test_a_cascade_cut_by_the_ceiling_has_the_same_distribution_in_chunks():
    # A supercritical cascade (each entrant exposes 2 people) stopped by a ceiling just above the reach:
    # which sharers' friends are dropped depends on the chunks; the outcome's distribution must not.
    sc = H.scenario(steps=(H.step("pass_on", count=4),), reach=6_000, size=6_600,
                    simulation={**H.HOMOGENEOUS, "attention_half_life_hours": 40.0})
    cfg = build_config(sc, REG)
    seeds = replication_seeds(11, 60)
    outs = {chunk: [replicate(cfg, s, chunk)[0] for s in seeds] for chunk in (None, 300)}
    assert all(o["audience_cap_hit"] for o in outs[None])
    for name in ("exposed_shares", "entrants", "actions"):
        a = np.array([o[name] for o in outs[None]], dtype=float)
        b = np.array([o[name] for o in outs[300]], dtype=float)
        se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
        assert abs(a.mean() - b.mean()) <= 4 * se + 1e-9, (name, a.mean(), b.mean(), se)


def test_above_the_sample_size_the_operations_get_a_uniform_sample_of_entry_times(monkeypatch):
    monkeypatch.setattr(engine, "ENTRANT_SAMPLE", 400)
    cfg = build_config(H.scenario(reach=40_000, simulation={"inquiries_per_entrant": 1.0}), REG)
    handed = []
    real = engine.operations.run_operations

    def spy(ops, seed, winners, times, trace=False, entrants=None):
        handed.append((np.sort(times), entrants))
        return real(ops, seed, winners, times, trace, entrants=entrants)

    monkeypatch.setattr(engine.operations, "run_operations", spy)
    seed = replication_seeds(3, 1)[0]
    out, _ = replicate(cfg, seed, trace=True)
    out_chunked, _ = replicate(cfg, seed, 997)
    (sample, count), (sample_chunked, count_chunked) = handed
    assert count == out["entrants"] > 400 and len(sample) == 400
    assert np.array_equal(sample, sample_chunked) and count_chunked == count  # the same sample, whatever the chunks
    everyone = np.sort(out["trace_entrant_times"])
    assert np.isin(sample, everyone).all()
    # a uniform sample: its times are distributed as all entrants' (two-sample KS at the 0.1% level)
    grid = np.concatenate([sample, everyone])
    d = np.abs(np.searchsorted(sample, grid, side="right") / len(sample) - np.searchsorted(everyone, grid, side="right") / len(everyone)).max()
    assert d < 1.95 * math.sqrt(1 / len(sample) + 1 / len(everyone))
    # the questions are counted from all the entrants: about one each
    assert abs(out["inquiries"] - out["entrants"]) < 5 * math.sqrt(out["entrants"])


def test_share_exposures_written_to_disk_come_back_the_same(monkeypatch, tmp_path):
    # Above SPILL_PEOPLE, the share exposures filed for later steps go to a temporary file: the same numbers,
    # and the file and its folder are gone when the replication ends.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    cfg = build_config(H.scenario(reach=40_000, schedule=(H.post(30.5),)), REG)
    written = []
    real = engine.Replication._spill
    monkeypatch.setattr(engine.Replication, "_spill", lambda self: (written.append(self._held), real(self)))
    for seed in replication_seeds(8, 2):
        whole, _ = replicate(cfg, seed)
        assert not written
        monkeypatch.setattr(engine, "SPILL_PEOPLE", 50)
        for chunk in (None, 400):
            spilled, _ = replicate(cfg, seed, chunk)
            assert len(written) > 3
            written.clear()
            assert_same(whole, spilled)
        monkeypatch.setattr(engine, "SPILL_PEOPLE", 1 << 22)
    assert list(tmp_path.iterdir()) == []


def test_a_reach_above_the_old_limit_is_simulated_and_only_an_unworkable_one_is_refused():
    cfg = build_config(H.scenario(reach=30_000_000), REG)
    assert sum(p.reach for p in cfg.posts) == 30_000_000
    with pytest.raises(SimulationConfigError, match=r"the posts reach 2,500,000,000 people, more than the 2,000,000,000"):
        build_config(H.scenario(reach=2_500_000_000), REG)
    assert MAX_EXPOSURES == 2_000_000_000


_MEMORY = r"""
import json, resource, sys

def peak_kb():
    # VmHWM: the peak RSS of this program. ru_maxrss would include the RSS of the process it was
    # forked from (the test runner), which the peak keeps across exec.
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

sys.path.insert(0, sys.argv[2])
import numpy as np
import sim_helpers as H
from campaignsim.sim.config import build_config
from campaignsim.sim.engine import run_replication
cfg = build_config(H.scenario(reach=int(sys.argv[1]), hours=72.0), H.registry())
run_replication(build_config(H.scenario(reach=1000), H.registry()), np.random.SeedSequence(1))
before = peak_kb()
out = run_replication(cfg, np.random.SeedSequence(2))
peak = peak_kb()
print(json.dumps({"exposed": int(out["exposed"]), "before_kb": before, "peak_kb": peak}))
"""


def _peak(reach: int) -> dict:
    from pathlib import Path

    done = subprocess.run([sys.executable, "-c", _MEMORY, str(reach), str(Path(__file__).parent)],
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_memory_does_not_grow_with_the_reach():
    # Before chunking, a replication grew by about 60 MB per million people (650 MB at 10M) and refused
    # 30M. Measured in fresh processes: 30M people must cost at most 150 MB more than 3M.
    small, large = _peak(3_000_000), _peak(30_000_000)
    assert large["exposed"] > 30_000_000
    grown_mb = (large["peak_kb"] - small["peak_kb"]) / 1024
    assert grown_mb < 150, (small, large)
    assert large["peak_kb"] / 1024 < 400
