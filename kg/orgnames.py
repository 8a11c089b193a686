"""Relations an organization's own name states: the organization it is part of."""

from __future__ import annotations

from dataclasses import replace

from kg.names import to_simplified
from kg.records import Article, Mention, Relation, Sentence
from kg.rules import Rule, Unit

__all__ = ["nested_relations", "merge_departments", "known_parents"]


def _simple(name: str) -> str:
    """The name in Simplified characters, when that keeps its offsets (one character for one)."""
    s = to_simplified(name)
    return s if len(s) == len(name) else name


def _part(rest: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``rest`` (a name less its parent) names a part: a child ending with at least two characters before it
    (技术委员会, 产品部; not 总部, 内部)."""
    return any(rest.endswith(c) and len(rest) - len(c) >= 2 for c in suffixes)


def merge_departments(units: tuple[Unit, ...], rule: Rule) -> tuple[Unit, ...]:
    """An organization glued to a plain noun naming a part of it (英特尔 产品部) as one organization unit (英特尔产品部).

    Examples
    --------
    >>> r = Rule("n", "nested", "partOf", parent_suffix=("集团",), child_suffix=("部",), glued_suffix=("部",))
    >>> us = (Unit(0, 3, "英特尔", "", "Organization", Mention("a", 0, 3, "英特尔", "Organization")),
    ...       Unit(3, 6, "产品部", "n"))
    >>> [(u.text, u.ent) for u in merge_departments(us, r)]
    [('英特尔产品部', 'Organization')]
    """
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (prev is not None and prev.ent == "Organization" and prev.mention is not None and not u.ent
                and u.start == prev.end and u.pos[:1] in ("n", "j") and _part(u.text, rule.glued_suffix)):
            m = prev.mention
            child = Mention(m.article_id, m.start, u.end, m.text + u.text, "Organization", "",
                            f"nested:{m.source or 'mention'}", m.confidence)
            out[-1] = replace(prev, end=u.end, text=prev.text + u.text, mention=child)
            continue
        out.append(u)
    return tuple(out)


def _known_parent(name: str, known: tuple[Mention, ...], rule: Rule) -> tuple[int, Mention | None]:
    """Length of the longest organization name of the article (surface or linked canonical form) that ``name``
    begins with, stretched over a parent ending right after it (小米 → 小米集团), when a part follows; and that
    mention."""
    best, who = 0, None
    for k in known:
        for form in {_simple(k.text), _simple(k.canonical) if k.canonical else ""}:
            if len(form) < 2 or len(form) <= best or not name.startswith(form):
                continue
            cut = len(form)
            for p in rule.parent_suffix:
                if name.startswith(p, cut) and _part(name[cut + len(p):], rule.child_suffix):
                    cut += len(p)
                    break
            if _part(name[cut:], rule.child_suffix):
                best, who = cut, k
    return best, who


_KIND_OF_COMPANY = frozenset(("上市公司", "子公司", "母公司", "分公司", "总公司", "控股公司", "科技公司", "投资公司"))
"""A company word after a descriptor names a kind of company, not the parent (中国投资协会|上市公司投资专业委员会)."""


def nested_relations(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule,
                     known: tuple[Mention, ...] = ()) -> list[Relation]:
    """partOf between an organization and the organization its name begins with (浙江大学上海高等研究院), also
    when that is another organization named in the article (``known``), written as it or by its linked name
    (小米集团技术委员会 → 小米集团, 英特尔产品部 → 英特尔).

    Examples
    --------
    >>> from kg.rules import Rule, Unit
    >>> m = Mention("a", 0, 9, "復旦大學計算機學院", "Organization")
    >>> r = Rule("n", "nested", "partOf", parent_suffix=("大学",), child_suffix=("学院",))
    >>> [(x.subject.text, x.object.text) for x in nested_relations(Article("a", m.text), Sentence("a", 0, 9, m.text),
    ...     (Unit(0, 9, "复旦大学计算机学院", "", "Organization", m),), r)]
    [('復旦大學計算機學院', '復旦大學')]
    """
    out = []
    for u in units:
        m = u.mention
        if m is None or m.label != "Organization":
            continue
        name = _simple(m.text)
        if not any(name.endswith(c) for c in rule.child_suffix):
            continue
        best = 0
        for p in rule.parent_suffix:
            i = name.find(p)
            while i >= 0:
                cut = i + len(p)
                if i >= 2 and cut <= len(name) - 2 and name[max(0, i - 2) : cut] not in _KIND_OF_COMPANY:
                    best = max(best, cut)  # a name before the suffix, a part after it; not 协会|上市公司|…
                i = name.find(p, i + 1)
        cut, who = _known_parent(name, tuple(k for k in known if k.label == "Organization"), rule)
        if not best and not cut:
            continue
        canonical = ""
        if cut >= best and who is not None:
            best, canonical = cut, who.canonical
        parent = Mention(article.id, m.start, m.start + best, m.text[:best], "Organization", canonical,
                         f"nested:{m.source or 'mention'}", m.confidence)
        out.append(Relation(article.id, m, rule.relation, parent, rule.id, sent.start, sent.end,
                            rule.confidence, None, "rule"))
    return out


KNOWN_PARENT_RULE = "gazetteer-part-of"
"""Rule id of the partOf relations the gazetteer's ``part_of`` gives."""
KNOWN_PARENT_CONFIDENCE = 0.7


def known_parents(article: Article, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...],
                  parents: tuple[tuple[str, str], ...]) -> list[Relation]:
    """partOf from a well-known organization to the one it is part of (阿里云 → 阿里巴巴, ``parents`` from the
    gazetteer) where the article names both; the evidence is the first sentence naming both, else the one naming the
    part first.

    Examples
    --------
    >>> a = Article("a", "阿里云上线了模型。阿里巴巴股价上涨。")
    >>> ms = (Mention("a", 0, 3, "阿里云", "Organization"), Mention("a", 9, 13, "阿里巴巴", "Organization"))
    >>> ss = (Sentence("a", 0, 9, a.text[:9]), Sentence("a", 9, 18, a.text[9:]))
    >>> [(r.subject.text, r.object.text, a.text[r.evidence_start:r.evidence_end]) for r in
    ...  known_parents(a, ss, ms, (("阿里云", "阿里巴巴"),))]
    [('阿里云', '阿里巴巴', '阿里云上线了模型。')]
    >>> known_parents(a, ss, ms[:1], (("阿里云", "阿里巴巴"),))
    []
    """
    wanted = dict(parents)
    if not wanted:
        return []
    orgs = [m for m in mentions if m.label == "Organization"]
    out = []
    done: set[tuple[str, str]] = set()
    for m in orgs:
        parent = wanted.get(m.name)
        if parent is None or (m.name, parent) in done:
            continue
        named = [p for p in orgs if p.name == parent]
        if not named:
            continue
        done.add((m.name, parent))
        firsts = [s for s in sentences if any(s.start <= c.start < s.end for c in orgs if c.name == m.name)]
        both = next((s for s in firsts if any(s.start <= p.start < s.end for p in named)), None)
        sent = both or firsts[0] if firsts else None
        if sent is None:
            continue
        child = next(c for c in orgs if c.name == m.name and sent.start <= c.start < sent.end)
        other = next((p for p in named if sent.start <= p.start < sent.end), named[0])
        out.append(Relation(article.id, child, "partOf", other, KNOWN_PARENT_RULE, sent.start, sent.end,
                            KNOWN_PARENT_CONFIDENCE, None, "rule"))
    return out
