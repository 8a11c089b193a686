"""Graph building: one node per entity, evidence for every relation, deterministic bytes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from kg.errors import OutputError
from kg.rdf import GRAPH_IRI, article_graph, article_iri, build_graph, entity_iri, serialize
from kg.records import Article, Extraction, Mention, Quote, Relation
from kg.vocab import KG

TEXT_A = "百度创始人、董事长兼首席执行官李彦宏宣布，百度推出文心一言。"
TEXT_B = "據報道，百度公司推出文心一言。"


def _m(aid, text, whole, label, canonical=""):
    start = whole.index(text)
    return Mention(aid, start, start + len(text), text, label, canonical=canonical)


def _extractions():
    a = Article(id="a", text=TEXT_A, title="百度推出文心一言", date="2024-02-24T05:43:00", source="某某网",
                publisher="文汇报", author="张三", url="https://example.org/a", lang="zh-CN")
    baidu, li, ernie = _m("a", "百度", TEXT_A, "Organization"), _m("a", "李彦宏", TEXT_A, "Person"), _m(
        "a", "文心一言", TEXT_A, "AIModel")
    sent = (0, len(TEXT_A))
    rels = (
        Relation("a", li, "worksFor", baidu, "title-chain", *sent, confidence=0.9, role="首席执行官"),
        Relation("a", li, "worksFor", baidu, "title-chain", *sent, confidence=0.9, role="董事长"),
        Relation("a", baidu, "released", ernie, "release-01", *sent, confidence=0.95),
    )
    quote = Quote("a", li, 0, 10, TEXT_A[:10], (ernie,))
    ex_a = Extraction(a, mentions=(baidu, li, ernie), relations=rels, quotes=(quote,), concepts=("大模型",))
    b = Article(id="b", text=TEXT_B, title="百度推出", lang="zh-HK")
    baidu_b = _m("b", "百度公司", TEXT_B, "Organization", canonical="百度")
    ernie_b = _m("b", "文心一言", TEXT_B, "AIModel")
    ex_b = Extraction(b, mentions=(baidu_b, ernie_b),
                      relations=(Relation("b", baidu_b, "released", ernie_b, "release-02", 0, len(TEXT_B), 0.6),))
    return [ex_a, ex_b]


def test_rdf_one_node_per_entity_across_articles():
    g = build_graph(_extractions())
    orgs = set(g.subjects(RDF.type, KG.Organization))
    baidu = entity_iri("Organization", "百度")
    assert baidu in orgs
    assert (baidu, RDFS.label, Literal("百度", lang="zh")) in g
    assert (baidu, SKOS.altLabel, Literal("百度公司", lang="zh")) in g
    assert len(list(g.objects(baidu, RDFS.label))) == 1


def test_rdf_relation_has_one_statement_with_evidence_from_both_articles():
    g = build_graph(_extractions())
    s, o = entity_iri("Organization", "百度"), entity_iri("AIModel", "文心一言")
    assert (s, KG.released, o) in g
    statements = list(g.subjects(RDF.subject, s))
    released = [st for st in statements if (st, RDF.predicate, KG.released) in g]
    assert len(released) == 1
    evidence = set(g.objects(released[0], KG.hasEvidence))
    assert {g.value(e, KG.inArticle) for e in evidence} == {article_iri("a"), article_iri("b")}
    assert float(g.value(released[0], KG.confidence).toPython()) == pytest.approx(0.95)
    for e in evidence:
        start, end = g.value(e, KG.startOffset).toPython(), g.value(e, KG.endOffset).toPython()
        assert start < end and g.value(e, KG.ruleId) is not None and g.value(e, KG.sentence) is not None


def test_rdf_positions_are_memberships_with_roles():
    g = build_graph(_extractions())
    li, baidu = entity_iri("Person", "李彦宏"), entity_iri("Organization", "百度")
    assert (li, KG.worksFor, baidu) in g
    roles = {str(g.value(g.value(m, ORG.role), RDFS.label)) for m in g.subjects(ORG.member, li)}
    assert roles == {"首席执行官", "董事长"}


def test_rdf_article_metadata():
    g = build_graph(_extractions())
    a = article_iri("a")
    assert str(g.value(a, RDFS.label)) == "百度推出文心一言"
    assert str(g.value(g.value(a, KG.originalPublisher), RDFS.label)) == "文汇报"
    assert g.value(a, RDF.type) == KG.Article
    authors = list(g.objects(a, __import__("kg.rdf").rdf.SCHEMA.author))
    assert [str(g.value(x, RDFS.label)) for x in authors] == ["张三"]
    assert (a, KG.mentions, entity_iri("Person", "李彦宏")) in g
    assert (a, KG.mentions, entity_iri("Concept", "大模型")) in g


def test_rdf_traditional_article_keeps_its_script_with_simplified_alias():
    g = build_graph(_extractions())
    sentence_langs = {lit.language for lit in g.objects(None, KG.sentence)}
    assert "zh-Hant" in sentence_langs and "zh" in sentence_langs


def test_rdf_quote_node():
    g = build_graph(_extractions())
    quotes = list(g.subjects(RDF.type, KG.Quote))
    assert len(quotes) == 1
    assert g.value(quotes[0], KG.speaker) == entity_iri("Person", "李彦宏")
    assert g.value(quotes[0], KG.about) == entity_iri("AIModel", "文心一言")


def test_rdf_min_confidence_drops_weak_relations():
    g = build_graph(_extractions(), min_confidence=0.8)
    released = [st for st in g.subjects(RDF.predicate, KG.released)]
    evidence = list(g.objects(released[0], KG.hasEvidence))
    assert len(evidence) == 1


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig", "xml"])
def test_rdf_every_format_round_trips(fmt):
    g = build_graph(_extractions())
    data = serialize(g, fmt)
    if fmt == "trig":
        back = Dataset().parse(data=data, format="trig").graph(GRAPH_IRI)
    else:
        back = Graph().parse(data=data, format={"jsonld": "json-ld"}.get(fmt, fmt))
    assert len(back) == len(g) > 50
    assert isomorphic(g, back)


def test_rdf_turtle_bytes_identical_across_processes():
    code = (
        "import sys; sys.path.insert(0, 'tests'); import test_rdf as t; from kg.rdf import build_graph, serialize;"
        "sys.stdout.buffer.write(serialize(build_graph(t._extractions()), '{fmt}'))"
    )
    for fmt in ("turtle", "nt"):
        outs = {
            subprocess.run([sys.executable, "-c", code.format(fmt=fmt)], capture_output=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout
            for seed in (1, 2, 3)
        }
        assert len(outs) == 1 and len(next(iter(outs))) > 1000


def test_rdf_article_graph_is_part_of_the_whole():
    exs = _extractions()
    whole = build_graph(exs)
    part = article_graph(exs[1])
    missing = [t for t in part if t not in whole and t[1] not in (RDFS.label, SKOS.altLabel, KG.confidence)]
    assert missing == []


def test_rdf_unknown_format_is_a_clear_error():
    with pytest.raises(OutputError, match="unknown output format 'pdf'"):
        serialize(build_graph([]), "pdf")


def test_rdf_traditional_spelling_is_the_zh_hant_label():
    text = "輝達發布新晶片。"
    m = Mention("t", 0, 2, "輝達", "Organization", canonical="英伟达")
    g = build_graph([Extraction(Article(id="t", text=text, lang="zh-HK"), mentions=(m,))])
    node = entity_iri("Organization", "英伟达")
    labels = {(str(x), x.language) for x in g.objects(node, RDFS.label)}
    assert labels == {("輝達", "zh-Hant"), ("英伟达", "zh")}
    assert (node, SKOS.altLabel, Literal("辉达", lang="zh")) in g
