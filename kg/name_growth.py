"""Names grown over the words after them once every mention is chosen: organizations over a unit word or a
described unit (英特尔|产品部, 苏商银行|金融科技|实验室), a leading 国家, a model's lab (通义|实验室), a Latin company
after a place (法国|Prophesee), and dot-names read as places that are persons (大卫·津斯纳)."""

from __future__ import annotations

import re

from kg.patterns import DOT_NAME, WordLists, is_han

__all__ = ["grow_names"]

Span = tuple  # (start, end, label, source, confidence)
_STATE = ("国家", "國家")
_LATIN_FIRM_WORDS = ("集团公司", "有限公司", "控股公司", "集团", "公司")
_DOT_ONLY = DOT_NAME


def grow_names(folded: str, chosen: list[Span], lists: WordLists,
               words: dict[int, tuple[int, str]] | None = None) -> list[Span]:
    """Organizations that run on over a unit word (英特尔|产品部, 小米集团|技术委员会), over a few
    descriptive words and a unit word (苏商银行|金融科技|实验室, 阿里|智能信息|事业群; ``words`` gives the
    tokens, :func:`word_spans`), or start with a leading 国家 (国家|专用集成电路…中心); an AI model's name before a lab word
    (通义|实验室) and transliterated dot-names read as places (大卫·津斯纳: a person; not 龙湖·花墅香醍,
    a brand and an estate)."""
    chosen = sorted(chosen)
    taken: list[str | None] = [None] * (len(folded) + 1)  # the class of the chosen span at each character
    for c in chosen:
        taken[c[0] : c[1]] = [c[2]] * (c[1] - c[0])
    words = words or {}
    ends = {b for b, _ in words.values()}
    place_units = lists.place_units + lists.described_units  # 中关村|物联网产业|联盟, 上海市|数据科学重点|实验室
    out: list[Span] = []
    for c in chosen:
        s, e, label = c[0], c[1], c[2]
        if out and out[-1][0] <= s and e <= out[-1][1] and out[-1][2] == "Organization":
            continue  # a technique inside a unit's description (苏商银行金融科技实验室)
        if label == "Location" and _DOT_ONLY.fullmatch(folded, s, e) \
                and 2 * sum(ch in lists.translit for ch in folded[s:e]) >= e - s - folded.count("·", s, e):
            c = (s, e, "Person", c[3], c[4])
        elif label == "Location" and (end := _described_unit(folded, e, words, ends, taken, place_units)) > e:
            taken[s:end] = ["Organization"] * (end - s)  # 中关村|物联网产业|联盟
            c = (s, end, "Organization", "pattern:place-unit", c[4])
        elif label == "AIModel":
            unit = next((u for u in lists.model_units if folded.startswith(u, e)), "")
            if unit and not any(taken[e : e + len(unit)]) and _word_end(folded, e + len(unit), ends):
                taken[s : e + len(unit)] = ["Organization"] * (e + len(unit) - s)
                c = (s, e + len(unit), "Organization", "pattern:model-unit", c[4])
            elif (m := _EDITION.match(folded, e)) and folded[s:e].isascii() and not any(taken[e : m.end()]):
                taken[e : m.end()] = [label] * (m.end() - e)
                c = (s, m.end(), label, c[3], c[4])  # ChatGPT Gov, ChatGPT Search: an edition of the product
        elif label == "Organization":
            if s >= 2 and folded[s - 2 : s] in _STATE and e - s >= 4 and not any(taken[s - 2 : s]):
                s -= 2
            kind = next((w for w in _LATIN_FIRM_WORDS if folded.startswith(w, e)), None)
            if kind and (folded[s:e].isascii() or c[3].startswith("lexicon")) and not any(taken[e : e + len(kind)]) \
                    and not folded[s:e].endswith(_LATIN_FIRM_WORDS) and _word_end(folded, e + len(kind), ends):
                e += len(kind)  # DHL|集团, 波士顿咨询|集团: a Latin or known name with its company word is one name
            for unit in lists.org_units:
                if folded.startswith(unit, e) and not any(taken[e : e + len(unit)]) \
                        and not folded[e : e + len(unit) + 2].startswith(tuple(lists.name_trailers), len(unit)) \
                        and _word_end(folded, e + len(unit), ends):  # not OpenAI|产品|部署
                    if unit == "云" and (e + 1 < len(folded) and is_han(folded[e + 1]) or not c[3].startswith("lexicon")):
                        continue  # 云 only closes a known company's cloud (微软云，), not 亚马逊云业务
                    e += len(unit)
                    break
            else:
                e = _described_unit(folded, e, words, ends, taken, lists.described_units)
            if (s, e) != (c[0], c[1]):
                taken[s:e] = [label] * (e - s)
                c = (s, e, label, "pattern:org-unit" if c[3].startswith("lexicon") else c[3], c[4])
        out.append(c)
        if label == "Location" and not folded.endswith(("地区", "区域", "一带"), s, e):  # 中亚地区Takistan: a place
            m = _PLACE_LATIN.match(folded, e)
            if m and not any(taken[m.start(1) : m.end(1)]) and m.group(1) not in lists.generic \
                    and not folded[m.end(1) : m.end(1) + 4].lstrip().startswith(_NOT_FIRM_AFTER + lists.event_words):
                taken[m.start(1) : m.end(1)] = ["Organization"] * (m.end(1) - m.start(1))
                out.append((m.start(1), m.end(1), "Organization", "pattern:place-latin", 0.7))
    return sorted(out)


_NOT_DESCRIPTOR = frozenset("的和与及或在将对为把被从向由于是了着过也都就而并")
"""Function characters: words with one between a name and a unit word (华为在北京的研究院) describe no unit."""
_FUNCTION_POS = ("p", "u", "c", "d", "r", "m", "q", "f", "t", "y", "e", "o", "x")


def _word_end(folded: str, i: int, ends: set[int]) -> bool:
    """Whether a word may end at ``i``: a token ends there or no Han character follows."""
    return i in ends or not is_han(folded[i : i + 1] or "x")


def _described_unit(
    folded: str, e: int, words: dict[int, tuple[int, str]], ends: set[int], taken: list, units: tuple[str, ...]
) -> int:
    """New end of an organization ending at ``e`` that runs on over at most six Han characters of
    description and a unit word (苏商银行|金融科技|实验室); ``e`` where none follows. The description
    holds no function word or verb and no mention other than a technique's (金融科技)."""
    j = e
    while j - e <= 6 and j in words:
        if j > e:
            for unit in units:
                end = j + len(unit)
                if folded.startswith(unit, j) and not any(taken[j:end]) and _word_end(folded, end, ends) \
                        and all(x in (None, "Technology") for x in taken[e:j]):
                    return end
        b, pos = words[j]
        if pos.startswith(_FUNCTION_POS) or pos == "v" or not all(is_han(ch) and ch not in _NOT_DESCRIPTOR
                                                                   for ch in folded[j:b]):
            return e
        j = b
    return e


_EDITION = re.compile(r" ?(?:Gov|Search|Enterprise|Edu|Team|Canvas|Operator|Tasks)(?![A-Za-z0-9])")
"""A word after a Latin product's name that names an edition of it (ChatGPT Gov, ChatGPT Search)."""
_PLACE_LATIN = re.compile(r" ?([A-Z][a-z]{2,}[A-Za-z]*(?: [A-Z][a-z]+)?)(?![A-Za-z0-9.\-])")
"""A capitalised Latin name right after a country or region (法国Prophesee, 美国 Axios): a company there."""
_NOT_FIRM_AFTER = ("指数", "股指", "期货", "模型", "大模型", "系列", "App", "APP", "应用")
