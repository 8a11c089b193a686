"""Entity spans the CRF labeller reads in each sentence, and the checks each must pass to be kept: its confidence,
its pieces, a place that is no place (鸿蒙座舱), a language (阿尔巴尼亚语), a body named after its place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.mention_filters import bare_name, pieces, plausible, text_is_cased, text_is_spaced, trim
from kg.name_extents import after_trade, places_apart
from kg.ner import LABELS, decode_bio, model_features
from kg.patterns import WordLists, is_han

if TYPE_CHECKING:
    from kg.entities import Recognizer

__all__ = ["crf_spans"]

Span = tuple  # (start, end, label, source, confidence)

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_BEFORE = re.compile(r"[0-9][ .,]?$")
_MIN_CONFIDENCE = {"PER": 0.6, "ORG": 0.0, "LOC": 0.0}
"""CRF spans below this lowest-marginal probability are dropped (names are where news errs most)."""
_MIN_CONFIDENCE_NAME = 0.45
"""The lower floor for a person's name shaped like a Chinese name: a surname and one or two Han characters."""
_BODY_ENDINGS = ("局", "厅", "署", "委员会", "管委会", "办公室", "公司", "集团", "银行", "大学", "学院", "研究院", "研究所",
                 "实验室", "医院", "协会", "学会", "基金会", "交易所", "出版社", "电视台", "法院", "检察院")
"""Endings of a body's name: a place the labeller marks that ends in one (…工业区发展局) is an organization."""
_ADDRESS_ENDS = ("省", "市", "县", "区", "镇", "乡", "村", "路", "街", "道", "巷", "号", "楼", "湾", "广场", "大厦", "小区", "园区")
"""Last characters of a street address or a place in one (the CRF's places ending so need no proper noun)."""
_GLUED_BEFORE_FIRM = frozenset("除据")
"""Prepositions no company's name starts with, that the labeller may take into one (除乐鑫科|技外)."""


def crf_spans(folded: str, sents: list[tuple], lex: list[Span], rec: Recognizer) -> list[Span]:
    out: list[Span] = []
    cased, spaced = text_is_cased(folded), text_is_spaced(folded)
    lab = rec.labeller
    lex = sorted(lex)
    j = 0
    for start, end, toks in sents:
        stext = folded[start:end]
        while j < len(lex) and lex[j][0] < start:
            j += 1
        if not _HAN.search(stext):
            continue
        k = j
        inside = []
        while k < len(lex) and lex[k][0] < end:
            if lex[k][1] <= end:
                inside.append((lex[k][0] - start, lex[k][1] - start, lex[k][2]))
            k += 1
        tags = lab.tag(model_features(_unmarked(stext), toks, inside, rec.lists, lab.clusters, lab.attributes))
        spans = decode_bio(tags)
        if not spans:
            continue
        for s, e, k in spans:
            conf = lab.confidence(tags, s, e)
            if conf < _MIN_CONFIDENCE[k] and not (
                k == "PER" and conf >= _MIN_CONFIDENCE_NAME and _chinese_name(stext[s:e], rec.lists)
            ):
                continue
            for ps, pe in (places_apart(stext, pieces(stext, s, e), toks) if k == "LOC" else pieces(stext, s, e)):
                if k == "PER" and _NUMBER_BEFORE.search(stext, max(0, ps - 2), ps):
                    continue  # a unit after a number (1 吉瓦), not a person
                if k == "PER":
                    ps, pe = bare_name(stext, ps, pe, rec.lists)  # 是婧玥, 白岩松1
                pe = trim(stext, ps, pe, LABELS[k], rec.lists)
                if k == "ORG":
                    ps = after_trade(stext, ps, pe)
                    if stext[ps] == "任" and ps > 0 and stext[ps - 1] in "年月日至" and pe - ps >= 5:
                        ps += 1  # 2019年10月|任|希格斯动力科技有限公司: the verb of holding a post, no part of the name
                    elif stext[ps] in _GLUED_BEFORE_FIRM:
                        continue  # 除乐鑫科|技外: the labeller read a preposition into a name, its ends are not to trust
                if k == "LOC":
                    if _names_language(stext[ps:pe]):
                        continue  # 阿尔巴尼亚语: a language, no place
                    pe = _word_end_before(toks, ps, pe)  # 杭州|亚残运会: a place ends where a word does
                    pe = ps + _known_place_head(stext[ps:pe], rec)  # 北京|阳光明媚
                    if _no_place(stext[ps:pe], rec):
                        continue  # 鸿蒙座舱, 析标准文件: words, no place
                if plausible(stext, ps, pe, LABELS[k], conf, toks, rec.lists, cased, spaced) or (
                    k == "LOC" and _place_name(stext[ps:pe], conf, rec.lists)
                ):
                    label = LABELS[k]
                    if k == "LOC" and pe - ps > 4 and stext.endswith(_BODY_ENDINGS, ps, pe):
                        label = "Organization"  # 印度卡纳塔克邦工业区发展局: a body named after its place is the body
                    out.append((start + ps, start + pe, label, "crf", round(conf, 3)))
    return out


def _word_end_before(toks: list[tuple], s: int, e: int) -> int:
    """``e`` when a token ends there; else the last token end after ``s + 1`` before it (a place the recognizer ran
    into the next word with: 杭州|亚残运会 cut as 杭州亚 gives 杭州); ``e`` again when there is none.

    Examples
    --------
    >>> _word_end_before([(0, 2, "ns"), (2, 6, "n")], 0, 3), _word_end_before([(0, 2, "ns"), (2, 6, "n")], 0, 6)
    (2, 6)
    """
    ends = [b for _, b, _ in toks if s + 2 <= b <= e]
    return e if not ends or ends[-1] == e else ends[-1]


_REFERENCE_MARK = re.compile(r"(?<=[\u4e00-\u9fff])[0-9]{1,2}(?=[，,。；;：:、\s《（(【]|$)")
"""An encyclopedia's footnote number after a word, before punctuation (戴和根3, 顾七堇1 ，)."""


def _unmarked(stext: str) -> str:
    """The sentence with reference marks blanked (same length), so that they do not hide the name before them.

    Examples
    --------
    >>> _unmarked("董事长：戴和根3"), _unmarked("共3人，约3，")
    ('董事长：戴和根 ', '共3人，约 ，')
    """
    return _REFERENCE_MARK.sub(lambda m: " " * len(m.group()), stext) if any(c.isdigit() for c in stext) else stext


def _chinese_name(piece: str, lists: WordLists) -> bool:
    """A surname and a one- or two-character given name, all Han (张元端, 孙楠, 欧阳明辉).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> _chinese_name("张元端", w), _chinese_name("欧阳明辉", w), _chinese_name("展望未来", w), _chinese_name("张", w)
    (True, True, False, False)
    """
    if not all(is_han(c) for c in piece):
        return False
    if 2 <= len(piece) <= 3 and piece[0] in lists.surnames:
        return True
    return 3 <= len(piece) <= 4 and piece[:2] in lists.surnames


_LANGUAGE_ENDS = ("语", "語")


def _names_language(piece: str) -> bool:
    """Whether a tagger's place is the name of a language (阿尔巴尼亚语, 芬兰语).

    Examples
    --------
    >>> [_names_language(p) for p in ("徐汇区", "俄克拉荷马州", "阿尔巴尼亚语", "Paris")]
    [False, False, True, False]
    """
    return piece.endswith(_LANGUAGE_ENDS) and len(piece) >= 3


_VENUE_ENDS = tuple(
    "中心 公园 医院 商场 花园 会馆 基地 市场 大厦 码头 广场 小区 区域 百货 公馆 中学 小学 大学 酒店 饭店 宾馆 一期 二期 对面 附近 别墅 公寓 "
    "馆 园 场 站 店 院 寨 桥 口 角 侧 门 城 镇 村 湾 岸 坛 址 山 河 湖 海 江 岛 峰 谷 洲 港 塔 寺 宫 殿 府 堡 楼 东 西 南 北 旁 边 州 郡 坊 屯 庄 营 街 道 路 巷 弄 号 层 座 栋 苑 阁 居 舍 厂 矿 田 林 滩 峡 关 吧 域 畔 圈 台 墓 坝 洋 陆".split()
)
"""Endings of venues, buildings and landmarks, which the labeller's places may be (中山公园, 中友百货)."""


def _no_place(piece: str, rec: Recognizer) -> bool:
    """A labeller's place of four or more Han characters that is no place: no place ending, not a transliteration, and
    no place of the gazetteer in it (鸿蒙座舱, 高阶智驾; not 德累斯顿, 北京北四环, 曼哈顿区).

    Examples
    --------
    >>> from kg.entities import load_recognizer
    >>> r = load_recognizer()
    >>> [_no_place(p, r) for p in ("鸿蒙座舱", "高阶智驾", "德累斯顿", "北京北四环", "曼哈顿区", "红海")]
    [True, True, False, False, False, False]
    """
    lists = rec.lists
    if len(piece) < 4 or not all(is_han(c) for c in piece) or piece.endswith(tuple(lists.loc_suffixes) + _VENUE_ENDS):
        return False
    if 2 * sum(c in lists.translit for c in piece) >= len(piece):
        return False
    return not _holds_place(piece, rec.lexicon.surface)


def _holds_place(piece: str, surface: dict) -> bool:
    """Whether a place of the gazetteer (``surface``: folded form → entry) is written anywhere in ``piece``."""
    return any((x := surface.get(piece[i:j])) is not None and x.label == "Location"
               for i in range(len(piece) - 1) for j in range(i + 2, len(piece) + 1))


_ADMIN_UNITS = ("省", "市", "区", "县", "镇", "乡", "村", "州", "郡", "邦", "特区", "自治区", "新区", "开发区")


def _known_place_head(piece: str, rec: Recognizer) -> int:
    """Length of the place of the gazetteer a labeller's place opens with, where what follows it is three Han characters
    or more that hold no place and end in no administrative unit, body, venue or address (北京|阳光明媚: words
    the labeller ran on into); else the whole (广东湛江, 巴黎大皇宫, 杭州西湖区).

    Examples
    --------
    >>> from kg.entities import load_recognizer
    >>> r = load_recognizer()
    >>> [p[:_known_place_head(p, r)] for p in ("北京阳光明媚", "美国遭遇寒潮", "广东湛江", "杭州西湖区", "巴黎大皇宫")]
    ['北京', '美国', '广东湛江', '杭州西湖区', '巴黎大皇宫']
    """
    surface = rec.lexicon.surface
    for k in range(min(len(piece) - 2, 6), 1, -1):
        x = surface.get(piece[:k])
        if x is None or x.label != "Location":
            continue
        rest = piece[k:]
        if len(rest) < 3 or not all(is_han(c) for c in rest) or rest.endswith(_ADMIN_UNITS + _BODY_ENDINGS) \
                or rest[0] in "东南西北中" or rest.endswith(_VENUE_ENDS + _ADDRESS_ENDS):
            return len(piece)  # 广东湛江, 杭州西湖区, 加拿大北部魁北克: a place within the place; 印度…发展局: a body
        return len(piece) if _holds_place(rest, surface) else k
    return len(piece)


def _place_name(piece: str, conf: float, lists: WordLists) -> bool:
    """A CRF place that ends like an address (革新路, 迈号镇, 名商大厦B1楼), kept even when its words are common.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> w = load_word_lists()
    >>> _place_name("革新路", 0.6, w), _place_name("苏州街55号名商大厦B1楼", 0.9, w), _place_name("一条路", 0.9, w)
    (True, True, False)
    """
    if conf < 0.5 or not is_han(piece[0]) or sum(map(is_han, piece)) < 3 or len(piece) > 24:
        return False
    if piece in lists.generic or piece.startswith(lists.descriptor_prefixes) or not piece.isalnum():
        return False
    return piece.endswith(_ADDRESS_ENDS) and piece[0] not in "一这那该某各每"
