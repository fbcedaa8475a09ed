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


def simulate_document(results) -> dict:
    """``simulate --format json``: one object whatever the number of scenarios, its
    ``simulations`` a list with one entry per simulated scenario (the base, then each variant), the
    same entries as ``run --format json``'s ``simulations``."""
    return {"simulations": [r.to_json_dict() for r in results]}


def simulations_from_json(document) -> list[dict]:
    """The simulations of a ``simulate --format json`` document as a list, read from the current
    shape (``{"simulations": [...]}``) or from the earlier one (one object for one scenario, a list
    for several), which is still read in this release."""
    if isinstance(document, dict) and isinstance(document.get("simulations"), list):
        return list(document["simulations"])
    if isinstance(document, dict) and "scenario" in document:
        return [document]
    if isinstance(document, list) and all(isinstance(d, dict) for d in document):
        return list(document)
    raise ValueError("not a campaignsim simulate document: expected an object with a \"simulations\" list")
