"""The pipeline joins the stages: offsets stay valid and a bad article does not stop a batch."""

from __future__ import annotations

from kg import pipeline
from kg.records import Article, Extraction, Failure

TEXT = (
    "浙江大学上海高等研究院常务副院长吴飞教授表示，扩散模型是Sora的核心技术。"
    "百度创始人、董事长兼首席执行官李彦宏宣布，百度推出文心一言。"
)


def test_pipeline_stage_registry_lists_every_stage_in_order():
    assert pipeline.DEFAULT == ["segment", "entities", "link", "relations", "keywords"]
    assert all(callable(f) for f in pipeline.STAGES.values())


def test_pipeline_extract_joins_the_stages(models):
    ex = pipeline.extract(Article(id="a", text=TEXT), models)
    found = {(m.text, m.label) for m in ex.mentions}
    assert {("吴飞", "Person"), ("李彦宏", "Person"), ("文心一言", "AIModel"), ("百度", "Organization")} <= found
    rels = {(r.subject.name, r.predicate, r.object.name) for r in ex.relations}
    assert ("百度", "released", "文心一言") in rels
    assert ("李彦宏", "worksFor", "百度") in rels
    for m in ex.mentions:
        assert TEXT[m.start : m.end] == m.text
    for r in ex.relations:
        assert r.evidence_start <= r.subject.start < r.evidence_end
    assert ex.concepts


def test_pipeline_run_turns_a_crash_into_a_failure(models, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("bad state")

    good = Article(id="good", text="OpenAI发布了Sora。", origin="good.txt")
    bad = Article(id="bad", text="会出错的文章。", origin="bad.txt")
    real = pipeline.relations.extract_relations

    def flaky(article, *args):
        return boom() if article.id == "bad" else real(article, *args)

    monkeypatch.setattr(pipeline.relations, "extract_relations", flaky)
    out = list(pipeline.run([bad, Failure("x.jsonl:3", "invalid JSON"), good], models))
    assert isinstance(out[0], Failure) and out[0].origin == "bad.txt" and "bad state" in out[0].reason
    assert isinstance(out[1], Failure) and out[1].origin == "x.jsonl:3"
    assert isinstance(out[2], Extraction) and out[2].article.id == "good"
