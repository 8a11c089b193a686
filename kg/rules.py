"""Relation rules as data: loading and validating relations.jsonl (matching lives in kg.matcher)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import OntologyError, PatternError
from kg.matcher import Unit, match_rule  # noqa: F401  (re-exported: callers import them from here)
from kg.names import to_simplified
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
    "relation": {"id", "kind", "relation", "pattern", "subject", "object", "role", "role_word", "confidence",
                 "coordinate", "not_after", "not_before", "note"},
    "quote": {"id", "kind", "relation", "pattern", "speaker", "quote", "confidence", "not_after", "note"},
    "nested": {"id", "kind", "relation", "parent_suffix", "child_suffix", "glued_suffix", "confidence", "note"},
}
_ELEMENT_KEYS = {"TEXT", "POS", "ENT", "ROLE", "OP", "AS", "REFER"}
_GAP_KEYS = {"GAP", "NOT", "CROSS"}
_NAME_KEYS = {"NAME", "NOT", "AS"}
_NAME_OPTS = {"min", "max", "left", "right", "entity", "maximal", "lead", "suffix"}
_OPS = {"?", "*", "+", "!"}


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
    role_word: str = ""
    """The position a match gives when no token names it (记者 for a writer's dateline), or ``""``."""
    confidence: float = 0.9
    """Confidence of what it finds, before hedges."""
    quote: str = "after"
    """For quote rules: whether the quoted text comes ``after`` or ``before`` the speech verb."""
    parent_suffix: tuple[str, ...] = ()
    """For nested rules: endings of a parent organization name (大学, 集团)."""
    child_suffix: tuple[str, ...] = ()
    """For nested rules: endings of the part (研究院, 实验室)."""
    glued_suffix: tuple[str, ...] = ()
    """For nested rules: endings of a word that, glued to an organization's name, names a part of it (英特尔 产品部)."""
    needs: tuple[tuple[str, ...], ...] = ()
    """Word lists of which the sentence must contain one each (a fast pre-check)."""
    coordinate: bool = True
    """Whether entities coordinated with a slot (A、B和C) get the relation too."""
    not_after: dict[str, Any] | None = None
    """A token object the token just before a match must not match (a look-behind)."""
    not_before: tuple[dict[str, Any], ...] = ()
    """Token objects the tokens right after a match must not match in a row (a look-ahead: 总部位于北京[的][比特大陆]
    names where 比特大陆 is, not the organization before)."""


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
    view_names: re.Pattern[str] | None = None
    """Organizations whose stated views explain what they name (analysts: 中信建投证券, 高盛); None: every one's."""
    report_words: frozenset[str] = frozenset()
    """Words after an organization's name that quote its research (研报, 分析师): its view explains."""
    parents: tuple[tuple[str, str], ...] = ()
    """(preferred name of a well-known organization, that of the organization it is part of): 阿里云, 阿里巴巴; from the
    gazetteer's ``part_of``. Where an article names both, the one is part of the other."""
    shared_names: tuple[tuple[str, str, str], ...] = ()
    """(folded name, the model's preferred name, the company's) for each name a company and its model share
    (deepseek, DeepSeek, 深度求索): a view that names the company by it speaks of the model, and a model so named is
    that company's."""


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
        if "NOT" in el:  # one token object, or a list of them: no gap token may match any
            nots = el["NOT"] if isinstance(el["NOT"], list) else [el["NOT"]]
            out["NOT"] = tuple(_compile_element(x, i, bad, classes) for x in nots)
        return out
    if "NAME" in el:
        return _compile_name(el, i, bad, classes)
    if "START" in el:
        if el != {"START": True} or i != 0:
            bad(f"pattern element {i}: START must be {{\"START\": true}} alone, as the first element")
        return {"START": True}
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
    if "REFER" in el:  # a pronoun (其) standing for the last mention of these classes before it
        refer = el["REFER"]
        if "TEXT" not in out or not isinstance(refer, list) or not refer or any(c not in classes for c in refer):
            bad(f"pattern element {i}: REFER must list classes (declared in kg.ttl) on an element with TEXT")
        out["REFER"] = tuple(refer)
    if "AS" in el:
        if el["AS"] not in classes or ("ENT" not in out and "REFER" not in out):
            bad(f"pattern element {i}: AS must name a class (declared in kg.ttl) of an element with ENT or REFER")
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
    suffix = opts.get("suffix", [])
    if not isinstance(suffix, list) or not all(isinstance(w, str) and w for w in suffix):
        bad(f"pattern element {i}: NAME suffix must be a list of endings")
    if suffix:
        out["SUFFIX"] = tuple(to_simplified(w).casefold() for w in suffix)
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
            glued = row.get("glued_suffix", [])
            if not isinstance(glued, list) or not all(isinstance(v, str) and v for v in glued):
                bad("glued_suffix must be a list of strings")
            out.append(Rule(rid, kind, relation, confidence=float(conf),
                            parent_suffix=tuple(parents), child_suffix=tuple(children), glued_suffix=tuple(glued)))
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
            if "GAP" in el or "START" in el or el.get("OP") in ("*", "+", "?", "!"):
                bad(f"slot {slot!r} points at element {v}, which is a gap or has an OP; it must match one token")
            idx[slot] = v
        before = _compile_element(row["not_after"], -1, bad, classes) if "not_after" in row else None
        if before is not None and ("GAP" in before or "OP" in before):
            bad("not_after must be a plain token object (no GAP, no OP)")
        if kind == "quote":
            q = row.get("quote", "after")
            if q not in ("after", "before"):
                bad("quote must be 'after' or 'before'")
            out.append(Rule(rid, kind, relation, compiled, subject=idx["speaker"], confidence=float(conf),
                            quote=q, needs=_needs(compiled), not_after=before))
        else:
            if idx["subject"] == idx["object"]:
                bad("subject and object are the same element")
            role_word = row.get("role_word", "")
            if not isinstance(role_word, str) or "role_word" in row and (not role_word.strip() or "role" in row):
                bad("role_word must be a non-empty string, and a rule gives either role or role_word")
            coord = row.get("coordinate", True)
            if not isinstance(coord, bool):
                bad("coordinate must be true or false")
            ahead = row.get("not_before", [])
            if not isinstance(ahead, list) or not ahead and "not_before" in row:
                bad("not_before must be a non-empty list of token objects")
            after = tuple(_compile_element(x, -1, bad, classes) for x in ahead)
            if any("GAP" in x or "OP" in x or "NAME" in x for x in after):
                bad("not_before must list plain token objects (no GAP, no OP, no NAME)")
            out.append(Rule(rid, kind, relation, compiled, idx["subject"], idx["object"], idx.get("role", -1),
                            role_word, float(conf), needs=_needs(compiled), coordinate=coord, not_after=before,
                            not_before=after))
    return tuple(out)
