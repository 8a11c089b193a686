"""Boilerplate removal for crawled Chinese news pages saved as text: navigation, bylines, footers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

__all__ = ["CleanPage", "body_end", "clean_page", "normalize_date"]


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The article found in a page, and what was learnt from the lines around it."""

    title: str
    """Headline ("" when none was found)."""
    body: str
    """Body paragraphs joined by newlines."""
    date: str | None = None
    """Publication date, ISO 8601."""
    source: str | None = None
    """Site the page was taken from (来源 in the page's header line)."""
    publisher: str | None = None
    """Original publisher of a reprint (本文转自, a 来源 line of its own)."""
    author: str | None = None
    """Byline author(s), comma separated; editors are left out."""
    removed: int = 0
    """Number of lines dropped as boilerplate."""


# --- dates -------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?<!\d)(\d{4}) ?(?:[-/.]|年) ?(\d{1,2}) ?(?:[-/.]|月) ?(\d{1,2})(?!\d) ?日?"
    r"(?:(?:T| {0,3})(\d{1,2}) ?[:：时] ?(\d{2})(?: ?[:：分] ?(\d{2}))?(?:\.\d{1,6})?"
    r"(Z|[+-]\d{2}:?\d{2})?)?"
)


def normalize_date(text: str) -> str | None:
    """ISO 8601 form of the first date in ``text`` (with its time of day, when given), else None.

    Accepts ``2024-02-24``, ``2024/02/24``, ``2024.2.24``, ``2024年2月24日`` and a following time
    ``05:43``, ``05:43:00`` or ``5时43分``; an ISO time zone is kept.

    Examples
    --------
    >>> normalize_date("2024年2月24日"), normalize_date("2024/02/24")
    ('2024-02-24', '2024-02-24')
    >>> normalize_date("发布时间:2024-02-24 05:43")
    '2024-02-24T05:43:00'
    >>> normalize_date("2024-02-24T05:43:00+08:00"), normalize_date("2024-13-01")
    ('2024-02-24T05:43:00+08:00', None)
    """
    m = _DATE.search(text[:200])
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        if hour is None:
            return datetime(int(year), int(month), int(day)).date().isoformat()
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    zone = "" if not zone else zone if zone == "Z" or ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return stamp.isoformat() + zone


# --- line classes --------------------------------------------------------------------------------

_SHORT = 40
"""Longest line that can be a byline, widget or navigation line."""

_META_KEY = re.compile(
    r"(类别|分类|栏目|频道|发布时间|发布日期|发表时间|更新时间|时间|日期|来源|作者|浏览次数|浏览|阅读量|阅读|点击量|字号)\s*[:：]"
)
_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜:：]{1,30})")
_AUTHOR_KEY = re.compile(r"作者\s*[:：]\s*([^\s|｜:：]{1,30})")
_REPRINT = re.compile(
    r"^[（(【\[]?\s*(?:本文)?(?:转自|转载自|转载于|原载于|原文刊于|稿件来源|文章来源|来源)\s*[:：]?\s*"
    r"([^\s）)】\]]{1,30})\s*[）)】\]]?$"
)
_EDITOR = re.compile(r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|审核|审校|校对|排版|监制|美编|编审|统筹|值班编辑)\s*[:：]")
_BYLINE = re.compile(
    r"^(?:[■□▉◎●]\s*)?"
    r"(?:(?:本报|本台|本刊|本网|新华社|特约|首席|见习|实习)?记者|作者|撰文|文字|采写|编译|文|通讯员|实习生)"
    r"\s*[:：/|｜]?\s*(.+)$"
)
_BOXED_NAME = re.compile(r"^[■□▉◎]\s*(.+)$")
_INLINE_REPORTER = re.compile(r"[（(]\s*((?:本报|特约|见习|实习)?记者\s*[^（()）]{2,30})[)）]")
_NAME_SPLIT = re.compile(r"[\s、，,/]+")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NAME_NOISE = re.compile(r"^(?:本报|本台|特约|首席|见习|实习)?(?:记者|通讯员|实习生)|(?:报道|摄影|摄|发自\S*|综合报道)$")
_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}|[A-Za-z][A-Za-z .'-]{1,24})$")
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池乐匡钮燕鞠"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "端木")

_BULLET_NAV = re.compile(r"^[•·●▪◆◇►▶▸○◦]\s*([^。！？；，,]{0,12})$")
_CRUMB_SEP = re.compile(r"\s*(?:>|›|»|＞|\||｜|→| / )\s*")
_CRUMB_START = re.compile(r"^(?:首页|当前位置|您的位置|你的位置|您现在的位置|位置)\s*(?:[:：>›»＞]|$)")
_MENU_WORDS = frozenset(
    "首页 登录 注册 我的订阅 订阅 搜索 返回顶部 打印 关闭 关闭窗口 收藏 字号 大 中 小 上一篇 下一篇 客户端 APP 下载APP "
    "分享 评论 举报 纠错 设为首页 加入收藏 网站地图 联系我们 关于我们 投稿 更多 查看更多 新闻 科技 财经 体育 娱乐 汽车 "
    "房产 教育 健康 国际 国内 社会 军事 文化 时尚 旅游 游戏 视频 图片 专题 数码 手机 股票 热点 要闻 滚动 直播 正文 "
    "返回 点赞 在看 转发 首頁 登入 新聞 財經 國際 娛樂 遊戲 圖片 專題".split()
)
_WIDGET = re.compile(
    r"^[【\[（(]?\s*(?:分享到|分享至|点击查看大图|点击图片查看|点击查看原图|查看大图|查看原图|扫码关注|扫一扫|长按识别|长按二维码"
    r"|点击上方|关注我们|微信扫一扫|打开APP|打开客户端|下载客户端|返回顶部|阅读原文|收藏本文|我要评论|打印本页|关闭窗口"
    r"|字号[:：]|图片来源|图源|图片来自|来源[:：]?\s*视觉中国|原标题[:：]|欢迎关注|点击进入|更多内容请|更多精彩内容"
    r"|海量资讯|下载\S{0,8}APP)"
)
_NOTICE = re.compile(r"转载请注明|未经(?:许可|授权)|禁止转载|版权归原作者|不代表本(?:站|网|平台)(?:的)?观点")
_DATELINE = re.compile(r"^[^\s，。,]{0,20}?\d{1,2}月\d{1,2}日(?:电|讯)$")
"""A dateline left on a line of its own once the reporters' names are taken out (新华社北京2月24日电)."""
_CAPTION = re.compile(r"^(?:▲|△|图\s*[:：]|图为|（图）|\(图\)|图\d+\s*[:：]?)")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S*$", re.I)
_IMAGE_LINE = re.compile(r"^\S{0,200}\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)(?:\?\S{0,200})?$", re.I)

_FOOTER = re.compile(
    r"^[【\[（(]?\s*(?:以上内容为|本站信息快照|信息快照|免责声明|声明[:：]|相关阅读|相关文章|相关新闻|相关推荐|相关报道|相关链接"
    r"|推荐阅读|延伸阅读|猜你喜欢|热门推荐|热门文章|热点推荐|精彩推荐|更多精彩|版权声明|版权所有|本文版权|Copyright|©"
    r"|责任编辑|返回搜狐|举报\s*/\s*反馈|网友评论|发表评论|上一篇|下一篇)",
    re.I,
)
_END_MARK = re.compile(r"^[（(【\[-—]*\s*(?:完|END|终)\s*[）)】\]-—]*$", re.I)
_ENDS_WITH_DATE = re.compile(r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）\]】]?$")
_SENTENCE_END = re.compile(r"[。！？!?…」”]$")
_SITE_SUFFIX = re.compile(r"\s*[-_|｜—–]+\s*[^-_|｜—–]{1,20}(?:网|报|新闻|频道|社|站|在线|门户|客户端|\.com|\.cn|\.net)\s*$")
_TITLE_MAX = 100
"""A first line longer than this is a paragraph, not a headline."""


def _names(text: str, need_surname: bool) -> list[str] | None:
    """Person names of a byline, or None when the text is not a list of names."""
    out = []
    tokens = []
    for part in re.split(r"[、，,/]+", text.strip(" ：:|｜/（）()")):
        tokens.extend(_NAME_SPLIT.split(part) if _CJK_CHAR.search(part) else [part])
    for token in tokens:
        token = _NAME_NOISE.sub("", token).strip()
        if not token:
            continue
        if not _NAME.match(token):
            return None
        out.append(token)
    if not out or len(out) > 5:
        return None
    if need_surname and not all(n[0].isascii() or n[0] in _SURNAMES or n.startswith(_COMPOUND_SURNAMES) for n in out):
        return None
    return out


def _byline(line: str) -> list[str] | None:
    if len(line) > _SHORT:
        return None
    m = _BYLINE.match(line)
    if m:
        explicit = re.match(r"^\S{0,8}?(?:记者|作者|撰文|文字|采写|编译|文|通讯员|实习生)\s*[:：/|｜]", line) is not None
        names = _names(m[1], need_surname=not explicit)
        if names:
            return names
    m = _BOXED_NAME.match(line)
    if m:
        return _names(m[1], need_surname=True)
    return None


def _is_nav(line: str) -> bool:
    if len(line) > 80:
        return False
    if _BULLET_NAV.match(line) or _CRUMB_START.match(line):
        return True
    parts = [p for p in _CRUMB_SEP.split(line) if p]
    if len(parts) >= 3 and all(len(p) <= 10 for p in parts) and not _URL_LINE.match(line):
        return True
    words = line.replace("|", " ").replace("｜", " ").split()
    return bool(words) and all(w.strip("•·●[]【】") in _MENU_WORDS for w in words)


def _is_widget(line: str) -> bool:
    if len(line) > 300:
        return False
    if _URL_LINE.match(line) or _IMAGE_LINE.match(line):
        return True
    if len(line) <= 80 and (_NOTICE.search(line) or _DATELINE.match(line)):
        return True
    return len(line) <= _SHORT and bool(_WIDGET.match(line) or _CAPTION.match(line))


def _header(line: str) -> dict[str, str] | None:
    """Date, source and author of a header line such as ``类别:科技 发布时间:... 来源:...``."""
    if len(line) > 120:
        return None
    keys = _META_KEY.findall(line)
    date = normalize_date(line)
    bare_date = date is not None and len(line) <= 40 and re.match(r"^\d{4}\s*[-/.年]", line) is not None
    if _SENTENCE_END.search(line) or not (len(keys) >= 2 or (keys and date) or bare_date):
        return None
    if len(keys) == 1 and keys[0] in ("来源", "作者") and not date:
        return None  # a line of its own: reprint note or byline
    found = {"date": date} if date else {}
    if m := _SOURCE.search(line):
        found["source"] = m[1]
    if m := _AUTHOR_KEY.search(line):
        names = _names(m[1], need_surname=False)
        if names:
            found["author"] = ", ".join(names)
    return found


def _is_content(line: str) -> bool:
    return len(line) >= 40 or (len(line) >= 6 and _SENTENCE_END.search(line) is not None)


def _strip_caption(line: str) -> str:
    return _CAPTION.sub("", line).strip()


def clean_page(text: str) -> CleanPage:
    """Find the headline, body and metadata of a news page saved as text.

    Navigation (short bullet lines, breadcrumbs, menu words), share widgets, lines that are only
    a URL or an image file name, header lines (``类别:… 发布时间:… 来源:…``), reprint notes
    (``本文转自:…``), bylines (``■吴飞``, ``记者 张三``, ``作者：李四``, ``文/王五``) and editor lines
    are dropped; so is everything from a footer (``以上内容为…``, ``相关阅读``, ``免责声明``,
    ``（责任编辑：…）``, ``（完）``) on, and a trailing list of dated links. A short line that
    appears more than once (the headline repeated as image captions) is kept only as the title.
    Otherwise the title is the first remaining line, unless that is a long paragraph. The rules
    describe Chinese news pages in general.

    Examples
    --------
    >>> page = clean_page(
    ...     "• 我的订阅\\n首页 > 科技 > 正文\\nAI绘画走红\\nAI绘画走红\\n"
    ...     "类别:科技 发布时间:2024-02-24 05:43:00 来源:某某网\\n本文转自:文汇报\\n■吴飞\\n"
    ...     "扩散模型让AI绘画走进了大众生活。\\n以上内容为资讯信息快照\\n另一篇 2024-02-23")
    >>> page.title, page.body, page.date, page.source, page.publisher, page.author
    ('AI绘画走红', '扩散模型让AI绘画走进了大众生活。', '2024-02-24T05:43:00', '某某网', '文汇报', '吴飞')
    >>> clean_page("百度推出文心一言\\n百度今天推出文心一言。").body
    '百度今天推出文心一言。'
    """
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    total = len(lines)
    meta: dict[str, str] = {}
    authors: list[str] = []
    kept: list[str] = []
    seen_content = False
    for line in lines:
        if seen_content and (_FOOTER.match(line) or _END_MARK.match(line) or _EDITOR.match(line)):
            break
        if _is_widget(line) or _is_nav(line):
            continue
        if (head := _header(line)) is not None:
            for k, v in head.items():
                meta.setdefault(k, v)
            continue
        if _FOOTER.match(line) and len(line) <= _SHORT or _EDITOR.match(line) and len(line) <= _SHORT:
            continue
        if len(line) <= _SHORT and (m := _REPRINT.match(line)):
            meta.setdefault("publisher", m[1].strip("：:"))
            continue
        if (names := _byline(line)) is not None:
            authors.extend(names)
            continue
        if m := _INLINE_REPORTER.search(line[:80]):
            names = _names(m[1], need_surname=False)
            if names:
                authors.extend(names)
                line = (line[: m.start()] + line[m.end() :]).strip()
                if not line or _DATELINE.match(line):
                    continue
        kept.append(line)
        seen_content = seen_content or _is_content(line)
    kept = _drop_dated_tail(kept)
    title, body = _title_and_body(kept)
    if "author" in meta:
        authors = [*meta["author"].split(", "), *authors]
    removed = total - len(body) - (1 if title and body and title != body[0] else 0)
    return CleanPage(
        title=title,
        body="\n".join(body),
        date=meta.get("date"),
        source=meta.get("source"),
        publisher=meta.get("publisher"),
        author=", ".join(dict.fromkeys(authors)) or None,
        removed=max(0, removed),
    )


def _drop_dated_tail(lines: list[str]) -> list[str]:
    """Drop a trailing list (two or more lines) of short links that each end with a date."""
    end = len(lines)
    while end > 0 and len(lines[end - 1]) <= 80 and _ENDS_WITH_DATE.search(lines[end - 1]):
        end -= 1
    return lines[:end] if len(lines) - end >= 2 and end > 0 else lines


def _title_like(line: str) -> bool:
    return len(line) <= _TITLE_MAX and line.count("。") <= 1 and not (len(line) > 60 and line.endswith("。"))


def _title_and_body(lines: list[str]) -> tuple[str, list[str]]:
    if not lines:
        return "", []
    counts = Counter(ln for ln in lines if 4 <= len(ln) <= 60 and not _is_content(ln))
    repeated = [ln for ln in dict.fromkeys(lines) if counts.get(ln, 0) >= 2]
    first = lines[0]
    if repeated:
        title = repeated[0]
        start = lines.index(title)  # short lines above the headline are page furniture
        lines = [ln for i, ln in enumerate(lines) if i >= start or _is_content(ln)]
        first = lines[0]
    elif _title_like(first) and len(lines) > 1:
        title = first
    elif len(lines) == 1:
        return (first if len(first) <= _TITLE_MAX else ""), lines
    else:
        return "", lines
    short = _SITE_SUFFIX.sub("", title) or title
    drop = {title, short, *repeated}
    first_is_title = first in drop or (len(first) <= _TITLE_MAX and first.startswith(short))
    body = [
        ln for i, ln in enumerate(lines)
        if ln not in drop and _strip_caption(ln) not in drop and not (i == 0 and first_is_title)
    ]
    if not body:
        body = [ln for ln in lines if ln not in repeated or ln == title][:1]
    return short, body


# --- a list of related articles left inside a text ------------------------------------------------

_RELATED = re.compile(
    r"(?:相关|相關)(?:文章|阅读|閱讀|新闻|新聞|报道|報道|推荐|推薦)|(?:延伸|推荐|推薦)(?:阅读|閱讀)|往期(?:回顾|回顧|推荐|推薦)"
)
_FULL_STOP = re.compile(r"[。.．][」”’\"']?(?:\s|$)|。")
_BEFORE_HEADING = frozenset(" \t\n\u3000\xa0。！？!?」”】>|｜")
"""Characters after which a related-articles word opens a heading (…。 相關文章)."""


def body_end(text: str) -> int:
    """Where the article ends in a text that runs on into a list of related articles (``len(text)`` when it does not).

    A crawled text often carries the site's "相關文章：" links after the article, on the same line. The list is
    titles only, so the article ends at the last such heading that no full stop follows; a heading with
    article text after it (a link list in the middle of the story) ends nothing.

    Examples
    --------
    >>> t = "微軟投資了Mistral。 相關文章： 比亞迪市值為何遠不及Tesla？｜周顯 自住只應買現樓｜曾智華"
    >>> t[: body_end(t)]
    '微軟投資了Mistral。 '
    >>> t = "相關新聞：某某事件｜有片 警方表示，案件仍在調查。"
    >>> body_end(t) == len(t)
    True
    >>> t = "OpenAI发布了Sora，据相关报道"
    >>> body_end(t) == len(t)
    True
    """
    for m in _RELATED.finditer(text):
        heading = m.start() == 0 or text[m.start() - 1] in _BEFORE_HEADING or text[m.end() : m.end() + 2].lstrip()[:1] in ("：", ":")
        if heading and _FULL_STOP.search(text, m.end()) is None:
            return m.start()
    return len(text)
