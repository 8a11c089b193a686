"""Listed companies named with their stock code: 盈趣科技（002925.SZ）, 中通快递（02057.HK）, 小米集团-W(01810.HK)."""

from __future__ import annotations

import re
from typing import Callable

from kg.patterns import WordLists

__all__ = ["listed_companies"]

Span = tuple[int, int, str, str, float]

STOCK_CODE = re.compile(
    r"(?:-(?:W|SW|S|B|U|WR))?[（(]\s*(?:\d{6}\.(?:SZ|SH|BJ)|\d{4,5}\.HK|\d{4}\.TW|(?:SZ|SH|HK)\s?\d{4,6}"
    r"|(?:00[0-3]|30[01]|60[0135]|68[89])\d{3}|[A-Z]{1,5}\.(?:US|O|N))\s*[）)]"
)
"""A stock code in brackets, after the share class a Hong Kong listing may carry (-W, -SW): with its exchange
(002925.SZ, 02057.HK, NVDA.US), or a Shanghai or Shenzhen code alone (300339, 601238)."""

_STOP_WORDS = frozenset(
    "是 为 的 有 在 如 和 与 及 或 以及 包括 其中 比如 例如 迎来 坐拥 关注 推荐 建议 标的 个股 龙头 上市公司 公司 企业 厂商 "
    "集团旗下 旗下 子公司 控股子公司 母公司 股份公司 近日 日前 今日 昨日 此外 同时 另外 其 该 这家 一家 两家 多家 方面 讯".split()
)
"""Words before a listed company's name that are no part of it (的上市公司为|海信家电, 视觉技术公司|格灵深瞳)."""

_STOP_TAGS = ("p", "c", "u", "r", "d", "x", "w")
_KIND_ENDS = ("股", "企业", "品牌", "公司", "厂商", "巨头", "龙头", "平台", "领军者")
_GLUED = frozenset("如及将和与为在从对被把据以由向继令使让")
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "ad", "an", "m", "q", "t"})
_MAX_NAME = 8
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_MAX_FULL_NAME = 18
_FULL_ENDS = ("有限公司", "股份公司", "集团公司")


def listed_companies(folded: str, sents: list[tuple], lists: WordLists,
                     known: Callable[[str], bool] | None = None) -> list[Span]:
    """The name before each stock code, back to the first word that cannot be part of it.

    ``sents`` are (start, end, tokens) with tokens (start, end, tag) relative to the sentence. A name that is one
    common word is no company (信息（…）) unless ``known``, the segmenter's dictionary, lacks it (迈信林（688685.SH）).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> t = "其中，盈趣科技（002925.SZ）表示"
    >>> toks = [(0, 2, "r"), (2, 3, "x"), (3, 5, "nz"), (5, 7, "n"), (7, 8, "x"), (8, 17, "eng"), (17, 18, "x"), (18, 20, "v")]
    >>> [t[s:e] for s, e, *_ in listed_companies(t, [(0, 20, toks)], load_word_lists())]
    ['盈趣科技']
    """
    out: list[Span] = []
    for start, end, toks in sents:
        stext = folded[start:end]
        if "（" not in stext and "(" not in stext:
            continue
        ends = {e: k for k, (_, e, _) in enumerate(toks)}
        starts = {s for s, _, _ in toks}
        for m in STOCK_CODE.finditer(stext):
            k = ends.get(m.start())
            if k is None:
                continue
            first = None
            for j in range(k, -1, -1):
                s, e, tag = toks[j]
                word = stext[s:e]
                if word in _STOP_WORDS or tag.startswith(_STOP_TAGS) or not word.strip() or any(
                        not (c.isalnum() or c in "-·&") for c in word):
                    break
                if j < k and ((tag == "v" and len(word) >= 2) or word.endswith(_KIND_ENDS)):
                    break  # 拥有|中国铁物, 民营企业|中青宝, 跨年妖股|巨轮智能: a verb or a kind before the name
                if j < k and first is not None and stext[first].isascii() and not word.isascii():
                    break  # 支付巨头|Block(XYZ.US): a Latin name starts after the Chinese before it
                if m.start() - s > (_MAX_FULL_NAME if stext.endswith(_FULL_ENDS, 0, m.start()) else _MAX_NAME):
                    break
                first = s
            if first is None or first >= 2 and stext[first - 1] == " " and stext[first - 2].isascii() \
                    and stext[first - 2].isalnum():
                continue  # Titan America(TTAM.US): a name of several Latin words is left to the Latin patterns
            if m.start() - first > 3 and stext[first] in _GLUED:
                first += 1  # 如|晶科能源, 及|趣致集团: a word the segmenter glued to the name
            name = stext[first : m.start()]
            single = [t for t in toks if first <= t[0] and t[1] <= m.start()]
            if len(name) == 2 and len(single) == 1 and name in lists.generic and first >= 2 and first - 2 in starts \
                    and _HAN.fullmatch(stext[first - 2 : first]) and stext[first - 2] not in _GLUED:
                first -= 2  # 润和|软件（300339）: the segmenter split the name and left its kind word alone
                name = stext[first : m.start()]
                single = []
            if (len(name) < 2 or name in lists.generic or name.isdigit() or name.startswith(lists.descriptor_prefixes)
                    or name.endswith(("ETF", "指数"))
                    or (len(single) == 1 and single[0][2] in _COMMON_TAGS and (known is None or known(name)))):
                continue  # 信息（…）, 黄金ETF: a common word or a fund, no company
            out.append((start + first, start + m.start(), "Organization", "pattern:listed-company", 0.8))
    return out
