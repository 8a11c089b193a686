"""Entity linking within an article: each mention gets the canonical name of the thing it names.

Canonical names are chosen so that the same thing gets the same name in every article
(identity across articles is ``(label, normalize_key(canonical))``):

* a gazetteer alias links to the entry's preferred name (谷歌/Google/谷歌公司 → 谷歌);
* a name written with a company suffix links to the known short name (百度公司 → 百度), a place written
  with 地区, 市 or 省 to the place (中东地区 → 中东, 杭州市 → 杭州);
* a later short mention of a person links to the full name seen earlier in the article
  (阿尔特曼 → 山姆·阿尔特曼; 彦宏 → 李彦宏; a bare surname 李 is not a mention at all);
* an abbreviation defined in parentheses links to the name it abbreviates
  (人类反馈强化学习（RLHF） → RLHF is 人类反馈强化学习), and a person's name in parentheses after their name
  to that name (阿什肯纳齐（Anat Ashkenazi）).
"""

from __future__ import annotations

from dataclasses import replace

from kg.entities import Recognizer
from kg.patterns import fold, fold_key
from kg.records import Article, Mention

__all__ = ["link_mentions"]

_ORG_SUFFIXES = ("有限公司", "股份有限公司", "集团", "公司", "科技", "控股")
_PLACE_SUFFIXES = ("地区", "市", "省")


def _lexicon_name(m: Mention, rec: Recognizer) -> str | None:
    if m.source.startswith("lexicon:"):
        e = rec.by_id.get(m.source.split(":", 1)[1])
        if e is not None:
            return e.name
    e = rec.lexicon.surface.get(fold_key(m.text))
    if e is None and m.label == "Person" and "·" in m.text:
        e = rec.lexicon.surface.get(fold_key(m.text.rsplit("·", 1)[1]))  # 乌尔苏拉·冯德莱恩: the known 冯德莱恩
    if e is not None and e.label == m.label:
        return e.name
    return None


def link_mentions(article: Article, mentions: tuple[Mention, ...], recognizer: Recognizer) -> tuple[Mention, ...]:
    """Set ``Mention.canonical`` on every mention (same order, same spans).

    Examples
    --------
    >>> from kg.entities import load_recognizer
    >>> r = load_recognizer()
    >>> a = Article(id="a", text="山姆·阿尔特曼说，阿尔特曼和Google")
    >>> ms = (Mention("a", 0, 7, "山姆·阿尔特曼", "Person"), Mention("a", 9, 13, "阿尔特曼", "Person"),
    ...       Mention("a", 14, 20, "Google", "Organization"))
    >>> [m.name for m in link_mentions(a, ms, r)]
    ['山姆·阿尔特曼', '山姆·阿尔特曼', '谷歌']
    """
    rec = recognizer
    out: list[Mention] = []
    people: list[str] = []  # full person names seen so far, in order
    orgs: dict[str, str] = {}  # folded name -> canonical, for suffix stripping
    places: dict[str, str] = {}
    by_pos = {m.start: m for m in mentions}
    for m in mentions:
        canon = _lexicon_name(m, rec)
        if canon is None and m.source.startswith("pattern:abbr:"):
            src = by_pos.get(int(m.source.rsplit(":", 1)[1]))
            if src is not None:
                canon = next((o.canonical or o.text for o in out if o.start == src.start), src.text)
        if canon is None and m.source == "pattern:abbr":
            canon = next((o.canonical for o in out if o.text == m.text and o.canonical), None)
        if canon is None and m.label == "Person" and out and out[-1].label == "Person" \
                and out[-1].end == m.start - 1 and article.text[m.start - 1] in "（(":
            canon = out[-1].canonical  # 阿什肯纳齐（Anat Ashkenazi）: the person's name in another script
        if canon is None and m.label == "Person":
            canon = _person_name(m.text, people)
        if canon is None and m.label == "Organization" and m.text.isascii() and m.text.isalpha():
            full = _person_name(m.text, people)
            if full is not None and " " in full:  # Joseph Briggs … Briggs指出: the person's family name, no body
                m, canon = replace(m, label="Person"), full
        if canon is None and m.label == "Organization":
            f = fold(m.text)
            for suf in _ORG_SUFFIXES:
                if f.endswith(suf) and len(f) - len(suf) >= 2:
                    short = f[: -len(suf)]
                    e = rec.lexicon.surface.get(short.lower())
                    if e is not None and e.label == "Organization":
                        canon = e.name
                    elif short in orgs:
                        canon = orgs[short]
                    break
        if canon is None and m.label == "Location":
            canon = _place_name(fold(m.text), rec, places)
        if canon is None:
            canon = m.text
        if m.label == "Location":
            places.setdefault(fold(m.text), canon)
        if m.label == "Person" and canon == m.text and len(m.text) >= 2:
            people.append(m.text)
        if m.label == "Organization":
            orgs.setdefault(fold(m.text), canon)
        out.append(replace(m, canonical=canon))
    return tuple(out)


def _place_name(folded: str, rec: Recognizer, places: dict[str, str]) -> str | None:
    """The place a name written with 地区, 市 or 省 names (中东地区 → 中东), if known or seen before."""
    for suf in _PLACE_SUFFIXES:
        if folded.endswith(suf) and len(folded) - len(suf) >= 2:
            short = folded[: -len(suf)]
            e = rec.lexicon.surface.get(short.lower())
            if e is not None and e.label == "Location":
                return e.name
            return places.get(short)
    return None


def _person_name(text: str, people: list[str]) -> str | None:
    """The earlier full name that ``text`` is a part of (given name, last part of a dotted name, or family name of a
    Latin one)."""
    for full in reversed(people):
        if full == text or len(full) <= len(text):
            continue
        if " " in full and full.isascii():
            if text == full.split()[-1] and len(text) >= 3:
                return full  # Joseph Briggs → Briggs
            continue
        if "·" in full:
            parts = full.split("·")
            if text in (parts[-1], parts[0]) or text == "".join(parts):
                return full
        elif len(full) in (3, 4) and len(text) == 2 and full.endswith(text):
            return full
    return None
