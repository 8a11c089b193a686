"""Organizations read from a person's posts: the words between a clause boundary and a post are the name of the
body the post is at (首都经济贸易大学劳动经济学院|副教授, 中国新就业形态研究中心|主任, 国家信息中心经济预测部|主任)."""

from __future__ import annotations

import functools
import re

from kg.patterns import WordLists

__all__ = ["posted_units"]

Span = tuple  # (start, end, label, source, confidence)

_BOUNDARY = re.compile(r"[\s，,。；;：:、（(）)“”\"「」《》！？!?]")
_CHAIN_SEPARATORS = frozenset(" \u3000，,、")
"""What joins a person to the posts after the name, and a post to the next (张成刚 A副教授、B主任)."""
_NOT_POSTS = frozenset({"先生", "女士", "小姐", "博士", "硕士", "老师", "作者", "演员", "导演", "选手", "球员", "教练"})
"""Titles that name no post at a body (a courtesy, a degree, a role in a work or a team)."""
_OPENERS = frozenset({"现任", "曾任", "担任", "出任", "时任", "兼任", "任", "系", "为", "是", "原", "前", "兼", "作为", "身为",
                      "据", "由", "在", "从", "和", "与", "及", "以及", "还是", "也是", "则是", "并", "并任", "随后", "随即",
                      "此后", "之后", "目前", "现在", "同时", "另外", "此外", "还", "也", "则", "曾", "已", "正", "将", "更",
                      "又", "均", "都", "而", "正好", "恰好", "刚好", "正是", "就是", "还有", "已故", "身旁", "旁边"})
"""Words a clause may open with before a body's name (现任|, 曾任|, 原|): they are cut off the name."""
_LEADING = ("p", "c", "u", "r")
"""Tags of function words before a name, cut off it too."""
_NOT_FIRST = ("v", "p", "c", "u", "r", "y", "e", "o", "x", "m", "q", "t", "f")
"""Tags of a first word that opens no name (a verb, a number, a time; 首都 tagged as an adverb may)."""
_NOT_INSIDE = ("p", "c", "u", "d", "r", "y", "e", "o", "x", "m", "q", "t", "f")
"""Tags of words no body's name holds after its first word (function words, numbers, times)."""
_COMPOUND_POSTS = ("基金经理", "产品经理", "客户经理", "项目经理", "投资经理")
"""Posts whose first word is a body's word (基金|经理): matched whole, so that 基金 stays out of the name."""
_NOT_IN_NAME = ("首席", "高级", "资深", "常务", "执行", "兼", "暨", "母公司", "旗下")
_NOT_START = ("有限", "股份有限", "公司", "集团")
"""Openings of what is left of a registered name after its bracketed place (亿航智能设备（广州）|有限公司)."""
_NOT_ENDS = ("董事会", "监事会", "团队", "小组")
_BRANCH_WORDS = frozenset({"公司", "分公司", "分行", "支行", "办事处", "办公室", "分部", "区域", "大区"})
"""Words that after a place name a company's branch there, not a body of its own (北京公司副总经理)."""
_MIN, _MAX = 4, 20


def posted_units(folded: str, sents: list[tuple], chosen: list[Span], lists: WordLists,
                 words: dict[int, tuple[int, str]]) -> list[Span]:
    """``chosen`` with the body named before each post of a person (a post right before the person's name, or a
    chain of posts right after it, joined by 、): the Han words back to the clause boundary, when they end like an
    organization (中心, 学院, 部 …) and hold no function word, become one organization over what was found inside
    them (中国|新就业形态研究中心, 学|劳动经济学院), unless a person or a model is among them. ``words`` maps each
    word's start to its end and tag (:func:`kg.entity_patterns.word_spans`).

    Examples
    --------
    >>> from kg.entity_patterns import word_spans
    >>> from kg.patterns import load_word_lists
    >>> t = "张成刚 首都经济贸易大学劳动经济学院副教授、中国新就业形态研究中心主任"
    >>> toks = [(0, 3, "nr"), (3, 4, "x"), (4, 6, "ns"), (6, 8, "n"), (8, 12, "n"), (12, 14, "vn"), (14, 16, "n"),
    ...         (16, 18, "n"), (18, 21, "n"), (21, 22, "x"), (22, 24, "ns"), (24, 25, "a"), (25, 27, "v"),
    ...         (27, 29, "n"), (29, 31, "vn"), (31, 33, "n"), (33, 35, "n")]
    >>> sents = [(0, len(t), toks)]
    >>> got = posted_units(t, sents, [(0, 3, "Person", "crf", 0.9), (22, 24, "Location", "crf", 0.9)],
    ...                    load_word_lists(), word_spans(sents))
    >>> [(t[s:e], label) for s, e, label, *_ in got]
    [('张成刚', 'Person'), ('首都经济贸易大学劳动经济学院', 'Organization'), ('中国新就业形态研究中心', 'Organization')]
    """
    persons_at = {c[0] for c in chosen if c[2] == "Person"}
    if not persons_at:
        return chosen
    persons_end = {c[1] for c in chosen if c[2] == "Person"}
    post_rx, ends = _posts(lists.titles, lists.org_suffixes)
    word_ends = {b for b, _ in words.values()}
    out = list(chosen)
    added: list[Span] = []
    for start, end, _ in sents:
        if post_rx.search(folded, start, end) is None:
            continue
        anchored_end = -1  # end of the last post of a chain anchored on a person
        for m in post_rx.finditer(folded, start, end):
            ps, pe = m.span()
            if ps not in words or pe not in word_ends and pe != end:
                continue  # a post is a whole word
            left = ps
            while left > start and not _BOUNDARY.match(folded, left - 1):
                left -= 1
            sep = left - 1  # the boundary before the words: a person or the last post of a chain right before it
            chained = sep >= start and folded[sep] in _CHAIN_SEPARATORS and (sep in persons_end or sep == anchored_end)
            if not (pe in persons_at or chained):
                continue
            name = _name(folded, left, ps, words, lists, ends, post_rx)
            if name is None:
                continue
            s, e = name
            inside = [c for c in out if c[0] < e and s < c[1]]
            if any(c[2] in ("Person", "AIModel") or c[0] < s or c[1] > e for c in inside) \
                    or any(c[2] == "Organization" and c[1] == e and folded[s : c[0]] in lists.countries
                           for c in inside) \
                    or inside and all(c[2] == "Technology" for c in inside) \
                    or any(c[2] == "Location" and c[0] == s and folded[c[1] : e] in _BRANCH_WORDS for c in inside):
                continue  # 美国|微软公司: the name is found after its country; 自动驾驶|产品部; 北京|公司: a branch
            if any(c[0] == s and c[1] == e and c[2] == "Organization" for c in inside):
                anchored_end = pe
                continue
            out = [c for c in out if c not in inside]
            added.append((s, e, "Organization", "pattern:posted-unit", 0.7))
            out.append(added[-1])
            anchored_end = pe
    return sorted(out) if added else chosen


@functools.lru_cache(maxsize=4)
def _posts(titles: frozenset[str], org_suffixes: frozenset[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The alternation of the posts among ``titles`` (longest first) and the organization endings, longest first."""
    posts = [t for t in titles if t not in _NOT_POSTS and len(t) >= 2] + list(_COMPOUND_POSTS)
    rx = re.compile("|".join(map(re.escape, sorted(posts, key=len, reverse=True))))
    return rx, tuple(sorted(org_suffixes, key=len, reverse=True))


def _name(folded: str, left: int, right: int, bounds: dict[int, tuple[int, str]], lists: WordLists,
          ends: tuple[str, ...], post_rx: re.Pattern[str]) -> tuple[int, int] | None:
    """The body's name in ``folded[left:right]``: whole words, leading verbs and adverbs cut off (现任|), ending like an
    organization and holding no function word."""
    if left not in bounds:
        return None
    words: list[tuple[int, int, str]] = []
    i = left
    while i < right:
        hit = bounds.get(i)
        if hit is None or hit[0] > right:
            return None
        words.append((i, hit[0], hit[1]))
        i = hit[0]
    while words and (folded[words[0][0] : words[0][1]] in _OPENERS or words[0][2].startswith(_LEADING)
                     or len(words) > 1 and folded[words[1][0] : words[1][1]] in ("系", "为", "是")):
        words.pop(0)  # 现任|, 也|正好|是|, 作者|系|
    if not words or words[0][2].startswith(_NOT_FIRST):
        return None
    s, e = words[0][0], right
    text = folded[s:e]
    if not _MIN <= e - s <= _MAX or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return None
    if any(p.startswith(_NOT_INSIDE) for _, _, p in words[1:]) \
            or any(p == "v" and folded[a:b] in lists.speech_verbs for a, b, p in words):
        return None  # a function word inside, or a clause (…表示)
    if post_rx.search(text) or any(w in text for w in _NOT_IN_NAME) or text.endswith(_NOT_ENDS):
        return None  # a chain of posts (副总理兼国防部), a post's modifier (首席|保险分析师), a board (董事会)
    if text.startswith(_NOT_START):
        return None
    if not text.endswith(ends) or text in lists.generic or text.startswith(lists.descriptor_prefixes):
        return None
    return s, e
