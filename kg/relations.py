"""Rule-based relation extraction over segmented sentences, with hedges, negation and evidence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kg.records import Article, Mention, Quote, Relation, Sentence
from kg.resources import ontology_dir
from kg.rules import Hedge, Rule, RuleSet, Unit, build_units, match_rule, read_hedges, read_roles, read_rules

__all__ = ["RuleSet", "load_rules", "extract_relations"]

_COORD = frozenset({"和", "与", "、", "及", "以及", "跟", "同", "暨", "还有"})
"""Words joining coordinated entities (A和B发布……): every conjunct gets the relation."""
_CLAUSE = frozenset("，,；;：:")


def load_rules(ontology_dir_: Path | str | None = None) -> RuleSet:
    """Load relation rules, hedge cues and position titles from ``<ontology>/patterns/``.

    Raises PatternError naming file:line and quoting the row for a bad rule.

    Examples
    --------
    >>> rs = load_rules()
    >>> any(r.relation == "worksFor" for r in rs.rules)
    True
    """
    odir = ontology_dir(ontology_dir_)
    pdir = odir / "patterns"
    directory = str(ontology_dir_) if ontology_dir_ is not None else None
    rules = read_rules(pdir / "relations.jsonl", directory)
    hedges = read_hedges(pdir / "hedges.jsonl") if (pdir / "hedges.jsonl").is_file() else ()
    heads, mods, joins = read_roles(pdir / "roles.jsonl") if (pdir / "roles.jsonl").is_file() else ((), (), ())
    return RuleSet(rules, hedges, frozenset(heads), frozenset(mods), frozenset(joins))


def extract_relations(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    rules: RuleSet,
) -> tuple[tuple[Relation, ...], tuple[Quote, ...]]:
    """Relations stated in the article's sentences, and its reported speech.

    Each relation names the rule that found it, the evidence sentence's offsets and a
    confidence (lowered by hedges such as 据传 or 或将; negated statements give none).

    Examples
    --------
    >>> from kg.records import Token
    >>> a = Article(id="a1", text="百度发布文心一言。")
    >>> s = Sentence("a1", 0, 9, a.text, (Token(0, 2, "百度", "n"), Token(2, 4, "发布", "v"),
    ...     Token(4, 8, "文心一言", "nz"), Token(8, 9, "。", "x")))
    >>> ms = (Mention("a1", 0, 2, "百度", "Organization"), Mention("a1", 4, 8, "文心一言", "AIModel"))
    >>> rels, quotes = extract_relations(a, (s,), ms, load_rules())
    >>> [(r.subject.text, r.predicate, r.object.text) for r in rels]
    [('百度', 'released', '文心一言')]
    """
    from kg.quotes import quotes_from_match, relations_from_quotes

    found: dict[tuple, Relation] = {}
    quotes: list[Quote] = []
    ordered = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    for sent in sentences:
        units = build_units(sent, ordered, rules)
        if not any(u.mention is not None for u in units):
            continue
        simple = sent.text if sent.text.isascii() else _simplified(sent.text)
        for rule in rules.rules:
            if rule.kind == "nested":
                for rel in _nested(article, sent, units, rule):
                    _keep(found, rel)
                continue
            if any(not any(w in simple for w in words) for words in rule.needs):
                continue
            for end, caps in match_rule(rule, units):
                if rule.kind == "quote":
                    q = quotes_from_match(article, sent, units, rule, caps, end, ordered)
                    if q is not None and not _negated(rules.hedges, sent, units, caps, end):
                        quotes.append(q)
                    continue
                for rel in _relations_from_match(article, sent, units, rule, caps, end, rules.hedges):
                    _keep(found, rel)
    quotes = _dedupe_quotes(quotes)
    for rel in relations_from_quotes(article, sentences, quotes, rules):
        _keep(found, rel)
    rels = sorted(found.values(), key=lambda r: (r.evidence_start, r.subject.start, r.object.start,
                                                 r.predicate, r.role or "", r.rule_id))
    return tuple(rels), tuple(quotes)


def _simplified(text: str) -> str:
    from kg.names import to_simplified

    return to_simplified(text)


def _keep(found: dict[tuple, Relation], rel: Relation) -> None:
    key = (rel.subject.start, rel.subject.end, rel.predicate, rel.object.start, rel.object.end, rel.role)
    old = found.get(key)
    if old is None or rel.confidence > old.confidence:
        found[key] = rel


def _dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        key = (q.start, q.end)
        if key not in best:
            best[key] = q
    return sorted(best.values(), key=lambda q: (q.start, q.speaker.start))


def _coordinated(units: tuple[Unit, ...], i: int, taken: set[int]) -> list[int]:
    """Indices of entities coordinated with unit ``i`` (A、B和C), itself included."""
    out = [i]
    label = units[i].ent
    for step in (-1, 1):
        j = i
        while 0 <= j + 2 * step < len(units) and j + 2 * step not in taken:
            joiner, other = units[j + step], units[j + 2 * step]
            if joiner.ent or joiner.text not in _COORD or other.ent != label:
                break
            j += 2 * step
            out.append(j)
    return sorted(out)


def _scope_text(sent: Sentence, units: tuple[Unit, ...], first: int, end: int, scope: str) -> list[str]:
    """Plain (non-entity) unit texts from the clause (or sentence) start up to the match end."""
    start = first
    if scope == "sentence":
        start = 0
    else:
        while start > 0 and units[start - 1].text not in _CLAUSE:
            start -= 1
    return [u.text for u in units[start:end] if u.mention is None and u.ent != "Role"]


def _cue_in(cue: str, texts: list[str]) -> bool:
    """True when ``cue`` spans whole units of ``texts`` (so 未 does not fire inside 未来)."""
    for i in range(len(texts)):
        acc = ""
        for t in texts[i:]:
            acc += t
            if acc == cue:
                return True
            if not cue.startswith(acc):
                break
    return False


def _hedge(hedges: tuple[Hedge, ...], sent: Sentence, units: tuple[Unit, ...], first: int, end: int,
           confidence: float) -> float | None:
    """Confidence after negation and hedge cues, or None when the statement is denied."""
    conf = confidence
    for h in hedges:
        texts = _scope_text(sent, units, first, end, h.scope)
        if _cue_in(h.cue, texts):
            if h.effect == "negate":
                return None
            conf = min(conf, h.confidence)
    return conf


def _negated(hedges: tuple[Hedge, ...], sent: Sentence, units: tuple[Unit, ...], caps: dict[int, int],
             end: int) -> bool:
    first = min(caps.values()) if caps else 0
    return _hedge(tuple(h for h in hedges if h.effect == "negate"), sent, units, first, end, 1.0) is None


def _relations_from_match(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule,
                          caps: dict[int, int], end: int, hedges: tuple[Hedge, ...]) -> list[Relation]:
    si, oi = caps[rule.subject], caps[rule.object]
    first = min(caps.values())
    conf = _hedge(hedges, sent, units, first, end, rule.confidence)
    if conf is None:
        return []
    taken = set(caps.values())
    roles: tuple[str | None, ...] = (None,)
    if rule.role >= 0 and rule.role in caps:
        roles = units[caps[rule.role]].roles or (None,)
    out = []
    subjects = _coordinated(units, si, taken - {si}) if rule.coordinate else [si]
    objects = _coordinated(units, oi, taken - {oi}) if rule.coordinate else [oi]
    for s in subjects:
        for o in objects:
            subj, obj = units[s].mention, units[o].mention
            if subj is None or obj is None or subj.name == obj.name:
                continue
            subj = _as(subj, rule.pattern[rule.subject])
            obj = _as(obj, rule.pattern[rule.object])
            for role in roles:
                out.append(Relation(article.id, subj, rule.relation, obj, rule.id, sent.start, sent.end,
                                    round(conf, 3), role, "rule"))
    return out


def _as(m: Mention, element: dict) -> Mention:
    """The mention with the class the rule reads it as (DeepSeek的创始人: the company, not the model)."""
    label = element.get("AS")
    return replace(m, label=label) if label and label != m.label else m


def _nested(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule) -> list[Relation]:
    """partOf between an organization and the organization its name begins with (浙江大学上海高等研究院)."""
    out = []
    for u in units:
        m = u.mention
        if m is None or m.label != "Organization":
            continue
        name = m.text
        if not any(name.endswith(c) for c in rule.child_suffix):
            continue
        best = 0
        for p in rule.parent_suffix:
            i = name.find(p)
            while i >= 0:
                cut = i + len(p)
                if 2 <= cut <= len(name) - 2:
                    best = max(best, cut)
                i = name.find(p, i + 1)
        if not best:
            continue
        parent = Mention(article.id, m.start, m.start + best, name[:best], "Organization", "",
                         f"nested:{m.source or 'mention'}", m.confidence)
        out.append(Relation(article.id, m, rule.relation, parent, rule.id, sent.start, sent.end,
                            rule.confidence, None, "rule"))
    return out
