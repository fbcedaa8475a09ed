from campaignsim.lint.rule import Reference, Rule


class UnusedIgnore(Rule):
    """An ignore that suppresses nothing. Judged by the lint engine after every other rule ran."""

    code = "CS002"
    name = "unused-ignore"
    severity = "warning"
    summary = "An ignore matches no rule, or suppresses no finding in the file."
    rationale = (
        "Stale ignores hide future problems: once the campaign changes, the ignore may silence a finding "
        "nobody has looked at. An ignore that names an unknown code is usually a typo."
    )
    fail_example = '[lint]\nignore = [{ code = "WX999", reason = "legacy" }]'
    pass_example = "# no ignores, or only ignores that suppress a finding"
    references = (Reference("Ruff: RUF100 unused-noqa", "https://docs.astral.sh/ruff/rules/unused-noqa/", "V"),)

    def check(self, scenario, context):
        # Needs the findings of all other rules: the engine reports it (campaignsim.lint.engine).
        return ()
