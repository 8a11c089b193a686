"""Boilerplate removal for crawled news pages: what is dropped, what is kept, what is learnt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cleaning import CleanPage, clean_page, normalize_date

ROOT = Path(__file__).resolve().parents[1]
BODY = "百度今天发布了新一代文心大模型，并向开发者开放调用。"


def _with(line: str) -> CleanPage:
    """A page of title, one boilerplate line and a body paragraph."""
    return clean_page(f"百度发布新模型\n{line}\n{BODY}")


@pytest.mark.parametrize(
    "line",
    [
        "• 我的订阅",
        "• 科技",
        "· 财经",
        "首页 > 科技 > 正文",
        "当前位置：首页 > 科技",
        "首页 | 新闻 | 科技 | 财经",
        "登录 注册",
        "https://www.example.com/news/2024/0224.html",
        "www.example.com",
        "sora_cover.JPG",
        "images/2024/pic-01.png?w=640",
        "点击查看大图",
        "扫码关注",
        "分享到：微信 微博",
        "【字号：大 中 小】",
        "原标题：百度发布新一代模型",
        "图为发布会现场",
        "▲ 发布会现场",
        "图片来源：视觉中国",
        "编辑：赵六",
        "责任编辑：孙七",
        "免责声明",
        "（图片来源：视觉中国）",
        "欢迎关注示例科技微信公众号",
        "（本文为示例网原创，转载请注明出处）",
        "海量资讯、精准解读，尽在新浪财经APP",
        "【编辑：王五】",
        "新华社北京2月24日电",
    ],
)
def test_cleaning_drops_boilerplate_line(line: str) -> None:
    page = _with(line)
    assert (page.title, page.body) == ("百度发布新模型", BODY)
    assert page.removed == 1


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("■吴飞", "吴飞"),
        ("■ 本报记者 张三", "张三"),
        ("记者 张三", "张三"),
        ("本报记者张三 李四", "张三, 李四"),
        ("记者 张三 实习生 李四", "张三, 李四"),
        ("作者：李四", "李四"),
        ("作者 | 李四", "李四"),
        ("文/王五", "王五"),
        ("文 | 欧阳明", "欧阳明"),
        ("（记者 张三 李四）", "张三, 李四"),
        ("(记者 马丁)", "马丁"),
        ("新华社北京2月24日电（记者张三、李四）", "张三, 李四"),
        ("撰文：Alice Wang", "Alice Wang"),
    ],
)
def test_cleaning_byline_gives_author(line: str, author: str) -> None:
    page = _with(line)
    assert (page.body, page.author) == (BODY, author)


@pytest.mark.parametrize(
    "line",
    [
        "记者了解到",  # a sentence that starts like a byline
        "文化科技融合发展",
        "■科技",  # a box followed by a word that is not a name
        "分享经济正在改变出行方式",
        "2024年被称为大模型应用元年。",
        "发布会时间：2024年3月1日。",
    ],
)
def test_cleaning_keeps_body_line(line: str) -> None:
    page = _with(line)
    assert page.body == f"{line}\n{BODY}"
    assert page.author is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("类别:科技 发布时间:2024-02-24 05:43:00 来源:某某网", {"date": "2024-02-24T05:43:00", "source": "某某网"}),
        ("2024年09月24日 14:30  来源：示例新闻网  作者：刘洋", {"date": "2024-09-24T14:30:00", "source": "示例新闻网", "author": "刘洋"}),
        ("发布时间：2024/02/24", {"date": "2024-02-24"}),
        ("2024-02-24 05:43", {"date": "2024-02-24T05:43:00"}),
        ("时间：2024年2月24日 浏览次数：1024", {"date": "2024-02-24"}),
        ("本文转自:文汇报", {"publisher": "文汇报"}),
        ("转自：澎湃新闻", {"publisher": "澎湃新闻"}),
        ("来源：新华社", {"publisher": "新华社"}),
        ("（来源：人民日报）", {"publisher": "人民日报"}),
    ],
)
def test_cleaning_header_and_reprint_metadata(line: str, expected: dict[str, str]) -> None:
    page = _with(line)
    assert page.body == BODY
    got = {k: getattr(page, k) for k in ("date", "source", "publisher", "author") if getattr(page, k)}
    assert got == expected


@pytest.mark.parametrize(
    "footer",
    [
        "以上内容为资讯信息快照，由本站提供，不代表本站观点。\n其他新闻 2024-02-23",
        "本站信息快照查询为非营利公共服务。",
        "声明：该文观点仅代表作者本人，本平台仅提供信息存储空间服务。",
        "免责声明：本文仅代表作者观点。",
        "相关阅读\n另一篇报道 2024-02-23\n又一篇报道 2024-02-22",
        "相关文章\n另一篇报道",
        "推荐阅读：大模型的下一站",
        "版权声明：未经授权不得转载。",
        "（责任编辑：王五）\n猜你喜欢",
        "（完）\n阅读下一篇",
        "Copyright © 2024 示例网 版权所有",
    ],
)
def test_cleaning_drops_footer_and_everything_after(footer: str) -> None:
    page = clean_page(f"百度发布新模型\n{BODY}\n{footer}")
    assert (page.title, page.body) == ("百度发布新模型", BODY)


def test_cleaning_footer_words_before_the_body_do_not_cut_it() -> None:
    page = clean_page(f"百度发布新模型\n相关文章\n{BODY}\n第二段也是正文内容。")
    assert page.body == f"{BODY}\n第二段也是正文内容。"


def test_cleaning_trailing_dated_links_dropped() -> None:
    page = clean_page(f"标题\n{BODY}\n大模型价格战持续 2024-12-24\n芯片出口新规落地 2024/12/25 10:00")
    assert page.body == BODY


def test_cleaning_title_repeated_as_captions() -> None:
    page = clean_page(f"某某网 - 科技频道\nAI绘画走红\n{BODY}\nAI绘画走红\n图为AI绘画走红\n第二段正文。")
    assert page.title == "AI绘画走红"
    assert page.body == f"{BODY}\n第二段正文。"


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("百度推出文心一言\n百度今天推出文心一言。", "百度推出文心一言", "百度今天推出文心一言。"),
        ("百度今天推出文心一言。", "百度今天推出文心一言。", "百度今天推出文心一言。"),
        ("AI新闻_示例网\nAI新闻\n正文第一段。", "AI新闻", "正文第一段。"),
        ("百度发布新模型 - 示例新闻网\n正文第一段。", "百度发布新模型", "正文第一段。"),
        # a long first paragraph is body, not a headline
        (BODY * 4 + "\n第二段。", "", BODY * 4 + "\n第二段。"),
        ("", "", ""),
    ],
)
def test_cleaning_title_and_body(text: str, title: str, body: str) -> None:
    page = clean_page(text)
    assert (page.title, page.body) == (title, body)


def test_cleaning_example_crawled_page() -> None:
    page = clean_page((ROOT / "examples" / "articles" / "sora-diffusion-crawled.txt").read_text(encoding="utf-8"))
    assert page.title == "扩散模型如何让Sora“画”出视频？专家解读生成式人工智能"
    assert (page.date, page.source, page.publisher, page.author) == ("2024-02-24T05:43:00", "某某网", "文汇报", "吴飞")
    lines = page.body.split("\n")
    assert lines[0].startswith("编者按：OpenAI发布视频生成模型Sora后")
    assert lines[-1].endswith("也要警惕深度伪造等风险。")
    assert len(lines) == 5
    for junk in ("我的订阅", "首页", "http", ".png", "点击查看大图", "分享到", "以上内容为", "相关文章", "2024-02-23", "■"):
        assert junk not in page.body
    assert page.removed >= 15


def test_cleaning_portal_page_fixture() -> None:
    page = clean_page((ROOT / "tests" / "data" / "pages" / "portal-page.txt").read_text(encoding="utf-8"))
    assert page == CleanPage(
        title="字节跳动发布豆包视频生成模型",
        body=(
            "9月24日，字节跳动旗下火山引擎在深圳举办的大会上发布了两款豆包视频生成模型，面向企业市场开启邀测。\n"
            "火山引擎总裁表示，新模型采用高效的扩散模型架构，能够生成多镜头切换的视频，并保持人物形象一致。"
        ),
        date="2024-09-24T14:30:00",
        source="示例新闻网",
        publisher="示例晚报",
        author="刘洋, 张三, 李四",
        removed=14,
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-02-24", "2024-02-24"),
        ("2024/02/24", "2024-02-24"),
        ("2024.2.4", "2024-02-04"),
        ("2024年2月24日", "2024-02-24"),
        ("2024年02月24日 05:43", "2024-02-24T05:43:00"),
        ("2024-02-24 05:43", "2024-02-24T05:43:00"),
        ("2024-02-24 05:43:09", "2024-02-24T05:43:09"),
        ("2024-02-24T05:43:09Z", "2024-02-24T05:43:09Z"),
        ("2024-02-24T05:43:09.123+0800", "2024-02-24T05:43:09+08:00"),
        ("2024年2月24日5时43分", "2024-02-24T05:43:00"),
        ("发布时间：2024-02-24", "2024-02-24"),
        ("2024-02-30", None),
        ("2024-13-01", None),
        ("昨天", None),
        ("", None),
        ("12024-02-24", None),
    ],
)
def test_cleaning_normalize_date(text: str, iso: str | None) -> None:
    assert normalize_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "啊" * 1_000_000,
        "(" * 500_000 + ")" * 500_000,
        "记者" + " " * 1_000_000 + "张三",
        "\n".join(["• 科技"] * 200_000),
        "\n".join(["首页 > 科技 > 正文 2024-01-01"] * 100_000),
        "2024年" * 200_000,
    ],
)
def test_cleaning_large_pathological_pages_finish(text: str) -> None:
    page = clean_page(text)
    assert isinstance(page.body, str)
