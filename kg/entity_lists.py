"""Entities read from the company they keep: members of coordinated lists (A、B、C和D) and cited sources."""

from __future__ import annotations

import re

from kg.patterns import WordLists

__all__ = ["coordinated", "cited_sources", "watch_lists"]

Span = tuple  # (start, end, label, source, confidence)

_LIST = re.compile(
    r"[^、，,。；;：:！？!?\s（）()《》“”\"「」]{1,16}(?:、\s?[^、，,。；;：:！？!?（）()《》“”\"「」]{1,16}){1,}?"
    r"(?:(?:、|和|及|与|以及)[^、，,。；;：:！？!?（）()《》“”\"「」等]{1,16})?(?=等|[，,。；;：:！？!?（）()]|$)"
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ .\-][A-Za-z0-9]+)*")
_LATIN_END = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ .\-][A-Za-z0-9]+)*$")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_BREAK = re.compile(r"[、，,。；;：:！？!?]")
_MODEL_CUE = re.compile(
    r"等(?:多款|多个|几款|数款|[一二三四五六七八九十两几数]+[款个种])?"
    r"(?:(?:AI|AIGC|人工智能|生成式AI)(?:应用|App|APP|app|产品|助手|工具)|(?:AI|AI)?大模型|模型)"
)
_TECH_CUE = re.compile(r"等[^，,。；;：:、]{0,8}?技术")
_ORG_CUE = re.compile(
    r"等(?:多家|[一二三四五六七八九十两几数百千]+家|一批|一众|众多|知名|头部|国内|国际|海外|全球|主流|大型|龙头|领先|上市|"
    r"科技|互联网|AI|人工智能|芯片|半导体|云|基金|创新|初创|新兴)*"
    r"(?:公司|企业|厂商|车企|券商|银行|机构|投资机构|大厂|巨头|院校|高校)(?!高管|创始人|负责人|董事|员工|人士|代表|老板|掌门|股|概念)"
)
"""A list closed by a kind of organization (恒玄科技、中科蓝讯、炬芯科技等公司; 等多家头部基金公司): its members are
organizations (not 等地的企业: places)."""
_ORG_LEAD = re.compile(r"(?:公司|企业|厂商|车企|券商|机构|基金公司)(?:诸如|比如|例如|如|包括|有)\s?[:：]?\s?$")
"""A kind of organization before a list (港股公司诸如方舟健客、医渡科技): its members are organizations."""
_KIND_END = re.compile(r"(?:公司|基金|机构|企业|交易所|银行|平台|厂商)$")
"""A member named by its kind (金融科技公司, 不良资产投资基金): after a kind cue it needs a proper name inside."""
_OPENING = re.compile(r".*(?:如|由|有|是|为|包括|：|老股东)")
"""Words a segmenter glues to a list's first member (如林泰新材, 由达晨财智): the member starts after them."""
_INVESTOR_CUE = re.compile(r"(?:投资方|投资机构|参投方|领投方|跟投方|出资方|(?:老|主要|新|原|现有)股东)(?:包括|为|有|是|分别为|分别是)?\s?[:：]?\s?$")
"""Words before a list of a funding round's investors (投资方包括美团、金石投资、源码; 老股东深创投、中网投): its members
are organizations."""
_COUNTED = re.compile(r"[一二三四五六七八九十两几数多][大家个款种类项]")
"""A counted group (四大基模, 三大电信运营商), not a name."""
_FUNCTION = ("p", "u", "c", "d", "r", "v", "m", "q", "f", "t", "y", "e", "o")
"""Tags of function words and verbs (包括, 为, 由, 有): a list's first or last member does not run over one."""
_BY_COMPANY = ("Organization", "Person", "Location", "AIModel")
"""Classes an unknown member takes from its fellows; techniques only from a 等…技术 cue (保鲜、天文 are fields)."""
_CONJ = ("和", "及", "与", "以及", "或")
_NOT_NAME_START = ("包括", "如", "例如", "比如", "以及", "还有", "其中", "旗下", "推出", "上线", "发布")
_WEAK = ("crf", "pattern:enumeration", "pattern:company-name")
"""Sources that a list's cue (等多款AI应用) may relabel; gazetteer and other pattern spans keep their class."""


def coordinated(folded: str, sents: list[tuple], chosen: list[Span], lists: WordLists) -> list[Span]:
    """``chosen`` with unknown members of a coordinated list labelled like the recognised ones.

    In ``A、B、C和D`` or ``A、B及C等``, a name-like member nothing recognised (Latin or Han,
    2–12 characters, not a generic word) takes the class that at least two recognised members
    share; a list closed by 等(多款)AI应用/大模型 makes its members AI models, one closed by 等…技术
    technologies.
    """
    by_start = {c[0]: c for c in chosen}
    by_end = {c[1]: c for c in chosen}
    taken = [False] * (len(folded) + 1)
    for c in chosen:
        taken[c[0] : c[1]] = [True] * (c[1] - c[0])
    out = list(chosen)
    relabel: dict[int, Span] = {}
    for start, end, toks in sents:
        stext = folded[start:end]
        if "、" not in stext:
            continue
        bounds = {start + s for s, _, _ in toks} | {start + e for _, e, _ in toks}
        tags = {(start + s, start + e): p for s, e, p in toks}
        known_spans = {(c[0], c[1]) for c in chosen if start <= c[0] < end}
        for m in _LIST.finditer(stext):
            members = _members(folded, start + m.start(), start + m.end(), by_end, by_start)
            if members and members[0] not in known_spans and not _LATIN.fullmatch(folded, *members[0]):
                fs, fe = members[0]  # an unknown Han opening: the words after the last function word
                fs = max((b for (a, b), p in tags.items() if fs < b < fe and p.startswith(_FUNCTION)), default=fs)
                cut = _OPENING.search(folded, fs, fe)
                members[0] = (cut.end() if cut else fs, fe)
            if members and members[-1] not in known_spans and not _LATIN.fullmatch(folded, *members[-1]):
                ls, le = members[-1]  # an unknown last member running on (唐一鸣为副行长): up to a function word
                members[-1] = (ls, min((a for (a, b), p in tags.items() if ls < a < le and p.startswith(_FUNCTION)),
                                       default=le))
            if len(members) < 3 and "、" not in m.group(0):
                continue
            after = folded[start + m.end() : start + m.end() + 14]
            mc = _MODEL_CUE.match(after)
            if mc and after.startswith(("公司", "企业", "厂商", "股", "概念", "板块", "开发商"), mc.end()):
                mc = None  # 等AI应用公司: the members are companies
            cue = "AIModel" if mc else "Technology" if _TECH_CUE.match(after) else None
            investors = cue is None and bool(members) and _INVESTOR_CUE.search(
                folded, max(start, members[0][0] - 12), members[0][0]) is not None
            by_kind = cue is None and bool(members) and bool(
                _ORG_CUE.match(after) or _ORG_LEAD.search(folded, max(start, members[0][0] - 8), members[0][0]))
            if investors or by_kind:
                cue = "Organization"
            known = [by_start[s] for s, e in members if s in by_start and by_start[s][1] == e]
            counts: dict[str, int] = {}
            for c in known:
                counts[c[2]] = counts.get(c[2], 0) + 1
            label = cue or next((k for k, n in counts.items()
                                 if n >= 2 and 2 * n > len(known) and k in _BY_COMPANY), None)
            if label is None:
                continue
            for s, e in members:
                c = by_start.get(s)
                if c is not None and c[1] == e:
                    if cue and c[2] != cue and c[3] in _WEAK:
                        relabel[s] = (s, e, cue, "pattern:list-member", 0.7)
                    continue
                crowded = cue is None and len(known) >= 3 and 2 * len(known) >= len(members)
                named = investors or crowded or by_kind and not _KIND_END.search(folded, s, e) and not any(
                    p.startswith("a") for (a, b), p in tags.items() if s <= a and b <= e)  # not 积极与…等机构
                if any(taken[s:e]) or not _name_like(folded[s:e], s, e, bounds, tags, lists, named):
                    continue  # 网易有道、学而思、希沃、弈小象、中公: among many names of a kind, a short word is one too
                if label == "Person" and not (_HAN.fullmatch(folded, s, e) and e - s <= 4):
                    continue  # a person in a list of names is a Han name of two to four characters
                out.append((s, e, label, "pattern:list-member", 0.7))
                taken[s:e] = [True] * (e - s)
    chosen_set = set(chosen)
    return sorted(relabel.get(c[0], c) if c in chosen_set else c for c in out)


def _members(folded: str, s: int, e: int, by_end: dict, by_start: dict) -> list[tuple[int, int]]:
    """Character spans of a list's members; the first is cut to a recognised name, a Latin run or a
    trailing Han word, the last to a recognised name or a Latin run when more follows it."""
    text = folded[s:e]
    parts: list[tuple[int, int]] = []
    pos = 0
    for piece in re.split(r"(、\s?|以及|和|及|与)", text):
        if re.fullmatch(r"、\s?|以及|和|及|与", piece):
            pos += len(piece)
            continue
        parts.append((s + pos, s + pos + len(piece)))
        pos += len(piece)
    parts = [p for p in parts if p[1] > p[0]]
    if len(parts) < 2:
        return []
    fs, fe = parts[0]
    first = by_end.get(fe)
    if first is not None and (first[0] >= fs or not _BREAK.search(folded, first[0], fs)):
        parts[0] = (first[0], fe)  # a recognised name, spaces inside it too (由Andreessen Horowitz、红杉资本)
    else:
        m = _LATIN_END.search(folded, fs, fe)
        parts[0] = (m.start(), fe) if m else parts[0]
    ls, le = parts[-1]
    last = by_start.get(ls)
    if last is not None and last[1] <= le:
        parts[-1] = (ls, last[1])
    elif not folded.startswith("等", le):
        m = _LATIN.match(folded, ls, le)
        parts[-1] = (ls, m.end()) if m else parts[-1]
    return parts


def _name_like(name: str, s: int, e: int, bounds: set[int], tags: dict, lists: WordLists,
               named_by_cue: bool = False) -> bool:
    """A member that may be a name: 2–12 characters, all Latin or all Han, not generic; a Han member
    lies on token boundaries and has a proper-name or unknown token and no verb after its first word (not
    荣耀宣布 in OPPO、荣耀宣布与DeepSeek达成合作; after a cue that makes the members names, such as 投资方包括,
    any token but a function word or a verb)."""
    if not 2 <= len(name) <= 12 or name in lists.generic or name.startswith(_NOT_NAME_START) or _COUNTED.search(name):
        return False
    if _LATIN.fullmatch(name):
        return name.upper() != name or len(name) >= 3
    if not _HAN.fullmatch(name) or s not in bounds or e not in bounds:
        return False
    inner = [p for (a, b), p in tags.items() if a >= s and b <= e]
    if named_by_cue:
        return bool(inner) and not any(p.startswith(("p", "u", "c", "v", "d", "r", "f", "t")) and p != "vn" for p in inner)
    return bool(inner) and any(p in lists.proper_pos for p in inner) and not any(p == "v" for p in inner[1:])


_CITED = re.compile(r"(?:^|(?<=[，,。；;：:\s]))(?:据|根据)([A-Za-z0-9\u4e00-\u9fff]{2,12}?)的?(?:数据|统计|报告|调查|研究|显示|报道)")
_EARNER = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))([A-Za-z0-9\u4e00-\u9fff]{2,12}?)(?:20\d\d年(?:全年|上半年|前三季度|第[一二三四]季度)?)?"
    r"(?:实现营收|实现营业收入|营收|营业收入|净利润)"
)
_NOT_SOURCE = ("第三方", "官方", "公开", "市场", "行业", "相关", "最新", "有关", "初步", "不完全", "业内", "机构", "媒体",
               "公司", "集团", "该", "本", "其", "此", "这", "那", "我", "他", "各", "多", "全", "上", "去年", "今年",
               "同期", "报道", "消息", "统计", "调查", "研究", "数据", "财报", "年报", "海关", "国内", "国外", "全球", "中国",
               "归", "实现", "故", "占", "预计", "期内", "当年", "但", "扣非", "新的", "已经", "美国市场")
_NOT_SOURCE_END = ("归母", "预计", "分别", "不完全", "内部", "年度", "的资料", "电力现货", "资产评估", "海外", "市场", "记者", "官网", "榜", "云", "公司", "产品", "合计", "安排", "媒体", "外媒", "人士", "网友", "消息")
"""Openings of a cited source that is no organization's name (第三方数据, 公开数据, 市场研究, 其营收)."""


def cited_sources(folded: str, sents: list[tuple], lists: WordLists) -> list[Span]:
    """Organizations cited for figures or news (据科智咨询统计, 根据三体云动的数据, 据猎云精选报道) or reporting figures
    (猿界算力2024年实现营收):
    the cited name must look like a name, not a kind of source (第三方数据, 市场研究, 公司营收)."""
    out: list[Span] = []
    for start, end, toks in sents:
        stext = folded[start:end]
        if not any(w in stext for w in ("据", "营收", "营业收入", "净利润")):
            continue
        for pat in (_CITED, _EARNER):
            for m in pat.finditer(stext):
                s, e = m.span(1)
                if _source_name(stext[s:e], s, e, toks, lists):
                    out.append((start + s, start + e, "Organization", "pattern:cited-source", 0.7))
    return out


def _source_name(name: str, s: int, e: int, toks: list[tuple], lists: WordLists) -> bool:
    if name in lists.generic or name.startswith(_NOT_SOURCE) or name.endswith(_NOT_SOURCE_END) or "的" in name \
            or name.isdigit() or _COUNTED.search(name):
        return False
    if not (_LATIN.fullmatch(name) or _HAN.fullmatch(name) or re.fullmatch(r"[A-Za-z]+[\u4e00-\u9fff]+", name)):
        return False
    inner = [(a, b, p) for a, b, p in toks if a < e and b > s]
    body = inner[:-1] if name.endswith(tuple(lists.company_suffixes)) else inner
    if any(p.startswith(_FUNCTION) for _, _, p in body):
        return False  # a clause, not a name (增速高于同期商业银行, 仅有威龙股份)
    if any(c.isascii() and c.isalpha() for c in name):
        return True
    if any(p in lists.proper_pos for _, _, p in inner) or name.endswith(tuple(lists.company_suffixes)) and len(name) >= 4:
        return True
    return len(inner) >= 2 and inner[0][0] >= s - 1 and inner[-1][1] == e and all(p == "n" for _, _, p in inner)


_WATCH_CUE = re.compile(
    r"(?:建议关注|重点关注|推荐关注|关注标的|受益标的|相关标的|核心标的|相关个股|相关公司|受益公司|概念股|标的)"
    r"(?:包括|有|为)?[：:]"
    r"|标的[，,]\s?(?=如|包括|例如|比如)"
)
"""A broker's or commentator's cue before lists of listed companies (建议关注：1）AI+诊断：联影医疗、万东医疗……;
…的标的，如豆神教育、昂立教育等)."""
_WATCH_RUN = re.compile(
    r"(?:^|(?<=[：:；;，,\s）)]))((?:[\u4e00-\u9fffA-Za-z0-9]{2,8}、)+[\u4e00-\u9fffA-Za-z0-9]{2,8})(?=等|以及|[；;。，,\s（(]|$)"
)
_LIST_LEADS = ("包括", "包含", "剔除", "例如", "比如", "如", "其中", "含", "了")
"""Words glued to a watch list's first item (包含百度集团)."""
_COMPANY_ENDS = ("医疗", "健康", "基因", "诊断", "医学", "信息", "技术", "网络", "数据")
"""Endings of listed companies' short names beside ``lists.company_suffixes`` (科技, 股份, 医药 …)."""


def watch_lists(folded: str, lists: WordLists) -> list[Span]:
    """Listed companies named in a watch list after a cue (建议关注：…；受益标的：…): each run of items
    joined by 、 within the next 600 characters is a list of companies when one item ends like a company
    (联影医疗、万东医疗、迈瑞医疗); a list of sectors (算力、存储、光模块) has no such item.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> t = "建议关注： 1）AI+诊断：联影医疗、万东医疗、迪安诊断； 2）AI+机器人：微创机器人、天智航等。"
    >>> [t[s:e] for s, e, *_ in watch_lists(t, load_word_lists())]
    ['联影医疗', '万东医疗', '迪安诊断', '微创机器人', '天智航']
    >>> watch_lists("建议关注：算力、存储、光模块。", load_word_lists())
    []
    """
    out: list[Span] = []
    ends = _COMPANY_ENDS + tuple(lists.company_suffixes)
    for cue in _WATCH_CUE.finditer(folded):
        window_end = min(len(folded), cue.end() + 600)
        stop = folded.find("\n\n", cue.end(), window_end)
        window = folded[cue.end() : stop if stop >= 0 else window_end]
        for run in _WATCH_RUN.finditer(window):
            items = run.group(1).split("、")
            if items[-1].endswith("等") and len(items[-1]) > 2:
                items[-1] = items[-1][:-1]  # 天智航等
            if len(items) < 2 or not any(i.endswith(ends) for i in items):
                continue
            pos = cue.end() + run.start(1)
            for item in items:
                lead = next((w for w in _LIST_LEADS if item.startswith(w) and len(item) - len(w) >= 2), "")
                name = item[len(lead):]  # 包含|百度集团, 剔除|安井食品
                if 2 <= len(name) <= 8 and name not in lists.generic and not name.isdigit():
                    out.append((pos + len(lead), pos + len(item), "Organization", "pattern:watch-list", 0.7))
                pos += len(item) + 1
    return out


_MOVERS = re.compile(
    r"(?:^|(?<=[：:；;，,。\s）)]))((?:[\u4e00-\u9fffA-Za-z0-9]{2,8}、)*[\u4e00-\u9fffA-Za-z0-9]{2,8}?)等?"
    r"(?=涨停|跌停|跟涨|跟跌|领涨|领跌|涨超|跌超|涨逾|跌逾|大涨|大跌|收涨|收跌)"
)
"""Stocks named by how they moved (华大智造、思创医惠、贝瑞基因涨停, 医渡科技涨超25%)."""
_NOT_STOCK_ENDS = ("板块", "概念", "指数", "概念股", "个股", "行业", "ETF", "基金", "方向", "赛道", "股", "市场")


def stock_movers(folded: str, lists: WordLists) -> list[Span]:
    """Listed companies named by how their shares moved: each item of a run before 涨停, 跟涨, 涨超…, when
    one item ends like a company (华大智造、思创医惠、贝瑞基因涨停); not sectors (半导体板块涨超3%).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> t = "截至收盘，华大智造、思创医惠、贝瑞基因涨停，港股方面，医渡科技涨超25%，半导体板块涨超3%。"
    >>> [t[s:e] for s, e, *_ in stock_movers(t, load_word_lists())]
    ['华大智造', '思创医惠', '贝瑞基因', '医渡科技']
    """
    out: list[Span] = []
    ends = _COMPANY_ENDS + tuple(lists.company_suffixes)
    for run in _MOVERS.finditer(folded):
        items = run.group(1).split("、")
        items[-1] = items[-1].split("等")[0]  # 万达信息|等纷纷, 石头科技|等股票
        stripped = True
        while stripped:
            stripped = False
            for tail in _MOVE_TAILS:
                if items[-1].endswith(tail) and len(items[-1]) - len(tail) >= 2:
                    items[-1] = items[-1][: -len(tail)]  # 东风科技|一字涨停, 引力传媒|纷纷封板
                    stripped = True
        first = items[0]
        lead = next((w for w in _MOVE_LEADS if first.startswith(w) and len(first) - len(w) >= 2), "")
        items[0] = first[len(lead):]  # 其中|岩石股份, 港股|医渡科技
        named = [i for i in items if len(i) >= 3 and any(i.endswith(x) and len(i) > len(x) + 1 for x in ends)]
        if not named or any(i.endswith(_NOT_STOCK_ENDS) or i in lists.generic for i in items):
            continue
        pos = run.start(1) + len(lead)
        for item in items:
            if 2 <= len(item) <= (8 if item.isascii() else 6) and not item.isdigit():
                out.append((pos, pos + len(item), "Organization", "pattern:stock-mover", 0.7))
            pos += len(item) + 1
    return out


_MOVE_TAILS = ("股价分别", "股价", "一字", "纷纷", "双双", "相继", "集体", "分别", "一度", "盘中", "批量", "即封", "封板", "均",
               "20cm", "20CM", "10cm", "10CM", "上")
"""Words between a stock's name and its move (东风科技一字涨停, 四川长虹股价分别涨停)."""
_MOVE_LEADS = ("其中", "港股", "美股", "A股", "昨天", "今天", "今日", "成份股", "成分股", "持仓股", "个股", "龙头")
"""Words glued before the first stock of a run (其中岩石股份, 港股医渡科技)."""

