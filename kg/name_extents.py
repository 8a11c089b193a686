"""Where a name found in an article starts and ends, and which class it keeps: the corrections made to the
labeller's and the patterns' names once all of them are in (kg.entities.find_mentions).

Places the labeller joined are apart (上海大学与上海市宝山区), a country before a part of it and a place is its own
mention (加拿大北部|魁北克), a company's registered name is one mention (三星（中国）投资有限公司,
北京五季健康咨询有限公司), and a name the article gives an organization is one wherever the labeller read it otherwise
(洛必德科技有限公司…洛必德). A description of a company's trade before its name is no part of it
(算法软件开发商|超数智能), nor is a web or e-mail address a name runs into (luoyidan@xjbnews.com 新京报贝壳财经).
"""

from __future__ import annotations

import functools
import re

from kg.patterns import WordLists, is_han

__all__ = ["whole_given_names", "places_apart", "place_after_place", "one_class_per_name",
           "registered_names", "placed_registered_names", "after_trade", "link_spans", "outside_links"]

Span = tuple  # (start, end, label, source, confidence)

_REGISTERED = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)]([\u4e00-\u9fff]{0,10}?(?:股份有限公司|有限责任公司|有限公司|集团|公司))?")
_REGISTERED_WORDS = frozenset(("集团", "国际", "控股", "亚洲", "中国"))
_PLACED_FIRM = re.compile(r"([\u4e00-\u9fff]{2,14}?)(股份有限公司|有限责任公司|有限公司|合伙企业[（(]有限合伙[）)])")
"""The trade name and business of a registered name after its place, up to its legal form (北京|五季健康咨询有限公司)."""
_NOT_IN_FIRM = frozenset("的是在和与及了等为从向对将被把")


_CAPITAL_WORDS = ("首都", "首府")
"""Words between a country or region and its capital (法国首都巴黎)."""


def places_apart(text: str, spans: list[tuple[int, int]], toks: list[tuple]) -> list[tuple[int, int]]:
    """Places the labeller joined over the word 与 or 和 (上海大学与上海市宝山区), or over the word for a capital
    (法国首都巴黎), each apart; not two streets of a crossing (三水道与榆林路交口) nor a name holding the character
    (和平区). ``toks`` are the sentence's tokens."""
    out = []
    for a, b in spans:
        cap = next((i for i, j, _ in toks if a + 2 <= i and j <= b - 2 and text[i:j] in _CAPITAL_WORDS), -1)
        if cap >= 0:
            out.extend([(a, cap), (cap + 2, b)])
            continue
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
    魁北克), or a country and its state or province (印度|古吉拉特邦), as a place of its own; None for anything else:
    a province and its city (广东湛江) stay one place, as a full address does (上海黄浦区南京路)."""
    if c[2] != "Location" or len(clash) != 1 or clash[0][2] != "Location" or clash[0][0] != c[0] \
            or folded[clash[0][0] : clash[0][1]] not in countries:
        return None
    start = clash[0][1]
    part = next((w for w in _DIRECTIONS if folded.startswith(w, start)), None)
    rest = folded[start + len(part or "") : c[1]]
    if part is None:
        # 印度|古吉拉特邦, 美国|加州: a country and one of its states or provinces, named by its unit word
        if not 2 <= len(rest) <= 5 or rest[-1] not in _STATE_TAILS or not all(is_han(ch) for ch in rest):
            return None
        return (start, c[1], "Location", c[3], c[4])
    if not 2 <= len(rest) <= 3 or not all(is_han(ch) for ch in rest) or rest[-1] in _ADDRESS_TAILS:
        return None
    return (start + len(part), c[1], "Location", c[3], c[4])


_STATE_TAILS = frozenset("邦州省")
"""Last characters of a country's first-level part (古吉拉特邦, 加州, 安大略省)."""
_DIRECTIONS = ("东北部", "西北部", "东南部", "西南部", "北部", "南部", "东部", "西部", "中部")
"""Parts of a country named between it and a place in it (加拿大北部魁北克)."""
_ADDRESS_TAILS = frozenset("路街道号巷弄楼镇村乡")
"""Last characters of a place below a district (南京路, 张江镇): a known place before one is part of an address."""


def registered_names(folded: str, chosen: list[Span], surface: dict, lists: WordLists) -> list[Span]:
    """A company's registered name is one mention: 三星（中国）投资有限公司, 恒生银行（中国）.

    An organization followed by a place (or 集团/国际/控股) in parentheses, and optionally by
    more words ending in 有限公司/集团/公司, absorbs them and the mentions inside them. ``surface`` maps the
    gazetteer's names to their rows (:attr:`kg.gazetteer.Lexicon.surface`), which tell a place.
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


_FIRM_HEADS = ("企业", "公司", "药企", "车企")
"""Words for a firm that a description of its field ends with, before the firm's name."""
_FIELDS = ("生物", "医药", "制药", "生物科技", "科技", "人工智能", "AI", "芯片", "半导体", "汽车", "新能源", "互联网", "金融",
           "投资", "咨询", "软件", "电商", "游戏", "机器人", "通信", "电子", "能源", "网络安全", "安全", "云计算", "大数据")
"""Fields of business that describe a firm before its name (上海生物医药企业复宏汉霖)."""
_COMPANY_WORDS = ("公司", "公告", "官网", "年报", "财报", "股东", "高管", "员工", "总部")
"""Endings that make 公司 and what follows a phrase about the company (公司公告, 公司全资子公司), not a name."""
_TRADE_HEADS = ("开发商", "服务商", "供应商", "提供商", "制造商", "运营商", "生产商", "方案商", "集成商", "开发者")


def after_trade(text: str, s: int, e: int) -> int:
    """New start of an organization name a description of its trade runs into: 算法软件开发商|超数智能,
    AI原生应用服务商|智策领航 (what the company does, then its name of two characters or more).

    Examples
    --------
    >>> t = "AI理论与算法软件开发商超数智能"
    >>> t[after_trade(t, 5, len(t)):]
    '超数智能'
    >>> after_trade("中国移动运营商", 0, 7), after_trade("中国企业联合会", 0, 7)
    (0, 0)
    >>> t = "上海生物医药企业复宏汉霖"
    >>> t[after_trade(t, 0, len(t)):]
    '复宏汉霖'
    >>> t = "初创公司米斯特拉尔"
    >>> t[after_trade(t, 2, len(t)):]
    '米斯特拉尔'
    """
    best = s
    if text.startswith("公司", s) and e - s >= 5 and all(is_han(c) for c in text[s + 2 : e]) \
            and not text.endswith(_COMPANY_WORDS, s, e):
        return s + 2  # 初创|公司米斯特拉尔: the word for a company the labeller began the name with (not 公司公告)
    for head in _TRADE_HEADS:
        k = text.rfind(head, s, e)
        if k > s and e - (k + len(head)) >= 2 and all(is_han(c) for c in text[k + len(head) : e]):
            best = max(best, k + len(head))
    for head in _FIRM_HEADS:
        k = text.rfind(head, s, e - 2)
        rest = text[k + len(head) : e]
        if k > s and text.endswith(_FIELDS, s, k) and len(rest.strip()) >= 2 and (is_han(rest[0]) or rest[0].isalnum()):
            best = max(best, k + len(head))  # 上海生物医药企业|复宏汉霖, 美国生物制药公司|Summit Therapeutics, 网络安全公司|360…
    return best


_LINK = re.compile(r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
"""A web address or an e-mail address (https://github.com/deepseek-ai/…, luoyidan@xjbnews.com): no names inside."""


def link_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the web and e-mail addresses in ``text``."""
    return [m.span() for m in _LINK.finditer(text)] if ("@" in text or "://" in text or "www." in text) else []


def outside_links(c: tuple, links: list[tuple[int, int]], text: str) -> tuple | None:
    """The span less a web or e-mail address it overlaps (luoyidan@xjbnews.com 新京报贝壳财经 → 新京报贝壳财经);
    None when nothing of two characters or more is left."""
    s, e = c[0], c[1]
    for ls, le in links:
        if s < le and ls < e:
            s, e = (le, e) if e - le >= ls - s else (s, ls)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s < 2 and not ((s, e) == (c[0], c[1]) and c[3] == "pattern:x-platform"):
        return None  # a name of one character only for the network X, named as a platform
    return c if (s, e) == (c[0], c[1]) else (s, e, *c[2:])


_NOT_GIVEN = frozenset("在是和与及的了说称表认指等也都就将被把从向对为于讲道曾已正又还并而但则问答谈们")
"""Characters after a two-character name that start the clause, not the name (李明在, 王伟称, 张三等)."""
_AFTER_NAME = frozenset("在说表认指称等的和与曾也则是")
"""Characters that may follow a whole name (郭明錤在X上披露)."""


def whole_given_names(folded: str, chosen: list[Span], surnames: str) -> list[Span]:
    """A person's two-character name the labeller cut before the last character of the given name, where the
    article writes the three characters twice before a break or a clause word (赵复初称 … 赵复初表示, 于东来曾);
    not 张兰|承认, 雷军|时 (the clause's words), nor a character written after the name once (黄珊|发).

    Examples
    --------
    >>> t = "分析师郭明錤在X上披露，张伟在会上发言。郭明錤称，需求回暖。"
    >>> got = whole_given_names(t, [(3, 5, "Person", "crf", 0.9), (12, 14, "Person", "crf", 0.9)], "郭张")
    >>> [t[s:e] for s, e, *_ in got]
    ['郭明錤', '张伟']
    """
    taken = {i for c in chosen for i in range(c[0], c[1])}
    out = []
    for c in chosen:
        s, e = c[0], c[1]
        if c[2] == "Person" and e - s == 2 and folded[s] in surnames and e < len(folded) and is_han(folded[e]) \
                and folded[e] not in _NOT_GIVEN and e not in taken \
                and _written_again(folded, folded[s : e + 1]):
            c = (s, e + 1, *c[2:])
        out.append(c)
    return out


def names_before_latin(folded: str, chosen: list[Span], translit: frozenset[str], titles: frozenset[str]) -> list[Span]:
    """The transliterated name right before a person's Latin name in brackets, written without a dot, is that person
    too (首席财务官阿什肯纳齐（Anat Ashkenazi）): two to eight transliterating characters no mention holds, after a
    title or no Han character (not the end of a name that opens with another character: 德国总理朔|尔茨).

    Examples
    --------
    >>> t = "Alphabet首席财务官阿什肯纳齐（Anat Ashkenazi）透露"
    >>> s = t.index("Anat")
    >>> got = names_before_latin(t, [(0, 8, "Organization", "lexicon:x", 0.9), (s, s + 14, "Person", "crf", 0.9)],
    ...                          frozenset("阿什肯纳齐尔茨"), frozenset({"首席财务官", "总理"}))
    >>> [t[a:b] for a, b, *_ in got]
    ['Alphabet', '阿什肯纳齐', 'Anat Ashkenazi']
    >>> t = "德国总理朔尔茨(Olaf Scholz)"
    >>> names_before_latin(t, [(7, 18, "Person", "crf", 0.9)], frozenset("阿什肯纳齐尔茨"), frozenset({"总理"}))
    [(7, 18, 'Person', 'crf', 0.9)]
    """
    taken = {i for c in chosen for i in range(c[0], c[1])}
    out = list(chosen)
    for c in chosen:
        k = c[0] - 1
        if c[2] != "Person" or k < 2 or folded[k] not in "（(" or not folded[c[0] : c[1]].isascii():
            continue
        j = k
        while j > 0 and k - j < 8 and folded[j - 1] in translit and j - 1 not in taken:
            j -= 1
        if k - j >= 2 and (j == 0 or not is_han(folded[j - 1]) or any(
                folded.endswith(t, 0, j) for t in titles if len(t) >= 2 and not t.isascii())):
            out.append((j, k, "Person", "pattern:name-before-latin", 0.8))
    return sorted(out)


def _written_again(folded: str, name: str) -> bool:
    """Whether ``name`` occurs twice before a break or a clause word (赵复初称 … 赵复初表示)."""
    n, i = 0, folded.find(name)
    while i >= 0:
        j = i + len(name)
        if j >= len(folded) or not is_han(folded[j]) or folded[j] in _AFTER_NAME:
            n += 1
        i = folded.find(name, j)
    return n >= 2
