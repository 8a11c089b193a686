"""Split an article into sentences and part-of-speech tagged tokens with character offsets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from kg.cleaning import body_end
from kg.errors import PatternError, require_optional
from kg.patterns import fold
from kg.records import Article, Sentence, Token

__all__ = ["Tagger", "make_tagger", "split_sentences", "segment", "load_userdict"]

# A sentence ends after 。！？!?； or a line break, together with closing quotes/brackets.
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)】]*(?![。！？!?；;…”’」』）)】》〉])|\n+|(?:资料图片?|供图)(?=[ \t\u3000\xa0])"
                           r"|(?:图片来源|图源|图片来自)[:：]?\s*(?:(?!记者)[^\s。，,：:]){1,12}"
                           r"(?=[ \t\u3000\xa0])(?![ \t\u3000\xa0]+\S{1,8}?/?摄)")
"""Ends of sentences; a photo credit (合肥 视觉中国 资料图; 图源：视觉中国) ends the caption it closes; a question mark
that closes a title in 《》 does not (《DeepSeek为什么会出现在杭州？》)."""
_MAX_SENTENCE = 400
"""Longer runs without punctuation are cut into pieces this long, so cost stays linear."""


class Tagger(Protocol):
    """What segmentation needs: ``tag(text)`` giving ``(word, pos)`` pairs covering the text."""

    def tag(self, text: str) -> list[tuple[str, str]]: ...


def load_userdict(path: str | Path) -> list[tuple[str, int, str]]:
    """Read a jieba user dictionary (``word [freq] [pos]`` per line), validating each row.

    Examples
    --------
    >>> rows = load_userdict(__import__("kg.resources").resources.ontology_dir() / "dicts" / "userdict.txt")
    >>> all(isinstance(f, int) for _, f, _ in rows)
    True
    """
    rows: list[tuple[str, int, str]] = []
    p = Path(path)
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = 10000
        pos = "n"
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            pos = rest.pop(0)
        if rest or not re.fullmatch(r"[a-z]{1,4}", pos):
            raise PatternError(f"{p}:{n}: bad user dictionary row {line!r} (expected 'word [freq] [pos]')")
        rows.append((word, freq, pos))
    return rows


class _JiebaTagger:
    def __init__(self, userdict: list[tuple[str, int, str]]):
        jieba = require_optional("jieba")
        posseg = require_optional("jieba.posseg")
        jieba.setLogLevel(60)
        self._tok = jieba.Tokenizer()
        for word, freq, pos in userdict:
            self._tok.add_word(word, freq, pos)
        self._pos = posseg.POSTokenizer(self._tok)
        list(self._pos.cut("作为"))  # warm up: builds the prefix dictionary once

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._pos.cut(text)]


class _RjiebaTagger:
    def __init__(self, userdict: list[tuple[str, int, str]]):
        rjieba = require_optional("rjieba")
        self._jb = rjieba.Jieba()
        for word, freq, pos in userdict:
            self._jb.add_word(word, freq, pos)
        self._jb.tag("作为")

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self._jb.tag(text)

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the dictionary (not a word the segmenter only guessed); kg.entities asks it."""
        return self._jb.has_word(word)


_BACKENDS = {"jieba": _JiebaTagger, "rjieba": _RjiebaTagger}


def make_tagger(backend: str = "rjieba", userdict: list[tuple[str, int, str]] | None = None) -> Tagger:
    """Build a tagger instance (its own dictionary, never jieba's global one).

    Examples
    --------
    >>> t = make_tagger("jieba", [("文心一言", 1000, "nz")])
    >>> ("文心一言", "nz") in t.tag("百度发布文心一言")
    True
    """
    if backend not in _BACKENDS:
        raise ValueError(f"unknown segmenter {backend!r}; choose one of {', '.join(_BACKENDS)}")
    return _BACKENDS[backend](userdict or [])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the sentences of ``text``, surrounding whitespace left out.

    Examples
    --------
    >>> t = "OpenAI发布Sora。它能生成视频！"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['OpenAI发布Sora。', '它能生成视频！']
    >>> t = "新华日报发布《DeepSeek为什么会出现在杭州？》一文。"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['新华日报发布《DeepSeek为什么会出现在杭州？》一文。']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add_span(text, pos, m.end(), spans)
        pos = m.end()
    _add_span(text, pos, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE:
        cut = start + _MAX_SENTENCE
        # prefer to cut after a comma or space inside the window
        window = text[start + _MAX_SENTENCE // 2 : cut]
        for mark in ("，", ",", "、", " "):
            i = window.rfind(mark)
            if i >= 0:
                cut = start + _MAX_SENTENCE // 2 + i + 1
                break
        spans.append((start, cut))
        start = cut
    if end > start:
        spans.append((start, end))


def segment(article: Article, tagger: Tagger) -> tuple[Sentence, ...]:
    """Sentences of an article, each with tokens whose offsets point into ``article.text``.

    A list of related articles the text runs on into (相關文章： …, see :func:`kg.cleaning.body_end`) is not
    the article: it gives no sentences.

    Examples
    --------
    >>> from kg.records import Article
    >>> a = Article(id="a1", text="百度发布文心一言。")
    >>> s = segment(a, make_tagger("jieba"))
    >>> [(t.text, a.text[t.start:t.end]) for t in s[0].tokens][:2]
    [('百度', '百度'), ('发布', '发布')]
    """
    text = article.text
    # the dictionary is Simplified: Traditional text is cut in its length-preserving Simplified view
    view = fold(text)
    out: list[Sentence] = []
    body = body_end(text)
    for start, end in split_sentences(text[:body]):
        chunk = text[start:end]
        tokens: list[Token] = []
        pos = start
        for word, tag in tagger.tag(view[start:end]):
            if not word:
                continue
            # taggers return the text back in order; find() guards against any dropped characters
            at = pos if view.startswith(word, pos) else view.find(word, pos, end)
            if at < 0:
                continue
            tokens.append(Token(at, at + len(word), text[at : at + len(word)], tag))
            pos = at + len(word)
        out.append(Sentence(article.id, start, end, chunk, tuple(tokens)))
    return tuple(out)
