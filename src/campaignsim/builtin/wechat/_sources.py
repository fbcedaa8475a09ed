"""Sources several WX rules cite: WeChat's own rule pages, linked as primary texts; and the enforcement the
induced-sharing rules (WX001, WX002, WX004) share."""

from campaignsim.lint.rule import Enforcement, Reference

INDUCED_SHARING = Enforcement(
    weight=1.0, family="wechat-induced-sharing",
    source="[U]: WeChat deletes induced-sharing posts and restricts the account (2014 notice); how often it finds them is "
           "unknown, so 1 is the platform's reference weight",
)

OPS_RULES = Reference(
    "微信公众平台运营规范 (WeChat Official Accounts Platform operation rules) — WeChat's own page; not opened at the "
    "2026-12 check, the clauses quoted come from the copies beside it",
    "https://mp.weixin.qq.com/mp/opshowpage?action=main", "U", "2026-12",
)
