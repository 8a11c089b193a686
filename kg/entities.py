"""Entity mentions of an article: a character CRF for names, a gazetteer, and surface patterns.

The CRF (``kg/ner.py``, trained on CLUENER2020) finds person, organization and place names,
including unseen ones (its spans and their checks: ``kg/crf_spans.py``); the gazetteer (``ontology/patterns/entities.jsonl``) names well-known
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

from kg.mention_filters import glued_start
from kg.stock_indices import before_index, index_name
from kg.overlaps import keep, latin_names_among_models, nests, shared_name_senses
from kg.name_extents import (
    link_spans,
    names_before_latin,
    one_class_per_name,
    outside_links,
    place_after_place,
    placed_registered_names,
    registered_names,
    whole_given_names,
)
from kg.affiliations import posted_units
from kg.entity_lists import cited_sources, coordinated, stock_movers, watch_lists
from kg.repeats import abbreviations, repeated_names
from kg.listed import listed_companies
from kg.company_names import company_names, enumerations, funded_orgs
from kg.entity_patterns import pattern_spans, word_spans
from kg.model_names import owned_models
from kg.name_growth import grow_names
from kg.crf_spans import crf_spans
from kg.ner import CrfLabeller, load_labeller
from kg.gazetteer import LexEntry, Lexicon, load_lexicon, shared_names
from kg.patterns import (
    WordLists,
    fold,
    fold_key,
    fold_width,
    is_han,
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
_PRIORITY = {"pattern:book-title": 0}
Span = tuple  # (start, end, label, source, confidence)


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
    for e in lexicon.entries:
        if e.label == "AIModel":
            for form in (e.name, *e.aliases, *((e.en,) if e.en else ())):
                m = re.match(r"[A-Za-z]{2,}", form)
                if m:
                    families.add(m.group(0))
    twins = {k: org for k, (org, _) in shared_names(lexicon).items()}
    by_id = {e.id: e for e in lexicon.entries}
    return Recognizer(lexicon, lists, labeller, frozenset(families), by_id, twins, str(d / "dicts" / "userdict.txt"))


@functools.lru_cache(maxsize=2)
def _own_tagger(userdict: str):
    from kg.segment import load_userdict, make_tagger

    return make_tagger("rjieba", load_userdict(userdict) if Path(userdict).is_file() else [])


_GLUED_BEFORE = frozenset("如及和与为在从对被把据以由向继")
"""Function words a segmenter glues to the start of a company's name (如|锦龙股份)."""
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
                                     or _MAKER_OF.match(folded, e) or _AMONG_FIRMS.match(folded, e)
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


_FIRM_AFTER_DIGITS = re.compile(r"(?:的[\u4e00-\u9fffA-Za-z]|创始人|董事长|集团|公司|旗下|宣布|表示|发布|推出|将|已|也|还|等|、|和|与"
                                r"|数字安全|安全大模型|智脑)")
"""Words after a three-digit name that make it the company (360的纳米搜索, 360创始人周鸿祎, 360、阿里)."""
_NUMBER_AFTER = re.compile(r"\s*(?:[.,．]\d|[\d%％元年月日号万亿千百个家名位只台件次倍层米克吨度岁分秒期届人款条项]|美元|港元)")
"""What after digits makes them a number, a date or an amount (1688元, 1688年, 1688家)."""


def _number_name(folded: str, c: Span) -> bool:
    """Whether four digits or more the gazetteer knows as a name name it here (1688 the platform), not a number
    (1688元); three are too often a count (360伙, 港股360) for the name alone to tell, and need a company's words
    after them (360的纳米搜索)."""
    if not (c[3].startswith("lexicon:") and c[1] - c[0] >= 3 and folded[c[0] : c[1]].isdigit()
            and not folded[c[0] - 1 : c[0]].isdigit() and _NUMBER_AFTER.match(folded, c[1]) is None):
        return False
    # three digits name the company only with a company's words after them (360的纳米搜索, 360创始人, 依托360将)
    return c[1] - c[0] >= 4 or (_FIRM_AFTER_DIGITS.match(folded, c[1]) is not None
                                 and not folded.endswith(("港股", "〈", "<"), 0, c[0]))


_MODEL_KINDS = "视觉理解|视觉|语音|多模态|推理|深度思考|文生图|文生视频|图生视频|视频生成|图像生成|代码|编程"
_KIND_OF_MODEL = re.compile(rf"({_MODEL_KINDS})?大模型|({_MODEL_KINDS})模型")
"""The word for a large model after a Han model name, with the kind of model it names (豆包视觉理解模型)."""
_MAKER_OF = re.compile(r"\s*(?:的|旗下的?|自研的|推出的|发布的|开源的)\s*(?:[A-Z][A-Za-z]*-?\d|新模型|推理模型|开源模型|AI模型|大模型)")
"""A model named after a name a company and its model share (DeepSeek的R1模型, DeepSeek推出的推理模型): the company."""
_AMONG_FIRMS = re.compile(r"\s*等[\u4e00-\u9fff]{0,4}?(?:企业|公司|厂商|创企|巨头)")
"""A name shared by a company and its model listed as one of some firms (DeepSeek等新兴企业, DeepSeek等少数中国公司)."""
_MODEL_NAMED_BODIES = ("智库", "实验室", "研究院", "研究所", "基金会")
"""Words after a Han model name that make it a body's name (盘古智库, 通义实验室)."""
_TECHNIQUE_VERBS = frozenset({"微调", "蒸馏"})
"""Techniques whose word is also the verb of applying them to a model."""
_PLACE_UNIT = frozenset("市省")
_MODEL_WORDS = ("大模型", "模型")
"""The word for a model closing an alias that needs it to be told apart (V3模型, R1模型)."""


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
    for c in crf_spans(folded, sents, lex, rec):
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
    for c in company_names(folded, sents, rec.lists, known) + listed_companies(folded, sents, rec.lists, known):
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
              if c is not None and c[1] <= body and (keep(text[c[0] : c[1]], rec.lists) or _number_name(folded, c))
              and not (folded[c[0] : c[1]] in rec.lists.platforms and folded.startswith(rec.lists.account_words, c[1]))
              and not (c[2] == "Organization" and (before_index(folded, c[1]) or index_name(folded, c[0], c[1])))]
    chosen = coordinated(folded, sents, chosen, rec.lists)  # 多款AI应用 FitPulse、Gogogola、CalCut
    chosen = whole_given_names(folded, chosen, rec.lists.surnames)  # 于东|来曾 … 于东来说
    chosen = names_before_latin(folded, chosen, rec.lists.translit, rec.lists.titles)  # 首席财务官|阿什肯纳齐（Anat Ashkenazi）
    chosen = grow_names(folded, chosen, rec.lists, words)
    chosen = posted_units(folded, sents, chosen, rec.lists, words)  # 中国新就业形态研究中心|主任
    chosen = owned_models(folded, chosen, rec.lists, words)  # vivo有蓝心大模型, OPPO|安第斯大模型
    chosen = registered_names(folded, chosen, rec.lexicon.surface, rec.lists)
    chosen = placed_registered_names(folded, chosen)
    chosen.extend(c for c in repeated_names(folded, chosen, starts, ends, rec.lists.generic) if c[1] <= body)  # 广立微 again
    chosen.extend(abbreviations(folded, chosen))
    chosen.sort()
    chosen = latin_names_among_models(folded, chosen)  # 名为Goose和Gemma的模型
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
