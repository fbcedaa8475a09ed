from campaignsim.builtin.ca_law.limits import FRENCH_CHARTER, QUEBEC_BILL_17, QUEBEC_CONTEST_RULES_REPEALED
from campaignsim.lint.context import open_in
from campaignsim.lint.rule import Rule


class QuebecFrenchRules(Rule):
    """A contest open in Quebec publishes its rules in French; the old Régie filing is gone."""

    code = "CA003"
    name = "quebec-contest-in-french"
    severity = "warning"
    jurisdictions = ("CA-QC",)
    reads = ("campaign", "terms")
    summary = ("A contest open in Quebec does not publish its rules in French, or lists a Régie filing that was abolished for "
               "contests launched from 2023-10-27.")
    rationale = (
        "Quebec's Charter of the French Language requires commercial publications, contest rules and advertising among "
        "them, to be available in French. Quebec's own contest regime, the filing with the Régie des alcools, des courses et "
        "des jeux, its duties, security and winners' report, was repealed on 2023-10-27 (Bill 17): a contest launched since "
        "then needs no Régie filing, so listing one is a sign of an outdated checklist. The check reads `terms.languages` "
        "(ISO 639-1 codes) and `[[terms.registrations]]`."
    )
    fail_example = '[campaign]\njurisdictions = ["CA"]\n\n[terms]\nlanguages = ["en"]'
    pass_example = '[campaign]\njurisdictions = ["CA"]\n\n[terms]\nlanguages = ["en", "fr"]'
    references = (FRENCH_CHARTER, QUEBEC_BILL_17)

    def check(self, scenario, context):
        if not open_in(scenario.campaign, "CA-QC"):
            return
        languages = {code.strip().lower() for code in scenario.terms.languages}
        if "fr" not in languages:
            stated = f"only in {', '.join(sorted(languages))}" if languages else "in no stated language"
            yield self.violation(
                "terms.languages",
                f"the contest is open in Quebec and its rules are published {stated}; the Charter of the French Language "
                "requires them in French",
                "Publish the rules and the contest's ads in French as well (French at least as prominent), and add \"fr\" to "
                "terms.languages; or exclude Quebec (campaign.excluded = [\"CA-QC\"]).",
            )
        if scenario.campaign.start.date() >= QUEBEC_CONTEST_RULES_REPEALED:
            for i, filing in enumerate(scenario.terms.registrations):
                if filing.jurisdiction == "CA-QC":
                    yield self.violation(
                        f"terms.registrations[{i}]",
                        f"a Régie filing is listed for Quebec, but contest filings, duties and security were abolished for "
                        f"contests launched from {QUEBEC_CONTEST_RULES_REPEALED.isoformat()}",
                        "Drop the filing and the duty from the budget; the French-language duty and the federal rules remain.",
                        severity="info",
                    )
