"""Salient keywords of an article by TF-IDF over its tokens, with entity spans as whole terms."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from importlib import resources as _res
from pathlib import Path

from kg.errors import ModelError, PatternError
from kg.names import normalize_key
from kg.records import Mention, Sentence
from kg.resources import ontology_dir

__all__ = ["salient_keywords", "load_idf", "load_stopwords", "IdfTable", "CANDIDATE_POS"]

CANDIDATE_POS: frozenset[str] = frozenset({"n", "nz", "vn", "eng", "nt", "nr", "ns", "nrt", "nw", "an", "nrfg"})
"""jieba POS tags of tokens that may be keywords: nouns, verbal nouns, proper nouns, Latin words."""

_IDF_FILE = "idf.txt"
_JUNK = re.compile(r"^[\d\W_]+$|^\d+[\w.]{0,3}$|https?|www\.", re.IGNORECASE)
"""Digits, punctuation, numbers with a unit (3月, 10亿) and address fragments are never keywords."""


class IdfTable:
    """Inverse document frequencies keyed by :func:`kg.names.normalize_key`, with a default for unseen words."""

    __slots__ = ("idf", "docs", "default")

    def __init__(self, idf: dict[str, float], docs: int):
        self.idf = idf
        self.docs = docs
        self.default = math.log((docs + 1) / 2) + 1.0
        """IDF of a word seen in one background document: unseen words count as rare."""

    def __call__(self, key: str) -> float:
        return self.idf.get(key, self.default)


def _models_path(name: str) -> Path:
    return Path(str(_res.files("kg") / "models" / name))


@functools.lru_cache(maxsize=2)
def load_idf(path: str | None = None) -> IdfTable:
    """Read the background IDF table (``# docs=N`` header, then ``word<TAB>idf`` rows).

    Examples
    --------
    >>> t = load_idf()
    >>> t.docs > 1000 and t("公司") < t("量子计算")
    True
    """
    p = Path(path) if path else _models_path(_IDF_FILE)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"{p}: cannot read the IDF table: {exc}") from exc
    docs = 0
    idf: dict[str, float] = {}
    for n, line in enumerate(lines, 1):
        if line.startswith("# docs="):
            docs = int(line[len("# docs="):])
            continue
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        try:
            idf[word] = float(value)
        except ValueError:
            raise ModelError(f"{p}:{n}: bad IDF row {line!r} (expected 'word<TAB>number')") from None
    if docs <= 0:
        raise ModelError(f"{p}: missing '# docs=N' header")
    return IdfTable(idf, docs)


@functools.lru_cache(maxsize=2)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """Generic words that are never keywords (``ontology/dicts/stopwords.txt``), as normalized keys.

    Examples
    --------
    >>> "记者" in load_stopwords() and "量子计算" not in load_stopwords()
    True
    """
    p = Path(path) if path else ontology_dir() / "dicts" / "stopwords.txt"
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(f"{p}: cannot read the stop-word list: {exc}") from exc
    out: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if len(word.split()) != 1:
            raise PatternError(f"{p}:{n}: bad stop-word row {line!r} (one word per line)")
        out.add(normalize_key(word))
    return frozenset(out)


def _is_candidate(text: str, key: str, pos: str, stop: frozenset[str]) -> bool:
    if pos not in CANDIDATE_POS or key in stop or _JUNK.search(text):
        return False
    if pos == "eng":
        return len(key) >= 2
    return len(text) >= 2


def _terms(sentences: Iterable[Sentence], mentions: Iterable[Mention], stop: frozenset[str]):
    """Yield ``(key, surface, offset)`` for each candidate term; tokens inside a mention give way to it."""
    spans = sorted((m.start, m.end, m.name) for m in mentions)
    for start, _end, name in spans:
        key = normalize_key(name)
        if key and key not in stop and not _JUNK.search(name):
            yield key, name, start
    covered = [(s, e) for s, e, _ in spans]
    i = 0
    for sent in sentences:
        for tok in sent.tokens:
            if tok.pos not in CANDIDATE_POS:
                continue  # no candidate whatever its key
            while i < len(covered) and covered[i][1] <= tok.start:
                i += 1
            if i < len(covered) and covered[i][0] < tok.end and tok.start < covered[i][1]:
                continue
            key = normalize_key(tok.text)
            if key and _is_candidate(tok.text, key, tok.pos, stop):
                yield key, tok.text, tok.start


def salient_keywords(sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], n: int) -> tuple[str, ...]:
    """The ``n`` most salient terms of an article, most salient first.

    Candidates are noun-like tokens (:data:`CANDIDATE_POS`) and the names of the entity
    mentions (a token inside a mention is not counted on its own). A term's score is its
    count in the article times its inverse document frequency in a background table of
    news articles; generic words (``ontology/dicts/stopwords.txt``) are left out. Ties go
    to the earlier term, so the result is deterministic. Each term is given in its most
    frequent written form.

    Parameters
    ----------
    sentences : tuple of Sentence
        The article's sentences with tokens.
    mentions : tuple of Mention
        The article's entity mentions (their ``name`` is the term).
    n : int
        How many keywords to return at most.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> from kg.records import Sentence, Token
    >>> toks = (Token(0, 2, "记者", "n"), Token(2, 4, "报道", "v"), Token(4, 8, "量子计算", "n"),
    ...         Token(8, 10, "芯片", "n"), Token(10, 11, "。", "x"))
    >>> s = Sentence("a", 0, 11, "记者报道量子计算芯片。", toks)
    >>> salient_keywords((s,), (), 5)
    ('量子计算', '芯片')
    """
    if n <= 0:
        return ()
    stop = load_stopwords()
    idf = load_idf()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    forms: dict[str, dict[str, int]] = {}
    for key, surface, at in _terms(sentences, mentions, stop):
        counts[key] = counts.get(key, 0) + 1
        if key not in first or at < first[key]:
            first[key] = at
        f = forms.setdefault(key, {})
        f[surface] = f.get(surface, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k] * idf(k), first[k], k))
    out: list[str] = []
    for key in ranked[:n]:
        f = forms[key]
        out.append(min(f, key=lambda s: (-f[s], s)))
    return tuple(out)
