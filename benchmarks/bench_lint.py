"""Lint speed and command start-up, against baselines measured in the same run.

    python benchmarks/bench_lint.py [--files 1000] [--runs 7] [--profile]

Targets: 1,000 scenario files linted in one process in under 2 s, and `campaignsim --help` starting
in under 0.3 s. The files are generated from the reference scenario (../shared/research/, or
campaignsim.testing.MINIMAL_SCENARIO when it is absent) with varied platforms, account kinds,
jurisdictions, entry steps, prizes, dates and variants, so that every pack's rules have work to do.

The lint target is judged on the whole command, `campaignsim lint DIR`, run as a fresh process
(interpreter start, imports, plugin discovery, linting, the text report), alternately with a
baseline process that only reads and parses the same files with the standard library's tomllib;
medians are compared. Bytecode is cached for these runs as in any installed package, even where
PYTHONDONTWRITEBYTECODE is set. Inside this process, ``lint_paths`` is then timed twice to show
where the time goes: *first* (plugin registry and settings rebuilt, modules already imported) and
*second* (everything cached). `campaignsim --help` and `python -c pass` are run as subprocesses,
alternately, and their medians compared. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

LINT_TARGET_S = 2.0
HELP_TARGET_S = 0.3
ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference-scenario.toml"

STEPS = [
    '{ action = "follow" }',
    '{ action = "like" }',
    '{ action = "comment" }',
    '{ action = "comment", hashtag = "#SpringTea" }',
    '{ action = "share", to = "friends", count = 3 }',
    '{ action = "share", to = "moments" }',
    '{ action = "repost", count = 1 }',
    '{ action = "tag_friends", count = 2 }',
    '{ action = "screenshot", send_to = "official_account" }',
    '{ action = "vote", count = 1 }',
    '{ action = "invite", count = 5 }',
    '{ action = "collect_likes", count = 30 }',
    '{ action = "form", fields = ["name", "phone", "address"] }',
    '{ action = "purchase", amount = { amount = 59, currency = "CNY" } }',
    '{ action = "ugc_upload", hashtag = "#MyTeaMoment" }',
]
JURISDICTIONS = [["CN"], ["US"], ["US", "GB"], ["GB"], ["DE", "FR"], ["US-NY"], ["JP"], []]
CURRENCIES = ["CNY", "USD", "GBP", "EUR", "JPY"]


def base_text() -> str:
    if REFERENCE.is_file():
        return REFERENCE.read_text(encoding="utf-8")
    from campaignsim.testing import MINIMAL_SCENARIO

    return textwrap.dedent(MINIMAL_SCENARIO)


def set_value(text: str, key: str, value: str, *, after: str | None = None) -> str:
    """Replace the first ``key = …`` line (after the line ``after``, when given)."""
    start = text.index(after) if after else 0
    pattern = re.compile(rf"^{re.escape(key)} = .*$", re.M)
    m = pattern.search(text, start)
    if m is None:
        return text
    return text[: m.start()] + f"{key} = {value}" + text[m.end():]


def toml_list(values) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def varied_scenario(base: str, i: int, rng: random.Random, platforms: dict) -> str:
    """One plausible campaign: the base with its platform, entry, prize, dates and variants changed."""
    name = rng.choice(sorted(platforms))
    kinds = platforms[name]
    text = base
    text = set_value(text, "name", f'"Campaign {i}"', after="[campaign]")
    text = set_value(text, "name", f'"{name}"', after="[platform]")
    if re.search(r"^account = ", text, re.M):
        text = set_value(text, "account", f'"{rng.choice(kinds)}"' if kinds else '"x"', after="[platform]")
        if not kinds:
            text = re.sub(r"^account = .*\n", "", text, count=1, flags=re.M)
    text = set_value(text, "followers", str(rng.choice([500, 12_000, 120_000, 2_500_000])), after="[platform]")
    text = set_value(text, "jurisdictions", toml_list(rng.choice(JURISDICTIONS)), after="[campaign]")
    day = rng.randint(1, 20)
    text = set_value(text, "start", f"2027-04-{day:02d}T10:00:00+08:00", after="[campaign]")
    text = set_value(text, "end", f"2027-04-{day + rng.randint(2, 8):02d}T22:00:00+08:00", after="[campaign]")
    text = set_value(text, "draw_at", "2027-05-02T12:00:00+08:00", after="[prize]")
    text = set_value(text, "draw", f'"{rng.choice(["random", "random", "first_come", "judged", "everyone"])}"', after="[prize]")
    text = set_value(text, "value", str(rng.choice([9.9, 298, 2_000, 60_000, 120_000])), after="[[prize.items]]")
    text = set_value(text, "currency", f'"{rng.choice(CURRENCIES)}"', after="[[prize.items]]")
    text = set_value(text, "quantity", str(rng.choice([1, 3, 20, 500])), after="[[prize.items]]")
    # Entry: replace every [[entry.steps]] table with an inline array of 1-4 steps.
    text = re.sub(r"\[\[entry\.steps\]\]\n(?:(?!\n\[).)*?\n(?=\n)", "", text, flags=re.S)
    steps = rng.sample(STEPS, rng.randint(1, 4))
    text = text.replace("[prize]\n", "[entry]\nsteps = [\n  " + ",\n  ".join(steps) + ",\n]\n\n[prize]\n", 1)
    for v in range(rng.choice([0, 0, 1, 2])):
        step = rng.choice(STEPS)
        text += f'\n[[variants]]\nname = "variant {v}"\nentry.steps = [{step}]\n'
    return text


def generate(directory: Path, count: int, seed: int = 20270301) -> list[Path]:
    from campaignsim.plugin.manager import build_registry

    registry = build_registry()
    platforms = {name: list(spec.account_kinds) for name, spec in registry.platforms.items()}
    rng = random.Random(seed)
    base = base_text()
    paths = []
    for i in range(count):
        sub = directory / f"team{i % 10}"
        sub.mkdir(exist_ok=True)
        path = sub / f"campaign_{i:04d}.toml"
        path.write_text(varied_scenario(base, i, rng, platforms), encoding="utf-8")
        paths.append(path)
    return paths


def alternate(commands: dict[str, list[str]], runs: int, env=None, ok_codes=(0,)) -> dict[str, tuple[float, float]]:
    """Median and minimum wall time of each command, run alternately so that a busy moment hurts all alike."""
    def run(argv):
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if done.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(argv)} exited with {done.returncode}: {done.stderr.decode()[-500:]}")

    for argv in commands.values():  # warm the OS file cache (and the bytecode cache) once
        run(argv)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            run(argv)
            samples[name].append(time.perf_counter() - start)
    return {name: (statistics.median(v), min(v)) for name, v in samples.items()}


def command_env(tmp: str) -> dict[str, str]:
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
    return env


PARSE_ONLY = """
import pathlib, sys
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.toml")):
    tomllib.loads(path.read_text(encoding="utf-8"))
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7, help="subprocess runs per command (median taken)")
    parser.add_argument("--profile", action="store_true", help="print where a warm lint spends its time (cProfile)")
    args = parser.parse_args(argv)

    script = str(Path(sys.executable).parent / "campaignsim")
    ok = True
    with tempfile.TemporaryDirectory(prefix="campaignsim-bench-") as tmp:
        scenarios_dir = Path(tmp) / "scenarios"
        scenarios_dir.mkdir()
        paths = generate(scenarios_dir, args.files)
        files = len(paths)

        figures = alternate({
            "parse only": [sys.executable, "-c", PARSE_ONLY, str(scenarios_dir)],
            "lint": [script, "lint", str(scenarios_dir)],
        }, args.runs, env=command_env(tmp), ok_codes=(0, 1))
        parse_med, parse_min = figures["parse only"]
        lint_med, lint_min = figures["lint"]
        print(f"whole command, a fresh process each time ({args.runs} runs each, alternated; median / min):")
        print(f"  python: tomllib.loads of the files   {parse_med:6.3f} / {parse_min:6.3f} s   (baseline)")
        print(f"  campaignsim lint DIR ({files} files)   {lint_med:6.3f} / {lint_min:6.3f} s   "
              f"{lint_med / parse_med:4.1f}x baseline   target < {LINT_TARGET_S} s: {'met' if lint_med < LINT_TARGET_S else 'MISSED'}")
        ok &= lint_med < LINT_TARGET_S

        from campaignsim._session import purge
        from campaignsim.lint.engine import lint_paths

        purge()  # plugin registry, settings and rule index built again
        start, cpu = time.perf_counter(), time.process_time()
        report = lint_paths([scenarios_dir])
        first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        report = lint_paths([scenarios_dir])
        second, second_cpu = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        report.registry.output_formats["text"].render(report)
        text_s = time.perf_counter() - start
        start = time.perf_counter()
        report.registry.output_formats["json"].render(report)
        json_s = time.perf_counter() - start
        print(f"\nin this process: {files} files, {len(report.results)} scenarios with variants, {len(report.findings)} findings, "
              f"{len(report.load_errors)} load errors, {len(report.registry.rules)} rules, {len(report.failures)} plugin failures")
        print(f"  lint_paths, first call          {first:7.3f} s wall, {first_cpu:6.3f} s CPU   {first / files * 1000:5.2f} ms/file")
        print(f"  lint_paths, second call         {second:7.3f} s wall, {second_cpu:6.3f} s CPU   {second / files * 1000:5.2f} ms/file")
        print(f"  render text / json              {text_s:7.3f} s / {json_s:.3f} s")
        if report.load_errors:
            print("  first load errors:", *[e.render() for e in report.load_errors[:3]], sep="\n    ")

        if args.profile or lint_med >= LINT_TARGET_S:
            profiler = cProfile.Profile()
            profiler.enable()
            lint_paths([scenarios_dir])
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
            print("\nlint profile, second call (own time; the profiler inflates small functions):")
            print("\n".join(out.getvalue().splitlines()[:50]))

    figures = alternate({"python -c pass": [sys.executable, "-c", "pass"], "campaignsim --help": [script, "--help"]}, args.runs)
    base_med, base_min = figures["python -c pass"]
    help_med, help_min = figures["campaignsim --help"]
    print(f"\nstart-up ({args.runs} runs each, alternated; median / min):")
    print(f"  python -c pass       {base_med * 1000:7.1f} / {base_min * 1000:6.1f} ms   (baseline)")
    print(f"  campaignsim --help   {help_med * 1000:7.1f} / {help_min * 1000:6.1f} ms   "
          f"{help_med / base_med:4.1f}x baseline, +{(help_med - base_med) * 1000:.0f} ms own   target < {HELP_TARGET_S * 1000:.0f} ms: "
          f"{'met' if help_med < HELP_TARGET_S else 'MISSED'}")
    ok &= help_med < HELP_TARGET_S
    print(f"\nmachine: {os.cpu_count()} CPUs, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; Python {sys.version.split()[0]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
