"""Main text of HTML news pages (with the standard library's HTML parser) and of Markdown articles."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.cleaning import clean_page, normalize_date

__all__ = ["html_to_article_parts", "markdown_to_text"]

_SKIP = frozenset(
    "script style nav header footer aside form noscript template svg iframe button select textarea "
    "figcaption object canvas".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 article section main blockquote pre table tr td th dd dt dl "
    "figure hr address center".split()
)
_CLOSES_P = frozenset("p div ul ol h1 h2 h3 h4 h5 h6 article section blockquote pre table dl figure hr".split())
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:comments?|share|sharing|related|breadcrumbs?|sidebar|footer|navbar|nav|menu|recommend\w*"
    r"|advert\w*|ads?|copyright|toolbar|social|subscribe|login)(?:$|[-_\s])",
    re.I,
)
_DATE_KEYS = (
    "article:published_time", "og:published_time", "published_time", "datepublished", "pubdate",
    "publishdate", "publish_date", "publish-date", "dc.date.issued", "dc.date", "date", "article:modified_time",
)
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl")
_SPACE = re.compile(r"\s+")
_PROSE = re.compile(r"[。！？!?…”」]$")


class _Page(HTMLParser):
    """Collects metadata and the page's text blocks, each with the element that holds it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.stack: list[tuple[str, int]] = []
        self.skip_at: int | None = None  # stack depth where a skipped element opened
        self.next_id = 0
        self.article: int | None = None  # id of the outermost open <article> (or articleBody)
        self.article_depth: int | None = None
        self.buffer: list[str] = []
        self.blocks: list[tuple[str, int | None, int | None]] = []  # text, article id, parent of <p>
        self.times: list[str] = []

    # -- structure ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"].strip())
            return
        if tag == "time" and a.get("datetime") and self.skip_at is None:
            self.times.append(a["datetime"])
        if tag in _BLOCK:
            self._flush()
        if tag in _CLOSES_P and self.stack and self.stack[-1][0] == "p":
            self._pop_to(len(self.stack) - 1)
        if tag in _VOID:
            return
        self.next_id += 1
        self.stack.append((tag, self.next_id))
        if self.skip_at is None and (tag in _SKIP or _BOILERPLATE.search(f"{a.get('class', '')} {a.get('id', '')}")):
            if tag not in ("body", "html", "main", "article"):
                self.skip_at = len(self.stack) - 1
        body_prop = a.get("itemprop", "").lower() == "articlebody"
        if self.article is None and (tag == "article" or body_prop):
            self.article, self.article_depth = self.next_id, len(self.stack) - 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self._pop_to(len(self.stack) - 1, flush=tag in _BLOCK)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if tag in _BLOCK or any(t in _BLOCK for t, _ in self.stack[i:]):
                    self._flush()
                self._pop_to(i, flush=False)
                return
        if tag in _BLOCK:  # a stray </p> or </br>
            self._flush()

    def _pop_to(self, depth: int, flush: bool = True) -> None:
        if flush:
            self._flush()
        del self.stack[depth:]
        if self.skip_at is not None and self.skip_at >= depth:
            self.skip_at = None
        if self.article_depth is not None and self.article_depth >= depth:
            self.article = self.article_depth = None

    # -- text --------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if any(t == "title" for t, _ in self.stack) and not any(t == "svg" for t, _ in self.stack):
            self.title.append(data)
        elif self.skip_at is None and not any(t == "head" for t, _ in self.stack):
            self.buffer.append(data)

    def _flush(self) -> None:
        if not self.buffer:
            return
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if not text:
            return
        parent = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == "p":
                parent = self.stack[i - 1][1] if i > 0 else 0
                break
        self.blocks.append((text, self.article, parent))


def _main_text(page: _Page) -> list[str]:
    """Blocks of the largest <article>; else of the element holding the most <p> text; else all."""
    by_article: dict[int, int] = {}
    for text, art, _ in page.blocks:
        if art is not None:
            by_article[art] = by_article.get(art, 0) + len(text)
    if by_article:
        best = max(sorted(by_article), key=lambda k: by_article[k])
        if by_article[best] >= 20:
            blocks = [(t, parent) for t, art, parent in page.blocks if art == best]
            if any(parent is not None for _, parent in blocks):
                # paragraphs, and loose text only where it reads as prose (not dates, labels)
                return [t for t, parent in blocks if parent is not None or _PROSE.search(t) or len(t) >= 40]
            return [t for t, _ in blocks]
    by_parent: dict[int, int] = {}
    for text, _, parent in page.blocks:
        if parent is not None:
            by_parent[parent] = by_parent.get(parent, 0) + len(text)
    if by_parent:
        best = max(sorted(by_parent), key=lambda k: by_parent[k])
        if by_parent[best] >= 20:
            return [t for t, _, parent in page.blocks if parent == best]
    return [t for t, _, _ in page.blocks]


def html_to_article_parts(html: str) -> tuple[str, str, dict[str, str]]:
    """Title, body text and metadata of an HTML news page.

    Scripts, styles, navigation, headers, footers, asides, forms and comments are dropped, as
    are elements whose class or id names them as share bars, related links or comments. The
    body is the text of the page's ``<article>`` (or ``itemprop="articleBody"``), else of the
    element holding the most paragraph text; it is then cleaned like a crawled text page
    (:func:`kg.cleaning.clean_page`). Metadata keys, when found: ``date`` (ISO 8601),
    ``source`` (``og:site_name``), ``author``, ``publisher``, ``url``. A page without article
    text gives ``body == ""``.

    Examples
    --------
    >>> html = ('<html><head><title>百度发布文心一言 - 某某网</title>'
    ...         '<meta property="article:published_time" content="2024-02-24T05:43:00">'
    ...         '<script>var x = 1;</script></head><body><nav>首页 科技</nav>'
    ...         '<article><h1>百度发布文心一言</h1><p>百度今天发布了文心一言。</p></article>'
    ...         '<footer>版权所有</footer></body></html>')
    >>> title, body, meta = html_to_article_parts(html)
    >>> title, body, meta["date"]
    ('百度发布文心一言', '百度今天发布了文心一言。', '2024-02-24T05:43:00')
    >>> html_to_article_parts("<html><script>alert(1)</script></html>")[1]
    ''
    """
    page = _Page()
    try:
        page.feed(html)
        page.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    page._flush()
    m = page.meta
    title = _SPACE.sub(" ", m.get("og:title") or m.get("twitter:title") or "".join(page.title)).strip()
    lines = _main_text(page)
    meta: dict[str, str] = {}
    date = next((d for k in _DATE_KEYS if (d := normalize_date(m.get(k, "")))), None)
    date = date or next((d for t in page.times if (d := normalize_date(t))), None)
    if date:
        meta["date"] = date
    if m.get("og:site_name"):
        meta["source"] = m["og:site_name"]
    if author := next((m[k] for k in _AUTHOR_KEYS if m.get(k) and not m[k].startswith("http")), None):
        meta["author"] = author
    if url := m.get("og:url") or m.get("canonical"):
        meta["url"] = url
    if not lines:
        return title, "", meta
    cleaned = clean_page("\n".join([title, *lines]) if title else "\n".join(lines))
    for key in ("date", "source", "publisher", "author"):
        value = getattr(cleaned, key)
        if value and key not in meta:
            meta[key] = value
    return cleaned.title or title, cleaned.body, meta


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_MARKS = re.compile(r"\*\*|__|`")
_MD_LINE = re.compile(r"^(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^```")


def markdown_to_text(text: str) -> tuple[str, dict[str, str]]:
    r"""Plain text of a Markdown article, and the ``key: value`` fields of its front matter.

    Headings, emphasis, list marks, quotes, rules and code fences are dropped, images removed
    and links replaced by their text. Front matter fields kept: ``title``, ``date`` (ISO
    8601), ``author``, ``source``, ``publisher``, ``url``.

    Examples
    --------
    >>> markdown_to_text("---\ndate: 2024年7月15日\n---\n# 标题\n![图](a.png)\n**百度**发布了[文心一言](https://e.com)。")
    ('标题\n\n百度发布了文心一言。', {'date': '2024-07-15'})
    """
    lines = text.split("\n")
    meta: dict[str, str] = {}
    if lines and lines[0] == "---" and "---" in lines[1:40]:  # YAML front matter
        end = lines.index("---", 1)
        for line in lines[1:end]:
            key, sep, value = line.partition(":")
            value = value.strip().strip("\"'")
            if sep and value and key.strip() in ("title", "author", "source", "publisher", "url"):
                meta[key.strip()] = value
            elif sep and key.strip() == "date" and (date := normalize_date(value)):
                meta["date"] = date
        lines = lines[end + 1 :]
    out = []
    for line in lines:
        if _MD_RULE.match(line):
            continue
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        out.append(_MD_MARKS.sub("", _MD_LINE.sub("", line)).strip())
    return "\n".join(out).strip("\n"), meta
