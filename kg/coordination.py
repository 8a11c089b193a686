"""Entities coordinated with one a rule matched: the members of its list (A、B和C; 蔚来小鹏; A、B等多家券商，以及C).

A rule that matches one member of a list states its relation of every member; these functions find them among
a sentence's units (:func:`kg.units.build_units`).
"""

from __future__ import annotations

import re

from kg.matcher import _COORD, _spec_ok
from kg.rules import Unit

__all__ = ["coordinated"]


def _model_after(units: tuple[Unit, ...], k: int, taken: set[int]) -> int | None:
    """Index of the next AI model in ``[多模态]模型和[轻量]X`` from ``k`` (the unit after a model), else None."""
    if k + 1 < len(units) and units[k].ent == "Technology" and units[k + 1].text in _MODEL_WORDS:
        k += 1  # DeepSeek-VL2多模态|模型、轻量DeepSeek-R1: the kind of model before the word for it
    kind = k < len(units) and units[k].ent == "Technology" and units[k].text.endswith("模型")  # 多模态模型 as one word
    if k + 2 >= len(units) or (units[k].ent or units[k].text not in _MODEL_WORDS) and not kind \
            or units[k + 1].text not in _COORD:
        return None
    n = k + 2 + (units[k + 2].text in _MODEL_MODIFIERS and k + 3 < len(units))
    return n if units[n].ent == "AIModel" and n not in taken else None


_MODEL_WORDS = frozenset({"模型", "大模型", "推理模型", "多模态模型", "语言模型", "大语言模型", "系列模型", "开源模型"})
_MODEL_MODIFIERS = frozenset({"轻量", "轻量版", "满血版", "开源", "最新", "全新", "蒸馏版", "完整版"})


def _list_before(units: tuple[Unit, ...], k: int, label: str, taken: set[int]) -> int | None:
    """Index of the last member of a list closed by 等 and its kind (A、B等多家券商，以及) that ``units[k]``, a
    conjunction, adds one more to; else None."""
    if units[k].text not in _ONE_MORE:
        return None
    j = k - 1
    if j >= 0 and units[j].text in ("，", ","):
        j -= 1
    seen = 0
    while j >= 0 and seen < 3 and not units[j].ent and units[j].text != "等":
        if units[j].pos[:1] not in ("n", "m", "q"):
            return None  # 等多家|券商: only a count and a kind after 等 (punctuation is tagged x)
        j -= 1
        seen += 1
    if j < 1 or units[j].text != "等" or units[j - 1].ent != label or j - 1 in taken:
        return None
    return j - 1


def _past_counted(units: tuple[Unit, ...], k: int, step: int, label: str, taken: set[int]) -> int | None:
    """Index of the member of class ``label`` past a counted kind that a list names among its members (亚马逊、微软、
    三大运营商、阿里云), from the separator ``units[k]`` before it in the direction ``step``; else None."""
    if units[k].text != "、":
        return None
    span = []
    j = k + step
    while 0 <= j < len(units) and len(span) < 3 and not units[j].ent and units[j].text not in _COORD:
        span.append(j)
        j += step
    n = j + step
    if not span or not 0 <= n < len(units) or units[j].text != "、" or units[n].ent != label or n in taken:
        return None
    return n if _COUNTED.fullmatch("".join(units[x].text for x in sorted(span))) else None


def _described_next(units: tuple[Unit, ...], k: int, label: str, taken: set[int]) -> int | None:
    """Index of the member of class ``label`` that a conjunction ``units[k]`` adds with a description of it before
    (……以及主打低价的Gemini 2.0 Flash-Lite): a few words naming nothing, ending in 的; else None."""
    if units[k].text not in _ONE_MORE:
        return None
    j = k + 1
    while j < len(units) and j - k <= 6 and not units[j].ent and units[j].text != "的" \
            and units[j].text not in _COORD and units[j].pos != "x":
        j += 1
    n = j + 1
    if j == k + 1 or j >= len(units) or units[j].text != "的" or n >= len(units) or units[n].ent != label \
            or n in taken:
        return None
    return n


_COUNTED = re.compile(r"[一二两三四五六七八九十几数多]+[大家个所种款]\w{1,5}")
"""A counted kind (三大运营商, 两家国有银行): a member that stands for several, named by number and kind."""


_ONE_MORE = frozenset({"以及", "及", "和", "还有"})
"""Conjunctions that add one more member after a list summed up by its kind (……等多家券商，以及汇添富基金)."""
_WITH = frozenset({"与", "跟", "同"})
"""Words that join a list but after a titled name mean "together with" (校长刘元大与陈友开共事)."""


_PRODUCT_OR_MAKER = frozenset({"Organization", "AIModel"})
"""Classes a list may mix (文心一言、科大讯飞、知乎直答接入DeepSeek) when the rule's slot takes both."""


_JOINT = frozenset({"与", "和", "及", "以及", "與"})
"""Words joining two organizations that share the title after them (特斯拉与xAI创始人马斯克)."""


def coordinated(units: tuple[Unit, ...], i: int, taken: set[int], slot: dict | None = None) -> list[int]:
    """Indices of entities coordinated with unit ``i`` (A、B和C; names also when juxtaposed: 蔚来小鹏), itself included.

    Members joined by a separator share the class of unit ``i``, or are organizations and products side by
    side when the rule's ``slot`` element takes both. After a title (校长A与B), 与/跟/同 join no one to the
    title: B is someone A is with. A member must meet the words the slot asks of its own match, if any.
    """
    out = [i]
    label = units[i].ent
    mixed = (label in _PRODUCT_OR_MAKER and slot is not None and "ENT" in slot
             and all(_spec_ok(slot["ENT"], c) for c in _PRODUCT_OR_MAKER))
    titled = i > 0 and units[i - 1].ent == "Role"
    for step in (-1, 1):
        j = i
        while True:
            k = j + step
            if label and 0 <= k < len(units) and k not in taken and units[k].ent == label:
                j = k  # names in a row, no separator: 《七里香》《无怨的青春》, 与蔚来小鹏理想三家车企
            elif (0 <= k + step < len(units) and k + step not in taken and not units[k].ent
                  and units[k].text in _COORD and not (titled and units[k].text in _WITH)
                  and (units[k + step].ent == label or (mixed and units[k + step].ent in _PRODUCT_OR_MAKER))):
                j = k + step
            elif (label == "AIModel" and step == 1 and k + 2 < len(units) and not units[k].ent
                  and units[k].text in _COORD and units[k + 1].ent == "Organization" and units[k + 2].ent == label
                  and k + 1 not in taken and k + 2 not in taken):
                j = k + 2  # DeepSeek-V3、OpenAI GPT-4o 和 Meta Llama-3.1-405B: a maker before the next model
            elif step == 1 and label and 0 <= k < len(units) \
                    and (n := _described_next(units, k, label, taken)) is not None:
                j = n  # Gemini 2.0 Pro以及主打低价的Gemini 2.0 Flash-Lite: a conjunction, a description, the next name
            elif label and 0 <= k < len(units) and (n := _past_counted(units, k, step, label, taken)) is not None:
                j = n  # 亚马逊、微软、三大运营商、阿里云: a counted kind among the names
            elif label == "AIModel" and step == 1 and (n := _model_after(units, k, taken)) is not None:
                j = n  # DeepSeek-V3模型和轻量DeepSeek-R1推理模型: the word for a model and a modifier between them
            elif step == -1 and label and (n := _list_before(units, k, label, taken)) is not None:
                j = n  # A、B等多家券商，以及C: the list summed up by its kind, then one more
            else:
                break
            out.append(j)
    if label == "Organization":
        owner = next((k for k in out if k + 1 < len(units) and units[k + 1].ent == "Role"), None)
        pair = len(out) == 2 and abs(out[0] - out[1]) == 2 and units[min(out) + 1].text in _JOINT
        if owner is not None and not pair:
            return [owner]  # A、B、C和Palantir联合创始人X: the title is that of the organization it follows, not the list's
            # (特斯拉与xAI创始人马斯克: two joined by 与 share it)
    if slot is not None and "TEXT" in slot:
        # a member the slot's own words rule out stays out (金山云 in a list of companies said to launch a model)
        out = [k for k in out if k == i or _spec_ok(slot["TEXT"], units[k].text)]
    return sorted(out)
