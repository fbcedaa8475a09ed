"""SARIF 2.1.0 output, for GitHub code scanning (validated against the official schema in tests)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from campaignsim._version import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A SARIF ``artifactLocation.uri`` (a URI reference): absolute paths become ``file://`` URIs,
    relative ones stay relative (GitHub resolves them against the checkout) and are percent-encoded,
    so spaces, ``%``, ``#`` or non-ASCII names cannot make an invalid URI."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def render(report, color: bool = False) -> str:
    registry = report.registry
    used_codes = sorted({f.code for f in report.findings})
    rules: list[dict[str, object]] = []
    index = {}
    for code in used_codes:
        rule = registry.rules.get(code) if registry is not None else None
        index[code] = len(rules)
        entry = {"id": code, "name": rule.name if rule else code,
                 "shortDescription": {"text": (rule.summary if rule else code) or code},
                 "defaultConfiguration": {"level": LEVEL[rule.severity] if rule else "warning"}}
        if rule is not None:
            entry["fullDescription"] = {"text": rule.rationale or rule.summary or code}
            urls = [r.url for r in rule.references if r.url]
            if urls:
                entry["helpUri"] = urls[0]
            entry["help"] = {"text": "\n".join(r.render() for r in rule.references) or rule.summary or code}
        rules.append(entry)
    results = []
    for f in report.findings:
        physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(f.path)}}
        if f.line:
            physical["region"] = {"startLine": f.line}
        location: dict[str, object] = {"physicalLocation": physical}
        location["logicalLocations"] = [{"fullyQualifiedName": (f"variants[{f.variant}]." if f.variant else "") + (f.key or "scenario"), "kind": "member"}]
        text = (f"[{f.variant}] " if f.variant else "") + f.message
        if f.suggestion:
            text += f" Suggestion: {f.suggestion}"
        results.append({"ruleId": f.code, "ruleIndex": index[f.code], "level": LEVEL[f.severity],
                        "message": {"text": text}, "locations": [location]})
    notifications = [{"level": "error", "message": {"text": e.render()}} for e in report.load_errors]
    notifications += [{"level": "error", "message": {"text": p.render()}} for p in report.failures]
    run = {
        "tool": {"driver": {"name": "campaignsim", "version": __version__, "informationUri": "https://pypi.org/project/campaignsim/", "rules": rules}},
        "results": results,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
