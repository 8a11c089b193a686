"""Stock indices and the funds that track them, which an organization's name may run into or be mistaken for
(纳斯达克|100指数, 恒生科技HKETF, 中证人工智能|产业指数)."""

from __future__ import annotations

import re

__all__ = ["before_index", "index_name"]

_INDEX_AFTER = ("指数", "指數", "ETF", " ETF", "成分股")
_INDEX_NEXT = re.compile(r"\s?\d{0,4}\s?(?:" + "|".join(w.strip() for w in _INDEX_AFTER) + ")")

_INDEX_FAMILIES = ("中证", "国证", "上证", "深证", "恒生科技", "恒生国企", "恒生港股通", "恒生沪深港", "恒生指数", "标普", "纳指")
"""Openings of stock index names (中证人工智能产业指数, 恒生科技HKETF)."""
_INDEX_WITHIN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{0,6}?(?:指数|指數|ETF|联接|基金)")


def index_name(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` names a stock index or a fund that tracks one, not an organization: it holds an index's
    word (恒生科技HKETF, 恒生指数PE-TTM), or opens like an index's name and one's word follows within a few
    characters (中证人工智能|产业指数, 中证软件|服务ETF).

    Examples
    --------
    >>> index_name("恒生科技HKETF近半年", 0, 9), index_name("中证人工智能产业指数", 0, 6), index_name("中证报称", 0, 3)
    (True, True, False)
    """
    name = text[s:e]
    if any(w in name for w in ("ETF", "指数", "指數", "PE-TTM")):
        return True
    return name.startswith(_INDEX_FAMILIES) and _INDEX_WITHIN.match(text, e) is not None


def before_index(text: str, e: int) -> bool:
    """Whether a stock index's word follows ``text[:e]`` (纳斯达克|100指数, 恒生科技|指数): the name before it is the
    index's, no organization of its own.

    Examples
    --------
    >>> before_index("纳斯达克100指数", 4), before_index("纳斯达克上市", 4)
    (True, False)
    """
    return _INDEX_NEXT.match(text, e) is not None
