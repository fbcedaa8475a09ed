"""Benchmark: what `campaignsim simulate` costs as a whole process beyond the simulation itself.

    python benchmarks/bench_startup.py [--repeat N]

A 1,000,000-reach WeChat campaign, one replication (`--runs 1`). Three figures, each the median of
``--repeat`` runs on this machine:

* ``process``: `campaignsim simulate FILE --runs 1 --seed 0` as a whole process (wall clock);
* ``in-process``: the same command run again inside one warm Python process (click's test runner),
  which is the simulation, loading and rendering without the interpreter's and the imports' start;
* ``imports``: `python -c "import numpy, simpy"`, the start-up no simulating command can avoid.

Target: process ≤ in-process + imports + 0.35 s, judged on CPU time (the wall-clock figures are printed
too; on a busy machine they carry other jobs' time). The modules are compiled once, as an installed
package's are (``PYTHONDONTWRITEBYTECODE`` is not passed on). The rest of the start-up is printed by
``python -X importtime`` (the slowest imports of the command) to show where it goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TARGET = 0.35
SCENARIO = textwrap.dedent("""\
    [campaign]
    name = "Spring tea giveaway"
    brand = "Acme Tea"
    start = 2027-03-01T10:00:00+08:00
    end = 2027-03-08T22:00:00+08:00

    [platform]
    name = "wechat"
    account = "service"
    followers = 20000000

    [audience]
    reach = 1000000

    [[entry.steps]]
    action = "comment"

    [prize]
    draw = "random"
    draw_at = 2027-03-09T12:00:00+08:00
    [[prize.items]]
    name = "Tea gift box"
    value = 298
    currency = "CNY"
    quantity = 10
    """)


def cost(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system, the child's own) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-800:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cost(cmd: list[str], env: dict, repeat: int) -> tuple[float, float]:
    runs = [cost(cmd, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    script = Path(sys.executable).parent / "campaignsim"
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once, not at every start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "campaign.toml"
        path.write_text(SCENARIO, encoding="utf-8")
        command = ["simulate", str(path), "--runs", "1", "--seed", "0"]
        cost([str(script), *command], env)  # warm the file cache and write the bytecode
        process = median_cost([str(script), *command], env, args.repeat)
        imports = median_cost([sys.executable, "-c", "import numpy, simpy"], env, args.repeat)
        from click.testing import CliRunner

        from campaignsim.cli import main as cli_main

        runner = CliRunner()
        runner.invoke(cli_main, command)  # imports and caches, once
        walls, cpus = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            result = runner.invoke(cli_main, command)
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
            if result.exit_code not in (0, 1):
                raise SystemExit(result.output[-800:])
        in_process = (statistics.median(walls), statistics.median(cpus))
        trace = subprocess.run([sys.executable, "-X", "importtime", str(script), *command], capture_output=True, text=True, env=env)
    rows = []
    for line in trace.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if cumulative.isdigit() and not name.startswith(" "):
                rows.append((int(cumulative), name))
    top = [(us, name) for us, name in rows if "." not in name.strip()]
    top.sort(reverse=True)
    extra = [process[k] - in_process[k] - imports[k] for k in (0, 1)]
    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs, median of {args.repeat}")
    for k, kind in enumerate(("wall-clock", "CPU")):
        print(f"{kind:>10}: process {process[k]:.3f} s; in-process {in_process[k]:.3f} s; import numpy, simpy {imports[k]:.3f} s; "
              f"start-up beyond them {extra[k]:.3f} s")
    judged = extra[1]
    print(f"target ≤ {TARGET:.2f} s beyond (judged on CPU time, which other jobs on a busy machine do not enter): "
          f"{'ok' if judged <= TARGET else 'OVER TARGET'}")
    print("slowest top-level imports of the command (cumulative, -X importtime):")
    for us, name in top[:8]:
        print(f"  {us / 1000:7.1f} ms  {name}")
    return 0 if judged <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
