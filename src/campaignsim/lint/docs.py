"""A rule's documentation, generated from the rule class itself (``explain``, ``rules --format
json`` and the docs' rule pages all come from here)."""

from __future__ import annotations

from campaignsim.lint.rule import VERIFIED


def scope(rule) -> dict:
    return {"platforms": list(rule.platforms) or ["all"], "account_kinds": list(rule.account_kinds),
            "jurisdictions": list(rule.jurisdictions) or ["all"]}


def rule_dict(rule, registry=None) -> dict:
    plugin = registry.rule_plugins.get(rule.code) if registry is not None else None
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity, "aliases": list(rule.aliases),
        **scope(rule), "summary": rule.summary, "rationale": rule.rationale, "heuristic": rule.heuristic,
        "fail_example": rule.fail_example, "pass_example": rule.pass_example, "plugin": plugin,
        "references": [{"title": r.title, "url": r.url, "verified": r.verified, "verification": VERIFIED[r.verified],
                        "checked": getattr(r, "checked", None)} for r in rule.references],
    }


def rule_markdown(rule, registry=None) -> str:
    d = rule_dict(rule, registry)
    lines = [f"# {rule.code} {rule.name}", "", f"**Severity:** {rule.severity}  "]
    lines.append(f"**Platforms:** {', '.join(d['platforms'])}  ")
    if d["account_kinds"]:
        lines.append(f"**Account kinds:** {', '.join(d['account_kinds'])}  ")
    lines.append(f"**Jurisdictions:** {', '.join(d['jurisdictions'])}  ")
    if rule.aliases:
        lines.append(f"**Former codes:** {', '.join(rule.aliases)}  ")
    if d["plugin"]:
        lines.append(f"**Provided by:** `{d['plugin']}`  ")
    if rule.heuristic:
        lines.append("**Heuristic:** this rule judges by keywords or estimates and can be wrong both ways.  ")
    lines += ["", "## What it checks", "", rule.summary or "", "", "## Why it matters", "", rule.rationale or ""]
    if rule.fail_example:
        lines += ["", "## Example that fails", "", "```toml", rule.fail_example.strip(), "```"]
    if rule.pass_example:
        lines += ["", "## Example that passes", "", "```toml", rule.pass_example.strip(), "```"]
    lines += ["", "## Sources", ""]
    if rule.references:
        for r in rule.references:
            link = f"[{r.title}]({r.url})" if r.url else r.title
            checked = getattr(r, "checked", None)
            lines.append(f"- {link} — *{VERIFIED[r.verified]}* ({r.verified}{f', checked {checked}' if checked else ''})")
    else:
        lines.append("- none given")
    return "\n".join(lines) + "\n"
