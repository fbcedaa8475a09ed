"""Constants and the CLI runner shared by the analysis tests."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
LUCKY_DRAW = ROOT / "scenarios" / "wechat_lucky_draw_variants.toml"

# A small Weibo giveaway whose reach follows from its followers (no audience.reach), so that a
# sweep over followers moves the forecast; small enough that many points run in seconds.
SMALL = textwrap.dedent('''
    [campaign]
    name = "Small follower giveaway"
    brand = "Acme"
    start = 2027-05-01T10:00:00+08:00
    end = 2027-05-04T22:00:00+08:00
    jurisdictions = ["CN"]
    budget = { amount = 5000, currency = "CNY" }

    [platform]
    name = "weibo"
    account = "blue_v"
    followers = 40000

    [[entry.steps]]
    action = "comment"

    [[entry.steps]]
    action = "follow"

    [prize]
    draw = "random"
    draw_at = 2027-05-05T12:00:00+08:00
    draw_method = "Weibo lottery tool (微博抽奖平台), automatic"
    draw_tool = "weibo_lottery"

    [[prize.items]]
    name = "Tea gift box"
    value = 200
    currency = "CNY"
    quantity = 10

    [fulfilment]
    owner = "Acme customer service"
    announce_winners_within_days = 1
    deliver_within_days = 14
    public_winner_list = true
''')


def campaignsim_command() -> str:
    found = shutil.which("campaignsim", path=os.path.dirname(sys.executable))
    return found or "campaignsim"


def run_cli(*args, env=None, timeout=300) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    full_env.pop("DASK_SCHEDULER_ADDRESS", None) if not (env and "DASK_SCHEDULER_ADDRESS" in env) else None
    return subprocess.run([campaignsim_command(), *map(str, args)], capture_output=True, text=True, env=full_env, timeout=timeout)
