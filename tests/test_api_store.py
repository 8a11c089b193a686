"""kg build --store: articles go into a persistent store incrementally."""

from __future__ import annotations

import json

import kg
from kg.query import run_query


def _write(path, texts):
    path.write_text("".join(json.dumps({"id": i, "title": i, "text": t}, ensure_ascii=False) + "\n"
                            for i, t in texts.items()), encoding="utf-8")


def test_api_store_rerun_changes_nothing_and_a_changed_article_is_replaced(tmp_path):
    corpus, store = tmp_path / "news.jsonl", tmp_path / "store"
    texts = {"a": "OpenAI发布了视频生成模型Sora。", "b": "百度推出文心一言。"}
    _write(corpus, texts)
    first = kg.build([corpus], store=store)
    assert first.store == {"path": str(store), "added": 2, "replaced": 0, "unchanged": 0}
    again = kg.build([corpus], store=store)
    assert again.store["unchanged"] == 2 and again.store["added"] == 0
    texts["b"] = "阿里云发布了Qwen2.5-Max模型。"
    texts["c"] = "腾讯推出混元大模型。"
    _write(corpus, texts)
    third = kg.build([corpus], store=store)
    assert (third.store["added"], third.store["replaced"], third.store["unchanged"]) == (1, 1, 1)
    result = run_query(store, "SELECT ?n WHERE { ?m a kg:AIModel ; rdfs:label ?n } ORDER BY ?n")
    names = {str(row[0]) for row in result.rows}
    assert {"Sora", "Qwen2.5-Max"} <= names and "文心一言" not in names
