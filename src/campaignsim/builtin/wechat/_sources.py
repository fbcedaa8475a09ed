"""Sources several WX rules cite: WeChat's own rule pages, linked as primary texts."""

from campaignsim.lint.rule import Reference

OPS_RULES = Reference(
    "微信公众平台运营规范 (WeChat Official Accounts Platform operation rules) — WeChat's own page; not opened at the "
    "2026-12 check, the clauses quoted come from the copies beside it",
    "https://mp.weixin.qq.com/mp/opshowpage?action=main", "U", "2026-12",
)
