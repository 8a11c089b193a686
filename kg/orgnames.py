"""Relations an organization's own name states: the organization it is part of."""

from __future__ import annotations

from kg.names import to_simplified
from kg.records import Article, Mention, Relation, Sentence
from kg.rules import Rule, Unit

__all__ = ["nested_relations"]


def _simple(name: str) -> str:
    """The name in Simplified characters, when that keeps its offsets (one character for one)."""
    s = to_simplified(name)
    return s if len(s) == len(name) else name


def nested_relations(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule) -> list[Relation]:
    """partOf between an organization and the organization its name begins with (浙江大学上海高等研究院).

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
                if i >= 2 and cut <= len(name) - 2:  # a name before the suffix, a part after it
                    best = max(best, cut)
                i = name.find(p, i + 1)
        if not best:
            continue
        parent = Mention(article.id, m.start, m.start + best, m.text[:best], "Organization", "",
                         f"nested:{m.source or 'mention'}", m.confidence)
        out.append(Relation(article.id, m, rule.relation, parent, rule.id, sent.start, sent.end,
                            rule.confidence, None, "rule"))
    return out
