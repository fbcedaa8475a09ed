from campaignsim.lint.engine import inline_ignores
from campaignsim.lint.rule import Reference, Rule


class IgnoreWithoutReason(Rule):
    """Every ignore must say why, so that a reviewer can judge it later."""

    code = "CS001"
    suppressible = False  # a scenario's own ignores cannot silence it
    name = "ignore-without-reason"
    severity = "warning"
    summary = "An ignore (in [lint] or an inline comment) gives no reason."
    rationale = (
        "A silenced rule is a decision someone has to stand behind before launch. Without a reason, a "
        "compliance reviewer cannot tell a considered exception from a way of getting the check to pass."
    )
    fail_example = '[lint]\nignore = [{ code = "CN-LAW002" }]'
    pass_example = '[lint]\nignore = [{ code = "CN-LAW002", reason = "odds are published on the terms page" }]'
    references = (Reference("Ruff: RUF100 unused-noqa and flake8 noqa conventions", "https://docs.astral.sh/ruff/rules/unused-noqa/", "V"),)

    def check(self, scenario, context):
        for i, ignore in enumerate(scenario.lint.ignore):
            if not (ignore.reason or "").strip():
                yield self.violation(f"lint.ignore[{i}]", f"ignore of {ignore.code} gives no reason",
                                     f'Add reason = "…" saying why {ignore.code} does not apply.')
        source = context.source
        if source is None or scenario.variant is not None:  # comments belong to the file: judged once, with the base
            return
        for ignore in inline_ignores(source.locator):
            if not ignore.reason:
                yield self.violation(ignore.key, f"inline ignore[{ignore.written}] on line {ignore.line} gives no reason",
                                     "Write the reason after the bracket: # campaignsim: ignore[CODE] why it does not apply")
