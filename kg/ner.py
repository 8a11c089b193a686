"""Character-level CRF labeller for person, organization and place names: features, tagging, model loading."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import Any

from kg.errors import ModelError
from kg.patterns import WordLists, is_han

__all__ = [
    "MODEL_PATH",
    "LABELS",
    "CLUSTERS_PATH",
    "char_features",
    "model_features",
    "decode_bio",
    "CharClusters",
    "load_clusters",
    "CrfLabeller",
    "load_labeller",
]

MODEL_PATH = Path(__file__).resolve().parent / "models" / "ner.crfsuite"
"""The shipped model, trained by ``scripts/train_ner.py``."""

CLUSTERS_PATH = Path(__file__).resolve().parent / "models" / "char_clusters.txt"
"""Character clusters learned from unlabeled news, built by ``scripts/build_clusters.py``."""

LABELS: dict[str, str] = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
"""BIO tag type → ontology class."""

_LEX_TAG = {"Person": "P", "Organization": "O", "Location": "L", "AIModel": "M", "Technology": "T", "Publication": "B"}


def _char_type(ch: str) -> str:
    if is_han(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "A"
    if ch.isspace():
        return "S"
    return "P"


class _TypeTable(dict):
    """``str.translate`` table mapping each character to its type letter, filled on first sight."""

    def __missing__(self, cp: int) -> str:
        t = _char_type(chr(cp))
        self[cp] = t
        return t


_TYPES = _TypeTable()


class _ClusterTable(dict):
    """``str.translate`` table mapping a character to its one-letter cluster code; ``_`` when unknown."""

    def __missing__(self, cp: int) -> str:
        self[cp] = "_"  # remembered: the next lookup of the character stays in C
        return "_"


@dataclass(frozen=True)
class CharClusters:
    """Coarse and fine clusters of characters (``kg/models/char_clusters.txt``), as translate tables."""

    coarse: dict[int, str]
    """Code point → one-letter code of its coarse cluster."""
    fine: dict[int, str]
    """Code point → one-letter code of its fine cluster."""

    def codes(self, text: str) -> tuple[str, str]:
        """The coarse and the fine cluster code of each character of ``text``, as two strings."""
        return text.translate(self.coarse), text.translate(self.fine)


def _code(n: int) -> str:
    # one letter per cluster, outside ASCII so that no code is confused with '_' or the padding
    return chr(0x100 + n)


def load_clusters(path: str | Path | None = None) -> CharClusters:
    """Read the character cluster table (ModelError naming the file when it is missing or malformed).

    Examples
    --------
    >>> c = load_clusters()
    >>> coarse, fine = c.codes("李明")
    >>> len(coarse) == len(fine) == 2 and "_" not in fine
    True
    >>> load_clusters("/nonexistent.txt")
    Traceback (most recent call last):
    ...
    kg.errors.ModelError: /nonexistent.txt: the character cluster table is missing (run scripts/build_clusters.py)
    """
    p = Path(path) if path is not None else CLUSTERS_PATH
    if not p.is_file():
        raise ModelError(f"{p}: the character cluster table is missing (run scripts/build_clusters.py)")
    coarse: dict[int, str] = _ClusterTable()
    fine: dict[int, str] = _ClusterTable()
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{p}: cannot read the character cluster table: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or len(parts[0]) != 1 or not (parts[1].isdigit() and parts[2].isdigit()):
            raise ModelError(f"{p}:{n}: bad cluster row {line!r} (expected 'char<TAB>coarse<TAB>fine')")
        a, b = int(parts[1]), int(parts[2])
        if a >= 4096 or b >= 4096:
            raise ModelError(f"{p}:{n}: cluster number too large in {line!r}")
        coarse[ord(parts[0])] = _code(a)
        fine[ord(parts[0])] = _code(b)
    if not fine:
        raise ModelError(f"{p}: the character cluster table is empty")
    return CharClusters(coarse, fine)


def char_features(
    text: str,
    tokens: list[tuple[int, int, str]],
    lex_spans: list[tuple[int, int, str]],
    lists: WordLists,
    clusters: CharClusters | None = None,
) -> list[list[str]]:
    """One list of feature strings per character of ``text`` (already folded).

    ``tokens`` are ``(start, end, pos)`` offsets into ``text`` covering it; ``lex_spans`` are
    ``(start, end, label)`` gazetteer matches in it; ``clusters`` (see :func:`load_clusters`)
    adds the clusters of each character and of its neighbours.

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> f = char_features("吴飞教授", [(0, 2, "nr"), (2, 4, "n")], [], load_word_lists())
    >>> len(f), "c=吴" in f[0], "p=Bnr" in f[0], "nw=教授" in f[1]
    (4, True, True, True)
    >>> f = char_features("吴飞教授", [(0, 2, "nr"), (2, 4, "n")], [], load_word_lists(), load_clusters())
    >>> sorted(x.split("=")[0] for x in f[0] if x.startswith("k"))
    ['k', 'kbl', 'kbr', 'kf', 'kl', 'kr']
    """
    n = len(text)
    pad = "^^" + text + "$$"
    types = "^^" + text.translate(_TYPES) + "$$"
    titles = lists.titles
    org_suf = lists.org_suffixes
    loc_suf = lists.loc_suffixes
    surnames = lists.surnames
    # character n-grams, built column by column with map/zip (several times faster than a loop)
    big = [pad[i : i + 2] for i in range(1, n + 2)]  # big[i] = pad[i + 1 : i + 3]
    columns = [
        map("c=".__add__, text),
        map("l=".__add__, pad[1 : n + 1]),
        map("r=".__add__, pad[3 : n + 3]),
        map("ll=".__add__, pad[:n]),
        map("rr=".__add__, pad[4 : n + 4]),
        map("bl=".__add__, big[:n]),
        map("br=".__add__, big[1 : n + 1]),
        map("t=".__add__, [types[i : i + 3] for i in range(1, n + 1)]),
    ]
    if clusters is not None:
        # the character's coarse and fine cluster, its neighbours' fine clusters and the two pairs
        coarse, fine = clusters.codes(text)
        fine = "^" + fine + "$"
        fbig = [fine[i : i + 2] for i in range(n + 1)]  # fbig[i] = fine clusters of characters i - 1, i
        columns += [
            map("k=".__add__, coarse),
            map("kf=".__add__, fine[1 : n + 1]),
            map("kl=".__add__, fine[:n]),
            map("kr=".__add__, fine[2 : n + 2]),
            map("kbl=".__add__, fbig[:n]),
            map("kbr=".__add__, fbig[1 : n + 1]),
        ]
    out: list[list[str]] = list(map(list, zip(*columns)))
    # word-level features, shared by the characters of a word
    words = [text[s:e] for s, e, _ in tokens]
    m = len(tokens)
    for k, (s, e, pos) in enumerate(tokens):
        w = words[k]
        pw = words[k - 1] if k > 0 else "^"
        nw = words[k + 1] if k + 1 < m else "$"
        common = ["pw=" + pw, "nw=" + nw]
        if 2 <= len(w) <= 6:
            common.append("w=" + w)
        if pw in titles:
            common.append("tl")
        if nw in titles:
            common.append("tr")
        if nw in org_suf or w in org_suf:
            common.append("os")
        if nw in loc_suf or w in loc_suf:
            common.append("ls")
        if e - s == 1:
            row = out[s]
            row.append("p=S" + pos)
            row.extend(common)
            continue
        row = out[s]
        row.append("p=B" + pos)
        row.extend(common)
        mid = "p=M" + pos
        for i in range(s + 1, e - 1):
            row = out[i]
            row.append(mid)
            row.extend(common)
        row = out[e - 1]
        row.append("p=E" + pos)
        row.extend(common)
    for s, e, label in lex_spans:
        t = _LEX_TAG[label]
        out[s].append("x=B" + t)
        inner = "x=I" + t
        for i in range(s + 1, e):
            out[i].append(inner)
    for i, ch in enumerate(text):
        if ch in surnames:
            out[i].append("sn")
    return out


class _Encoded(dict):
    """``key`` → ``(prefix + key).encode()``, filled on first sight and emptied when it grows too large."""

    def __init__(self, prefix: str, limit: int = 400_000) -> None:
        super().__init__()
        self.prefix = prefix
        self.limit = limit

    def __missing__(self, key: str) -> bytes:
        if len(self) >= self.limit:
            self.clear()
        b = (self.prefix + key).encode()
        self[key] = b
        return b


_ENC = {p: _Encoded(p + "=") for p in ("c", "l", "r", "ll", "rr", "t", "k", "kf", "kl", "kr", "kbl", "kbr")}
_ENC_POS = {p: _Encoded(p) for p in ("p=S", "p=B", "p=M", "p=E")}
_ENC_LEX = {t: ("x=B" + t).encode() for t in _LEX_TAG.values()}
_ENC_LEX_IN = {t: ("x=I" + t).encode() for t in _LEX_TAG.values()}
_FLAG = {f: f.encode() for f in ("tl", "tr", "os", "ls", "sn")}


_NO_BL = b"bl="  # no model has weights for an empty bigram: it stands for all the bigrams it has none for
_NO_BR = b"br="


@functools.lru_cache(maxsize=4)
def _bigram_tables(known: frozenset[bytes]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The bigram features (``bl=``, ``br=``) the model has weights for: bigram → UTF-8 feature."""
    bl = {a[3:].decode(): a for a in known if a.startswith(b"bl=")}
    br = {a[3:].decode(): a for a in known if a.startswith(b"br=")}
    return bl, br


class _WordFeatures(dict):
    """Word → its ``pw=``, ``nw=`` and ``w=`` features as UTF-8, each None where the model has no weights for it."""

    def __init__(self, known: frozenset[bytes], limit: int = 200_000) -> None:
        super().__init__()
        self.known = known
        self.limit = limit

    def __missing__(self, word: str) -> tuple[bytes | None, bytes | None, bytes | None]:
        if len(self) >= self.limit:
            self.clear()
        fs = tuple(f if f in self.known else None for f in (("pw=" + word).encode(), ("nw=" + word).encode(),
                                                             ("w=" + word).encode()))
        self[word] = fs
        return fs


@functools.lru_cache(maxsize=4)
def _word_table(known: frozenset[bytes]) -> _WordFeatures:
    return _WordFeatures(known)


def model_features(
    text: str,
    tokens: list[tuple[int, int, str]],
    lex_spans: list[tuple[int, int, str]],
    lists: WordLists,
    clusters: CharClusters | None,
    known: frozenset[bytes],
) -> list[list[bytes]]:
    """:func:`char_features` as UTF-8 bytes, ready for the tagger, without the word features it has no weights for.

    ``known`` holds the model's attributes (:attr:`CrfLabeller.attributes`); a feature outside it
    adds nothing to any score, so the tags and their probabilities are those of :func:`char_features`
    (a character bigram without weights is sent as the bare ``bl=`` or ``br=``, which has none either).

    Examples
    --------
    >>> from kg.patterns import load_word_lists
    >>> toks, w, c = [(0, 2, "nr"), (2, 4, "n")], load_word_lists(), load_clusters()
    >>> full = char_features("吴飞教授", toks, [], w, c)
    >>> known = frozenset(["nw=教授".encode(), "bl=吴飞".encode()])
    >>> fast = model_features("吴飞教授", toks, [], w, c, known)
    >>> word = (b"pw=", b"nw=", b"w=", b"bl=", b"br=")
    >>> [[x.encode() for x in row if not x.encode().startswith(word)] for row in full] == [
    ...     [x for x in row if not x.startswith(word)] for row in fast]
    True
    >>> [[x.decode() for x in row if x.startswith(word) and x in known] for row in fast]
    [['nw=教授'], ['bl=吴飞', 'nw=教授'], [], []]
    """
    n = len(text)
    pad = "^^" + text + "$$"
    types = "^^" + text.translate(_TYPES) + "$$"
    titles = lists.titles
    org_suf = lists.org_suffixes
    loc_suf = lists.loc_suffixes
    surnames = lists.surnames
    enc = _ENC
    bl, br = _bigram_tables(known)
    wf = _word_table(known)
    big = [pad[i : i + 2] for i in range(1, n + 2)]
    columns = [
        map(enc["c"].__getitem__, text),
        map(enc["l"].__getitem__, pad[1 : n + 1]),
        map(enc["r"].__getitem__, pad[3 : n + 3]),
        map(enc["ll"].__getitem__, pad[:n]),
        map(enc["rr"].__getitem__, pad[4 : n + 4]),
        map(bl.get, big[:n], repeat(_NO_BL, n)),
        map(br.get, big[1 : n + 1], repeat(_NO_BR, n)),
        map(enc["t"].__getitem__, [types[i : i + 3] for i in range(1, n + 1)]),
    ]
    if clusters is not None:
        coarse, fine = clusters.codes(text)
        fine = "^" + fine + "$"
        fbig = [fine[i : i + 2] for i in range(n + 1)]
        columns += [
            map(enc["k"].__getitem__, coarse),
            map(enc["kf"].__getitem__, fine[1 : n + 1]),
            map(enc["kl"].__getitem__, fine[:n]),
            map(enc["kr"].__getitem__, fine[2 : n + 2]),
            map(enc["kbl"].__getitem__, fbig[:n]),
            map(enc["kbr"].__getitem__, fbig[1 : n + 1]),
        ]
    out: list[list[bytes]] = list(map(list, zip(*columns)))
    words = [text[s:e] for s, e, _ in tokens]
    m = len(tokens)
    pos_s, pos_b, pos_m, pos_e = _ENC_POS["p=S"], _ENC_POS["p=B"], _ENC_POS["p=M"], _ENC_POS["p=E"]
    flag = _FLAG
    for k, (s, e, pos) in enumerate(tokens):
        w = words[k]
        pw = words[k - 1] if k > 0 else "^"
        nw = words[k + 1] if k + 1 < m else "$"
        common = []
        f = wf[pw][0]
        if f is not None:
            common.append(f)
        f = wf[nw][1]
        if f is not None:
            common.append(f)
        if 2 <= len(w) <= 6:
            f = wf[w][2]
            if f is not None:
                common.append(f)
        if pw in titles:
            common.append(flag["tl"])
        if nw in titles:
            common.append(flag["tr"])
        if nw in org_suf or w in org_suf:
            common.append(flag["os"])
        if nw in loc_suf or w in loc_suf:
            common.append(flag["ls"])
        if e - s == 1:
            out[s] += [pos_s[pos], *common]
            continue
        out[s] += [pos_b[pos], *common]
        if e - s > 2:
            mid = [pos_m[pos], *common]
            for row in out[s + 1 : e - 1]:
                row += mid
        out[e - 1] += [pos_e[pos], *common]
    for s, e, label in lex_spans:
        t = _LEX_TAG[label]
        out[s].append(_ENC_LEX[t])
        inner = _ENC_LEX_IN[t]
        for i in range(s + 1, e):
            out[i].append(inner)
    sn = flag["sn"]
    for row in compress(out, map(surnames.__contains__, text)):
        row.append(sn)
    return out


def decode_bio(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` of a BIO tag sequence; an I- without a B- starts a span.

    Examples
    --------
    >>> decode_bio(["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-LOC"])
    [(0, 2, 'PER'), (3, 5, 'ORG'), (5, 6, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, t in enumerate(tags):
        if t == "O":
            if start >= 0:
                spans.append((start, i, kind))
                start = -1
            continue
        b, _, k = t.partition("-")
        if b == "B" or k != kind or start < 0:
            if start >= 0:
                spans.append((start, i, kind))
            start, kind = i, k
    if start >= 0:
        spans.append((start, len(tags), kind))
    return spans


@dataclass
class CrfLabeller:
    """A loaded crfsuite model; rebuilt from its path when unpickled (workers each open it)."""

    path: Path
    """The model file."""
    clusters_path: Path = CLUSTERS_PATH
    """The character cluster table the model was trained with."""
    clusters: CharClusters | None = field(default=None, repr=False, compare=False)
    """The loaded cluster table: pass it to :func:`char_features`."""
    attributes: frozenset[bytes] = field(default=frozenset(), repr=False, compare=False)
    """The model's attributes (UTF-8): features outside it have no weight (see :func:`model_features`)."""
    _tagger: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._open()

    def _open(self) -> None:
        try:
            import pycrfsuite
        except ImportError as exc:
            raise ModelError("the package 'python-crfsuite' is not installed (pip install python-crfsuite)") from exc
        if not Path(self.path).is_file():
            raise ModelError(f"{self.path}: the entity model is missing (run scripts/train_ner.py)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(self.path))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{self.path}: cannot read the entity model: {exc}") from exc
        if not set(tagger.labels()) <= {"O"} | {f"{b}-{k}" for b in "BI" for k in LABELS}:
            raise ModelError(f"{self.path}: unexpected labels {tagger.labels()} in the entity model")
        self._tagger = tagger
        self.attributes = frozenset(a.encode() for a, _ in tagger.info().state_features)
        self.clusters = load_clusters(self.clusters_path)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "clusters_path": self.clusters_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self.clusters_path = state["clusters_path"]
        self._open()

    def tag(self, features: list[list[str]]) -> list[str]:
        """BIO tags for a feature sequence (see :func:`char_features`)."""
        if not features:
            return []
        return self._tagger.tag(features)

    def confidence(self, tags: list[str], start: int, end: int) -> float:
        """Lowest marginal probability of the tags ``tags[start:end]`` of the last tagged sequence."""
        m = self._tagger.marginal
        return min(m(tags[i], i) for i in range(start, end))


def load_labeller(path: str | Path | None = None, clusters: str | Path | None = None) -> CrfLabeller:
    """Open the shipped CRF model and its cluster table (ModelError when either is missing or unreadable).

    Examples
    --------
    >>> load_labeller("/nonexistent.crfsuite")
    Traceback (most recent call last):
    ...
    kg.errors.ModelError: /nonexistent.crfsuite: the entity model is missing (run scripts/train_ner.py)
    """
    return CrfLabeller(
        Path(path) if path is not None else MODEL_PATH, Path(clusters) if clusters is not None else CLUSTERS_PATH
    )
