from campaignsim.lint.engine import INLINE_IGNORE
from campaignsim.lint.rule import Reference, Rule


class IgnoreWithoutReason(Rule):
    """Every ignore must say why, so that a reviewer can judge it later."""

    code = "CS001"
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
        if source is None or source.locator is None or scenario.variant is not None:
            return
        keys_by_line = {}
        for key, line in source.locator.lines.items():
            keys_by_line.setdefault(line, key)
        for line, comment in sorted(source.locator.comments.items()):
            m = INLINE_IGNORE.search(comment)
            if m and not m.group(2).strip():
                yield self.violation(keys_by_line.get(line, ""), f"inline ignore[{m.group(1)}] on line {line} gives no reason",
                                     "Write the reason after the bracket: # campaignsim: ignore[CODE] why it does not apply")
