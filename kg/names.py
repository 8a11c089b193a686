"""Normalized names and stable ids: the same thing written differently gets the same key."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from pathlib import Path

__all__ = ["normalize_key", "stable_id", "to_simplified", "is_traditional", "name_lang"]

_DROP = re.compile(r"[\s\-_·•‧・.,，、'\"“”‘’()（）]+")


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python tables, no download

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _changing_chars() -> frozenset[str] | None:
    """Every character that Traditional-to-Simplified conversion may change (None: unknown).

    A text without any of them is returned as it is, without running the converter.
    """
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    chars: set[str] = set()
    try:
        for name in ("TSCharacters.txt", "TSPhrases.txt"):
            for line in (folder / name).read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition("\t")
                value = value.split(" ")[0]
                if key == value:
                    continue
                if len(key) == len(value):
                    chars.update(k for k, v in zip(key, value) if k != v)
                else:
                    chars.update(key)
    except (OSError, UnicodeDecodeError):
        return None
    return frozenset(chars)


@functools.lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Simplified Chinese form of ``text`` (unchanged when already Simplified).

    Examples
    --------
    >>> to_simplified("微軟發佈新模型")
    '微软发布新模型'
    >>> to_simplified("他沈默了") == "他沉默了"
    True
    """
    changing = _changing_chars()
    if changing is not None and changing.isdisjoint(text):
        return text
    return _t2s().convert(text)


def is_traditional(text: str) -> bool:
    """True when ``text`` changes under Traditional-to-Simplified conversion.

    Examples
    --------
    >>> is_traditional("人工智慧"), is_traditional("人工智能")
    (False, False)
    >>> is_traditional("數據")
    True
    """
    return to_simplified(text) != text


@functools.lru_cache(maxsize=65536)
def normalize_key(name: str) -> str:
    """Key under which differently written names of one thing meet.

    NFKC (full-width to half-width), case folded, Simplified, spaces and joining
    punctuation dropped.

    Examples
    --------
    >>> normalize_key("GPT-4") == normalize_key("GPT4") == normalize_key("ＧＰＴ－４")
    True
    >>> normalize_key("山姆·阿尔特曼") == normalize_key("山姆阿尔特曼")
    True
    """
    s = unicodedata.normalize("NFKC", name).casefold()
    s = _DROP.sub("", s)
    return to_simplified(s)


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex digest of the parts: the same parts always give the same id.

    Examples
    --------
    >>> stable_id("Person", "吴飞") == stable_id("Person", "吴飞")
    True
    >>> len(stable_id("x"))
    16
    """
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def name_lang(name: str, traditional: bool = False) -> str:
    """Language tag for a label: ``en`` for Latin-script names, else ``zh`` or ``zh-Hant``.

    Examples
    --------
    >>> name_lang("OpenAI"), name_lang("百度"), name_lang("微軟", traditional=True)
    ('en', 'zh', 'zh-Hant')
    """
    if not any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in name):
        return "en"
    return "zh-Hant" if traditional else "zh"
