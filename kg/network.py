"""Graphs for looking at: the entity graph read back from RDF, and the concept co-occurrence network."""

from __future__ import annotations

import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from typing import Literal as _Literal

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS, Namespace

from kg.errors import OntologyError
from kg.names import normalize_key
from kg.output import write_atomic
from kg.records import Extraction
from kg.resources import ENTITY_CLASSES, declared_properties, load_ontology
from kg.vocab import KG

__all__ = [
    "NON_RELATIONS",
    "term_labels",
    "entity_graph",
    "concept_network",
    "write_graphml",
    "write_gexf",
]

SCHEMA = Namespace("https://schema.org/")

NON_RELATIONS: frozenset[str] = frozenset(
    {"mentions", "about", "speaker", "hasEvidence", "inArticle", "originalPublisher"}
)
"""Object properties that link to articles, quotes or evidence rather than between entities."""

_CLASSES = (*ENTITY_CLASSES, "Concept")
_LANG_ORDER = {"zh": 0, "zh-hans": 1, "zh-cn": 1, "zh-hant": 2, "en": 3}


def _lang_rank(lit: Literal) -> tuple[int, str]:
    lang = (lit.language or "").lower()
    return (_LANG_ORDER.get(lang, 4), str(lit))


def term_labels(name: str) -> tuple[str, str]:
    """Chinese and English label of an ontology class or property, read from kg.ttl.

    Examples
    --------
    >>> term_labels("released")
    ('发布', 'released')
    >>> term_labels("Person")
    ('人物', 'Person')
    >>> term_labels("releasd")
    Traceback (most recent call last):
    ...
    kg.errors.OntologyError: kg.ttl: no class or property named 'releasd'
    """
    try:
        term = KG[name]
    except AttributeError:
        raise OntologyError(f"kg.ttl: no class or property named {name!r}") from None
    onto = load_ontology()
    zh = en = ""
    for lit in onto.objects(term, RDFS.label):
        if isinstance(lit, Literal) and lit.language == "zh":
            zh = str(lit)
        elif isinstance(lit, Literal) and lit.language == "en":
            en = str(lit)
    return zh or name, en or name


def _index(graph: Graph) -> dict[URIRef, dict[Any, list[Any]]]:
    """Triples grouped by predicate, then subject: one pass instead of a lookup per node."""
    idx: dict[URIRef, dict[Any, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        idx[p][s].append(o)  # type: ignore[index]
    return idx


def _first(values: list[Any] | None) -> Any:
    """The least value by language rank and text (a deterministic ``Graph.value``)."""
    if not values:
        return None
    return min(values, key=lambda v: _lang_rank(v) if isinstance(v, Literal) else (9, str(v)))


def entity_graph(graph: Graph, concepts: bool = False) -> nx.MultiDiGraph:
    """The entities of a kg RDF graph and the relations between them, as a networkx multigraph.

    Nodes are entity IRIs (as strings) with attributes ``label`` (preferred name, Chinese
    first), ``kind`` (class local name), ``aliases`` (tuple), ``articles`` (tuple of
    ``(title, date)`` of the articles that mention it) and ``importance`` (distinct
    neighbours plus articles). Edges are keyed by the property's local name and carry
    ``predicate``, ``confidence``, ``evidence`` (tuple of ``(sentence, article title,
    confidence)``) and ``roles`` (for ``worksFor``). Concept nodes are kept only when
    ``concepts`` is true or a relation links them.

    Examples
    --------
    >>> from kg.rdf import entity_iri
    >>> g = Graph()
    >>> a, b = entity_iri("Organization", "OpenAI"), entity_iri("AIModel", "Sora")
    >>> for t in [(a, RDF.type, KG.Organization), (a, RDFS.label, Literal("OpenAI", lang="en")),
    ...           (b, RDF.type, KG.AIModel), (a, KG.released, b)]:
    ...     _ = g.add(t)
    >>> eg = entity_graph(g)
    >>> eg.nodes[str(a)]["label"], list(eg.edges(keys=True)) == [(str(a), str(b), "released")]
    ('OpenAI', True)
    """
    idx = _index(graph)
    types = idx[RDF.type]
    ns = str(KG._NS)
    order = {KG[c]: i for i, c in enumerate(_CLASSES)}
    kinds: dict[Any, str] = {}
    articles: dict[Any, tuple[str, str]] = {}
    for s, ts in types.items():
        if KG.Article in ts:
            title = _first(idx[SCHEMA.headline].get(s)) or _first(idx[SCHEMA.identifier].get(s)) or s
            date = _first(idx[SCHEMA.datePublished].get(s))
            articles[s] = (str(title), str(date)[:10] if date is not None else "")
        known = [t for t in ts if t in order]
        if known and isinstance(s, URIRef):
            kinds[s] = str(min(known, key=order.__getitem__))[len(ns):]
    edges: dict[tuple[Any, Any, str], dict[str, Any]] = {}
    for p in sorted(declared_properties() - NON_RELATIONS):
        for s, objs in idx[KG[p]].items():
            for o in objs:
                if s in kinds and o in kinds and s != o:
                    edges[(s, o, p)] = {"predicate": p, "confidence": None, "evidence": (), "roles": ()}
    subj, pred, obj = idx[RDF.subject], idx[RDF.predicate], idx[RDF.object]
    for st, ts in types.items():
        if RDF.Statement not in ts:
            continue
        key = (_first(subj.get(st)), _first(obj.get(st)), str(_first(pred.get(st)))[len(ns):])
        if key not in edges:
            continue
        ev = []
        for e in idx[KG.hasEvidence].get(st, ()):
            conf = _first(idx[KG.confidence].get(e))
            art = _first(idx[KG.inArticle].get(e))
            ev.append((str(_first(idx[KG.sentence].get(e)) or ""), articles.get(art, ("", ""))[0],
                       float(conf.toPython()) if conf is not None else None))
        ev.sort(key=lambda x: (-(x[2] if x[2] is not None else 1.0), x[1], x[0]))
        edges[key]["evidence"] = tuple(ev)
        conf = _first(idx[KG.confidence].get(st))
        if conf is not None:
            edges[key]["confidence"] = float(conf.toPython())
    for ms, ts in types.items():
        if ORG.Membership not in ts and KG.Membership not in ts:
            continue
        key = (_first(idx[ORG.member].get(ms)), _first(idx[ORG.organization].get(ms)), "worksFor")
        if key in edges:
            names = {str(x) for r in idx[ORG.role].get(ms, ()) for x in idx[RDFS.label].get(r, ())}
            edges[key]["roles"] = tuple(sorted(set(edges[key]["roles"]) | names))
    for data in edges.values():
        if data["confidence"] is None:
            confs = [c for _, _, c in data["evidence"] if c is not None]
            data["confidence"] = max(confs) if confs else 1.0
    linked = {s for s, _, _ in edges} | {o for _, o, _ in edges}
    seen_in: dict[Any, set[tuple[str, str]]] = defaultdict(set)
    for a, objs in idx[KG.mentions].items():
        if a in articles:
            for o in objs:
                seen_in[o].add(articles[a])
    g = nx.MultiDiGraph()
    for node in sorted(kinds):
        kind = kinds[node]
        if kind == "Concept" and not concepts and node not in linked:
            continue
        labels = sorted((x for x in idx[RDFS.label].get(node, ()) if isinstance(x, Literal)), key=_lang_rank)
        label = str(labels[0]) if labels else str(node).rsplit("/", 1)[-1]
        others = {str(x) for x in labels[1:]} | {str(x) for x in idx[SKOS.altLabel].get(node, ())}
        others.discard(label)
        arts = tuple(sorted(seen_in.get(node, ()), key=lambda t: (t[1], t[0])))
        g.add_node(str(node), label=label, kind=kind, aliases=tuple(sorted(others)), articles=arts)
    for (s, o, p), data in sorted(edges.items()):
        if str(s) in g and str(o) in g:
            g.add_edge(str(s), str(o), key=p, **data)
    for node, attrs in g.nodes(data=True):
        neighbours = set(g.successors(node)) | set(g.predecessors(node))
        attrs["importance"] = len(neighbours) + len(attrs["articles"])
    return g


def _windows(ex: Extraction, window: str) -> Iterable[tuple[int, int, str]]:
    if window == "article" or not ex.sentences:
        yield 0, len(ex.article.text), ex.article.text
    else:
        for s in ex.sentences:
            yield s.start, s.end, s.text


def concept_network(
    extractions: Iterable[Extraction],
    window: _Literal["sentence", "article"] = "sentence",
    min_weight: float = 0.1,
    seed: int = 42,
    min_count: int = 2,
) -> nx.Graph:
    """Salient concepts and entities linked by how strongly they occur together.

    A node is an entity (class and normalized name) or a salient keyword of an article
    (``Extraction.concepts``; a keyword that is also an entity of the article joins the
    entity's node). Two nodes are linked when they share at least ``min_count`` windows
    (sentences, or whole articles) and their normalized pointwise mutual information
    NPMI = log(p(x,y) / (p(x) p(y))) / -log p(x,y) is at least ``min_weight``: pairs that meet
    no more often than chance score 0, so frequent words do not link to everything. Nodes
    left without a link are dropped. Communities come from Louvain with ``seed``; nodes and
    edges are inserted in sorted order, so the same input gives the same graph.

    Node attributes: ``label``, ``kind`` (class name or ``"Concept"``), ``count`` (windows it
    occurs in), ``community`` (0 is the largest). Edge attributes: ``weight`` (NPMI, 4
    decimals) and ``count`` (shared windows).

    Examples
    --------
    >>> from kg.records import Article, Extraction, Mention, Sentence
    >>> text = "OpenAI发布Sora。Sora生成视频。OpenAI发布Sora。天气晴朗。"
    >>> a = Article(id="a", text=text)
    >>> spans = [(0, 13), (13, 22), (22, 35), (35, 40)]
    >>> sents = tuple(Sentence("a", s, e, text[s:e]) for s, e in spans)
    >>> ms = tuple(Mention("a", i, i + len(w), w, lab) for w, lab in (("OpenAI", "Organization"), ("Sora", "AIModel"))
    ...            for i in range(len(text)) if text.startswith(w, i))
    >>> g = concept_network([Extraction(a, sents, ms, concepts=("视频", "天气"))])
    >>> sorted(g.nodes[n]["label"] for n in g), g.number_of_edges()
    (['OpenAI', 'Sora'], 1)
    """
    if window not in ("sentence", "article"):
        raise ValueError(f"unknown window {window!r}; choose 'sentence' or 'article'")
    node_count: Counter[str] = Counter()
    pair_count: Counter[tuple[str, str]] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    total = 0
    for ex in extractions:
        ent_keys = {}
        for m in ex.mentions:
            key = normalize_key(m.name)
            ent_keys.setdefault(key, f"{m.label}/{key}")
        concepts = []
        for c in ex.concepts:
            key = normalize_key(c)
            if key and key not in ent_keys:
                concepts.append((f"Concept/{key}", c, c.casefold()))
        mentions = sorted(ex.mentions, key=lambda m: (m.start, m.end))
        for start, end, text in _windows(ex, window):
            total += 1
            present: set[str] = set()
            for m in mentions:
                if m.start >= start and m.end <= end:
                    nid = f"{m.label}/{normalize_key(m.name)}"
                    present.add(nid)
                    forms[nid][m.name] += 1
                    kinds[nid] = m.label
            low = text.casefold()
            for nid, surface, folded in concepts:
                if folded in low:
                    present.add(nid)
                    forms[nid][surface] += 1
                    kinds[nid] = "Concept"
            node_count.update(present)
            ordered = sorted(present)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1 :]:
                    pair_count[(x, y)] += 1
    g = nx.Graph()
    edges = []
    for (x, y), c in sorted(pair_count.items()):
        if c < min_count or total == 0:
            continue
        pxy = c / total
        if pxy >= 1.0:
            npmi = 1.0
        else:
            npmi = math.log(pxy / ((node_count[x] / total) * (node_count[y] / total))) / -math.log(pxy)
        if npmi >= min_weight:
            edges.append((x, y, round(npmi, 4), c))
    for nid in sorted({n for e in edges for n in e[:2]}):
        label = min(forms[nid], key=lambda s: (-forms[nid][s], s))
        g.add_node(nid, label=label, kind=kinds[nid], count=node_count[nid], community=0)
    for x, y, w, c in edges:
        g.add_edge(x, y, weight=w, count=c)
    if g.number_of_nodes():
        comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
        comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
        for i, members in enumerate(comms):
            for n in members:
                g.nodes[n]["community"] = i
    return g


def write_graphml(g: nx.Graph, path: str | Path) -> Path:
    """Write a concept network as GraphML (for Gephi, yEd), atomically.

    Examples
    --------
    >>> import tempfile, os
    >>> g = nx.Graph(); g.add_edge("a", "b", weight=0.5)
    >>> d = tempfile.mkdtemp()
    >>> write_graphml(g, os.path.join(d, "c.graphml")).stat().st_size > 0
    True
    """
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return write_atomic(path, buf.getvalue())


def write_gexf(g: nx.Graph, path: str | Path) -> Path:
    """Write a concept network as GEXF (Gephi's format), atomically.

    Examples
    --------
    >>> import tempfile, os
    >>> g = nx.Graph(); g.add_edge("a", "b", weight=0.5)
    >>> d = tempfile.mkdtemp()
    >>> write_gexf(g, os.path.join(d, "c.gexf")).read_bytes().startswith(b"<?xml")
    True
    """
    # networkx stamps today's date into <meta>; drop it so the same graph gives the same bytes
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True)
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)
    return write_atomic(path, data)
