"""Reported speech: quotes found by speech-verb rules, and the explains relations they state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kg.names import to_simplified
from kg.patterns import fold_key
from kg.records import Article, Mention, Quote, Relation, Sentence
from kg.rules import Rule, RuleSet, Unit

__all__ = ["quotes_from_match", "relations_from_quotes", "as_model", "TOPIC_CLASSES"]

TOPIC_CLASSES = ("AIModel", "Technology")
"""Classes a quote must name for its speaker to be said to explain them."""

_OPEN = "“「『\""
_CLOSE = {"“": "”", "「": "」", "『": "』", "\"": "\""}
_LEAD = "，,：: "
_MAX_QUOTE = 600
"""A quote opened with a quotation mark is followed at most this many characters for its end."""


def _quote_after(text: str, pos: int, sent_end: int) -> tuple[int, int] | None:
    """Span of what follows a speech verb: the quoted part, or the rest of the sentence."""
    while pos < sent_end and text[pos] in _LEAD:
        pos += 1
    if pos >= sent_end:
        return None
    if text[pos] in _OPEN:
        close = text.find(_CLOSE[text[pos]], pos + 1, min(len(text), pos + _MAX_QUOTE))
        if close < 0:
            return (pos + 1, sent_end) if sent_end - pos > 2 else None
        return (pos + 1, close) if close - pos > 2 else None
    end = sent_end
    while end > pos and text[end - 1] in "。！？!?；;…":
        end -= 1
    return (pos, end) if end - pos >= 4 else None


def _quote_before(text: str, pos: int, sent_start: int) -> tuple[int, int] | None:
    """Span of the quotation that ends just before the speaker (“……”，X表示)."""
    i = pos - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or not (text[i] in "，,：:" or text[i] in "”」』"):
        return None
    while i >= 0 and text[i] in _LEAD:
        i -= 1
    if i < 0:
        return None
    closers = {v: k for k, v in _CLOSE.items() if k != "\""}
    if text[i] in closers:
        opening = text.rfind(closers[text[i]], max(0, i - _MAX_QUOTE), i)
        if opening < 0 or i - opening <= 2:
            return None
        return opening + 1, i
    if i >= sent_start and i + 1 - sent_start >= 4:
        return sent_start, i + 1
    return None


_PRONOUNS = frozenset({"他", "她"})
_REACH = 150
"""A pronoun speaker refers to the last person named at most this many characters before its sentence."""


def _antecedent(pos: int, sent_start: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """The person a sentence-initial 他/她 most likely refers to: the last person named before it."""
    best = None
    for m in mentions:
        if m.label == "Person" and m.end <= pos and m.start >= sent_start - _REACH:
            best = m
    return best


_COMPANY_WORDS = ("公司", "企业", "团队", "创始人", "方面", "这样的公司", "类似的公司", "楼上", "楼下", "总部", "办公", "员工",
                  "估值", "股东", "投资人")
"""Words that, right after a model's name, show it names the company (像DeepSeek或类似的公司, 在DeepSeek楼上的VC)."""


def _as_company(m: Mention, text: str) -> bool:
    """True for DeepSeek in 像DeepSeek或类似的公司 / DeepSeek团队: the name stands for its maker."""
    after = text[m.end : m.end + 8]
    for cut, ch in enumerate(after):
        if ch in "，,。；;：:！？!?“”「」（）()、":
            after = after[:cut]
            break
    return any(w in after[:6] for w in _COMPANY_WORDS)


def as_model(m: Mention, shared: Mapping[str, str] | None) -> Mention:
    """A company named by the name it shares with its model, as that model (DeepSeek → the model DeepSeek)."""
    model = shared.get(fold_key(m.text)) if shared else None
    return replace(m, label="AIModel", canonical=model) if model else m


def _possessor(m: Mention, others: list[Mention], text: str) -> bool:
    """True for DeepSeek in DeepSeek的R1模型: a name owning the model named next is its maker."""
    if text[m.end : m.end + 1] != "的":
        return False
    return any(o.label == "AIModel" and m.end + 1 <= o.start <= m.end + 3 for o in others)


_DEFINING = ("是", "指", "意味着", "意味著", "的优势", "的優勢", "的区别", "的區別", "的意义", "的意義")
"""Words that, right after a technology, make it what the sentence is about (Transformer是基础)."""
_FIELD_WORDS = ("行业", "行業", "领域", "領域", "赛道", "賽道", "产业", "產業")
"""Words that, right after a technology, make it the name of an industry (进入智能驾驶行业第一阵营)."""
_ENTERING = ("进入", "进军", "布局", "深耕", "涉足", "切入", "入局", "杀入", "跨界", "聚焦", "发力", "领跑", "位居", "在", "于")
"""Words before an industry that make it where an actor works, not what the speaker explains (进入智能驾驶行业; but
发展脑机接口产业仍面临问题 is about the technology)."""


def _field_of_actor(m: Mention, others: list[Mention], start: int, text: str) -> bool:
    """True for 5G in 应科院在5G技术上积累了经验: a technology after an organization in its sentence
    is that organization's field of work, not what the speaker explains (models stay topics), unless a colon
    parts them (DeepSeek重新设计了关键组件：MLA、GRPO lists what the speaker talks of);
    so is a technology naming an industry someone enters or works in (进入智能驾驶行业), unless the sentence
    defines it (X是…)."""
    if m.label != "Technology":
        return False
    if text.startswith(_FIELD_WORDS, m.end) and text[max(start, m.start - 5) : m.start].rstrip("了的").endswith(_ENTERING):
        return True
    if text.startswith(_DEFINING, m.end):
        return False
    lo = max(start, max(text.rfind(p, start, m.start) for p in "。！？!?；;：:") + 1)
    return any(o.start >= lo and o.end <= m.start and (o.label == "Organization" or _as_company(o, text))
               for o in others)


ORG_VIEW_CONFIDENCE = 0.7
"""Confidence of what an organization's statement is said to explain: its people may speak for it loosely."""
_OUTLET_ENDS = ("社", "报", "報", "网", "網", "电视台", "電視台", "新闻", "新聞", "财经", "財經", "媒体", "媒體", "杂志", "雜誌")


def _gives_views(speaker: Mention, text: str, rules: RuleSet) -> bool:
    """Whether an organization's statement explains what it names: one whose views are news in themselves (an
    analyst or research body, ``rules.view_names``) or quoted through its research (国泰君安证券研报指出)."""
    if rules.view_names is None:
        return True
    if rules.view_names.match(to_simplified(speaker.text)) or rules.view_names.match(to_simplified(speaker.name)):
        return True
    after = to_simplified(text[speaker.end : speaker.end + 8])
    return any(after.startswith(w) or after[2:].startswith(w) for w in rules.report_words)


def _reports(speaker: Mention) -> bool:
    """Whether the speaker is a news outlet (路透社, 华尔街日报, 澎湃新闻) rather than a company or body."""
    return speaker.label == "Organization" and speaker.name.endswith(_OUTLET_ENDS)


def quotes_from_match(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule,
                      caps: dict[int, int], end: int, mentions: tuple[Mention, ...],
                      shared: Mapping[str, str] | None = None) -> Quote | None:
    """The Quote a speech-verb rule match states, or None when no quoted text is found.

    ``shared`` maps the folded names a company and its model share to the model's name (deepseek → DeepSeek): a view
    naming the company by it speaks of the model (李明顺看来，DeepSeek去年的定价……), unless the words after it make
    it the company (DeepSeek团队).

    Examples
    --------
    >>> from kg.rules import Rule, Unit
    >>> a = Article(id="a", text="吴飞表示，扩散模型很重要。")
    >>> us = (Unit(0, 2, "吴飞", "", "Person", Mention("a", 0, 2, "吴飞", "Person")), Unit(2, 4, "表示", "v"))
    >>> r = Rule("q", "quote", "explains", (), subject=0)
    >>> m = Mention("a", 5, 9, "扩散模型", "Technology")
    >>> q = quotes_from_match(a, Sentence("a", 0, 13, a.text), us, r, {0: 0, 1: 1}, 2, (m,))
    >>> q.text, [x.text for x in q.about]
    ('扩散模型很重要', ['扩散模型'])
    """
    unit = units[caps[rule.subject]]
    speaker = unit.mention
    if speaker is None and unit.text in _PRONOUNS:
        speaker = _antecedent(unit.start, sent.start, mentions)
    if speaker is None:
        return None
    text = article.text
    if rule.quote == "after":
        span = _quote_after(text, units[end - 1].end, sent.end)
    else:
        if text[units[end - 1].end : sent.end].strip(" 。！？!?…；;"):
            return None  # the speech verb must close the sentence: “……”，X说。
        first = units[min(caps.values())].start
        span = _quote_before(text, first, sent.start)
    if span is None:
        return None
    s, e = span
    inside = [as_model(m, shared) if m.label == "Organization" else m for m in mentions
              if m.start >= s and m.end <= e]
    inside = [m for m in inside if m.label in TOPIC_CLASSES]
    actors = [m for m in mentions if m.start >= s and m.end <= e]
    about = tuple(m for m in inside if not _possessor(m, inside, text) and not _as_company(m, text)
                  and not _field_of_actor(m, actors, s, text)
                  and text[m.start - 1 : m.start] != "非")  # 非思维链模型: a model that is not that
    return Quote(article.id, speaker, s, e, text[s:e], about)


def relations_from_quotes(article: Article, sentences: tuple[Sentence, ...], quotes: list[Quote],
                          rules: RuleSet) -> list[Relation]:
    """``explains`` from each quote of a person or an organization to every model or technology it names.

    The rule id and confidence are those of the quote rule with relation ``explains``
    listed first in the rule file (an organization's, a firm's view of 中信建投认为…, at most
    :data:`ORG_VIEW_CONFIDENCE`, and only for analysts and research bodies, ``views.jsonl``); a news outlet
    reporting (路透社称) explains nothing. The evidence
    spans the sentences from the speaker to the mention.

    Examples
    --------
    >>> from kg.relations import load_rules
    >>> sp = Mention("a", 0, 2, "吴飞", "Person")
    >>> q = Quote("a", sp, 5, 12, "扩散模型很重要", (Mention("a", 5, 9, "扩散模型", "Technology"),))
    >>> s = Sentence("a", 0, 13, "吴飞表示，扩散模型很重要。")
    >>> [(r.subject.text, r.predicate, r.object.text) for r in relations_from_quotes(
    ...     Article("a", s.text), (s,), [q], load_rules())]
    [('吴飞', 'explains', '扩散模型')]
    """
    rule = next((r for r in rules.rules if r.kind == "quote" and r.relation), None)
    if rule is None:
        return []
    out = []
    for q in quotes:
        if q.speaker.label not in ("Person", "Organization") or _reports(q.speaker):
            continue  # 路透社称, 据彭博社报道: an outlet reports what others say, it explains nothing
        if q.speaker.label == "Organization" and not _gives_views(q.speaker, article.text, rules):
            continue  # OpenAI强调，ChatGPT免费用户……: a company speaking of its products announces
        for m in q.about:
            if m.name == q.speaker.name:
                continue
            lo = min(q.speaker.start, m.start)
            hi = max(q.speaker.end, m.end)
            covering = [s for s in sentences if s.end > lo and s.start < hi]
            start = min((s.start for s in covering), default=lo)
            end = max((s.end for s in covering), default=hi)
            conf = rule.confidence if q.speaker.label == "Person" else min(rule.confidence, ORG_VIEW_CONFIDENCE)
            out.append(Relation(article.id, q.speaker, rule.relation, m, rule.id, start, end, conf, None, "rule"))
    return out
