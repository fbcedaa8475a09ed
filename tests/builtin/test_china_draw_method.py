"""CN-LAW004 reads `prize.draw_method` as phrases: a labelled list of methods as campaign managers
write them, in Chinese and English. Single words do not decide: 挑选 in 系统随机挑选, 人工 in 人工智能
and "we select" in a random draw are no manual pick, and a hand draw before a notary is verifiable."""

import pytest

from campaignsim.builtin.china_law.cn_law004 import draw_method_kind

LABELLED = [
    # rigged: winners fixed in advance
    ("prizes go to winners pre-selected from our VIP list", "rigged"),
    ("奖品内定给合作方", "rigged"),
    ("指定中奖用户为品牌会员", "rigged"),
    ("the winner is predetermined by the sales team", "rigged"),
    # verifiable: chance by a tool or a program, or a draw anyone can check
    ("系统随机挑选10位幸运用户", "verifiable"),
    ("人工智能随机抽奖程序抽取", "verifiable"),
    ("we select winners at random using random.org", "verifiable"),
    ("人工抽取, 现场公证", "verifiable"),
    ("hand draw from a box before a notary", "verifiable"),
    ("微博抽奖平台自动抽取", "verifiable"),
    ("抖音福袋开奖", "verifiable"),
    ("recorded draw streamed live", "verifiable"),
    ("直播抽奖, 全程录屏", "verifiable"),
    ("摇号", "verifiable"),
    # manual: people pick by judgement
    ("we pick the funniest comments by hand", "manual"),
    ("小编挑选走心评论", "manual"),
    ("人工挑选优质笔记", "manual"),
    ("our team picks its favourite photos", "manual"),
    ("手动选择获奖者", "manual"),
    ("winners chosen manually by the social team", "manual"),
    # says nothing either way
    ("see the terms", "unknown"),
    ("人工智能客服通知中奖者", "unknown"),
    ("", "unknown"),
]


@pytest.mark.parametrize("method, kind", LABELLED, ids=[f"{k}:{m[:24]}" for m, k in LABELLED])
def test_draw_method_is_read_as_a_phrase(method, kind):
    assert draw_method_kind(method) == kind
