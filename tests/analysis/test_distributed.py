"""A real Dask scheduler and workers on this machine: the same numbers as a local run, and a worker
that dies half way loses nothing."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from campaignsim.load import load_file
from campaignsim.parallel import DaskExecutor, ExecutorError, LocalExecutor
from campaignsim.sim.config import build_config
from campaignsim.sim.runner import run_config

from analysis_helpers import LUCKY_DRAW, run_cli


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def _same(a, b):
    assert a.per_run.keys() == b.per_run.keys()
    for key in a.per_run:
        np.testing.assert_array_equal(a.per_run[key], b.per_run[key], err_msg=key)


def test_replications_on_the_cluster_equal_the_local_ones(cluster, registry, small_path):
    cfg = build_config(load_file(small_path, registry).scenarios[0], registry)
    local = run_config(cfg, runs=24, seed=9, jobs=1)
    with DaskExecutor(cluster.scheduler_address) as ex:
        assert ex.workers == 2
        remote = run_config(cfg, runs=24, seed=9, executor=ex)
    _same(local, remote)


def test_sensitivity_with_scheduler_prints_exactly_the_local_numbers(cluster):
    args = ["sensitivity", LUCKY_DRAW, "--param", "base_entry_rate,effort_sensitivity,completion_share", "--samples", "8", "--format", "json"]
    local = run_cli(*args, "--jobs", "2")
    remote = run_cli(*args, "--scheduler", cluster.scheduler_address)
    assert local.returncode == remote.returncode == 0, local.stderr + remote.stderr
    assert local.stdout == remote.stdout
    assert json.loads(remote.stdout)["parameters"]


def test_the_scheduler_address_is_read_from_the_dask_variable(cluster, small_path):
    args = ["sweep", small_path, "--set", "platform.followers=10000,20000", "--runs", "6", "--format", "csv"]
    local = run_cli(*args, "--jobs", "1")
    remote = run_cli(*args, env={"DASK_SCHEDULER_ADDRESS": cluster.scheduler_address})
    assert remote.returncode == 0, remote.stderr
    assert local.stdout == remote.stdout


def test_simulate_run_and_compare_accept_a_scheduler(cluster):
    for command in (["simulate", LUCKY_DRAW, "--runs", "8", "--format", "json"],
                    ["run", LUCKY_DRAW, "--runs", "8", "--format", "json"],
                    ["compare", LUCKY_DRAW, LUCKY_DRAW, "--runs", "8", "--format", "json"]):
        local = run_cli(*command, "--jobs", "1")
        remote = run_cli(*command, "--scheduler", cluster.scheduler_address)
        assert remote.returncode == local.returncode, remote.stderr
        assert json.loads(remote.stdout) == json.loads(local.stdout), command[0]


def test_an_unreachable_scheduler_is_one_line_and_exit_2(small_path):
    done = run_cli("sweep", small_path, "--set", "platform.followers=1000", "--scheduler", "tcp://127.0.0.1:9")
    assert done.returncode == 2
    assert done.stderr.startswith("campaignsim: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in done.stderr


def _dask(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_" + args[0], *args[1:]],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


def test_a_worker_that_dies_mid_run_loses_nothing(tmp_path, registry, small_path):
    """`dask scheduler` and two `dask worker` processes (no nanny, so a killed worker stays dead)."""
    scheduler_file = tmp_path / "scheduler.json"
    scheduler = _dask("scheduler", "--scheduler-file", str(scheduler_file), "--port", "0", "--no-dashboard", "--host", "127.0.0.1")
    workers = []
    try:
        deadline = time.time() + 60
        while not scheduler_file.exists() and time.time() < deadline:
            time.sleep(0.2)
        for _ in range(2):
            workers.append(_dask("worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--no-nanny",
                                 "--no-dashboard", "--host", "127.0.0.1"))
        address = json.loads(scheduler_file.read_text())["address"]
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        cfg = build_config(load_file(LUCKY_DRAW, registry).scenarios[0], registry)
        local = run_config(cfg, runs=40, seed=4, jobs=1)
        killed = []

        def kill_one(_task, _result):
            if not killed:
                workers[0].send_signal(signal.SIGKILL)
                killed.append(True)

        with DaskExecutor(address) as ex:
            tasks = [(cfg, seeds) for seeds in np.array_split(np.arange(40), 16)]
            from campaignsim.sim import rng as R

            seeds = R.replication_seeds(4, 40)
            tasks = [(cfg, seeds[a:b]) for a, b in [(i, i + 5) for i in range(0, 40, 5)]]
            from campaignsim.sim.engine import run_many

            outputs = ex.map(run_many, tasks, kill_one)
        assert killed and workers[0].wait(timeout=30) == -signal.SIGKILL
        flat = [o for chunk in outputs for o in chunk]
        assert [o["entrants"] for o in flat] == list(local.per_run["entrants"])
        assert [o["exposed"] for o in flat] == list(local.per_run["exposed"])
    finally:
        for process in workers + [scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in workers + [scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_local_executor_keeps_one_pool_for_the_whole_command(registry, small_path):
    cfg = build_config(load_file(small_path, registry).scenarios[0], registry)
    with LocalExecutor(2) as ex:
        a = run_config(cfg, runs=10, seed=1, executor=ex)
        pool = ex._pool
        b = run_config(cfg, runs=10, seed=1, executor=ex)
        assert ex._pool is pool
    _same(a, b)
    _same(a, run_config(cfg, runs=10, seed=1, jobs=1))
