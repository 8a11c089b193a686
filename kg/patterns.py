"""Word lists, text folding and surface patterns for entity recognition, loaded and validated from data files
(the gazetteer is read by :mod:`kg.gazetteer`)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ModelError

__all__ = [
    "WordLists",
    "load_word_lists",
    "fold",
    "fold_key",
    "fold_width",
    "is_han",
    "LATIN_MODEL",
    "DOT_NAME",
    "BOOK_TITLE",
    "PAREN_ABBR",
    "BRACKETED_STOCKS",
    "QUOTED_ORG",
    "CALLED_COMPANY",
    "LATIN_PERSON",
    "CAMEL_NAME",
    "DATELINE",
    "SOURCE_LINE",
    "SOURCE_TEAMS",
    "BYLINE",
    "DESCRIBED_LATIN_ORG",
    "ENUM_ORGS",
    "LISTED_STOCKS",
    "X_PLATFORM",
    "LATIN_ORG",
    "QUOTED_INSTITUTION",
    "LATIN_BROKER",
    "MEDIA_OUTLET",
    "LATIN_EMPLOYER",
]

_MODELS = Path(__file__).resolve().parent / "models"


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    table: dict[int, int] = {}
    try:
        import opencc

        path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
                table[ord(parts[0])] = ord(parts[1])
    except (ImportError, OSError):  # folding Traditional characters is an improvement, not a need
        pass
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[cp] = cp - 0xFEE0
    table[0x3000] = 0x20
    for space in (0xA0, 0x2002, 0x2003, 0x2009, 0x202F):  # no-break and typographic spaces (Figure\xa0AI)
        table[space] = 0x20
    for dot in "•‧・･∙⋅":
        table[ord(dot)] = ord("·")
    return table


@functools.lru_cache(maxsize=1)
def _width_table() -> dict[int, int]:
    return {k: v for k, v in _fold_table().items() if k >= 0xFF00 or chr(v) in " ·"}


def fold_width(text: str) -> str:
    """:func:`fold` without the Traditional-to-Simplified step (full-width ASCII and dots only).

    Examples
    --------
    >>> fold_width("輝達ＧＰＵ")
    '輝達GPU'
    """
    return text.translate(_width_table())


def fold(text: str) -> str:
    """Length-preserving view of ``text``: Simplified characters, half-width ASCII, one middle dot.

    Offsets into the folded text are offsets into the original.

    Examples
    --------
    >>> fold("輝達發佈ＧＰＵ・新品")
    '辉达发布GPU·新品'
    """
    return text.translate(_fold_table())


@functools.lru_cache(maxsize=1)
def _key_table() -> dict[int, int]:
    table = dict(_fold_table())
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = cp + 32
    for cp in range(0xFF21, 0xFF3B):  # full-width capitals
        table[cp] = cp - 0xFEE0 + 32
    return table


def fold_key(text: str) -> str:
    """:func:`fold`, with Latin letters lower-cased: the view the gazetteer is matched on.

    Examples
    --------
    >>> fold_key("DeepSeek發佈")
    'deepseek发布'
    """
    return text.translate(_key_table())


def is_han(ch: str) -> bool:
    """True for a CJK ideograph.

    Examples
    --------
    >>> is_han("谷"), is_han("G")
    (True, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@dataclass(frozen=True, slots=True)
class WordLists:
    """Closed word lists used as features and by patterns (``kg/models/lists.json``)."""

    surnames: frozenset[str]
    """Single- and two-character Chinese surnames."""
    titles: frozenset[str]
    """Titles and positions that sit next to a person's name (教授, 创始人)."""
    org_suffixes: frozenset[str]
    """Words that end organization names (公司, 大学, 研究院)."""
    loc_suffixes: frozenset[str]
    """Words that end place names (省, 市, 路)."""
    generic: frozenset[str]
    """Generic words that never become entities (技术, 模型, 公司, 平台)."""
    descriptor_prefixes: tuple[str, ...]
    """Openings of descriptions that are not names (非营利, 该, 一家, 人工智能)."""
    proper_pos: frozenset[str]
    """jieba tags of proper-name tokens (nr, ns, nt, nz, eng ...)."""
    translit: frozenset[str]
    """Characters used to transliterate foreign names (阿, 尔, 特, 曼 ...)."""
    speech_verbs: frozenset[str]
    """Verbs of saying (表示, 指出)."""
    hardware: tuple[str, ...]
    """Hardware words: a versioned name before one is not an AI model (H100 GPU)."""
    org_cues: tuple[str, ...]
    """Words after a name that make it the company rather than its model (DeepSeek团队)."""
    org_verbs: tuple[str, ...]
    """Verbs whose subject is the company rather than the model (DeepSeek发布)."""
    latin_org_words: frozenset[str]
    """Last words of Latin names that are not people (University, Summit, Edge)."""
    latin_org_heads: frozenset[str]
    """Last words that make a capitalised Latin name an organization (Capital, Partners, Inc)."""
    company_suffixes: frozenset[str] = frozenset()
    """Words that end a company's short name after a proper-name token (宇树|科技, 海通|证券)."""
    not_company_prefixes: frozenset[str] = frozenset()
    """Tokens before such a word that make a category, not a name (上市|银行, 欧洲|银行, 聊天|机器人)."""
    name_trailers: tuple[str, ...] = ()
    """Nouns that run on after a company or place name and are cut off (联通|H股, 北美|机柜, 特斯拉|股票)."""
    not_name_endings: tuple[str, ...] = ()
    """Endings of a field, a law or a cause rather than a name (养老金融领域, 摩尔定律, 国家发展大局)."""
    office_titles: frozenset[str] = frozenset()
    """Offices of state written right before a name (总统, 副总统, 总理): the next name token is a person."""
    org_units: tuple[str, ...] = ()
    """Unit words that continue an organization's name (产品部, 研究院, 事业部): 英特尔产品部 is one name."""
    described_units: tuple[str, ...] = ()
    """Unit words an organization runs on to over a few descriptive words (苏商银行|金融科技|实验室)."""
    event_words: tuple[str, ...] = ()
    """Endings of events (竞赛, 峰会, 展会): a name ending so is no organization, a name before one no firm."""
    place_units: tuple[str, ...] = ()
    """Words for an association that a place and a few descriptive words name (中关村|物联网产业|联盟)."""
    model_units: tuple[str, ...] = ()
    """Unit words that make an AI model's name an organization's (通义|实验室)."""
    team_tails: tuple[str, ...] = ()
    """Words for a team or board after an organization, cut off its name (…人工智能学院|研究团队, 应科院|董事局)."""
    branch_words: frozenset[str] = frozenset()
    """Words for a branch (分行, 子公司): after a generic word (股份制银行|分行) they name no organization."""
    product_families: frozenset[str] = frozenset()
    """Lines of phones, cars, chips and systems (iPhone, Model, Snapdragon, iOS): a versioned name of one is no AI model."""
    org_cues_before: tuple[str, ...] = ()
    """Words right before a name that make it the company rather than its model (初创公司DeepSeek)."""
    model_kinds: frozenset[str] = frozenset()
    """Words before 大模型 that give a kind of model, not its name (开源, 金融, 多模态)."""
    platforms: frozenset[str] = frozenset()
    """Social and content platforms (微信, 抖音): before one of ``account_words`` they are the medium, no mention."""
    countries: frozenset[str] = frozenset()
    """Countries: one before a part of it and a place is a second place (加拿大|北部|魁北克)."""
    account_words: tuple[str, ...] = ()
    """Words after a platform's name for an account on it (公众号, 小程序, 群, 号：): 微信公众号 names no company."""
    given_names: frozenset[str] = frozenset()
    """Common Latin given names (Marc, Daniel, Richard): two or three capitalised words opening with one are a person's
    name (Marc Toberoff致信), with or without a title next to it."""


def load_word_lists(path: str | Path | None = None) -> WordLists:
    """Read the word lists shipped with the model.

    Examples
    --------
    >>> w = load_word_lists()
    >>> "教授" in w.titles, "技术" in w.generic
    (True, True)
    """
    p = Path(path) if path is not None else _MODELS / "lists.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        surnames = set(data["surnames"]) | set(data["compound_surnames"])
        return WordLists(
            frozenset(surnames),
            frozenset(data["titles"]),
            frozenset(data["org_suffixes"]),
            frozenset(data["loc_suffixes"]),
            frozenset(data["generic"]),
            tuple(data["descriptor_prefixes"]),
            frozenset(data["proper_pos"]),
            frozenset(data["translit_chars"]),
            frozenset(data["speech_verbs"]),
            tuple(data["hardware_words"]),
            tuple(data["org_cues"]),
            tuple(data["org_verbs"]),
            frozenset(data["latin_org_words"]),
            frozenset(data["latin_org_heads"]),
            frozenset(data.get("company_suffixes", ())),
            frozenset(data.get("not_company_prefixes", ())),
            tuple(data.get("name_trailers", ())),
            tuple(data.get("not_name_endings", ())),
            frozenset(data.get("office_titles", ())),
            tuple(sorted(data.get("org_units", ()), key=len, reverse=True)),
            tuple(sorted(data.get("described_units", ()), key=len, reverse=True)),
            tuple(data.get("event_words", ())),
            tuple(sorted(data.get("place_units", ()), key=len, reverse=True)),
            tuple(sorted(data.get("model_units", ()), key=len, reverse=True)),
            tuple(sorted(data.get("team_tails", ()), key=len, reverse=True)),
            frozenset(data.get("branch_words", ())),
            frozenset(data.get("product_families", ())),
            tuple(data.get("org_cues_before", ())),
            frozenset(data.get("model_kinds", ())),
            frozenset(data.get("platforms", ())),
            frozenset(data.get("countries", ())),
            tuple(data.get("account_words", ())),
            frozenset(data.get("latin_given_names", ())),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{p}: cannot read the word lists: {exc}") from exc


_VERSION = r"(?:[- ]?(?:(?:[1-9]\d{0,2}|0)(?:\.\d+)*[a-z]?|[RV]\d(?:\.\d)?)(?![A-Za-z0-9]|[年月日号时点分秒万亿元家个款种位名次倍%％]))"
_TIER = r"(?:[- ](?:Pro|Max|Mini|mini|Ultra|Flash|Turbo|Plus|Lite|Nano|Sonnet|Opus|Haiku|Instruct|Chat|Coder|Math|Preview|Exp|Vision|VL|Zero|R1|V3|Omni|Thinking|\d+(?:\.\d+)?[BMK]))"
LATIN_MODEL = re.compile(
    r"(?<![A-Za-z0-9.\-])((?:[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)" + _VERSION + r"(?:" + _TIER + r")*)(?![A-Za-z0-9])"
)
"""A Latin name followed by a version (GPT-4o, Qwen2.5-Max, Llama 3.1 405B, Claude 3.5 Sonnet)."""

DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·{1,2}[\u4e00-\u9fff]{1,10})+")
"""A transliterated foreign name written with middle dots (山姆·阿尔特曼; a doubled dot is a slip: 山姆··奥特曼)."""

BOOK_TITLE = re.compile(r"《([^《》\n]{1,100})》")
"""A title in Chinese book-title marks."""

LATIN_PERSON = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,2})(?![A-Za-z])")
"""Two or three capitalised Latin words: a person's name when a title or a verb of saying is next to it."""

CAMEL_NAME = re.compile(r"(?<![A-Za-z0-9])((?:[A-Z][a-z]+){2,}\d*|[A-Z][a-z]{3,}\d*)(?![A-Za-z0-9])")
"""A capitalised or CamelCase Latin word (AlphaProof): an AI model when a model cue follows."""

DATELINE = re.compile(r"\s*([^\s，。,、|｜:：*【】()（）]{2,10}?)\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:消息|讯|电)")
"""The outlet at the head of an article (IT之家 2 月 8 日消息, 财联社2月12日讯)."""

SOURCE_LINE = re.compile(r"(?:来源|来自|转自|出品)\s*[:：|｜]\s*([^\s*，。、,;；|｜:：【】()（）《\-]{2,12})")
"""An outlet named after 来源：."""
SOURCE_TEAMS = ("团队", "小组", "课题组")
"""Endings of a source that is a research team rather than an outlet (来源：通信张建民团队)."""

BYLINE = re.compile(
    r"(?:特约编译|责任编辑|编译|作者|记者|编辑|责编|撰文|撰稿|摄影|校对|审校|主编|策划|统筹|实习生|通讯员|特约评论员|评论员)"
    r"(?:\s*[丨|｜/:：]\s*|\s+)(?=[\u4e00-\u4e27\u4e29-\u9fff])"
    r"|(?<![\u4e00-\u9fffA-Za-z0-9])(?:(?:文|图|摄)\s*[丨|｜/]|文\s*[:：])\s*(?=[\u4e00-\u4e27\u4e29-\u9fff])"
)
"""A credit word and its separator, right before the first name (编辑丨叶锦言, 记者 强亚铣, 作者：刘文辉, 文/王五);
one-character words (文, 图, 摄) only where a credit starts and before 丨 or / (图：… is a caption)."""

LATIN_ORG = re.compile(r"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z0-9&\-]* ){1,3}[A-Z][a-z]+\.?)(?![A-Za-z0-9])")
"""Capitalised Latin words: an organization when the last one is an organization word (Baron Capital)."""

DESCRIBED_LATIN_ORG = re.compile(
    r"(?:公司|创企|初创企业|新创企业|厂商|制造商|开发商|供应商|运营商|机构|实验室|研究所)\s*"
    r"((?:[A-Z][a-z][A-Za-z&\-]*|[A-Z]{3,6})(?: [A-Z][A-Za-z0-9&\-]*){0,3})(?![A-Za-z0-9.\-])"
)
"""A Latin name right after a word that says it is a company (人工智能初创公司 Safe Superintelligence,
芯片设计公司Ampere)."""

FUNDED_LATIN_ORG = re.compile(
    r"(?<![A-Za-z0-9.\-])((?:[A-Z][a-z][A-Za-z&\-]*|[A-Z]{3,6})(?: [A-Z][A-Za-z0-9&\-]*){0,3})\s*"
    r"(?=(?:已经|已|正式|近日|此前|刚刚|再次|又|也)?(?:获得|获|完成|宣布完成)(?:了)?[^，。；;,]{0,14}?融资"
    r"|成立(?:于|以来|至今|时|[，,。])|(?<=[a-z])\s*(?:的)?估值|(?<=[a-z])\s*的(?:联合)?创始人)"
)
"""A Latin name before its funding or founding (SSI获得了10亿美元融资, SSI成立，) or, unless all capitals (DCF估值法),
its valuation or founder (Figure估值): a company."""

QUOTED_ORG = re.compile(
    r"[“\"「]([^“”\"「」\n，。]{2,24}?)\s*[”\"」]\s*(?:合资公司|合资企业|合资子公司)"
    r"|[“\"「]([A-Z][A-Za-z0-9 &.\-]{1,23}?)\s*[”\"」]\s*(?:公司|新公司|子公司|实验室|研究院|基金会)"
    r"|(?:合资公司|合资企业|合资子公司|新公司|公号|公众号|微信公众号|官方公众号|视频号|官微|非政府组织|公益组织|社会组织|智库"
    r"|研究机构|行业协会)\s*[“\"「]([^“”\"「」\n，。（(]{2,24}?)\s*[”\"」]"
    r"|[“\"「]([^“”\"「」\n，。（(]{2,16}?)\s*[”\"」]\s*(?:微信公众号|公众号|微信号|视频号)"
    r"|(?:微信公众号|公众号|公眾號|视频号)[：:]\s*([\u4e00-\u9fffA-Za-z0-9]{2,16})(?=[，,。；;\s（(]|$)"
)
"""A quoted name before or after the word for a company, a body or a media account (成立了“SB OpenAI Japan”合资公司,
“Quantum AI”实验室, 将在日本成立合资企业“SB OpenAI Japan”, 非政府组织“未来社会”, 据公号“滨江发布”消息,
“合肥日报”微信公众号刊文, 本文来自微信公众号：观弈行研，作者…)."""

CALLED_COMPANY = re.compile(
    r"(?:名为|名叫|叫做|叫作)\s*(?:[“\"「]([^“”\"「」\n，。]{2,20}?)[”\"」]|([A-Za-z][A-Za-z0-9.&\-]*(?: [A-Za-z0-9.&\-]+){0,3}))"
    r"\s*(?:[（(][^（）()\n]{1,20}[）)])?\s*的\s*(?:[\u4e00-\u9fff]{0,6}?)"
    r"(?:公司|企业|初创公司|初创企业|创业公司|机构|实验室|研究所|基金会|投资公司|科技公司|独角兽)"
)
"""A name given to a company after 名为 (一家名为 KoBold Metals（以下简称 KoB）的公司, 名为“深度求索”的人工智能公司)."""

BRACKETED_STOCKS = re.compile(r"(?:【[\u4e00-\u9fffA-Za-z0-9]{2,8}】\s?){2,}")
"""A broker's run of bracketed stock names (首推【三花智控】【拓普集团】): each is a company."""

_ENUM_MEMBER = r"(?:[\u4e00-\u9fffA-Za-z0-9\-]{2,8}|[A-Za-z][A-Za-z0-9\-.&]*(?: [A-Za-z0-9\-.&]+){1,3})"
ENUM_ORGS = re.compile(
    r"((?:" + _ENUM_MEMBER + r"\s?、\s?)+" + _ENUM_MEMBER + r"(?:\s?(?:和|与|及)\s?" + _ENUM_MEMBER + r")?)\s?等"
    r"(?:\d+家|[一二三四五六七八九十两几数多]+家|众多)?"
    r"(?:(?:[\u4e00-\u9fff]{1,4}?(?:行业|领域|科技|互联网|教育|金融|汽车|手机|云计算|AI|人工智能))?"
    r"(?:股票|公司|企业|个股|厂商|券商|车企|巨头|银行|投资机构|风投机构|基金|大厂|服务商|运营商)"
    r"|(?:算力|云|云计算|AI|人工智能|大模型|电商|社交|视频|短视频|内容|支付)(?:平台|服务商|厂商))"
)
"""An enumeration of companies closed by 等公司/等股票 (or 等多家教育行业公司, 等五家投资机构); Latin members may be
several words (Andreessen Horowitz 和 DST Global)."""

X_PLATFORM = re.compile(
    r"(?<![A-Za-z0-9.\-_/@])(?<![A-Za-z] )X(?=\s?(?:平台|上发|上發|上表示|上回|上说|上說|上写|上寫|上的|帖子|用户|用戶|帳號|账号|账户|發帖"
    r"|发帖|发文|發文))|(?<=社交媒体|社交平台|社交媒體|社群平台|社群媒體|社交网站)\s?(X)(?![A-Za-z0-9.\-_/])"
)
"""The social network X, named as a platform or as where a post went up (在X平台发文, 社交媒体X上发文)."""

LISTED_STOCKS = re.compile(
    r"(?:概念股|相关个股|受益标的|受益个股|相关上市公司)(?:主要)?(?:包括|包含|涉及|有)[：:]?"
    r"((?:" + _ENUM_MEMBER + r"\s?、\s?)+[\u4e00-\u9fffA-Za-z0-9\-]{2,8}?)(?=等|[，。；,;（(]|$)"
)
"""Companies a theme's stocks are listed as (概念股包括精锻科技、拓斯达、昊志机电等)."""

PAREN_ABBR = re.compile(r"[（(]\s*([A-Za-z][A-Za-z0-9\-]{1,11})\s*[）)]")
"""A Latin abbreviation in parentheses right after the name it abbreviates."""

QUOTED_INSTITUTION = re.compile(
    r"[“\"「『]([^“”\"「」『』\n，。、；：:+]{2,30}?(?:联盟|中心|研究院|研究所|协会|基金会|委员会|实验室))\s*[”\"」』]"
)
"""A quoted name of an institution (「微电子技术联盟」, “金融科技与永续发展联盟”), on folded text."""

LATIN_BROKER = re.compile(r"(?<![A-Za-z0-9.\-])([A-Z][A-Za-z&\-]{2,}(?: [A-Z][A-Za-z&\-]+){0,2})\s*(?:的)?\s*(?:首席)?分析师")
"""A capitalised Latin name whose analyst is quoted (Stifel 分析师, Wedbush分析师): the firm."""

MEDIA_OUTLET = re.compile(
    r"([\u4e00-\u9fff]{2,7}?(?:网|新闻|日报))\s*"
    r"(?=记者|获悉|报道|消息|讯|援引|报导|了解到|\d{1,2}月\d{1,2}日(?:讯|电|消息)|[\u4e00-\u9fff]{2,3}[）)])"
)
"""A name ending in 网, 新闻 or 日报 right before a reporter or a report (经济观察网获悉, 红星新闻记者, 蓝鲸新闻2月10日讯,
a closing credit （科创板日报 张真）): an outlet;
the name may begin after function words glued before it (据|澎湃新闻报道)."""

LATIN_EMPLOYER = re.compile(
    r"(?<![A-Za-z0-9.\-])([A-Z][A-Za-z&\-]*(?: [A-Z][A-Za-z&\-]+){0,2}) ?([\u4e00-\u9fff]{2,8}) ?"
    r"(?=[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?![A-Za-z])|[\u4e00-\u9fff]{2,3}(?:[·\s，,：:（(]|表示|说|称|指出|认为))"
)
"""One to three capitalised Latin words, Han words and a name (Janus Henderson 投资组合经理 Richard Clode): the
employer of the person when the Han words end in a title."""
