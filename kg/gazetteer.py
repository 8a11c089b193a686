"""The gazetteer of well-known organizations, models, technologies and places (``ontology/patterns/entities.jsonl``):
its entries, validated on load with errors that quote the bad row, and their longest-match lookup over folded text."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from pathlib import Path

from kg.errors import OntologyError, PatternError
from kg.patterns import fold_key, is_han
from kg.rules import read_jsonl

__all__ = ["LexEntry", "Lexicon", "load_lexicon", "shared_names"]


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One gazetteer entry: a thing, its preferred name and the other names it goes by."""

    id: str
    """Stable id of the entry (``google``)."""
    label: str
    """Ontology class local name."""
    name: str
    """Preferred (canonical) name."""
    aliases: tuple[str, ...] = ()
    """Other surface forms (Traditional forms are matched through folding)."""
    en: str = ""
    """English name, when the preferred name is not English."""
    part_of: str = ""
    """Id of the organization this one is well known to be part of (阿里云 → ``alibaba``); empty for none."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Gazetteer entries indexed for longest-match lookup over folded text."""

    entries: tuple[LexEntry, ...]
    """Entries in file order."""
    surface: dict[str, LexEntry]
    """Folded surface form → entry."""
    by_prefix: dict[str, tuple[str, ...]]
    """First two folded characters → surface forms starting with them, longest first."""

    def match(self, folded: str, starts: frozenset[int] | set[int], ends: frozenset[int] | set[int]):
        """Longest non-overlapping matches ``(start, end, entry)`` over text folded by :func:`fold_key`.

        Latin names must not touch letters or digits; Chinese names of at most two
        characters must start and end on token boundaries (``starts``/``ends``).

        Examples
        --------
        >>> lex = load_lexicon()
        >>> t = fold_key("谷歌和OpenAI发布GPT-4o")
        >>> [(s, e, x.name) for s, e, x in lex.match(t, {0, 2, 3, 9, 11}, {2, 3, 9, 11, 17})]
        [(0, 2, '谷歌'), (3, 9, 'OpenAI'), (11, 17, 'GPT-4o')]
        """
        out = []
        n = len(folded)
        surface = self.surface
        # the candidates at each position, looked up in one pass; only positions with some are visited
        at = list(map(self.by_prefix.get, [folded[i : i + 2] for i in range(n - 1)]))
        free = 0  # the end of the last match: positions before it are taken
        for i in compress(range(n - 1), at):
            if i < free:
                continue
            cands = at[i]
            hit = None
            for key in cands:
                if folded.startswith(key, i):
                    j = i + len(key)
                    if key[0].isascii() and key[0].isalnum():
                        if i > 0 and folded[i - 1].isascii() and folded[i - 1].isalnum():
                            continue
                    if key[-1].isascii() and key[-1].isalnum():
                        if j < n and folded[j].isascii() and folded[j].isalnum():
                            continue
                    if len(key) <= 2 and is_han(key[0]) and (i not in starts or j not in ends):
                        continue
                    hit = (i, j, surface[key])
                    break
            if hit is not None:
                out.append(hit)
                free = hit[1]
        return out


def _validate_row(row: object, where: str, declared: frozenset[str] | None) -> LexEntry:
    if not isinstance(row, dict):
        raise PatternError(f"{where}: expected a JSON object, got {row!r}")
    unknown = set(row) - {"label", "pattern", "id", "aliases", "en", "part_of"}
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {sorted(unknown)} in {row!r}")
    label, pattern, eid = row.get("label"), row.get("pattern"), row.get("id")
    aliases = row.get("aliases", [])
    en = row.get("en", "")
    if not (isinstance(label, str) and isinstance(pattern, str) and pattern.strip() and isinstance(eid, str) and eid):
        raise PatternError(f"{where}: 'label', 'pattern' and 'id' must be non-empty strings in {row!r}")
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
        raise PatternError(f"{where}: 'aliases' must be a list of non-empty strings in {row!r}")
    if not isinstance(en, str):
        raise PatternError(f"{where}: 'en' must be a string in {row!r}")
    if declared is not None and label not in declared:
        raise PatternError(f"{where}: unknown class {label!r} (not declared in kg.ttl) in {row!r}")
    part_of = row.get("part_of", "")
    if not isinstance(part_of, str) or ("part_of" in row and (not part_of or label != "Organization")):
        raise PatternError(f"{where}: 'part_of' must be the id of another organization, on an organization, in {row!r}")
    return LexEntry(eid, label, pattern, tuple(aliases), en, part_of)


def load_lexicon(path: str | Path | None = None, classes: frozenset[str] | None = None) -> Lexicon:
    """Read and validate ``entities.jsonl``; a bad row raises PatternError quoting it with file:line.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.surface[fold_key("Google")].name
    '谷歌'
    """
    if path is None:
        from kg.resources import ontology_dir

        path = ontology_dir() / "patterns" / "entities.jsonl"
    p = Path(path)
    if classes is None:
        from kg.resources import ENTITY_CLASSES, check_term

        for c in ENTITY_CLASSES:
            check_term(c, "class", str(p))
        classes = frozenset(ENTITY_CLASSES)
    if not p.is_file():
        raise OntologyError(f"{p}: cannot read the gazetteer: no such file")
    entries: list[LexEntry] = []
    parts: list[tuple[str, str, LexEntry]] = []
    surface: dict[str, LexEntry] = {}
    ids: set[str] = set()
    for where, line, row in read_jsonl(p):
        e = _validate_row(row, where, classes)
        if e.id in ids:
            raise PatternError(f"{where}: duplicate id {e.id!r} in {line!r}")
        ids.add(e.id)
        entries.append(e)
        if e.part_of:
            parts.append((where, line, e))
        for form in (e.name, *e.aliases):
            key = fold_key(form)
            if len(key) < 2:
                raise PatternError(f"{where}: surface form {form!r} is shorter than two characters in {line!r}")
            if key in surface and surface[key].id != e.id:
                raise PatternError(f"{where}: {form!r} already names {surface[key].id!r}: {line!r}")
            surface[key] = e
    labels = {e.id: e.label for e in entries}
    for where, line, e in parts:
        if labels.get(e.part_of) != "Organization" or e.part_of == e.id:
            raise PatternError(f"{where}: 'part_of' names no other organization of the gazetteer ({e.part_of!r}): {line!r}")
    prefix: dict[str, list[str]] = {}
    for key in surface:
        prefix.setdefault(key[:2], []).append(key)
    by_prefix = {k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in prefix.items()}
    return Lexicon(tuple(entries), surface, by_prefix)


def shared_names(lexicon: Lexicon) -> dict[str, tuple[LexEntry, LexEntry]]:
    """Folded names a company and its model share (deepseek → 深度求索, DeepSeek): each model surface form that is also
    one of an organization's names (its name, aliases or English name), with (the organization, the model).

    Examples
    --------
    >>> {k: (o.name, m.name) for k, (o, m) in shared_names(load_lexicon()).items()}["deepseek"]
    ('深度求索', 'DeepSeek')
    """
    orgs: dict[str, LexEntry] = {}
    for e in lexicon.entries:
        if e.label == "Organization":
            for form in (e.name, *e.aliases, *((e.en,) if e.en else ())):
                orgs.setdefault(fold_key(form), e)
    return {k: (orgs[k], e) for k, e in lexicon.surface.items() if e.label == "AIModel" and k in orgs}
