"""Property tests: extraction of any Unicode text gives a valid graph and offsets inside the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline import extract
from kg.rdf import article_graph, build_graph, serialize
from kg.records import Article

# Pieces of news prose, so that generated texts also contain entities, relations and quotes.
_PIECES = [
    "OpenAI", "发布了", "视频生成模型", "Sora", "。", "百度", "创始人", "李彦宏", "表示", "：", "“", "”",
    "文心一言", "，", "清华大学", "教授", "张三", "在北京", "宣布", "DeepSeek-R1", "基于", "Transformer",
    "、", "！", "？", "\n", " ", "GPT-4o", "阿里巴巴", "通义千问", "谷歌", "Gemini 1.5 Pro", "说", "「",
    "」", "華為", "發佈", "人工智能", "大模型", "《", "报告", "》", "2025年1月", "（", "）", "首席执行官",
]

news_like = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), news_like)


def _check_offsets(text: str, ex) -> None:
    n = len(text)
    for s in ex.sentences:
        assert 0 <= s.start <= s.end <= n and text[s.start : s.end] == s.text
        for t in s.tokens:
            assert s.start <= t.start <= t.end <= s.end and text[t.start : t.end] == t.text
    mentions = list(ex.mentions)
    for r in ex.relations:
        mentions += [r.subject, r.object]
        assert 0 <= r.evidence_start <= r.evidence_end <= n
    for q in ex.quotes:
        assert 0 <= q.start <= q.end <= n and text[q.start : q.end] == q.text
        mentions += [q.speaker, *q.about]
    for m in mentions:
        assert 0 <= m.start < m.end <= n, m
        assert text[m.start : m.end] == m.text, m


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, title=st.text(max_size=20))
def test_extraction_properties_offsets_point_inside_the_text(models, text, title):
    ex = extract(Article(id="p", text=text, title=title), models)
    assert ex.article.text == text
    _check_offsets(text, ex)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, lang=st.sampled_from([None, "zh-CN", "zh-HK"]))
def test_extraction_properties_graph_is_valid_rdf(models, text, lang):
    ex = extract(Article(id="p", text=text, title=text[:10], lang=lang), models)
    g = article_graph(ex)
    for fmt in ("turtle", "nt"):
        data = serialize(g, fmt)
        back = Graph().parse(data=data.decode("utf-8"), format=fmt)
        assert isomorphic(back, g), fmt
    # the same extraction twice gives the same bytes
    assert serialize(build_graph([ex, ex]), "nt") == serialize(build_graph([ex]), "nt")


@pytest.mark.parametrize(
    "text",
    ["", " ", "。。。", "\u200b\u200b", "\x00\x01", "a" * 5000, "😀" * 50, "“" * 20, "OpenAI" * 200],
)
def test_extraction_properties_edge_texts(models, text):
    ex = extract(Article(id="e", text=text), models)
    _check_offsets(text, ex)
    assert len(article_graph(ex)) >= 2
