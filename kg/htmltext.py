"""Main text of an HTML news page, found with the standard library's HTML parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_article_parts"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "nav", "header", "footer", "aside", "form"):
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in ("p", "div", "br", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "nav", "header", "footer", "aside", "form"):
            self.skip = max(0, self.skip - 1)
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def html_to_article_parts(html: str) -> tuple[str, str, dict[str, str]]:
    """Title, body text and metadata of an HTML page."""
    p = _Text()
    p.feed(html)
    p.close()
    body = re.sub(r"\n\s*\n+", "\n", "".join(p.parts)).strip()
    return p.title.strip(), body, {}
