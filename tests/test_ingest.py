"""Reading articles: the example folder, ids, JSON Lines fields, encodings, language, normalization."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import decode_bytes, detect_lang, normalize_text, read_inputs, slugify
from kg.records import Article, Failure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def _articles(*paths, stdin=None) -> list[Article]:
    items = list(read_inputs([str(p) for p in paths], stdin=stdin))
    assert all(isinstance(x, Article) for x in items), items
    return items  # type: ignore[return-value]


# --- the example folder ----------------------------------------------------------------------------

EXPECTED = [
    # id, title, date, source, publisher, author, lang, origin (relative)
    ("openai-sora", "OpenAI发布视频生成模型Sora", "2024-02-16", "示例科技网", None, None, "zh-CN", "ai-news.jsonl:1"),
    ("baidu-ernie", "李彦宏：文心一言用户规模突破一亿", "2023-12-28", "示例科技网", None, "张明", "zh-CN", "ai-news.jsonl:2"),
    ("qwen-max", "阿里云发布Qwen2.5-Max 腾讯领投AI初创公司", "2025-01-29T10:30:00", "示例财经网", None, None, "zh-CN", "ai-news.jsonl:3"),
    ("deepseek-v3", "深度求索发布DeepSeek-V3 训练成本引发关注", "2024-12-26T18:20:00+08:00", "示例科技网", None, "周宁", "zh-CN", "deepseek-v3.html"),
    ("hk-microsoft-nvidia", "微軟擴大與OpenAI合作 輝達發布新一代AI晶片", "2024-03-20", None, None, None, "zh-HK", "hk-microsoft-nvidia.txt"),
    ("iflytek-spark-gbk", "科大讯飞发布讯飞星火大模型V4.0", None, None, "示例日报", "张明", "zh-CN", "iflytek-spark-gbk.txt"),
    ("sora-diffusion-crawled", "扩散模型如何让Sora“画”出视频？专家解读生成式人工智能", "2024-02-24T05:43:00", "某某网", "文汇报", "吴飞", "zh-CN", "sora-diffusion-crawled.txt"),
    ("sparse-attention", "清华团队提出稀疏注意力新方法 长文本推理提速三倍", "2024-07-15", "示例科技周刊", None, "林晓", "zh-CN", "sparse-attention.md"),
]


def test_ingest_example_folder_metadata() -> None:
    got = [
        (a.id, a.title, a.date, a.source, a.publisher, a.author, a.lang, str(Path(a.origin).relative_to(EXAMPLES)))
        for a in _articles(EXAMPLES)
    ]
    assert got == EXPECTED


def test_ingest_example_articles_are_clean_and_long_enough() -> None:
    for a in _articles(EXAMPLES):
        assert a.text == a.text.strip() and "\n\n" not in a.text and "\r" not in a.text
        if not a.origin.endswith(".jsonl:1") and ".jsonl" not in a.origin:
            assert 300 <= len(a.text) <= 900, (a.id, len(a.text))
        for junk in ("http", "<", "■", "以上内容为", "分享到", "（完）", "---", "**", "!["):
            assert junk not in a.text, (a.id, junk)


def test_ingest_jsonl_text_is_the_record_text_exactly() -> None:
    records = [json.loads(line) for line in (EXAMPLES / "ai-news.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a.text for a in _articles(EXAMPLES / "ai-news.jsonl")] == [r["text"] for r in records]


def test_ingest_readme_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# 说明\n这个文件夹的说明。")
    (tmp_path / ".draft.txt").write_text("草稿\n草稿内容。")
    (tmp_path / "a.txt").write_text("标题\n正文内容。")
    assert [a.id for a in _articles(tmp_path)] == ["a"]
    # given by name, a README is read like any file
    assert [a.id for a in _articles(tmp_path / "README.md")] == ["readme"]


# --- ids and order ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("a", "a"),
        ("OpenAI Sora", "openai-sora"),
        ("科技/2024-02-24 新闻", "科技/2024-02-24-新闻"),
        ("ＡＩ新闻（一）", "ai新闻-一"),
        ("sub\\dir\\x", "sub/dir/x"),
        ("!!!", "article"),
    ],
)
def test_ingest_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_ingest_ids_and_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# 标题\n正文。")
    (tmp_path / "a.txt").write_text("标题\n正文。")
    (tmp_path / "c.jsonl").write_text('{"text": "一。"}\n{"id": "a", "text": "二。"}\n')
    (tmp_path / "A.TXT").write_text("标题\n正文。")
    single = tmp_path / "b" / "z.md"
    got = [(a.id, Path(a.origin).name) for a in _articles(tmp_path, single)]
    assert got == [("a", "A.TXT"), ("a-2", "a.txt"), ("b/z", "z.md"), ("c-1", "c.jsonl:1"), ("a-3", "c.jsonl:2"), ("z", "z.md")]


def test_ingest_same_run_twice_gives_same_ids() -> None:
    first = [a.id for a in _articles(EXAMPLES, EXAMPLES)]
    assert first == [a.id for a in _articles(EXAMPLES, EXAMPLES)]
    assert len(set(first)) == len(first) == 16


# --- JSON Lines fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        ({"title": "  标题\n第二行 "}, "title", "标题 第二行"),
        ({"date": "2024年2月24日"}, "date", "2024-02-24"),
        ({"date": "2024-02-24 05:43"}, "date", "2024-02-24T05:43:00"),
        ({"date": "上周"}, "date", None),
        ({"date": 20240224}, "date", None),
        ({"author": ["张三", "李四"]}, "author", "张三, 李四"),
        ({"author": "张三"}, "author", "张三"),
        ({"source": "示例网", "publisher": "文汇报", "url": "https://e.com/a"}, "publisher", "文汇报"),
        ({"url": "https://e.com/a"}, "url", "https://e.com/a"),
        ({"lang": "zh-TW"}, "lang", "zh-TW"),
        ({}, "lang", "zh-CN"),
        ({"title": None, "source": {"x": 1}}, "source", None),
        ({"id": "  with-space  "}, "id", "with-space"),
    ],
)
def test_ingest_jsonl_fields(tmp_path: Path, record: dict, field: str, value: object) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "百度发布文心一言。", **record}, ensure_ascii=False) + "\n")
    (article,) = _articles(path)
    assert getattr(article, field) == value


# --- language --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("百度发布文心一言，李彦宏表示将与更多企业合作。", "zh-CN"),
        ("微軟宣布與OpenAI擴大合作，輝達發布新一代圖形處理器。", "zh-HK"),
        ("香港科技園公司表示，本港初創企業的數據中心需求增加。", "zh-HK"),
        ("這款軟體透過網路更新，影片品質大幅提升。", "zh-TW"),
        ("OpenAI released Sora.", "zh-CN"),
        ("著名学者发表了演讲。", "zh-CN"),  # one character that differs in a mainly Simplified text
    ],
)
def test_ingest_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_ingest_detect_lang_agrees_with_real_news(shared_data: Path) -> None:
    path = shared_data / "news" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    pairs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("lang") in ("zh-CN", "zh-HK"):
                pairs.append((record["lang"] == "zh-CN", detect_lang(record["text"]) == "zh-CN"))
    agree = sum(gold == got for gold, got in pairs)
    assert len(pairs) > 1000 and agree >= 0.995 * len(pairs)


# --- encodings and normalization -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("吴飞教授".encode(), "吴飞教授"),
        (b"\xef\xbb\xbf" + "吴飞教授".encode(), "吴飞教授"),
        ("吴飞教授".encode("utf-16"), "吴飞教授"),
        ("吴飞教授".encode("utf-16-le").join([b"\xff\xfe", b""]), "吴飞教授"),
        ("吴飞教授".encode("utf-32"), "吴飞教授"),
        ("吴飞教授".encode("gbk"), "吴飞教授"),
        ("吴飞教授".encode("gb2312"), "吴飞教授"),
        ("人工智能的发展".encode("gb2312"), "人工智能的发展"),
        ("科技新闻".encode("gb2312"), "科技新闻"),  # also valid Big5 bytes: GB18030 is preferred
        ("吳飛教授說人工智慧".encode("big5"), "吳飛教授說人工智慧"),
        ("香港的科技公司".encode("big5hkscs"), "香港的科技公司"),
        ("微軟與OpenAI合作。".encode("cp950"), "微軟與OpenAI合作。"),
        ("𠀀和€".encode("gb18030"), "𠀀和€"),
        ("吴飞教授".encode()[:-1], "吴飞教"),
    ],
)
def test_ingest_decode_bytes(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03", "binary file"),
        (b"caf\xe9 menu", "cannot decode: not UTF-8, UTF-16, GB18030 or Big5"),
        (b"\xff\xfe\x00\xdca\x00", "cannot decode as utf-16 although it starts with its byte order mark"),
    ],
)
def test_ingest_decode_bytes_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert str(info.value) == reason


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("百度\u200b\u200c\u200d\ufeff\u2060发布", "百度发布"),
        ("a\x00b\x07c\x1bd\x7fe\x85f\x9fg", "abcdefg"),
        ("a\tb", "a\tb"),
        ("a    b\u00a0\u00a0c", "a b c"),
        ("　　段首缩进。  \n\n", "段首缩进。"),
        ("ＡＢＣ１２３", "ＡＢＣ１２３"),  # no NFKC
    ],
)
def test_ingest_normalize_text(raw: str, text: str) -> None:
    assert normalize_text(raw) == text


# --- formats ---------------------------------------------------------------------------------------


def test_ingest_markdown_markup_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# 百度发布文心一言\n\n![图](a.png)\n\n百度**今天**发布了[文心一言](https://e.com)。\n\n"
        "- 支持多模态输入和长文本理解\n1. 面向开发者开放接口调用\n\n```\ncode\n```\n> 引用的一句话。\n---\n"
    )
    (a,) = _articles(path)
    assert a.title == "百度发布文心一言"
    assert a.text == "百度今天发布了文心一言。\n支持多模态输入和长文本理解\n面向开发者开放接口调用\ncode\n引用的一句话。"


@pytest.mark.parametrize(
    ("name", "data", "title", "text"),
    [
        ("page.htm", "<title>标题</title><p>正文内容在这里。</p>", "标题", "正文内容在这里。"),
        ("page.HTML", "<title>标题</title><p>正文内容在这里。</p>", "标题", "正文内容在这里。"),
        ("news.dat", '{"title": "记录", "text": "正文。"}\n', "记录", "正文。"),  # named on the command line: sniffed
        ("news.dat", "<!DOCTYPE html><title>网页</title><p>正文内容。</p>", "网页", "正文内容。"),
        ("news.dat", "标题\n正文。", "标题", "正文。"),
    ],
)
def test_ingest_formats_by_suffix_or_content(tmp_path: Path, name: str, data: str, title: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(data)
    (a,) = _articles(path)
    assert (a.title, a.text) == (title, text)


def test_ingest_gbk_example_file() -> None:
    raw = (EXAMPLES / "iflytek-spark-gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    (a,) = _articles(EXAMPLES / "iflytek-spark-gbk.txt")
    assert a.text.startswith("6月27日，科大讯飞在北京发布讯飞星火认知大模型V4.0。")
    assert a.text.endswith("谁就更有可能赢得用户。")


def test_ingest_stdin_and_files_share_ids(tmp_path: Path) -> None:
    (tmp_path / "stdin.txt").write_text("标题\n正文。")
    got = [a.id for a in _articles(tmp_path / "stdin.txt", "-", stdin=io.StringIO("标题\n另一篇。"))]
    assert got == ["stdin", "stdin-2"]


def test_ingest_failure_never_raises_for_iterating_lazily(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n正文。")
    it = read_inputs([tmp_path / "missing", tmp_path])
    assert isinstance(next(it), Failure)
    assert isinstance(next(it), Article)
