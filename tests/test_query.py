"""Tests of kg.query and ``kg query``: loading, prepared queries, bindings, formats, errors."""

from __future__ import annotations

import json
import re
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import IngestError, QueryError
from kg.query import (
    QueryTimeout,
    check_service,
    format_result,
    load_graph,
    named_queries,
    parse_param,
    resolve_query,
    run_query,
)
from kg.rdf import article_iri, build_graph, entity_iri
from kg.records import Article, Extraction, Mention, Quote, Relation
from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]

_NEWS = {
    "a1": "OpenAI发布了Sora。OpenAI首席执行官山姆·阿尔特曼表示：“Sora将改变视频创作。”Sora基于扩散模型。",
    "a2": "谷歌发布了Gemini。Gemini使用Transformer。谷歌首席科学家杰夫·迪恩解释了Transformer。OpenAI也在跟进。",
}
_LABELS = {
    "OpenAI": "Organization", "谷歌": "Organization", "Sora": "AIModel", "Gemini": "AIModel",
    "扩散模型": "Technology", "Transformer": "Technology", "山姆·阿尔特曼": "Person", "杰夫·迪恩": "Person",
}
# (article, subject, predicate, object, sentence index, confidence, role)
_RELATIONS = [
    ("a1", "OpenAI", "released", "Sora", 0, 0.9, None),
    ("a1", "山姆·阿尔特曼", "worksFor", "OpenAI", 1, 0.95, "首席执行官"),
    ("a1", "Sora", "basedOn", "扩散模型", 2, 0.85, None),
    ("a2", "谷歌", "released", "Gemini", 0, 0.7, None),
    ("a2", "Gemini", "uses", "Transformer", 1, 0.9, None),
    ("a2", "杰夫·迪恩", "explains", "Transformer", 2, 0.8, None),
    ("a2", "杰夫·迪恩", "worksFor", "谷歌", 2, 0.9, "首席科学家"),
]

_RELATIONS_CHANGED = [r if r[2] != "uses" else ("a2", "Gemini", "uses", "扩散模型", 1, 0.9, None) for r in _RELATIONS]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^。]+。”?", text)]


def news_extractions(changed: bool = False) -> list[Extraction]:
    """Two small articles with hand-made mentions, relations and a quote (no models needed).

    ``changed`` edits the second article: Gemini now uses 扩散模型 instead of Transformer.
    """
    out = []
    for aid, text in _NEWS.items():
        if changed and aid == "a2":
            text = text.replace("Gemini使用Transformer", "Gemini使用扩散模型")
        mentions: dict[str, Mention] = {}
        for name, label in _LABELS.items():
            at = text.find(name)
            if at >= 0:
                mentions[name] = Mention(aid, at, at + len(name), name, label)
        sents = _sentences(text)
        rels = tuple(
            Relation(aid, mentions[s], p, mentions[o], f"{p}-test", *sents[i], confidence=c, role=role)
            for a, s, p, o, i, c, role in (_RELATIONS_CHANGED if changed else _RELATIONS)
            if a == aid
        )
        quotes: tuple[Quote, ...] = ()
        if aid == "a1":
            q = "Sora将改变视频创作。"
            at = text.index(q)
            quotes = (Quote(aid, mentions["山姆·阿尔特曼"], at, at + len(q), q, (mentions["Sora"],)),)
        art = Article(id=aid, text=text, title=f"新闻{aid}", date="2024-02-24")
        out.append(Extraction(art, mentions=tuple(mentions.values()), relations=rels, quotes=quotes))
    return out


def news_graph() -> Graph:
    return build_graph(news_extractions())


def _names(result, column: str) -> set[str]:
    i = result.variables.index(column)
    return {str(row[i]) for row in result.rows}


# --------------------------------------------------------------------------- named queries


def test_query_named_queries_answer_the_questions():
    g = news_graph()
    released = run_query(g, named_queries()["released_models"])
    assert {(r[1].value, r[4].value) for r in released.rows} == {("OpenAI", "Sora"), ("谷歌", "Gemini")}
    people = run_query(g, named_queries()["people_organizations"])
    rows = {(str(r[1]), str(r[3]), str(r[4])) for r in people.rows}
    assert rows == {("山姆·阿尔特曼", "OpenAI", "首席执行官"), ("杰夫·迪恩", "谷歌", "首席科学家")}
    explains = run_query(g, named_queries()["explains_technology"])
    assert ("杰夫·迪恩", "Transformer") in {(str(r[1]), str(r[4])) for r in explains.rows}
    confident = run_query(g, named_queries()["confident_relations"])
    assert "Gemini" not in _names(confident, "objectName")  # 0.7 < 0.8
    assert "OpenAI发布了Sora。" in _names(confident, "sentence")
    assert all(float(r[confident.variables.index("confidence")]) >= 0.8 for r in confident.rows)
    quotes = run_query(g, named_queries()["model_quotes"])
    assert [(str(r[1]), str(r[3]), str(r[4])) for r in quotes.rows] == [("山姆·阿尔特曼", "Sora", "Sora将改变视频创作。")]
    hops = run_query(g, named_queries()["model_technologies"])
    assert {(str(r[1]), str(r[3]), str(r[5])) for r in hops.rows} == {
        ("OpenAI", "Sora", "扩散模型"), ("谷歌", "Gemini", "Transformer")
    }


def test_query_examples_are_the_shipped_named_queries():
    examples = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "examples" / "queries").glob("*.rq")}
    assert examples == named_queries()
    assert {"released_models", "explains_technology", "people_organizations", "confident_relations",
            "model_quotes"} <= set(examples)


def test_query_resolve_query_reads_files_names_and_text(tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(f)) == "ASK { ?s ?p ?o }"
    assert resolve_query("people_organizations") == named_queries()["people_organizations"]
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError, match="missing.rq"):
        resolve_query(str(tmp_path / "missing.rq"))


# --------------------------------------------------------------------------- query forms


def test_query_answers_select_ask_construct_describe():
    g = news_graph()
    sora = entity_iri("AIModel", "Sora")
    sel = run_query(g, "SELECT ?m WHERE { ?org kg:released ?m . ?org rdfs:label ?l FILTER(STR(?l) = 'OpenAI') }")
    assert sel.kind == "select" and sel.rows == ((sora,),)
    assert run_query(g, "ASK { ?x kg:basedOn ?t }").boolean is True
    assert run_query(g, "ASK { ?x kg:acquired ?t }").boolean is False
    con = run_query(g, "CONSTRUCT { ?o kg:released ?m } WHERE { ?o kg:released ?m }")
    assert con.kind == "graph" and len(con.graph) == 2
    desc = run_query(g, f"DESCRIBE <{sora}>")
    assert (sora, KG.basedOn, entity_iri("Technology", "扩散模型")) in desc.graph


def test_query_max_results_cuts_the_answer():
    r = run_query(news_graph(), "SELECT * WHERE { ?s ?p ?o }", max_results=3)
    assert len(r.rows) == 3 and r.truncated
    assert "cut at the result limit" in format_result(r)


# --------------------------------------------------------------------------- bindings


def test_query_param_binds_a_variable():
    g = news_graph()
    openai = entity_iri("Organization", "OpenAI")
    r = run_query(g, named_queries()["released_models"], {"org": f"<{openai}>"})
    assert [str(row[3]) for row in r.rows] == [str(entity_iri("AIModel", "Sora"))]
    short = "kgid:" + str(openai).rsplit("/id/", 1)[1]
    assert run_query(g, named_queries()["released_models"], {"org": short}).rows == r.rows


@pytest.mark.parametrize(
    "value",
    [
        'OpenAI" } UNION { ?org ?relation ?model } #',
        "OpenAI'} ; DROP ALL",
        '<http://x> } UNION { ?org ?relation ?model',
        "kgid:x> } UNION { ?org ?relation ?model . <y",
    ],
)
def test_query_param_values_cannot_inject(value):
    g = news_graph()
    q = "SELECT ?org ?model WHERE { ?org kg:released ?model }"
    assert len(run_query(g, q).rows) == 2
    r = run_query(g, q, {"org": value})
    assert r.rows == ()  # the whole value is one term that matches nothing


def test_query_parse_param_kinds():
    assert parse_param("<https://example.org/x>") == URIRef("https://example.org/x")
    assert parse_param("https://example.org/x") == URIRef("https://example.org/x")
    assert parse_param('"文心一言"@zh') == Literal("文心一言", lang="zh")
    assert parse_param('"3"^^<http://www.w3.org/2001/XMLSchema#integer>') == Literal(3)
    assert parse_param("unknown:thing") == Literal("unknown:thing")
    assert parse_param('a "quoted" {value}') == Literal('a "quoted" {value}')


def test_query_param_must_be_a_selected_variable():
    with pytest.raises(QueryError, match=r"\?nope is not a variable"):
        run_query(news_graph(), "SELECT ?m WHERE { ?o kg:released ?m }", {"nope": "x"})
    with pytest.raises(QueryError, match="SELECT queries only"):
        run_query(news_graph(), "ASK { ?o kg:released ?m }", {"o": "x"})


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("query", "line", "column"),
    [
        ("SELECT ?x WHERE {\n  ?x kg:worksFor }", 2, 18),
        ("SELECT ?x WHERE { ?x nosuch:p ?y }", 1, 30),
        ("PREFIX ex: <http://e/>\nSELECT ?x\nWHERE { ?x ex:p ?y", 3, 19),
    ],
)
def test_query_invalid_sparql_gives_position(query, line, column):
    with pytest.raises(QueryError, match=rf"invalid SPARQL at line {line}, column {column}\b"):
        run_query(news_graph(), query)


def test_query_cli_invalid_sparql_exits_2_without_traceback(tmp_path):
    from kg.cli_graph import query

    g = tmp_path / "g.ttl"
    news_graph().serialize(g, format="turtle")
    res = CliRunner().invoke(query, [str(g), "SELECT ?x WHERE {\n ?x kg:worksFor }"])
    assert res.exit_code == 2
    assert "invalid SPARQL at line 2, column 17" in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_query_service_is_refused_unless_allowed():
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(news_graph(), q)
    check_service(q, allow_service=True)
    for harmless in ['SELECT ?service WHERE { ?service ?p "SERVICE" }', "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
                     "# SERVICE in a comment\nASK { ?s ?p ?o }"]:
        check_service(harmless)


def test_query_timeout_stops_the_query():
    g = news_graph()
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match="timed out after 0.3 s"):
        run_query(g, q, timeout=0.3)
    deadline = time.monotonic() + 10
    while any(t.name == "kg-query" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(t.name == "kg-query" for t in threading.enumerate())
    assert run_query(g, "ASK { ?s ?p ?o }", timeout=5).boolean is True


_BAD = {
    "g.ttl": ("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b \"broken .\n", 3),
    "g.nt": ("<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> c .\n", 2),
    "g.jsonld": ('{"@id": "http://e/a",\n "http://e/b": [1,}\n', 2),
    "g.rdf": ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
              '<rdf:Description rdf:about="http://e/a">\n</rdf:RDF>\n', 3),
    "g.trig": ("<http://e/g> {\n <http://e/a> <http://e/b> <http://e/c> .\n <http://e/a> <http://e/b> .\n}\n", 3),
}


@pytest.mark.parametrize("name", sorted(_BAD))
def test_query_malformed_rdf_names_file_and_line(tmp_path, name):
    text, line = _BAD[name]
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_graph(p)
    assert f"{p}:{line}:" in str(err.value)


def test_query_missing_or_unknown_files(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        load_graph(tmp_path / "nope.ttl")
    (tmp_path / "g.txt").write_text("x")
    with pytest.raises(IngestError, match="cannot tell the RDF format"):
        load_graph(tmp_path / "g.txt")


@pytest.mark.parametrize("fmt,ext", [("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld"), ("xml", "rdf"), ("trig", "trig")])
def test_query_loads_every_format(tmp_path, fmt, ext):
    g = news_graph()
    p = tmp_path / f"g.{ext}"
    g.serialize(p, format=fmt)
    loaded = load_graph(p)
    flat = Graph()
    for s, p_, o, *_ in (loaded.quads() if ext == "trig" else loaded):
        flat.add((s, p_, o))
    assert isomorphic(flat, g)
    assert len(run_query(loaded, named_queries()["released_models"]).rows) == 2


# --------------------------------------------------------------------------- formats


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_query_table_aligns_chinese_columns():
    r = run_query(news_graph(), named_queries()["people_organizations"])
    lines = format_result(r).splitlines()
    header, rule = lines[0], lines[1]
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    for line in lines[2:-1]:
        for col in starts[1:]:  # each column starts at the same display column
            prefix = ""
            for ch in line:
                if _width(prefix) >= col:
                    break
                prefix += ch
            assert _width(prefix) == col and prefix.endswith("  ")
    assert lines[-1] == "(2 rows)" and header.startswith("person")


def test_query_json_csv_tsv_xml_follow_sparql_results_formats():
    import xml.etree.ElementTree as ET

    r = run_query(news_graph(), "SELECT ?m ?l WHERE { ?m a kg:AIModel ; rdfs:label ?l } ORDER BY ?l")
    doc = json.loads(format_result(r, "json"))
    assert doc["head"]["vars"] == ["m", "l"]
    first = doc["results"]["bindings"][0]
    assert first["m"]["type"] == "uri" and first["l"] == {"type": "literal", "value": "Gemini", "xml:lang": "en"}
    csv_lines = format_result(r, "csv").split("\r\n")
    assert csv_lines[0] == "m,l" and csv_lines[1].endswith(",Gemini")
    tsv_lines = format_result(r, "tsv").splitlines()
    assert tsv_lines[0] == "?m\t?l" and tsv_lines[1].endswith('\t"Gemini"@en')
    root = ET.fromstring(format_result(r, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == 2
    ask = json.loads(format_result(run_query(news_graph(), "ASK { ?s ?p ?o }"), "json"))
    assert ask == {"head": {}, "boolean": True}


def test_query_graph_results_as_turtle_and_nt():
    g = news_graph()
    r = run_query(g, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    for fmt, rdflib_fmt in (("turtle", "turtle"), ("nt", "nt")):
        assert isomorphic(Graph().parse(data=format_result(r, fmt), format=rdflib_fmt), g)
    with pytest.raises(QueryError, match="graph"):
        format_result(r, "csv")


def test_query_cli_formats_params_and_listing(tmp_path):
    from kg.cli_graph import query

    g = tmp_path / "g.ttl"
    news_graph().serialize(g, format="turtle")
    runner = CliRunner()
    listing = runner.invoke(query, [str(g)])
    assert listing.exit_code == 0 and "released_models" in listing.output
    res = runner.invoke(query, [str(g), "released_models", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)["results"]["bindings"]) == 2
    openai = entity_iri("Organization", "OpenAI")
    res = runner.invoke(query, [str(g), str(ROOT / "examples/queries/released_models.rq"),
                                "--param", f"org=<{openai}>", "--format", "csv"])
    assert res.exit_code == 0 and res.output.count("\n") == 2 and "Sora" in res.output
    bad = runner.invoke(query, [str(g), "released_models", "--param", "org"])
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.output


def test_query_article_iri_matches_rdf_module():
    r = run_query(news_graph(), "SELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a")
    assert {row[0] for row in r.rows} == {article_iri("a1"), article_iri("a2")}
