"""The graph page: self-contained, escaped, capped, deterministic, with the data the side panel shows."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD, Namespace

from kg.errors import OutputError
from kg.network import term_labels
from kg.rdf import build_graph, entity_iri
from kg.records import Article, Extraction, Mention, Relation
from kg.resources import load_ontology
from kg.viz import write_concepts_html, write_html
from kg.vocab import KG, KGID

SCHEMA = Namespace("https://schema.org/")
SCRIPT = "<script>window.__kgPwned=1;document.title='pwned'</script>"
IMG = '"><img src=x onerror="window.__kgPwned=2">'


def hand_graph(extra_people: int = 0) -> Graph:
    """A graph in the shape kg.rdf builds, written out by hand (payloads in article text)."""
    g = Graph()
    openai, sora, altman = KGID["Organization/o1"], KGID["AIModel/s1"], KGID["Person/p1"]
    evil = KGID["Organization/x1"]
    art, art2 = KGID["article/a1"], KGID["article/a2"]
    for node, cls in ((openai, KG.Organization), (sora, KG.AIModel), (altman, KG.Person), (evil, KG.Organization)):
        g.add((node, RDF.type, cls))
    g.add((openai, RDFS.label, Literal("OpenAI", lang="en")))
    g.add((openai, SKOS.altLabel, Literal("開放人工智能", lang="zh-Hant")))
    g.add((sora, RDFS.label, Literal("Sora", lang="en")))
    g.add((altman, RDFS.label, Literal("山姆·奥特曼", lang="zh")))
    g.add((altman, RDFS.label, Literal("Sam Altman", lang="en")))
    g.add((evil, RDFS.label, Literal(SCRIPT, lang="zh")))
    g.add((evil, SKOS.altLabel, Literal(IMG, lang="zh")))
    for a, title, date in ((art, "OpenAI发布Sora " + SCRIPT, "2024-02-16"), (art2, "奥特曼谈视频生成", "2024-02-17")):
        g.add((a, RDF.type, KG.Article))
        g.add((a, SCHEMA.headline, Literal(title, lang="zh")))
        g.add((a, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
    for a, node in ((art, openai), (art, sora), (art, evil), (art2, altman), (art2, openai)):
        g.add((a, KG.mentions, node))
    for i, (s, p, o, conf, sentence, a) in enumerate((
        (openai, KG.released, sora, "0.95", "OpenAI发布了视频生成模型Sora。" + IMG, art),
        (altman, KG.worksFor, openai, "0.4", "据传奥特曼或将出任OpenAI首席执行官。", art2),
        (evil, KG.partnersWith, openai, "0.8", SCRIPT, art),
    )):
        g.add((s, p, o))
        st, ev = KGID[f"statement/{i}"], KGID[f"evidence/{i}"]
        for t in ((st, RDF.type, RDF.Statement), (st, RDF.subject, s), (st, RDF.predicate, p), (st, RDF.object, o),
                  (st, KG.confidence, Literal(conf, datatype=XSD.decimal)), (st, KG.hasEvidence, ev),
                  (ev, RDF.type, KG.Evidence), (ev, KG.sentence, Literal(sentence, lang="zh")),
                  (ev, KG.inArticle, a), (ev, KG.confidence, Literal(conf, datatype=XSD.decimal))):
            g.add(t)
    role, ms = KGID["role/r1"], KGID["membership/m1"]
    for t in ((role, RDF.type, KG.Role), (role, RDFS.label, Literal("首席执行官", lang="zh")),
              (ms, RDF.type, ORG.Membership), (ms, ORG.member, altman), (ms, ORG.organization, openai),
              (ms, ORG.role, role)):
        g.add(t)
    for i in range(extra_people):  # unlinked people mentioned once each
        p = KGID[f"Person/extra{i:03d}"]
        g.add((p, RDF.type, KG.Person))
        g.add((p, RDFS.label, Literal(f"路人{i:03d}", lang="zh")))
        g.add((art2, KG.mentions, p))
    return g


def page_data(path: Path) -> dict:
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', path.read_text(encoding="utf-8"), re.S)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.refs.append((tag, name, value))


def test_viz_page_has_no_external_reference(tmp_path):
    out = write_html(hand_graph(), tmp_path / "g.html")
    p = _Refs()
    p.feed(out.path.read_text(encoding="utf-8"))
    external = [r for r in p.refs if re.match(r"(https?:)?//", r[2], re.I)]
    assert external == []
    assert not [r for r in p.refs if r[0] in ("script", "link")]  # everything inline
    assert p.tags.count("script") == 3 and "style" in p.tags


def test_viz_same_graph_same_bytes(tmp_path):
    g1 = hand_graph(extra_people=30)
    g2 = Graph()
    for t in sorted(g1, key=lambda t: str(t), reverse=True):  # other insertion order
        g2.add(t)
    a = write_html(g1, tmp_path / "a.html", max_nodes=10)
    b = write_html(g2, tmp_path / "b.html", max_nodes=10)
    assert a.path.read_bytes() == b.path.read_bytes()
    assert write_html(g1, tmp_path / "c.html", max_nodes=10, seed=7).path.read_bytes() != a.path.read_bytes()


def test_viz_article_text_is_never_markup(tmp_path):
    out = write_html(hand_graph(), tmp_path / "g.html", title="kg <b>" + SCRIPT)
    text = out.path.read_text(encoding="utf-8")
    assert "__kgPwned" in text  # the payload is in the file ...
    assert "<script>window.__kgPwned" not in text and "<img" not in text  # ... but never as markup
    assert "<title>kg &lt;b&gt;&lt;script&gt;" in text
    data = page_data(out.path)
    labels = {n["label"] for n in data["nodes"]}
    assert SCRIPT in labels  # round-trips as text
    evil = next(n for n in data["nodes"] if n["label"] == SCRIPT)
    assert evil["aliases"] == [IMG]
    sentences = [ev[0] for e in data["edges"] for ev in e["evidence"]]
    assert SCRIPT in sentences and any(IMG in s for s in sentences)


def test_viz_page_script_sets_text_only():
    js = (Path(__file__).resolve().parents[1] / "kg" / "assets" / "page.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
    assert "eval(" not in js


def test_viz_nodes_carry_class_aliases_articles(tmp_path):
    data = page_data(write_html(hand_graph(), tmp_path / "g.html").path)
    by_label = {n["label"]: n for n in data["nodes"]}
    altman = by_label["山姆·奥特曼"]  # the Chinese label is preferred
    assert altman["cls"] == "Person" and altman["aliases"] == ["Sam Altman"]
    assert altman["articles"] == [["奥特曼谈视频生成", "2024-02-17"]]
    openai = by_label["OpenAI"]
    assert openai["aliases"] == ["開放人工智能"] and openai["articleCount"] == 2
    classes = {c["id"]: c for c in data["classes"]}
    assert classes["Organization"]["count"] == 2 and classes["Person"]["zh"] == "人物"
    assert len({(c["color"], c["shape"]) for c in data["classes"]}) == len(classes)  # one look per class


def test_viz_edges_carry_ontology_names_evidence_roles(tmp_path):
    data = page_data(write_html(hand_graph(), tmp_path / "g.html").path)
    onto = load_ontology()
    rels = {r["id"]: r for r in data["relations"]}
    for pid, r in rels.items():
        names = {(str(x), x.language) for x in onto.objects(KG[pid], RDFS.label)}
        assert (r["zh"], "zh") in names and (r["en"], "en") in names
    assert rels["released"]["zh"] == "发布" and rels["worksFor"]["en"] == "works for"
    nodes = {n["id"]: n["label"] for n in data["nodes"]}
    works = next(e for e in data["edges"] if e["rel"] == "worksFor")
    assert (nodes[works["from"]], nodes[works["to"]]) == ("山姆·奥特曼", "OpenAI")
    assert works["metric"] == 0.4 and works["roles"] == ["首席执行官"]
    assert works["evidence"] == [["据传奥特曼或将出任OpenAI首席执行官。", "奥特曼谈视频生成", 0.4]]
    assert data["directed"] is True and data["metric"]["en"] == "confidence"


def test_viz_cap_keeps_linked_then_important_and_says_so(tmp_path):
    out = write_html(hand_graph(extra_people=40), tmp_path / "g.html", max_nodes=6)
    assert (out.nodes_shown, out.nodes_total) == (6, 44)
    assert (out.edges_shown, out.edges_total) == (3, 3)
    data = page_data(out.path)
    labels = [n["label"] for n in data["nodes"]]
    # linked entities first (OpenAI has most neighbours and articles; ties by label), then the unlinked
    assert labels == ["OpenAI", SCRIPT, "Sora", "山姆·奥特曼", "路人000", "路人001"]
    assert "showing 6 of 44 entities" in data["capText"] and "6 / 44" in data["capText"]
    small = write_html(hand_graph(), tmp_path / "s.html", max_nodes=300)
    assert "all 4 entities" in page_data(small.path)["capText"]


def test_viz_size_follows_importance(tmp_path):
    data = page_data(write_html(hand_graph(extra_people=3), tmp_path / "g.html").path)
    size = {n["label"]: n["size"] for n in data["nodes"]}
    assert size["OpenAI"] > size["Sora"] > size["路人000"]


def test_viz_font_stack_covers_cjk(tmp_path):
    text = write_html(hand_graph(), tmp_path / "g.html").path.read_text(encoding="utf-8")
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert font in text


def test_viz_placeholder_text_in_data_stays_text(tmp_path):
    g = hand_graph()
    g.add((KGID["Organization/o1"], SKOS.altLabel, Literal("__KG_APP__ __KG_DATA__", lang="zh")))
    text = write_html(g, tmp_path / "g.html").path.read_text(encoding="utf-8")
    assert text.count("kg graph page: draws the embedded graph data") == 1


def test_viz_end_to_end_from_extractions(tmp_path):
    text = "OpenAI于2月16日发布了视频生成模型Sora。据悉，OpenAI首席执行官山姆·奥特曼表示满意。"
    a = Article(id="n1", text=text, title="OpenAI发布Sora", date="2024-02-16")

    def m(word, label):
        i = text.index(word)
        return Mention("n1", i, i + len(word), word, label)

    org, model, person = m("OpenAI", "Organization"), m("Sora", "AIModel"), m("山姆·奥特曼", "Person")
    rels = (Relation("n1", org, "released", model, "release-01", 0, 27, 0.9),
            Relation("n1", person, "worksFor", org, "title-01", 27, len(text), 0.8, role="首席执行官"))
    g = build_graph([Extraction(a, mentions=(org, model, person), relations=rels, concepts=("视频生成",))])
    out = write_html(g, tmp_path / "g.html")
    assert (out.nodes_shown, out.edges_shown) == (3, 2)  # the unlinked concept is not an entity node
    data = page_data(out.path)
    by_iri = {n["iri"]: n for n in data["nodes"]}
    assert by_iri[str(entity_iri("AIModel", "Sora"))]["articles"] == [["OpenAI发布Sora", "2024-02-16"]]
    works = next(e for e in data["edges"] if e["rel"] == "worksFor")
    assert works["roles"] == ["首席执行官"] and works["evidence"][0][1] == "OpenAI发布Sora"


def test_viz_empty_graph_still_writes_a_page(tmp_path):
    out = write_html(Graph(), tmp_path / "g.html")
    assert (out.nodes_shown, out.nodes_total) == (0, 0) and out.size_bytes > 100_000


def test_viz_rejects_a_bad_cap(tmp_path):
    with pytest.raises(OutputError, match="max_nodes"):
        write_html(hand_graph(), tmp_path / "g.html", max_nodes=0)


def test_viz_unwritable_path_is_an_output_error(tmp_path):
    with pytest.raises(OutputError):
        write_html(hand_graph(), tmp_path / "missing" / "g.html")


def test_viz_concepts_page_colours_communities(tmp_path):
    g = nx.Graph()
    for i, (label, kind, comm) in enumerate((("芯片", "Concept", 0), ("英伟达", "Organization", 0),
                                              ("关税", "Concept", 1), ("<b>美国</b>", "Location", 1))):
        g.add_node(f"n{i}", label=label, kind=kind, count=10 - i, community=comm)
    g.add_edge("n0", "n1", weight=0.61, count=4)
    g.add_edge("n2", "n3", weight=0.33, count=2)
    out = write_concepts_html(g, tmp_path / "c.html", max_nodes=3)
    assert (out.nodes_shown, out.nodes_total, out.edges_shown) == (3, 4, 1)
    data = page_data(out.path)
    assert [c["members"] for c in data["communities"]] == [["芯片", "英伟达"], ["关税"]]
    colours = {n["label"]: n["color"] for n in data["nodes"]}
    assert colours["芯片"] == colours["英伟达"] != colours["关税"]
    assert data["edges"] == [{"id": 0, "from": 0, "to": 1, "rel": "cooccurs", "metric": 0.61, "count": 4,
                              "evidence": [], "evidenceCount": 0, "roles": []}]
    assert data["metric"]["en"] == "NPMI" and data["directed"] is False
    assert term_labels("Concept") == ("概念", "Concept")
    assert "<b>美国" not in write_concepts_html(g, tmp_path / "d.html").path.read_text(encoding="utf-8")


def test_viz_vis_network_comes_from_pyvis(tmp_path):
    pyvis = pytest.importorskip("pyvis")
    js = (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    text = write_html(hand_graph(), tmp_path / "g.html").path.read_text(encoding="utf-8")
    assert js[:2000] in text


def test_viz_iris_are_strings_of_the_graph(tmp_path):
    data = page_data(write_html(hand_graph(), tmp_path / "g.html").path)
    assert all(URIRef(n["iri"]).startswith(str(KGID)) for n in data["nodes"])


# --------------------------------------------------------------------------- command line


def test_viz_cli_html_reads_any_rdf_format(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.rdf import serialize

    g = hand_graph(extra_people=5)
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "jsonld")):
        src = tmp_path / f"g.{ext}"
        src.write_bytes(serialize(g, fmt))
        out = tmp_path / f"g-{ext}.html"
        res = CliRunner().invoke(cli, ["html", str(src), "-o", str(out), "--max-nodes", "4"])
        assert res.exit_code == 0, res.output
        assert "4 of 9 entities, 3 of 3 relations" in res.output
        data = page_data(out)
        assert len(data["nodes"]) == 4 and data["title"] == f"g.{ext}"
    assert (tmp_path / "g-ttl.html").read_bytes() != b""


def test_viz_cli_html_bad_file_exit_2(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    src = tmp_path / "bad.ttl"
    src.write_text("<a> <b> .\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["html", str(src), "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 2 and "kg: " in res.output and "bad.ttl" in res.output
    assert not (tmp_path / "x.html").exists()


def test_viz_cli_help_has_examples_and_true_defaults():
    import inspect

    from click.testing import CliRunner

    from kg.cli import cli
    from kg.network import concept_network

    for cmd in ("html", "concepts"):
        res = CliRunner().invoke(cli, [cmd, "--help"])
        assert res.exit_code == 0 and "Example:" in res.output and f"kg {cmd} " in res.output
    text = " ".join(CliRunner().invoke(cli, ["concepts", "--help"]).output.split())
    params = inspect.signature(concept_network).parameters
    assert f"(default {params['min_weight'].default})" in text
    assert f"[default: {params['window'].default}]" in text


def test_viz_cli_concepts_needs_an_output(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    res = CliRunner().invoke(cli, ["concepts", str(tmp_path)])
    assert res.exit_code == 2 and "--html" in res.output


def test_viz_cli_concepts_writes_the_same_files_twice(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    src = tmp_path / "in"
    src.mkdir()
    body = "英伟达发布新一代GPU芯片。台积电为英伟达代工GPU芯片。特朗普宣布对进口商品加征关税。关税引发美国贸易伙伴不满。"
    for i in range(3):
        (src / f"a{i}.txt").write_text(f"新闻{i}\n{body}\n", encoding="utf-8")
    outs = []
    for run in ("1", "2"):
        d = tmp_path / run
        d.mkdir()
        res = CliRunner().invoke(cli, ["concepts", str(src), "--html", str(d / "c.html"), "--graphml",
                                       str(d / "c.graphml"), "--gexf", str(d / "c.gexf"), "-j", "1"])
        assert res.exit_code == 0, res.output
        assert "3 articles" in res.output
        outs.append([(d / f"c.{ext}").read_bytes() for ext in ("html", "graphml", "gexf")])
    assert outs[0] == outs[1]
    data = page_data(tmp_path / "1" / "c.html")
    labels = {n["label"] for n in data["nodes"]}
    assert {"英伟达", "关税"} <= labels and data["kind"] == "concepts"
