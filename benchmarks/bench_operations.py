"""Benchmark: what the operations (winners, dispatch, transit, support desk) add to a replication.

    python benchmarks/bench_operations.py [--runs N]

One 100,000-reach WeChat campaign over 14 days (follow, share to 3 friends, screenshot) with 100
physical prizes and the default question rate (`inquiries_per_entrant`), a stated dispatch plan
and a two-agent support desk. The same replications are timed with the operations and without them
(the same configuration with ``operations = None``), interleaved in one process so both see the same
machine load; each figure is the median over the runs. Target: the operations add at most 20%.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

import attrs
import numpy as np

from campaignsim.model import (
    Audience, Campaign, Entry, EntryStep, Fulfilment, Money, Operations, Platform, Prize, PrizeItem, Scenario,
)
from campaignsim.plugin.manager import get_registry
from campaignsim.sim.config import build_config
from campaignsim.sim.engine import run_replication
from campaignsim.sim.rng import replication_seeds

START = datetime(2027, 3, 1, 10, tzinfo=timezone(timedelta(hours=8)))
TARGET = 0.20


def scenario(reach: int = 100_000, winners: int = 100) -> Scenario:
    return Scenario(
        campaign=Campaign(name="bench", brand="Acme", start=START, end=START + timedelta(days=14), budget=Money(amount=30000, currency="CNY")),
        platform=Platform(name="wechat", followers=reach * 20),
        audience=Audience(reach=reach),
        entry=Entry(steps=(EntryStep(action="follow"), EntryStep(action="share", to="friends", count=3), EntryStep(action="screenshot"))),
        prize=Prize(draw="random", items=(PrizeItem(name="Tea gift box", value=298, currency="CNY", quantity=winners),)),
        fulfilment=Fulfilment(deliver_within_days=14, claim_window_days=7, unclaimed="redraw", owner="shop", response_time_hours=24,
                              delivery_track_record=0.95),
        operations=Operations(dispatch_per_day=50, transit_days=3, support_agents=2, handling_minutes=8),
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args(argv)
    with_ops = build_config(scenario(), get_registry())
    without = attrs.evolve(with_ops, operations=None)
    seeds = replication_seeds(0, args.runs + 3)
    for s in seeds[:3]:  # warm-up: imports, caches
        run_replication(with_ops, s)
        run_replication(without, s)
    t_with, t_without, outs = [], [], []
    for s in seeds[3:]:
        a = time.perf_counter()
        outs.append(run_replication(with_ops, s))
        b = time.perf_counter()
        run_replication(without, s)
        c = time.perf_counter()
        t_with.append(b - a)
        t_without.append(c - b)
    m_with, m_without = statistics.median(t_with), statistics.median(t_without)
    added = m_with / m_without - 1.0
    # a second estimate: the operations alone, timed inside the same replications
    entrants = np.mean([o["entrants"] for o in outs])
    inquiries = np.mean([o["inquiries"] for o in outs])
    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs, {args.runs} runs")
    print(f"campaign: reach 100,000, 14 days; entrants {entrants:,.0f} (mean), winners 100, questions {inquiries:,.0f} (mean)")
    print(f"replication without operations: {m_without * 1000:7.1f} ms (median)")
    print(f"replication with operations:    {m_with * 1000:7.1f} ms (median)")
    print(f"operations add {added:.1%} (target ≤ {TARGET:.0%}): {'ok' if added <= TARGET else 'OVER TARGET'}")
    return 0 if added <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
