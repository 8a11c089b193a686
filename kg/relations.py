"""Rule-based relation extraction over segmented sentences, with hedges, negation and evidence."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from kg.errors import PatternError
from kg.hedges import hedged_confidence, negated, read_hedges
from kg.names import to_simplified
from kg.coordination import coordinated
from kg.orgnames import known_parents, merge_departments, nested_relations
from kg.quotes import as_model, quotes_from_match, relations_from_quotes
from kg.gazetteer import Lexicon, load_lexicon, shared_names
from kg.patterns import fold_key
from kg.records import Article, Mention, Quote, Relation, Sentence
from kg.resources import ontology_dir
from kg.rules import Hedge, Rule, RuleSet, Unit, match_rule, read_jsonl, read_rules
from kg.units import build_units

__all__ = ["RuleSet", "load_rules", "read_hedges", "read_roles", "build_units", "extract_relations"]



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
    names, words = read_views(pdir / "views.jsonl") if (pdir / "views.jsonl").is_file() else (None, frozenset())
    parents: tuple[tuple[str, str], ...] = ()
    shared: tuple[tuple[str, str, str], ...] = ()
    if (pdir / "entities.jsonl").is_file():
        lexicon = load_lexicon(pdir / "entities.jsonl")
        parents = _known_parents(lexicon)
        shared = tuple(sorted((k, model.name, org.name) for k, (org, model) in shared_names(lexicon).items()))
    return RuleSet(rules, hedges, frozenset(heads), frozenset(mods), frozenset(joins), names, words, parents, shared)


def _known_parents(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """Each organization of the gazetteer (``entities.jsonl``, validated as the recognizer does) that is part of another,
    by preferred names (阿里云, 阿里巴巴)."""
    names = {e.id: e.name for e in lexicon.entries}
    return tuple((e.name, names[e.part_of]) for e in lexicon.entries if e.part_of)


def read_views(path: Path) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """Read ``views.jsonl``: whose stated views explain (a ``names`` pattern, matched from a name's start, and
    ``report_words``); errors name the row.

    Examples
    --------
    >>> from kg.resources import ontology_dir
    >>> names, words = read_views(ontology_dir() / "patterns" / "views.jsonl")
    >>> bool(names.match("中信建投证券")), bool(names.match("邮储银行")), "研报" in words
    (True, False, True)
    """
    names: list[str] = []
    words: set[str] = set()
    for where, raw, row in read_jsonl(path):
        kind = row.get("kind") if isinstance(row, dict) else None
        if kind == "names" and set(row) <= {"kind", "pattern", "note"} and isinstance(row.get("pattern"), str):
            try:
                re.compile(row["pattern"])
            except re.error as exc:
                raise PatternError(f"{where}: bad pattern ({exc}): {raw}") from exc
            names.append(row["pattern"])
        elif kind == "report_words" and set(row) <= {"kind", "words", "note"} and isinstance(row.get("words"), list) \
                and row["words"] and all(isinstance(w, str) and w for w in row["words"]):
            words.update(to_simplified(w) for w in row["words"])
        else:
            raise PatternError(f"{where}: expected {{\"kind\": \"names\", \"pattern\": ...}} or "
                               f"{{\"kind\": \"report_words\", \"words\": [...]}}: {raw}")
    return (re.compile("|".join(f"(?:{p})" for p in names)) if names else None), frozenset(words)


def read_roles(path: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Read ``roles.jsonl``: rows ``{"kind": "head"|"modifier"|"joiner", "words": [...]}``.

    Returns (heads, modifiers, joiners), casefolded and Simplified.

    Examples
    --------
    >>> from kg.resources import ontology_dir
    >>> heads, mods, joins = read_roles(ontology_dir() / "patterns" / "roles.jsonl")
    >>> "董事长" in heads and "常务" in mods and "兼" in joins
    True
    """
    found: dict[str, set[str]] = {"head": set(), "modifier": set(), "joiner": set()}
    for where, raw, row in read_jsonl(path):
        kind, words = row.get("kind"), row.get("words")
        if set(row) - {"kind", "words", "note"} or kind not in found:
            raise PatternError(f"{where}: expected {{\"kind\": head|modifier|joiner, \"words\": [...]}}: {raw}")
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise PatternError(f"{where}: words must be a list of strings: {raw}")
        found[kind].update(to_simplified(w).casefold() for w in words)
    return frozenset(found["head"]), frozenset(found["modifier"]), frozenset(found["joiner"])


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
    found: dict[tuple, Relation] = {}
    quotes: list[Quote] = []
    co_speakers: list[tuple[Quote, Quote]] = []  # (quote, the same quote by a speaker coordinated with its own)
    ordered = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    starts = [m.start for m in ordered]
    nested = tuple(r for r in rules.rules if r.kind == "nested")
    # a company named by the name it shares with its model is what a view speaks of where the article also names
    # the model by it (DeepSeek, DeepSeek-R1): there the name is read in both senses
    shared = {k: v for k, v, _ in rules.shared_names
              if any(m.label == "AIModel" and fold_key(m.text).startswith(k) for m in ordered)}
    for sent in sentences:
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        here = ordered[lo:hi]
        _read_sentence(article, sent, here, ordered, rules, nested, shared, found, quotes, co_speakers)
        twins = [m for m in here if m.label == "Organization" and m.end <= sent.end and fold_key(m.text) in shared]
        if twins:
            # the company named as its model read as the model too (DeepSeek超越ChatGPT, 接入DeepSeek的银行): what the
            # sentence says of it as a model holds, in an article that names the model by that name
            alt = tuple(as_model(m, shared) if m in twins else m for m in here)
            moved = {(m.start, m.end) for m in twins}
            more: dict[tuple, Relation] = {}
            _read_sentence(article, sent, alt, ordered, rules, nested, shared, more, None, None)
            for rel in more.values():
                if rel.predicate in _MAKING or _same_family(rel.subject.name, rel.object.name):
                    continue  # its maker is known (数据港的DeepSeek is no model 数据港 made); DeepSeek-R1 and DeepSeek
                if ((rel.subject.start, rel.subject.end) in moved and rel.subject.label == "AIModel"
                        or (rel.object.start, rel.object.end) in moved and rel.object.label == "AIModel"):
                    _keep(found, rel)
    quotes = _dedupe_quotes(quotes)
    kept = {(q.start, q.end): q.speaker for q in quotes}
    quotes = sorted(quotes + [c for q, c in dict.fromkeys(co_speakers) if kept.get((q.start, q.end)) == q.speaker],
                    key=lambda q: (q.start, q.speaker.start))
    made = {(r.subject.name, r.object.name) for r in found.values() if r.predicate in _MAKING}
    for rel in relations_from_quotes(article, sentences, quotes, rules):
        if rel.subject.label == "Organization" and (
                (rel.subject.name, rel.object.name) in made or rel.object.name.startswith(rel.subject.name)):
            continue  # 百度表示，文心一言将免费: a company speaking of its own model announces, it does not explain
        _keep(found, rel)
    for rel in _users_through_products(list(found.values())):
        _keep(found, rel)
    for key, rel in list(found.items()):
        if _others_model(rel, rules.shared_names):
            del found[key]
            _keep(found, replace(rel, predicate="uses", role=None, rule_id=rel.rule_id + "+other"))
    stated = {(r.subject.name, r.object.name) for r in found.values() if r.predicate == "partOf"}
    for rel in known_parents(article, sentences, ordered, rules.parents):
        if (rel.subject.name, rel.object.name) not in stated:
            _keep(found, rel)  # 阿里云 … 阿里巴巴: a well-known part named with its whole
    rels = sorted(_without_bare_positions(found.values()), key=lambda r: (r.evidence_start, r.subject.start, r.object.start,
                                                 r.predicate, r.role or "", r.rule_id))
    return tuple(rels), tuple(quotes)


def _read_sentence(article: Article, sent: Sentence, here: tuple[Mention, ...], ordered: tuple[Mention, ...],
                   rules: RuleSet, nested: tuple[Rule, ...], shared: dict[str, str], found: dict[tuple, Relation],
                   quotes: list[Quote] | None, co_speakers: list[tuple[Quote, Quote]] | None) -> None:
    """The relations (into ``found``) and, unless ``quotes`` is None, the quotes one sentence states, with ``here`` the
    mentions from its start on (sorted)."""
    inside = [m.label for m in here if m.end <= sent.end]
    labels = frozenset(inside)
    if not labels:
        return  # no mention inside: no rule can match
    twice = _twice(inside)  # with labels: how many of each, up to two
    simple = (sent.text if sent.text.isascii() else _simplified(sent.text)).casefold()  # as rule words are
    needs_ok: dict[int, bool] = {}  # the rules' word checks on this sentence, shared by the loop below
    if not _may_match(rules, labels, simple, needs_ok, twice):
        return  # no rule's classes and words are all there: skip building units
    units = build_units(sent, here, rules)
    for rule in nested:
        units = merge_departments(units, rule)
    if not any(u.mention is not None for u in units):
        return
    ents = [u.ent for u in units if u.ent]
    for rule in _active_rules(rules, frozenset(ents), _twice(ents)):
        if rule.kind == "nested":
            for rel in nested_relations(article, sent, units, rule, ordered):
                _keep(found, rel)
            continue
        if rule.kind == "quote" and quotes is None or not _needs_met(rule, simple, needs_ok):
            continue  # a reading that keeps no quotes does not match the speech rules
        for end, caps in match_rule(rule, units):
            if rule.kind == "quote":
                q = quotes_from_match(article, sent, units, rule, caps, end, ordered, shared)
                if q is not None and not negated(rules.hedges, sent, units, caps, end):
                    quotes.append(q)
                    si = caps[rule.subject]  # 百度和腾讯都表示: each speaker of a coordination said it
                    co_speakers.extend((q, replace(q, speaker=units[k].mention)) for k in coordinated(
                        units, si, set(caps.values()) - {si}) if k != si and units[k].mention is not None)
                continue
            for rel in _relations_from_match(article, sent, units, rule, caps, end, rules.hedges, ordered):
                _keep(found, rel)


def _users_through_products(rels: list[Relation]) -> list[Relation]:
    """``uses`` by the maker of a product that a sentence says uses a model (联想集团也宣布其AIPC个人智能体“小天”已接入
    DeepSeek: 联想集团 uses DeepSeek too), for a maker the same sentence names, of a model it did not make itself."""
    makers: dict[tuple[int, str], list[Relation]] = {}
    for r in rels:
        if r.predicate in _MAKING and r.subject.label == "Organization":
            makers.setdefault((r.evidence_start, r.object.name), []).append(r)
    own = {(r.subject.name, r.object.name) for r in rels if r.predicate in _MAKING}
    out = []
    for r in rels:
        if r.predicate == "uses" and r.subject.label == "AIModel":
            for made in makers.get((r.evidence_start, r.subject.name), ()):
                if made.subject.name != r.object.name and (made.subject.name, r.object.name) not in own \
                        and not _same_family(r.subject.name, r.object.name):  # GPT-5 整合 GPT系列: its own family
                    out.append(replace(r, subject=made.subject, rule_id=r.rule_id + "+maker",
                                       confidence=round(min(r.confidence, made.confidence) * 0.9, 3)))
    return out


def _others_model(rel: Relation, shared: tuple[tuple[str, str, str], ...]) -> bool:
    """Whether a company said to release or make a model named by another company's name puts it to use instead
    (优刻得上线DeepSeek-R1: DeepSeek's model, which 优刻得 serves)."""
    if rel.predicate not in _MAKING or rel.subject.label != "Organization" or rel.object.label != "AIModel":
        return False
    made, by = fold_key(rel.object.name), fold_key(rel.subject.text)
    return any(made.startswith(k) and not by.startswith(k) and org not in rel.subject.name for k, _, org in shared)


def _same_family(a: str, b: str) -> bool:
    """Whether one name opens the other (DeepSeek, DeepSeek-R1): a model and its family."""
    a, b = fold_key(a), fold_key(b)
    return a.startswith(b) or b.startswith(a)


def _twice(labels: list[str]) -> frozenset[str]:
    """The labels that occur at least twice in ``labels``."""
    return frozenset(x for x in set(labels) if labels.count(x) >= 2)


_ROLE = frozenset({"Role"})
_MAKING = frozenset({"released", "developed"})


def _needs_met(rule: Rule, simple: str, cache: dict[int, bool]) -> bool:
    """Whether the (Simplified, case-folded) sentence has one word of each of the rule's word lists; ``cache``
    keeps the answer per word lists for the sentence."""
    needs = rule.needs
    if not needs:
        return True
    key = id(needs)  # cheaper to hash than the tuple of word lists; each rule's lists are checked once a sentence
    ok = cache.get(key)
    if ok is None:
        hit = _NEEDS_RX.get(key)
        if hit is None or hit[0] is not needs:
            hit = _NEEDS_RX[key] = (needs, _needs_patterns(needs))
        ok = cache[key] = all(rx.search(simple) for rx in hit[1])
    return ok


_NEEDS_RX: dict[int, tuple[tuple, tuple[re.Pattern[str], ...]]] = {}
"""id of a rule's word lists → the lists (keeping the id valid) and their compiled alternations."""


def _may_match(rules: RuleSet, labels: frozenset[str], simple: str, cache: dict[int, bool] | None = None,
               twice: frozenset[str] = frozenset()) -> bool:
    """Whether any rule could match a sentence whose mentions have ``labels`` (title chains counted as there), those
    in ``twice`` at least twice: one whose entity slots those classes can fill and whose required words the sentence
    has. Nested rules need an organization. A cheap pre-check before building units; the rules themselves decide."""
    cache = {} if cache is None else cache
    org = "Organization" in labels
    return any(org if r.kind == "nested" else _needs_met(r, simple, cache)
               for r in _active_rules(rules, labels | _ROLE, twice))

_TABLES: dict[int, tuple[RuleSet, list[tuple[Rule, int]], list[tuple[frozenset[str], ...]], dict]] = {}
"""id of a rule set → the rule set, each rule with the index of its slots' class sets, those sets, and the active
rules found so far for each (classes present, classes present twice)."""


def _active_rules(rules: RuleSet, present: frozenset[str], twice: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
    """The rules, in order, whose entity slots the classes ``present`` in a sentence can fill, with two mentions for
    two slots of the same classes (美国|得克萨斯州: two places; ``twice`` holds the classes present twice or more);
    nested rules always. A table per rule set, filled as sentences come and kept for the rule set's lifetime."""
    hit = _TABLES.get(id(rules))
    if hit is None or hit[0] is not rules:
        if len(_TABLES) >= 8:
            _TABLES.clear()
        index: dict[tuple[frozenset[str], ...], int] = {}
        gates = [(rule, index.setdefault(_classes_needed(rule), len(index))) for rule in rules.rules]
        hit = _TABLES[id(rules)] = (rules, gates, list(index), {})
    _, gates, class_sets, table = hit
    key = (present, twice)
    active = table.get(key)
    if active is None:
        ok = [not any(present.isdisjoint(c) for c in cs)
              and all(len(present & c) + len(twice & c) >= 2 for c in cs if cs.count(c) >= 2 and "Role" not in c)
              for cs in class_sets]
        active = table[key] = tuple(r for r, ci in gates if r.kind == "nested" or ok[ci])
    return active


@functools.lru_cache(maxsize=4096)
def _needs_patterns(needs: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], ...]:
    """One compiled alternation per word list of a rule's ``needs`` (faster than a test per word)."""
    return tuple(re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) if words else "(?!)")
                 for words in needs)


def _classes_needed(rule: Rule) -> tuple[frozenset[str], ...]:
    """For each entity slot a match cannot do without, the classes it takes (a fast pre-check)."""
    return tuple(
        frozenset(el["ENT"]["IN"])
        for el in rule.pattern
        if "ENT" in el and "IN" in el["ENT"] and el.get("OP") not in ("?", "*", "!")
    )


def _simplified(text: str) -> str:
    return to_simplified(text)


def _keep(found: dict[tuple, Relation], rel: Relation) -> None:
    key = (rel.subject.start, rel.subject.end, rel.predicate, rel.object.start, rel.object.end, rel.role)
    old = found.get(key)
    if old is None or rel.confidence > old.confidence:
        found[key] = rel


def _without_bare_positions(rels) -> list[Relation]:
    """Relations less each worksFor without a position whose person and organization are also joined with one
    (清华大学的张钹院士: worksFor with 院士 says all that a bare worksFor would)."""
    rels = list(rels)
    roled = {(r.subject.name, r.object.name) for r in rels if r.predicate == "worksFor" and r.role}
    return [r for r in rels if not (r.predicate == "worksFor" and not r.role and (r.subject.name, r.object.name) in roled)]


def _dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        key = (q.start, q.end)
        if key not in best:
            best[key] = q
    return sorted(best.values(), key=lambda q: (q.start, q.speaker.start))


def _relations_from_match(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule,
                          caps: dict[int, int], end: int, hedges: tuple[Hedge, ...],
                          mentions: tuple[Mention, ...] = ()) -> list[Relation]:
    si, oi = caps[rule.subject], caps[rule.object]
    first = min(caps.values())
    conf = hedged_confidence(hedges, sent, units, first, end, rule.confidence)
    if conf is None:
        return []
    taken = {v for k, v in caps.items() if k >= 0}
    roles: tuple[str | None, ...] = (rule.role_word or None,)
    if rule.role >= 0 and rule.role in caps:
        ru = units[caps[rule.role]]  # a Role unit, or a plain word a rule reads as the position (编辑)
        roles = ru.roles or ((article.text[ru.start : ru.end],) if not ru.ent else (None,))
    out = []
    named: dict[int, list[Mention] | None] = {}
    for slot in (rule.subject, rule.object):
        one = _named(article, units, rule, slot, caps)
        named[slot] = [one] if one is not None else _referent(units, rule, slot, caps, mentions, article.text)
    subjects = (coordinated(units, si, taken - {si}, rule.pattern[rule.subject])
                if rule.coordinate and not named[rule.subject] else [si])
    objects = (coordinated(units, oi, taken - {oi}, rule.pattern[rule.object])
               if rule.coordinate and not named[rule.object] else [oi])
    if rule.relation in _OWNED and (len(subjects) > 1 or len(objects) > 1):
        owners = _owner_names(mentions)
        subjects = [s for s in subjects if s == si or not _names_owner(units[s], owners)]
        objects = [o for o in objects if o == oi or not _names_owner(units[o], owners)]
    subj_mentions = named[rule.subject] or [units[s].mention for s in subjects]
    obj_mentions = named[rule.object] or [units[o].mention for o in objects]
    for subj in subj_mentions:
        for obj in obj_mentions:
            if subj is None or obj is None or subj.name == obj.name:
                continue
            subj = _as(subj, rule.pattern[rule.subject])
            obj = _as(obj, rule.pattern[rule.object])
            for role in roles:
                out.append(Relation(article.id, subj, rule.relation, obj, rule.id, sent.start, sent.end,
                                    round(conf, 3), role, "rule"))
    return out



_OWNED = frozenset({"partOf", "developed"})
"""Relations of ownership: a conjunct named after another organization (亚马逊旗下AWS、谷歌云平台) is that one's."""


def _owner_names(mentions: tuple[Mention, ...]) -> frozenset[str]:
    return frozenset(m.text for m in mentions if m.label == "Organization" and len(m.text) >= 2)


def _names_owner(unit: Unit, owners: frozenset[str]) -> bool:
    """Whether the unit's name begins with another organization's name (谷歌云平台 with 谷歌 in the article)."""
    text = unit.text
    return any(text.startswith(o) and text != o for o in owners)


def _named(article: Article, units: tuple[Unit, ...], rule: Rule, slot: int, caps: dict[int, int]) -> Mention | None:
    """The mention a NAME slot reads from the plain tokens it matched (作者是墨之轩: a Person), else None."""
    if "NAME" not in rule.pattern[slot]:
        return None
    first, last = units[caps[slot]], units[caps[~slot] - 1]
    if first.mention is not None and caps[~slot] == caps[slot] + 1:
        return first.mention  # a mention of another class, read as the rule's (AS)
    text = article.text[first.start : last.end]
    return Mention(article.id, first.start, last.end, text, rule.pattern[slot]["AS"], "", f"rule:{rule.id}", 0.6)


_REACH = 150
"""A pronoun slot (其) refers to the last mention of its classes at most this many characters before it."""


_PLURAL = re.compile(r"^(?:以上|上述|这些|这几|此类|这批)")
"""Openings of a pronoun that stands for a list (以上公司, 上述厂商, 这些企业)."""
_LIST_GAP = re.compile(r"[\s、，,和与及>＞]{1,3}")


def _referent(units: tuple[Unit, ...], rule: Rule, slot: int, caps: dict[int, int],
              mentions: tuple[Mention, ...], text: str = "") -> list[Mention] | None:
    """The mentions a REFER slot's pronoun stands for: the last one of its classes before it (其总部 → DeepSeek);
    for a plural pronoun (以上公司, 上述厂商), the whole list that one closes (华为、荣耀、OPPO等手机厂商)."""
    classes = rule.pattern[slot].get("REFER")
    if not classes:
        return None
    pos = units[caps[slot]].start
    before = [m for m in mentions if m.end <= pos and m.label in classes and m.start >= pos - _REACH]
    if not before:
        return None
    if not (text and _PLURAL.match(units[caps[slot]].text)):
        return [before[-1]]
    run = [before[-1]]
    for m in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(text, m.end, run[-1].start):
            break
        run.append(m)
    return run[::-1] if len(run) > 1 else None


def _as(m: Mention, element: dict) -> Mention:
    """The mention with the class the rule reads it as (DeepSeek的创始人: the company, not the model)."""
    label = element.get("AS")
    return replace(m, label=label) if label and label != m.label else m
