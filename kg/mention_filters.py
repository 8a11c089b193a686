"""Checks on candidate entity spans: which CRF names are plausible, where a name starts and ends.

How overlapping spans combine, the last check on a chosen mention and the sense of a name shared by a
company and its model are in :mod:`kg.overlaps`.

Used by :func:`kg.entities.find_mentions`; spans are ``(start, end, label, source, confidence)``.
"""

from __future__ import annotations

import functools
import re

from kg.patterns import WordLists, is_han
from kg.stock_indices import before_index

__all__ = ["pieces", "trim", "bare_name", "glued_start", "plausible", "text_is_cased", "text_is_spaced"]

_SPLIT = re.compile(r"[（）()【】\[\]「」『』《》“”\"'、，,。：:；;！!？?|｜/\n\t*]+")
_DESCRIPTORS = frozenset(("一家", "这家", "那家", "该", "多家", "某", "各", "每家", "几家", "一些"))
_REGION_WORDS = frozenset(("国内", "海外", "全球", "国际", "本土", "当地", "中美", "中外", "地方", "各地", "境内", "境外"))
_COMPANY_HEADS = frozenset(
    ("公司", "企业", "机构", "厂商", "巨头", "初创公司", "初创企业", "创业公司", "独角兽", "集团", "实验室",
     "研究机构", "科技公司", "企业家", "品牌", "团队", "平台", "媒体", "服务公司", "投资公司", "药企", "车企", "科企")
)
_FIELD_WORDS = frozenset(
    ("人工智能", "AI", "研究", "初创", "创业", "科技", "技术", "互联网", "机器人", "芯片", "半导体", "软件", "硬件",
     "自动驾驶", "智能驾驶", "新能源", "电动车", "汽车", "生物", "医药", "生物医药", "游戏", "金融", "投资", "咨询",
     "大模型", "智能", "数据", "云计算", "云", "网络安全", "安全", "电商", "通信", "科研", "研发", "算力", "具身智能",
     "生成式", "新兴", "知名", "领先", "大型", "小型", "头部", "龙头", "上市", "新", "老牌", "本土", "外资", "民营", "国有",
     "风险投资", "风投", "资产管理", "资管", "服务", "软件服务", "大", "小", "中小", "领域", "行业", "相关", "概念", "生物制药",
     "制药", "生物科技", "生物技术", "医疗", "医疗器械", "药企")
)
"""Words that describe what a company does or is (人工智能, 初创, 知名), not what it is called."""
_WEAK_ORG = 0.6
"""Below this confidence a CRF organization needs an organization ending (公司, 银行, 科技) to be kept."""
_HAN_SPACE = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
_NAME_POS = ("nr", "nrt", "nrfg")
_HYPHEN_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:-[\u4e00-\u9fff]{1,6})+")
_SHORT_CAPS = re.compile(r"[A-Z]{1,3}")
"""Two or three capitals alone (CP, TV): an abbreviation, a name only where the article says so."""
_NEXT_ABBR = re.compile(r"\s*[、和与及/]\s*[A-Z]{2,5}(?![A-Za-z])")
_PREV_ABBR = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}\s*[、和与及/]\s*$")
_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+")
"""One Latin word with a capital inside (ToolBench, RestBench)."""
_SPACED = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
_CODE = re.compile(r"[A-Za-z]+\d|\d+[A-Za-z]")
_LETTERS_THEN_DIGITS = re.compile(r"[a-z]{3,}\d{2,}")
"""A lower-case word with a number glued after it (bet365): a site's name, unlike a product code (H100, RTX4090)."""
_SCHOOLS = ("大学", "学院", "学校")
_THING_TAILS = ("器", "芯片", "设备", "系统", "软件", "算法", "手机", "电脑", "服务器", "电池")
"""Endings of things, not of organizations (中央处理器, 鸿蒙系统): a statistical organization ending so is dropped,
as is one ending like an event (奥林匹克竞赛; ``lists.event_words``) or like people (美国亿万富翁)."""
_PEOPLE_TAILS = ("富翁", "富豪", "首富", "特工", "网友", "华裔", "华人")
"""Endings of words for people, not of organizations (美国亿万富翁, 民主党特工)."""



def pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a span at punctuation and at spaces that do not join two Latin words.

    Examples
    --------
    >>> pieces("阿里、腾讯", 0, 5)
    [(0, 2), (3, 5)]
    >>> pieces("财联社 夏军雄", 0, 7), pieces("Google DeepMind", 0, 15)
    ([(0, 3), (4, 7)], [(0, 15)])
    """
    out = []
    pos = s
    for m in _SPLIT.finditer(text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    if " " in text[s:e]:
        # a space between Han characters separates (（财联社 夏军雄）); one between Latin words joins
        split = []
        for a, b in out:
            for m in _HAN_SPACE.finditer(text, a, b):
                split.append((a, m.start() + 1))
                a = m.end() - 1
            split.append((a, b))
        out = split
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 2:
            res.append((a, b))
    return res


def trim(text: str, s: int, e: int, label: str, lists: WordLists) -> int:
    """New end of an organization or place name that ran into a title or a team.

    恩智浦执行|长 (the name stops before the title 执行长), 深圳分行行长 (before the title),
    人工智能学院研究团队 (before the team).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> trim("恩智浦执行长说", 0, 5, "Organization", w)
    3
    >>> trim("深圳分行行长", 0, 6, "Organization", w)
    4
    >>> trim("北京银行开业", 0, 4, "Organization", w)
    4
    >>> trim("联通H股的股息率", 0, 4, "Organization", w)
    2
    >>> trim("高瓴人工智能学院研究团队提出", 0, 12, "Organization", w)
    8
    >>> trim("百度集团-SW（HK 09888）", 0, 7, "Organization", w)
    4
    >>> trim("旧金山的办公室", 0, 7, "Location", w), trim("合肥全市", 0, 4, "Location", w)
    (3, 2)
    >>> trim("王鹤现担任教授", 0, 3, "Person", w), trim("王鹤现", 0, 3, "Person", w)
    (2, 3)
    """
    if label == "Person":
        if e - s == 3 and text[e - 1] in "现曾" and text.startswith(_OFFICE_VERBS, e):
            return e - 1  # 王鹤|现担任: now or once holding an office, no part of the name
        return e
    if label == "Location":
        k = text.find("的", s + 2, e)
        if k > 0:
            e = k  # 旧金山|的办公室: a place ends before 的
        if text.endswith(_WHOLE_AREA, s, e) and e - s - 2 >= 2:
            e -= 2  # 合肥|全市
    share = _SHARE_CLASS.search(text, s, e)
    if share and share.end() == e and share.start() - s >= 2:
        return share.start()  # 小米集团|-W, 百度集团|-SW: a listing's share class is no part of the name
    if text.endswith("专业", s, e):
        school = max((text.rfind(w, s, e - 2) + len(w) for w in _SCHOOLS if text.rfind(w, s, e - 2) >= 0), default=-1)
        if school > s + 2:
            return school  # 太原理工大学|法学专业: a school's major is no part of its name
    for word in lists.team_tails:
        if text.endswith(word, s, e) and e - len(word) - s >= 2:
            e -= len(word)  # 中国人民大学高瓴人工智能学院|研究团队, DeepMind |团队
            while e > s and text[e - 1] == " ":
                e -= 1
            break
    for word in lists.name_trailers:
        if text.endswith(word, s, e) and e - len(word) - s >= 2:
            return (e - len(word)) if not text[s : e - len(word)].endswith(" ") else e - len(word) - 1  # 联通|H股
    titles = lists.titles
    for n in range(min(6, e - s - 2), 1, -1):
        if text[e - n : e] in titles:
            return e - n  # 深圳分行行长
    for k in (3, 2, 1):
        if e - k - s < 2:
            continue
        for n in range(k + 1, 7):
            if text[e - k : e - k + n] in titles:
                return e - k  # 恩智浦执行|长
    return e


_SHARE_CLASS = re.compile(r"-(?:W|SW|S|U|WR|B|R)$")
"""The share class after a Hong Kong listing's short name (小米集团-W, 百度集团-SW, 网易-S)."""

_GLUED_BEFORE = frozenset("是被与及跟同为在把让给对从将的请叫如像除据")
"""Function words the segmenter may glue to the name after them (是婧玥, 被马云, 如美团); none is a surname."""
_GLUED_SURNAMES = frozenset("由和")
"""Function words that are also surnames: taken off only before a surname-led name (由雷军, not 和珅)."""
_GLUED_AFTER = frozenset("著等说称写")
"""Words glued to the end of a name (王佐良著, 李白说): taken off a name that opens with a surname."""
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])[0-9]{1,2}$")
"""A reference-mark number written right after a name, as encyclopedias do (白岩松1, 戴和根3)."""


def glued_start(word: str, surnames: frozenset[str]) -> int:
    """Characters to skip at the start of ``word`` where a function word is glued to a name (0: none).

    Examples
    --------
    >>> s = frozenset("雷王和")
    >>> glued_start("是婧玥", s), glued_start("由雷军", s), glued_start("和珅", s), glued_start("是非", s)
    (1, 1, 0, 0)
    """
    if len(word) < 3 or not all(is_han(c) for c in word[:3]):
        return 0
    first, rest = word[0], word[1:]
    if first in _GLUED_BEFORE or (first in _GLUED_SURNAMES and rest[0] in surnames and len(rest) <= 3):
        return 1
    return 0


_OFFICE_VERBS = ("担任", "任", "出任", "就职", "在", "为", "是")
"""Verbs of holding an office (王鹤现担任, 张三曾任): 现 or 曾 before one is an adverb, not a name's last character."""
_BENCHMARK_ENDS = ("Bench", "bench", "Eval", "BENCH")
"""Endings of a benchmark's name (ToolBench, HumanEval)."""
_WHOLE_AREA = ("全市", "全省", "全县", "全区", "全境", "全国")
"""A place's whole area after its name (合肥全市): not part of the name."""
def bare_name(text: str, s: int, e: int, lists: WordLists) -> tuple[int, int]:
    """A person's name without a function word glued before it or a reference mark or verb glued after it.

    是婧玥 → 婧玥, 由雷军 → 雷军, 白岩松1 → 白岩松, 王佐良著 → 王佐良, 王储谢赫·哈姆丹 → 谢赫·哈姆丹; 和珅 and 于谦
    stay whole.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> t = "作者是婧玥，由雷军和白岩松1及王佐良著"
    >>> [t[a:b] for a, b in (bare_name(t, 2, 5, w), bare_name(t, 6, 9, w), bare_name(t, 10, 14, w), bare_name(t, 15, 19, w))]
    ['婧玥', '雷军', '白岩松', '王佐良']
    """
    m = _FOOTNOTE.search(text, s, e)
    if m and m.start() - s >= 2:
        e = m.start()
    if e - s >= 3:
        s += glued_start(text[s:e], lists.surnames)
    for n in (3, 2):
        if e - s - n >= 2 and (text[s : s + n] in lists.office_titles or text[s : s + n] in lists.titles):
            s += n  # 王储|谢赫·哈姆丹: a title the recognizer took into the name
            break
    if e - s >= 3 and text[e - 1] in _GLUED_AFTER and text[s] in lists.surnames and all(is_han(c) for c in text[s:e]):
        e -= 1
    return s, e


def text_is_cased(text: str) -> bool:
    """True when the text writes Latin capitals at all (news does; a lower-cased corpus does not).

    Examples
    --------
    >>> text_is_cased("OpenAI发布"), text_is_cased("visa卡和bet365")
    (True, False)
    """
    return any("A" <= c <= "Z" for c in text)


def text_is_spaced(text: str) -> bool:
    """True when the text writes Latin words apart (Bill Roper), as news does; CLUENER glues them (BillRoper).

    Examples
    --------
    >>> text_is_spaced("Google DeepMind发布"), text_is_spaced("制作人PatrickBach表示")
    (True, False)
    """
    return _SPACED.search(text) is not None


def _listed_with_abbreviations(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` is listed next to another capitalised abbreviation (CP、FT、WAT, AI、TV)."""
    return _NEXT_ABBR.match(text, e) is not None or _PREV_ABBR.search(text, max(0, s - 8), s) is not None


def plausible(
    text: str, s: int, e: int, label: str, conf: float, toks: list[tuple], lists: WordLists, cased: bool = True,
    spaced: bool = False,
) -> bool:
    """Whether the CRF's name ``text[s:e]`` (tokens ``toks`` of the sentence) may be kept.

    ``cased``: the article writes Latin capitals, so a Latin name must start with one; ``spaced``:
    it writes Latin words apart (:func:`text_is_spaced`), so a person's Latin name is not one CamelCase word.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> plausible("见analysis页", 1, 9, "Person", 0.97, [(0, 1, "v"), (1, 9, "eng"), (9, 10, "n")], w)
    False
    >>> plausible("EIC7700X模块框图", 0, 12, "Location", 0.94, [(0, 8, "eng"), (8, 10, "n"), (10, 12, "n")], w)
    False
    >>> plausible("展望未来，", 0, 4, "Person", 0.75, [(0, 4, "nr"), (4, 5, "x")], w)
    False
    >>> plausible("记者张新颖说", 2, 5, "Person", 0.8, [(0, 2, "n"), (2, 3, "q"), (3, 5, "a"), (5, 6, "v")], w)
    True
    >>> plausible("该公司称", 0, 3, "Organization", 0.9, [(0, 1, "r"), (1, 3, "n"), (3, 4, "v")], w)
    False
    >>> plausible("vs本菲卡从", 2, 5, "Organization", 0.98, [(0, 2, "eng"), (2, 5, "nr"), (5, 6, "p")], w)
    True
    >>> plausible("罗马被桑普多逼平", 3, 6, "Organization", 0.7, [(0, 2, "ns"), (2, 3, "p"), (3, 6, "nr"), (6, 8, "v")], w)
    True
    >>> plausible("bet365开出", 0, 6, "Organization", 0.99, [(0, 6, "eng"), (6, 8, "v")], w, cased=False)
    True
    """
    piece = text[s:e]
    if piece in lists.generic or piece.endswith(lists.not_name_endings):
        return False  # 养老金融领域, 摩尔定律: a field or a law, not a name
    if not any(is_han(c) for c in piece):
        # Latin-only: a confident name, never a product code (EIC7700X) nor a generic acronym
        if piece.endswith(_BENCHMARK_ENDS):
            return False  # RestBench, ToolBench, HumanEval: a benchmark, no organization nor model
        if piece[0].islower() and (cased or any(c.isupper() for c in piece)):
            return False  # iPhone, iPad: products; 'analysis' in cased text: a word
        if _SHORT_CAPS.fullmatch(piece) and _listed_with_abbreviations(text, s, e):
            return False  # CP、FT、WAT等数据, AI、TV这样的组合: terms; one the gazetteer knows is found there
        if label == "Person" and spaced and _CAMEL.fullmatch(piece):
            return False  # ToolBench in a text that writes Latin names apart (Bill Roper): a product, no person
        bare = piece.replace(" ", "")
        return label != "Location" and conf >= 0.8 and (bare.isalpha() or bool(_LETTERS_THEN_DIGITS.fullmatch(bare)))
    if label != "Organization" and _CODE.search(piece):
        return False  # a product code (EIC7700X) is no place nor person
    inside = [(a, b, p) for a, b, p in toks if a < e and b > s]
    proper = any(p in lists.proper_pos and text[a:b] not in lists.generic for a, b, p in inside)
    aligned = all(a >= s and b <= e for a, b, _ in inside)
    if label == "Person":
        if piece in lists.titles or piece in lists.office_titles:
            return False  # 与迪拜王储会面: a title, nobody named
        if text.startswith(lists.not_name_endings, e):
            return False  # 杰文斯|悖论, 摩尔|定律: a law named after someone
        if "·" in piece or _HYPHEN_NAME.fullmatch(piece):
            return True  # 山姆·阿尔特曼, 小罗伯特-唐尼
        if piece.endswith(_org_endings(lists.org_suffixes)):
            return False  # the end of a school or company name (辽宁师|范大学), not a person
        if len(inside) == 1 and aligned and conf < 0.9 and inside[0][2] not in _NAME_POS:
            return False
        if len(inside) == 1 and aligned and inside[0][2] == "v" and s > 0 and is_han(text[s - 1]):
            return False  # 未来|展望：: a verb the words before it run into, however sure the labeller is
        if (conf < 0.9 and aligned and not any(p in _NAME_POS for _, _, p in inside)
                and any(p[:1] in ("v", "d", "p", "c", "u") for _, _, p in inside)):
            return False  # 曾升 (once rose): an adverb and a verb, no name
        if len(piece) == 4 and all(is_han(c) for c in piece):
            # four Han characters: a compound surname (欧阳明辉) or a transliteration, not an idiom (展望未来)
            return piece[:2] in lists.surnames or all(c in lists.translit for c in piece)
        return len(piece) <= 3 or all(c in lists.translit for c in piece)
    lead = next((w for w in lists.descriptor_prefixes if piece.startswith(w)), "")
    if lead and (piece == lead or not any(a == s and b >= e and p in lists.proper_pos for a, b, p in toks)):
        return False  # 该|公司, 国际舞台: a word that describes; not a proper name that starts so (国际米兰, 本菲卡)
    if label == "Organization" and (
        _only_suffixes(piece, lists) or _descriptive(text, inside, lists) or _verb_led(text, s, e, toks, lists)
    ):
        return False
    if label == "Organization" and piece.endswith(_THING_TAILS + _PEOPLE_TAILS + lists.event_words):
        return False
    if label == "Organization" and before_index(text, e):
        return False  # 恒生科技|指数, 纳斯达克中国金龙|指数, 纳斯达克|100指数: a stock index, no organization
    if len(piece) == 3 and piece[0] in lists.surnames and len(inside) == 1 and inside[0][2] == "nr" and conf < 0.9 \
            and not all(c in lists.translit for c in piece):
        return False  # a person's name the CRF read as an organization (（财联社 夏军雄）), not a transliteration (桑普多)
    if aligned and all(text[a:b] in lists.generic for a, b, _ in inside):
        return False
    if label == "Organization" and conf < _WEAK_ORG \
            and not piece.endswith(_suffix_words(lists.org_suffixes, lists.company_suffixes)):
        return False  # 测试计划 (0.37), 阿里文化夹克 (0.57): an unsure guess with no organization ending
    if label == "Organization" and _generic_words(piece, lists.generic):
        return False  # 市场|监管机构: generic words however the segmenter cut them
    return proper or not aligned or conf >= 0.7


@functools.lru_cache(maxsize=4)
def _org_endings(suffixes: frozenset[str]) -> tuple[str, ...]:
    """Endings of organization names of two characters or more (大学, 公司): no person's name ends so."""
    return tuple(sorted(x for x in suffixes if len(x) >= 2))


def _only_suffixes(piece: str, lists: WordLists) -> bool:
    """A name that is nothing but company endings (有限公司, 股份有限公司, 控股集团) or a generic word and a
    branch (股份制银行分行).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> _only_suffixes("有限公司", w), _only_suffixes("股份有限公司", w), _only_suffixes("腾讯控股有限公司", w)
    (True, True, False)
    >>> _only_suffixes("股份制银行分行", w), _only_suffixes("北京银行分行", w)
    (True, False)
    """
    for k in range(2, len(piece) - 1):
        if piece[:k] in lists.generic and piece[k:] in lists.branch_words:
            return True  # 股份制银行|分行: a branch of a kind of bank
    ends = _suffix_words(lists.org_suffixes, lists.company_suffixes)
    while piece:
        for end in ends:
            if piece.endswith(end):
                piece = piece[: -len(end)]
                break
        else:
            return False
    return True


@functools.lru_cache(maxsize=4)
def _suffix_words(suffixes: frozenset[str], company: frozenset[str]) -> tuple[str, ...]:
    """Company endings of two characters or more, longest first (有限公司 before 公司)."""
    words = {x for x in suffixes | company if len(x) >= 2} | {"有限", "责任", "有限责任"}
    return tuple(sorted(words, key=len, reverse=True))


def _generic_words(piece: str, generic: frozenset[str]) -> bool:
    """Whether ``piece`` is two or more generic words of two characters or more (市场监管机构).

    Examples
    --------
    >>> g = frozenset(("市场", "监管机构", "银行"))
    >>> _generic_words("市场监管机构", g), _generic_words("北京银行", g), _generic_words("银行", g)
    (True, False, False)
    """
    n = len(piece)
    ok = [0] + [-1] * n  # fewest words that make up the first i characters (-1: none)
    for i in range(2, n + 1):
        for j in range(0, i - 1):
            if ok[j] >= 0 and piece[j:i] in generic and (ok[i] < 0 or ok[j] + 1 < ok[i]):
                ok[i] = ok[j] + 1
    return ok[n] >= 2


def _descriptive(text: str, inside: list[tuple], lists: WordLists) -> bool:
    """A description of a company rather than its name: 北京一家人工智能公司, 美国人工智能研究公司.

    An article or descriptor inside (一家, 这家), a place followed only by common words and a
    generic head (公司, 企业, 机构), or a region word before a category (地方农商行, 国内银行);
    北京银行 (a place and an institution) stays a name. Common words are the field words and the
    category words of ``lists.not_company_prefixes`` (教育, 医疗, 金融: 教育科技公司).
    """
    words = [(text[a:b], p) for a, b, p in inside]
    end = inside[-1][1] if inside else 0
    if any(w in _DESCRIPTORS for w, _ in words):
        return True
    k = 0
    while k < len(words) and (words[k][1] == "ns" or words[k][0] in _REGION_WORDS):
        k += 1
    if k and all(w in _REGION_WORDS for w, _ in words[:k]) and "".join(w for w, _ in words[k:]) in lists.generic:
        return True  # 地方|农商行: a region and a category
    rest = words[k:]
    if len(rest) >= 2 and rest[-1][0] in _COMPANY_HEADS and rest[-2][0] in _FIELD_WORDS and _LATIN_AFTER.match(text, end):
        return True  # 波士顿风险投资公司|Glasswing Ventures: what the company named next is, not its name
    if k and len(rest) == 1 and rest[0][0] in _KIND_HEADS:
        return True  # 好莱坞|公司, 美国|企业, 加拿大|基金: a place and the word for a company
    if k and len(rest) == 1 and rest[0][0] in _SCHOOL_HEADS and all(w in lists.not_company_prefixes for w, _ in words[:k]):
        return True  # 美国|大学: a country and the word for its universities (北京|大学 is a name)
    text_all = "".join(w for w, _ in words)
    for head in _KIND_HEADS:
        if text_all.endswith(head) and (text_all[: -len(head)] in lists.not_company_prefixes
                                        or text_all[: -len(head)] in _REGION_WORDS):
            return True  # 美国公司, 中国科企 as one word: a country and the word for its companies
    for head in _SCHOOL_HEADS:
        if text_all.endswith(head) and text_all[: -len(head)] in lists.not_company_prefixes:
            return True  # 美国大学 as one word: a country and the word for its universities
    if len(rest) < 2 or rest[-1][0] not in _COMPANY_HEADS:
        return False
    countries = k and all(w in lists.not_company_prefixes for w, _ in words[:k])  # 中国|教育|公司
    categories = lists.not_company_prefixes if not k or countries else frozenset()  # not after a "place" (德邦|物流公司)
    return all(w in _FIELD_WORDS or w in lists.generic or w in categories or w.endswith(_FIELD_ENDS)
               for w, _ in rest[:-1])


_KIND_HEADS = ("公司", "企业", "集团", "机构", "基金", "科企", "车企", "药企", "私营部门", "部门", "厂商", "国家", "民企",
               "国企", "央企")
"""Words for companies of a kind, which a place before them does not make a name (美国公司, 加拿大基金), and for
the countries of a region (中东国家)."""
_SCHOOL_HEADS = frozenset(("大学", "高校"))
"""Words for schools, which make a name after a city (北京大学) but not after a country (美国大学)."""
_FIELD_ENDS = ("领域", "行业", "板块", "赛道")
"""Endings of a word naming a field (教育领域|公司: a company of the field, not its name)."""
_CONJUNCTIONS = frozenset(("和", "与", "及", "或", "并", "而"))
_LATIN_AFTER = re.compile(r"\s?[A-Za-z0-9]")


def _verb_led(text: str, s: int, e: int, toks: list[tuple], lists: WordLists) -> bool:
    """An organization ending whose only word before it is a verb: the object of that verb, no name.

    依赖和信任|银行的服务 (信任 joined by 和 to the verb 依赖), 选择|银行: one common word before an
    institution word, which is a verb or is coordinated with one right before it.
    """
    idx = [k for k, (a, b, _) in enumerate(toks) if a < e and b > s]
    if len(idx) != 2 or toks[idx[0]][0] != s or toks[idx[1]][1] != e:
        return False
    pos = toks[idx[0]][2]
    c, d, _ = toks[idx[1]]
    if text[c:d] not in lists.org_suffixes or pos in lists.proper_pos:
        return False
    if pos == "v":
        return True
    k = idx[0]
    return k >= 2 and text[toks[k - 1][0] : toks[k - 1][1]] in _CONJUNCTIONS and toks[k - 2][2] == "v"
