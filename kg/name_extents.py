"""Where a name found in an article starts and ends, and which class it keeps: the corrections made to the
labeller's and the patterns' names once all of them are in (kg.entities.find_mentions).

Places the labeller joined are apart (上海大学与上海市宝山区), a country before a part of it and a place is its own
mention (加拿大北部|魁北克), a company's registered name is one mention (三星（中国）投资有限公司,
北京五季健康咨询有限公司), and a name the article gives an organization is one wherever the labeller read it otherwise
(洛必德科技有限公司…洛必德).
"""

from __future__ import annotations

import functools
import re

from kg.patterns import WordLists, is_han

__all__ = ["places_apart", "place_after_place", "one_class_per_name",
           "registered_names", "placed_registered_names"]

Span = tuple  # (start, end, label, source, confidence)

_REGISTERED = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)]([\u4e00-\u9fff]{0,10}?(?:股份有限公司|有限责任公司|有限公司|集团|公司))?")
_REGISTERED_WORDS = frozenset(("集团", "国际", "控股", "亚洲", "中国"))
_PLACED_FIRM = re.compile(r"([\u4e00-\u9fff]{2,14}?)(股份有限公司|有限责任公司|有限公司|合伙企业[（(]有限合伙[）)])")
"""The trade name and business of a registered name after its place, up to its legal form (北京|五季健康咨询有限公司)."""
_NOT_IN_FIRM = frozenset("的是在和与及了等为从向对将被把")


def places_apart(text: str, spans: list[tuple[int, int]], toks: list[tuple]) -> list[tuple[int, int]]:
    """Places the labeller joined over the word 与 or 和 (上海大学与上海市宝山区), each apart; not two streets of a
    crossing (三水道与榆林路交口) nor a name holding the character (和平区). ``toks`` are the sentence's tokens."""
    out = []
    for a, b in spans:
        k = next((i for i, j, _ in toks if a + 2 <= i < b - 2 and j == i + 1 and text[i] in "与和"), -1)
        if k < 0 or text.endswith(_STREET_ENDS, a, k) or any(w in text[k:b] for w in _CROSSINGS):
            out.append((a, b))
        else:
            out.extend([(a, k), (k + 1, b)])
    return out


def one_class_per_name(folded: str, chosen: list[Span], lists: WordLists) -> list[Span]:
    """A name the article gives an organization, or a company's name without its endings, is an organization wherever
    the labeller read it as a person (洛必德科技有限公司…洛必德的产品); a place is one where the gazetteer or a pattern
    names it an organization, or where it has an institution's ending (华西医院)."""
    orgs = {folded[c[0] : c[1]] for c in chosen if c[2] == "Organization"}
    ends = _company_ends(lists.company_suffixes)
    people_to_orgs = orgs | {short for name in orgs if len(short := _short_company_name(name, ends)) >= 2}
    strong = {folded[c[0] : c[1]] for c in chosen if c[2] == "Organization" and c[3] != "crf"}
    return [(c[0], c[1], "Organization", c[3], c[4]) if c[3] == "crf" and (
            c[2] == "Person" and folded[c[0] : c[1]] in people_to_orgs
            or c[2] == "Location" and (folded[c[0] : c[1]] in strong or folded.endswith(_INSTITUTION_ENDS, c[0], c[1])))
            else c for c in chosen]


_INSTITUTION_ENDS = ("医院", "大学", "学院", "公司", "银行", "集团", "研究院", "研究所")
"""Endings of an institution's name: a labeller's place so named is the institution (华西医院)."""


@functools.lru_cache(maxsize=4)
def _company_ends(company_suffixes: frozenset[str]) -> tuple[str, ...]:
    """Company endings of two characters or more and the legal forms, longest first (有限公司 before 公司)."""
    return tuple(sorted({w for w in company_suffixes if len(w) >= 2} | {"公司", "有限公司", "有限责任公司", "股份有限公司"},
                        key=len, reverse=True))


def _short_company_name(name: str, ends: tuple[str, ...]) -> str:
    """A company's name less its company endings ``ends`` (洛必德科技有限公司 → 洛必德; 北京大学 stays); the name itself
    when it has none."""
    cut = True
    while cut:
        cut = False
        for w in ends:
            if name.endswith(w) and len(name) - len(w) >= 2:
                name, cut = name[: -len(w)], True
                break
    return name


_STREET_ENDS = ("路", "道", "街", "巷")
_CROSSINGS = ("交口", "交叉口", "路口", "交界", "交汇")
"""Words of a crossing: 三水道与榆林路交口 is one address, its 与 joins two streets."""


def place_after_place(c: Span, clash: list[Span], folded: str, countries: frozenset[str]) -> Span | None:
    """The place of a CRF place that is a country, a part of it and a place of two or three Han characters (加拿大|北部|
    魁北克), as a place of its own; None for anything else: a province and its city (广东湛江) stay one place, as a
    full address does (上海黄浦区南京路)."""
    if c[2] != "Location" or len(clash) != 1 or clash[0][2] != "Location" or clash[0][0] != c[0] \
            or folded[clash[0][0] : clash[0][1]] not in countries:
        return None
    start = clash[0][1]
    part = next((w for w in _DIRECTIONS if folded.startswith(w, start)), None)
    if part is None:
        return None
    rest = folded[start + len(part) : c[1]]
    if not 2 <= len(rest) <= 3 or not all(is_han(ch) for ch in rest) or rest[-1] in _ADDRESS_TAILS:
        return None
    return (start + len(part), c[1], "Location", c[3], c[4])


_DIRECTIONS = ("东北部", "西北部", "东南部", "西南部", "北部", "南部", "东部", "西部", "中部")
"""Parts of a country named between it and a place in it (加拿大北部魁北克)."""
_ADDRESS_TAILS = frozenset("路街道号巷弄楼镇村乡")
"""Last characters of a place below a district (南京路, 张江镇): a known place before one is part of an address."""


def registered_names(folded: str, chosen: list[Span], surface: dict, lists: WordLists) -> list[Span]:
    """A company's registered name is one mention: 三星（中国）投资有限公司, 恒生银行（中国）.

    An organization followed by a place (or 集团/国际/控股) in parentheses, and optionally by
    more words ending in 有限公司/集团/公司, absorbs them and the mentions inside them. ``surface`` maps the
    gazetteer's names to their rows (:attr:`kg.patterns.Lexicon.surface`), which tell a place.
    """
    if "（" not in folded and "(" not in folded:
        return chosen
    out = sorted(chosen)
    for c in [o for o in out if o[2] == "Organization"]:
        m = _REGISTERED.match(folded, c[1])
        if not m:
            continue
        inner = m.group(1)
        x = surface.get(inner)
        if not (inner in _REGISTERED_WORDS or (x is not None and x.label == "Location") or m.group(2)):
            continue  # a place in brackets, or any two to four characters before the legal form (金山云（庆阳）…有限公司)
        if not m.group(2) and not (folded[c[0] : c[1]].endswith(tuple(lists.org_suffixes))):
            continue  # 百度（北京）alone: keep the name and the place apart unless the name ends like a company
        span = (c[0], m.end(), "Organization", c[3], c[4])
        out = [o for o in out if not (o[0] >= c[0] and o[1] <= span[1])]
        out.append(span)
    return sorted(out)


def placed_registered_names(folded: str, chosen: list[Span]) -> list[Span]:
    """A registered name that opens with its place is one organization: 北京五季健康咨询有限公司,
    天津海峡信息技术合伙企业（有限合伙）, where the parts were read as a place and a shorter name.

    A place followed by 2–14 Han characters with no function word among them and a legal form
    (有限公司, 股份有限公司, 有限责任公司, 合伙企业（有限合伙）) absorbs them and the mentions inside.
    """
    if "有限" not in folded:
        return chosen
    out = sorted(chosen)
    for c in [o for o in out if o[2] == "Location"]:
        m = _PLACED_FIRM.match(folded, c[1])
        if not m or any(ch in _NOT_IN_FIRM for ch in m.group(1)):
            continue
        inside = [o for o in out if o[0] < m.end() and o[1] > c[0]]
        if any(o[0] < c[0] or o[1] > m.end() for o in inside):
            continue  # a mention reaching out of it: the run is not one name
        span = (c[0], m.end(), "Organization", "pattern:registered-name", 0.8)
        out = [o for o in out if o not in inside] + [span]
    return sorted(out)
