"""AI models named by the words around them: quoted names before the word for a model, Latin names with a
digit, quoted assistants, and a company's own model named right after it."""

from __future__ import annotations

import re

from kg.patterns import WordLists

__all__ = ["model_name_spans", "owned_models", "QUOTED_MODEL", "QUOTED_HAN_MODEL", "NUMBERED_MODEL", "SIZED_MODEL",
           "NAMED_ASSISTANT", "CALLED_PRODUCT"]

Span = tuple  # (start, end, label, source, confidence)

_MODEL_WORD = r"\s*(?:系列)?\s*(?:AI|人工智能)?\s*(?:推理|语言|多模态|视频生成|图像生成|生成式|开源|基础)?\s*(?:大模型|模型)"
"""The word for a model after its name, with the kind of model before it (推理模型, AI大模型, 系列模型)."""

QUOTED_MODEL = re.compile(r"[“\"「]([A-Za-z][A-Za-z0-9.\-]{0,15})[”\"」]\s*(?:的)?" + _MODEL_WORD)
"""A quoted Latin name said to be a model (创造出一个「s1」的AI推理模型)."""

QUOTED_HAN_MODEL = re.compile(r"[“「]([\u4e00-\u9fff]{2,8})[”」]\s*(?:的)?\s*(?:AI|人工智能)?\s*"
                              r"(?:大模型|模型|系列模型|系列大模型|大语言模型|语言大模型)")
"""A quoted Chinese name right before the word for a model (“九章”大模型, 在“邮智”大模型基础上, “智慧小苏”大语言模型)."""

QUOTED_ASSISTANT = re.compile(r"[“「]([\u4e00-\u9fffA-Za-z0-9]{1,8}(?:助手|助理))[”」]")
"""A quoted name that is itself an assistant's (“小邮助手”, “开发助手”); an AI one only where AI is spoken of near it."""
_KIND_OF_ASSISTANT = ("AI", "智能", "语音", "全能", "超级", "个人", "得力", "贴心", "好")
"""Words that make a quoted assistant a description (“AI超级助手”, “语音助手”, “得力助手”), not a name."""

NUMBERED_MODEL = re.compile(r"(?<![A-Za-z0-9.\-])([A-Za-z][A-Za-z.\-]{0,10}\d[A-Za-z0-9.\-]{0,8})" + _MODEL_WORD)
"""A Latin name with a digit right before the word for a model (训练出的s1推理模型, o3模型)."""

SIZED_MODEL = re.compile(
    r"(?<![A-Za-z0-9.\-])([A-Za-z][A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*-\d+(?:\.\d+)?[BM](?:-[A-Za-z][A-Za-z0-9]*)*)(?![A-Za-z0-9.\-])")
"""A Latin name with its parameter count as a part of its own (Goku-8B, Mistral-123B, R1-Distill-Llama-70B,
Qwen2.5-32B-Instruct): a model's, whatever words follow; not a one-letter code (H-1B)."""

NAMED_ASSISTANT = re.compile(
    r"(?:智能体|[\u4e00-\u9fffA-Za-z]{0,6}(?:助手|助理)|聊天机器人|AI应用|AI产品|(?:自研|自有|专有|自主研发|旗下)的?[\u4e00-\u9fff]{0,4}大模型"
    r"|(?:AI|模型|大模型|智能)[\u4e00-\u9fff]{0,4}中台|数字员工|数字主持人|AI主播|虚拟主播|(?:AI|智能|医疗)大脑)"
    r"\s*(?:——|—|：|:)?\s*[“\"「](?!更|很|非常|最|真正)([^“”\"「」\n，。、]{2,12}?)[”\"」]"
)
"""A quoted name right after the word for an assistant or AI app (人工智能体“小天”, 聊天机器人“豆包”, 智能金融助理“支小宝2.0”,
AI问答助手——“小邮助手”, AI模型服务中台“智慧Qimi”, 数字主持人“智夏”) or for an own model (自有大模型“邮智”); not a quoted
phrase (助手“更加懂你”)."""


NAMED_AFTER_KIND = re.compile(
    r"(?:AI助手|AI主播|AI工具|AI数字人(?:代表)?|数字主持人|虚拟主播|数字员工|智能助手)(?:——|—|：|:)?"
    r"((?:[\u4e00-\u9fff]{2,3}[、和与及])*[\u4e00-\u9fff]{2,3})(?=[，,。；;、\s>）)]|等|$)"
)
"""Unquoted names right after the word for an AI assistant or presenter, up to a pause (AI工具小美，…, 两款AI助手问小袋和米鲁，
AI主播——小东、小天。)."""
_NOT_ASSISTANT_START = tuple("将可能会已也都在是的为这那其该把被对让给从就还则并与和及或均") + (
    "应用", "产品", "功能", "服务", "市场", "行业", "领域", "赛道", "类")
"""Openings of the words after an assistant's kind that name none (AI助手|应用中, AI工具|类产品)."""
_NOT_ASSISTANT_END = ("的", "之外", "以外", "方案", "接口", "功能", "服务", "产品", "平台", "能力", "工具", "应用")


CAMEL_FIELD_MODEL = re.compile(
    r"(?<![A-Za-z0-9.\-])([A-Z][a-z]+[A-Z][A-Za-z]+)(?=[^\x00-\u4dff了的在和与及推发起开将已为是等掀带引让被把对向从用到]{0,4}?"
    r"(?:大模型|垂类模型|行业模型))"
)
"""A CamelCase Latin name before a field and the word for a large model (SemiMind半导体大模型平台)."""

CALLED_PRODUCT = re.compile(
    r"(?:名为|名叫|叫做|称为|命名为)\s*(?:[“\"「]([^“”\"「」\n，。、（(]{2,12}?|[A-Za-z][A-Za-z0-9.\- ]{1,19}[A-Za-z0-9])"
    r"(?:[（(][^（）()]{1,8}[）)])?[”\"」]"
    r"|([A-Za-z][A-Za-z0-9.\-]{1,20}))\s*的\s*"
    r"(?:(?:AI|人工智能|智能)[\u4e00-\u9fff]{0,4}?产品"
    r"|(?:AI|人工智能|智能|内部|新|开源)?[\u4e00-\u9fff]{0,6}?(?:小程序|应用|助手|助理|大模型|模型|智能体|聊天机器人|App|APP|app))"
)
"""A name given after 名为/称为 to an AI product (一款名为“妙刷”的AI小程序, 被称为longcat的内部模型, 名为“Cristal（水晶）”的
人工智能产品, less its gloss; a quoted Latin name of several words, 名为“Mistral Small 3”的全新开源语言模型)."""


RELEASED_APP = re.compile(
    r"(?:推出|上线|发布|打造|开发)了?(?:一款|一个|新款|全新的?)?(?:AI|人工智能)?[“\"「]([^“”\"「」\n，。、]{2,10}?)[”\"」]\s*"
    r"(?:App|APP|app|小程序|应用|助手)"
)
"""A quoted name a company put out as an app (好未来还推出了“随时问”App); an AI one only where AI is spoken of near it."""
_AI_WORDS = ("AI", "人工智能", "模型", "智能体", "机器人")


def model_name_spans(folded: str, lists: WordLists) -> list[Span]:
    """AI model spans of the quoted, numbered, assistant, field and named-product patterns above.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> t = "学而思的“九章”大模型和s1推理模型"
    >>> [t[s:e] for s, e, *_ in model_name_spans(t, load_word_lists())]
    ['九章', 's1']
    >>> t = "美团上线了一款名为“妙刷”的AI小程序，还有一款被称为longcat的内部模型"
    >>> [t[s:e] for s, e, *_ in model_name_spans(t, load_word_lists())]
    ['妙刷', 'longcat']
    >>> t = "美团上线了两款AI助手问小袋和米鲁，它们可以推荐外卖；AI助手可以帮助用户。"
    >>> [t[s:e] for s, e, *_ in model_name_spans(t, load_word_lists())]
    ['问小袋', '米鲁']
    """
    out: list[Span] = []
    for m in QUOTED_MODEL.finditer(folded):
        out.append((m.start(1), m.end(1), "AIModel", "pattern:quoted-model", 0.8))
    for m in QUOTED_HAN_MODEL.finditer(folded):
        if m.group(1) not in lists.generic:
            out.append((m.start(1), m.end(1), "AIModel", "pattern:quoted-model", 0.8))
    for m in NUMBERED_MODEL.finditer(folded):
        out.append((m.start(1), m.end(1), "AIModel", "pattern:numbered-model", 0.75))
    for m in SIZED_MODEL.finditer(folded):
        out.append((m.start(1), m.end(1), "AIModel", "pattern:sized-model", 0.8))
    for m in NAMED_ASSISTANT.finditer(folded):
        out.append((m.start(1), m.end(1), "AIModel", "pattern:named-assistant", 0.75))
    for m in QUOTED_ASSISTANT.finditer(folded):
        near = folded[max(0, m.start() - 30) : m.end() + 30]
        if m.group(1) not in lists.generic and any(w in near for w in _AI_WORDS) \
                and not any(w in m.group(1) for w in _KIND_OF_ASSISTANT):
            out.append((m.start(1), m.end(1), "AIModel", "pattern:quoted-assistant", 0.75))
    for m in NAMED_AFTER_KIND.finditer(folded):
        pos = m.start(1)
        for name in re.split(r"[、和与及]", m.group(1)):
            if name not in lists.generic and not name.startswith(_NOT_ASSISTANT_START) \
                    and not name.endswith(_NOT_ASSISTANT_END):
                out.append((pos, pos + len(name), "AIModel", "pattern:named-after-kind", 0.7))
            pos += len(name) + 1
    for m in CAMEL_FIELD_MODEL.finditer(folded):
        out.append((m.start(1), m.end(1), "AIModel", "pattern:field-model", 0.75))
    for m in RELEASED_APP.finditer(folded):
        near = folded[max(0, m.start() - 30) : m.end() + 30]
        if m.group(1) not in lists.generic and any(w in near for w in _AI_WORDS):
            out.append((m.start(1), m.end(1), "AIModel", "pattern:released-app", 0.75))
    for m in CALLED_PRODUCT.finditer(folded):
        g = 1 if m.group(1) else 2
        if m.group(g) not in lists.generic:
            out.append((m.start(g), m.end(g), "AIModel", "pattern:called-product", 0.75))
    return out


_OWN_WORD_MODEL = re.compile(
    r"(?:(?:其|旗下的?)(?:自研的?|自有的?|自主研发的?)?|自研的?|自有的?|自主研发的?)([\u4e00-\u9fff]{2,4}?大模型)")
"""A model named after a word that says whose it is (旗下华知大模型, 其万语医疗大模型, 其自研百灵大模型)."""
_OWNER_WORDS = frozenset(("其", "其自研", "自研"))
_USED_MODEL = re.compile(r"(?:基于|依托|接入了?|采用了?|搭载了?)([\u4e00-\u9fff]{2,4}?大模型)")
"""A model named after a word for building on or taking it in (基于九章大模型, 接入盘古大模型)."""
"""Owner's words the segmenter glues to a model's name (其万语, 其自研)."""
_OWNED_MODEL = re.compile(r"(?:有|是|的|推出的|推出了|自研的|旗下的|旗下)?([\u4e00-\u9fff]{2,4}?大模型)")
"""A company's own model named right after it (vivo有蓝心大模型, 荣耀魔法大模型, 小米是小爱大模型)."""
_LATIN_HEAD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def owned_models(folded: str, chosen: list[Span], lists: WordLists,
                 words: dict[int, tuple[int, str]] | None = None) -> list[Span]:
    """``chosen`` with AI models named ``X大模型`` right after an organization, X a name rather than a kind
    (vivo有蓝心大模型, not 金融大模型); a tagger's organization that is a company and such a model written
    together (OPPO安第斯大模型) is split in two. ``words`` maps each word's start to its end and tag
    (:func:`kg.entity_patterns.word_spans`)."""
    tags = words or {}

    def kind(name: str) -> bool:
        return name in lists.generic or any(name.startswith(k) for k in lists.model_kinds)  # 开源, 开源中文: kinds

    def named(s: int, e: int) -> bool:
        """A name on word boundaries, of no verb or function word (not 在部署|大模型, 开发|大模型); it may start
        inside a word the segmenter glued an owner's word to (其万语|医疗|大模型, 其自研|百灵|大模型)."""
        start = s
        glued = next((k for k in (1, 2, 3) if s - k in tags and folded[s - k : s] in _OWNER_WORDS), 0)
        if s not in tags and glued and tags[s - glued][0] <= e:
            s = tags[s - glued][0]
        while s < e:
            if s not in tags:
                return False
            start, (s, pos) = s, tags[s]
            if pos.startswith(("v", "p", "d", "u", "c", "r", "m", "q", "f")):
                return False
        # 小爱大|模型: the segmenter glued 大 to a name of two characters or more (not 决策层|对大|模型)
        return s == e or (s == e + 1 and folded[e] == "大" and e - start >= 2)

    orgs = {folded[c[0] : c[1]] for c in chosen if c[2] == "Organization" and c[3] != "crf"}
    out: list[Span] = []
    for c in chosen:
        text = folded[c[0] : c[1]]
        if c[2] == "Organization" and c[3] == "crf" and text.endswith("大模型"):
            m = _LATIN_HEAD.match(text)
            head = max((o for o in orgs if text.startswith(o)), key=len, default=m.group(0) if m else "")
            if head and 2 <= len(text) - len(head) - 3 <= 4 and not kind(text[len(head) : -3]):
                out.append((c[0], c[0] + len(head), "Organization", c[3], c[4]))
                out.append((c[0] + len(head), c[1], "AIModel", "pattern:owned-model", 0.75))
                continue
        out.append(c)
    taken = [False] * (len(folded) + 1)
    for c in out:
        taken[c[0] : c[1]] = [True] * (c[1] - c[0])
    # right after an organization (vivo有蓝心大模型), then after a word that says whose it is (旗下华知大模型)
    found = [m for c in out if c[2] == "Organization" and (m := _OWNED_MODEL.match(folded, c[1]))]
    for m in found + list(_OWN_WORD_MODEL.finditer(folded)) + list(_USED_MODEL.finditer(folded)):
        s, e = m.span(1)
        if kind(folded[s : e - 3]) or any(taken[s:e]) or not named(s, e - 3):
            continue
        out.append((s, e, "AIModel", "pattern:owned-model", 0.75))
        taken[s:e] = [True] * (e - s)
    return sorted(out)
