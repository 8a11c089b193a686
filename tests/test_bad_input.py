"""Bad input never stops a run: each unusable input is one Failure naming it, good ones still come through."""

from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import read_inputs
from kg.records import Article, Failure

GOOD = "百度推出文心一言\n百度今天推出了大语言模型文心一言。\n"


def _read(*paths, stdin=None) -> list[Article | Failure]:
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def _one(path: Path) -> Article | Failure:
    items = _read(path)
    assert len(items) == 1, items
    return items[0]


def _failure(path: Path) -> str:
    item = _one(path)
    assert isinstance(item, Failure), item
    return item.reason


# --- whole files that cannot be used -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n\xe3\x80\x80\n", "only white space"),  # U+3000 counts as space
        ("binary.txt", bytes(range(256)) * 8, "binary file"),
        ("nul.txt", "正文".encode() + b"\x00\x00\x01\x02" * 50, "binary file"),
        ("controls.txt", b"\x01\x02\x03\x04\x05\x06" * 100, "binary file"),
        ("latin1.txt", "caf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1"), "cannot decode: not UTF-8, UTF-16, GB18030 or Big5"),
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n \n\r\n", "only white space"),
        ("binary.jsonl", b"\x00" * 200 + bytes(range(256)), "binary file"),
        ("scripts.html", b"<html><head><title>T</title><script>var a = 1;</script></head>"
         b"<body><script>run()</script><style>p{}</style></body></html>", "no article text"),
        ("nav-only.txt", "• 首页\n• 科技\n首页 > 科技 > 正文\n分享到：微信 微博\n".encode(), "no article text (only navigation, bylines or footer)"),
    ],
)
def test_bad_input_unusable_file(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _read(path) == [Failure(str(path), reason)]


def test_bad_input_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _read(missing) == [Failure(str(missing), "no such file or directory")]


def test_bad_input_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never-written.txt")
    assert _read(link) == [Failure(str(link), "dangling symbolic link")]
    (tmp_path / "ok.txt").write_text(GOOD)
    assert [type(x).__name__ for x in _read(tmp_path)] == ["Failure", "Article"]


def test_bad_input_symlink_loop_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert _read(tmp_path / "a.txt") == [Failure(str(tmp_path / "a.txt"), "symbolic link loop")]
    assert {(Path(f.origin).name, f.reason) for f in _read(tmp_path)} == {
        ("a.txt", "symbolic link loop"),
        ("b.txt", "symbolic link loop"),
    }


def test_bad_input_symlink_loop_directory(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.txt").write_text(GOOD)
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    items = _read(tmp_path)
    assert [x.id for x in items if isinstance(x, Article)] == ["sub/ok"]
    assert [f.reason for f in items if isinstance(f, Failure)] == [
        "symbolic link loop (directory already being read)"
    ]


def test_bad_input_unreadable_file_in_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    bad = tmp_path / "b.txt"
    if os.geteuid() != 0:
        bad.write_text(GOOD)
        bad.chmod(0)
        expected = "cannot read: permission denied"
    else:
        # Running as root, chmod 000 does not stop reads; a FIFO is a file that cannot be
        # read as an article (opening it would block), so it stands in for an unreadable one.
        os.mkfifo(bad)
        expected = "not a regular file"
    (tmp_path / "c.txt").write_text(GOOD)
    try:
        items = _read(tmp_path)
    finally:
        if bad.is_file():
            bad.chmod(0o644)
    assert [x.id if isinstance(x, Article) else x.reason for x in items] == ["a", expected, "c"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories whatever their mode")
def test_bad_input_unreadable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        items = _read(tmp_path)
    finally:
        locked.chmod(0o755)
    assert items == [Failure(str(locked), "cannot read directory: permission denied")]


def test_bad_input_permission_errors_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same errors as chmod 000 gives a normal user, raised on purpose so that the test also
    # means something when run as root.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(GOOD)
    (tmp_path / "secret.txt").write_text(GOOD)
    (tmp_path / "z.txt").write_text(GOOD)
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert [x.id if isinstance(x, Article) else (Path(x.origin).name, x.reason) for x in _read(tmp_path)] == [
        ("locked", "cannot read directory: permission denied"),
        ("secret.txt", "cannot read: permission denied"),
        "z",
    ]


def test_bad_input_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(GOOD)
    assert [x.id for x in _read(tmp_path)] == ["folder-txt/inner"]


def test_bad_input_other_suffixes_ignored_silently(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / "b.json").write_text("[1, 2]")
    (tmp_path / "c.txt").write_text(GOOD)
    assert [x.id for x in _read(tmp_path)] == ["c"]


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text", "lang"),
    [
        ("gbk", "百度推出文心一言\n百度今天推出了大语言模型文心一言。", "zh-CN"),
        ("gb18030", "华为发布新模型\n华为发布新模型，支持生僻字𠀀和欧元符号€。", "zh-CN"),
        ("big5", "微軟擴大合作\n微軟宣布與OpenAI擴大合作，雙方將共同建設數據中心。", "zh-HK"),
        ("utf-16", "阿里云发布通义千问\n阿里云今天发布了通义千问。", "zh-CN"),
        ("utf-16-be", "\ufeff阿里云发布通义千问\n阿里云今天发布了通义千问。", "zh-CN"),
        ("utf-8-sig", "腾讯发布混元\n腾讯今天发布了混元大模型。", "zh-CN"),
    ],
)
def test_bad_input_encodings_decoded(tmp_path: Path, encoding: str, text: str, lang: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    item = _one(path)
    assert isinstance(item, Article)
    title, body = text.lstrip("\ufeff").split("\n")
    assert (item.title, item.text, item.lang) == (title, body, lang)


def test_bad_input_truncated_utf8_keeps_article(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("标题\n百度发布文心一言。".encode()[:-2])  # the last character loses 2 of its 3 bytes
    item = _one(path)
    assert isinstance(item, Article) and item.text == "百度发布文心一言"


def test_bad_input_mixed_encodings_in_one_jsonl(tmp_path: Path) -> None:
    texts = [("utf-8", "百度发布文心一言。"), ("gbk", "阿里云发布通义千问大模型。"), ("big5", "微軟發布新一代人工智能模型。")]
    lines = [json.dumps({"text": t}, ensure_ascii=False).encode(enc) for enc, t in texts]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = _read(path)
    assert [(x.text, x.lang) for x in items] == [(texts[0][1], "zh-CN"), (texts[1][1], "zh-CN"), (texts[2][1], "zh-HK")]


def test_bad_input_undecodable_jsonl_line_only_fails_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": "好的一行。"}).encode() + b"\n")
    items = _read(path)
    assert items[0] == Failure(f"{path}:1", "cannot decode: not UTF-8, UTF-16, GB18030 or Big5")
    assert isinstance(items[1], Article) and items[1].text == "好的一行。"


# --- JSON Lines records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "JSON line is not an object (it is an array)"),
        ('"只是字符串"', "JSON line is not an object (it is a string)"),
        ("42", "JSON line is not an object (it is a number)"),
        ("null", "JSON line is not an object (it is null)"),
        ('{"title": "没有正文"}', 'no "text" or "content" field'),
        ('{"text": 12345}', '"text" is a number, not a string'),
        ('{"text": ["a", "b"]}', '"text" is an array, not a string'),
        ('{"text": null}', '"text" is null, not a string'),
        ('{"content": true}', '"content" is a boolean, not a string'),
        ('{"text": ""}', 'empty "text"'),
        ('{"text": " \\n\\t\\u3000"}', 'empty "text"'),
        ('{"text": "未闭合"', "invalid JSON: Expecting ',' delimiter (column 15)"),
        ("{bad json}", "invalid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ('{"text": "a"} trailing', "invalid JSON: Extra data (column 15)"),
        ('{"text": "raw\x00nul"}', "invalid JSON: Invalid control character at (column 14)"),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
    ],
)
def test_bad_input_jsonl_bad_line_between_good_ones(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "news.jsonl"
    good = [json.dumps({"text": "第一篇文章。"}, ensure_ascii=False), json.dumps({"text": "第三篇文章。"}, ensure_ascii=False)]
    path.write_text("\n".join([good[0], line, good[1]]) + "\n", encoding="utf-8")
    items = _read(path)
    assert items[1] == Failure(f"{path}:2", reason)
    assert [(x.id, x.text) for x in (items[0], items[2])] == [("news-1", "第一篇文章。"), ("news-3", "第三篇文章。")]


def test_bad_input_jsonl_content_field_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('\n{"content": "用content字段。"}\n\n  \n{"text": "第五行。"}\n')
    assert [(x.id, x.text, x.origin) for x in _read(path)] == [
        ("a-2", "用content字段。", f"{path}:2"),
        ("a-5", "第五行。", f"{path}:5"),
    ]


def test_bad_input_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"id": "x1", "text": "第一行。"}\r\n{"text": "第二行。"}\r\n'.encode())
    assert [(x.id, x.text) for x in _read(path)] == [("x1", "第一行。"), ("bom-2", "第二行。")]


def test_bad_input_utf16_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    path.write_bytes('{"text": "第一行。"}\n{"text": "第二行。"}\n'.encode("utf-16"))
    assert [x.text for x in _read(path)] == ["第一行。", "第二行。"]


def test_bad_input_crlf_text_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("标题\r\n第一段。\r\n\r\n第二段。\r\n".encode())
    item = _one(path)
    assert (item.title, item.text) == ("标题", "第一段。\n第二段。")


def test_bad_input_nul_escapes_in_jsonl_text_kept_exactly(tmp_path: Path) -> None:
    text = "OpenAI\u0000发布\u0007Sora\u200b。"
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n")
    item = _one(path)
    assert isinstance(item, Article) and item.text == text  # offsets point into the record's own text


def test_bad_input_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps({"id": "same", "text": f"第{i}篇。"}) + "\n" for i in range(3)))
    (tmp_path / "same.txt").write_text(GOOD)
    assert [x.id for x in _read(path, tmp_path / "same.txt")] == ["same", "same-2", "same-3", "same-4"]


def test_bad_input_id_of_odd_type_falls_back_to_line(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": 7, "text": "数字。"}\n{"id": {"a": 1}, "text": "对象。"}\n{"id": "", "text": "空。"}\n')
    assert [x.id for x in _read(path)] == ["7", "ids-2", "ids-3"]


def test_bad_input_huge_single_json_line(tmp_path: Path) -> None:
    text = "人工智能" * 2_500_000  # 10 million characters on one line
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    item = _one(path)
    assert isinstance(item, Article) and len(item.text) == len(text)


# --- odd text -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_bad_input_50mb_article_without_punctuation(tmp_path: Path) -> None:
    rng = random.Random(7)
    chars = "人工智能模型数据算法百度阿里腾讯华为发布研发"
    body = "".join(rng.choices(chars, k=50_000_000 // 3))  # 3 bytes a character in UTF-8
    path = tmp_path / "big.txt"
    path.write_text("标题\n" + body, encoding="utf-8")
    assert path.stat().st_size >= 50_000_000
    item = _one(path)
    assert isinstance(item, Article) and item.title == "标题" and item.text == body


@pytest.mark.parametrize("char", ["啊", "a", "。", " ", "(", "•", "\u200b"])
def test_bad_input_one_megabyte_line_of_one_char(tmp_path: Path, char: str) -> None:
    path = tmp_path / "one.txt"
    path.write_text(char * 1_000_000, encoding="utf-8")
    item = _one(path)
    if char in (" ", "\u200b"):
        assert item == Failure(str(path), "only white space")
    else:
        assert isinstance(item, Article) and len(item.text) == 1_000_000


def test_bad_input_zero_width_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "zw.txt"
    path.write_text("百度\u200b推出\ufeff文心一言\n百度\u200d今天\x07推出了\u2060文心一言\x85。\x1b\n", encoding="utf-8")
    item = _one(path)
    assert (item.title, item.text) == ("百度推出文心一言", "百度今天推出了文心一言。")


def test_bad_input_emoji_kept(tmp_path: Path) -> None:
    path = tmp_path / "emoji.txt"
    path.write_text("🚀 新模型上线\n百度发布文心一言🎉，用户👍。\n", encoding="utf-8")
    item = _one(path)
    assert (item.title, item.text) == ("🚀 新模型上线", "百度发布文心一言🎉，用户👍。")


def test_bad_input_single_line_file_is_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("百度发布文心一言。")
    item = _one(path)
    assert (item.title, item.text) == ("百度发布文心一言。", "百度发布文心一言。")


# --- standard input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('{"text": "第一篇。"}\n{"oops": 1}\n', [("stdin-1", "第一篇。"), ("<stdin>:2", 'no "text" or "content" field')]),
        ("标题\n正文内容。\n", [("stdin", "正文内容。")]),
        ("<html><body><p>网页里的正文内容。</p></body></html>", [("stdin", "网页里的正文内容。")]),
        ("", [("<stdin>", "empty input")]),
        (" \n\n", [("<stdin>", "empty input")]),
    ],
)
def test_bad_input_stdin(data: str, expected: list[tuple[str, str]]) -> None:
    items = _read("-", stdin=io.StringIO(data))
    assert [(x.id, x.text) if isinstance(x, Article) else (x.origin, x.reason) for x in items] == expected


def test_bad_input_stdin_bytes_in_gbk() -> None:
    stream = io.TextIOWrapper(io.BytesIO("标题\n百度发布文心一言。".encode("gbk")))
    assert [x.text for x in _read("-", stdin=stream)] == ["百度发布文心一言。"]


def test_bad_input_stdin_missing() -> None:
    assert _read("-") == [Failure("<stdin>", "no standard input given")]


# --- properties ---------------------------------------------------------------------------------

_PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_PROPERTY
@given(text=st.text())
def test_bad_input_any_text_file_gives_article_or_failure(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    items = _read(path)
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, (Article, Failure))
    if isinstance(item, Article):
        assert isinstance(item.text, str) and item.text.strip()


@_PROPERTY
@given(data=st.binary(max_size=2000))
def test_bad_input_any_bytes_give_article_or_failure(tmp_path: Path, data: bytes) -> None:
    for name in ("any.txt", "any.jsonl", "any.html", "any.md"):
        path = tmp_path / name
        path.write_bytes(data)
        assert all(isinstance(x, (Article, Failure)) for x in _read(path))


@_PROPERTY
@given(text=st.text())
def test_bad_input_any_jsonl_text_kept_exactly_or_failure(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = _read(path)
    if text.strip():
        assert len(items) == 1 and isinstance(items[0], Article) and items[0].text == text
    else:
        assert items == [Failure(f"{path}:1", 'empty "text"')]


# --- the command line ------------------------------------------------------------------------------



def _build(tmp_path: Path, *paths: Path | str):
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(cli, ["build", *map(str, paths), "-o", str(out), "-j", "1", "-q"])
    return result, out


def _good_batch(folder: Path) -> list[str]:
    """Writes good articles of three kinds; returns their titles."""
    folder.mkdir()
    (folder / "a.txt").write_text("百度推出文心一言\n百度创始人李彦宏宣布，百度推出文心一言。\n")
    (folder / "b.jsonl").write_text(
        json.dumps({"title": "阿里云发布通义千问", "text": "阿里云今天发布了通义千问大模型。"}, ensure_ascii=False) + "\n"
    )
    (folder / "c.html").write_text("<html><head><title>腾讯发布混元</title></head><body><p>腾讯今天发布了混元大模型。</p></body></html>")
    return ["百度推出文心一言", "阿里云发布通义千问", "腾讯发布混元"]


@pytest.mark.parametrize(
    ("name", "data", "origin_suffix", "reason"),
    [
        ("empty.txt", b"", "", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "", "binary file"),
        ("blank.txt", b"\n  \n", "", "only white space"),
        ("broken.jsonl", b'{"text": "x"\n', ":1", "invalid JSON: Expecting ',' delimiter (column 13)"),
        ("number.jsonl", b'{"text": 3}\n', ":1", '"text" is a number, not a string'),
        ("list.jsonl", b"[1]\n", ":1", "JSON line is not an object (it is an array)"),
        ("scripts.html", b"<html><script>x()</script></html>", "", "no article text"),
        ("latin1.txt", b"caf\xe9 menu", "", "cannot decode: not UTF-8, UTF-16, GB18030 or Big5"),
    ],
)
def test_bad_input_cli_build_reports_and_keeps_good_articles(
    tmp_path: Path, name: str, data: bytes, origin_suffix: str, reason: str
) -> None:
    folder = tmp_path / "in"
    titles = _good_batch(folder)
    (folder / name).write_bytes(data)
    result, out = _build(tmp_path, folder)
    assert result.exit_code == 1
    assert f"kg: {folder / name}{origin_suffix}: {reason}" in result.stderr.splitlines()
    turtle = out.read_text(encoding="utf-8")
    assert all(t in turtle for t in titles)


def test_bad_input_cli_build_missing_path_and_dangling_link(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    titles = _good_batch(folder)
    (folder / "gone.txt").symlink_to(tmp_path / "never.txt")
    result, out = _build(tmp_path, folder, tmp_path / "missing.txt")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"kg: {folder / 'gone.txt'}: dangling symbolic link" in lines
    assert f"kg: {tmp_path / 'missing.txt'}: no such file or directory" in lines
    assert all(t in out.read_text(encoding="utf-8") for t in titles)


def test_bad_input_cli_build_all_good_exits_zero(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    titles = _good_batch(folder)
    result, out = _build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    assert all(t in out.read_text(encoding="utf-8") for t in titles)


def test_bad_input_cli_build_nothing_usable_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result, out = _build(tmp_path, tmp_path / "empty.txt")
    assert result.exit_code == 1
    assert f"kg: {tmp_path / 'empty.txt'}: empty file" in result.stderr.splitlines()
    assert not out.exists()
