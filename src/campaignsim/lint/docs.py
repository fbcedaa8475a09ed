"""A rule's documentation, generated from the rule class itself (``explain``, ``rules --format
json`` and the docs' rule pages all come from here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaignsim.lint.rule import VERIFIED

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry


def scope(rule) -> dict:
    return {"platforms": list(rule.platforms) or ["all"], "account_kinds": list(rule.account_kinds),
            "jurisdictions": list(rule.jurisdictions) or ["all"]}


def rule_dict(rule, registry: Registry | None = None) -> dict:
    plugin = registry.rule_plugins.get(rule.code) if registry is not None else None
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity, "aliases": list(rule.aliases),
        **scope(rule), "summary": rule.summary, "rationale": rule.rationale, "heuristic": rule.heuristic,
        "fail_example": rule.fail_example, "pass_example": rule.pass_example, "plugin": plugin,
        "references": [{"title": r.title, "url": r.url, "verified": r.verified, "verification": VERIFIED[r.verified],
                        "checked": r.checked} for r in rule.references],
        "options": [{"name": o.name, "type": o.type, "default": o.default, "doc": o.doc, "ge": o.ge, "le": o.le,
                     "choices": list(o.choices) if o.choices is not None else None} for o in getattr(rule, "options", ())],
    }


def verification_status(rule) -> str:
    """How far the rule's sources were verified, mark by mark, and when they were last checked:
    ``V (official text seen) 1, S (secondary source) 3, U (no source found) 1; checked 2026-12``.
    Empty without sources."""
    if not rule.references:
        return ""
    counts = {mark: sum(r.verified == mark for r in rule.references) for mark in VERIFIED}
    marks = ", ".join(f"{mark} ({meaning}) {counts[mark]}" for mark, meaning in VERIFIED.items() if counts[mark])
    dates = sorted(r.checked for r in rule.references if r.checked)
    return f"{marks}; " + (f"checked {dates[-1]}" if dates else "date of check not recorded")


def rule_markdown(rule, registry: Registry | None = None) -> str:
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
    status = verification_status(rule)
    if status:
        lines.append(f"**Verification:** {status}  ")
    lines += ["", "## What it checks", "", rule.summary or "", "", "## Why it matters", "", rule.rationale or ""]
    if rule.fail_example:
        lines += ["", "## Example that fails", "", "```toml", rule.fail_example.strip(), "```"]
    if rule.pass_example:
        lines += ["", "## Example that passes", "", "```toml", rule.pass_example.strip(), "```"]
    if d["options"]:
        lines += ["", "## Options", "", f"Set under `[tool.campaignsim.rules.{rule.code}]` in `pyproject.toml` (or `[rules.{rule.code}]` in "
                  "`campaignsim.toml`).", "", "| Option | Type | Default | Meaning |", "|---|---|---|---|"]
        for o in d["options"]:
            bounds = [f"≥ {o['ge']:g}" if o["ge"] is not None else "", f"≤ {o['le']:g}" if o["le"] is not None else ""]
            bounds_text = f" ({', '.join(b for b in bounds if b)})" if any(bounds) else ""
            default = "not set" if o["default"] is None else f"`{o['default']!r}`".replace("True", "true").replace("False", "false")
            meaning = o["doc"].replace("|", "\\|")
            lines.append(f"| `{o['name']}` | {o['type']}{bounds_text} | {default} | {meaning} |")
        example = d["options"][0]
        value = example["default"] if example["default"] is not None else (example["ge"] or 1)
        lines += ["", "```toml", f"[tool.campaignsim.rules.{rule.code}]", f"{example['name']} = {value!r}".replace("True", "true").replace("False", "false"), "```"]
    lines += ["", "## Sources", ""]
    if rule.references:
        for r in rule.references:
            link = f"[{r.title}]({r.url})" if r.url else r.title
            when = f", checked {r.checked}" if r.checked else ""
            lines.append(f"- {link} — *{VERIFIED[r.verified]}* ({r.verified}{when})")
    else:
        lines.append("- none given")
    return "\n".join(lines) + "\n"
