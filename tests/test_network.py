"""The entity graph read back from RDF, and the concept network: NPMI links, seeded communities, files."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.errors import OntologyError
from kg.network import concept_network, entity_graph, term_labels, write_gexf, write_graphml
from kg.rdf import build_graph
from kg.records import Article, Extraction, Mention, Relation, Sentence

TEXT = "据传奥特曼或将出任OpenAI首席执行官。OpenAI发布了Sora。<script>alert(1)</script>与OpenAI合作。"


def _graph():
    a = Article(id="n1", text=TEXT, title="奥特曼谈视频生成", date="2024-02-17")

    def m(word, label, canonical=""):
        i = TEXT.index(word)
        return Mention("n1", i, i + len(word), word, label, canonical=canonical)

    altman, org, sora = m("奥特曼", "Person", "山姆·奥特曼"), m("OpenAI", "Organization"), m("Sora", "AIModel")
    evil = m("<script>alert(1)</script>", "Organization")
    s1, s2 = TEXT.index("。") + 1, TEXT.index("Sora。") + 5
    rels = (Relation("n1", altman, "worksFor", org, "title-01", 0, s1, 0.4, role="首席执行官"),
            Relation("n1", org, "released", sora, "release-01", s1, s2, 0.95),
            Relation("n1", evil, "partnersWith", org, "partner-01", s2, len(TEXT), 0.8))
    people = tuple(Mention("n1", 0, 3, f"路人{i}", "Person") for i in range(2))
    return build_graph([Extraction(a, mentions=(altman, org, sora, evil) + people, relations=rels)])


def test_network_entity_graph_nodes_and_edges():
    eg = entity_graph(_graph())
    kinds = sorted(d["kind"] for _, d in eg.nodes(data=True))
    assert kinds == ["AIModel", "Organization", "Organization", "Person", "Person", "Person"]
    assert sorted(k for _, _, k in eg.edges(keys=True)) == ["partnersWith", "released", "worksFor"]
    (s, o, d), = [(s, o, d) for s, o, k, d in eg.edges(keys=True, data=True) if k == "worksFor"]
    assert eg.nodes[s]["label"] == "山姆·奥特曼" and eg.nodes[s]["aliases"] == ("奥特曼",)
    assert eg.nodes[o]["label"] == "OpenAI" and eg.nodes[o]["articles"] == (("奥特曼谈视频生成", "2024-02-17"),)
    assert d["confidence"] == 0.4 and d["roles"] == ("首席执行官",)
    assert d["evidence"] == (("据传奥特曼或将出任OpenAI首席执行官。", "奥特曼谈视频生成", 0.4),)
    assert eg.nodes[o]["importance"] == 3 + 1  # three neighbours, one article


def test_network_entity_graph_keeps_payload_as_plain_text():
    eg = entity_graph(_graph())
    assert "<script>alert(1)</script>" in {d["label"] for _, d in eg.nodes(data=True)}


def _extraction(aid: str, sentences: list[str], entities: dict[str, str], concepts: tuple[str, ...] = ()) -> Extraction:
    """Sentences joined into one text; every occurrence of an entity name becomes a mention."""
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s
    sents = tuple(Sentence(aid, a, b, text[a:b]) for a, b in spans)
    mentions = []
    for name, label in entities.items():
        i = text.find(name)
        while i >= 0:
            mentions.append(Mention(aid, i, i + len(name), name, label))
            i = text.find(name, i + 1)
    mentions.sort(key=lambda m: (m.start, m.end))
    return Extraction(Article(id=aid, text=text), sents, tuple(mentions), concepts=concepts)


def test_network_npmi_weights_match_the_formula():
    ex = _extraction("a", ["英伟达芯片。", "英伟达芯片。", "芯片短缺。", "天气晴。"], {"英伟达": "Organization"},
                     concepts=("芯片",))
    g = concept_network([ex], min_weight=-1.0)
    n, pxy, px, py = 4, 2 / 4, 2 / 4, 3 / 4
    expected = round(math.log(pxy / (px * py)) / -math.log(pxy), 4)
    assert g.edges["Organization/英伟达", "Concept/芯片"] == {"weight": expected, "count": 2}
    assert g.nodes["Concept/芯片"] == {"label": "芯片", "kind": "Concept", "count": 3, "community": 0}
    assert n == len(ex.sentences)


def test_network_a_word_everywhere_links_nothing():
    sentences = ["市场上英伟达芯片。", "市场上英伟达芯片。", "市场上关税上涨。", "市场上关税上涨。", "市场上天气晴。"]
    ex = _extraction("a", sentences, {"英伟达": "Organization"}, concepts=("市场", "芯片", "关税"))
    g = concept_network([ex])
    assert ("Organization/英伟达", "Concept/芯片") in g.edges
    assert "Concept/市场" not in g  # in every sentence: NPMI 0 with everything, so no link and dropped
    assert "Concept/关税" not in g  # shares windows with nothing else often enough


def test_network_min_count_keeps_chance_pairs_out():
    ex = _extraction("a", ["英伟达芯片。", "台积电工厂。"], {"英伟达": "Organization", "台积电": "Organization"},
                     concepts=("芯片", "工厂"))
    assert concept_network([ex]).number_of_edges() == 0
    assert concept_network([ex], min_count=1).number_of_edges() == 2


def test_network_article_window():
    exs = [_extraction(f"a{i}", ["英伟达发布财报。", "芯片供不应求。"], {"英伟达": "Organization"}, concepts=("芯片",))
           for i in range(2)] + [_extraction("b", ["天气晴。"], {}, concepts=("天气",))]
    assert concept_network(exs).number_of_edges() == 0  # never in one sentence
    g = concept_network(exs, window="article")
    assert g.edges["Organization/英伟达", "Concept/芯片"]["count"] == 2
    with pytest.raises(ValueError, match="window"):
        concept_network(exs, window="paragraph")


def test_network_keyword_that_is_an_entity_joins_it():
    ex = _extraction("a", ["英伟达芯片。", "英伟达芯片。"], {"英伟达": "Organization"}, concepts=("英伟达", "芯片"))
    assert sorted(concept_network([ex], min_weight=-1)) == ["Concept/芯片", "Organization/英伟达"]


def _two_topics() -> list[Extraction]:
    chips = ["英伟达芯片GPU。", "英伟达GPU芯片。", "芯片GPU英伟达。"]
    trade = ["关税美国贸易。", "美国贸易关税。", "贸易关税美国。"]
    return [
        _extraction("a", chips * 2, {"英伟达": "Organization"}, concepts=("芯片", "GPU")),
        _extraction("b", trade * 2, {"美国": "Location"}, concepts=("关税", "贸易")),
    ]


def test_network_communities_split_topics_and_are_seeded():
    g = concept_network(_two_topics(), seed=3)
    comm = nx.get_node_attributes(g, "community")
    assert comm["Organization/英伟达"] == comm["Concept/芯片"] == comm["Concept/gpu"]
    assert comm["Location/美国"] == comm["Concept/关税"] == comm["Concept/贸易"] != comm["Concept/芯片"]
    assert nx.get_node_attributes(concept_network(_two_topics(), seed=3), "community") == comm


def test_network_same_input_same_files(tmp_path):
    a = concept_network(_two_topics())
    b = concept_network(list(reversed(_two_topics())))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    for writer, ext in ((write_graphml, "graphml"), (write_gexf, "gexf")):
        pa, pb = writer(a, tmp_path / f"a.{ext}"), writer(b, tmp_path / f"b.{ext}")
        assert pa.read_bytes() == pb.read_bytes()
    assert b"lastmodifieddate" not in (tmp_path / "a.gexf").read_bytes()


def test_network_files_read_back(tmp_path):
    g = concept_network(_two_topics())
    back = nx.read_graphml(write_graphml(g, tmp_path / "c.graphml"))
    assert back.nodes["Concept/芯片"]["label"] == "芯片" and back.nodes["Concept/芯片"]["kind"] == "Concept"
    assert back.number_of_edges() == g.number_of_edges()
    gexf = nx.read_gexf(write_gexf(g, tmp_path / "c.gexf"))
    assert gexf.number_of_nodes() == g.number_of_nodes()
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_network_term_labels_come_from_the_ontology():
    assert term_labels("worksFor") == ("任职于", "works for")
    with pytest.raises(OntologyError, match="noSuchTerm"):
        term_labels("noSuchTerm")


_CROSS_PROCESS = """
import sys
from tests.test_network import _two_topics, _graph
from kg.network import concept_network, write_graphml
from kg.viz import write_concepts_html, write_html
g = concept_network(_two_topics())
write_graphml(g, sys.argv[1] + '.graphml')
write_concepts_html(g, sys.argv[1] + '.c.html')
write_html(_graph(), sys.argv[1] + '.html')
"""


def test_network_same_bytes_in_any_process(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        subprocess.run([sys.executable, "-c", _CROSS_PROCESS, str(tmp_path / seed)], check=True, env=env, cwd=root)
    for ext in (".graphml", ".c.html", ".html"):
        assert (tmp_path / f"1{ext}").read_bytes() == (tmp_path / f"2{ext}").read_bytes()
