"""What the terminal, HTML and Markdown reports of run and compare say, worked out once.

Numbers of people are whole in every table (means rounded; the JSON keeps decimals). Where a
takedown or a backlash can end the campaign, the table leads with the outcome if the post stays
up and the probability that it does not, never with a mean across the two outcomes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

METRICS: dict[str, str] = {
    "launchable": "yes when the variant breaks no error-level rule and people can complete its entry steps",
    "entrants if live": "people who complete every required step, in the runs where the post is not taken down or deleted",
    "takedown risk": "share of runs in which the platform takes the post down before the deadline (and, where it does so, voids the entries)",
    "backlash risk": "share of runs with a public backlash, from either cause: public anger at broken rules deletes the post before the deadline (entries made stand), or public complaints about prizes and support set one off after the draw",
    "expected entrants": "mean entrants over all runs, takedowns and backlash included: what the recommendation ranks by",
    "reach": "unique people exposed to the campaign (by the posts, by shares and by word of mouth): a follower who sees two posts counts once",
    "impressions": "every view of the campaign, a person who sees two posts counted twice: what a platform's analytics report",
    "draw tickets": "entries in the draw, not people: each entrant's required steps plus any bonus steps, within the per-person cap",
    "cost per entrant": "campaign budget ÷ expected entrants",
    "late prizes": "prizes delivered after the promised deadline, and that as a share of winners",
    "public complaints": "escalated questions and late prizes that become public complaints (posts or reviews naming the brand), and that as a share of winners",
    "complaints at a backlash": "people who complain publicly when broken rules set off a backlash",
    "prizes on time": "share of claimed prizes delivered by the promised day",
    "support response": "hours from a question to its answer at the support desk (mean and 95th percentile)",
    "error findings": "findings of error severity: each blocks the launch",
    "difference": "variant minus base over paired runs (same seed and run number), with the 90% confidence interval of the mean",
    "ahead in": "share of paired runs in which the variant beats the base on the objective (p_better)",
}
"""One-line definition of every metric the reports show."""


def number(x) -> str:
    """A count of people or things, whole, with thousands separators."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{round(x):,}"


def compact(x) -> str:
    """A count in at most 6 characters: 987, 12.8k, 1.2M."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    v = round(x)
    a = abs(v)
    if a < 10_000:
        return f"{v:,}"
    if a < 1_000_000:
        return f"{v / 1000:.1f}k" if a < 100_000 else f"{v / 1000:.0f}k"
    return f"{v / 1e6:.1f}M" if a < 100_000_000 else f"{v / 1e6:.0f}M"


def percent(p: Optional[float]) -> str:
    if p is None:
        return "–"
    if 0 < p < 0.005:
        return "<1%"
    return f"{p:.0%}"


def money(x: Optional[float], currency: str = "") -> str:
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return "–"
    text = f"{x:,.0f}" if abs(x) >= 100 or float(x).is_integer() else f"{x:,.2f}"
    return f"{text} {currency}".strip()


def _interval(stat: dict, fmt=number, sep: str = " ") -> str:
    if stat.get("mean") is None:
        return "–"
    low, high = stat.get("low", stat.get("p05")), stat.get("high", stat.get("p95"))
    if low is None or high is None or round(low) == round(high):
        return fmt(stat["mean"])
    return f"{fmt(stat['mean'])}{sep}({fmt(low)}–{fmt(high)})"


def _share(count: Optional[float], winners: Optional[float]) -> str:
    if count is None or not winners:
        return ""
    return f"{count / winners:.0%} of winners"


def risk_assumptions(run) -> list[str]:
    risk = getattr(run.sim.config, "risk", None)
    return risk.assumptions() if risk is not None else []


def output_rows(result, fmt=number, stack: bool = False) -> tuple[list[str], list[list[str]]]:
    """The variants table: a header of labels and one row per metric (first cell its name).

    ``fmt`` formats counts (``number`` or ``compact``); ``stack`` puts each interval on a line of
    its own below the mean, for narrow terminals."""
    sep = "\n" if stack else " "
    docs = [r.sim.to_json_dict() for r in result.runs]
    standings = result.standings or [None] * len(result.runs)
    header = [""] + [r.label for r in result.runs]
    # The campaign can end early (a takedown, or a backlash from broken rules): lead with "if live".
    any_risk = any(s and s.takedown_probability for s in standings) or any(
        (d["outputs"].get("backlash_by_cause") or {}).get("broken_rules") for d in docs)
    any_backlash = any(s and s.backlash_probability for s in standings)

    def launch(s):
        if s is None:
            return "–"
        return "yes" if s.launchable else "no:" + sep + ", ".join(c if c != "ENTRY-IMPOSSIBLE" else "nobody can enter" for c in s.blocker_codes)

    def cost(run, d):
        c = d["outputs"].get("cost_per_entrant")
        budget = run.scenario.campaign.budget
        return "–" if not c or c.get("mean") is None else money(c["mean"], budget.currency if budget else "")

    def with_share(stat, d):
        base = _interval(stat, fmt, sep)
        share = _share(stat.get("mean"), d["outputs"]["winners"]["mean"])
        return f"{base}{sep if stack else '; '}{share}" if share else base

    rows = [["launchable"] + [launch(s) for s in standings]]
    if any_risk:
        rows.append(["entrants if live"] + [_interval(s.entrants_if_live, fmt, sep) if s else "–" for s in standings])
        rows.append(["takedown risk"] + [percent(s.takedown_probability) if s else "–" for s in standings])
        if any_backlash:
            rows.append(["backlash risk"] + [percent(s.backlash_probability) if s else "–" for s in standings])
        rows.append(["expected entrants"] + [fmt(d["outputs"]["entrants"]["mean"]) for d in docs])
    else:
        rows.append(["entrants"] + [_interval(d["outputs"]["entrants"], fmt, sep) for d in docs])
        if any_backlash:
            rows.append(["backlash risk"] + [percent(s.backlash_probability) if s else "–" for s in standings])
    rows += [
        ["draw tickets (entries)"] + [_interval(d["outputs"]["entries"], fmt, sep) for d in docs],
        ["reach (people exposed)"] + [_interval(d["outputs"]["exposed"], fmt, sep) for d in docs],
        # every view, a person who saw two posts counted twice: what a platform's analytics call impressions
        ["impressions (views)"] + [_interval(d["outputs"]["impressions"], fmt, sep) if "impressions" in d["outputs"] else "–"
                                   for d in docs],
        ["cost per entrant"] + [cost(r, d) for r, d in zip(result.runs, docs)],
        ["late prizes"] + [with_share(d["outputs"]["late_prizes"], d) for d in docs],
        ["public complaints"] + [with_share(d["outputs"]["complaints"], d) for d in docs],
        *operations_rows(docs, fmt, sep),
    ]
    if any(d["outputs"].get("backlash_complaints", {}).get("mean") for d in docs):
        rows.append(["complaints at a backlash"] + [_interval(d["outputs"].get("backlash_complaints") or {}, fmt, sep) for d in docs])
    rows.append(["error findings"] + [str(sum(f.severity == "error" for f in r.lint.findings)) for r in result.runs])
    return header, rows


def _percent_interval(stat: dict) -> str:
    def pct(x):
        return "–" if x is None else f"{x:.0%}"
    return f"{pct(stat['mean'])} ({pct(stat['p05'])}–{pct(stat['p95'])})"


def operations_rows(docs: list[dict], fmt=number, sep: str = " ") -> list[list[str]]:
    """Prizes and support, per variant: the operations' outputs (sim/operations.py). The backlash they
    can set off is in the "backlash risk" row, with the one from broken rules."""
    if not docs or any("on_time_share" not in d["outputs"] for d in docs):
        return []
    out = [d["outputs"] for d in docs]
    return [
        ["prizes on time"] + [_percent_interval(o["on_time_share"]) for o in out],
        ["last delivery (days after the draw)"] + [_interval(o["last_delivery_day"], fmt, sep) for o in out],
        ["support response, mean (hours)"] + [_interval(o["response_hours_mean"], fmt, sep) for o in out],
        ["support response, 95th percentile (hours)"] + [_interval(o["response_hours_p95"], fmt, sep) for o in out],
        ["questions unanswered at the end"] + [_interval(o["unanswered"], fmt, sep) for o in out],
        ["escalations"] + [_interval(o["escalations"], fmt, sep) for o in out],
    ]


def comparison_rows(result) -> list[dict]:
    return [{"variant": c.variant.label, "mean": c.entrants.mean, "low": c.entrants.low, "high": c.entrants.high,
             "verdict": c.verdict, "breaks_rules": bool(c.variant.error_codes),
             "launchable": bool(c.standing.launchable) if c.standing else not c.variant.error_codes,
             "p_better": c.p_better, "fixed": c.rules_fixed, "introduced": c.rules_introduced, "shared": c.rules_shared}
            for c in result.comparisons]


def _references(registry: Registry | None, code: str, finding) -> list[dict]:
    """A finding's sources as {title, url, verified, status}: from the rule when the registry has it."""
    from campaignsim.lint.rule import VERIFIED

    rule = getattr(registry, "rules", {}).get(code) if registry is not None else None
    refs = getattr(rule, "references", None) if rule is not None else None
    if refs:
        return [{"title": r.title, "url": r.url, "verified": r.verified, "status": VERIFIED.get(r.verified, "")} for r in refs]
    urls = list(getattr(finding, "reference_urls", ()))
    out = []
    for i, text in enumerate(finding.references):
        out.append({"title": text, "url": urls[i] if i < len(urls) else None, "verified": "", "status": ""})
    return out


def finding_rows(result) -> list[dict]:
    """Every finding of every variant, errors first, then by variant order and line."""
    registry = getattr(result.lint, "registry", None)
    rows = []
    for order, run in enumerate(result.runs):
        for f in run.lint.findings:
            rows.append({"variant": run.label, "order": order, "code": f.code, "name": f.name, "severity": f.severity,
                         "line": f.line or "", "message": f.message, "suggestion": f.suggestion or "",
                         "references": list(f.references), "urls": list(f.reference_urls),
                         "sources": _references(registry, f.code, f)})
    rows.sort(key=lambda r: (SEVERITY_ORDER.get(r["severity"], 3), r["order"], r["line"] or 0, r["code"]))
    return rows


# ---------------------------------------------------------------------------------- executive summary
def _run_by_label(result, label):
    for r, s in zip(result.runs, result.standings):
        if r.label == label:
            return r, s
    return None, None


def executive_summary(result) -> dict:
    """The recommendation, why, the main risk and what to change, as plain sentences."""
    rec = result.recommendation
    base = result.runs[0] if result.runs else None
    base_standing = result.standings[0] if result.standings else None
    out: dict[str, Any] = {"recommendation": "", "why": rec.reason if rec else "", "risk": [], "change": []}
    if rec is None:
        return out
    if rec.variant is not None:
        if len(result.runs) == 1:
            out["recommendation"] = "Launch the campaign as planned."
        elif result.runs[0].label == rec.variant:
            out["recommendation"] = ("Launch the base campaign as planned." if rec.variant == "base"
                                     else f"Launch the base campaign ({rec.variant}) as planned.")
        else:
            out["recommendation"] = f"Launch the “{rec.variant}” variant."
        chosen, st = _run_by_label(result, rec.variant)
    else:
        out["recommendation"] = "Do not launch as planned."
        chosen, st = _run_by_label(result, rec.closest)
    # main risk
    if base is not None and base_standing is not None and not base_standing.launchable and (chosen is None or chosen is not base):
        if base_standing.takedown_probability:
            live = base_standing.entrants_if_live
            out["risk"].append(f"{base.label} as planned: taken down in {percent(base_standing.takedown_probability)} of runs"
                               + (" and its entries voided" if base.sim.config.takedown_voids else "")
                               + (f"; {number(live['mean'])} entrants when it survives" if live.get("mean") is not None else "") + ".")
    if chosen is not None and st is not None:
        if st.takedown_probability:
            out["risk"].append(f"{chosen.label}: taken down in {percent(st.takedown_probability)} of runs.")
        if st.backlash_probability:
            out["risk"].append(f"{chosen.label}: a public backlash (from broken rules or public complaints) in {percent(st.backlash_probability)} of runs.")
        d = chosen.sim.to_json_dict()["outputs"]
        winners = d["winners"]["mean"] or 0
        late = d["late_prizes"]["mean"] or 0
        if winners and round(late) >= 1:  # under one late prize on average is no main risk
            complaints = d["complaints"]["mean"] or 0
            out["risk"].append(f"{chosen.label}: about {number(late)} prize{'' if round(late) == 1 else 's'} late "
                               f"({_share(late, winners)}), {number(complaints)} public complaint{'' if round(complaints) == 1 else 's'}.")
        for assumption in risk_assumptions(chosen):
            out["risk"].append(f"Assumes {assumption}.")
    # what to change
    if rec.variant is not None and chosen is not None and chosen is not base and base_standing is not None:
        comp = next((c for c in result.comparisons if c.variant is chosen), None)
        if comp and comp.rules_fixed:
            out["change"].append(f"Switch to the “{chosen.label}” variant: it fixes {', '.join(comp.rules_fixed)} "
                                 f"of the base.")
    target = chosen if chosen is not None else base
    if target is not None:
        seen = set()
        for f in sorted(target.lint.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.line or 0)):
            if f.severity in ("error", "warning") and f.suggestion and f.code not in seen:
                seen.add(f.code)
                out["change"].append(f"{f.code}: {f.suggestion}")
        st_t = _run_by_label(result, target.label)[1]
        for b in (st_t.blockers if st_t else ()):
            if b.code == "ENTRY-IMPOSSIBLE":
                out["change"].append(f"Make entry possible: {b.message.removeprefix('nobody can enter: ')}.")
    if not out["change"]:
        out["change"].append("Nothing required; check the warnings below before launch.")
    return out


def campaign_facts(result) -> list[tuple[str, str]]:
    """(label, value) facts of the base campaign: dates, platform, audience, budget, prizes."""
    if not result.runs:
        return []
    s = result.runs[0].scenario
    c = s.campaign
    facts = [("campaign", f"{c.name}" + (f" — {c.brand}" if getattr(c, "brand", None) else ""))]
    days = (c.end - c.start).total_seconds() / 86400
    facts.append(("dates", f"{c.start:%Y-%m-%d %H:%M} to {c.end:%Y-%m-%d %H:%M} ({days:.1f} days)"))
    platform = s.platform
    where = platform.name + (f" ({platform.account})" if getattr(platform, "account", None) else "")
    if getattr(platform, "followers", None):
        where += f", {platform.followers:,} followers"
    facts.append(("platform", where))
    a = s.audience
    audience = []
    if getattr(a, "reach", None) is not None:
        audience.append(f"launch reach {a.reach:,}")
    if getattr(a, "interest", None) is not None:
        audience.append(f"interest {a.interest:g}")
    if getattr(c, "jurisdictions", None):
        audience.append("jurisdictions " + ", ".join(c.jurisdictions))
    if audience:
        facts.append(("audience", "; ".join(audience)))
    if getattr(c, "budget", None) is not None:
        facts.append(("budget", money(float(c.budget.amount), c.budget.currency)))
    items = getattr(s.prize, "items", ())
    if items:
        pool: dict[str, float] = {}
        for item in items:
            pool[item.currency] = pool.get(item.currency, 0) + item.value * item.quantity
        total = ", ".join(money(v, cur) for cur, v in pool.items())
        facts.append(("prize pool", f"{sum(i.quantity for i in items):,} prizes, {total}: "
                      + "; ".join(f"{i.quantity} × {i.name} ({money(i.value, i.currency)})" for i in items)))
    facts.append(("simulation", f"{result.replications} runs per variant, seed {result.seed}"))
    return facts
