"""Self-contained interactive HTML pages of the entity graph and the concept network (vis-network from pyvis)."""

from __future__ import annotations

import functools
import html
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.errors import OutputError, require_optional
from kg.network import entity_graph, term_labels
from kg.output import write_atomic
from kg.resources import ENTITY_CLASSES

__all__ = ["HtmlSummary", "CLASS_STYLE", "write_html", "write_concepts_html", "render_page"]

_ASSETS = Path(__file__).resolve().parent / "assets"
_VIS_FILE = ("lib", "vis-9.1.2", "vis-network.min.js")

CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    "Person": ("#e15759", "dot", "●"),
    "Organization": ("#4e79a7", "square", "■"),
    "Location": ("#59a14f", "triangle", "▲"),
    "AIModel": ("#f28e2b", "diamond", "◆"),
    "Technology": ("#b07aa1", "hexagon", "⬢"),
    "Publication": ("#9c755f", "triangleDown", "▼"),
    "Concept": ("#76b7b2", "star", "★"),
}
"""Colour, vis-network shape and legend glyph of each class."""

_COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    "#79706e", "#86bcb6", "#d37295", "#8cd17d", "#b6992d", "#499894", "#a0cbe8", "#ffbe7d", "#f1ce63",
)
_OTHER_COMMUNITY = "#bab0ac"
_MAX_ARTICLES = 20
_MAX_EVIDENCE = 10
_MAX_ALIASES = 20
_MAX_OTHERS = 50_000


@dataclass(frozen=True, slots=True)
class HtmlSummary:
    """What a page shows, out of how much."""

    path: Path
    """The file written."""
    nodes_shown: int
    """Nodes on the page (at most the cap)."""
    nodes_total: int
    """Nodes in the graph."""
    edges_shown: int
    """Edges between the nodes shown."""
    edges_total: int
    """Edges in the graph."""
    size_bytes: int
    """Size of the file."""


@functools.lru_cache(maxsize=1)
def _vis_js() -> str:
    pyvis = require_optional("pyvis", "viz")
    path = Path(pyvis.__file__).resolve().parent.joinpath(*_VIS_FILE)
    try:
        js = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot read vis-network from the pyvis package: {exc}") from exc
    return js.replace("</script", "<\\/script")


@functools.lru_cache(maxsize=1)
def _asset(name: str) -> str:
    try:
        return (_ASSETS / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{_ASSETS / name}: the page template is missing from the installed package "
                          f"({exc.strerror}); reinstall kg") from exc


def _json_for_script(obj: Any) -> str:
    """JSON that is inert inside ``<script>``: ``<``, ``>``, ``&`` and line separators as escapes."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def render_page(data: dict[str, Any], title: str) -> str:
    """The page: template, styles, vis-network, the data as inert JSON and the page script, all inline.

    Examples
    --------
    >>> page = render_page({"x": "</script><b>"}, "a<b")
    >>> "<title>a&lt;b</title>" in page and "\\\\u003c/script\\\\u003e" in page
    True
    """
    parts = {
        "TITLE": html.escape(title),
        "CSS": _asset("page.css"),
        "DATA": _json_for_script(data),
        "VIS": _vis_js(),
        "APP": _asset("page.js").replace("</script", "<\\/script"),
    }
    # one pass over the template, so text inside the data can never be taken for a placeholder
    return re.sub(r"__KG_([A-Z]+)__", lambda m: parts[m.group(1)], _asset("page.html"))


def _class_entries(kinds: dict[str, int], colored: bool) -> list[dict[str, Any]]:
    order = [*ENTITY_CLASSES, "Concept"]
    out = []
    for kind in sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order), k)):
        color, shape, glyph = CLASS_STYLE.get(kind, ("#888888", "dot", "●"))
        zh, en = term_labels(kind)
        out.append({"id": kind, "zh": zh, "en": en, "color": color if colored else None, "shape": shape,
                    "glyph": glyph, "count": kinds[kind]})
    return out


def _darker(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _write(data: dict[str, Any], title: str, path: str | Path, summary: tuple[int, int, int, int]) -> HtmlSummary:
    page = render_page(data, title).encode("utf-8")
    p = write_atomic(path, page)
    return HtmlSummary(p, *summary, len(page))


def _cap_text(shown: int, total: int, noun_zh: str, noun_en: str, by: str) -> str:
    if shown < total:
        return f"显示 {shown:,} / {total:,} 个{noun_zh}（按{by}） · showing {shown:,} of {total:,} {noun_en}"
    return f"共 {total:,} 个{noun_zh} · all {total:,} {noun_en}"


def write_html(
    graph: Graph, path: str | Path, *, max_nodes: int = 300, seed: int = 42, title: str = "kg"
) -> HtmlSummary:
    """Write an interactive page of a kg RDF graph that opens from disk with no network.

    Entities are coloured and shaped by class (legend and class filter on the side), sized by
    importance (distinct neighbours plus articles mentioning them); relations carry their
    Chinese and English names from the ontology. Clicking a node lists its class, aliases and
    articles; clicking a relation lists its evidence sentences with article titles and
    confidence. The page has a search box, relation filters and a minimum-confidence slider.
    Only ``max_nodes`` entities are drawn, with the relations among them, and the page says
    so: those taking part in a relation first, each group by importance. Physics lays the graph out once and is then switched off.

    Every text from the graph is embedded as JSON with ``<``, ``>`` and ``&`` escaped and is
    put on the page with ``textContent``, so markup in an article shows as text. The same
    graph gives the same bytes.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph as :func:`kg.rdf.build_graph` makes it.
    path : str or Path
        Output file (written atomically).
    max_nodes : int
        Cap on the entities drawn.
    seed : int
        Seed of the layout.
    title : str
        Page title.

    Returns
    -------
    HtmlSummary

    Examples
    --------
    >>> import tempfile, os
    >>> from kg.rdf import build_graph
    >>> from kg.records import Article, Extraction, Mention, Relation
    >>> a = Article(id="a1", text="OpenAI发布Sora。", title="新闻")
    >>> s, o = Mention("a1", 0, 6, "OpenAI", "Organization"), Mention("a1", 8, 12, "Sora", "AIModel")
    >>> g = build_graph([Extraction(a, mentions=(s, o), relations=(Relation("a1", s, "released", o, "r1", 0, 13),))])
    >>> out = write_html(g, os.path.join(tempfile.mkdtemp(), "g.html"))
    >>> out.nodes_shown, out.edges_shown
    (2, 1)
    """
    if max_nodes < 1:
        raise OutputError(f"max_nodes must be at least 1, got {max_nodes}")
    eg = entity_graph(graph)
    # entities in a relation first (they are what the page is for), then by importance
    ranked = sorted(eg.nodes, key=lambda n: (eg.degree(n) == 0, -eg.nodes[n]["importance"], eg.nodes[n]["label"], n))
    keep = ranked[:max_nodes]
    index = {n: i for i, n in enumerate(keep)}
    top = max((eg.nodes[n]["importance"] for n in keep), default=1) or 1
    nodes, kinds = [], {}
    for n in keep:
        a = eg.nodes[n]
        color = CLASS_STYLE.get(a["kind"], ("#888888",))[0]
        kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
        nodes.append({
            "id": index[n], "iri": n, "label": a["label"], "cls": a["kind"],
            "aliases": list(a["aliases"][:_MAX_ALIASES]),
            "articles": [list(t) for t in a["articles"][:_MAX_ARTICLES]], "articleCount": len(a["articles"]),
            "size": round(1 + 9 * math.sqrt(a["importance"] / top), 3), "importance": a["importance"],
            "color": color, "border": _darker(color),
        })
    edges, rels = [], {}
    for s, o, p, d in sorted(eg.edges(keys=True, data=True), key=lambda e: (index.get(e[0], -1), index.get(e[1], -1), e[2])):
        if s not in index or o not in index:
            continue
        rels[p] = rels.get(p, 0) + 1
        ev = d["evidence"]
        edges.append({
            "id": len(edges), "from": index[s], "to": index[o], "rel": p, "metric": round(d["confidence"], 3),
            "evidence": [[x[0], x[1], None if x[2] is None else round(x[2], 3)] for x in ev[:_MAX_EVIDENCE]],
            "evidenceCount": len(ev), "roles": list(d["roles"]),
        })
    relations = []
    for p in sorted(rels):
        zh, en = term_labels(p)
        relations.append({"id": p, "zh": zh, "en": en, "count": rels[p]})
    # names of the entities left out, so a search can say an entity exists but is not drawn
    others = [[eg.nodes[n]["label"], eg.nodes[n]["kind"], *eg.nodes[n]["aliases"][:_MAX_ALIASES]]
              for n in ranked[max_nodes:_MAX_OTHERS]]
    data = {
        "kind": "entities", "title": title, "seed": seed, "directed": True, "edgeLabels": True, "others": others,
        "capText": _cap_text(len(keep), eg.number_of_nodes(), "实体", "entities", "重要性：关系数 + 文章数"),
        "nodeUnit": "实体 entities", "edgeUnit": "关系 relations", "countUnit": "articles",
        "metric": {"zh": "置信度", "en": "confidence"},
        "classes": _class_entries(kinds, colored=True), "relations": relations, "communities": [],
        "nodes": nodes, "edges": edges,
    }
    return _write(data, title, path, (len(keep), eg.number_of_nodes(), len(edges), eg.number_of_edges()))


def write_concepts_html(
    g: nx.Graph, path: str | Path, *, max_nodes: int = 300, seed: int = 42, title: str = "kg concepts"
) -> HtmlSummary:
    """Write an interactive page of a concept network (:func:`kg.network.concept_network`).

    Nodes are coloured by community and shaped by kind, sized by how often they occur; links
    carry their NPMI weight, and the slider hides weak links. Only the ``max_nodes`` most
    frequent nodes are drawn, and the page says so.

    Examples
    --------
    >>> import tempfile, os
    >>> g = nx.Graph()
    >>> g.add_node("Concept/芯片", label="芯片", kind="Concept", count=3, community=0)
    >>> g.add_node("Organization/英伟达", label="英伟达", kind="Organization", count=2, community=0)
    >>> g.add_edge("Concept/芯片", "Organization/英伟达", weight=0.6, count=2)
    >>> write_concepts_html(g, os.path.join(tempfile.mkdtemp(), "c.html")).edges_shown
    1
    """
    if max_nodes < 1:
        raise OutputError(f"max_nodes must be at least 1, got {max_nodes}")
    ranked = sorted(g.nodes, key=lambda n: (-g.nodes[n].get("count", 0), str(g.nodes[n].get("label", n)), str(n)))
    keep = ranked[:max_nodes]
    index = {n: i for i, n in enumerate(keep)}
    top = max((g.nodes[n].get("count", 1) for n in keep), default=1) or 1
    members: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    nodes, kinds = [], {}
    for n in keep:
        a = g.nodes[n]
        comm = int(a.get("community", 0))
        color = _COMMUNITY_COLORS[comm] if comm < len(_COMMUNITY_COLORS) else _OTHER_COMMUNITY
        kinds[a.get("kind", "Concept")] = kinds.get(a.get("kind", "Concept"), 0) + 1
        members.setdefault(comm, []).append(str(a.get("label", n)))
        sizes[comm] = sizes.get(comm, 0) + 1
        nodes.append({
            "id": index[n], "iri": str(n), "label": str(a.get("label", n)), "cls": a.get("kind", "Concept"),
            "aliases": [], "articles": [], "articleCount": 0, "count": int(a.get("count", 0)), "community": comm,
            "size": round(1 + 9 * math.sqrt(a.get("count", 1) / top), 3), "color": color, "border": _darker(color),
        })
    edges = []
    for s, o, d in sorted(g.edges(data=True), key=lambda e: tuple(sorted((index.get(e[0], -1), index.get(e[1], -1))))):
        if s not in index or o not in index:
            continue
        a, b = sorted((index[s], index[o]))
        edges.append({"id": len(edges), "from": a, "to": b, "rel": "cooccurs", "metric": round(float(d.get("weight", 0)), 3),
                      "count": int(d.get("count", 0)), "evidence": [], "evidenceCount": 0, "roles": []})
    communities = []
    for comm in sorted(members)[: len(_COMMUNITY_COLORS)]:
        color = _COMMUNITY_COLORS[comm] if comm < len(_COMMUNITY_COLORS) else _OTHER_COMMUNITY
        communities.append({"id": comm, "color": color, "members": members[comm][:6], "size": sizes[comm]})
    data = {
        "kind": "concepts", "title": title, "seed": seed, "directed": False, "edgeLabels": False,
        "capText": _cap_text(len(keep), g.number_of_nodes(), "节点", "nodes", "出现次数"),
        "nodeUnit": "节点 nodes", "edgeUnit": "关联 links", "countUnit": "sentences",
        "metric": {"zh": "关联强度", "en": "NPMI"},
        "classes": _class_entries(kinds, colored=False),
        "relations": [{"id": "cooccurs", "zh": "共现", "en": "co-occurs", "count": len(edges)}] if edges else [],
        "communities": communities, "nodes": nodes, "edges": edges,
        "others": [[str(g.nodes[n].get("label", n)), g.nodes[n].get("kind", "Concept")] for n in ranked[max_nodes:_MAX_OTHERS]],
    }
    return _write(data, title, path, (len(keep), g.number_of_nodes(), len(edges), g.number_of_edges()))
