"""Entity mentions of an article: a character CRF for names, a gazetteer, and surface patterns.

The CRF (``kg/ner.py``, trained on CLUENER2020) finds person, organization and place names,
including unseen ones; the gazetteer (``ontology/patterns/entities.jsonl``) names well-known
organizations, AI models, technologies and people, and is both a CRF feature and a fallback;
patterns add versioned Latin model names (GPT-4o, Qwen2.5-Max), transliterated names with a
middle dot (山姆·阿尔特曼), titles in 《》, names next to a title (创始人李彦宏, 吴飞教授) and
abbreviations defined in parentheses (人类反馈强化学习（RLHF）).

Decisions on what is an entity:

* generic words never are (技术, 模型, 公司, 平台, and the domain words 人工智能/AI and 大模型,
  which name the field every article is about, not a technique; see ``kg/models/lists.json``);
  named techniques and fields are Technology (大语言模型, 生成式人工智能/AIGC, 强化学习);
* a title in 《》 is a Publication (paper, report, book, journal, newspaper, policy document)
  unless its sentence speaks of a film, series, game, song or show;
* nested organizations stay one mention (浙江大学上海高等研究院); :func:`org_parent` names the
  parent organization the gazetteer knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ModelError
from kg.ner import LABELS, CrfLabeller, char_features, decode_bio, load_labeller
from kg.patterns import (
    BOOK_TITLE,
    DOT_NAME,
    LATIN_MODEL,
    PAREN_ABBR,
    Lexicon,
    WordLists,
    fold,
    is_han,
    load_lexicon,
    load_word_lists,
)
from kg.records import Article, Mention, Sentence

__all__ = ["Recognizer", "load_recognizer", "find_mentions", "org_parent"]

_MODEL_CUES = ("模型", "大模型", "发布", "版本", "推出", "上线", "开源", "model", "Model")
_SCREEN_CUES = re.compile(r"电影|影片|票房|上映|电视剧|剧集|动画|导演|主演|游戏|玩家|歌曲|专辑|春晚|节目|综艺|影视|观影|院线|档期")
_LATIN_ONLY = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\- ]*")


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
    by_id: dict
    """Gazetteer entries by id."""


def load_recognizer(ontology_dir: Path | None = None) -> Recognizer:
    """Load and validate the gazetteer, word lists and CRF model.

    Raises PatternError for a bad gazetteer row (quoting it with file:line) and
    ModelError when the model is missing or unreadable.

    Examples
    --------
    >>> r = load_recognizer()
    >>> r.lexicon.surface["谷歌公司"].name
    '谷歌'
    """
    from kg.resources import ENTITY_CLASSES, check_term, ontology_dir as _odir

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
            for form in (e.name, *e.aliases):
                m = re.match(r"[A-Za-z]{2,}", form)
                if m:
                    families.add(m.group(0))
    by_id = {e.id: e for e in lexicon.entries}
    return Recognizer(lexicon, lists, labeller, frozenset(families), by_id)


def _token_bounds(sentences: tuple[Sentence, ...]) -> tuple[set[int], set[int]]:
    starts: set[int] = set()
    ends: set[int] = set()
    for s in sentences:
        for t in s.tokens:
            starts.add(t.start)
            ends.add(t.end)
    return starts, ends


def _crf_spans(folded: str, sentences: tuple[Sentence, ...], rec: Recognizer) -> list[tuple]:
    out = []
    lab = rec.labeller
    for sent in sentences:
        if not any(is_han(c) for c in sent.text):
            continue
        base = sent.start
        toks = [(t.start - base, t.end - base, t.pos) for t in sent.tokens]
        stext = folded[sent.start : sent.end]
        tags = lab.tag(char_features(stext, toks, rec.lexicon, rec.lists))
        for s, e, k in decode_bio(tags):
            out.append((base + s, base + e, LABELS[k], "crf", 0.8))
    return out


def _pattern_spans(text: str, folded: str, sentences: tuple[Sentence, ...], rec: Recognizer) -> list[tuple]:
    out = []
    for m in LATIN_MODEL.finditer(folded):
        s, e = m.span(1)
        name = m.group(1)
        fam = re.match(r"[A-Za-z]+", name)
        near = folded[max(0, s - 12) : e + 12]
        if (fam and fam.group(0) in rec.families) or any(c in near for c in _MODEL_CUES):
            out.append((s, e, "AIModel", "pattern:latin-model", 0.85))
    for m in DOT_NAME.finditer(folded):
        out.append((m.start(), m.end(), "Person", "pattern:dot-name", 0.85))
    for sent in sentences:
        stext = folded[sent.start : sent.end]
        if "《" in stext and not _SCREEN_CUES.search(stext):
            for m in BOOK_TITLE.finditer(stext):
                out.append((sent.start + m.start(1), sent.start + m.end(1), "Publication", "pattern:book-title", 0.8))
        toks = sent.tokens
        titles = rec.lists.titles
        surnames = rec.lists.surnames
        for k, t in enumerate(toks):
            if t.pos == "nr" and 2 <= len(t.text) <= 3 and t.text[0] in surnames:
                prev = toks[k - 1].text if k > 0 else ""
                nxt = toks[k + 1].text if k + 1 < len(toks) else ""
                if prev in titles or nxt in titles:
                    out.append((t.start, t.end, "Person", "pattern:title-name", 0.85))
    return out


def _keep(text: str, label: str, rec: Recognizer) -> bool:
    if text in rec.lists.generic or len(text.strip()) < 2 and not text.isascii():
        return False
    if not text.strip() or text != text.strip():
        return False
    if all(not (c.isalnum()) for c in text) or text.isdigit():
        return False
    return True


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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
    starts, ends = _token_bounds(sentences)
    strong: list[tuple] = [
        (s, e, x.label, f"lexicon:{x.id}", 0.95) for s, e, x in rec.lexicon.match(folded, starts, ends)
    ]
    strong.extend(_pattern_spans(text, folded, sentences, rec))
    # longest first, lexicon before patterns on ties
    strong.sort(key=lambda c: (-(c[1] - c[0]), not c[3].startswith("lexicon"), c[0]))
    chosen: list[tuple] = []
    for c in strong:
        if not any(_overlaps(c, o) for o in chosen):
            chosen.append(c)
    for c in _crf_spans(folded, sentences, rec):
        clash = [o for o in chosen if _overlaps(c, o)]
        if not clash:
            chosen.append(c)
        elif (
            c[2] == "Organization"
            and all(o[0] >= c[0] and o[1] <= c[1] and o[2] in ("Organization", "Location") for o in clash)
            and (c[1] - c[0]) > max(o[1] - o[0] for o in clash)
        ):
            chosen = [o for o in chosen if o not in clash]
            chosen.append(c)
    chosen = [c for c in chosen if _keep(text[c[0] : c[1]], c[2], rec)]
    chosen.extend(_abbreviations(text, folded, chosen))
    chosen.sort()
    return tuple(
        Mention(article.id, s, e, text[s:e], label, "", source, conf) for s, e, label, source, conf in chosen
    )


def _abbreviations(text: str, folded: str, chosen: list[tuple]) -> list[tuple]:
    """Mentions for ``名称（ABBR）`` definitions and later uses of ABBR in the article."""
    out: list[tuple] = []
    defined: dict[str, str] = {}
    taken = sorted(chosen)
    for s, e, label, _, _ in taken:
        m = PAREN_ABBR.match(folded, e)
        if m and not m.group(1).isdigit():
            abbr = m.group(1)
            span = (m.start(1), m.end(1), label, f"pattern:abbr:{s}", 0.85)
            if not any(_overlaps(span, o) for o in taken + out):
                out.append(span)
            defined.setdefault(abbr, label)
    for abbr, label in defined.items():
        for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(abbr) + r"(?![A-Za-z0-9])", folded):
            span = (m.start(), m.end(), label, "pattern:abbr", 0.8)
            if not any(_overlaps(span, o) for o in taken + out):
                out.append(span)
    return out


def org_parent(name: str, recognizer: Recognizer) -> str | None:
    """The gazetteer organization a nested organization name starts with, if any.

    Examples
    --------
    >>> org_parent("浙江大学上海高等研究院", load_recognizer())
    '浙江大学'
    >>> org_parent("浙江大学", load_recognizer()) is None
    True
    """
    f = fold(name)
    for k in range(len(f) - 2, 1, -1):
        e = recognizer.lexicon.surface.get(f[:k])
        if e is not None and e.label == "Organization":
            return e.name
    return None


def _check_model(rec: Recognizer) -> None:  # pragma: no cover - kept for symmetry with load errors
    if rec.labeller is None:
        raise ModelError("no entity model loaded")
