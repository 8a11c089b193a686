"""Entity recognition: gazetteer, patterns and CRF together, and the loading errors."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.entities import find_mentions, load_recognizer, org_parent
from kg.errors import ModelError, OntologyError, PatternError
from kg.ner import load_labeller
from kg.records import Article
from kg.resources import ENTITY_CLASSES, ontology_dir
from kg.segment import segment


def _mentions(text: str, models) -> list[tuple[str, str]]:
    a = Article(id="t", text=text)
    return [(m.text, m.label) for m in find_mentions(a, segment(a, models.tagger), models.recognizer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI发布GPT-4o。", [("OpenAI", "Organization"), ("GPT-4o", "AIModel")]),
        ("谷歌发布了Gemini 1.5 Pro模型。", [("谷歌", "Organization"), ("Gemini 1.5 Pro", "AIModel")]),
        ("阿里巴巴推出Qwen2.5-Max。", [("阿里巴巴", "Organization"), ("Qwen2.5-Max", "AIModel")]),
        ("Meta开源了Llama 3.1 405B。", [("Meta", "Organization"), ("Llama 3.1 405B", "AIModel")]),
        ("Anthropic发布Claude 3.5 Sonnet模型。", [("Claude 3.5 Sonnet", "AIModel")]),
        ("山姆·阿尔特曼表示，公司将继续开源。", [("山姆·阿尔特曼", "Person")]),
        ("百度创始人李彦宏在会上发言。", [("百度", "Organization"), ("李彦宏", "Person")]),
        ("研究团队使用了人类反馈强化学习（RLHF）。", [("人类反馈强化学习", "Technology"), ("RLHF", "Technology")]),
        ("研究人员发表论文《Attention Is All You Need》。", [("Attention Is All You Need", "Publication")]),
        ("輝達執行長黃仁勳出席發佈會。", [("輝達", "Organization"), ("黃仁勳", "Person")]),
        ("DeepSeek-R1采用了混合专家架构和强化学习。", [("DeepSeek-R1", "AIModel"), ("强化学习", "Technology")]),
        ("IT之家 2 月 8 日消息，" + "这是一篇关于新模型的报道，" * 12, [("IT之家", "Organization")]),
    ],
)
def test_entities_golden(text, expected, models):
    found = _mentions(text, models)
    for item in expected:
        assert item in found, (item, found)


@pytest.mark.parametrize(
    "text",
    [
        "这项技术依赖模型、公司和平台的合作。",
        "人工智能和大模型正在改变行业。",
        "电影《哪吒之魔童闹海》票房突破百亿。",
        "英伟达H100 GPU供不应求。",
    ],
)
def test_entities_generic_words_and_non_entities(text, models):
    found = _mentions(text, models)
    assert not [f for f in found if f[0] in {"技术", "模型", "公司", "平台", "人工智能", "大模型", "H100"}]
    assert not [f for f in found if f[1] == "Publication"]


def test_entities_company_sense_of_a_shared_name(models):
    found = _mentions("DeepSeek团队在杭州发布了新模型，DeepSeek-V3表现出色。", models)
    assert ("DeepSeek", "Organization") in found
    assert ("DeepSeek-V3", "AIModel") in found


def test_entities_nested_organization_is_one_mention(models):
    found = _mentions("浙江大学上海高等研究院常务副院长吴飞教授介绍了成果。", models)
    assert ("吴飞", "Person") in found
    assert ("浙江大学上海高等研究院", "Organization") in found
    assert not any(t == "浙江大学" for t, _ in found)
    assert org_parent("浙江大学上海高等研究院", models.recognizer) == "浙江大学"


def _check_invariants(article: Article, mentions) -> None:
    last_end = -1
    for m in mentions:
        assert m.start >= last_end
        assert m.start < m.end
        assert m.text == article.text[m.start : m.end]
        assert m.label in ENTITY_CLASSES
        assert 0.0 <= m.confidence <= 1.0
        assert m.source == "crf" or m.source.startswith(("lexicon:", "pattern:"))
        last_end = m.end


def test_entities_invariants_on_a_news_paragraph(models):
    a = Article(
        id="n",
        text="财联社2月12日讯，苹果公司正与阿里巴巴合作，为中国iPhone用户开发AI功能。"
        "苹果CEO库克表示，Apple Intelligence尚未在中国推出。百度（9888）宣布文心一言免费。",
    )
    ms = find_mentions(a, segment(a, _tagger(models)), models.recognizer)
    _check_invariants(a, ms)
    assert len(ms) >= 5


def _tagger(models):
    return models.tagger


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("谷歌百度发布模型李彦宏教授说《》（）()·、，。 ABCGPT-4o1.5")), max_size=60))
def test_entities_invariants_on_any_text(models, text):
    a = Article(id="h", text=text)
    _check_invariants(a, find_mentions(a, segment(a, models.tagger), models.recognizer))


def test_entities_recognizer_pickles(models):
    rec = pickle.loads(pickle.dumps(models.recognizer))
    a = Article(id="p", text="百度创始人李彦宏发布文心一言。")
    s = segment(a, models.tagger)
    assert find_mentions(a, s, rec) == find_mentions(a, s, models.recognizer)


def _ontology_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), dst)
    return dst


def test_entities_bad_gazetteer_row_is_quoted(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"label": "Organization", "pattern": ""}\n', encoding="utf-8")
    with pytest.raises(PatternError) as err:
        load_recognizer(d)
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert f"entities.jsonl:{n}" in str(err.value) and '"pattern": ""' in str(err.value).replace("'", '"')


def test_entities_undeclared_label_is_rejected(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"label": "Company", "pattern": "某某", "id": "x"}\n',
                    encoding="utf-8")
    with pytest.raises((PatternError, OntologyError), match="Company"):
        load_recognizer(d)


def test_entities_bad_json_is_quoted(tmp_path):
    d = _ontology_copy(tmp_path)
    path = d / "patterns" / "entities.jsonl"
    path.write_text('{"label": "Organization", "pattern": "百度", "id": "baidu"\n', encoding="utf-8")
    with pytest.raises(PatternError, match="entities.jsonl:1"):
        load_recognizer(d)


def test_entities_missing_or_broken_model(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        load_labeller(tmp_path / "none.crfsuite")
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        load_labeller(bad)
