"""Relation rules as data: loading and validating relations.jsonl, and matching token patterns over units."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import OntologyError, PatternError
from kg.names import to_simplified
from kg.records import Mention
from kg.resources import check_term, declared_classes

__all__ = [
    "Unit",
    "Rule",
    "Hedge",
    "RuleSet",
    "read_jsonl",
    "read_rules",
    "match_rule",
]

_KINDS = ("relation", "quote", "nested")
_RULE_KEYS = {
    "relation": {"id", "kind", "relation", "pattern", "subject", "object", "role", "confidence", "coordinate",
                 "not_after", "note"},
    "quote": {"id", "kind", "relation", "pattern", "speaker", "quote", "confidence", "note"},
    "nested": {"id", "kind", "relation", "parent_suffix", "child_suffix", "confidence", "note"},
}
_ELEMENT_KEYS = {"TEXT", "POS", "ENT", "ROLE", "OP", "AS"}
_GAP_KEYS = {"GAP", "NOT", "CROSS"}
_NAME_KEYS = {"NAME", "NOT", "AS"}
_NAME_OPTS = {"min", "max", "left", "right", "entity", "maximal", "lead"}
_NAMED_BEFORE = frozenset({"Organization", "Publication", "AIModel"})
"""Classes a ``maximal`` NAME may not directly follow: the run would be part of that name."""
_OPS = {"?", "*", "+", "!"}
_COORD = frozenset({"和", "与", "、", "及", "以及", "跟", "同", "暨", "还有"})
"""Words joining coordinated entities (A和B发布……): every conjunct gets the relation."""
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


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated rule of ``relations.jsonl``."""

    id: str
    """Unique id, recorded on every relation it finds."""
    kind: str
    """``relation`` (token pattern), ``quote`` (reported speech) or ``nested`` (org name inside org name)."""
    relation: str
    """Ontology property asserted (``""`` for a quote rule that asserts nothing)."""
    pattern: tuple[dict[str, Any], ...] = ()
    """Pattern elements, compiled (see :func:`read_rules`)."""
    subject: int = -1
    """Index of the subject element (the speaker for quote rules)."""
    object: int = -1
    """Index of the object element."""
    role: int = -1
    """Index of the element giving the position, or -1."""
    confidence: float = 0.9
    """Confidence of what it finds, before hedges."""
    quote: str = "after"
    """For quote rules: whether the quoted text comes ``after`` or ``before`` the speech verb."""
    parent_suffix: tuple[str, ...] = ()
    """For nested rules: endings of a parent organization name (大学, 集团)."""
    child_suffix: tuple[str, ...] = ()
    """For nested rules: endings of the part (研究院, 实验室)."""
    needs: tuple[tuple[str, ...], ...] = ()
    """Word lists of which the sentence must contain one each (a fast pre-check)."""
    coordinate: bool = True
    """Whether entities coordinated with a slot (A、B和C) get the relation too."""
    not_after: dict[str, Any] | None = None
    """A token object the token just before a match must not match (a look-behind)."""


@dataclass(frozen=True, slots=True)
class Hedge:
    """A negation or hedge cue of ``hedges.jsonl``."""

    cue: str
    """The word, in Simplified characters (matched at token boundaries)."""
    effect: str
    """``negate`` (no relation) or ``hedge`` (lower confidence)."""
    confidence: float = 1.0
    """Confidence ceiling of a hedged relation."""
    scope: str = "clause"
    """``clause``: from the clause start to the match end; ``sentence``: from the sentence start."""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything relation extraction loads once: rules, hedge cues and position titles."""

    rules: tuple[Rule, ...]
    """Rules in file order."""
    hedges: tuple[Hedge, ...] = ()
    """Negation and hedge cues."""
    role_heads: frozenset[str] = frozenset()
    """Position titles (董事长, 院长, CEO)."""
    role_modifiers: frozenset[str] = frozenset()
    """Words that may precede a title (常务, 副, 首席)."""
    role_joiners: frozenset[str] = frozenset()
    """Words joining titles into a chain (、, 兼)."""


def read_jsonl(path: Path):
    """Rows of a JSONL rule file as (``file:line``, raw text, object); blank and ``#`` lines skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PatternError(f"{path}: cannot read ({exc.strerror})") from exc
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s or s.startswith("#") or s.startswith("//"):
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(s)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}: not valid JSON ({exc.msg}): {s}") from exc
        if not isinstance(row, dict):
            raise PatternError(f"{where}: expected a JSON object: {s}")
        yield where, s, row


def _compile_spec(value: Any, key: str, bad) -> dict[str, Any]:
    """Normalise a TEXT/POS/ENT/ROLE value to ``{"IN": frozenset}`` / ``{"NOT_IN": ...}`` / ``{"REGEX": re}``."""
    if isinstance(value, str):
        value = {"IN": [value]}
    elif isinstance(value, list):
        value = {"IN": value}
    if not isinstance(value, dict) or len(value) != 1:
        bad(f"{key} must be a string, a list, or one of IN / NOT_IN / REGEX")
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN"):
        if not isinstance(arg, list) or not all(isinstance(a, str) for a in arg):
            bad(f"{key}.{op} must be a list of strings")
        words = frozenset(to_simplified(a).casefold() if key in ("TEXT", "ROLE") else a for a in arg)
        if op == "IN" and key == "TEXT":
            return {op: words, "PREFIX": frozenset(w[:i] for w in words for i in range(1, len(w)))}
        return {op: words}
    if op == "REGEX" and isinstance(arg, str):
        try:
            return {"REGEX": re.compile(arg)}
        except re.error as exc:
            bad(f"{key}.REGEX does not compile ({exc})")
    bad(f"{key}: unknown operator {op!r} (use IN, NOT_IN or REGEX)")
    raise AssertionError("unreachable")  # bad() always raises


def _compile_element(el: Any, i: int, bad, classes: frozenset[str]) -> dict[str, Any]:
    if not isinstance(el, dict) or not el:
        bad(f"pattern element {i} must be a non-empty object")
    if "GAP" in el:
        extra = set(el) - _GAP_KEYS
        if extra:
            bad(f"pattern element {i}: unknown key(s) {sorted(extra)} in a gap (allowed: GAP, NOT, CROSS)")
        if not isinstance(el["GAP"], int) or isinstance(el["GAP"], bool) or el["GAP"] < 0:
            bad(f"pattern element {i}: GAP must be a whole number of tokens >= 0")
        cross = el.get("CROSS", [])
        if not isinstance(cross, list) or not all(isinstance(c, str) and c for c in cross):
            bad(f"pattern element {i}: CROSS must be a list of punctuation marks or class names")
        for c in cross:
            if c.isascii() and c[:1].isupper() and c not in classes:
                bad(f"pattern element {i}: unknown class {c!r} in CROSS (not declared in kg.ttl)")
        out: dict[str, Any] = {"GAP": el["GAP"], "CROSS": frozenset(cross)}
        if "NOT" in el:
            out["NOT"] = _compile_element(el["NOT"], i, bad, classes)
        return out
    if "NAME" in el:
        return _compile_name(el, i, bad, classes)
    extra = set(el) - _ELEMENT_KEYS
    if extra:
        bad(f"pattern element {i}: unknown key(s) {sorted(extra)} (allowed: {sorted(_ELEMENT_KEYS | _GAP_KEYS)})")
    out = {}
    for key in ("TEXT", "POS", "ENT", "ROLE"):
        if key in el:
            out[key] = _compile_spec(el[key], key, bad)
    if "ENT" in out:
        for name in out["ENT"].get("IN", ()) | out["ENT"].get("NOT_IN", frozenset()):
            if name not in classes:
                bad(f"pattern element {i}: unknown class {name!r} (not declared in kg.ttl)")
    if "AS" in el:
        if el["AS"] not in classes or "ENT" not in out:
            bad(f"pattern element {i}: AS must name a class (declared in kg.ttl) of an element with ENT")
        out["AS"] = el["AS"]
    if "OP" in el:
        if el["OP"] not in _OPS:
            bad(f"pattern element {i}: OP must be one of {sorted(_OPS)}")
        out["OP"] = el["OP"]
    return out


def _compile_name(el: dict[str, Any], i: int, bad, classes: frozenset[str]) -> dict[str, Any]:
    """A NAME slot: a run of plain tokens read as a name the recognizer missed (作者是<墨之轩>)."""
    extra = set(el) - _NAME_KEYS
    if extra:
        bad(f"pattern element {i}: unknown key(s) {sorted(extra)} in a NAME (allowed: NAME, NOT, AS)")
    opts = el["NAME"]
    if not isinstance(opts, dict) or set(opts) - _NAME_OPTS:
        bad(f"pattern element {i}: NAME must be an object with keys among {sorted(_NAME_OPTS)}")
    lo, hi = opts.get("min", 2), opts.get("max", 8)
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in (lo, hi)) or lo > hi:
        bad(f"pattern element {i}: NAME min and max must be whole numbers of characters, min <= max")
    for side in ("left", "right"):
        v = opts.get(side, [])
        if not isinstance(v, list) or not all(isinstance(w, str) and w for w in v):
            bad(f"pattern element {i}: NAME {side} must be a list of words")
    for key in ("entity", "maximal"):
        if not isinstance(opts.get(key, False), bool):
            bad(f"pattern element {i}: NAME {key} must be true or false")
    lead = opts.get("lead", [])
    if not isinstance(lead, list) or any(c not in classes for c in lead):
        bad(f"pattern element {i}: NAME lead must list classes declared in kg.ttl")
    if el.get("AS") not in classes:
        bad(f"pattern element {i}: a NAME needs AS, the class (declared in kg.ttl) of the name it reads")
    out: dict[str, Any] = {"NAME": (lo, hi), "AS": el["AS"], "ENTITY": opts.get("entity", False),
                           "MAXIMAL": opts.get("maximal", False), "LEAD": frozenset(lead)}
    for side in ("left", "right"):
        if side in opts:
            out[side.upper()] = frozenset(to_simplified(w).casefold() for w in opts[side])
    if "NOT" in el:  # one token object, or a list of them: a token matching any ends the run
        nots = el["NOT"] if isinstance(el["NOT"], list) else [el["NOT"]]
        out["NOT"] = tuple(_compile_element(x, i, bad, classes) for x in nots)
    return out


def _needs(pattern: tuple[dict[str, Any], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(sorted(el["TEXT"]["IN"]))
        for el in pattern
        if "TEXT" in el and "IN" in el["TEXT"] and el.get("OP") not in ("?", "*", "!")
    )


def read_rules(path: Path, directory: str | None = None) -> tuple[Rule, ...]:
    """Read and validate ``relations.jsonl``; a bad row raises PatternError quoting it.

    Examples
    --------
    >>> from kg.resources import ontology_dir
    >>> rules = read_rules(ontology_dir() / "patterns" / "relations.jsonl")
    >>> len({r.id for r in rules}) == len(rules)
    True
    """
    classes = declared_classes(directory)
    seen: dict[str, str] = {}
    out: list[Rule] = []
    for where, raw, row in read_jsonl(path):

        def bad(msg: str, where: str = where, raw: str = raw) -> None:
            raise PatternError(f"{where}: {msg}: {raw}")

        kind = row.get("kind", "relation")
        if kind not in _KINDS:
            bad(f"unknown kind {kind!r} (use one of {', '.join(_KINDS)})")
        extra = set(row) - _RULE_KEYS[kind]
        if extra:
            bad(f"unknown key(s) {sorted(extra)} for a {kind} rule")
        rid = row.get("id")
        if not isinstance(rid, str) or not rid:
            bad("missing id")
        if rid in seen:
            bad(f"duplicate id {rid!r} (first at {seen[rid]})")
        seen[rid] = where
        relation = row.get("relation", "")
        if kind != "quote" or relation:
            if not isinstance(relation, str) or not relation:
                bad("missing relation (an ontology property)")
            try:
                check_term(relation, "property", where, directory)
            except OntologyError as exc:
                raise PatternError(f"{exc}: {raw}") from exc
        conf = row.get("confidence", 0.9)
        if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0.0 <= conf <= 1.0:
            bad("confidence must be a number between 0 and 1")
        if kind == "nested":
            parents, children = row.get("parent_suffix"), row.get("child_suffix")
            for name, val in (("parent_suffix", parents), ("child_suffix", children)):
                if not isinstance(val, list) or not val or not all(isinstance(v, str) and v for v in val):
                    bad(f"{name} must be a non-empty list of strings")
            out.append(Rule(rid, kind, relation, confidence=float(conf),
                            parent_suffix=tuple(parents), child_suffix=tuple(children)))
            continue
        pattern = row.get("pattern")
        if not isinstance(pattern, list) or not pattern:
            bad("pattern must be a non-empty list of token objects")
        compiled = tuple(_compile_element(el, i, bad, classes) for i, el in enumerate(pattern))
        slots = ("speaker",) if kind == "quote" else ("subject", "object", "role")
        idx: dict[str, int] = {}
        for slot in slots:
            if slot not in row:
                if slot == "role":
                    continue
                bad(f"missing slot {slot!r}")
            v = row[slot]
            if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < len(compiled):
                bad(f"slot {slot!r} = {v!r} is out of range (pattern has {len(compiled)} elements)")
            el = compiled[v]
            if "NAME" in el and slot == "role":
                bad(f"slot 'role' points at element {v}, a NAME; it must be a Role token")
            if "GAP" in el or el.get("OP") in ("*", "+", "?", "!"):
                bad(f"slot {slot!r} points at element {v}, which is a gap or has an OP; it must match one token")
            idx[slot] = v
        if kind == "quote":
            q = row.get("quote", "after")
            if q not in ("after", "before"):
                bad("quote must be 'after' or 'before'")
            out.append(Rule(rid, kind, relation, compiled, subject=idx["speaker"], confidence=float(conf),
                            quote=q, needs=_needs(compiled)))
        else:
            if idx["subject"] == idx["object"]:
                bad("subject and object are the same element")
            coord = row.get("coordinate", True)
            if not isinstance(coord, bool):
                bad("coordinate must be true or false")
            before = _compile_element(row["not_after"], -1, bad, classes) if "not_after" in row else None
            if before is not None and ("GAP" in before or "OP" in before):
                bad("not_after must be a plain token object (no GAP, no OP)")
            out.append(Rule(rid, kind, relation, compiled, idx["subject"], idx["object"], idx.get("role", -1),
                            float(conf), needs=_needs(compiled), coordinate=coord, not_after=before))
    return tuple(out)


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
    return not ("NOT" in el and _unit_ok(el["NOT"], u))


def _name_spans(el: dict[str, Any], units: tuple[Unit, ...], ui: int) -> list[int]:
    """End indices (longest first) of plain-token runs from ``ui`` that a NAME element reads as a name.

    The run holds no mention, title chain or punctuation, spans ``min``..``max`` characters, and, where
    the rule lists them, follows a ``left`` word (or the sentence start) and precedes a ``right`` word
    (or the sentence end). With ``entity``, one mention of another class counts as such a run; with
    ``lead``, the run may open with a mention of those classes ([荔湾区芳村]实验小学); with ``maximal``,
    the token before the run could not have extended it and is no organization, work or model.
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

    if el["MAXIMAL"] and ui > 0 and (plain(units[ui - 1]) or units[ui - 1].ent in el["LEAD"] | _NAMED_BEFORE):
        return []  # the run would continue a longer name (评论部 after 《中国青年报》 is its department)
    u = units[ui]
    if u.ent and u.ent not in el["LEAD"]:
        ok = el["ENTITY"] and u.mention is not None and lo <= len(u.text) <= hi and right_ok(ui + 1)
        return [ui + 1] if ok else []
    out = []
    size = 0
    first_end = ui + 1 if u.ent else ui  # a leading mention needs plain words after it
    for j in range(ui, n):
        v = units[j]
        if not (plain(v) or (j == ui and v.ent in el["LEAD"] and v.mention is not None)):
            break
        size += len(v.text)
        if size > hi:
            break
        if size >= lo and right_ok(j + 1) and j >= first_end:
            out.append(j + 1)
    return out[::-1]


def _spans(el: dict[str, Any], units: tuple[Unit, ...], ui: int) -> list[int]:
    """End indices (longest first) of runs from ``ui`` matching ``el``.

    A TEXT word may span several plain tokens, as segmentation splits words unevenly (领/投, 毕业/于).
    """
    if ui >= len(units):
        return []
    out = [ui + 1] if _unit_ok(el, units[ui]) else []
    if out and "ENT" in el and units[ui].mention is not None:
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
        for k in _spans(el, units, ui):
            r = step(ei + 1, k, {**caps, ei: ui})
            if r is not None:
                return r
        if op == "?":
            return step(ei + 1, ui, caps)
        return None

    for start in range(n):
        if rule.not_after is not None and start > 0 and _unit_ok(rule.not_after, units[start - 1]):
            continue
        r = step(0, start, {})
        if r is not None:
            found.append(r)
    return found
