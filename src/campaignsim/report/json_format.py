"""The JSON contract of ``campaignsim lint --format json`` (keys are stable)."""

from __future__ import annotations

import json


def finding_dict(f) -> dict:
    return {
        "code": f.code, "name": f.name, "severity": f.severity, "message": f.message, "key": f.key,
        "line": f.line, "variant": f.variant, "suggestion": f.suggestion, "references": list(f.references),
    }


def report_dict(report) -> dict:
    return {
        "files": [{"path": r.path, "variant": r.variant, "findings": [finding_dict(f) for f in r.findings]} for r in report.results],
        "summary": report.summary(),
        "errors": [e.to_dict() for e in report.load_errors],
        "plugin_failures": [{"plugin": p.plugin, "stage": p.stage, "error": p.error} for p in report.failures],
    }


def render(report, color: bool = False) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
