"""Turn extractions into an RDF graph with stable IRIs, labels and provenance; serialize it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD, Namespace

from kg.errors import OutputError
from kg.names import is_traditional, name_lang, normalize_key, stable_id, to_simplified
from kg.records import Extraction, Mention
from kg.turtle import literal_text, turtle_text
from kg.vocab import KG, KGID, PREFIXES

__all__ = [
    "FORMATS",
    "Triple",
    "GRAPH_IRI",
    "entity_iri",
    "article_iri",
    "article_triples",
    "article_graph",
    "build_graph",
    "GraphBuilder",
    "ntriples_line",
    "serialize",
]

SCHEMA = Namespace("https://schema.org/")

GRAPH_IRI = KGID["graph"]
"""Name of the graph kg builds (used by TriG output), fixed so the output is deterministic."""

Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""One RDF triple as kg makes them (no blank nodes)."""

FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "trig": "trig",
    "xml": "xml",
    "rdfxml": "xml",
}
"""Output format names accepted by :func:`serialize`, mapped to rdflib's plugin names."""

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def entity_iri(label: str, name: str) -> URIRef:
    """IRI of the entity of class ``label`` called ``name``: the same for every spelling variant.

    Examples
    --------
    >>> entity_iri("AIModel", "GPT-4") == entity_iri("AIModel", "gpt4")
    True
    >>> str(entity_iri("Person", "吴飞")).startswith("https://w3id.org/kgnews/id/Person/")
    True
    """
    return KGID[f"{label}/{stable_id(label, normalize_key(name))}"]


def article_iri(article_id: str) -> URIRef:
    """IRI of an article, from its id.

    Examples
    --------
    >>> str(article_iri("news-1")).startswith("https://w3id.org/kgnews/id/article/")
    True
    """
    return KGID[f"article/{stable_id(article_id)}"]


def _text(value: str, traditional: bool) -> Literal:
    return Literal(value, lang=name_lang(value, traditional))


def _name(value: str) -> Literal:
    """A name keeps its own script; it is tagged zh-Hant only when written in Traditional characters."""
    return Literal(value, lang=name_lang(value, is_traditional(value)))


def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(round(float(value), 3))), datatype=XSD.decimal)


def _date(value: str) -> Literal:
    if _DATETIME.match(value):
        return Literal(value if value.count(":") == 2 else value + ":00", datatype=XSD.dateTime)
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _agent(name: str, label: str, out: list[Triple]) -> URIRef:
    iri = entity_iri(label, name)
    out.append((iri, RDF.type, KG[label]))
    out.append((iri, RDFS.label, _name(name)))
    return iri


def _split_names(value: str) -> list[str]:
    return [p for p in (x.strip() for x in re.split(r"[,，、;；/]| and ", value)) if p]


def article_triples(ex: Extraction, min_confidence: float = 0.0) -> list[Triple]:
    """Every triple one article contributes to the graph (entity labels included), unsorted.

    Examples
    --------
    >>> from kg.records import Article, Extraction, Mention, Relation
    >>> a = Article(id="a1", text="OpenAI发布Sora。", title="新闻")
    >>> s, o = Mention("a1", 0, 6, "OpenAI", "Organization"), Mention("a1", 8, 12, "Sora", "AIModel")
    >>> r = Relation("a1", s, "released", o, "release-01", 0, 13)
    >>> ts = article_triples(Extraction(a, mentions=(s, o), relations=(r,)))
    >>> (entity_iri("Organization", "OpenAI"), KG.released, entity_iri("AIModel", "Sora")) in ts
    True
    """
    art = ex.article
    trad = (art.lang or "").lower() in {"zh-hk", "zh-tw", "zh-hant", "zh-mo"}
    a = article_iri(art.id)
    out: list[Triple] = [(a, RDF.type, KG.Article), (a, SCHEMA.identifier, Literal(art.id))]
    if title := " ".join(art.title.split()):
        out.append((a, SCHEMA.headline, _text(title, trad)))
        out.append((a, RDFS.label, _text(title, trad)))
    if art.date:
        out.append((a, SCHEMA.datePublished, _date(art.date)))
    if art.url:
        out.append((a, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.lang:
        out.append((a, SCHEMA.inLanguage, Literal(art.lang)))
    if art.source:
        out.append((a, KG.source, Literal(art.source)))
        out.append((a, SCHEMA.publisher, _agent(art.source, "Organization", out)))
    if art.publisher:
        out.append((a, KG.originalPublisher, _agent(art.publisher, "Organization", out)))
    for name in _split_names(art.author or ""):
        out.append((a, SCHEMA.author, _agent(name, "Person", out)))

    def node(m: Mention) -> URIRef:
        iri = entity_iri(m.label, m.name)
        out.append((iri, RDF.type, KG[m.label]))
        out.append((iri, RDFS.label, _name(m.name)))
        if is_traditional(m.text):
            # a Traditional article's own spelling is the entity's zh-Hant label
            out.append((iri, RDFS.label, _name(m.text)))
            simplified = to_simplified(m.text)
            if simplified != m.name:
                out.append((iri, SKOS.altLabel, Literal(simplified, lang="zh")))
        elif m.text != m.name:
            out.append((iri, SKOS.altLabel, _name(m.text)))
        return iri

    for m in ex.mentions:
        out.append((a, KG.mentions, node(m)))

    for r in ex.relations:
        if r.confidence < min_confidence:
            continue
        s, o, p = node(r.subject), node(r.object), KG[r.predicate]
        out.append((s, p, o))
        st = KGID[f"statement/{stable_id(s, p, o)}"]
        ev = KGID[f"evidence/{stable_id(art.id, str(r.evidence_start), str(r.evidence_end), r.rule_id, s, p, o)}"]
        out += [
            (st, RDF.type, RDF.Statement),
            (st, RDF.subject, s),
            (st, RDF.predicate, p),
            (st, RDF.object, o),
            (st, KG.hasEvidence, ev),
            (ev, RDF.type, KG.Evidence),
            (ev, KG.sentence, _text(art.text[r.evidence_start : r.evidence_end], trad)),
            (ev, KG.startOffset, Literal(r.evidence_start)),
            (ev, KG.endOffset, Literal(r.evidence_end)),
            (ev, KG.inArticle, a),
            (ev, KG.ruleId, Literal(r.rule_id)),
            (ev, KG.method, Literal(r.method)),
            (ev, KG.confidence, _confidence(r.confidence)),
            (ev, PROV.wasDerivedFrom, a),
        ]
        if r.role and r.predicate == "worksFor":
            role = KGID[f"role/{stable_id(normalize_key(r.role))}"]
            ms = KGID[f"membership/{stable_id(s, o, normalize_key(r.role))}"]
            out += [
                (role, RDF.type, KG.Role),
                (role, RDF.type, ORG.Role),
                (role, RDFS.label, _name(r.role)),
                (ms, RDF.type, KG.Membership),
                (ms, RDF.type, ORG.Membership),
                (ms, ORG.member, s),
                (ms, ORG.organization, o),
                (ms, ORG.role, role),
                (ms, KG.inArticle, a),
            ]
    for q in ex.quotes:
        qi = KGID[f"quote/{stable_id(art.id, str(q.start), str(q.end))}"]
        out += [
            (qi, RDF.type, KG.Quote),
            (qi, KG.speaker, node(q.speaker)),
            (qi, KG.quoteText, _text(q.text, trad)),
            (qi, KG.inArticle, a),
            (qi, KG.startOffset, Literal(q.start)),
            (qi, KG.endOffset, Literal(q.end)),
        ]
        out += [(qi, KG.about, node(m)) for m in q.about]
    for c in ex.concepts:
        ci = entity_iri("Concept", c)
        out += [(ci, RDF.type, KG.Concept), (ci, RDFS.label, _name(c)), (a, KG.mentions, ci)]
    return out


class GraphBuilder:
    """Collects article triples into one graph; hands back each new triple as soon as it is final.

    Most triples are final when first seen (streamable). Entity labels and statement
    confidences depend on every article, so they come out of :meth:`finish`: one
    ``rdfs:label`` per entity and language (the one most mentions carry, then the shortest;
    the others become ``skos:altLabel``), and each statement's confidence as the highest of
    its evidence.

    Examples
    --------
    >>> from kg.records import Article, Extraction, Mention
    >>> b = GraphBuilder()
    >>> new = b.add(Extraction(Article(id="a", text="百度。"), mentions=(Mention("a", 0, 2, "百度", "Organization"),)))
    >>> any(p == RDFS.label for _, p, _ in new), any(p == RDFS.label for _, p, _ in b.finish())
    (False, True)
    """

    def __init__(self, min_confidence: float = 0.0):
        self.min_confidence = min_confidence
        self.seen: set[Triple] = set()
        self._labels: dict[tuple[URIRef, str | None], Counter[Literal]] = defaultdict(Counter)
        self._alt: set[Triple] = set()
        self._evidence_conf: dict[URIRef, Literal] = {}
        self._statement_evidence: dict[URIRef, set[URIRef]] = defaultdict(set)

    def add(self, ex: Extraction) -> list[Triple]:
        """Add one article's triples; return those not seen before that are final now."""
        return self.add_triples(article_triples(ex, self.min_confidence))

    def add_triples(self, triples: Iterable[Triple]) -> list[Triple]:
        """Add triples as :func:`article_triples` makes them (duplicates count towards labels)."""
        new: list[Triple] = []
        for t in triples:
            s, p, o = t
            if p == RDFS.label and "/article/" not in s and "/role/" not in s and isinstance(o, Literal):
                self._labels[(s, o.language)][o] += 1
                continue
            if p == SKOS.altLabel:
                self._alt.add(t)
                continue
            if p == KG.confidence and "/evidence/" in s:
                self._evidence_conf[s] = o  # type: ignore[assignment]
            elif p == KG.hasEvidence:
                self._statement_evidence[s].add(o)  # type: ignore[arg-type]
            if t not in self.seen:
                self.seen.add(t)
                new.append(t)
        return new

    def finish(self) -> list[Triple]:
        """The triples that needed every article: labels, altLabels, statement confidences."""
        out: set[Triple] = set()
        for (s, _lang), counts in self._labels.items():
            best = sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), str(kv[0])))
            out.add((s, RDFS.label, best[0][0]))
            out.update((s, SKOS.altLabel, lit) for lit, _ in best[1:])
        out.update(self._alt)
        out = {t for t in out if not (t[1] == SKOS.altLabel and (t[0], RDFS.label, t[2]) in out)}
        for st, evs in self._statement_evidence.items():
            confs = [self._evidence_conf[e] for e in evs if e in self._evidence_conf]
            if confs:
                out.add((st, KG.confidence, max(confs, key=lambda x: x.toPython())))
        return sorted(out, key=_order)

    def graph(self) -> Graph:
        """Everything added so far, finished, as one graph (triples inserted in sorted order)."""
        return _graph(self.seen | set(self.finish()))

    def serialize(self, fmt: str = "turtle") -> bytes:
        """Everything added so far, finished, in ``fmt``: the bytes :func:`serialize` gives for :meth:`graph`.

        Turtle and N-Triples are written straight from the triples, without building a graph.
        """
        name = FORMATS.get(fmt.lower())
        if name == "turtle":
            return turtle_text(self.seen | set(self.finish()), PREFIXES).encode("utf-8")
        if name == "nt":
            return "".join(sorted(map(ntriples_line, self.seen | set(self.finish())))).encode("utf-8")
        return serialize(self.graph(), fmt)


def _order(t: Triple) -> tuple[str, str, str]:
    return (str(t[0]), str(t[1]), t[2].n3())


def _graph(triples: Iterable[Triple]) -> Graph:
    g = Graph(bind_namespaces="core", identifier=GRAPH_IRI)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, Namespace(ns), override=True)
    for t in sorted(triples, key=_order):
        g.add(t)
    return g


def article_graph(ex: Extraction, min_confidence: float = 0.0) -> Graph:
    """The graph of one article alone (what a store keeps in the article's named graph).

    Examples
    --------
    >>> from kg.records import Article, Extraction
    >>> len(article_graph(Extraction(Article(id="a", text="无实体。", title="标题")))) > 0
    True
    """
    b = GraphBuilder(min_confidence)
    b.add(ex)
    return b.graph()


def build_graph(extractions: Iterable[Extraction], min_confidence: float = 0.0) -> Graph:
    """One graph of many articles: one node per entity, one triple per relation with all its evidence.

    Examples
    --------
    >>> from kg.records import Article, Extraction, Mention
    >>> exs = [Extraction(Article(id=i, text="百度。"), mentions=(Mention(i, 0, 2, "百度", "Organization"),))
    ...        for i in ("a", "b")]
    >>> g = build_graph(exs)
    >>> len(set(g.subjects(RDF.type, KG.Organization)))
    1
    """
    b = GraphBuilder(min_confidence)
    for ex in extractions:
        b.add(ex)
    return b.graph()


def ntriples_line(t: Triple) -> str:
    """One N-Triples line.

    Examples
    --------
    >>> ntriples_line((KGID["x"], RDFS.label, Literal("吴飞", lang="zh")))
    '<https://w3id.org/kgnews/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "吴飞"@zh .\\n'
    """
    return f"{_nt_term(t[0])} {_nt_term(t[1])} {_nt_term(t[2])} .\n"


def _nt_term(term) -> str:
    """A term as N-Triples writes it: literals on one line, always in plain double quotes.

    Examples
    --------
    >>> _nt_term(Literal('a "b"\\n', lang="zh"))
    '"a \\\\"b\\\\"\\\\n"@zh'
    """
    if not isinstance(term, Literal):
        return term.n3()
    text = literal_text(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and str(term.datatype) != str(XSD.string):
        return f"{text}^^<{term.datatype}>"
    return text


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialize deterministically: the same graph gives the same bytes in every format.

    Examples
    --------
    >>> g = build_graph([])
    >>> serialize(g, "nt")
    b''
    >>> serialize(g, "pdf")
    Traceback (most recent call last):
    ...
    kg.errors.OutputError: unknown output format 'pdf'; choose one of jsonld, nt, trig, turtle, xml
    """
    name = FORMATS.get(fmt.lower())
    if name is None:
        choices = ", ".join(sorted({"turtle", "nt", "jsonld", "trig", "xml"}))
        raise OutputError(f"unknown output format {fmt!r}; choose one of {choices}")
    if name == "nt":
        lines = sorted(ntriples_line(t) for t in graph)
        return "".join(lines).encode("utf-8")
    if name == "turtle":
        return turtle_text(graph, PREFIXES).encode("utf-8")
    data = graph.serialize(format=name, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")
