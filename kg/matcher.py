"""Matching relation-rule token patterns over a sentence's units (mentions, title chains, plain tokens)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.names import to_simplified
from kg.records import Mention

if TYPE_CHECKING:
    from kg.rules import Rule

__all__ = ["Unit", "match_rule"]

_NAMED_BEFORE = frozenset({"Organization", "Publication", "AIModel"})
"""Classes a ``maximal`` NAME may not directly follow: the run would be part of that name."""
_BORDER_POS = frozenset({"p", "u", "uj", "ul", "uz", "ud", "ug", "r", "d", "m", "mq", "q", "x", "t", "f"})
"""Parts of speech of words that end a name rather than belong to one (在, 的, 这, 2008); not conjunctions:
after 中东和 comes the rest of a coordinated phrase (中东和北非副总裁), not a name."""
_BORDER_WORDS = frozenset({"现任", "任", "担任", "出任", "兼任", "升任", "时任", "是", "为", "系", "作为", "据悉", "称"})
"""Verbs that may come right before a name read by a ``maximal`` NAME (现任盐湖五中校长)."""


def _name_border(v: Unit, el: dict[str, Any]) -> bool:
    """Whether ``v``, just before a ``maximal`` NAME run, ends what came before instead of starting the name.

    Punctuation, function words and a few verbs of office do, unless the run could take them in; so does
    a mention of another class. A noun, verb or adjective might be the name's first word (盛视天|橙传媒),
    so it does not.
    """
    if v.ent:
        return v.ent not in el["LEAD"] | _NAMED_BEFORE
    if v.text in _STOPS:
        return True
    could_extend = not any(_unit_ok(x, v) for x in el.get("NOT", ()))
    return not could_extend and (v.pos in _BORDER_POS or v.text in _BORDER_WORDS)
_COORD = frozenset({"和", "与", "、", "及", "以及", "跟", "同", "暨", "还有", "/"})
"""Words joining coordinated entities (A和B发布……, 适配DeepSeek R1/V3): every conjunct gets the relation."""
_STOPS = frozenset("，,；;：:。！？!?“”\"（）()《》「」")
"""Units a gap never crosses unless the rule lists them in ``CROSS`` (nor entity mentions or
title chains, unless their class, or ``Role``, is listed there)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One matching position of a sentence: an entity mention, a position title, or a plain token."""

    start: int
    """Character offset into ``Article.text``."""
    end: int
    """End offset (exclusive)."""
    text: str
    """Surface form, in Simplified characters for matching."""
    pos: str
    """Part-of-speech tag of the token (``""`` for mentions)."""
    ent: str = ""
    """Ontology class of the mention covering it, ``Role`` for a title chain, else ``""``."""
    mention: Mention | None = None
    """The mention, for entity units."""
    roles: tuple[str, ...] = ()
    """Positions named as written, for ``Role`` units (a chain 董事长兼首席执行官 gives two)."""


def _norm(text: str) -> str:
    return to_simplified(text).casefold()


def _spec_ok(spec: dict[str, Any], value: str) -> bool:
    if "IN" in spec:
        return value in spec["IN"]
    if "NOT_IN" in spec:
        return value not in spec["NOT_IN"]
    return spec["REGEX"].fullmatch(value) is not None


def _unit_ok(el: dict[str, Any], u: Unit) -> bool:
    if "TEXT" in el and not _spec_ok(el["TEXT"], u.text):
        return False
    if "POS" in el and not _spec_ok(el["POS"], u.pos):
        return False
    if "ENT" in el and not _spec_ok(el["ENT"], u.ent):
        return False
    if "ROLE" in el:
        if "IN" in el["ROLE"]:
            return any(_norm(r) in el["ROLE"]["IN"] for r in u.roles)
        return any(_spec_ok(el["ROLE"], _norm(r)) for r in u.roles)
    return True


def _gap_ok(el: dict[str, Any], u: Unit) -> bool:
    if u.ent and u.ent not in el["CROSS"]:
        return False
    if u.text in _STOPS and u.text not in el["CROSS"]:
        return False
    return not any(_unit_ok(x, u) for x in el.get("NOT", ()))


def _name_spans(el: dict[str, Any], units: tuple[Unit, ...], ui: int) -> list[int]:
    """End indices (longest first) of plain-token runs from ``ui`` that a NAME element reads as a name.

    The run holds no mention, title chain or punctuation, spans ``min``..``max`` characters, and, where
    the rule lists them, follows a ``left`` word (or the sentence start) and precedes a ``right`` word
    (or the sentence end). With ``entity``, one mention of another class counts as such a run; with
    ``lead``, the run may open with a mention of those classes ([荔湾区芳村]实验小学); with ``maximal``,
    the token before the run could not have extended it and is no organization, work or model; with
    ``suffix``, the run ends in one of those endings (市, 开发区).
    """
    n = len(units)
    lo, hi = el["NAME"]
    if ui >= n or ("LEFT" in el and ui > 0 and units[ui - 1].text not in el["LEFT"]):
        return []

    def plain(v: Unit) -> bool:
        return not v.ent and v.text not in _STOPS and not any(_unit_ok(x, v) for x in el.get("NOT", ()))

    def right_ok(j: int) -> bool:
        return "RIGHT" not in el or j >= n or units[j].text in el["RIGHT"] or (
            j == n - 1 and units[j].text in _STOPS)

    if el["MAXIMAL"] and ui > 0 and not _name_border(units[ui - 1], el):
        return []  # the run would continue a longer name (评论部 after 《中国青年报》 is its department)
    u = units[ui]
    if u.ent and u.ent not in el["LEAD"]:
        ok = el["ENTITY"] and u.mention is not None and lo <= len(u.text) <= hi and right_ok(ui + 1)
        return [ui + 1] if ok else []
    out = []
    text = ""
    first_end = ui + 1 if u.ent else ui  # a leading mention needs plain words after it
    for j in range(ui, n):
        v = units[j]
        if not (plain(v) or (j == ui and v.ent in el["LEAD"] and v.mention is not None)):
            break
        text += v.text
        if len(text) > hi:
            break
        if (len(text) >= lo and right_ok(j + 1) and j >= first_end
                and ("SUFFIX" not in el or text.endswith(el["SUFFIX"]))):
            out.append(j + 1)
    return out[::-1]


def _spans(el: dict[str, Any], units: tuple[Unit, ...], ui: int, coordinate: bool = True) -> list[int]:
    """End indices (longest first) of runs from ``ui`` matching ``el``.

    A TEXT word may span several plain tokens, as segmentation splits words unevenly (领/投, 毕业/于).
    An entity slot may take a coordination (C、D和E) unless ``coordinate`` is false: then a match
    starts at the conjunct next to the rest of the pattern (苹果与[百度文心一言]).
    """
    if ui >= len(units):
        return []
    out = [ui + 1] if _unit_ok(el, units[ui]) else []
    if out and coordinate and "ENT" in el and units[ui].mention is not None:
        j = ui + 1  # a slot may take a coordination (发布了C、D和E): the first is captured, the rest shared
        while j + 1 < len(units) and units[j].text in _COORD and units[j + 1].ent == units[ui].ent:
            j += 2
            out.append(j)
    spec = el.get("TEXT", {})
    if "PREFIX" in spec and not units[ui].ent and units[ui].text in spec["PREFIX"]:
        text = units[ui].text
        for j in range(ui + 1, min(len(units), ui + 4)):
            if units[j].ent:
                break
            text += units[j].text
            if text in spec["IN"] and _unit_ok({k: v for k, v in el.items() if k != "TEXT"}, units[ui]):
                out.append(j + 1)
            if text not in spec["PREFIX"]:
                break
    return sorted(out, reverse=True)


def match_rule(rule: Rule, units: tuple[Unit, ...]) -> list[tuple[int, dict[int, int]]]:
    """Every match of a rule: (end unit index, {element index: unit index}), leftmost first, no overlaps per start.

    A NAME element ``i`` also records, under key ``~i`` (negative), the unit index where its name ends.

    Examples
    --------
    >>> from kg.rules import Rule
    >>> r = Rule("r", "relation", "released", ({"ENT": {"IN": {"Organization"}}},
    ...     {"TEXT": {"IN": {"发布"}}}, {"ENT": {"IN": {"AIModel"}}}), 0, 2)
    >>> us = (Unit(0, 2, "百度", "", "Organization"), Unit(2, 4, "发布", "v"), Unit(4, 8, "文心一言", "", "AIModel"))
    >>> match_rule(r, us)
    [(3, {0: 0, 1: 1, 2: 2})]
    """
    found: list[tuple[int, dict[int, int]]] = []
    pattern = rule.pattern
    n = len(units)

    def step(ei: int, ui: int, caps: dict[int, int]) -> tuple[int, dict[int, int]] | None:
        if ei == len(pattern):
            return ui, caps
        el = pattern[ei]
        if "START" in el:  # the match opens the sentence: its topic (X成立于……，位于Y)
            return step(ei + 1, ui, caps) if ui == 0 else None
        if "GAP" in el:
            j = ui
            while True:  # nearest first
                r = step(ei + 1, j, caps)
                if r is not None:
                    return r
                if j >= n or j - ui >= el["GAP"] or not _gap_ok(el, units[j]):
                    return None
                j += 1
        op = el.get("OP")
        if op == "!":
            if ui < n and _unit_ok(el, units[ui]):
                return None
            return step(ei + 1, ui, caps)
        if op in ("*", "+"):
            j = ui
            while j < n and _unit_ok(el, units[j]):
                j += 1
            lo = ui + 1 if op == "+" else ui
            for k in range(j, lo - 1, -1):  # greedy, then back off
                r = step(ei + 1, k, caps)
                if r is not None:
                    return r
            return None
        if "NAME" in el:
            for k in _name_spans(el, units, ui):
                r = step(ei + 1, k, {**caps, ei: ui, ~ei: k})  # ~ei: where the name ends
                if r is not None:
                    return r
            return None
        for k in _spans(el, units, ui, rule.coordinate):
            r = step(ei + 1, k, {**caps, ei: ui})
            if r is not None:
                return r
        if op == "?":
            return step(ei + 1, ui, caps)
        return None

    first = pattern[0] if pattern else {}
    # a first element that must match the start unit itself rules most starts out before any search
    gate = first if (first and not first.get("OP") and not {"GAP", "START", "NAME"} & first.keys()
                     and "PREFIX" not in first.get("TEXT", {})) else None
    if gate is None:
        starts = range(n)
    elif gate.keys() == {"ENT"} and "IN" in gate["ENT"]:
        ents = gate["ENT"]["IN"]  # the usual gate, an entity class: tested inline
        starts = [i for i, u in enumerate(units) if u.ent in ents]
    else:
        starts = [i for i, u in enumerate(units) if _unit_ok(gate, u)]
    for start in starts:
        if rule.not_after is not None and start > 0 and _unit_ok(rule.not_after, units[start - 1]):
            continue
        r = step(0, start, {})
        if r is not None and not _followed_by(rule.not_before, units, r[0]):
            found.append(r)
    return found


def _followed_by(seq: tuple[dict[str, Any], ...], units: tuple[Unit, ...], end: int) -> bool:
    """Whether the units from ``end`` on match the token objects of ``seq`` one by one (a rule's not_before)."""
    if not seq or end + len(seq) > len(units):
        return False
    return all(_unit_ok(el, units[end + i]) for i, el in enumerate(seq))
