"""Which of overlapping entity spans holds, the last check on a chosen mention, and the sense of a name
shared by a company and its model in an article.

Used by :func:`kg.entities.find_mentions`; spans are ``(start, end, label, source, confidence)``.
"""

from __future__ import annotations

import re

from kg.patterns import WordLists

__all__ = ["nests", "keep", "shared_name_senses"]

_PADDED_NAME = re.compile(r"[\u4e00-\u9fff](?:[ \xa0\u3000]+[\u4e00-\u9fff]){1,3}|[A-Za-z0-9.\-]+(?:[ \xa0][A-Za-z0-9.\-]+)+")
"""A name set with padding spaces between its characters (陈, no-break spaces, 筱 in an analysts' credit)."""

_DATE = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十〇零]{1,4})(?:年|月|日|号|时|点|分)(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:月|日|号|时|点|分))*(?:消息|电|讯)?")
"""A date or time (2月10日, 2024年, 2月10日消息): never a name."""

_MODEL_AFTER = re.compile(r"\s*(?:[-‑]?(?:相关模型|相关大模型|系列|模型|大模型|聊天机器人|助手|App|APP|app|应用|的回答|回答|生成|写|给出|答"
                          r"|本地化部署|本地部署|私有化部署|部署)|[-‑ ]?[VR]\d)")

_MODEL_BEFORE = re.compile(
    r"(?:使用|用|接入|对接|部署|调用|基于|问|向|让|输入|下载|打开|体验|试用|集成|搭载|模型|聊天机器人|应用|拥抱|引入|采用|整合|融合|上线|上架"
    r"|适配|支持|完成)"
    r"\s*[“「\"]?\s*$"
)

_INSTITUTIONS = frozenset(("银行", "大学", "学院", "研究院", "法院", "政府", "证券", "实验室", "交易所"))
"""Generic words that make a name of the place before them (北京银行, 上海交易所), unlike 公司 or 科技."""

_JOINING = frozenset("与及跟对向把被从")
"""Characters that cannot continue a name after a known one (宁德时代与物流公司 is two things)."""
_LATIN_REST = re.compile(r"[A-Za-z][A-Za-z0-9 .&\-]*")
"""The rest of a name in Latin letters after a place (中国|MicroBT)."""


def nests(c: tuple, clash: list[tuple], folded: str, generic: frozenset[str]) -> bool:
    """True when a CRF name strictly contains the strong spans it meets and is built on them.

    浙江大学上海高等研究院 (organization on an organization), 上海黄浦区南京路 (place on a
    place), 北京银行 (an institution named after a place), 张明渝 over a pattern's 张明; but not
    谷歌旗下人工智能研究实验室, DeepMind团队 nor 美国科技.

    Examples
    --------
    >>> nests((0, 4, "Organization", "crf", 0.9), [(0, 2, "Location", "lexicon:beijing", 0.95)], "北京银行", frozenset({"银行"}))
    True
    >>> nests((0, 4, "Organization", "crf", 0.9), [(0, 2, "Location", "lexicon:usa", 0.95)], "美国科技", frozenset({"科技"}))
    False
    >>> nests((0, 7, "Organization", "crf", 0.8), [(0, 2, "Location", "lexicon:usa", 0.95),
    ...       (2, 7, "Location", "lexicon:las-vegas", 0.95)], "美国拉斯维加斯", frozenset())
    False
    >>> nests((0, 5, "Organization", "crf", 0.99), [(0, 2, "Location", "lexicon:usa", 0.95),
    ...       (2, 5, "Organization", "lexicon:mofcom", 0.95)], "美国商务部", frozenset())
    True
    >>> nests((0, 9, "Organization", "crf", 0.99), [(4, 6, "Location", "lexicon:beijing", 0.95)], "富龙集团北京分公司",
    ...       frozenset({"分公司"}))
    True
    """
    if not all(o[0] >= c[0] and o[1] <= c[1] for o in clash):
        return False
    if c[1] - c[0] <= max(o[1] - o[0] for o in clash):
        return False
    if c[2] == "Person":  # 张明渝 over a pattern's 张明; 乌尔苏拉·冯德莱恩 over the known 冯德莱恩
        return all(o[2] == "Person" and (o[3].startswith("pattern:") or o[1] == c[1] and "·" in folded[c[0] : o[0]])
                   for o in clash)
    if not all(o[2] in ("Organization", "Location") for o in clash):
        return False
    rest = folded[max(o[1] for o in clash) : c[1]]
    body = c[2] == "Organization" and folded.endswith(_GOVERNMENT_ENDS, c[0], c[1])
    if not rest and c[2] == "Organization" and any(o[2] == "Location" and o[0] == c[0] for o in clash) \
            and any(o[2] == "Organization" and o[1] == c[1] for o in clash) and not body:
        return False  # 日本|软银集团: a country before a known company, two mentions; not 美国商务部, a country's body
    if body and not rest and all(o[2] == "Organization" and o[1] == c[1] for o in clash) \
            and 2 <= min(o[0] for o in clash) - c[0] <= 4:
        return True  # 伊朗|外交部, 国家|教育部: a country's or the state's body, one name
    if c[2] == "Organization" and rest in _BRANCHES and all(o[2] == "Location" for o in clash) \
            and min(o[0] for o in clash) - c[0] >= 2:
        return True  # 富龙集团|北京|分公司: a branch named after its place
    if rest.startswith(_ACCOUNT_RESTS):
        return False  # 央视新闻|微信公众号综合: the account an outlet's text came through is no part of its name
    if rest[:1] in _JOINING:
        return False  # 宁德时代|与物流公司: a conjunction or preposition after the name ends it
    if c[2] == "Organization" and len(clash) == 1 and clash[0][2] == "Location" and clash[0][0] == c[0] \
            and _LATIN_REST.fullmatch(rest):
        return False  # 中国|MicroBT: a country before a Latin company name, two mentions
    if not rest and all(o[2] == "Location" for o in clash) and c[2] != "Location":
        return False  # 美国|拉斯维加斯: known places in a row are places, not an organization
    if rest in generic and not (
        c[2] == "Organization" and rest in _INSTITUTIONS and all(o[2] == "Location" for o in clash)
    ):
        return False
    if c[2] == "Location":
        # a place built on places (上海黄浦区南京路), not a run of known places (中国杭州) nor 京东平台
        if any(o[2] != "Location" for o in clash):
            return False
        covered = sum(o[1] - o[0] for o in clash)
        return covered < c[1] - c[0] and not (
            c[1] == max(o[1] for o in clash) and c[0] == min(o[0] for o in clash) and covered == c[1] - c[0]
        )
    if c[2] == "Organization" and all(o[2] == "Organization" for o in clash):
        return len(rest) >= 2 and "旗下" not in rest and "的" not in rest and rest not in generic
    return True


_ACCOUNT_RESTS = ("微信", "公众号", "官方微博", "官微", "客户端", "视频号")
_GOVERNMENT_ENDS = ("部", "局", "署", "厅", "委员会", "委")
"""Endings of a government body's name: with its country before it, one organization (美国商务部)."""
_BRANCHES = frozenset(("分公司", "分行", "支行", "分部", "分院", "分校", "办事处", "代表处"))
"""Words for a branch, named after its place (富龙集团北京分公司)."""


def keep(text: str, lists: WordLists) -> bool:
    """Last check on a mention's surface text: not generic, printable, not a lone Han character nor a number.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> keep("谷歌", load_word_lists()), keep("技术", load_word_lists()), keep("2025", load_word_lists())
    (True, False, False)
    >>> keep("2月10日", load_word_lists()), keep("3月", load_word_lists()), keep("3M", load_word_lists())
    (False, False, True)
    >>> keep("陈" + chr(0xA0) + "筱", load_word_lists()), keep("陈" + chr(0x3000) + "筱", load_word_lists())
    (True, True)
    >>> keep("陈" + chr(10) + "筱", load_word_lists()), keep("AI" + chr(0xA0) + "筱", load_word_lists())
    (False, False)
    """
    t = text.strip()
    if not t or t != text or t in lists.generic:
        return False
    if any((c.isspace() and c != " ") or not c.isprintable() for c in t) and not _PADDED_NAME.fullmatch(t):
        return False
    if len(t) < 2 and not t.isascii():
        return False
    return any(c.isalnum() for c in t) and not t.isdigit() and not _DATE.fullmatch(t)


def shared_name_senses(folded: str, spans: list[tuple], twins: dict, key: str) -> list[tuple]:
    """One sense per article for a name shared by a company and its model (DeepSeek).

    Where the article uses the name for the company at least once (DeepSeek团队, 深度求索（DeepSeek）),
    a mention of it with no sign of the model around it (DeepSeek模型, 使用DeepSeek, DeepSeek-R1)
    is the company too: DeepSeek的模型, DeepSeek成立于, 放弃DeepSeek. ``key`` is the article folded
    by :func:`kg.patterns.fold_key`; ``twins`` maps a model's folded name to its company.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> t = "DeepSeek团队发布新模型。苹果放弃DeepSeek的模型，用户仍在使用DeepSeek。"
    >>> a, b = t.index("DeepSeek的"), t.rindex("DeepSeek")
    >>> spans = [(0, 8, "Organization", "lexicon:deepseek-ai", 0.95), (a, a + 8, "AIModel", "lexicon:deepseek", 0.95),
    ...          (b, b + 8, "AIModel", "lexicon:deepseek", 0.95)]
    >>> [s[2] for s in shared_name_senses(t, spans, {"deepseek": SimpleNamespace(id="deepseek-ai")}, t.lower())]
    ['Organization', 'Organization', 'AIModel']
    """
    spans = _listed_with_companies(folded, spans, twins, key)
    company = {key[s[0] : s[1]] for s in spans if s[2] == "Organization" and key[s[0] : s[1]] in twins}
    if not company:
        return spans
    out = []
    for i, s in enumerate(spans):
        name = key[s[0] : s[1]]
        if (
            s[2] == "AIModel"
            and name in company
            and s[3].startswith("lexicon:")
            and not _model_sign(folded, s[0], s[1])
            and not _listed_next_to(folded, spans, i, "AIModel", twins, key)  # ChatGPT和DeepSeek
        ):
            s = (s[0], s[1], "Organization", "lexicon:" + twins[name].id, s[4])
        out.append(s)
    return out


def _listed_next_to(folded: str, spans: list[tuple], i: int, label: str, twins: dict, key: str) -> bool:
    """Whether span ``i`` is listed next to a span of class ``label`` whose name no company and model share
    (ChatGPT和DeepSeek: next to a model; 输于OpenAI以及DeepSeek: next to a company)."""
    s = spans[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans):
            o = spans[j]
            gap = folded[o[1] : s[0]] if o[1] <= s[0] else folded[s[1] : o[0]]
            if o[2] == label and key[o[0] : o[1]] not in twins and _JOINED.fullmatch(gap):
                return True
    return False


def _model_sign(folded: str, s: int, e: int) -> bool:
    """Whether the words around a shared name make it the model (DeepSeek模型, 接入DeepSeek, 拥抱“DeepSeek)."""
    return _MODEL_AFTER.match(folded, e) is not None or _MODEL_BEFORE.search(folded, max(0, s - 5), s) is not None


_JOINED = re.compile(r"\s*(?:、|和|与|及|以及|或)\s*")


def _listed_with_companies(folded: str, spans: list[tuple], twins: dict, key: str) -> list[tuple]:
    """A name shared by a company and its model, listed next to another company, is the company
    (输于OpenAI以及DeepSeek, 字节跳动、DeepSeek和阿里的模型), unless a sign of the model is around it.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> t = "输于OpenAI以及DeepSeek。"
    >>> spans = [(2, 8, "Organization", "lexicon:openai", 0.95), (10, 18, "AIModel", "lexicon:deepseek", 0.95)]
    >>> [s[2] for s in _listed_with_companies(t, spans, {"deepseek": SimpleNamespace(id="deepseek-ai")}, t.lower())]
    ['Organization', 'Organization']
    """
    out = list(spans)
    for i, s in enumerate(spans):
        name = key[s[0] : s[1]]
        if s[2] != "AIModel" or name not in twins or not s[3].startswith("lexicon:"):
            continue
        if not _model_sign(folded, s[0], s[1]) and _listed_next_to(folded, spans, i, "Organization", twins, key):
            out[i] = (s[0], s[1], "Organization", "lexicon:" + twins[name].id, s[4])
    return out


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")


def latin_names_among_models(folded: str, spans: list[tuple]) -> list[tuple]:
    """A lone Latin word the labeller took for a person, listed next to a model, is a model too
    (发布了名为Goose和Gemma的模型).

    Examples
    --------
    >>> t = "发布了名为Goose和Gemma的模型"
    >>> spans = [(5, 10, "Person", "crf", 0.7), (11, 16, "AIModel", "lexicon:gemma", 0.95)]
    >>> [s[2] for s in latin_names_among_models(t, spans)]
    ['AIModel', 'AIModel']
    """
    out = list(spans)
    for i, s in enumerate(spans):
        if s[2] == "Person" and s[3] == "crf" and _LATIN_WORD.fullmatch(folded[s[0] : s[1]]) \
                and _listed_next_to(folded, spans, i, "AIModel", {}, folded):
            out[i] = (s[0], s[1], "AIModel", s[3], s[4])
    return out
