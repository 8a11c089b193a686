"""Entity mentions of an article: a character CRF for names, a gazetteer, and surface patterns.

The CRF (``kg/ner.py``, trained on CLUENER2020) finds person, organization and place names,
including unseen ones; the gazetteer (``ontology/patterns/entities.jsonl``) names well-known
organizations, AI models, technologies and people, and is both a CRF feature and a fallback;
patterns add versioned Latin model names (GPT-4o, Qwen2.5-Max), transliterated names with a
middle dot (山姆·阿尔特曼), Latin personal names next to a title, titles in 《》, names next to
a title (创始人李彦宏, 吴飞教授), outlets in datelines, and abbreviations defined in parentheses
(人类反馈强化学习（RLHF）).

Decisions on what is an entity:

* generic words never are (技术, 模型, 公司, 平台, and the domain words 人工智能/AI and 大模型,
  which name the field every article is about, not a technique; see ``kg/models/lists.json``);
  named techniques and fields are Technology (大语言模型, 生成式人工智能/AIGC, 强化学习);
  hardware (GPU, 芯片) and products that are not AI models (phones, robots, chips) are not entities;
* a title in 《》 is a Publication (paper, report, book, journal, newspaper, policy document)
  unless its sentence speaks of a film, series, game, song or show;
* a name shared by a company and its model (DeepSeek) is the model, unless the words around it
  make it the company (DeepSeek团队, DeepSeek发布, 深度求索（DeepSeek）);
* nested organizations stay one mention (浙江大学上海高等研究院); :func:`org_parent` names the
  parent organization the gazetteer knows.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from kg.mention_filters import (
    bare_name,
    before_index,
    glued_start,
    pieces,
    plausible,
    text_is_cased,
    text_is_spaced,
    trim,
)
from kg.overlaps import keep, nests, shared_name_senses
from kg.name_extents import (
    after_trade,
    link_spans,
    one_class_per_name,
    outside_links,
    place_after_place,
    placed_registered_names,
    places_apart,
    registered_names,
)
from kg.entity_lists import cited_sources, coordinated, stock_movers, watch_lists
from kg.repeats import abbreviations, repeated_names
from kg.listed import listed_companies
from kg.entity_patterns import company_names, enumerations, funded_orgs, pattern_spans, word_spans
from kg.model_names import owned_models
from kg.name_growth import grow_names
from kg.ner import LABELS, CrfLabeller, decode_bio, load_labeller, model_features
from kg.patterns import (
    LexEntry,
    Lexicon,
    WordLists,
    fold,
    fold_key,
    fold_width,
    is_han,
    load_lexicon,
    load_word_lists,
)
from kg.records import Article, Mention, Sentence

__all__ = ["Recognizer", "load_recognizer", "find_mentions", "org_parent"]

_MODEL_CHAIN = re.compile(r"(?:-(?!based|like|style|compatible)[A-Za-z0-9][A-Za-z0-9.]*)+(?![A-Za-z0-9\-])")
"""Hyphen-joined parts after a model's name: a variant (DeepSeek-R1-Distill-Qwen-7B, GPT-4o-mini)."""
_VERSION_TAIL = re.compile(r"(?:[ \-]?\d+(?:\.\d+)*(?:[ \-]?(?:Pro|Plus|Max|Ultra|Flash|Turbo|Lite|Nano|mini)|[A-Za-z])?"
                           r"|(?<=[\u4e00-\u9fff])[A-Z]\d(?:\.\d)?)"
                           r"(?![A-Za-z0-9]|[年月日号时点分秒万亿元家个款种位名次倍%％])")
"""A version after a model's name, with its tier (DeepSeek V3, Qwen 2.5, 豆包1.5Pro; after a Han name a letter and a
digit: 混元T1, 星火X1), not a date or a count (DeepSeek 2月10日)."""
_TIER_TAIL = re.compile(r"[ \-]?(?:Pro|Plus|Max|Ultra|Flash|Turbo|Lite|Nano)(?![A-Za-z0-9])")
"""A tier after a model's name (ChatGPT Plus, Gemini Ultra): one model or plan."""
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_BEFORE = re.compile(r"[0-9][ .,]?$")
_PRIORITY = {"pattern:book-title": 0}
_MIN_CONFIDENCE = {"PER": 0.6, "ORG": 0.0, "LOC": 0.0}
"""CRF spans below this lowest-marginal probability are dropped (names are where news errs most)."""
_MIN_CONFIDENCE_NAME = 0.45
"""The lower floor for a person's name shaped like a Chinese name: a surname and one or two Han characters."""
_BODY_ENDINGS = ("局", "厅", "署", "委员会", "管委会", "办公室", "公司", "集团", "银行", "大学", "学院", "研究院", "研究所",
                 "实验室", "医院", "协会", "学会", "基金会", "交易所", "出版社", "电视台", "法院", "检察院")
"""Endings of a body's name: a place the labeller marks that ends in one (…工业区发展局) is an organization."""
Span = tuple  # (start, end, label, source, confidence)
_ADDRESS_ENDS = ("省", "市", "县", "区", "镇", "乡", "村", "路", "街", "道", "巷", "号", "楼", "湾", "广场", "大厦", "小区", "园区")
"""Last characters of a street address or a place in one (the CRF's places ending so need no proper noun)."""


@dataclass(frozen=True)
class Recognizer:
    """Everything entity recognition needs, loaded once per process (picklable)."""

    lexicon: Lexicon
    """The gazetteer."""
    lists: WordLists
    """Word lists (titles, suffixes, generic words)."""
    labeller: CrfLabeller
    """The character CRF."""
    families: frozenset[str]
    """Latin names of AI model families (GPT, Gemini, Qwen...) from the gazetteer."""
    by_id: dict[str, LexEntry]
    """Gazetteer entries by id."""
    org_twin: dict[str, LexEntry]
    """Lower-cased name of a model → the organization of the same name (deepseek → 深度求索)."""
    userdict: str
    """Path of the jieba user dictionary, for re-segmenting Traditional text."""


def load_recognizer(ontology_dir: Path | None = None) -> Recognizer:
    """Load and validate the gazetteer, word lists and CRF model.

    Raises PatternError for a bad gazetteer row (quoting it with file:line),
    OntologyError for an undeclared class and ModelError when the model is
    missing or unreadable.

    Examples
    --------
    >>> r = load_recognizer()
    >>> r.lexicon.surface["谷歌公司"].name
    '谷歌'
    """
    from kg.resources import ENTITY_CLASSES, check_term
    from kg.resources import ontology_dir as _odir

    d = _odir(ontology_dir)
    path = d / "patterns" / "entities.jsonl"
    for c in ENTITY_CLASSES:
        check_term(c, "class", str(path), str(ontology_dir) if ontology_dir is not None else None)
    lexicon = load_lexicon(path, frozenset(ENTITY_CLASSES))
    lists = load_word_lists()
    labeller = load_labeller()
    families = set()
    orgs: dict[str, LexEntry] = {}
    for e in lexicon.entries:
        forms = (e.name, *e.aliases, *((e.en,) if e.en else ()))
        if e.label == "AIModel":
            for form in forms:
                m = re.match(r"[A-Za-z]{2,}", form)
                if m:
                    families.add(m.group(0))
        elif e.label == "Organization":
            for form in forms:
                orgs.setdefault(fold_key(form), e)
    twins = {
        k: orgs[k] for k, e in lexicon.surface.items() if e.label == "AIModel" and k in orgs
    }
    by_id = {e.id: e for e in lexicon.entries}
    return Recognizer(lexicon, lists, labeller, frozenset(families), by_id, twins, str(d / "dicts" / "userdict.txt"))


@functools.lru_cache(maxsize=2)
def _own_tagger(userdict: str):
    from kg.segment import load_userdict, make_tagger

    return make_tagger("rjieba", load_userdict(userdict) if Path(userdict).is_file() else [])


_GLUED_BEFORE = frozenset("如及和与为在从对被把据以由向继")
"""Function words a segmenter glues to the start of a company's name (如|锦龙股份)."""
_GLUED_BEFORE_FIRM = frozenset("除据")
"""Prepositions no company's name starts with, that the labeller may take into one (除乐鑫科|技外)."""
_GLUED_END = frozenset("则也都")
"""Adverbs a segmenter glues to the end of a name (英伟达和博|通则): a gazetteer name may end before one."""


def _tokens(text: str, folded: str, sentences: tuple[Sentence, ...], rec: Recognizer) -> list[tuple]:
    """Per sentence ``(start, end, [(s, e, pos) relative])``; text that folding changed is re-segmented."""
    out = []
    changed = folded != text
    tagger = _own_tagger(rec.userdict) if changed else None
    for sent in sentences:
        base = sent.start
        stext = folded[sent.start : sent.end]
        if tagger is not None and stext != sent.text and stext != fold_width(sent.text):
            toks = []
            pos = 0
            for w, p in tagger.tag(stext):
                toks.append((pos, pos + len(w), p))
                pos += len(w)
        else:
            toks = [(t.start - base, t.end - base, t.pos) for t in sent.tokens]
        out.append((sent.start, sent.end, toks))
    return out


def _lexicon_spans(key: str, folded: str, starts: set[int], ends: set[int], rec: Recognizer) -> list[Span]:
    out = []
    lists = rec.lists
    for s, e, x in rec.lexicon.match(key, starts, ends):
        label, source = x.label, f"lexicon:{x.id}"
        if x.label == "Technology" and key[s:e] in _TECHNIQUE_VERBS and folded[e : e + 1].isascii() \
                and folded[e : e + 1].isalnum():
            continue  # 部署微调|DeepSeek-VL2: the verb of fine-tuning a named model, no mention of the technique
        if x.label == "AIModel":
            twin = rec.org_twin.get(key[s:e])
            after = folded[e : e + 6].lstrip()
            if twin is not None and (after.startswith(lists.org_cues) or after.startswith(lists.org_verbs)
                                     or _MAKER_OF.match(folded, e)
                                     or folded[max(0, s - 6) : s].rstrip().endswith(lists.org_cues_before)):
                label, source = "Organization", f"lexicon:{twin.id}"
            else:
                m = _VERSION_TAIL.match(folded, e) or _MODEL_CHAIN.match(folded, e) or _TIER_TAIL.match(folded, e)
                if m and not folded[m.end() : m.end() + 4].lstrip().startswith(lists.hardware):
                    out.append((s, m.end(), "AIModel", "pattern:model-version", 0.85))
                    continue
                if is_han(folded[e - 1]):
                    body = next((w for w in _MODEL_NAMED_BODIES if folded.startswith(w, e)), "")
                    if body:  # 盘古|智库, 通义|实验室: a body named after a model
                        out.append((s, e + len(body), "Organization", "pattern:model-named-body", 0.8))
                        continue
                    m = _KIND_OF_MODEL.match(folded, e)
                    if m and (m.group(1) or m.group(2)):  # 豆包|视觉理解模型: a model of the family, named with its kind
                        out.append((s, m.end(), "AIModel", "pattern:model-kind", 0.85))
                        continue
                    if m:
                        e = m.end()  # 腾讯混元|大模型, 讯飞星火|大模型: the name as the article writes it
        if label == "AIModel" and key.endswith(_MODEL_WORDS, s, e) and not x.name.endswith(_MODEL_WORDS):
            cut = e - next(len(w) for w in _MODEL_WORDS if key.endswith(w, s, e))
            if cut - s >= 2 and key[s:cut].isascii():
                e = cut  # V3|模型: the Latin name, not the word for a model its alias needs (豆包大模型 stays whole)
        out.append((s, e, label, source, 0.95))
    return out


_MODEL_KINDS = "视觉理解|视觉|语音|多模态|推理|深度思考|文生图|文生视频|图生视频|视频生成|图像生成|代码|编程"
_KIND_OF_MODEL = re.compile(rf"({_MODEL_KINDS})?大模型|({_MODEL_KINDS})模型")
"""The word for a large model after a Han model name, with the kind of model it names (豆包视觉理解模型)."""
_MAKER_OF = re.compile(r"\s*(?:的|旗下的?|自研的|推出的|发布的|开源的)\s*(?:[A-Z][A-Za-z]*-?\d|新模型|推理模型|开源模型|AI模型|大模型)")
"""A model named after a name a company and its model share (DeepSeek的R1模型, DeepSeek推出的推理模型): the company."""
_MODEL_NAMED_BODIES = ("智库", "实验室", "研究院", "研究所", "基金会")
"""Words after a Han model name that make it a body's name (盘古智库, 通义实验室)."""
_TECHNIQUE_VERBS = frozenset({"微调", "蒸馏"})
"""Techniques whose word is also the verb of applying them to a model."""
_PLACE_UNIT = frozenset("市省")
_MODEL_WORDS = ("大模型", "模型")
"""The word for a model closing an alias that needs it to be told apart (V3模型, R1模型)."""


def _crf_spans(folded: str, sents: list[tuple], lex: list[Span], rec: Recognizer) -> list[Span]:
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
    >>> r = load_recognizer()
    >>> [_no_place(p, r) for p in ("鸿蒙座舱", "高阶智驾", "德累斯顿", "北京北四环", "曼哈顿区", "红海")]
    [True, True, False, False, False, False]
    """
    lists = rec.lists
    if len(piece) < 4 or not all(is_han(c) for c in piece) or piece.endswith(tuple(lists.loc_suffixes) + _VENUE_ENDS):
        return False
    if 2 * sum(c in lists.translit for c in piece) >= len(piece):
        return False
    surface = rec.lexicon.surface
    return not any((x := surface.get(piece[i:j])) is not None and x.label == "Location"
                   for i in range(len(piece) - 1) for j in range(i + 2, len(piece) + 1))


def _place_name(piece: str, conf: float, lists: WordLists) -> bool:
    """A CRF place that ends like an address (革新路, 迈号镇, 名商大厦B1楼), kept even when its words are common.

    Examples
    --------
    >>> w = load_word_lists()
    >>> _place_name("革新路", 0.6, w), _place_name("苏州街55号名商大厦B1楼", 0.9, w), _place_name("一条路", 0.9, w)
    (True, True, False)
    """
    if conf < 0.5 or not is_han(piece[0]) or sum(map(is_han, piece)) < 3 or len(piece) > 24:
        return False
    if piece in lists.generic or piece.startswith(lists.descriptor_prefixes) or not piece.isalnum():
        return False
    return piece.endswith(_ADDRESS_ENDS) and piece[0] not in "一这那该某各每"


def find_mentions(article: Article, sentences: tuple[Sentence, ...], recognizer: Recognizer) -> tuple[Mention, ...]:
    """Entity mentions of an article, sorted by start and non-overlapping.

    Examples
    --------
    >>> from kg.segment import make_tagger, segment
    >>> a = Article(id="a1", text="百度创始人李彦宏表示，文心一言和GPT-4o都用到了强化学习。")
    >>> r = load_recognizer()
    >>> [(m.text, m.label) for m in find_mentions(a, segment(a, make_tagger()), r)]
    [('百度', 'Organization'), ('李彦宏', 'Person'), ('文心一言', 'AIModel'), ('GPT-4o', 'AIModel'), ('强化学习', 'Technology')]
    """
    text = article.text
    folded = fold(text)
    rec = recognizer
    sents = _tokens(text, folded, sentences, rec)
    starts: set[int] = set()
    ends: set[int] = set()
    for start, _, toks in sents:
        for s, e, _ in toks:
            starts.add(start + s)
            ends.add(start + e)
            if e - s >= 2 and folded[start + e - 1] in _GLUED_END:
                ends.add(start + e - 1)  # 博|通则: a name may end before a glued adverb
            if e - s >= 3:
                starts.add(start + s + glued_start(folded[start + s : start + e], rec.lists.surnames))  # 由|雷军
    key = fold_key(text)
    units = {start + e - 1 for start, _, toks in sents for s, e, _ in toks
             if e - s >= 3 and folded[start + e - 1] in _PLACE_UNIT} - ends
    lex = _lexicon_spans(key, folded, starts, ends | units, rec)
    # 上海|市的公司: a known place inside the word for its city or province is the place with its unit word
    # (linked to the place, kg.linking); the labeller sees the gazetteer's matches as it was trained on them
    strong = [(c[0], c[1] + 1, *c[2:]) for c in lex if c[1] in units and c[2] == "Location"]
    lex = [c for c in lex if c[1] not in units]
    strong.extend(lex)
    words = word_spans(sents)  # word start → (end, tag), for the patterns and the name growers below
    known = _own_tagger(rec.userdict).known  # the words of the segmenter's dictionary, for guessed names
    strong.extend(pattern_spans(folded, sents, rec.lists, rec.families, words, known))
    # longest first; on equal spans a 《》 title, then the gazetteer, then other patterns
    strong.sort(key=lambda c: (-(c[1] - c[0]), _PRIORITY.get(c[3], 1 if c[3].startswith("lexicon") else 2), c[0]))
    owner: list[Span | None] = [None] * len(text)  # the chosen span covering each character

    def take(c: Span) -> None:
        owner[c[0] : c[1]] = [c] * (c[1] - c[0])

    for c in strong:
        if not any(owner[c[0] : c[1]]):
            take(c)
    for c in _crf_spans(folded, sents, lex, rec):
        clash = list(dict.fromkeys(o for o in owner[c[0] : c[1]] if o is not None))
        if not clash:
            take(c)
        elif (part := place_after_place(c, clash, folded, rec.lists.countries)) is not None:
            take(part)  # 加拿大北部|魁北克: a country, a part of it and a place the gazetteer lacks
        elif nests(c, clash, folded, rec.lists.generic):
            take(c)
    for c in enumerations(folded, sents, rec.lists) + cited_sources(folded, sents, rec.lists) \
            + watch_lists(folded, rec.lists) + stock_movers(folded, rec.lists) + funded_orgs(folded, rec.lists):
        if not any(owner[c[0] : c[1]]):
            take(c)
    # a company's short name or one named with its stock code, over a place or what the tagger found inside it
    # (厦门 in 厦门银行, 来伊份（603777.SH）)
    for c in company_names(folded, sents, rec.lists) + listed_companies(folded, sents, rec.lists, known):
        over = [o for o in dict.fromkeys(owner[c[0] : c[1]]) if o]
        glued = [o for o in over if o[3] == "crf" and o[1] == c[1] and o[0] == c[0] - 1 and folded[o[0]] in _GLUED_BEFORE]
        if all(o in glued or o[0] >= c[0] and o[1] <= c[1] and (o[2] == "Location" or not o[3].startswith("lexicon"))
               for o in over):
            for o in glued:
                owner[o[0] : o[1]] = [None] * (o[1] - o[0])  # 如|锦龙股份: the labeller's name with a glued word
            take(c)
    body = sentences[-1].end if sentences else 0  # past it only white space or related links (kg.segment.segment)
    links = link_spans(text)
    # not the medium of an account (微信|公众号, 微信|号：), nor an exchange before its index (纳斯达克|100指数)
    chosen = [c for c in (outside_links(o, links, text) for o in dict.fromkeys(o for o in owner if o is not None))
              if c is not None and c[1] <= body and keep(text[c[0] : c[1]], rec.lists)
              and not (folded[c[0] : c[1]] in rec.lists.platforms and folded.startswith(rec.lists.account_words, c[1]))
              and not (c[2] == "Organization" and before_index(folded, c[1]))]
    chosen = coordinated(folded, sents, chosen, rec.lists)  # 多款AI应用 FitPulse、Gogogola、CalCut
    chosen = grow_names(folded, chosen, rec.lists, words)
    chosen = owned_models(folded, chosen, rec.lists, words)  # vivo有蓝心大模型, OPPO|安第斯大模型
    chosen = registered_names(folded, chosen, rec.lexicon.surface, rec.lists)
    chosen = placed_registered_names(folded, chosen)
    chosen.extend(c for c in repeated_names(folded, chosen, starts, ends, rec.lists.generic) if c[1] <= body)  # 广立微 again
    chosen.extend(abbreviations(folded, chosen))
    chosen.sort()
    chosen = one_class_per_name(folded, chosen, rec.lists)
    chosen = shared_name_senses(folded, chosen, rec.org_twin, key)
    return tuple(
        Mention(article.id, s, e, text[s:e], label, "", source, conf) for s, e, label, source, conf in chosen
    )


def org_parent(name: str, recognizer: Recognizer) -> str | None:
    """The gazetteer organization a nested organization name starts with, if any.

    Examples
    --------
    >>> org_parent("浙江大学上海高等研究院", load_recognizer())
    '浙江大学'
    >>> org_parent("浙江大学", load_recognizer()) is None
    True
    """
    f = fold_key(name)
    for k in range(len(f) - 2, 1, -1):
        e = recognizer.lexicon.surface.get(f[:k])
        if e is not None and e.label == "Organization":
            return e.name
    return None
