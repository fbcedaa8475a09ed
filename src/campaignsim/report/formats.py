"""The built-in lint output formats, registered as a plugin like any other."""

from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_output_formats():
    from campaignsim.report.base import OutputFormat
    from campaignsim.report import github, json_format, sarif, text

    return [
        OutputFormat("text", "Human-readable, grouped by file, coloured on a terminal.", text.render),
        OutputFormat("json", "The stable JSON contract (files, findings, summary).", json_format.render),
        OutputFormat("sarif", "SARIF 2.1.0 for GitHub code scanning.", sarif.render),
        OutputFormat("github", "GitHub Actions workflow-command annotations.", github.render),
    ]
