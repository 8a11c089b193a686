"""Bytes to text: encodings (UTF-8/16, GB18030/GBK, Big5) detected, text normalized, script and region guessed."""

from __future__ import annotations

import codecs
import re

from kg.errors import IngestError

__all__ = ["decode_bytes", "decode_chinese", "normalize_text", "detect_lang", "UNDECODABLE"]

_DELETE = re.compile("[\u200b-\u200d\ufeff\u2060\x00-\x08\x0b-\x1f\x7f-\x9f]+")
"""Zero-width characters, and control characters other than tab and newline."""
_SPACES = re.compile(r"[ \u00a0]{2,}")


def normalize_text(text: str) -> str:
    r"""Remove zero-width and control characters, unify line ends, collapse runs of spaces.

    Line ends become ``\n``; every line is stripped of surrounding white space (including the
    ideographic space used as a paragraph indent). No NFKC: full-width letters stay as written.

    Examples
    --------
    >>> normalize_text("百度\u200b发布\r\n　　文心一言  4.0\x07")
    '百度发布\n文心一言 4.0'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DELETE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# What Big5 bytes look like when read as GB18030: kana, Greek, Cyrillic, pinyin, box drawing, private use.
_GB_MISREAD = re.compile(r"[\u0100-\u024f\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\ue000-\uf8ff]")
_CHINESE_CODECS = ["gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"]
UNDECODABLE = "cannot decode: not UTF-8, UTF-16, GB18030 or Big5"


def _decode_dropping_tail(data: bytes, codec: str) -> str:
    """Decode strictly, except that an incomplete character at the very end is dropped.

    A file cut off in the middle of a multi-byte character (a download or copy that stopped
    early) is otherwise intact: losing the last partial character keeps the article, while
    rejecting the file would lose all of it. Bad bytes anywhere else still raise.
    """
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.start >= len(data) - 4 and exc.start > 0:
            return data[: exc.start].decode(codec)
        raise


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in (*range(0, 9), 11, 12, *range(14, 27), *range(28, 32)))
    return controls > len(head) * 0.1


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK or Big5.

    UTF-8 is tried first and strictly. Otherwise GB18030 (a superset of GBK and GB2312) is
    chosen unless its reading shows the marks of misread Big5; charset-normalizer, limited to
    Chinese encodings, settles the rest. The result must contain Chinese characters. Raises
    :class:`~kg.errors.IngestError` with a one-line reason: ``empty file``, ``binary file`` or
    ``cannot decode ...``.

    Examples
    --------
    >>> decode_bytes("人工智能".encode("gbk")), decode_bytes("人工智慧".encode("big5"))
    ('人工智能', '人工智慧')
    >>> decode_bytes("吴飞".encode("utf-8")[:-1])  # cut inside the last character
    '吴'
    """
    if not data:
        raise IngestError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _decode_dropping_tail(data, codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise IngestError(f"cannot decode as {codec} although it starts with its byte order mark") from None
    if _looks_binary(data):
        raise IngestError("binary file")
    try:
        return _decode_dropping_tail(data, "utf-8")
    except UnicodeDecodeError:
        pass
    text = decode_chinese(data)
    if text is None or not _CJK.search(text):
        raise IngestError(UNDECODABLE)
    return text


def _misread_share(text: str) -> float:
    marks = len(_GB_MISREAD.findall(text))
    return marks / (marks + len(_CJK.findall(text)) or 1)


def decode_chinese(data: bytes) -> str | None:
    """GB18030 or Big5 reading of bytes that are not UTF-8, or None when neither fits."""
    gb = big5 = None
    try:
        gb = _decode_dropping_tail(data, "gb18030")
    except UnicodeDecodeError:
        pass
    for codec in ("big5hkscs", "cp950"):
        try:
            big5 = _decode_dropping_tail(data, codec)
            break
        except UnicodeDecodeError:
            continue
    if gb is not None and (big5 is None or _misread_share(gb) < 0.05):
        return gb  # GBK-era files are the common case; short ambiguous byte runs go to GB18030
    if big5 is not None:
        return big5
    # Neither reads cleanly: a few corrupt bytes. Let charset-normalizer pick among Chinese
    # encodings and accept its reading only when replacement characters stay rare.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:65536], cp_isolation=_CHINESE_CODECS).best()
    codec = "gb18030" if best is None or best.encoding.lower().startswith("gb") else "big5hkscs"
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") * 100 > len(_CJK.findall(text)):  # at most one bad character in a hundred
        return None
    return text


def detect_lang(text: str) -> str:
    """``zh-TW`` or ``zh-HK`` when ``text`` is written in Traditional characters, else ``zh-CN``.

    A sample of the text is converted to Simplified; when more than a few percent of its Chinese
    characters change, it is Traditional. Taiwan usage (軟體, 網路, 伺服器, 數位) gives ``zh-TW``,
    otherwise ``zh-HK``.

    Examples
    --------
    >>> detect_lang("微軟與OpenAI擴大合作，輝達股價上漲。"), detect_lang("微软与OpenAI扩大合作。")
    ('zh-HK', 'zh-CN')
    >>> detect_lang("這款軟體透過網路更新。")
    'zh-TW'
    """
    from kg.names import to_simplified

    sample = text[:2000]
    cjk = _CJK.findall(sample)
    if not cjk:
        return "zh-CN"
    traditional = {c for c in set(cjk) if to_simplified(c) != c}  # one character at a time: cached, fast
    changed = sum(c in traditional for c in cjk)
    if changed < 2 and changed < len(cjk) * 0.1 or changed < len(cjk) * 0.03:
        return "zh-CN"
    taiwan = sum(sample.count(w) for w in _TAIWAN_WORDS)
    hongkong = sum(sample.count(w) for w in _HONGKONG_WORDS)
    return "zh-TW" if taiwan > hongkong else "zh-HK"


_TAIWAN_WORDS = ("軟體", "網路", "伺服器", "數位", "臺灣", "臺北", "新臺幣", "新台幣")
_HONGKONG_WORDS = ("軟件", "網絡", "數碼", "質素", "香港", "本港", "港元", "港股", "特區", "恒指")
