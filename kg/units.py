"""The units relation rules match over: a sentence's mentions and tokens, with position titles
merged, asides folded into the name they follow, footnote marks and spaces dropped."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from kg.mention_filters import glued_start
from kg.names import to_simplified
from kg.records import Mention, Sentence
from kg.rules import RuleSet, Unit

__all__ = ["build_units", "norm_unit_text"]

_ASIDE_BREAK = frozenset("，,；;。！？!?")


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
            units.append(Unit(nxt.start, nxt.end, norm_unit_text(nxt.text), "", nxt.label, nxt))
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
                units.append(Unit(s, e, norm_unit_text(text), pos))
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
        if t.end - t.start <= 2:  # never cut: a cut, or a glued word, needs more than two characters
            out.append((t.start, t.end, t.pos))
            continue
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
    text = norm_unit_text(raw)
    cut = 0
    if len(text) > 2 and heads and not _spells_title(text, heads, modifiers):
        cut = next((k for k in range(1, len(text) - 1) if _spells_title(text[k:], heads, modifiers)), 0)
    return cut, len(text)


_OPEN_PAREN = frozenset("（(")
_CLOSE_PAREN = frozenset("）)")


_QUOTE_PAIRS = {"《": "》", "“": "”", "「": "」", "『": "』", "〈": "〉"}
_AMOUNT = re.compile(r"(?:约合|约|合|折合|相当于|人民币|美元|港元|港币|欧元|日元|英镑|亿|万|千|元|[\d.,，%％])+")
"""The words of a converted amount in brackets (约合人民币7300亿元, 约5.2亿美元)."""


def _amount_end(units: tuple[Unit, ...], i: int) -> int:
    """Index of the bracket closing a converted amount opened at ``i`` (（约合人民币7300亿元）), else 0."""
    j = i + 1
    while j < len(units) and j - i <= 8 and units[j].text not in _CLOSE_PAREN:
        if units[j].mention is not None or units[j].ent or not _AMOUNT.fullmatch(units[j].text):
            return 0
        j += 1
    return j if j < len(units) and j > i + 1 and units[j].text in _CLOSE_PAREN else 0


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
        if u.text in _OPEN_PAREN and out and out[-1].mention is None and (j := _amount_end(units, i)):
            p = out[-1]  # 投入800亿美元（约合人民币5835亿元）: the conversion is folded into the amount it follows
            out[-1] = Unit(p.start, units[j].end, p.text, p.pos, p.ent, p.mention, p.roles)
            i = j + 1
            continue
        if u.ent == "Organization":
            units = _fold_listing(units, i)
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


_SHARE_CLASS = frozenset({"w", "sw", "s", "u", "b", "h", "a"})
_PRICE_QUOTE = re.compile(r"-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?%")
"""A share's price, change and change in per cent in brackets after its company (32.700,0.55,1.71%)."""
_TICKER = re.compile(r"(?:hk|sh|sz|bj|nasdaq|nyse|股票代码|证券代码|代码|\d{4,6}(?:\.(?:sz|sh|hk|bj))?)$")


def _fold_listing(units: tuple[Unit, ...], i: int) -> tuple[Unit, ...]:
    """An organization's share class, price quote and stock-code aside folded into it: 百度集团-SW（HK 09888，股价86.25港元，
    市值2419.5亿港元）, 盈趣科技（002925.SZ）, 中金公司(32.700,0.55,1.71%)（601995）; the aside may run over commas up to its
    closing bracket."""
    u = units[i]
    j = i + 1
    if j + 1 < len(units) and units[j].text == "-" and units[j + 1].text in _SHARE_CLASS:
        j += 2
    if j + 1 < len(units) and units[j].text in _OPEN_PAREN:
        k = next((k for k in range(j + 1, min(len(units), j + 12)) if units[k].text in _CLOSE_PAREN), None)
        if k is not None and _PRICE_QUOTE.fullmatch("".join(x.text for x in units[j + 1 : k]).replace(" ", "")):
            j = k + 1  # 中金公司(32.700,0.55,1.71%)（601995）: a quote's price, change and change in per cent
    if j + 1 < len(units) and units[j].text in _OPEN_PAREN and _TICKER.match(units[j + 1].text):
        k = j + 1
        while k < len(units) and k - j <= 30 and units[k].text not in _CLOSE_PAREN and units[k].text not in _OPEN_PAREN:
            k += 1
        if k < len(units) and units[k].text in _CLOSE_PAREN:
            j = k + 1
    if j == i + 1:
        return units
    folded = Unit(u.start, units[j - 1].end, u.text, u.pos, u.ent, u.mention, u.roles)
    return units[:i] + (folded,) + units[j:]


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


def _split_glued_joiners(units: list[Unit], joiners: frozenset[str]) -> list[Unit]:
    """Plain tokens a segmenter glued to a one-character joiner (总裁|兼 written 总裁兼) split in two."""
    out: list[Unit] = []
    for u in units:
        if not u.ent and len(u.text) >= 3 and u.text[-1] in joiners and u.end - u.start == len(u.text):
            out.append(Unit(u.start, u.end - 1, u.text[:-1], u.pos))
            out.append(Unit(u.end - 1, u.end, u.text[-1], "c"))
        else:
            out.append(u)
    return out


def _merge_roles(units: list[Unit], rules: RuleSet, sentence: Sentence) -> tuple[Unit, ...]:
    if not rules.role_heads:
        return tuple(units)
    units = _split_glued_joiners(units, _one_char(rules.role_joiners))
    out: list[Unit] = []
    first = _first_chars(rules.role_heads, rules.role_modifiers)
    i = 0
    while i < len(units):
        if units[i].text[:1] not in first:
            out.append(units[i])
            i += 1
            continue
        role_end, title = _title_at(units, i, rules)
        if role_end > i + 1 and i > 0 and units[i - 1].text == "该" and units[i].text == "公司":
            out.append(units[i])  # 该公司|首席执行官: the word for the company is the pronoun's, not the title's
            i += 1
            continue
        if role_end <= i:
            out.append(units[i])
            i += 1
            continue
        def surface(a: int, b: int) -> str:
            return sentence.text[units[a].start - sentence.start : units[b - 1].end - sentence.start]

        roles = [surface(i, role_end)]
        j = role_end
        while j < len(units) and units[j].ent == "":
            # 董事长兼首席执行官, 常委、副区长; or a Latin title beside a Han one (CEO首席执行官), not
            # a title before a verb that spells one (教授主编的《…》)
            at = j + 1 if units[j].text in rules.role_joiners else j
            k, t = _title_at(units, at, rules)
            if k <= at or (at == j and not (t.isascii() or roles[-1].isascii())):
                break
            roles.append(surface(at, k))
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
    if text in heads or (text.startswith("首席") and text.endswith("官") and 4 <= len(text) <= 8):
        return True  # 首席创新官, 首席人力资源官: any chief officer
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
def _one_char(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if len(w) == 1)


@functools.lru_cache(maxsize=16)
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


@functools.lru_cache(maxsize=1 << 16)
def norm_unit_text(text: str) -> str:
    return to_simplified(text).casefold()
