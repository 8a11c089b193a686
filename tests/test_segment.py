"""Segmentation: sentences and tokens point into the article text, for both backends."""

from __future__ import annotations

import pytest

from kg.errors import PatternError
from kg.records import Article
from kg.resources import ontology_dir
from kg.segment import load_userdict, make_tagger, segment, split_sentences

SENTENCES = [
    ("OpenAI发布Sora。它能生成视频！", ["OpenAI发布Sora。", "它能生成视频！"]),
    ("他说：“模型很强。”随后离开。", ["他说：“模型很强。”", "随后离开。"]),
    ("第一行\n\n第二行", ["第一行", "第二行"]),
    ("  前后空白。  ", ["前后空白。"]),
    ("", []),
    # a photo credit closes its caption; a 资料图 inside a sentence does not
    ("合肥 视觉中国 资料图 开发DeepSeek的公司深度求索。", ["合肥 视觉中国 资料图", "开发DeepSeek的公司深度求索。"]),
    ("这张资料图显示了工厂。", ["这张资料图显示了工厂。"]),
    # 图源：X closes the credit of a picture; a credit naming a reporter who took it runs on to the name
    ("图源：视觉中国 蓝鲸新闻2月10日讯（记者 翟智超）手机行业迎来变革。",
     ["图源：视觉中国", "蓝鲸新闻2月10日讯（记者 翟智超）手机行业迎来变革。"]),
    ("图片来源：每经记者 孔泽思 摄 值得注意的是。", ["图片来源：每经记者 孔泽思 摄 值得注意的是。"]),
    ("图源：新华社 张三/摄 会场一角。", ["图源：新华社 张三/摄 会场一角。"]),
    ("图片来自视觉中国 蓝鲸新闻2月11日讯（记者 武静静）出海。", ["图片来自视觉中国", "蓝鲸新闻2月11日讯（记者 武静静）出海。"]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_segment_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_segment_long_run_without_punctuation_is_cut_into_bounded_pieces():
    text = "字" * 5000
    spans = split_sentences(text)
    assert spans[0][0] == 0 and spans[-1][1] == 5000
    assert all(e - s <= 400 for s, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_segment_tokens_point_into_text(backend):
    text = "浙江大学上海高等研究院常务副院长吴飞教授表示，  OpenAI 发布了 Sora 😀！"
    tagger = make_tagger(backend, load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
    sents = segment(Article(id="a", text=text), tagger)
    for s in sents:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text and t.pos
    words = [t.text for s in sents for t in s.tokens]
    assert "吴飞" in words and "OpenAI" in words


def test_segment_user_dictionary_words_stay_whole():
    tagger = make_tagger("rjieba", [("视频生成模型", 5000, "nz")])
    assert ("视频生成模型", "nz") in tagger.tag("这是视频生成模型")


def test_segment_bad_userdict_row_names_file_and_line(tmp_path):
    p = tmp_path / "userdict.txt"
    p.write_text("文心一言 2000 nz\n坏行 abc def ghi\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"userdict.txt:2: bad user dictionary row '坏行 abc def ghi'"):
        load_userdict(p)


def test_segment_unknown_backend():
    with pytest.raises(ValueError, match="unknown segmenter 'hanlp'"):
        make_tagger("hanlp")


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_segment_traditional_text_is_cut_like_simplified(backend):
    """The dictionary is Simplified: Traditional words come out whole, tokens keep the article's own script."""
    tagger = make_tagger(backend)
    trad = Article(id="t", text="輝達行政總裁表示，處理器需求強勁。")
    simp = Article(id="s", text="辉达行政总裁表示，处理器需求强劲。")
    t_tokens = [(t.start, t.end, t.pos) for s in segment(trad, tagger) for t in s.tokens]
    s_tokens = [(t.start, t.end, t.pos) for s in segment(simp, tagger) for t in s.tokens]
    assert t_tokens == s_tokens
    words = [t.text for s in segment(trad, tagger) for t in s.tokens]
    assert "處理器" in words and all(trad.text[a:b] == w for (a, b, _), w in zip(t_tokens, words))


def test_segment_a_list_of_related_articles_after_the_article_gives_no_sentences():
    text = "微軟投資了Mistral。 相關文章： 比亞迪市值為何遠不及Tesla？｜周顯"
    sents = segment(Article(id="a", text=text), make_tagger("jieba"))
    assert [s.text for s in sents] == ["微軟投資了Mistral。"]


def test_segment_a_verb_of_saying_is_not_swallowed_by_the_word_before_it():
    tagger = make_tagger("rjieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
    for text in ("李彦宏在接受采访时称，模型很好。", "OpenAI在声明中称，模型很好。", "马斯克在发布会上称，模型很好。"):
        assert "称" in [w for w, _ in tagger.tag(text)], text
