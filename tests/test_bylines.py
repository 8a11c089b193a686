"""Byline relations: an invited expert's article explains its main technologies; reporters explain nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import api
from kg.bylines import load_byline_rules
from kg.errors import OntologyError, PatternError
from kg.pipeline import extract
from kg.records import Article
from kg.resources import ontology_dir

ROOT = Path(__file__).resolve().parents[1]

EXPERT = (
    "编者按：本报特邀清华大学计算机系副教授陈立新撰文，介绍知识蒸馏等人工智能技术。"
    "所谓知识蒸馏，是让小模型学习大模型的输出。知识蒸馏能大幅降低推理成本。"
    "不少团队也在研究联邦学习。"
)


def _explains(article: Article, models) -> set[tuple[str, str, str]]:
    ex = extract(article, models)
    return {(r.subject.name, r.object.name, r.rule_id) for r in ex.relations if r.predicate == "explains"}


def test_bylines_invited_expert_explains_the_main_technologies(models):
    a = Article("e", EXPERT, title="专家解读知识蒸馏", author="陈立新")
    found = _explains(a, models)
    assert ("陈立新", "知识蒸馏", "byline-expert-explains") in found
    assert not any(obj == "联邦学习" for _, obj, _ in found), "mentioned once and not in the title: not a main subject"


def test_bylines_need_the_author_named_as_an_expert(models):
    reporter = EXPERT.replace("本报特邀清华大学计算机系副教授陈立新撰文", "本报记者陈立新报道")
    a = Article("r", reporter, title="专家解读知识蒸馏", author="陈立新")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(a, models))
    other = Article("o", EXPERT, title="专家解读知识蒸馏", author="王小明")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(other, models))
    anonymous = Article("n", EXPERT, title="专家解读知识蒸馏")
    assert not any(rule == "byline-expert-explains" for *_, rule in _explains(anonymous, models))


def test_bylines_crawled_example_page_gives_the_expert_relation(tmp_path):
    page = ROOT / "examples" / "articles" / "sora-diffusion-crawled.txt"
    out = tmp_path / "x.jsonl"
    api.extract([page], out)
    text = out.read_text(encoding="utf-8")
    assert '"subject": "吴飞", "subject_type": "Person", "predicate": "explains", "object": "扩散模型"' in text


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), dst)
    return dst


@pytest.mark.parametrize(
    ("row", "error", "words"),
    [
        ('{"id": "x", "relation": "explains", "objects": ["Technology"]}', PatternError, "expected the keys"),
        ('{"id": "x", "relation": "explains", "objects": ["Technology"], "cues": "特邀"}', PatternError, "cues must be"),
        ('{"id": "x", "relation": "explains", "objects": ["Technology"], "cues": ["特邀"], "min_mentions": 0}',
         PatternError, "min_mentions"),
        ('{"id": "x", "relation": "explain", "objects": ["Technology"], "cues": ["特邀"]}', OntologyError, "'explain'"),
        ('{"id": "x", "relation": "explains", "objects": ["Technique"], "cues": ["特邀"]}', OntologyError, "'Technique'"),
    ],
)
def test_bylines_bad_rule_names_file_and_line(tmp_path, row, error, words):
    d = _copy(tmp_path)
    path = d / "patterns" / "bylines.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(error) as err:
        load_byline_rules(d)
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert f"bylines.jsonl:{n}" in str(err.value) and words in str(err.value)


def test_bylines_absent_file_means_no_rules(tmp_path):
    d = _copy(tmp_path)
    (d / "patterns" / "bylines.jsonl").unlink()
    assert load_byline_rules(d) == ()
