"""Credits kept inside article text: bylines, producers, photo credits, analysts and report authors.

JSON Lines news keeps its text as given, so lines such as ``文丨雅萱 编辑丨叶锦言 出品丨深网·腾讯新闻小满工作室``,
``（腾讯科技特约编译金鹿）``, a reporter's name in parentheses at the very end (``（陈十一）``), photo credits
(``东方IC``, ``图源：视觉中国``) and analysts' certificate lines (``陈筱，资格证书编号：S0880515040003``,
``本文作者：张建民S12305180600001，徐菲，王逢节``) stay in the body. :func:`credit_spans` reads them as
Person and Organization spans; :func:`credited_works` reads who the credit says wrote which 《work》.

Both work on the folded text (full-width punctuation as ASCII: ``：`` is ``:``, ``（`` is ``(``).

Examples
--------
>>> sn = frozenset("陈叶")
>>> [(t, label) for s, e, label, *_ in credit_spans("文丨雅萱 编辑丨叶锦言 出品丨深网·腾讯新闻小满工作室 正文", sn)
...  for t in ["文丨雅萱 编辑丨叶锦言 出品丨深网·腾讯新闻小满工作室 正文"[s:e]]]
[('雅萱', 'Person'), ('叶锦言', 'Person'), ('深网', 'Organization'), ('腾讯新闻小满工作室', 'Organization')]
"""

from __future__ import annotations

import re

from kg.patterns import BYLINE

__all__ = ["credit_spans", "credited_works", "CERTIFICATE"]

Span = tuple  # (start, end, label, source, confidence)

_HAN = "\u4e00-\u4e27\u4e29-\u9fff"
"""Han characters, less 丨 (a separator in 文丨雅萱)."""
_H = f"[{_HAN}]"
_ROLES = "特约编译|责任编辑|编译|作者|记者|编辑|责编|撰文|撰稿|摄影|实习生|通讯员"
"""Words of a credit in parentheses before a person's name (腾讯科技特约编译金鹿)."""
_SHORT_ROLES = "文|图|摄"
_NOT_NAMES = frozenset(
    "编辑 记者 作者 来源 出品 撰文 撰稿 责编 编译 摄影 校对 审校 主编 策划 统筹 实习生 通讯员 本文 原文 原文标题 "
    "图片 图源 插图 配图 特约 本报 综合 整理 报道 供图 视觉中国 新华社".split()
)
"""Words a credit puts where a name could stand, never names themselves."""
_ORG_ENDS = ("社", "网", "报", "台", "局", "部", "院", "所", "司", "团队", "中心", "工作室", "科技", "新闻", "财经", "传媒", "杂志")
"""Endings that make a credited name an outlet rather than a person (文|新华社)."""
_SEP = r"\s*[丨|｜/:]\s*"
_CREDITED_OUTLET = re.compile(rf"({_H}{{2,8}}?(?:社|网|报|新闻|财经|传媒|杂志|观察|研究院|工作室))(?=[\s,，、|丨｜]|$)")
"""An outlet credited where a writer's name would stand (文 | 数读社，作者 | 卢梭)."""

_NAME = re.compile(rf"{_H}{{2,4}}(?!{_H})")
_NEXT_NAME = re.compile(rf"\s*[,、]\s*({_H}{{2,4}})(?!{_H})")
_NOT_SPACED_NAME_END = frozenset("代朝国省市县区日月年")
"""Last characters of a word after a credited name that is no name (唐代, 北京市, 周日)."""
_SPACED_NAME = re.compile(rf"[ \u3000]({_H}{{2,3}})(?=[ \u3000】\]）)]|$)")
_CERT_AFTER = re.compile(r"\s*S\d{8,}")
"""An analyst's certificate number glued to the name (张建民S12305180600001)."""

PRODUCER = re.compile(rf"(?:出品|出品方|出品人|联合出品){_SEP}([^\s,，。、;；|丨:()（）《\-的]{{2,12}})"
                      r"(?=[\s,，。、;；|丨:()（）《\-的]|$)")
"""The producing outlets, joined by · (出品丨深网·腾讯新闻小满工作室), up to a space, a mark or 的: never a run
of text glued to the credit (出品/三言ProDeepSeek的热度持续)."""
PHOTO = re.compile(rf"(?:图源|图片来自|图片来源|题图来源|题图|配图|图片){_SEP}([^\s,，。、;；|丨:()（）\-]{{2,16}})")
"""A photo credit's agency (图源：视觉中国)."""
_AGENCIES = ("东方IC", "视觉中国", "图虫创意", "IC photo", "CFP", "人民视觉", "Getty Images", "Unsplash")
"""Photo agencies credited alone between sentences."""
_PHOTO_SOURCE = re.compile(r"(?:官网|官微|官博|官方微博|微博|官方微信公众号|微信公众号|公众号|小程序|朋友圈|财报截图|视频截图|截图|"
                           r"招股说明书|招股书|年报|季报|财报|公告|报告|报道|官网PPT|PPT|App|APP|(?<=[\u4e00-\u9fff])\d+)$")
"""Where on an outlet's or company's own channel the picture was found (必和必拓官微): the owner is credited."""
_NOT_PHOTO_ORGS = frozenset("网络 企业 外媒 美媒 法媒 日媒 韩媒 英媒 采访对象 受访者 受访者供图 受访企业 AI制作 AI生成 网友 截自财报 "
                            "资料图 资料图片 公司 官方 企业官方 公开资料 公开信息 三季报".split())
_NOT_PHOTO_ENDS = ("记者", "摄", "制图", "制作", "生成", "整理", "供图", "其中", "截自", "资料")
AGENCY = re.compile(r"(?<![^\s。!?！？])(" + "|".join(re.escape(a) for a in _AGENCIES) + r")(?=\s|$)")
_SENT_FROM = re.compile(rf"(?<![^\s>])((?:{_H}{{2,3}}\s+){{1,3}})发自\s*{_H}{{2,6}}(?!{_H})")
"""Writers named before 发自 and the place they write from, opening an article (> 金磊 一水 发自 凹非寺)."""
_LATIN_CREDIT = re.compile(r"(?<![\u4e00-\u9fffA-Za-z])(?:文|作者|撰文|编辑|责编)\s*[丨|｜/:]\s*([A-Za-z][A-Za-z0-9_]{2,15})"
                           r"(?=\s|[丨|｜/,，]|编辑|责编|图|$)")
"""A writer or editor credited by a Latin pen name (文 | kiki, 作者 | ZeR0编辑 | 漠影)."""
_NOT_PEN_NAMES = frozenset(("AI", "AIGC", "GPT", "CEO", "CTO", "App", "APP", "app", "DeepSeek", "ChatGPT", "OpenAI"))
_REPORTED_FROM = re.compile(rf"记者\s*({_H}{{2,3}})\s+{_H}{{2,6}}(?:报道|电)")
"""A reporter named before the place the report comes from (记者石飞月 北京报道)."""
_SENT_FROM_WITHIN = 80
"""How far into the text such a credit may start."""
PAREN_CREDIT = re.compile(rf"\(([^()]{{0,10}}?)(?:{_ROLES})\s*({_H}{{2,4}})\s*\)")
"""A credit in parentheses (腾讯科技特约编译金鹿), (编辑 夏军雄)."""
END_NAME = re.compile(rf"[。!?！？”\s]\s*\(\s*({_H}{{2,4}})\s*\)\s*$")
"""A reporter's name in parentheses closing the article (（陈十一）)."""
CERTIFICATE = re.compile(r"[,，]?\s*(?:SAC)?(?:资格证书编号|执业证书编号|证书编号|执业编号|登记编号)\s*:?\s*S\d{8,}")
"""An analyst's certificate number after the name (，资格证书编号：S0880515040003)."""
_BEFORE_CERT = re.compile(rf"((?:{_H}[\s\xa0]*){{2,8}})$")
TITLE = re.compile(r"《([^《》\n]{2,60})》")


def _is_name(name: str, surnames: frozenset[str], strict: bool = False) -> bool:
    """A credited person's name: 2–4 Han characters, not a credit word or an outlet; with ``strict``, a
    known surname first."""
    if not 2 <= len(name) <= 4 or name in _NOT_NAMES or name.endswith(_ORG_ENDS):
        return False
    if len(name) == 4 and name[0] not in surnames and name[:2] not in surnames:
        return False  # 文丨猎云精选: four characters without a surname are an outlet
    if any(name.startswith(w) or name.endswith(w) for w in ("编辑", "记者", "作者", "来源", "出品")):
        return False
    return not strict or name[0] in surnames or name[:2] in surnames


_NEXT_ROLES = ("设计", "摄影", "编辑", "记者", "整理", "制图", "校对", "撰文", "报道", "统筹")


def _without_etc(s: int, e: int, folded: str) -> tuple[int, int]:
    """A name's span less a closing 等 (张继强，仇文竹等) or the next credit's word glued to it (胡军设计／刘冰)."""
    if e - s > 2 and folded[e - 1] == "等":
        return s, e - 1
    if e - s == 4 and folded[e - 2 : e] in _NEXT_ROLES:
        return s, e - 2
    return s, e


_GLUED_CREDIT = re.compile(rf"{_H}{{2,3}}(?=(?:{_ROLES}|审核|校对|美编|排版)\s*[丨|｜/:])")
"""A name the next credit's word is glued to (作者 | 许丽思编辑 | 漠影)."""
_GLUED_OUTLET = re.compile(rf"({_H}{{4,9}})\d{{1,2}}月\d{{1,2}}日")
"""A name the outlet's dateline is glued to (编辑 | 漠影智东西2月8日报道), the outlet named before it."""


DATELINE = re.compile(rf"^\s*({_H}{{2,6}}(?:网|社|报|新闻|财经))\s+({_H}{{2,3}})\s+\d{{1,2}}月\d{{1,2}}日")
"""An outlet, its writer and the date opening the article (雷递网 乐天 2月10日)."""


def _first_name(folded: str, pos: int) -> tuple[int, int] | None:
    m = _GLUED_CREDIT.match(folded, pos) or _NAME.match(folded, pos)
    if m:
        return m.span()
    m = _GLUED_OUTLET.match(folded, pos)
    if m:
        run = m.group(1)
        for k in (2, 3):  # the longest outlet named before: 漠影|智东西, not 漠影智|东西
            if len(run) - k >= 2 and 0 <= folded.find(run[k:]) < pos:
                return pos, pos + k
    return None


def _names_after(folded: str, pos: int, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """The names of a credit list starting at ``pos`` (张建民S1230…，徐菲，王逢节), up to the first item
    that is no name (来源：…); the first may have the next credit or the outlet's dateline glued to it
    (智东西…作者 | 许丽思编辑 | 漠影智东西2月8日报道).

    Examples
    --------
    >>> t = "智东西(公众号:zhidxcom)作者 |  许丽思编辑 |  漠影智东西2月8日报道"
    >>> [t[s:e] for s, e in _names_after(t, t.index("许"), frozenset("许"))]
    ['许丽思']
    >>> [t[s:e] for s, e in _names_after(t, t.index("漠"), frozenset("许"))]
    ['漠影']
    >>> t = "【环球时报驻法国特派特约记者 尚凯元 董铭 环球时报特约记者 李达飞 于文】"
    >>> [t[s:e] for s, e in _names_after(t, t.index("尚"), frozenset("尚董李于"))]
    ['尚凯元', '董铭']
    """
    span = _first_name(folded, pos)
    if span is None or folded[span[1] : span[1] + 1] == ":" or not _is_name(folded[span[0] : span[1]], surnames):
        return []
    out = [_without_etc(*span, folded)]
    end = span[1]
    while True:
        c = _CERT_AFTER.match(folded, end)
        if c:
            end = c.end()
        n = _NEXT_NAME.match(folded, end)
        spaced = n is None
        if spaced:  # 特约记者 尚凯元 董铭: names a space apart, each after a known surname and of two or three characters
            n = _SPACED_NAME.match(folded, end)
        if not n or folded[n.end() : n.end() + 1] in (":", "：") or not _is_name(n.group(1), surnames, strict=spaced) \
                or spaced and n.group(1)[-1] in _NOT_SPACED_NAME_END:
            return out  # 作者：王维 唐代: an age, a place or a time after the name, no second name
        out.append(_without_etc(*n.span(1), folded))
        end = n.end()


_ANALYST_TITLES = ("首席分析师", "分析师", "研究员", "策略师", "经济学家")


def _certified(folded: str, surnames: frozenset[str]) -> list[tuple[int, int, int]]:
    """Analysts named before a certificate number: (start, end, end of the certificate)."""
    out = []
    for m in CERTIFICATE.finditer(folded):
        run = _BEFORE_CERT.search(folded, max(0, m.start() - 16), m.start())
        if not run:
            continue
        s = run.start(1)
        chars = [(i, c) for i, c in enumerate(folded[s : m.start()], s) if not c.isspace()]
        joined = "".join(c for _, c in chars)
        for title in _ANALYST_TITLES:  # 分析师陈筱: the name follows the title (师 is also a surname)
            j = joined.rfind(title)
            if j >= 0 and len(joined) - j - len(title) >= 2:
                chars = chars[j + len(title) :]
                break
        if len(chars) > 4:  # 分析师陈筱: the name is the end of the run, from a surname
            for k in (3, 2):
                if chars[-k][1] in surnames:
                    chars = chars[-k:]
                    break
            else:
                continue
        name = "".join(c for _, c in chars)
        if _is_name(name, surnames):
            out.append((chars[0][0], chars[-1][0] + 1, m.end()))
    return out


def credit_spans(folded: str, surnames: frozenset[str]) -> list[Span]:
    """Person and Organization spans of the credits in the folded text.

    Examples
    --------
    >>> t = "本文作者:张建民S12305180600001,徐菲,王逢节,来源:通信张建民团队"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset("张徐王"))]
    ['张建民', '徐菲', '王逢节']
    >>> t = "雷递网 乐天 2月10日 宇树科技正在招兵买马。"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset("乐"))]
    ['雷递网', '乐天']
    >>> t = "> 鱼羊 西风 发自 凹非寺 > > 量子位 | 公众号 QbitAI"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset())]
    ['鱼羊', '西风']
    >>> t = "文 | kiki 备受关注的苹果选了阿里。作者 | ZeR0编辑 | 漠影"
    >>> sorted(t[s:e] for s, e, *_ in credit_spans(t, frozenset()))
    ['ZeR0', 'kiki', '漠影']
    >>> t = "本报记者石飞月 北京报道 自上个月爆火以来"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset("石"))]
    ['石飞月']
    >>> t = "【文/观察者网 赖家琪】中国人工智能应用程序"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset("赖"))]
    ['观察者网', '赖家琪']
    >>> t = "金融科技迎来新机遇。(陈十一)"
    >>> [t[s:e] for s, e, *_ in credit_spans(t, frozenset("陈"))]
    ['陈十一']
    """
    out: list[Span] = []
    for m in BYLINE.finditer(folded):
        names = _names_after(folded, m.end(), surnames)
        for s, e in names:
            out.append((s, e, "Person", "pattern:byline", 0.85))
        outlet = _CREDITED_OUTLET.match(folded, m.end())
        if not names and outlet:
            out.append((outlet.start(1), outlet.end(1), "Organization", "pattern:credit-org", 0.8))  # 文 | 数读社
            after = outlet.end(1)
            while after < len(folded) and folded[after] in " \u3000":
                after += 1
            first = _NAME.match(folded, after)
            if after > outlet.end(1) and not m.group(0).startswith(("图", "摄")) and first \
                    and _is_name(first.group(0), surnames, strict=True):  # 文/观察者网 赖家琪: the writer after it
                for s, e in _names_after(folded, after, surnames):
                    out.append((s, e, "Person", "pattern:byline", 0.85))
    m = _SENT_FROM.search(folded, 0, _SENT_FROM_WITHIN + 20)
    if m and m.start() <= _SENT_FROM_WITHIN:
        for name in re.finditer(rf"{_H}+", m.group(1)):  # nicknames as often as names: the credit vouches for them
            if name.group() not in _NOT_NAMES:
                out.append((m.start(1) + name.start(), m.start(1) + name.end(), "Person", "pattern:byline", 0.85))
    for m in _LATIN_CREDIT.finditer(folded):
        if m.group(1) not in _NOT_PEN_NAMES:
            out.append((m.start(1), m.end(1), "Person", "pattern:byline", 0.8))
    for m in _REPORTED_FROM.finditer(folded):
        if _is_name(m.group(1), surnames, strict=True):
            out.append((m.start(1), m.end(1), "Person", "pattern:byline", 0.85))
    m = DATELINE.match(folded)
    if m and _is_name(m.group(2), surnames, strict=True):
        out.append((m.start(1), m.end(1), "Organization", "pattern:credit-org", 0.8))
        out.append((m.start(2), m.end(2), "Person", "pattern:byline", 0.85))
    for m in PAREN_CREDIT.finditer(folded):
        if _is_name(m.group(2), surnames):
            out.append((m.start(2), m.end(2), "Person", "pattern:byline", 0.85))
    m = END_NAME.search(folded)
    if m and _is_name(m.group(1), surnames, strict=True):
        out.append((m.start(1), m.end(1), "Person", "pattern:byline", 0.8))
    for s, e, _ in _certified(folded, surnames):
        out.append((s, e, "Person", "pattern:byline", 0.85))
    for m in PRODUCER.finditer(folded):
        pos = m.start(1)
        for part in m.group(1).split("·"):
            if len(part) >= 2:
                out.append((pos, pos + len(part), "Organization", "pattern:credit-org", 0.8))
            pos += len(part) + 1
    for rx in (PHOTO, AGENCY):
        for m in rx.finditer(folded):
            if not re.match(r"\s|$|[)）*]", folded[m.end(1) : m.end(1) + 1]):
                continue  # runs on into the text (摄图网1手握…)
            name = _PHOTO_SOURCE.sub("", m.group(1).rstrip("*"))
            if len(name) >= 2 and name not in _NOT_PHOTO_ORGS and not name.endswith(_NOT_PHOTO_ENDS) \
                    and not name.startswith(("《", "基于", "据", "@")) and len(name) <= 12 \
                    and not re.search(r"的|创始人|集团.{2}$|\d{4}", name):
                out.append((m.start(1), m.start(1) + len(name), "Organization", "pattern:credit-org", 0.8))
    return out


def credited_works(folded: str, surnames: frozenset[str]) -> list[tuple[tuple[tuple[int, int], ...], tuple[int, int], tuple[int, int]]]:
    """Who a credit says wrote which 《work》: (author spans, title span inside 《》, evidence span).

    Two shapes: ``本文作者：A，B，C，…原文标题：《T》`` and ``《T》A，资格证书编号：S…B，资格证书编号：S…``.

    Examples
    --------
    >>> t = "本文作者:张建民S12305180600001,徐菲,来源:某团队,原文标题:《运营商:AI有望驱动算力价值重估》"
    >>> [([t[s:e] for s, e in names], t[ts:te]) for names, (ts, te), _ in credited_works(t, frozenset("张徐"))]
    [(['张建民', '徐菲'], '运营商:AI有望驱动算力价值重估')]
    """
    out = []
    for m in re.finditer(r"(?:本文作者|报告作者|作者|分析师)\s*:\s*", folded):
        names = _names_after(folded, m.end(), surnames)
        if not names:
            continue
        t = re.compile(r"(?:原文标题|报告标题|标题|原标题)\s*:\s*《([^《》\n]{2,60})》").search(folded, names[-1][1],
                                                                                     names[-1][1] + 80)
        if t:
            out.append((tuple(names), t.span(1), (m.start(), t.end())))
    certified = _certified(folded, surnames)
    for t in TITLE.finditer(folded):
        names, end = [], t.end()
        for s, e, cert_end in certified:
            if s >= end and not folded[end:s].strip(" \xa0\u3000"):
                names.append((s, e))
                end = cert_end
        if names:
            out.append((tuple(names), t.span(1), (t.start(), end)))
    return out
