"""Entity spans found by surface patterns rather than the tagger: versions, quotes, titles, datelines, lists."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable

from kg.credits import credit_spans
from kg.mention_filters import trim
from kg.model_names import model_name_spans
from kg.patterns import (
    X_PLATFORM,
    BOOK_TITLE,
    CAMEL_NAME,
    DATELINE,
    DESCRIBED_LATIN_ORG,
    DOT_NAME,
    LATIN_MODEL,
    LATIN_ORG,
    LATIN_BROKER,
    LATIN_EMPLOYER,
    LATIN_PERSON,
    MEDIA_OUTLET,
    BRACKETED_STOCKS,
    QUOTED_INSTITUTION,
    QUOTED_ORG,
    CALLED_COMPANY,
    SOURCE_LINE,
    SOURCE_TEAMS,
    WordLists,
    is_han,
)

__all__ = ["pattern_spans", "word_spans"]

Span = tuple  # (start, end, label, source, confidence)
_NAME_TAGS = frozenset({"nr", "nrt", "nrf", "nrfg", "ns", "nt", "nz", "j"})
"""Segmenter tags of a proper-name token (not ``x``/``eng``: unknown words and punctuation)."""
_GLUED = frozenset("以由向从在对与和为被将把据")
"""Function characters a segmenter glues to a name (以捷普, 吴清到): such a token is no company's name."""
_MODEL_CUES = ("模型", "大模型", "发布", "版本", "推出", "上线", "开源", "model", "Model")
_STRICT_MODEL_CUES = ("模型", "大模型", "推理", "model", "Model")
"""Cues that a one-letter name with a version (R1, S1) is a model, where a product launch (P7, S25发布) is not one."""
_CAMEL_CUES = re.compile(r"^\s*(?:[（(]\s*一种|[是为]?一[个款种])?[^，。；\n]{0,12}?(?:模型|系统|聊天机器人|智能助手|大模型)")
_SCREEN_CUES = re.compile(r"电影|影片|票房|上映|电视剧|剧集|动画|导演|主演|游戏|玩家|歌曲|专辑|春晚|节目|栏目|综艺|央视|卫视|电视台|(?<!广)播出|联播|直播间|主持人|影视|观影|院线|档期")
_CONJ = ("不过", "而", "和", "及", "但", "与", "或", "如", "包括", "其中", "还有")


def word_spans(sents: list[tuple]) -> dict[int, tuple[int, str]]:
    """Each word's start in the article → its end and tag, from ``(start, end, [(s, e, pos) relative])`` sentences."""
    return {start + a: (start + b, pos) for start, _, toks in sents for a, b, pos in toks}


def pattern_spans(folded: str, sents: list[tuple], lists: WordLists, families: frozenset[str],
                  word_map: dict[int, tuple[int, str]] | None = None,
                  known: Callable[[str], bool] | None = None) -> list[Span]:
    """Spans the surface patterns find in the folded text: models with versions, quoted names, names with
    titles, transliterated names, bylines, datelines, 《titles》 (outside film and show news). ``word_map`` is
    :func:`word_spans` of ``sents`` where the caller has it already; ``known`` tells the words of the
    segmenter's dictionary (a word it only guessed, 卓含 or 董希淼 before 透露, may be a name)."""
    out: list[Span] = []
    for m in LATIN_MODEL.finditer(folded):
        s, e = m.span(1)
        fam = re.match(r"[A-Za-z]+", m.group(1))
        near = folded[max(0, s - 12) : e + 12]
        if any(h in folded[e : e + 6] for h in lists.hardware):
            continue
        if fam and len(fam.group(0)) == 1 and (fam.group(0) == "V" or "." in m.group(1)):
            continue  # a version number alone (V4.0, V3, X2.5), not a model's name
        if fam and fam.group(0) not in families and (m.group(1).split()[0] in lists.product_families
                                                     or fam.group(0) in lists.product_families):
            continue  # a phone, car, chip or system with its version (iPhone 16, Model 3, iOS18), not an AI model
        cues = _STRICT_MODEL_CUES if fam and len(fam.group(0)) == 1 else _MODEL_CUES
        if (fam and fam.group(0) in families) or any(c in near for c in cues):
            out.append((s, e, "AIModel", "pattern:latin-model", 0.85))
    for m in CAMEL_NAME.finditer(folded):
        s, e = m.span(1)
        if m.group(1) not in lists.generic and _CAMEL_CUES.match(folded, e):
            out.append((s, e, "AIModel", "pattern:model-cue", 0.75))
    for m in DOT_NAME.finditer(folded):
        first = folded.index("·", m.start())
        s = first
        while s > m.start() and first - s < 6 and folded[s - 1] in lists.translit:
            s -= 1
        if s > 0 and first - s >= 2 and (folded[s - 1 : s + 1] in lists.titles or folded[s - 1 : s + 1] in _TITLE_ENDS):
            s += 1  # 助理|迈克·沃尔茨: the last character of a title is no part of the name
        last = folded.rfind("·", s, m.end()) + 1
        j = last
        while j < m.end() and j - last < 8 and folded[j] in lists.translit:
            j += 1
        if s < first and j > last:
            out.append((s, j, "Person", "pattern:dot-name", 0.85))
    for m in LATIN_ORG.finditer(folded):
        if m.group(1).rstrip(".").rsplit(None, 1)[-1] in lists.latin_org_heads:
            out.append((_after_ticker(folded, m.start(1), m.end(1)), m.end(1), "Organization", "pattern:latin-org", 0.8))
    out.extend(model_name_spans(folded, lists))
    for m in X_PLATFORM.finditer(folded):
        s = m.start(1) if m.group(1) else m.start()
        out.append((s, s + 1, "Organization", "pattern:x-platform", 0.8))
    for m in BRACKETED_STOCKS.finditer(folded):
        for b in re.finditer(r"【([^】]+)】", m.group(0)):
            if b.group(1) not in lists.generic:
                out.append((m.start() + b.start(1), m.start() + b.end(1), "Organization", "pattern:bracketed-stock", 0.8))
    for m in QUOTED_ORG.finditer(folded):
        g = next(k for k in (1, 2, 3, 4, 5) if m.group(k) is not None)
        out.append((m.start(g), m.end(g), "Organization", "pattern:quoted-org", 0.8))
    for m in CALLED_COMPANY.finditer(folded):
        g = 1 if m.group(1) is not None else 2
        if m.group(g).strip() not in lists.generic:
            out.append((m.start(g), m.start(g) + len(m.group(g).rstrip()), "Organization", "pattern:called-company", 0.8))
    for m in DESCRIBED_LATIN_ORG.finditer(folded):
        name, e = m.group(1), m.end(1)
        words = name.split()
        while len(words) > 1 and words[-1] in lists.titles:  # 初创企业Mistral AI |CEO阿瑟·门斯: the title is his
            e -= len(words[-1]) + 1
            words.pop()
        if name not in lists.generic and words[0] not in lists.titles:
            out.append((m.start(1), e, "Organization", "pattern:described-org", 0.75))
    for m in LATIN_PERSON.finditer(folded):
        s, e = m.span(1)
        if m.group(1).rsplit(None, 1)[-1] in lists.latin_org_words:
            continue
        if folded[max(0, s - 2) : s] in _OUTLET_BEFORE or folded[e : e + 3].lstrip().startswith(_OUTLET_AFTER):
            out.append((s, e, "Organization", "pattern:latin-outlet", 0.75))  # 接受外媒Euronews Next采访
            continue
        before = folded[max(0, s - 20) : s]
        after = folded[e : e + 6].lstrip()
        # a title before the name, a speech verb after it, or a title in an apposition after a comma
        # (David Wadhwani, Adobe 数位媒体业务总裁：)
        apposition = re.match(r"\s*[,，]([^，。；;：:,\n]{1,20})", folded[e : e + 24])
        if any(t in before or (apposition and t in apposition.group(1)) for t in lists.titles if not t.isascii()) \
                or any(before.rstrip().endswith(t) for t in lists.titles if t.isascii()) \
                or after.startswith(tuple(lists.speech_verbs)) \
                or m.group(1).split(None, 1)[0] in lists.given_names:  # 亚马逊CEO Andy Jassy: a Latin title right before
            out.append((s, e, "Person", "pattern:latin-person", 0.8))  # Marc Toberoff致信: a common given name first
    word_map = word_spans(sents) if word_map is None else word_map
    out.extend(_employers(folded, word_map, lists))
    out.extend(_bilingual_firms(folded, word_map))
    out.extend(_founders_firms(folded, word_map, lists))
    for m in _NAME_WITH_POST.finditer(folded):  # 1.徐新（今日资本创始人）: a name with its post in brackets
        name, post = m.group(1), m.group(2).rstrip()
        if name[0] in lists.surnames and name not in lists.generic \
                and any(post.endswith(t) for t in lists.titles if len(t) >= 2):
            out.append((m.start(1), m.end(1), "Person", "pattern:name-post", 0.8))
    # a biography's subject (金本凯出生于1982年2月) and the author named after 作者是 (作者是王东京): names from a surname
    for rx, source in ((_BIO_NAME, "pattern:bio-name"), (_AUTHOR_IS, "pattern:author-is")):
        for m in rx.finditer(folded):
            name = m.group(1)
            if (name[0] in lists.surnames or name[:2] in lists.surnames) and name not in lists.generic:
                out.append((m.start(1), m.end(1), "Person", source, 0.8))
    head = DATELINE.match(folded)
    if head and len(folded) >= 150 and not head.group(1).startswith(("据", "本", "今", "昨", "这", "那", "《")):
        if "的" not in head.group(1) and head.group(1) not in lists.generic:
            out.append((head.start(1), head.end(1), "Organization", "pattern:dateline", 0.8))
    for m in SOURCE_LINE.finditer(folded):
        name, s = m.group(1), m.start(1)
        cut = min((k for k in (name.find(w, 2) for w in _SOURCE_RUN_ON) if k >= 2), default=len(name))
        e = s + cut  # 来源：天眼查|需要注意的是…, 天眼查|来源：…: the text the credit runs on into is no part of it
        digits = _PICTURE_NUMBER.search(folded, s, e)
        if digits:
            e = digits.start()  # 图片来源：摄图网|500819294: the picture's number in the agency's catalogue
        if not folded[s:e].endswith(SOURCE_TEAMS) and not _person_led(s, e, folded, sents, lists):
            out.append((s, e, "Organization", "pattern:source", 0.8))
    out.extend(credit_spans(folded, lists.surnames))  # bylines (BYLINE), producers, photo credits, analysts
    out.extend(_book_titles(folded, sents))
    for start, end, toks in sents:
        stext = folded[start:end]
        for k, (s, e, pos) in enumerate(toks):
            if pos == "nr" and 2 <= e - s <= 3 and stext[s] in lists.surnames:
                prev = stext[toks[k - 1][0] : toks[k - 1][1]] if k > 0 else ""
                nxt = stext[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
                if prev in lists.titles or nxt in lists.titles:
                    e = trim(stext, s, e, "Person", lists)  # 王鹤|现担任
                    out.append((start + s, start + e, "Person", "pattern:title-name", 0.85))
    for m in _titled_name_rx(lists.titles, lists.speech_verbs).finditer(folded):
        name, (s, e) = m.group(1), m.span(1)
        word = word_map.get(s)
        guessed = word is not None and word[0] == e and known is not None and not known(name) \
            and name[-1] not in _SAY_ENDS  # 负责人|卓含|透露: a word the segmenter guessed, not one it knows
        if word is None or not guessed and (word[0] == e and word[1] not in ("nr", "nrt", "nrfg", "x")
                                            or word[1].startswith(("v", "p", "c", "u", "d", "f", "r", "m", "q"))):
            continue  # no word starts there, one dictionary word (主席|席位), or a verb (导演|相|中): no name
        if (name[0] in lists.surnames or name[:2] in lists.surnames) and name not in lists.generic \
                and name[-1] not in _NOT_NAME_END and name[0] not in _NOT_NAME_END \
                and not any(name.endswith(v) for v in lists.speech_verbs if len(v) >= 2):  # 记者|时表示
            out.append((s, e, "Person", "pattern:title-name", 0.8))
    out.extend(_institutions(folded, sents, lists))
    out.extend(_outlets(folded, word_map, lists))
    out.extend((m.start(g), m.end(g), "Organization", "pattern:outlet", 0.75) for m in _LATIN_SOURCE.finditer(folded)
               for g in (1 if m.group(1) else 2,))
    return out


def _book_titles(folded: str, sents: list[tuple]) -> list[Span]:
    """Titles in 《》, read over the whole text (also one that a mark inside it cuts into two sentences: 《你好！世界》;
    a mark closing a title ends no sentence, :data:`kg.segment._SENTENCE_END`), unless the sentences they stand in
    speak of a screen work (电影, 节目, 游戏)."""
    out: list[Span] = []
    if "《" not in folded or not sents:
        return out
    starts = [start for start, _, _ in sents]
    for m in BOOK_TITLE.finditer(folded):
        first = max(bisect_right(starts, m.start()) - 1, 0)
        last = max(bisect_right(starts, m.end() - 1) - 1, 0)
        if not _SCREEN_CUES.search(folded, sents[first][0], sents[last][1]):
            out.append((m.start(1), m.end(1), "Publication", "pattern:book-title", 0.8))
    return out


_SOURCE_RUN_ON = ("来源", "需要", "截图", "显示", "数据显示", "注意", "整理", "制图", "客户端", "记者", "编辑", "作者", "微信公众号",
                  "公众号", "综合")
"""Words that start the text a source credit runs on into when no stop follows it (天眼查需要注意的是,
金融时报客户端记者：张冰洁)."""
_PICTURE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\d{4,}$")
"""A catalogue number glued to a picture agency's name (摄图网500819294)."""
_TITLE_ENDS = frozenset(("助理", "总理", "经理", "代理", "首相", "议员", "总统", "主席", "部长", "大使"))
"""Titles whose last character may also open a transliterated name (国家安全事务助理迈克·沃尔茨)."""
_SAY_ENDS = frozenset("称说道讲")
"""Verbs of saying that end a guessed word (曾称): no name."""
_NOT_NAME_END = frozenset("也则就又还都亦便曾将已等们均")
"""Adverbs and particles a speech verb may follow (巩旻也表示, 都认为): no part of a name."""


_AFTER_NAME = frozenset(("受访", "接受", "通过", "向记者", "对记者", "对", "向", "在", "则", "也", "还", "就", "曾", "近日",
                         "日前", "此前"))
"""Words that follow a titled person's name as often as a speech verb does (总裁谭待通过朋友圈回应, 副主任董希淼受访时,
负责人唐兴才则向记者, CEO李劲松对财联社表示)."""


@functools.lru_cache(maxsize=4)
def _titled_name_rx(titles: frozenset[str], verbs: frozenset[str]) -> re.Pattern:
    """A name of two or three Han characters between a title (副会长, 首席执行官, CEO) and a speech verb, 看来, a word
    that follows names (受访, 通过, 在) or a stop (副会长支培元看来，…, 院长张三表示): the stop or word after it says
    where the name ends, however the segmenter cut it. A rare character the Simplified form writes outside the basic
    block counts too (分析师郭明錤认为, folded to 郭明𫓹)."""
    heads = sorted((t for t in titles if len(t) >= 2 and (not t.isascii() or t.isupper())), key=len, reverse=True)
    ends = sorted({v for v in verbs if not v.isascii()} | {"看来", "看來"} | _AFTER_NAME, key=len, reverse=True)
    return re.compile(
        r"(?:" + "|".join(map(re.escape, heads)) + r")([\u4e00-\u9fff\U00020000-\U0002ffff]{2,3}?)(?="
        + "|".join(map(re.escape, ends)) + r"|[，。、；：,;:（(])"
    )


_NOUN_AFTER_REPORT = tuple(c + w for c in ("记者", "获悉", "报道", "消息", "讯", "报导") for w in "中里内的")
_REGION_OPENINGS = ("内地", "当地", "本地", "大陆", "国内", "海外")
_NOT_IN_OUTLET = frozenset("的了和与及或在是")
_NOT_OUTLET_START = ("p", "c", "u", "d", "r", "t", "m", "q", "v")
"""Tags of a word that does not open an outlet's name (据|澎湃新闻, 今天|新浪网): the name starts after it."""


def _outlets(folded: str, words: dict[int, tuple[int, str]], lists: WordLists) -> list[Span]:
    """Outlets named before a reporter or a report: 2–6 Han characters ending in 网 or 新闻
    (经济观察网获悉, 红星新闻记者), starting on a word that is no function word or verb (据|雷递网) or on
    the proper name after a common word (内地|红星新闻), and not a generic word nor ending in one
    (卫星互联网消息, 深交所官网消息)."""
    starts = {s: pos for s, (_, pos) in words.items()}  # word start → tag, with glued prepositions split off
    ends = {e: pos for e, pos in words.values()}
    for s in list(starts):
        if folded[s] in _GLUED and is_han(folded[s + 1 : s + 2] or "x"):
            starts.setdefault(s + 1, "n")  # 据雷|递网: a glued preposition
    generic = tuple(g for g in lists.generic if len(g) >= 2)
    out: list[Span] = []
    for m in MEDIA_OUTLET.finditer(folded):
        e = m.end(1)
        news = folded.endswith("新闻", 0, e)
        if news and (ends.get(e - 2) == "v" or folded.startswith(_NOUN_AFTER_REPORT, m.end())):
            continue  # 辨别|新闻: a verb and its object; 新闻报道中: the report itself
        if e not in ends and not (news and e - 2 in starts):
            continue  # the name ends inside a word (新闻|记者 may be one)
        shortest = 3 if folded[e - 1] == "网" else 4
        cands = [s for s in range(max(m.start(1), e - 6), e - shortest + 1)
                 if s in starts and not starts[s].startswith(_NOT_OUTLET_START) and folded[s] not in _GLUED]
        if not cands:
            continue
        s = cands[0]
        region = next((r for r in _REGION_OPENINGS if folded.startswith(r, s)), "")
        if region and s + len(region) in starts and e - s - len(region) >= shortest:
            s += len(region)  # 内地|九派新闻
        elif len(cands) > 1 and starts[s] == "n" and starts[cands[1]] in _NAME_TAGS:
            s = cands[1]  # a common word before a proper name: 内地|红星新闻
        name = folded[s:e]
        if not any(c in _NOT_IN_OUTLET for c in name) and name not in lists.generic \
                and not name.endswith(generic) and not name.startswith(lists.descriptor_prefixes):
            out.append((s, e, "Organization", "pattern:outlet", 0.8))
    return out


_PERSON_TAGS = frozenset({"nr", "nrfg"})
_LATIN_NAME = r"[A-Z][A-Za-z0-9]*(?:[ .&][A-Z][A-Za-z0-9]*){0,3}"
_LATIN_SOURCE = re.compile(
    rf"(?:媒体|博客|网站|杂志|外媒|美媒|英媒|通讯社|智库|研究机构|市场研究机构|咨询机构|调研机构|数据机构)\s?"
    rf"({_LATIN_NAME})\s?(?=报道|报导|援引|称|指出|分析|消息|发文|文章|数据|统计|预测|估计)"
    rf"|据\s?({_LATIN_NAME})\s?(?=报道|报导|消息|数据|统计|的数据|的统计|的报告)")
"""A Latin name after a word for a medium or a research firm, before its report, words or figures (知名金融博客ZeroHedge报道),
or after 据 before its report or figures (据Sensor Tower数据; not 据Jensen称, a person's words): the outlet or firm."""


_BILINGUAL_FIRM = re.compile(
    r"([\u4e00-\u9fff]{2,8})\(([A-Z][A-Za-z0-9.&\- ]{1,30})\)(?=的?(?:联合)?(?:创始人|创办人|CEO|CTO|COO|CFO|首席|董事长|总裁"
    r"|总经理|副总裁|合伙人|负责人|团队))")
"""A Han name with its Latin name in brackets before a title or a team (枫清科技（Fabarta）联合创始人, 心识宇宙（Mindverse）的创始人)."""
_NOT_FIRM_START = ("p", "c", "u", "d", "r", "v", "m", "q", "f", "t")


def _bilingual_firms(folded: str, words: dict[int, tuple[int, str]]) -> list[Span]:
    """:data:`_BILINGUAL_FIRM` spans: the firm's Han name starts at the first word of the run that is no function
    word or verb (用|心识宇宙), leaving at least two characters. ``words`` maps each word's start to its end and tag.

    Examples
    --------
    >>> t = "用心识宇宙(Mindverse)的创始人兼CEO陶芳波的话说"
    >>> [t[s:e] for s, e, *_ in _bilingual_firms(t, {0: (1, "p"), 1: (5, "n")})]
    ['心识宇宙']
    """
    out: list[Span] = []
    for m in _BILINGUAL_FIRM.finditer(folded):
        start = _firm_start(*m.span(1), words)
        if start is not None and folded.startswith(("公司", "企业"), start) and m.end(1) - start >= 4:
            start += 2  # 初创公司|米斯特拉尔（Mistral）: the word for a firm before its name
        if start is not None:
            out.append((start, m.end(1), "Organization", "pattern:bilingual-firm", 0.75))
    return out


def _firm_start(s: int, e: int, words: dict[int, tuple[int, str]]) -> int | None:
    """The first word start in ``s``–``e`` (before its last character) whose word is no function word, time or verb."""
    return next((k for k in range(s, e - 1) if k in words and not words[k][1].startswith(_NOT_FIRM_START)), None)


_FOUNDERS_FIRM = re.compile(
    r"(?:^|(?<=[，。；：:、\s“”（）()]))([\u4e00-\u9fff]{2,8}?)(?=(?:联合)?(?:创始人|创办人)(?:兼[A-Z]{2,3}|兼[\u4e00-\u9fff]{2,5})?"
    r"[\u4e00-\u9fff]{2,3}(?:表示|认为|指出|说|称|介绍|透露|直言|坦言|在|向|对))")
"""A name opening a clause before 创始人 and a person who speaks or acts (盛企融创始人张雪丽在接受采访时, 百联咨询创始人庄帅认为)."""


def _founders_firms(folded: str, words: dict[int, tuple[int, str]], lists: WordLists) -> list[Span]:
    """:data:`_FOUNDERS_FIRM` spans: the firm starts at the first word of the run that is no function word, time or
    verb (当|月之暗面, 前天|百度), runs over no such word after it, and is no generic word (有限公司, 成熟公司).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> t = "当月之暗面联合创始人张予彤在朋友圈写下"
    >>> [t[s:e] for s, e, *_ in _founders_firms(t, {0: (1, "p"), 1: (5, "nt"), 5: (7, "b")}, load_word_lists())]
    ['月之暗面']
    """
    out: list[Span] = []
    for m in _FOUNDERS_FIRM.finditer(folded):
        s, e = m.span(1)
        if folded[e - 1] == "的":
            e -= 1
        start = _firm_start(s, e, words)
        if start is None or any(words[k][1].startswith(_NOT_FIRM_START) for k in range(start + 1, e) if k in words):
            continue
        name = folded[start:e]
        if len(name) >= 2 and name not in lists.generic and not name.endswith(("公司", "企业", "集团公司")) \
                and not name.startswith(lists.descriptor_prefixes):
            out.append((start, e, "Organization", "pattern:founders-firm", 0.7))
    return out


def _employers(folded: str, names: dict[int, tuple[int, str]], lists: WordLists) -> list[Span]:
    """A capitalised Latin name right before a title and a person's name is the person's employer
    (Janus Henderson 投资组合经理 Richard Clode, Acme 首席执行官张三表示); a Han name after the title must
    start with a surname and be followed by a pause or a verb of saying; no function word but a leading 的
    sits between the name and the title. ``names`` maps each word's start to its end and tag (:func:`word_spans`)."""
    out: list[Span] = []
    titles = tuple(t for t in lists.titles if not t.isascii())
    for m in LATIN_EMPLOYER.finditer(folded):
        name, words = m.group(1), m.group(2)
        after = m.end()
        cut = next((k for k in (len(words) - 2, len(words) - 3) if k >= 2 and words[:k].endswith(titles)), 0)
        if not words.endswith(titles) and cut and not folded[m.end(2) : m.end(2) + 1].isspace():
            words, after = words[:cut], m.start(2) + cut  # FutureLabs首席专家|胡延平表示: the name was read with the title
        chief = words.startswith("首席") and words.endswith("官")  # 首席研究官: any chief officer
        if not (words.endswith(titles) or chief) or name in lists.generic or name.split()[0] in lists.titles \
                or len(name) < 2 or any(c in _NOT_IN_OUTLET for c in words[1:]):
            continue  # 被 HLE 接收的问题的作者: a clause, not a title
        if words[0] in lists.loc_suffixes:
            continue  # BC|省省长: a place
        if is_han(folded[after]) and not ("·" in folded[after + 1 : after + 5] or (
                folded[after] in lists.surnames and names.get(after, (0, ""))[1] in _PERSON_TAGS)):
            continue  # a Han name after the title: a surname tagged as a person's name, or a transliteration (亚瑟·…)
        out.append((m.start(1), m.end(1), "Organization", "pattern:employer", 0.75))
    return out


_TICKER = re.compile(r"[A-Z]{2,5}(?= [A-Z][A-Za-z]* [A-Z])")


def _after_ticker(folded: str, s: int, e: int) -> int:
    """Start of a Latin organization's name after a stock ticker written before it (GOOGL|Alphabet Inc in a
    list of linked stocks): an all-capitals word the article also writes as a ticker, in parentheses or at the
    end of a link ((GOOGL), /analysis/MMAT)); ``s`` where there is none.

    Examples
    --------
    >>> t = "[MMAT Meta Materials Inc](/analysis/MMAT) 和 IBM Research"
    >>> t[_after_ticker(t, 1, 24) : 24], t[_after_ticker(t, 44, 56) : 56]
    ('Meta Materials Inc', 'IBM Research')
    """
    m = _TICKER.match(folded, s, e)
    if m and re.search(r"[(/]" + m.group(0) + r"\)", folded):
        return m.end() + 1
    return s


def _person_led(s: int, e: int, folded: str, sents: list[tuple], lists: WordLists) -> bool:
    """A source that begins with a person's name going on with 的, a verb or another name (来源：李东阳的朋友圈,
    杨植麟回复原文), not an outlet whose name the tagger reads as a name (伯虎财经, 同花顺网站)."""
    for start, end, toks in sents:
        if start <= s < end:
            for k, (ts, te, pos) in enumerate(toks[:-1]):
                if start + ts == s and pos in _PERSON_TAGS and 2 <= te - ts <= 3 and folded[s] in lists.surnames:
                    ns, ne, npos = toks[k + 1]
                    return start + ns < e and (folded[start + ns] == "的" or npos[0] == "v" or npos in _PERSON_TAGS)
    return False
_OFFICE_NAME_TAGS = frozenset({"nr", "nrt", "nrf", "nrfg", "nz"})
_NOT_QUOTED_NAME = ("以", "为", "自己", "建设", "我们", "你们", "他们", "全国重点", "国家重点", "省重点", "国家级", "省级")


def _institutions(folded: str, sents: list[tuple], lists: WordLists) -> list[Span]:
    """Quoted institution names (「微电子技术联盟」), firms whose analysts are quoted (Stifel 分析师) and
    names after an office of state (副总统|万斯)."""
    out: list[Span] = []
    for m in QUOTED_INSTITUTION.finditer(folded):
        name = m.group(1).strip()
        han = sum("\u4e00" <= c <= "\u9fff" for c in name)
        if han < (6 if name.endswith("中心") else 4) or name.startswith(_NOT_QUOTED_NAME) or name in lists.generic:
            continue  # quotes mark a name, so a descriptive opening (智慧出行…联盟) does not count against it
        out.append((m.start(1), m.start(1) + len(name), "Organization", "pattern:quoted-institution", 0.8))
    for m in LATIN_BROKER.finditer(folded):
        name = m.group(1)
        if name in lists.generic or name.endswith("ETF") or name.split()[0] in lists.titles:
            continue
        out.append((m.start(1), m.end(1), "Organization", "pattern:analyst-firm", 0.75))
    for start, end, toks in sents:
        stext = folded[start:end]
        for k in range(1, len(toks)):
            s, e, pos = toks[k]
            if pos in _OFFICE_NAME_TAGS and 2 <= e - s <= 3 and stext[s] in lists.surnames \
                    and stext[toks[k - 1][0] : toks[k - 1][1]] in lists.office_titles \
                    and all("\u4e00" <= c <= "\u9fff" for c in stext[s:e]):
                out.append((start + s, start + e, "Person", "pattern:office-name", 0.8))
    return out


_OUTLET_BEFORE = ("外媒", "媒体", "据")
_OUTLET_AFTER = ("采访", "报道", "援引", "消息称", "获悉")
"""Words around a Latin name that make it a news outlet (据外媒Euronews Next报道)."""
_BIO_NAME = re.compile(
    r"(?:^|(?<=[。！？!?\s，,：:；;]))([\u4e00-\u9fff]{2,3})"
    r"(?=[，,](?:男|女)[，,]|出生于|生于|毕业于|(?:19|20)\d\d年(?:\d{1,2}月)?(?:出生|生于|毕业于|考入|进入|加入|担任|出任)"
    r"|是[^，。,；;]{2,16}?的?(?:董事长|创始人|联合创始人|校长|总裁|首席执行官|CEO|院长)[，。,；;])"
)
"""A name opening a biography: 金本凯出生于…, 夏潇潇，女，…, 陈希孺1956年毕业于…, 喻渭蛟是圆通速递的董事长，…"""
_AUTHOR_IS = re.compile(r"(?:作\s?者|著者|编者|译者)(?:是|为|:|：)\s?([\u4e00-\u9fff]{2,3}?)(?=[，。,；;、）)\s]|$|著|编)")
"""A Chinese name right after 作者是 / 作者： and before a stop (作者是王东京，, 作者：巫哲 著)."""
_NAME_WITH_POST = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})[（(]([^（）()\n，。]{2,24})[）)]")
"""Two or three Han characters opening a clause, then a post in brackets (徐新（今日资本创始人）)."""
