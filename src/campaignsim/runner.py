"""The main job: lint every variant, simulate them all with common random numbers, compare each
with the base. ``campaignsim run`` and ``campaignsim compare`` are thin wrappers around
:func:`run_scenarios`; notebooks call it directly.
"""

from __future__ import annotations

from typing import Optional, Sequence

import attrs

from campaignsim.compare import PAIRED_DEFAULT_RUNS, PairedDifference, paired_difference, verdict
from campaignsim.lint.config import LintConfig, discover
from campaignsim.lint.engine import FileResult, LintReport, lint_into


@attrs.define
class VariantRun:
    label: str
    path: str
    scenario: object
    lint: FileResult
    sim: object  # campaignsim.sim.SimResult

    @property
    def error_codes(self) -> list[str]:
        return sorted({f.code for f in self.lint.findings if f.severity == "error"})


@attrs.define
class Comparison:
    base: VariantRun
    variant: VariantRun
    entrants: PairedDifference
    verdict: str


@attrs.define
class RunResult:
    lint: LintReport
    runs: list[VariantRun]
    comparisons: list[Comparison]
    seed: int
    replications: int

    def exit_code(self) -> int:
        if self.lint.load_errors or self.lint.failures:
            return 2
        return 1 if any(r.error_codes for r in self.runs) else 0

    def to_json_dict(self) -> dict:
        from campaignsim.report.json_format import report_dict

        return {
            "lint": report_dict(self.lint),
            "simulations": [dict(r.sim.to_json_dict(), path=r.path) for r in self.runs],
            "comparisons": [
                {
                    "base": c.base.scenario.variant,
                    "base_label": c.base.label,
                    "variant": c.variant.scenario.variant,
                    "variant_label": c.variant.label,
                    "path": c.variant.path,
                    "entrants_diff": {"mean": c.entrants.mean, "p05": c.entrants.low, "p95": c.entrants.high},
                    "error_codes": c.variant.error_codes,
                    "verdict": c.verdict,
                }
                for c in self.comparisons
            ],
        }


def takedown_codes(scenario, registry) -> tuple[str, ...]:
    """The error-level platform rules a scenario breaks: what a platform would take a post down for.

    Judged with every rule and no suppressions, whatever the lint settings: a platform does not
    read a campaign's ignores, so an ignore silences a finding but not the takedown risk.
    """
    from campaignsim.lint.engine import lint_scenario

    return tuple(sorted({f.code for f in lint_scenario(scenario, registry) if f.severity == "error" and registry.rules[f.code].platforms}))


def cannot_simulate(path: str, scenario, error: Exception, loaded=None) -> str:
    """The one-line message for a scenario that loads but cannot be simulated; with the loaded
    file, at the line of the key the problem is about."""
    where = f" (variant {scenario.variant!r})" if scenario.variant else ""
    line = None
    if loaded is not None:
        from campaignsim.sim.where import locate

        _, line = locate(str(error), loaded, scenario.variant)
    return f"{path}:{line}{where}: {error}" if line else f"{path}{where}: {error}"


class RunInputError(Exception):
    """A scenario that loads and lints but cannot be simulated (e.g. an audience too large to simulate)."""


def run_scenarios(paths: Sequence, registry, *, runs: int = PAIRED_DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
                  progress=None, config: Optional[LintConfig] = None,
                  lint_only_on_error: bool = True, scenario_config: bool = True) -> RunResult:
    """Lint, simulate and compare. One file: its base against each variant. Several files (compare):
    the first file's base against every other scenario. ``progress``, when given, has ``start(total)``
    and ``advance(n)``: total is variants × runs."""
    from campaignsim.sim import simulate
    from campaignsim.sim.config import SimulationConfigError

    lint_report = LintReport(registry=registry, failures=list(registry.failures))
    def config_for(path):
        found = config if config is not None else discover(path)
        return found if scenario_config else found.overlay(scenario_config=False)  # --no-scenario-config

    loaded_files = lint_into(lint_report, paths, registry, config_for)
    if lint_report.load_errors and lint_only_on_error:
        return RunResult(lint_report, [], [], seed, runs)
    several = len(loaded_files) > 1
    if progress is not None:
        progress.start(runs * sum(len(loaded.scenarios) for loaded, _ in loaded_files))
    variant_runs: list[VariantRun] = []
    for loaded, results in loaded_files:
        for scenario, result in zip(loaded.scenarios, results):
            label = scenario.variant or "base"
            if several:
                label = f"{scenario.campaign.name}: {scenario.variant}" if scenario.variant else scenario.campaign.name
            try:
                sim = simulate(scenario, registry=registry, runs=runs, seed=seed, jobs=jobs,
                               takedown_codes=takedown_codes(scenario, registry),
                               progress=progress.advance if progress is not None else None)
            except SimulationConfigError as exc:
                raise RunInputError(cannot_simulate(loaded.path, scenario, exc, loaded)) from None
            variant_runs.append(VariantRun(label, loaded.path, scenario, result, sim))
    comparisons = []
    if variant_runs:
        base = variant_runs[0]
        for other in variant_runs[1:]:
            diff = paired_difference(other.sim.per_run["entrants"], base.sim.per_run["entrants"])
            takedown = other.sim.to_json_dict()["outputs"].get("takedown_probability")
            comparisons.append(Comparison(base, other, diff, verdict(other.label, diff, other.error_codes, takedown)))
    return RunResult(lint_report, variant_runs, comparisons, seed, runs)
