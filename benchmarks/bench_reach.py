"""Benchmark of one replication's time and peak memory against its reach.

    python benchmarks/bench_reach.py [--reach 1e6,1e7,3e7,1e8] [--repeat 3]

Each reach runs in a fresh process (so that its peak resident memory, ``ru_maxrss``, is its own):
the reference WeChat campaign of ``bench_sim.py`` (follow, share to 3 friends, screenshot, 14 days)
with ``audience.reach`` set to the size, one replication after a small warm-up, the best of
``--repeat`` timings. Printed per size: wall-clock and CPU seconds, CPU time per million exposed
people, the process's peak RSS (VmHWM) and the peak it had before the replication (imports, the warm-up).

Targets: a 100,000,000-reach replication with a peak RSS under 500 MB; time linear in reach, that
is CPU time per person at 100M within 20% of that at 10M (time(100M)/time(10M) about 10).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak_rss_mb() -> float:
    """This program's peak RSS: VmHWM (ru_maxrss would include the RSS of the process it was forked from)."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(reach: int, repeat: int) -> dict:
    sys.path.insert(0, HERE)
    import numpy as np

    from bench_sim import scenario
    from campaignsim.plugin.manager import get_registry
    from campaignsim.sim.config import SimulationConfigError, build_config
    from campaignsim.sim.engine import run_replication

    registry = get_registry()
    run_replication(build_config(scenario(10_000), registry), np.random.SeedSequence(1))  # warm-up
    before = peak_rss_mb()
    try:
        cfg = build_config(scenario(reach), registry)
    except SimulationConfigError as exc:
        return {"reach": reach, "refused": str(exc)}
    best = None
    for i in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        out = run_replication(cfg, np.random.SeedSequence(7 + i))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or cpu < best["cpu_s"]:
            best = {"wall_s": wall, "cpu_s": cpu, "exposed": int(out["exposed"]), "entrants": int(out["entrants"])}
    peak = peak_rss_mb()
    return {"reach": reach, **best, "peak_rss_mb": round(peak, 1), "rss_before_mb": round(before, 1),
            "cpu_us_per_exposed": 1e6 * best["cpu_s"] / max(best["exposed"], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reach", default="1e6,1e7,3e7,1e8", help="comma-separated reaches (default 1e6,1e7,3e7,1e8)")
    parser.add_argument("--repeat", type=int, default=1, help="timings per reach; the best (least CPU time) is kept")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(int(args.child), args.repeat)))
        return 0
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    rows = []
    for text in args.reach.split(","):
        reach = int(float(text))
        done = subprocess.run([sys.executable, __file__, "--child", str(reach), "--repeat", str(args.repeat)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"reach {reach:,}: failed\n{done.stderr[-2000:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        if "refused" in row:
            print(f"reach {reach:>13,}: refused: {row['refused']}")
            continue
        print(f"reach {reach:>13,}: {row['wall_s']:7.2f} s wall, {row['cpu_s']:7.2f} s CPU, {row['cpu_us_per_exposed']:.3f} µs CPU "
              f"per exposed ({row['exposed']:,} exposed, {row['entrants']:,} entrants); peak RSS {row['peak_rss_mb']:.0f} MB "
              f"({row['rss_before_mb']:.0f} MB before the replication)")
    timed = {r["reach"]: r for r in rows if "refused" not in r}
    if 10_000_000 in timed:
        base = timed[10_000_000]
        for reach, row in sorted(timed.items()):
            if reach > base["reach"]:
                print(f"time({reach:,}) / time(10,000,000) = {row['cpu_s'] / base['cpu_s']:.2f} (linear: {reach / 1e7:g}); "
                      f"CPU per person × {row['cpu_us_per_exposed'] / base['cpu_us_per_exposed']:.2f}")
    big = timed.get(100_000_000)
    if big is not None:
        print(f"100M peak RSS {big['peak_rss_mb']:.0f} MB: {'within' if big['peak_rss_mb'] < 500 else 'OVER'} the 500 MB target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
