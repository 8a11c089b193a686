"""Salient keywords: TF-IDF over noun-like tokens, entity spans as whole terms, generic words out."""

from __future__ import annotations

import pytest

from kg.errors import ModelError, PatternError
from kg.keywords import load_idf, load_stopwords, salient_keywords
from kg.records import Article, Mention, Sentence, Token
from kg.segment import make_tagger, segment


def _sentence(words: list[tuple[str, str]], start: int = 0, aid: str = "a") -> Sentence:
    toks, pos = [], start
    for w, tag in words:
        toks.append(Token(pos, pos + len(w), w, tag))
        pos += len(w)
    return Sentence(aid, start, pos, "".join(w for w, _ in words), tuple(toks))


@pytest.mark.parametrize(
    "words, n, expected",
    [
        # generic news words (记者, 报道, 公司) and verbs are never keywords
        ([("记者", "n"), ("报道", "v"), ("量子计算", "n"), ("芯片", "n"), ("。", "x")], 5, ("量子计算", "芯片")),
        # counts matter: the repeated term comes first
        ([("芯片", "n"), ("光刻机", "n"), ("光刻机", "n"), ("。", "x")], 1, ("光刻机",)),
        # numbers, single characters and punctuation are left out
        ([("2025", "m"), ("年", "m"), ("3月", "t"), ("100亿", "m"), ("云", "n"), ("，", "x"), ("算力", "n")], 5, ("算力",)),
        # Latin words need two letters; English filler words are stop-words
        ([("the", "eng"), ("A", "eng"), ("Transformer", "eng"), ("架构", "n")], 5, ("Transformer", "架构")),
        ([("芯片", "n")], 0, ()),
    ],
)
def test_keywords_golden(words, n, expected):
    assert salient_keywords((_sentence(words),), (), n) == expected


def test_keywords_entity_span_is_one_term():
    s = _sentence([("英伟达", "nz"), ("发布", "v"), ("Blackwell", "eng"), ("架构", "n"), ("。", "x")])
    m = Mention("a", 5, 17, "Blackwell架构", "Technology")
    out = salient_keywords((s,), (m,), 5)
    assert out == ("Blackwell架构", "英伟达")  # tokens inside the mention do not count on their own


def test_keywords_rare_beats_common_at_equal_count():
    idf = load_idf()
    assert idf("公司") < idf("光刻机")
    s = _sentence([("市场", "n"), ("光刻机", "n"), ("。", "x")])
    assert salient_keywords((s,), (), 2)[0] == "光刻机"


def test_keywords_ties_go_to_the_earlier_term():
    a = _sentence([("钍矿", "n"), ("氙灯", "n")])  # neither is in the table: same (default) IDF
    b = _sentence([("氙灯", "n"), ("钍矿", "n")])
    assert salient_keywords((a,), (), 2) == ("钍矿", "氙灯")
    assert salient_keywords((b,), (), 2) == ("氙灯", "钍矿")


def test_keywords_traditional_and_simplified_count_together():
    s = _sentence([("晶片", "n"), ("數據中心", "n"), ("数据中心", "n"), ("。", "x")])
    out = salient_keywords((s,), (), 1)
    assert out in (("數據中心",), ("数据中心",))


def test_keywords_stopwords_cover_generic_news_words():
    stop = load_stopwords()
    assert {"记者", "目前", "公司", "表示"} & stop == {"记者", "目前", "公司"}
    assert "记者" in stop and "量子计算" not in stop


def test_keywords_real_segmentation_is_deterministic():
    text = "英伟达发布新一代GPU芯片。英伟达称，新GPU芯片的算力大幅提升，数据中心客户已开始测试GPU。"
    sents = segment(Article(id="a", text=text), make_tagger("jieba"))  # plain jieba splits 英伟达 ...
    assert "英伟达" not in salient_keywords(sents, (), 4)
    mentions = tuple(Mention("a", i, i + 3, "英伟达", "Organization") for i in (0, 13))  # ... the mentions join it
    first = salient_keywords(sents, mentions, 4)
    assert set(first[:3]) == {"英伟达", "GPU", "芯片"}
    assert salient_keywords(sents, mentions, 4) == first


def test_keywords_bad_idf_row_is_a_model_error(tmp_path):
    p = tmp_path / "idf.txt"
    p.write_text("# docs=10\n芯片\tabc\n", encoding="utf-8")
    with pytest.raises(ModelError, match="idf.txt:2"):
        load_idf(str(p))
    p.write_text("芯片\t1.0\n", encoding="utf-8")
    with pytest.raises(ModelError, match="docs=N"):
        load_idf(str(p))


def test_keywords_bad_stopword_row_is_a_pattern_error(tmp_path):
    p = tmp_path / "stop.txt"
    p.write_text("# comment\n记者\n两个 词\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"stop.txt:3: bad stop-word row '两个 词'"):
        load_stopwords(str(p))
