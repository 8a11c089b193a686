"""Organizations found by a company word or the list they stand in, used where nothing else was found: a short name
before 科技 or 集团 (宇树|科技, also a word the segmenter only guessed: 影目|科技), the items of a list closed by 等公司,
and a Latin name before its funding (SSI获得了10亿美元融资)."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.entity_patterns import _CONJ, _GLUED, _NAME_TAGS
from kg.mention_filters import glued_start
from kg.patterns import ENUM_ORGS, FUNDED_LATIN_ORG, LISTED_STOCKS, WordLists

__all__ = ["company_names", "enumerations", "funded_orgs"]

Span = tuple  # (start, end, label, source, confidence)
_OWN_COMPANY_WORDS = frozenset({"科技", "集团", "股份", "控股", "证券", "银行", "传媒", "资本", "创投", "药业", "医药",
                                "重工", "微电子", "光电", "新材"})
"""Company words that name a company after any name (影目|科技), unlike 智能 or 汽车, which also close fields (端侧智能)."""
_NOT_GUESSED_NAME = ("m", "q", "x", "eng", "d", "p", "c", "u", "r", "f", "t")
"""Tags of a guessed word that is no name (a guessed name is mostly tagged as a verb: 颖通|控股, 毕得|医药)."""
_NOT_GUESSED_CHARS = frozenset("一二三四五六七八九十两几每各该本此这那其某是等有在的了和与被把将从对向自使日起让给为于及或也都就还进回入出不没未缺当")
"""Characters of a guessed word glued from function words (药是|医药, 等泛|科技, 日起|证券, 存进|银行): no name."""
_NOT_COMPANY_AFTER = frozenset({"市场", "指数", "板块", "概念", "概念股", "行业", "产业", "领域", "赛道", "ETF", "股", "指"})
"""Words after X科技 that make it an index, sector or theme rather than a company (恒生科技指数)."""
_GLUED_AFTER = frozenset("到在为给的了")
_GLUED_BEFORE_LIST = frozenset("在从对向据如被把由")
"""Characters a list's first item may carry glued before it (在|叮咚买菜、盒马等)."""
_SPEAKING_FIRMS = frozenset({"证券", "银行", "资本", "基金", "期货", "研究院"})
_SPEAKS = frozenset({"认为", "表示", "指出", "称", "预计", "预测", "分析", "研报", "分析师", "发布", "首席"})
"""A broker or bank that opens a clause and speaks (开源|证券|认为): its name may be a common word."""


def funded_orgs(folded: str, lists: WordLists) -> list[Span]:
    """Latin names before their funding or founding (SSI获得了10亿美元融资, Figure估值): used where nothing else was
    found."""
    return [(m.start(1), m.end(1), "Organization", "pattern:funded-org", 0.75) for m in FUNDED_LATIN_ORG.finditer(folded)
            if m.group(1) not in lists.generic and m.group(1) not in lists.titles]


def enumerations(folded: str, sents: list[tuple], lists: WordLists) -> list[Span]:
    """Items of a list of companies closed by 等公司/等股票, or opened by 概念股包括 (used where nothing else was found)."""
    out: list[Span] = []
    for start, end, _ in sents:
        stext = folded[start:end]
        if "等" not in stext and "包" not in stext and "涉及" not in stext and "有" not in stext:
            continue
        for m in (*ENUM_ORGS.finditer(stext), *LISTED_STOCKS.finditer(stext)):
            for item in re.finditer(r"[^、和与及\s][^、和与及]*", m.group(1)):
                t = item.group(0).rstrip()
                cut = 1 if len(t) > 3 and t[0] in _GLUED_BEFORE_LIST else 0
                t = t[cut:]  # 在|叮咚买菜、盒马等电商平台: a preposition glued to the first item
                latin = t.isascii()
                if (2 <= len(t) <= (24 if latin else 6)) and t not in lists.generic and not t.startswith(_CONJ) \
                        and (not latin or t[0].isupper()):
                    s = start + m.start(1) + item.start() + cut
                    out.append((s, s + len(t), "Organization", "pattern:enumeration", 0.7))
    return out


def company_names(folded: str, sents: list[tuple], lists: WordLists,
                  known: Callable[[str], bool] | None = None) -> list[Span]:
    """A company's short name: a two- or three-character proper-name token before a company word
    (宇树|科技, 海通|证券, 厦门|银行), or a word the segmenter only guessed (``known`` says it is not in its dictionary)
    before a company's own word (影目|科技, 智谱|科技), not an index or sector (恒生科技指数, 半导体板块)."""
    out: list[Span] = []
    for start, _, toks in sents:
        stext = folded[start : start + (toks[-1][1] if toks else 0)]
        for k in range(1, len(toks)):
            s, e, _ = toks[k]
            if stext[s:e] not in lists.company_suffixes:
                continue
            ps, pe, ppos = toks[k - 1]
            prev = stext[ps:pe]
            if not 2 <= pe - ps <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in prev):
                continue
            nxt = stext[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
            speaking = (pe - ps == 2 and stext[s:e] in _SPEAKING_FIRMS and nxt in _SPEAKS
                        and (k == 1 or toks[k - 2][2] == "x"))
            if ppos not in _NAME_TAGS and not speaking and not (
                    pe - ps == 2 and stext[s:e] in _OWN_COMPANY_WORDS and not ppos.startswith(_NOT_GUESSED_NAME)
                    and not _NOT_GUESSED_CHARS.intersection(prev) and known is not None and not known(prev)):
                continue  # a guessed word of two characters only: three are often glued (使|颖通, 自|闪极)
            ps += glued_start(prev, lists.surnames)  # 由|鹏扬基金
            prev = stext[ps:pe]
            if len(prev) > 3 or prev in lists.generic and not speaking or prev in lists.not_company_prefixes \
                    or prev.startswith(lists.descriptor_prefixes) or prev[0] in _GLUED or prev[-1] in _GLUED_AFTER:
                continue
            if nxt in _NOT_COMPANY_AFTER:
                continue
            if nxt in lists.company_suffixes:
                e = toks[k + 1][1]  # 湾区|互联|科技: a second company word
            out.append((start + ps, start + e, "Organization", "pattern:company-name", 0.7))
    return out
