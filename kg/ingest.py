"""Read articles from text, Markdown, HTML and JSON Lines files, or standard input."""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from kg.decoding import UNDECODABLE, decode_bytes, decode_chinese, detect_lang, normalize_text
from kg.errors import IngestError
from kg.records import Article, Failure

__all__ = [
    "SUFFIXES",
    "read_inputs",
    "decode_bytes",
    "normalize_text",
    "detect_lang",
    "slugify",
]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
"""File name endings read from a directory; other files there are passed over silently."""


_SLUG_DROP = re.compile(r"[^\w/]+")


def slugify(name: str) -> str:
    """A stable id from a relative path without its extension: NFKC, lower case, ``-`` between words.

    Examples
    --------
    >>> slugify("科技/OpenAI 发布 Sora（视频）")
    '科技/openai-发布-sora-视频'
    """
    s = unicodedata.normalize("NFKC", name).lower().replace("\\", "/")
    parts = (_SLUG_DROP.sub("-", p).strip("-_") for p in s.split("/"))
    return "/".join(p for p in parts if p) or "article"


class _Ids:
    """Hands out ids unique within one run: a clash gets ``-2``, ``-3`` ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, base: str) -> str:
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name


def read_inputs(paths: Sequence[str | Path], stdin: TextIO | None = None) -> Iterator[Article | Failure]:
    """Read every article under ``paths``, in input order; an input that cannot be used is a Failure.

    Each path is a file, a directory (read recursively in sorted order; files ending ``.txt``,
    ``.md``, ``.html``, ``.htm`` or ``.jsonl``; others passed over) or ``-`` for ``stdin``
    (JSON Lines, HTML or plain text, told apart by content). A JSON Lines record's ``text`` is
    kept exactly as given, so offsets point into it; plain text, Markdown and HTML pages are
    cleaned of navigation, bylines and footers. Bad input never raises: it yields
    ``Failure(origin, reason)`` and reading goes on.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("百度推出文心一言\\n百度今天推出文心一言。\\n")
    >>> _ = (d / "b.jsonl").write_text('{"text": "OpenAI发布Sora。"}\\n[1]\\n')
    >>> _ = (d / "c.txt").write_bytes(b"")
    >>> for item in read_inputs([d]):
    ...     print(item.id if isinstance(item, Article) else item.reason)
    a
    b-1
    JSON line is not an object (it is an array)
    empty file
    """
    ids = _Ids()
    for p in paths:
        if str(p) == "-":
            yield from _read_stream(stdin, ids)
        else:
            yield from _read_path(Path(p), ids)


def _read_path(path: Path, ids: _Ids) -> Iterator[Article | Failure]:
    try:
        missing, is_dir = not path.exists(), path.is_dir()
    except OSError as exc:  # e.g. a folder on the way that may not be searched
        yield Failure(str(path), _os_reason(exc, "cannot read"))
        return
    if missing:
        yield Failure(str(path), _link_problem(path) if path.is_symlink() else "no such file or directory")
    elif is_dir:
        yield from _walk(path, path, ids, set())
    else:
        yield from _read_file(path, Path(path.name), ids, explicit=True)


def _link_problem(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "dangling symbolic link"


def _walk(root: Path, folder: Path, ids: _Ids, seen: set[tuple[int, int]]) -> Iterator[Article | Failure]:
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(folder), _os_reason(exc, "cannot read directory"))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield Failure(str(folder), "symbolic link loop (directory already being read)")
        return
    seen = seen | {key}
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield Failure(str(path), _os_reason(exc, "cannot read"))
            continue
        if entry.name.startswith(".") or (not is_dir and entry.name.upper().startswith("README.")):
            continue  # hidden files, and a folder's README (it describes the folder)
        if is_dir:
            yield from _walk(root, path, ids, seen)
        elif path.suffix.lower() in SUFFIXES:
            if entry.is_symlink() and not os.path.exists(path):
                yield Failure(str(path), _link_problem(path))
            else:
                yield from _read_file(path, path.relative_to(root), ids, explicit=False)


def _os_reason(exc: OSError, what: str) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{what}: permission denied"
    return f"{what}: {(exc.strerror or type(exc).__name__).lower()}"


def _read_file(path: Path, rel: Path, ids: _Ids, explicit: bool) -> Iterator[Article | Failure]:
    origin = str(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield Failure(origin, _os_reason(exc, "cannot read"))
        return
    if not stat.S_ISREG(mode):
        yield Failure(origin, "not a regular file")
        return
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from _read_jsonl(fh, origin, path.stem, ids)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, _os_reason(exc, "cannot read"))
        return
    try:
        text = decode_bytes(data)
    except IngestError as exc:
        yield Failure(origin, str(exc))
        return
    base = slugify(str(rel.with_suffix("")))
    if suffix in (".html", ".htm"):
        kind = "html"
    elif suffix == ".md":
        kind = "md"
    elif suffix == ".txt" or not explicit:
        kind = "text"
    else:
        kind = _sniff(text)
    if kind == "jsonl":
        yield from _jsonl_lines(iter(text.split("\n")), origin, path.stem, ids)
    else:
        yield _from_page(text, kind, base, origin, ids)


def _sniff(text: str) -> str:
    head = text.lstrip()[:2048]
    if head.startswith("{"):
        return "jsonl"
    low = head.lower()
    if head.startswith("<") and any(t in low for t in ("<html", "<!doctype", "<body", "<p", "<article", "<head")):
        return "html"
    return "text"


def _read_stream(stdin: TextIO | None, ids: _Ids) -> Iterator[Article | Failure]:
    origin = "<stdin>"
    if stdin is None:
        yield Failure(origin, "no standard input given")
        return
    try:
        buffer = getattr(stdin, "buffer", None)
        data = buffer.read() if buffer is not None else stdin.read()
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        yield Failure(origin, f"cannot read: {exc}")
        return
    if isinstance(data, bytes):
        try:
            text = decode_bytes(data)
        except IngestError as exc:
            yield Failure(origin, str(exc))
            return
    else:
        text = data
    if not text.strip():
        yield Failure(origin, "empty input")
        return
    kind = _sniff(text)
    if kind == "jsonl":
        yield from _jsonl_lines(iter(text.split("\n")), origin, "stdin", ids)
    else:
        yield _from_page(text, kind, "stdin", origin, ids)


def _read_jsonl(fh, origin: str, stem: str, ids: _Ids) -> Iterator[Article | Failure]:
    head = fh.read(8192)
    if not head:
        yield Failure(origin, "empty file")
        return
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # also the UTF-32 marks
        try:
            text = decode_bytes(head + fh.read())
        except IngestError as exc:
            yield Failure(origin, str(exc))
            return
        yield from _jsonl_lines(iter(text.split("\n")), origin, stem, ids)
        return
    if head.count(b"\x00") > len(head) * 0.1 or (b"\x00" in head and b"{" not in head):
        yield Failure(origin, "binary file")
        return
    fh.seek(0)
    yield from _jsonl_lines(_decoded_lines(fh), origin, stem, ids)


def _decoded_lines(fh) -> Iterator[str | IngestError]:
    """Lines of a JSON Lines file, each decoded on its own: one file may mix encodings."""
    for n, raw in enumerate(fh):
        if n == 0 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            if not raw.strip():
                yield ""
                continue
            text = decode_chinese(raw.rstrip(b"\r\n"))
            yield text if text is not None else IngestError(UNDECODABLE)


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "a boolean", type(None): "null"}


def _jsonl_lines(lines: Iterator[str | IngestError], origin: str, stem: str, ids: _Ids) -> Iterator[Article | Failure]:
    any_line = False
    for n, line in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if isinstance(line, IngestError):
            any_line = True
            yield Failure(where, str(line))
            continue
        line = line.rstrip("\r\n")
        if n == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        any_line = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Failure(where, "invalid JSON: nested too deeply")
            continue
        yield _from_record(record, where, f"{stem}-{n}", ids)
    if not any_line:
        yield Failure(origin, "only white space")


def _from_record(record: object, origin: str, default_id: str, ids: _Ids) -> Article | Failure:
    from kg.cleaning import normalize_date

    if not isinstance(record, dict):
        return Failure(origin, f"JSON line is not an object (it is {_JSON_TYPES.get(type(record), 'a value')})")
    key = "text" if "text" in record else "content" if "content" in record else None
    if key is None:
        return Failure(origin, 'no "text" or "content" field')
    text = record[key]
    if not isinstance(text, str):
        return Failure(origin, f'"{key}" is {_JSON_TYPES.get(type(text), "not a string")}, not a string')
    if not text.strip():
        return Failure(origin, f'empty "{key}"')
    rid = record.get("id")
    base = str(rid).strip() if isinstance(rid, (str, int)) and not isinstance(rid, bool) else ""
    lang = _field(record, "lang")
    return Article(
        id=ids.claim(base or default_id),
        text=text,
        title=normalize_text(_field(record, "title") or "").replace("\n", " "),
        date=normalize_date(_field(record, "date") or ""),
        source=_field(record, "source"),
        publisher=_field(record, "publisher"),
        author=_field(record, "author"),
        url=_field(record, "url"),
        lang=lang or detect_lang(text),
        origin=origin,
    )


def _field(record: dict, name: str) -> str | None:
    """A metadata field as a clean one-line string; lists of strings are joined, other types dropped."""
    value = record.get(name)
    if isinstance(value, list):
        value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = normalize_text(value).replace("\n", " ")
    return value or None


def _from_page(raw: str, kind: str, base: str, origin: str, ids: _Ids) -> Article | Failure:
    from kg.cleaning import CleanPage, clean_page
    from kg.htmltext import markdown_to_text

    meta: dict[str, str] = {}
    if kind == "html":
        from kg.htmltext import html_to_article_parts

        title, body, meta = html_to_article_parts(raw)
        body = normalize_text(body)
        if not body:
            return Failure(origin, "no article text")
        page = CleanPage(normalize_text(title).replace("\n", " "), body)
    else:
        text = normalize_text(raw)
        if not text:
            return Failure(origin, "only white space")
        if kind == "md":
            text, meta = markdown_to_text(text)
        page = clean_page(text)
        if meta.get("title") and page.title != meta["title"]:
            body = "\n".join(ln for ln in page.body.split("\n") if ln != meta["title"])
            page = CleanPage(meta["title"], body or page.body, page.date, page.source, page.publisher, page.author)
    if not page.body:
        return Failure(origin, "no article text (only navigation, bylines or footer)")
    return Article(
        id=ids.claim(base),
        text=page.body,
        title=page.title,
        date=meta.get("date") or page.date,
        source=meta.get("source") or page.source,
        publisher=meta.get("publisher") or page.publisher,
        author=meta.get("author") or page.author,
        url=meta.get("url"),
        lang=detect_lang(page.body),
        origin=origin,
    )
