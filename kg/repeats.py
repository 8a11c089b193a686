"""One sense per article: a name recognised once is recognised wherever the article writes it again.

The CRF and the context patterns find a name where its context gives it away (广立微作为国内领先的……);
the same article often repeats the bare name where nothing around it does (广立微旗下SemiMind……).
Relations are read sentence by sentence, so a name missed in its sentence loses the relation there. A name defined
with its abbreviation in brackets (人类反馈强化学习（RLHF）) is found wherever the article writes the abbreviation.
"""

from __future__ import annotations

import re

from kg.patterns import PAREN_ABBR

__all__ = ["repeated_names", "abbreviations"]

Span = tuple[int, int, str, str, float]

_SPREAD = ("Organization", "AIModel")
"""Classes whose names are spread. Places, techniques and titles come from the gazetteer and patterns anyway;
of persons only full names are (:func:`_full_name`), as the tagger's two-character person guesses are the ones
most often a company's short name (仁宝 read as a person once, then 仁宝董事长陈瑞聪), and a bare surname is
resolved by linking."""

_LATIN = re.compile(r"[A-Za-z0-9]")


_NAMED_AFTER_POST = frozenset({"pattern:title-name", "pattern:name-post"})
"""Sources of person names read beside a post (火山引擎总裁谭待), which no company's short name is."""


def _full_name(name: str, source: str) -> bool:
    """A person's name safe to spread: one the gazetteer knows or a post names, or a full name that no company's short
    name looks like (three Han characters or more, a transliteration with its dot, a Latin first name and surname)."""
    if source.startswith("lexicon") or source in _NAMED_AFTER_POST:
        return True  # 火山引擎总裁谭待: a name right after a post is a person's, however short
    if "·" in name or " " in name.strip() and name.isascii():
        return True
    return len(name) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in name)


def repeated_names(folded: str, chosen: list[Span], starts: set[int], ends: set[int],
                   generic: frozenset[str] | set[str]) -> list[Span]:
    """Spans for the other occurrences of the names in ``chosen``, on word boundaries and outside ``chosen``.

    ``starts`` and ``ends`` are the offsets where the segmenter's words start and end: an occurrence
    must begin and end on them (华为 in 华为云, one word, is no occurrence of 华为). A name found with two
    classes in the article, a generic word, or a single character is not spread. The new spans keep the
    class of the name and record its source as ``repeat:<source>``.

    Examples
    --------
    >>> text = "广立微作为国内领先的企业。广立微旗下平台接入模型。"
    >>> chosen = [(0, 3, "Organization", "crf", 0.9)]
    >>> repeated_names(text, chosen, {0, 3, 13, 16}, {3, 13, 16}, set())
    [(13, 16, 'Organization', 'repeat:crf', 0.85)]
    >>> repeated_names(text, chosen, {0, 3}, {3}, set())  # the second 广立微 is inside a longer word
    []
    """
    labels: dict[str, set[str]] = {}
    best: dict[str, Span] = {}
    for c in chosen:
        name = folded[c[0] : c[1]]
        labels.setdefault(name, set()).add(c[2])
        if (c[2] in _SPREAD or c[2] == "Person" and _full_name(name, c[3])) and len(name.strip()) >= 2 \
                and name not in generic and (name not in best or c[4] > best[name][4]):
            best[name] = c
    names = sorted((n for n in best if len(labels[n]) == 1), key=len, reverse=True)
    if not names:
        return []
    taken = bytearray(len(folded) + 1)
    for c in chosen:
        taken[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
    out: list[Span] = []
    for m in re.finditer("|".join(map(re.escape, names)), folded):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        name = m.group(0)
        if _LATIN.match(name[0]) or _LATIN.match(name[-1]):
            if (s > 0 and _LATIN.match(folded[s - 1])) or (e < len(folded) and _LATIN.match(folded[e])):
                continue  # GPT inside GPT-4o's neighbour letters: not the same name
        if not (s in starts and e in ends):
            continue
        c = best[name]
        out.append((s, e, c[2], f"repeat:{c[3]}", round(max(0.5, c[4] - 0.05), 3)))
        taken[s:e] = b"\x01" * (e - s)
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def abbreviations(folded: str, chosen: list[Span]) -> list[Span]:
    """Mentions for ``名称（ABBR）`` definitions and later uses of ABBR in the article.

    A defined abbreviation already found with another class takes the class of the name it
    abbreviates (深度求索（DeepSeek）: the company, not the model). ``chosen`` is updated in place.
    """
    out: list[Span] = []
    defined: dict[str, str] = {}
    for c in sorted(chosen):
        s, e, label = c[0], c[1], c[2]
        m = PAREN_ABBR.match(folded, e)
        if not (m and m.group(1)[0].isupper()):
            continue
        abbr = m.group(1)
        span = (m.start(1), m.end(1), label, f"pattern:abbr:{s}", 0.85)
        same = [o for o in chosen if o[0] == span[0] and o[1] == span[1]]
        if same and same[0][2] != label:
            chosen.remove(same[0])
            chosen.append(span)
        elif not same and not any(_overlap(span, o) for o in chosen + out):
            out.append(span)
        defined.setdefault(abbr, label)
    for abbr, label in defined.items():
        for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(abbr) + r"(?![A-Za-z0-9])", folded):
            span = (m.start(), m.end(), label, "pattern:abbr", 0.8)
            if not any(_overlap(span, o) for o in chosen + out):
                out.append(span)
    return out
