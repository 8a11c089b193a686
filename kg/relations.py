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
from kg.orgnames import nested_relations
from kg.records import Article, Mention, Quote, Relation, Sentence
from kg.resources import ontology_dir
from kg.matcher import _COORD
from kg.mention_filters import glued_start
from kg.rules import Hedge, Rule, RuleSet, Unit, match_rule, read_jsonl, read_rules

__all__ = ["RuleSet", "load_rules", "read_hedges", "read_roles", "build_units", "extract_relations"]

_ASIDE_BREAK = frozenset("，,；;。！？!?")


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


def build_units(sentence: Sentence, mentions: tuple[Mention, ...], rules: RuleSet) -> tuple[Unit, ...]:
    """The sentence as a sequence of units: each mention one unit, titles merged, spaces dropped.

    Examples
    --------
    >>> from kg.records import Token
    >>> s = Sentence("a", 0, 8, "百度董事长李彦宏", (Token(0, 2, "百度", "n"), Token(2, 5, "董事长", "n"),
    ...     Token(5, 8, "李彦宏", "nr")))
    >>> rs = RuleSet((), role_heads=frozenset({"董事长"}))
    >>> ms = (Mention("a", 0, 2, "百度", "Organization"), Mention("a", 5, 8, "李彦宏", "Person"))
    >>> [(u.text, u.ent) for u in build_units(s, ms, rs)]
    [('百度', 'Organization'), ('董事长', 'Role'), ('李彦宏', 'Person')]
    """
    inside = sorted(
        (m for m in mentions if m.start >= sentence.start and m.end <= sentence.end and m.end > m.start),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    chosen: list[Mention] = []
    for m in inside:
        if not chosen or m.start >= chosen[-1].end:
            chosen.append(m)
    units: list[Unit] = []
    mi = 0
    pieces = _split_titles(sentence, rules)
    pi = 0
    cur = pieces[0][0] if pieces else sentence.start
    while pi < len(pieces) or mi < len(chosen):
        nxt = chosen[mi] if mi < len(chosen) else None
        if nxt is not None and (pi >= len(pieces) or max(pieces[pi][0], cur) >= nxt.start):
            units.append(Unit(nxt.start, nxt.end, _norm(nxt.text), "", nxt.label, nxt))
            cur = nxt.end
            mi += 1
            while pi < len(pieces) and pieces[pi][1] <= cur:
                pi += 1
            continue
        s, e, pos = pieces[pi]
        s = max(s, cur)
        if nxt is not None and e > nxt.start:
            e = nxt.start
        else:
            pi += 1
        if e > s:
            text = sentence.text[s - sentence.start : e - sentence.start]
            if text.strip() and not _footnote(sentence, s, e, units):
                units.append(Unit(s, e, _norm(text), pos))
        cur = e
    return _board_titles(_absorb_asides(_merge_roles(units, rules, sentence)))


_FOOTNOTE = re.compile(r"[0-9]{1,2}")
_AFTER_FOOTNOTE = frozenset("，,。；;：:、 　《（(【[的")


def _footnote(sentence: Sentence, s: int, e: int, units: list[Unit]) -> bool:
    """Whether ``sentence.text[s:e]`` is a reference mark written right after a name (白岩松1的图书,
    《考古者联盟》2《……》): a number of one or two digits glued to a mention, before punctuation or 的.

    Examples
    --------
    >>> s = Sentence("a", 0, 7, "白岩松1的图书", ())
    >>> m = Unit(0, 3, "白岩松", "", "Person", Mention("a", 0, 3, "白岩松", "Person"))
    >>> _footnote(s, 3, 4, [m]), _footnote(Sentence("a", 0, 6, "白岩松1年", ()), 3, 4, [m])
    (True, False)
    """
    if not units or units[-1].mention is None or units[-1].end != s:
        return False
    if not _FOOTNOTE.fullmatch(sentence.text[s - sentence.start : e - sentence.start]):
        return False
    rest = sentence.text[e - sentence.start : e - sentence.start + 1]
    return not rest or rest in _AFTER_FOOTNOTE


_BOARDS = ("董事局", "董事会", "理事会", "监事会")


def _board_titles(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """A title after an organization named with its board (网易公司董事局 + 主席) is that board's title (董事局主席).

    Examples
    --------
    >>> m = Mention("a", 0, 7, "网易公司董事局", "Organization")
    >>> us = (Unit(0, 7, "网易公司董事局", "", "Organization", m), Unit(7, 9, "主席", "n", "Role", None, ("主席",)))
    >>> _board_titles(us)[1].roles
    ('董事局主席',)
    """
    out = list(units)
    for i in range(1, len(out)):
        prev, u = out[i - 1], out[i]
        if u.ent == "Role" and u.roles and prev.ent == "Organization" and prev.text.endswith(_BOARDS):
            board = next(b for b in _BOARDS if prev.text.endswith(b))
            if not u.roles[0].startswith(board):
                out[i] = replace(u, roles=(board + u.roles[0],) + u.roles[1:])
    return tuple(out)


def _split_titles(sentence: Sentence, rules: RuleSet) -> list[tuple[int, int, str]]:
    """Token spans, a token ending in a position title cut before it (中学校长 -> 中学 + 校长).

    Examples
    --------
    >>> from kg.records import Token
    >>> s = Sentence("a", 0, 6, "雅礼中学校长", (Token(0, 2, "雅礼", "nz"), Token(2, 6, "中学校长", "n")))
    >>> _split_titles(s, RuleSet((), role_heads=frozenset({"校长"})))
    [(0, 2, 'nz'), (2, 4, 'n'), (4, 6, 'n')]
    """
    out = []
    heads, mods = rules.role_heads, rules.role_modifiers
    stext, base = sentence.text, sentence.start
    for t in sentence.tokens:
        word = stext[t.start - base : t.end - base]
        cut, length = _title_cut(word, heads, mods)
        if cut and length == t.end - t.start:
            out += [(t.start, t.start + cut, t.pos), (t.start + cut, t.end, t.pos)]
        elif t.pos in _UNKNOWN_POS and glued_start(word, frozenset()):
            out += [(t.start, t.start + 1, "p"), (t.start + 1, t.end, "nz" if t.pos == "x" else t.pos)]
        else:
            out.append((t.start, t.end, t.pos))
    return out


_UNKNOWN_POS = frozenset({"x", "g"})
"""Tags the segmenter gives a word it does not know: one opening with 是/被/与 is that word glued to a name
(是婧玥, 是澈|小宁), cut apart so that rules read 是 and the name (its rest is read as a proper noun)."""


@functools.lru_cache(maxsize=1 << 16)
def _title_cut(raw: str, heads: frozenset[str], modifiers: frozenset[str]) -> tuple[int, int]:
    """Where a token's normalized text splits before a title ending it (0: nowhere), and that text's length."""
    text = _norm(raw)
    cut = 0
    if len(text) > 2 and heads and not _spells_title(text, heads, modifiers):
        cut = next((k for k in range(1, len(text) - 1) if _spells_title(text[k:], heads, modifiers)), 0)
    return cut, len(text)


_OPEN_PAREN = frozenset("（(")
_CLOSE_PAREN = frozenset("）)")


_QUOTE_PAIRS = {"《": "》", "“": "”", "「": "」", "『": "』", "〈": "〉"}


def _absorb_asides(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Fold title marks and a short parenthesis into the entity they wrap or follow.

    《三体》 and “Siri” become one unit; so do 奥特曼（Sam Altman） and 百度（9888）, and asides in a row. An aside
    naming a person after a work (《三体》（刘慈欣著）) is kept: rules read the author there.
    """
    out: list[Unit] = []
    i = 0
    while i < len(units):
        if (i + 2 < len(units) and units[i].text in _QUOTE_PAIRS and units[i + 1].mention is not None
                and units[i + 2].text == _QUOTE_PAIRS[units[i].text]):
            u = units[i + 1]
            units = units[:i] + (Unit(units[i].start, units[i + 2].end, u.text, u.pos, u.ent, u.mention),) + units[i + 3:]
        u = units[i]
        if u.mention is not None and i + 1 < len(units) and units[i + 1].text in _OPEN_PAREN:
            j = i + 2
            while (j < len(units) and j - i <= 8 and units[j].text not in _CLOSE_PAREN
                   and units[j].text not in _ASIDE_BREAK and units[j].ent != "Role"):
                j += 1  # an aside naming a position (刘江峰（多点创始人）) is kept: rules read it
            inner = [x.mention for x in units[i + 2 : j] if x.mention is not None]
            names_author = u.ent == "Publication" and any(m.label == "Person" for m in inner)
            if j < len(units) and units[j].text in _CLOSE_PAREN and j > i + 2 and not names_author \
                    and not _states(units[i + 2 : j], u.ent):
                keep = u.mention
                if (len(inner) == 1 and inner[0].label == u.ent and inner[0].source.startswith("lexicon")
                        and not u.mention.source.startswith("lexicon")):
                    keep = inner[0]  # 开放人工智能研究中心（OpenAI）: the known name inside
                folded = Unit(u.start, units[j].end, u.text, u.pos, u.ent, keep, u.roles)
                units = units[:i] + (folded,) + units[j + 1 :]  # a second aside may follow: 同洲电子（002052）（本文称……）
                continue
        out.append(u)
        i += 1
    return tuple(out)


_SEAT_WORDS = ("总部", "位于", "坐落", "座落", "设在", "设于", "注册地", "所在地")
"""Words of an aside that give where an organization is (（总部位于杭州）, （总部：上海）)."""


def _states(aside: tuple[Unit, ...], label: str) -> bool:
    """Whether an aside says where the entity before it is rather than renaming it or adding a date:
    （总部位于杭州）, （总部：上海）, unlike （中国）, （DeepSeek）, （9888） or （1963年生于北京）.

    Examples
    --------
    >>> m = Mention("a", 5, 7, "杭州", "Location")
    >>> _states((Unit(0, 2, "总部", "n"), Unit(2, 4, "位于", "v"), Unit(5, 7, "杭州", "", "Location", m)), "Organization")
    True
    >>> _states((Unit(0, 2, "生于", "v"), Unit(5, 7, "杭州", "", "Location", m)), "Person")
    False
    >>> _states((Unit(5, 7, "中国", "", "Location", m),), "Organization")
    False
    """
    seat = False
    for x in aside:
        if x.mention is not None:
            if seat and x.ent != label:
                return True
        elif x.text.startswith(_SEAT_WORDS):
            seat = True
    return False


def _merge_roles(units: list[Unit], rules: RuleSet, sentence: Sentence) -> tuple[Unit, ...]:
    if not rules.role_heads:
        return tuple(units)
    out: list[Unit] = []
    first = _first_chars(rules.role_heads, rules.role_modifiers)
    i = 0
    while i < len(units):
        if units[i].text[:1] not in first:
            out.append(units[i])
            i += 1
            continue
        role_end, title = _title_at(units, i, rules)
        if role_end <= i:
            out.append(units[i])
            i += 1
            continue
        def surface(a: int, b: int) -> str:
            return sentence.text[units[a].start - sentence.start : units[b - 1].end - sentence.start]

        roles = [surface(i, role_end)]
        j = role_end
        while j < len(units) and units[j].ent == "" and units[j].text in rules.role_joiners:
            k, t = _title_at(units, j + 1, rules)
            if k <= j + 1:
                break
            roles.append(surface(j + 1, k))
            j = k
        out.append(Unit(units[i].start, units[j - 1].end, "".join(u.text for u in units[i:j]), "n",
                        "Role", None, tuple(roles)))
        i = j
    return tuple(out)


def _title_at(units: list[Unit], i: int, rules: RuleSet) -> tuple[int, str]:
    """Longest run of plain units from ``i`` spelling modifier* head; (end index, title) or (i, "")."""
    best, title, text = i, "", ""
    if i >= len(units) or units[i].text[:1] not in _first_chars(rules.role_heads, rules.role_modifiers):
        return best, title
    heads, mods = rules.role_heads, rules.role_modifiers
    for j in range(i, min(len(units), i + 6)):
        if units[j].ent:
            break
        text += units[j].text
        if _spells_title(text, heads, mods):
            best, title = j + 1, text
    return best, title


def _is_title(text: str, rules: RuleSet) -> bool:
    return _spells_title(text, rules.role_heads, rules.role_modifiers)


@functools.lru_cache(maxsize=1 << 16)
def _spells_title(text: str, heads: frozenset[str], modifiers: frozenset[str]) -> bool:
    """Whether ``text`` is modifier* head (副总裁, 常务副院长); cached, as the same words recur.

    Examples
    --------
    >>> heads, mods = frozenset({"院长", "总裁"}), frozenset({"副", "常务"})
    >>> [_spells_title(t, heads, mods) for t in ("常务副院长", "副总裁", "副", "院长助理")]
    [True, True, False, False]
    """
    if text in heads:
        return True
    n = len(text)
    longest = _longest(modifiers)
    ok = [False] * (n + 1)  # ok[i]: text[:i] is a run of modifiers
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        if i and text[i:] in heads:
            return True
        for k in range(1, min(longest, n - i - 1) + 1):
            if text[i : i + k] in modifiers:
                ok[i + k] = True
    return False


@functools.lru_cache(maxsize=16)
def _first_chars(*word_sets: frozenset[str]) -> frozenset[str]:
    return frozenset(w[0] for words in word_sets for w in words if w)


@functools.lru_cache(maxsize=16)
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


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
    starts = [m.start for m in ordered]
    by_classes = _rules_by_classes(rules)
    for sent in sentences:
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        if not any(m.end <= sent.end for m in ordered[lo:hi]):
            continue  # no mention inside: no rule can match
        units = build_units(sent, ordered[lo:hi], rules)
        if not any(u.mention is not None for u in units):
            continue
        present = frozenset(u.ent for u in units if u.ent)
        active = by_classes.get(present)
        if active is None:
            gates, class_sets = _gates(rules)
            classes_ok = [not any(present.isdisjoint(c) for c in cs) for cs in class_sets]
            active = by_classes[present] = tuple(r for r, ci in gates if r.kind == "nested" or classes_ok[ci])
        simple = (sent.text if sent.text.isascii() else _simplified(sent.text)).casefold()  # as rule words are
        needs_ok: dict[tuple, bool] = {}
        for rule in active:
            if rule.kind == "nested":
                for rel in nested_relations(article, sent, units, rule):
                    _keep(found, rel)
                continue
            if rule.needs:
                ok = needs_ok.get(rule.needs)
                if ok is None:
                    ok = needs_ok[rule.needs] = all(rx.search(simple) for rx in _needs_patterns(rule.needs))
                if not ok:
                    continue
            for end, caps in match_rule(rule, units):
                if rule.kind == "quote":
                    q = quotes_from_match(article, sent, units, rule, caps, end, ordered)
                    if q is not None and not negated(rules.hedges, sent, units, caps, end):
                        quotes.append(q)
                    continue
                for rel in _relations_from_match(article, sent, units, rule, caps, end, rules.hedges, ordered):
                    _keep(found, rel)
    quotes = _dedupe_quotes(quotes)
    for rel in relations_from_quotes(article, sentences, quotes, rules):
        _keep(found, rel)
    rels = sorted(found.values(), key=lambda r: (r.evidence_start, r.subject.start, r.object.start,
                                                 r.predicate, r.role or "", r.rule_id))
    return tuple(rels), tuple(quotes)


_BY_CLASSES: dict[int, tuple[RuleSet, dict[frozenset[str], tuple[Rule, ...]]]] = {}


def _rules_by_classes(rules: RuleSet) -> dict[frozenset[str], tuple[Rule, ...]]:
    """For a rule set, a table (filled as sentences come): classes present in a sentence → the rules, in order,
    whose entity slots those classes can fill (nested rules always); kept for the rule set's lifetime."""
    hit = _BY_CLASSES.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    if len(_BY_CLASSES) >= 8:
        _BY_CLASSES.clear()
    table: dict[frozenset[str], tuple[Rule, ...]] = {}
    _BY_CLASSES[id(rules)] = (rules, table)
    return table


def _gates(rules: RuleSet) -> tuple[list[tuple[Rule, int]], list[tuple[frozenset[str], ...]]]:
    """Each rule with the index of its entity-class pre-check; the distinct pre-checks (shared by many rules)."""
    index: dict[tuple[frozenset[str], ...], int] = {}
    gates = []
    for rule in rules.rules:
        gates.append((rule, index.setdefault(_classes_needed(rule), len(index))))
    return gates, list(index)


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


def _dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        key = (q.start, q.end)
        if key not in best:
            best[key] = q
    return sorted(best.values(), key=lambda q: (q.start, q.speaker.start))


_WITH = frozenset({"与", "跟", "同"})
"""Words that join a list but after a titled name mean "together with" (校长刘元大与陈友开共事)."""


def _coordinated(units: tuple[Unit, ...], i: int, taken: set[int]) -> list[int]:
    """Indices of entities coordinated with unit ``i`` (A、B和C; titles also when adjacent), itself included.

    After a title (校长A与B), 与/跟/同 join no one to the title: B is someone A is with.
    """
    out = [i]
    label = units[i].ent
    titled = i > 0 and units[i - 1].ent == "Role"
    for step in (-1, 1):
        j = i
        while True:
            k = j + step
            if label == "Publication" and 0 <= k < len(units) and k not in taken and units[k].ent == label:
                j = k  # titles in a row: 《七里香》《无怨的青春》
            elif (0 <= k + step < len(units) and k + step not in taken and not units[k].ent
                  and units[k].text in _COORD and not (titled and units[k].text in _WITH)
                  and units[k + step].ent == label):
                j = k + step
            else:
                break
            out.append(j)
    return sorted(out)


def _relations_from_match(article: Article, sent: Sentence, units: tuple[Unit, ...], rule: Rule,
                          caps: dict[int, int], end: int, hedges: tuple[Hedge, ...],
                          mentions: tuple[Mention, ...] = ()) -> list[Relation]:
    si, oi = caps[rule.subject], caps[rule.object]
    first = min(caps.values())
    conf = hedged_confidence(hedges, sent, units, first, end, rule.confidence)
    if conf is None:
        return []
    taken = {v for k, v in caps.items() if k >= 0}
    roles: tuple[str | None, ...] = (None,)
    if rule.role >= 0 and rule.role in caps:
        roles = units[caps[rule.role]].roles or (None,)
    out = []
    named = {slot: _named(article, units, rule, slot, caps) or _referent(units, rule, slot, caps, mentions)
             for slot in (rule.subject, rule.object)}
    subjects = _coordinated(units, si, taken - {si}) if rule.coordinate and not named[rule.subject] else [si]
    objects = _coordinated(units, oi, taken - {oi}) if rule.coordinate and not named[rule.object] else [oi]
    for s in subjects:
        for o in objects:
            subj = named[rule.subject] or units[s].mention
            obj = named[rule.object] or units[o].mention
            if subj is None or obj is None or subj.name == obj.name:
                continue
            subj = _as(subj, rule.pattern[rule.subject])
            obj = _as(obj, rule.pattern[rule.object])
            for role in roles:
                out.append(Relation(article.id, subj, rule.relation, obj, rule.id, sent.start, sent.end,
                                    round(conf, 3), role, "rule"))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    return to_simplified(text).casefold()


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


def _referent(units: tuple[Unit, ...], rule: Rule, slot: int, caps: dict[int, int],
              mentions: tuple[Mention, ...]) -> Mention | None:
    """The mention a REFER slot's pronoun stands for: the last one of its classes before it (其总部 → DeepSeek)."""
    classes = rule.pattern[slot].get("REFER")
    if not classes:
        return None
    pos = units[caps[slot]].start
    best = None
    for m in mentions:
        if m.end > pos:
            break
        if m.label in classes and m.start >= pos - _REACH:
            best = m
    return best


def _as(m: Mention, element: dict) -> Mention:
    """The mention with the class the rule reads it as (DeepSeek的创始人: the company, not the model)."""
    label = element.get("AS")
    return replace(m, label=label) if label and label != m.label else m
