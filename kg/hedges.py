"""Negation and hedge cues (hedges.jsonl): which statements are denied, and which are uncertain."""

from __future__ import annotations

from pathlib import Path

from kg.errors import PatternError
from kg.names import to_simplified
from kg.records import Sentence
from kg.rules import Hedge, Unit, read_jsonl

__all__ = ["read_hedges", "hedged_confidence", "negated"]

_CLAUSE = frozenset("，,；;：:")


def read_hedges(path: Path) -> tuple[Hedge, ...]:
    """Read ``hedges.jsonl``: ``{"cue", "effect": "negate"|"hedge", "confidence", "scope"}`` rows.

    Examples
    --------
    >>> from kg.resources import ontology_dir
    >>> hs = read_hedges(ontology_dir() / "patterns" / "hedges.jsonl")
    >>> {h.effect for h in hs} == {"negate", "hedge"}
    True
    """
    out = []
    for where, raw, row in read_jsonl(path):
        extra = set(row) - {"cue", "effect", "confidence", "scope", "note"}
        if extra:
            raise PatternError(f"{where}: unknown key(s) {sorted(extra)}: {raw}")
        cue, effect = row.get("cue"), row.get("effect")
        conf = row.get("confidence", 0.0 if effect == "negate" else 0.6)
        scope = row.get("scope", "clause")
        if not isinstance(cue, str) or not cue:
            raise PatternError(f"{where}: missing cue: {raw}")
        if effect not in ("negate", "hedge"):
            raise PatternError(f"{where}: effect must be 'negate' or 'hedge': {raw}")
        if not isinstance(conf, (int, float)) or not 0.0 <= conf <= 1.0:
            raise PatternError(f"{where}: confidence must be between 0 and 1: {raw}")
        if scope not in ("clause", "sentence"):
            raise PatternError(f"{where}: scope must be 'clause' or 'sentence': {raw}")
        out.append(Hedge(to_simplified(cue), effect, float(conf), scope))
    return tuple(out)


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


def hedged_confidence(hedges: tuple[Hedge, ...], sent: Sentence, units: tuple[Unit, ...], first: int, end: int,
                      confidence: float) -> float | None:
    """Confidence of a statement matched over ``units[first:end]`` after the cues in its clause (or sentence).

    None when a negation cue denies it (未, 否认); a hedge cue (据传, 或将) caps it at the cue's confidence.

    Examples
    --------
    >>> s = Sentence("a", 0, 7, "百度或将发布模型")
    >>> us = (Unit(0, 2, "百度", "", "Organization"), Unit(2, 4, "或将", "d"), Unit(4, 6, "发布", "v"))
    >>> hedged_confidence((Hedge("或将", "hedge", 0.55),), s, us, 0, 3, 0.9)
    0.55
    >>> denied = (us[0], Unit(2, 3, "未", "d"), Unit(3, 5, "发布", "v"))
    >>> hedged_confidence((Hedge("未", "negate", 0.0),), Sentence("a", 0, 5, "百度未发布"), denied, 0, 3, 0.9) is None
    True
    """
    conf = confidence
    for h in hedges:
        texts = _scope_text(sent, units, first, end, h.scope)
        if _cue_in(h.cue, texts):
            if h.effect == "negate":
                return None
            conf = min(conf, h.confidence)
    return conf


def negated(hedges: tuple[Hedge, ...], sent: Sentence, units: tuple[Unit, ...], caps: dict[int, int],
            end: int) -> bool:
    """Whether a negation cue denies what a match (its captures ``caps``, ending at ``end``) states."""
    first = min(caps.values()) if caps else 0
    return hedged_confidence(tuple(h for h in hedges if h.effect == "negate"), sent, units, first, end, 1.0) is None
