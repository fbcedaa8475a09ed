from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import RECORDS_KEPT_MIN_YEARS
from campaignsim.lint.rule import Reference, Rule


def years(n: float) -> str:
    return f"{n:g} year" + ("" if n == 1 else "s")


class PromotionRecordsNotKept(Rule):
    """A Chinese prize promotion whose records are not kept for two years."""

    code = "CN-LAW010"
    name = "promotion-records-not-kept"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("fulfilment",)
    summary = (
        f"The prize rules, announcements, results and winners are kept for less than {years(RECORDS_KEPT_MIN_YEARS)} "
        "(`fulfilment.records_kept_years`; info when unstated)."
    )
    rationale = (
        "SAMR Order 32 Art. 18: 经营者应当建立档案，如实、准确、完整地记录设奖规则、公示信息、兑奖结果、获奖人员等内容，"
        f"妥善保存二年并依法接受监督检查 — a file of the prize rules, what was announced, the redemption results and the "
        f"winners, kept truthfully and completely for {years(RECORDS_KEPT_MIN_YEARS)} for inspection. It is also the "
        "organiser's only defence against a complaint of a rigged draw. Personal information in it is kept no longer "
        "than this purpose needs (PIPL Art. 19)."
    )
    fail_example = """
[fulfilment]
records_kept_years = 0.5
"""
    pass_example = """
[fulfilment]
records_kept_years = 2
"""
    references = (
        src.ORDER_32,
        Reference("Order 32 Art. 18: 建立档案…妥善保存二年 (rule catalogue, from a commentary on the order)",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S", src.CHECKED),
        src.ORDER_32_TRANSLATION,
    )

    def check(self, scenario, context):
        kept = scenario.fulfilment.records_kept_years
        if kept is None:
            yield self.violation(
                "fulfilment",
                f"the plan does not say how long the prize rules, announcements, results and winners are kept; a Chinese "
                f"prize promotion keeps them {years(RECORDS_KEPT_MIN_YEARS)} (Order 32 Art. 18)",
                f"Keep a file of the rules, notices, draw results and winners for {years(RECORDS_KEPT_MIN_YEARS)} and set "
                f"fulfilment.records_kept_years = {RECORDS_KEPT_MIN_YEARS}.",
                severity="info",
            )
        elif kept < RECORDS_KEPT_MIN_YEARS:
            yield self.violation(
                "fulfilment.records_kept_years",
                f"the promotion's records are to be kept {years(kept)}; a Chinese prize promotion keeps its rules, "
                f"announcements, results and winners {years(RECORDS_KEPT_MIN_YEARS)} (Order 32 Art. 18)",
                f"Keep the file for {years(RECORDS_KEPT_MIN_YEARS)}.",
            )
