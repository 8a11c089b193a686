"""Article-level relations from the byline: an invited expert's article explains its main subjects, and the
staff an article credits at its head or foot work for its outlet.

The rules live in ``ontology/patterns/bylines.jsonl``. A rule applies when the byline author
(``Article.author``) is named in the body as a Person in a sentence with one of the rule's cues
(本报特邀……吴飞教授撰文) and none of its exclusions (本报记者). The author then gets the rule's
relation to each entity of the rule's classes that the title names or the body mentions often.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import PatternError
from kg.names import normalize_key
from kg.records import Article, Mention, Relation, Sentence
from kg.resources import check_term, ontology_dir
from kg.rules import read_jsonl

__all__ = ["BylineRule", "load_byline_rules", "byline_relations"]

_KEYS = {"id", "relation", "objects", "cues", "not", "min_mentions", "confidence", "note", "from"}
_FROM = ("byline", "credits", "staff")


@dataclass(frozen=True, slots=True)
class BylineRule:
    """One row of ``bylines.jsonl``."""

    id: str
    """Rule id, kept in each relation's provenance."""
    relation: str
    """Ontology property the author gets (``explains``)."""
    objects: frozenset[str]
    """Classes of the entities it points to."""
    cues: tuple[str, ...]
    """Words of which the sentence naming the author must hold one (特邀, 撰文, 教授)."""
    exclude: tuple[str, ...] = ()
    """Words that rule the sentence out (记者)."""
    min_mentions: int = 2
    """How often the body must mention an entity the title does not name."""
    confidence: float = 0.6
    """Confidence of each relation."""
    source: str = "byline"
    """``byline``: the article's author; ``credits``: the people a credit in the text says wrote a 《work》
    (本文作者：A，B…原文标题：《T》), with one of ``cues`` in the credit; ``staff``: the people a credit at the
    head or foot of the text names (编辑 郭庄, 责任编辑：孙庆阳), with the credit (one of ``cues``) as their role at
    the article's outlet."""


def load_byline_rules(directory: str | Path | None = None) -> tuple[BylineRule, ...]:
    """Read and check ``patterns/bylines.jsonl`` (none when the file is absent).

    Examples
    --------
    >>> [r.relation for r in load_byline_rules()]
    ['explains', 'authorOf', 'worksFor']
    """
    path = ontology_dir(directory) / "patterns" / "bylines.jsonl"
    if not path.is_file():
        return ()
    out = []
    for where, raw, row in read_jsonl(path):
        def bad(why: str) -> PatternError:
            return PatternError(f"{where}: {why}: {raw}")

        if set(row) - _KEYS or not {"id", "relation", "objects", "cues"} <= set(row):
            raise bad(f"expected the keys id, relation, objects, cues (and optionally {sorted(_KEYS - {'id', 'relation', 'objects', 'cues'})})")
        for key in ("cues", "objects", "not"):
            words = row.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise bad(f"{key} must be a list of non-empty strings")
        if not row["cues"] or not row["objects"]:
            raise bad("cues and objects must not be empty")
        n = row.get("min_mentions", 2)
        conf = row.get("confidence", 0.6)
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise bad("min_mentions must be a whole number >= 1")
        if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0 < conf <= 1:
            raise bad("confidence must be a number in (0, 1]")
        if row.get("from", "byline") not in _FROM:
            raise bad(f"from must be one of {list(_FROM)}")
        check_term(row["relation"], "property", where, directory)
        for cls in row["objects"]:
            check_term(cls, "class", where, directory)
        out.append(BylineRule(str(row["id"]), row["relation"], frozenset(row["objects"]), tuple(row["cues"]),
                              tuple(row.get("not", [])), n, float(conf), row.get("from", "byline")))
    return tuple(out)


def byline_relations(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    rules: tuple[BylineRule, ...],
) -> tuple[Relation, ...]:
    """Relations from the byline author to the article's main subjects, per rule.

    The evidence is the sentence that introduces the author as an expert.

    Examples
    --------
    >>> text = "本报特邀吴飞教授撰文解释扩散模型。扩散模型先加噪再去噪。"
    >>> a = Article("a", text, title="专家解读扩散模型", author="吴飞")
    >>> ss = (Sentence("a", 0, 17, text[:17]), Sentence("a", 17, len(text), text[17:]))
    >>> ms = (Mention("a", 4, 6, "吴飞", "Person"), Mention("a", 12, 16, "扩散模型", "Technology"),
    ...       Mention("a", 17, 21, "扩散模型", "Technology"))
    >>> [(r.subject.text, r.predicate, r.object.text) for r in byline_relations(a, ss, ms, load_byline_rules())]
    [('吴飞', 'explains', '扩散模型')]
    """
    out: list[Relation] = []
    for rule in rules:
        if rule.source == "credits":
            out.extend(_credited(article, mentions, rule))
        elif rule.source == "staff":
            out.extend(_staff(article, sentences, mentions, rule))
    rules = tuple(r for r in rules if r.source == "byline")
    if not rules:
        return tuple(out)
    if article.author:
        authors = {normalize_key(n) for n in article.author.replace("，", ",").replace("、", ",").split(",") if n.strip()}
        people = [m for m in mentions if m.label == "Person" and normalize_key(m.name) in authors]
    else:
        people = _credited_authors(article.text, sentences, mentions)
    if not people:
        return tuple(out)
    title_key = normalize_key(article.title or "")
    for rule in rules:
        intro = _introduction(people, sentences, rule)
        if intro is None:
            continue
        person, sent = intro
        counts: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.label in rule.objects:
                counts.setdefault(normalize_key(m.name), []).append(m)
        for key, ms in sorted(counts.items(), key=lambda kv: kv[1][0].start):
            named = key in title_key or any(normalize_key(m.text) in title_key for m in ms)
            if (named or len(ms) >= rule.min_mentions) and normalize_key(person.name) != key:
                out.append(Relation(article.id, person, rule.relation, ms[0], rule.id, sent.start, sent.end,
                                    rule.confidence, None, "rule"))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from kg.patterns import load_word_lists

    return load_word_lists().surnames


def _credited(article: Article, mentions: tuple[Mention, ...], rule: BylineRule) -> list[Relation]:
    """Relations from each person a credit names to the 《work》 it names (authorOf), per :mod:`kg.credits`."""
    from kg.credits import credited_works
    from kg.patterns import fold

    folded = fold(article.text)
    out: list[Relation] = []
    for names, (ts, te), (es, ee) in credited_works(folded, _surnames()):
        if not any(c in folded[es:ee] for c in rule.cues) or any(x in folded[es:ee] for x in rule.exclude):
            continue
        work = next((m for m in mentions if m.label in rule.objects and m.start <= ts and te <= m.end + 1
                     and m.start < te), None)
        if work is None:
            continue
        for s, e in names:
            person = next((m for m in mentions if m.label == "Person" and m.start <= s and e <= m.end), None)
            if person is not None:
                out.append(Relation(article.id, person, rule.relation, work, rule.id, es, ee, rule.confidence,
                                    None, "rule"))
    return out


_HEAD = 300
"""How far into the text an author credit is read when the article has no byline (本文作者王鹏，北京社科院研究员)."""


_AUTHOR_WORDS = ("作者", "评论员", "評論員", "专栏作家")
"""Words that credit the person after them with the article (作者：王鹏, 每经评论员 杜恒峰)."""


def _credited_authors(text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]) -> list[Mention]:
    """People the opening of the text credits as its authors (（本文作者王鹏，…研究员）, 作者 | …专家 张维,
    每经评论员 杜恒峰), for an article without a byline."""
    out = []
    for m in mentions:
        if m.start >= _HEAD:
            break
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        if m.label == "Person" and sent is not None and any(
                w in text[max(sent.start, m.start - 40) : m.start] for w in _AUTHOR_WORDS):
            out.append(m)
    return out


def _introduction(people: list[Mention], sentences: tuple[Sentence, ...],
                  rule: BylineRule) -> tuple[Mention, Sentence] | None:
    """The first author mention in a sentence with a cue and no exclusion, with that sentence."""
    for m in people:
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        if sent is None:
            continue
        if any(c in sent.text for c in rule.cues) and not any(x in sent.text for x in rule.exclude):
            return m, sent
    return None


_EDGE = 250
"""How far from either end of the text the staff credits and the outlet's dateline are read."""

_OUTLET_AFTER = re.compile(r"\s*(?:\d{4}年)?\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:讯|电|报道|消息|版权所有|记者|获悉)")
"""What follows an outlet's name in a dateline, a footer or a reporter's credit (中新经纬2月8日电, 新智元报道,
中新经纬版权所有, 红星新闻记者 杨雨奇, 记者 钱玉娟 2月13日，经济观察网获悉)."""
_NOT_OUTLET_AFTER = "从向自据"
"""Words before a name that make it a source, not the outlet (记者从百度获悉)."""

_OUTLET_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:讯|电)")
"""A dateline with the place between the outlet and the date (新华社北京2月8日电), read when no outlet is named
next to its date: 视觉中国 蓝鲸新闻2月10日讯 is 蓝鲸新闻's."""

_SEP = "：:|｜丨/／ \u3000\u00a0"


def _outlet(text: str, mentions: tuple[Mention, ...]) -> Mention | None:
    """The organization the head or foot of the text names as the article's outlet: its dateline (中新经纬2月8日电),
    its report (新智元报道), its copyright line or its reporter's credit."""
    foot = len(text) - _EDGE
    edges = [m for m in mentions if m.label == "Organization" and not _EDGE <= m.start < foot]
    edges = [m for m in edges if not (m.start and text[m.start - 1] in _NOT_OUTLET_AFTER)]
    return next((m for m in edges if _OUTLET_AFTER.match(text, m.end)),
                next((m for m in edges if _OUTLET_PLACE_AFTER.match(text, m.end)), None))


def _staff(article: Article, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...],
           rule: BylineRule) -> list[Relation]:
    """The article's outlet for each person a credit at the head or foot of the text names without an outlet of
    its own (红星新闻记者 杨雨奇 编辑 郭庄 责编 魏孔明: 郭庄 and 魏孔明; 责任编辑：孙庆阳 under 中新经纬2月8日电).

    A credit glued to an organization (界面新闻编辑) and a person whose affiliation follows the name (作者 文紫妍
    国泰君安证券研究所分析师) are left to the sentence rules."""
    text = article.text
    outlet = _outlet(text, mentions)
    foot = len(text) - _EDGE
    people = [m for m in mentions if m.label == "Person" and not _EDGE <= m.start < foot]
    orgs = [m for m in mentions if m.label == "Organization"]
    cues = sorted(rule.cues, key=len, reverse=True)  # 责任编辑 before 编辑
    out: list[Relation] = []
    for i, m in enumerate(people):
        j = m.start
        while j > 0 and text[j - 1] in _SEP:
            j -= 1
        credit = next((c for c in cues if text.endswith(c, 0, j)), None)
        where = outlet
        if credit is None:
            # a name after a credited one (记者 杨雨奇 郝俊慧): the credit of the name before it
            prev = people[i - 1] if i else None
            if prev is None or text[prev.end:m.start].strip(_SEP + "、，,") or not out or out[-1].subject is not prev:
                continue
            credit, where = out[-1].role or "", out[-1].object
        elif any(o.end == j - len(credit) for o in orgs) or _excluded(text, j - len(credit), rule):
            continue
        else:
            where = _posted_from(text, orgs, j - len(credit)) or outlet
        if where is None or any(0 <= o.start - m.end <= 2 and not text.startswith(tuple(cues), o.end) for o in orgs) \
                or normalize_key(m.name) == normalize_key(where.name):
            continue  # 文紫妍 国泰君安证券研究所分析师: the affiliation after the name (not the next credit's outlet)
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        start, end = (sent.start, sent.end) if sent else (m.start, m.end)
        out.append(Relation(article.id, m, rule.relation, where, rule.id, start, end, rule.confidence, credit,
                            "rule"))
    return out


_POSTED_WITHIN = 10
"""How far before a credit an outlet may stand with the words of a posting between (环球时报驻法国特派|特约记者)."""


def _posted_from(text: str, orgs: list[Mention], at: int) -> Mention | None:
    """The outlet a credit at ``at`` names a few characters before it with no break between (环球时报驻法国特派特约记者:
    环球时报), rather than the article's own."""
    near = [o for o in orgs if 0 < at - o.end <= _POSTED_WITHIN and not re.search(r"[\s，,。；;、|丨｜:：]", text[o.end:at])]
    return near[-1] if near else None


def _excluded(text: str, at: int, rule: BylineRule) -> bool:
    """Whether one of the rule's exclusions ends where a credit starts (图片编辑, 视频编辑)."""
    return any(text.endswith(x, 0, at) for x in rule.exclude)
