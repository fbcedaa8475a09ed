"""The main job: lint every variant, simulate them all with common random numbers, compare each
with the base. ``campaignsim run`` and ``campaignsim compare`` are thin wrappers around
:func:`run_scenarios`; notebooks call it directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence, Union

import attrs

from campaignsim.compare import (DEFAULT_RUNS, OBJECTIVES, Objective, PairedDifference, Recommendation, Standing, p_better,
                                 paired_difference, recommend, rule_diff, standing, verdict)
from campaignsim.lint.config import LintConfig, discover
from campaignsim.lint.engine import FileResult, LintReport, lint_into

if TYPE_CHECKING:  # annotations only: the simulator (numpy) is imported when a run needs it
    from campaignsim.model import Scenario
    from campaignsim.sim.result import SimResult


@attrs.define
class VariantRun:
    label: str
    path: str
    scenario: Scenario
    lint: FileResult
    sim: SimResult

    @property
    def error_codes(self) -> list[str]:
        return sorted({f.code for f in self.lint.findings if f.severity == "error"})


@attrs.define
class Comparison:
    base: VariantRun
    variant: VariantRun
    entrants: PairedDifference
    verdict: str
    standing: Optional[Standing] = None
    rules_fixed: list[str] = attrs.Factory(list)
    rules_introduced: list[str] = attrs.Factory(list)
    rules_shared: list[str] = attrs.Factory(list)
    p_better: Optional[float] = None


SUMMARY_INTERVAL = "5th–95th percentile of the runs"
DIFF_INTERVAL = "90% confidence interval of the mean paired difference"


def _low_high(value, interval: str = SUMMARY_INTERVAL):
    """Summaries {mean, p05, p95} renamed {mean, low, high, interval} throughout a JSON document;
    ``interval`` says what low–high is (over runs, or a prediction interval with parameter draws)."""
    if isinstance(value, dict):
        if {"p05", "p95"} <= value.keys():
            out = {k: _low_high(v, interval) for k, v in value.items() if k not in ("p05", "p95")}
            out["low"], out["high"] = value["p05"], value["p95"]
            out["interval"] = interval
            return out
        return {k: _low_high(v, interval) for k, v in value.items()}
    if isinstance(value, list):
        return [_low_high(v, interval) for v in value]
    return value


def _interval_of(sim) -> str:
    from campaignsim.sim.result import interval_phrase

    return interval_phrase([sim])


@attrs.define
class RunResult:
    lint: LintReport
    runs: list[VariantRun]
    comparisons: list[Comparison]
    seed: int
    replications: int
    objective: Objective = OBJECTIVES["entrants"]
    standings: list[Standing] = attrs.Factory(list)
    recommendation: Optional[Recommendation] = None

    def exit_code(self) -> int:
        """2 for unusable input or a plugin failure; 1 when nothing is launchable (so the base, or
        the recommended variant, cannot go out as it is); else 0."""
        if self.lint.load_errors or self.lint.failures:
            return 2
        if self.runs and not any(s.launchable for s in self.standings):
            return 1
        return 0

    def warnings(self) -> list[tuple[str, str]]:
        """(variant label, warning) for every simulator warning, each once per variant."""
        return [(r.label, w) for r in self.runs for w in dict.fromkeys(r.sim.config.warnings)]

    def standing_of(self, run: VariantRun) -> Optional[Standing]:
        for r, s in zip(self.runs, self.standings):
            if r is run:
                return s
        return None

    def to_json_dict(self) -> dict:
        from campaignsim.report.json_format import report_dict

        rec = self.recommendation
        return {
            "recommendation": {
                "variant": _variant_name(self.runs, rec.variant) if rec else None,
                "label": rec.variant if rec else None,
                "reason": rec.reason if rec else "",
                "objective": self.objective.name,
                "closest": _variant_name(self.runs, rec.closest) if rec and rec.closest else None,
                "blocked_by": list(rec.blocked_by) if rec else [],
                "tied_with": list(rec.tied_with) if rec else [],
            },
            "lint": report_dict(self.lint),
            "simulations": [dict(_low_high(r.sim.to_json_dict(), _interval_of(r.sim)), path=r.path, label=r.label, **_standing_dict(s, r))
                            for r, s in zip(self.runs, self.standings)],
            "warnings": [{"variant": label, "message": w} for label, w in self.warnings()],
            "comparisons": [
                {
                    "base": c.base.scenario.variant,
                    "base_label": c.base.label,
                    "variant": c.variant.scenario.variant,
                    "variant_label": c.variant.label,
                    "path": c.variant.path,
                    "launchable": c.standing.launchable if c.standing else None,
                    "rules_fixed": c.rules_fixed,
                    "rules_introduced": c.rules_introduced,
                    "rules_shared": c.rules_shared,
                    "blocked_by": c.standing.blocker_codes if c.standing else [],
                    "takedown_probability": c.standing.takedown_probability if c.standing else None,
                    "backlash_probability": c.standing.backlash_probability if c.standing else None,
                    "entrants_if_live": c.standing.entrants_if_live if c.standing else None,
                    "p_better": c.p_better,
                    "objective": self.objective.name,
                    "entrants_diff": {"mean": round(c.entrants.mean, 6), "low": round(c.entrants.low, 6), "high": round(c.entrants.high, 6),
                                      "runs": c.entrants.runs, "interval": DIFF_INTERVAL},
                    "error_codes": c.variant.error_codes,
                    "verdict": c.verdict,
                }
                for c in self.comparisons
            ],
        }


def _variant_name(runs, label):
    """The scenario's variant name (None for a base) of the run with this label."""
    for r in runs:
        if r.label == label:
            return r.scenario.variant if r.scenario.variant is not None else "base"
    return label


def _standing_dict(s: Optional[Standing], run: Optional[VariantRun] = None) -> dict:
    if s is None:
        return {}
    shares = {}
    if run is not None:
        per = run.sim.per_run
        winners = float(per["winners"].mean())
        shares = {"late_prizes_share_of_winners": round(float(per["late_prizes"].mean()) / winners, 6) if winners else None,
                  "complaints_share_of_winners": round(float(per["complaints"].mean()) / winners, 6) if winners else None}
    return {**shares, "launchable": s.launchable, "blocked_by": [{"code": b.code, "message": b.message} for b in s.blockers],
            "entrants_if_live": s.entrants_if_live, "objective_value": s.objective_value}


def takedown_codes(scenario, registry, failures: Optional[list] = None, path: str = "<scenario>") -> tuple[str, ...]:
    """The rule codes behind a scenario's takedown and backlash risk: every error-level platform rule
    it breaks, and every rule it breaks that declares an :class:`~campaignsim.lint.rule.Enforcement`
    (such as GEN009's backlash). :mod:`campaignsim.sim.risk` turns them into hazards.

    Judged with every rule and no suppressions, whatever the lint settings: a platform does not
    read a campaign's ignores, so an ignore silences a finding but not the risk. A rule that raises
    is added to ``failures`` (by plugin and rule, once) and judged as not broken.
    """
    from campaignsim.lint.engine import lint_scenario

    found = [] if failures is None else failures
    codes = set()
    for f in lint_scenario(scenario, registry, failures=found, path=path):
        rule = registry.rules[f.code]
        if getattr(rule, "enforcement", None) is not None or (f.severity == "error" and rule.platforms):
            codes.add(f.code)
    return tuple(sorted(codes))


def cannot_simulate(path: str, scenario, error: Union[Exception, str], loaded=None) -> str:
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


def run_scenarios(paths: Sequence, registry, *, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
                  progress=None, config: Optional[LintConfig] = None,
                  lint_only_on_error: bool = True, objective: str = "entrants", parameters: str = "fixed",
                  calibration=None, executor=None, scenario_config: bool = True) -> RunResult:
    """Lint, simulate and compare. One file: its base against each variant. Several files (compare):
    the first file's base against every other scenario. ``progress``, when given, has ``start(total)``
    and ``advance(n)``: total is variants × runs. ``objective`` is a key of
    :data:`campaignsim.compare.OBJECTIVES`: what the recommendation maximises (or minimises).
    ``parameters`` and ``calibration`` are passed to :func:`campaignsim.sim.simulate` ("prior":
    prediction intervals, every variant sharing parameter draw j with seed j, so that the paired
    comparison stays paired; a scenario's own ``[simulation] calibration`` is used when
    ``calibration`` is None). ``executor`` (:mod:`campaignsim.parallel`) says where the replications
    run (default: ``jobs`` processes on this machine); the numbers do not depend on it."""
    if objective not in OBJECTIVES:
        raise RunInputError(f"unknown objective {objective!r} (known: {', '.join(OBJECTIVES)})")
    goal = OBJECTIVES[objective]
    from campaignsim.calibrate import CalibrationError, scenario_calibration
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
                               takedown_codes=takedown_codes(scenario, registry, lint_report.failures, loaded.path),
                               progress=progress.advance if progress is not None else None,
                               parameters=parameters, calibration=scenario_calibration(scenario, loaded, calibration),
                               executor=executor)
            except SimulationConfigError as exc:
                raise RunInputError(cannot_simulate(loaded.path, scenario, exc, loaded)) from None
            except CalibrationError as exc:
                raise RunInputError(str(exc)) from None
            variant_runs.append(VariantRun(label, loaded.path, scenario, result, sim))
    if goal.name == "cost-per-entrant":
        missing = [r.label for r in variant_runs if r.sim.config.budget is None]
        if missing:
            raise RunInputError(f"--objective cost-per-entrant needs campaign.budget; {', '.join(missing)} has none")
    standings = [standing(r, goal) for r in variant_runs]
    comparisons = []
    if variant_runs:
        base = variant_runs[0]
        for other, st in zip(variant_runs[1:], standings[1:]):
            diff = paired_difference(other.sim.per_run["entrants"], base.sim.per_run["entrants"])
            fixed, introduced, shared = rule_diff(base.error_codes, other.error_codes)
            better = p_better(goal.per_run(other), goal.per_run(base), goal.higher_is_better)
            comparisons.append(Comparison(base, other, diff, verdict(other.label, diff, fixed, introduced, shared, st, better),
                                          st, fixed, introduced, shared, better))
    return RunResult(lint_report, variant_runs, comparisons, seed, runs, goal, standings,
                     recommend(variant_runs, standings, goal) if variant_runs else None)
