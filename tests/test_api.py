"""The Python API: build and extract, their outputs, counts, failures and progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg import api
from kg.errors import KgError, OutputError
from kg.progress import Progress
from kg.records import Failure
from kg.settings import Settings
from kg.vocab import KG


@pytest.fixture
def mixed(tmp_path: Path, article_dir: Path) -> list[Path]:
    """Two good text articles, a JSON Lines file with one good and one bad line, an empty file."""
    jl = tmp_path / "more.jsonl"
    jl.write_text(
        json.dumps({"id": "j1", "title": "谷歌发布Gemini", "text": "谷歌发布了Gemini 1.5 Pro模型。"}, ensure_ascii=False)
        + "\n{oops\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return [article_dir / "a.txt", article_dir / "b.txt", jl, empty]


def test_api_build_counts_and_summary(mixed, tmp_path):
    failures: list[Failure] = []
    r = api.build(mixed, tmp_path / "g.ttl", on_failure=failures.append)
    s = r.summary()
    assert s["articles"] == r.articles == 3
    assert s["characters"] == r.chars > 0
    assert s["triples"] == len(r.graph) > 0
    assert s["entities"]["Organization"] >= 2
    assert s["relations"] == len(set(r.graph.subjects(RDF.type, RDF.Statement)))
    assert [f["input"] for f in s["failed"]] == [f"{mixed[2]}:2", str(mixed[3])]
    assert failures == r.failures
    assert s["outputs"] == [str(tmp_path / "g.ttl")]


def test_api_build_output_parses_to_the_returned_graph(mixed, tmp_path):
    r = api.build(mixed, tmp_path / "g.ttl")
    g = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert isomorphic(g, r.graph)


@pytest.mark.parametrize(
    ("name", "fmt", "parse_as"),
    [("g.nt", None, "nt"), ("g.jsonld", None, "json-ld"), ("g.trig", None, "trig"), ("g.rdf", None, "xml"),
     ("g.out", None, "turtle"), ("g.txt", "nt", "nt")],
)
def test_api_build_formats(article_dir, tmp_path, name, fmt, parse_as):
    ref = api.build([article_dir]).graph
    api.build([article_dir], tmp_path / name, fmt=fmt)
    if parse_as == "trig":  # the triples are in kg's named graph
        from rdflib import Dataset

        from kg.rdf import GRAPH_IRI

        g = Dataset().parse(tmp_path / name, format="trig").graph(GRAPH_IRI)
    else:
        g = Graph().parse(tmp_path / name, format=parse_as)
    assert len(g) == len(ref)
    assert isomorphic(g, ref)


def test_api_build_is_deterministic(mixed, tmp_path):
    api.build(mixed, tmp_path / "a.ttl")
    api.build(mixed, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_api_build_no_articles_writes_nothing(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1]\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    out.write_text("previous", encoding="utf-8")
    failures: list[Failure] = []
    with pytest.raises(api.NoArticlesError, match="nothing was written"):
        api.build([bad], out, on_failure=failures.append)
    assert out.read_text(encoding="utf-8") == "previous"
    assert len(failures) == 1


def test_api_build_missing_output_directory(article_dir, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        api.build([article_dir], tmp_path / "no" / "g.ttl")


def test_api_build_from_stdin(article_dir):
    text = "\n".join(
        json.dumps({"id": f"s{i}", "text": t}, ensure_ascii=False)
        for i, t in enumerate(["OpenAI发布了Sora。", "百度推出文心一言。"])
    )
    r = api.build(["-"], stdin=io.StringIO(text + "\n"))
    assert r.articles == 2
    ids = {str(o) for o in r.graph.objects(None, KG.mentions)}
    assert ids


def test_api_build_stdin_missing_is_a_failure():
    failures: list[Failure] = []
    with pytest.raises(api.NoArticlesError):
        api.build(["-"], on_failure=failures.append)
    assert failures and failures[0].origin == "<stdin>"


def test_api_build_min_confidence_drops_relations(article_dir):
    all_rel = api.build([article_dir]).summary()["relations"]
    none = api.build([article_dir], settings=Settings(min_confidence=1.0)).summary()["relations"]
    assert all_rel > 0
    assert none <= all_rel


def test_api_build_progress_counts(mixed):
    p = Progress(enabled=False)
    r = api.build(mixed, progress=p)
    assert (p.articles, p.failures) == (3, 2)
    assert p.chars == r.chars


def test_api_on_error_raise_stops_at_first_bad_input(mixed):
    with pytest.raises(KgError, match="empty.txt|more.jsonl:2"):
        api.build(mixed, settings=Settings(on_error="raise"))


def test_api_extract_records_and_offsets(mixed, tmp_path):
    out = tmp_path / "x.jsonl"
    failures: list[Failure] = []
    n = api.extract(mixed, out, on_failure=failures.append)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 3
    recs = [json.loads(line) for line in lines]
    assert recs[2]["id"] == "j1" and recs[2]["title"] == "谷歌发布Gemini"
    texts = {r["id"]: t for r, t in zip(recs, [ex.article.text for ex in api.extract_articles(mixed)])}
    for r in recs:
        assert set(r) >= {"id", "title", "entities", "relations"}
        text = texts[r["id"]]
        for e in r["entities"]:
            assert text[e["start"] : e["end"]] == e["text"]
            assert e["type"] in {"Person", "Organization", "Location", "AIModel", "Technology", "Publication"}
        for rel in r["relations"]:
            assert {"subject", "predicate", "object", "evidence"} <= set(rel)
            assert text[rel["evidence_start"] : rel["evidence_end"]] == rel["evidence"]
    assert len(failures) == 2


def test_api_extract_to_sink(article_dir):
    sink = io.StringIO()
    n = api.extract([article_dir], sink=sink)
    assert n == 2 and len(sink.getvalue().splitlines()) == 2


def test_api_extract_needs_output_or_sink(article_dir):
    with pytest.raises(KgError):
        api.extract([article_dir])


def test_api_extract_keeps_previous_output_on_error(article_dir, tmp_path, monkeypatch):
    out = tmp_path / "x.jsonl"
    out.write_text("previous\n", encoding="utf-8")

    def broken(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "extraction_record", broken)
    with pytest.raises(RuntimeError):
        api.extract([article_dir], out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".x.jsonl")) == []


def test_api_extract_articles_order(tmp_path):
    f = tmp_path / "n.jsonl"
    f.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": f"百度第{i}次发布模型。"}, ensure_ascii=False) + "\n" for i in range(5)),
        encoding="utf-8",
    )
    assert [ex.article.id for ex in api.extract_articles([f])] == [f"n{i}" for i in range(5)]


def test_api_nt_output_streams_the_same_graph(mixed, tmp_path):
    r = api.build(mixed, tmp_path / "g.ttl")
    r_nt = api.build(mixed, tmp_path / "g.nt")
    g = Graph().parse(tmp_path / "g.nt", format="nt")
    assert isomorphic(g, r.graph)
    assert r_nt.summary()["triples"] == r.summary()["triples"]
    assert r_nt.summary()["entities"] == r.summary()["entities"]


def test_api_graph_format_for():
    assert api.graph_format_for("x.NT") == "nt"
    assert api.graph_format_for("x.ttl") == "turtle"
    assert api.graph_format_for("x") == "turtle"


def test_api_extract_relations_show_names_as_the_article_writes_them(tmp_path):
    """Traditional text keeps its script, a surname-only subject shows the full name written earlier."""
    src = tmp_path / "hk.jsonl"
    rows = [
        {"id": "hk", "text": "蘋果與阿里巴巴合作開發人工智能功能。"},
        {"id": "cn", "text": "OpenAI首席执行官山姆·奥尔特曼出席会议。奥尔特曼表示，OpenAI发布了Sora。"},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "x.jsonl"
    api.extract([src], out)
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    hk = [(r["subject"], r["predicate"], r["object"]) for r in recs["hk"]["relations"]]
    assert ("蘋果", "partnersWith", "阿里巴巴") in hk
    assert all(r["subject"] in rows[0]["text"] and r["object"] in rows[0]["text"] for r in recs["hk"]["relations"])
    cn = recs["cn"]["relations"]
    assert any(r["subject"] == "山姆·奥尔特曼" and r["predicate"] == "worksFor" for r in cn)
    for r in cn:
        assert r["subject"] in rows[1]["text"] and r["object"] in rows[1]["text"]
        assert r["subject_name"] and r["object_name"]
