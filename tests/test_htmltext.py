"""HTML pages: main text, title and metadata, with page furniture left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.htmltext import html_to_article_parts

ROOT = Path(__file__).resolve().parents[1]


def test_htmltext_example_page() -> None:
    html = (ROOT / "examples" / "articles" / "deepseek-v3.html").read_text(encoding="utf-8")
    title, body, meta = html_to_article_parts(html)
    assert title == "深度求索发布DeepSeek-V3 训练成本引发关注"
    assert meta == {
        "date": "2024-12-26T18:20:00+08:00",
        "source": "示例科技网",
        "author": "周宁",
        "url": "https://tech.example.com/2024/12/26/deepseek-v3.html",
    }
    paragraphs = body.split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("12月26日，人工智能公司深度求索（DeepSeek）发布并开源")
    for junk in ("dataLayer", "font-family", "首页", "登录", "分享到", "热门文章", "版权所有", "ICP", "广告位", "记者 周宁"):
        assert junk not in body


def test_htmltext_densest_paragraphs_without_article_tag() -> None:
    html = (ROOT / "tests" / "data" / "pages" / "no-article-tag.html").read_text(encoding="utf-8")
    title, body, meta = html_to_article_parts(html)
    assert title == "华为发布昇腾新品"
    assert body == (
        "8月30日，华为在上海发布了新一代昇腾人工智能芯片。\n"
        "华为表示，新芯片基于自研的达芬奇架构，已与多家互联网公司合作开展测试。\n"
        "分析人士认为，国产算力的供给将进一步改善。"
    )
    assert meta == {"date": "2024-08-30T09:15:00", "source": "示例网"}


@pytest.mark.parametrize(
    ("html", "title", "body"),
    [
        # og:title wins over <title>
        ('<head><title>站点首页</title><meta property="og:title" content="真正的标题"></head><p>正文内容比较长的一段话。</p>',
         "真正的标题", "正文内容比较长的一段话。"),
        # unclosed <p> tags and <br>
        ("<title>标题</title><body><p>第一段内容在这里。<p>第二段<br>换行以后的内容。</body>",
         "标题", "第一段内容在这里。\n第二段\n换行以后的内容。"),
        # entities are decoded, runs of white space collapse
        ("<title>A&amp;B</title><p>百度&nbsp;发布了\n\n   文心一言&#12290;</p>", "A&B", "百度 发布了 文心一言。"),
        # comments, <style>, <form>, <noscript> and share bars are dropped
        ("<title>标题</title><!-- 注释 --><style>p{}</style><form>搜索框</form><noscript>请开启脚本</noscript>"
         "<div class='share-bar'>分享</div><p>正文内容比较长的一段话。</p>", "标题", "正文内容比较长的一段话。"),
        # text outside any paragraph when the page has none
        ("<title>标题</title><body><div>只有一个div里的正文内容。</div></body>", "标题", "只有一个div里的正文内容。"),
        # inline elements do not split a paragraph
        ("<title>标题</title><p>百度<span>发布</span>了<b>文心</b><a href='/x'>一言</a>。</p>", "标题", "百度发布了文心一言。"),
        # stray end tags and a self-closed tag
        ("</div></p><title>标题</title><p>正文<span/>内容在这里。</p></b>", "标题", "正文内容在这里。"),
    ],
)
def test_htmltext_parts(html: str, title: str, body: str) -> None:
    got_title, got_body, _ = html_to_article_parts(html)
    assert (got_title, got_body) == (title, body)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>只有标题</title></head><body></body></html>",
        "<html><script>var a = '<p>不是正文</p>';</script></html>",
        "<nav><p>首页 科技 财经</p></nav><footer><p>版权所有</p></footer>",
        "<!-- <p>注释里的段落。</p> -->",
    ],
)
def test_htmltext_no_article_text(html: str) -> None:
    assert html_to_article_parts(html)[1] == ""


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ('<meta property="article:published_time" content="2024-02-24T05:43:00">', "2024-02-24T05:43:00"),
        ('<meta name="pubdate" content="2024-02-24">', "2024-02-24"),
        ('<meta name="publishdate" content="2024年2月24日">', "2024-02-24"),
        ('<meta name="date" content="2024/02/24 05:43">', "2024-02-24T05:43:00"),
        ('<meta itemprop="datePublished" content="2024-02-24">', "2024-02-24"),
    ],
)
def test_htmltext_meta_dates(meta: str, date: str) -> None:
    _, _, got = html_to_article_parts(f"<head>{meta}</head><p>正文内容比较长的一段话。</p>")
    assert got["date"] == date


def test_htmltext_time_element_and_byline_in_body() -> None:
    html = (
        "<title>标题</title><article><time datetime='2024-03-01T08:00:00'>3月1日</time>"
        "<p>记者 张三</p><p>本文转自:文汇报</p><p>正文内容比较长的一段话。</p></article>"
    )
    _, body, meta = html_to_article_parts(html)
    assert body == "正文内容比较长的一段话。"
    assert (meta["date"], meta["author"], meta["publisher"]) == ("2024-03-01T08:00:00", "张三", "文汇报")


def test_htmltext_large_broken_markup_finishes() -> None:
    html = "<p>" + "人工智能" * 250_000 + "</p>" + "<" * 50_000 + "<div>" * 20_000
    _, body, _ = html_to_article_parts(html)
    assert body.startswith("人工智能人工智能")
