"""Reported speech: quotes (speaker, text, about) and the explains relations they give."""

from __future__ import annotations

import functools

import pytest

from kg.records import Article, Mention
from kg.relations import extract_relations, load_rules
from kg.resources import ontology_dir
from kg.segment import load_userdict, make_tagger, segment


@functools.lru_cache(maxsize=1)
def _tagger():
    return make_tagger("jieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))


def _run(text: str, ents: list[tuple[str, str]]):
    a = Article(id="q", text=text)
    ms = []
    for name, label in ents:
        i = text.find(name)
        while i >= 0:
            ms.append(Mention("q", i, i + len(name), name, label))
            i = text.find(name, i + len(name))
    ms.sort(key=lambda m: m.start)
    return extract_relations(a, segment(a, _tagger()), tuple(ms), load_rules())


CASES = [
    # X表示，…… (quote after the speech verb)
    ("吴飞表示，扩散模型是关键。", [("吴飞", "Person"), ("扩散模型", "Technology")],
     [("吴飞", "扩散模型是关键", ("扩散模型",))]),
    # X指出：“……”
    ("李开复指出：“DeepSeek-R1很强。”", [("李开复", "Person"), ("DeepSeek-R1", "AIModel")],
     [("李开复", "DeepSeek-R1很强。", ("DeepSeek-R1",))]),
    # “……”，X说。 (quote before the speaker)
    ("“Sora改变了视频生成。”杨立昆说。", [("Sora", "AIModel"), ("杨立昆", "Person")],
     [("杨立昆", "Sora改变了视频生成。", ("Sora",))]),
    # 据X介绍，……
    ("据王海峰介绍，文心一言用到了强化学习。", [("王海峰", "Person"), ("文心一言", "AIModel"), ("强化学习", "Technology")],
     [("王海峰", "文心一言用到了强化学习", ("文心一言", "强化学习"))]),
    # a pronoun speaker is the last person named before
    ("李彦宏出席峰会。他认为，Transformer仍是基础。", [("李彦宏", "Person"), ("Transformer", "Technology")],
     [("李彦宏", "Transformer仍是基础", ("Transformer",))]),
    # the maker named before 的 is not what the quote is about
    ("奥特曼表示，DeepSeek的R1模型令人印象深刻。", [("奥特曼", "Person"), ("DeepSeek", "AIModel"), ("R1", "AIModel")],
     [("奥特曼", "DeepSeek的R1模型令人印象深刻", ("R1",))]),
    # a model's name standing for its company is not what the quote is about
    ("郑骁庆表示，像DeepSeek或类似的公司需要大量研究，Transformer是基础。",
     [("郑骁庆", "Person"), ("DeepSeek", "AIModel"), ("Transformer", "Technology")],
     [("郑骁庆", "像DeepSeek或类似的公司需要大量研究，Transformer是基础", ("Transformer",))]),
    # 非X: what the quote says the model is not
    ("奥特曼表示，GPT-4.5将是最后一个非思维链模型。", [("奥特曼", "Person"), ("GPT-4.5", "AIModel"), ("思维链", "Technology")],
     [("奥特曼", "GPT-4.5将是最后一个非思维链模型", ("GPT-4.5",))]),
    # a technology an organization in the quote works on is its field, not what the speaker explains
    ("黄莹指出，应科院在5G技术上积累了丰富经验。", [("黄莹", "Person"), ("应科院", "Organization"), ("5G", "Technology")],
     [("黄莹", "应科院在5G技术上积累了丰富经验", ())]),
    # the outlet interviewing the speaker is crossed on the way to the verb; an admission is speech too
    ("温迪·霍尔教授在接受BBC采访时表示，DeepSeek让人意识到中国的力量。", [("温迪·霍尔", "Person"), ("BBC", "Organization"),
     ("DeepSeek", "AIModel")], [("温迪·霍尔", "DeepSeek让人意识到中国的力量", ("DeepSeek",))]),
    ("奥尔特曼承认，DeepSeek-R1是一款非常好的模型。", [("奥尔特曼", "Person"), ("DeepSeek-R1", "AIModel")],
     [("奥尔特曼", "DeepSeek-R1是一款非常好的模型", ("DeepSeek-R1",))]),
    # past a colon the technologies are listed for what they are: the quote is about them
    ("陶芳波解读，DeepSeek重新设计了关键组件：MLA、GRPO。", [("陶芳波", "Person"), ("DeepSeek", "Organization"),
     ("MLA", "Technology"), ("GRPO", "Technology")], [("陶芳波", "DeepSeek重新设计了关键组件：MLA、GRPO", ("MLA", "GRPO"))]),
    ("雷军表示，其智能驾驶团队发布了端到端自动驾驶。", [("雷军", "Person"), ("智能驾驶", "Technology"), ("自动驾驶", "Technology")],
     [("雷军", "其智能驾驶团队发布了端到端自动驾驶", ())]),
    ("雷军说，小米进入了智能驾驶行业第一阵营。", [("雷军", "Person"), ("智能驾驶", "Technology")],
     [("雷军", "小米进入了智能驾驶行业第一阵营", ())]),
    # a share's price quote and stock code between a firm and its verb of saying
    ("中金公司(32.700,0.55,1.71%)（601995）指出，AI眼镜适配多模态大模型。", [("中金公司", "Organization"), ("多模态", "Technology")],
     [("中金公司", "AI眼镜适配多模态大模型", ("多模态",))]),
    # an industry the quote speaks of (not one an actor enters) is what it is about
    ("季昕华指出，当前发展脑机接口产业仍面临着一些问题。", [("季昕华", "Person"), ("脑机接口", "Technology")],
     [("季昕华", "当前发展脑机接口产业仍面临着一些问题", ("脑机接口",))]),
    # a model named after an organization is still what the quote is about
    ("奥特曼表示，OpenAI将推出GPT-5。", [("奥特曼", "Person"), ("OpenAI", "Organization"), ("GPT-5", "AIModel")],
     [("奥特曼", "OpenAI将推出GPT-5", ("GPT-5",))]),
    # the one spoken to may have a title (对记者表示); 在X看来 gives X's view
    ("北京社科院副研究员王鹏对记者表示，脑机接口开始走向成熟。", [("王鹏", "Person"), ("脑机接口", "Technology")],
     [("王鹏", "脑机接口开始走向成熟", ("脑机接口",))]),
    ("在徐科看来，付费学习使用DeepSeek没有帮助。", [("徐科", "Person"), ("DeepSeek", "AIModel")],
     [("徐科", "付费学习使用DeepSeek没有帮助", ("DeepSeek",))]),
    # a name, its post and what it says after a colon
    ("David Wadhwani, Adobe 数位媒体业务总裁：「Firefly 是为创意专业人士所设计的。」",
     [("David Wadhwani", "Person"), ("Adobe", "Organization"), ("Firefly", "AIModel")],
     [("David Wadhwani", "Firefly 是为创意专业人士所设计的。", ("Firefly",))]),
    # what a person tells an outlet, named on the way to the verb
    ("长亮科技CEO李劲松对财联社表示，以DeepSeek为代表的大模型将改变行业。", [("李劲松", "Person"), ("财联社", "Organization"),
     ("DeepSeek", "AIModel")], [("李劲松", "以DeepSeek为代表的大模型将改变行业", ("DeepSeek",))]),
    ("沈萌对《每日经济新闻》记者表示，苹果智能被寄予希望。", [("沈萌", "Person"), ("每日经济新闻", "Publication"),
     ("苹果智能", "AIModel")], [("沈萌", "苹果智能被寄予希望", ("苹果智能",))]),
    # what a person posts on a network named on the way to the verb
    ("马克·安德森在社交平台X上写道：DeepSeek-R1是一份礼物。", [("马克·安德森", "Person"), ("X", "Organization"),
     ("DeepSeek-R1", "AIModel")], [("马克·安德森", "DeepSeek-R1是一份礼物", ("DeepSeek-R1",))]),
    # a quote about no named model still is a quote
    ("吴飞认为，创新是不能被计划的。", [("吴飞", "Person")], [("吴飞", "创新是不能被计划的", ())]),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:10] for c in CASES])
def test_quotes_golden(text, ents, expected):
    rels, quotes = _run(text, ents)
    assert [(q.speaker.text, q.text, tuple(m.text for m in q.about)) for q in quotes] == expected
    for q in quotes:
        assert text[q.start:q.end] == q.text and q.article_id == "q"
    explained = {(r.subject.text, r.object.text) for r in rels if r.predicate == "explains"}
    assert explained == {(q.speaker.text, m.text) for q in quotes for m in q.about}


def test_quotes_a_firms_view_explains_at_a_lower_confidence():
    rels, quotes = _run("中信建投证券认为，用好DeepSeek等AI工具有助于企业降本增效。",
                        [("中信建投证券", "Organization"), ("DeepSeek", "AIModel")])
    assert [(q.speaker.text, q.text) for q in quotes] == [("中信建投证券", "用好DeepSeek等AI工具有助于企业降本增效")]
    got = [(r.subject.text, r.object.text, r.confidence) for r in rels if r.predicate == "explains"]
    assert got == [("中信建投证券", "DeepSeek", 0.7)]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a company speaking of its own model announces it
        ("百度表示，文心一言将免费。百度发布了文心一言。", [("百度", "Organization"), ("文心一言", "AIModel")]),
        ("Adobe表示，Adobe Firefly将免费。", [("Adobe", "Organization"), ("Adobe Firefly", "AIModel")]),
        # an outlet reports what others say
        ("路透社称，ChatGPT的用户数已过四亿。", [("路透社", "Organization"), ("ChatGPT", "AIModel")]),
    ],
)
def test_quotes_organization_statements_that_explain_nothing(text, ents):
    rels, quotes = _run(text, ents)
    assert quotes and not [r for r in rels if r.predicate == "explains"]


def test_quotes_denied_speech_gives_nothing():
    rels, quotes = _run("吴飞没有表示扩散模型是关键。", [("吴飞", "Person"), ("扩散模型", "Technology")])
    assert quotes == () and not [r for r in rels if r.predicate == "explains"]


def test_quotes_explains_carries_provenance():
    text = "会议召开。吴飞指出，扩散模型是关键。"
    rels, _ = _run(text, [("吴飞", "Person"), ("扩散模型", "Technology")])
    (r,) = [r for r in rels if r.predicate == "explains"]
    assert text[r.evidence_start:r.evidence_end] == "吴飞指出，扩散模型是关键。"
    assert r.rule_id == "quote-say" and 0 < r.confidence <= 1


def test_quotes_a_model_name_used_for_the_company_or_its_office_is_not_explained():
    rels, quotes = _run("高雪回应称，“对，我们就是在DeepSeek楼上的VC。”", [("高雪", "Person"), ("DeepSeek", "AIModel")])
    assert quotes and not [r for r in rels if r.predicate == "explains"]


def test_quotes_a_name_and_a_colon_open_the_person_s_words():
    rels, quotes = _run("胡延平：大语言模型的训练成本一直在降低。", [("胡延平", "Person"), ("大语言模型", "Technology")])
    assert [(r.subject.text, r.object.text) for r in rels if r.predicate == "explains"] == [("胡延平", "大语言模型")]
    rels, quotes = _run("编辑：王小明 校对：李华", [("王小明", "Person"), ("李华", "Person")])
    assert not quotes  # a credit's name after the colon says nothing


def test_quotes_a_company_is_no_topic_even_when_written_with_a_model_s_name():
    # explains ranges over models, techniques and publications: DeepSeek read as the company, in an article that never
    # names the model by it, is not explained
    rels, quotes = _run("在李明顺看来，DeepSeek去年的定价不是简单的降价。", [("李明顺", "Person"), ("DeepSeek", "Organization")])
    assert quotes and not [r for r in rels if r.predicate == "explains"]


def _run_at(text: str, ents: list[tuple[str, str, int]]):
    """Like _run, with each mention at the n-th occurrence of its text (names that nest in others)."""
    ms = []
    for name, label, nth in ents:
        i = -1
        for _ in range(nth + 1):
            i = text.index(name, i + 1)
        ms.append(Mention("q", i, i + len(name), name, label))
    a = Article(id="q", text=text)
    return extract_relations(a, segment(a, _tagger()), tuple(sorted(ms, key=lambda m: m.start)), load_rules())


def test_quotes_a_company_named_as_its_model_is_the_model_where_the_article_uses_both_senses():
    # the article names the model too (DeepSeek-R1): a view naming DeepSeek speaks of the model, not of the firm
    ents = [("DeepSeek", "Organization", 0), ("DeepSeek-R1", "AIModel", 0), ("李明顺", "Person", 0),
            ("DeepSeek", "Organization", 2)]
    rels, _ = _run_at("DeepSeek发布了DeepSeek-R1。在李明顺看来，DeepSeek去年的定价不是简单的降价。", ents)
    explained = [(r.subject.text, r.object.text, r.object.label, r.object.name) for r in rels if r.predicate == "explains"]
    assert explained == [("李明顺", "DeepSeek", "AIModel", "DeepSeek")]
    rels, _ = _run_at("DeepSeek发布了DeepSeek-R1。李明顺表示，DeepSeek团队很年轻。", ents)
    assert not [r for r in rels if r.predicate == "explains"]  # DeepSeek团队: the firm
    rels, _ = _run_at("DeepSeek发布了新模型。在李明顺看来，DeepSeek去年的定价不是简单的降价。",
                      [("DeepSeek", "Organization", 0), ("李明顺", "Person", 0), ("DeepSeek", "Organization", 1)])
    assert not [r for r in rels if r.predicate == "explains"]  # the article never names the model by it
