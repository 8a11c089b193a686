"""A persistent on-disk RDF store (Oxigraph): one named graph per article, updated incrementally.

Layout of a store
-----------------
* every article's triples live in a named graph whose name is the article's IRI;
* the default graph holds the merged graph: the set union of all article graphs, so
  queries without ``GRAPH`` see each triple once, as in the graph ``kg build`` writes;
* the bookkeeping graph ``STORE_GRAPH`` records each article's content hash.

Atomicity
---------
Nothing is ever half-written. Oxigraph applies a ``load`` call and a SPARQL update
request in one transaction (all or nothing). Each batch of articles is written with
exactly one such call: a batch of new articles is one N-Quads ``load`` of their named
graphs, their default-graph copies and their hashes; a batch with changed articles is one
SPARQL update request that removes their old triples and inserts the new ones and the
hashes. A store that does not exist yet is written with Oxigraph's fast bulk loader into
a temporary directory beside it, which is renamed into place only once complete.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import IngestError, StoreError
from kg.formats import QUAD_FORMATS, format_for_path, nt_term
from kg.names import stable_id
from kg.vocab import PREFIXES

__all__ = [
    "STORE_GRAPH",
    "CONTENT_HASH",
    "StoreReport",
    "open_store",
    "close_store",
    "is_store",
    "update_articles",
    "stored_hashes",
    "load_files",
    "store_stats",
    "query_store",
    "to_oxigraph",
    "from_oxigraph",
    "oxigraph_format",
]

STORE_GRAPH = URIRef("https://w3id.org/kgnews/id/store")
"""Named graph of the store's own bookkeeping (content hashes); not part of the merged graph."""
CONTENT_HASH = URIRef("https://w3id.org/kgnews/id/store#contentHash")
"""Predicate linking an article graph's name to the hash of the content it was built from."""

_OPEN: dict[str, ox.Store] = {}
_BULK_LINES = 400_000
"""N-Quads lines handed to Oxigraph's bulk loader at a time when a new store is built."""
_LOCK = threading.RLock()
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
    "nquads": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True, slots=True)
class StoreReport:
    """What an update did to a store."""

    added: int = 0
    """Articles (or files) that were new."""
    replaced: int = 0
    """Articles whose content changed: their named graph was replaced."""
    unchanged: int = 0
    """Articles with the same content hash as stored: skipped."""
    triples: int = 0
    """Triples in the merged (default) graph afterwards."""


def oxigraph_format(name: str) -> ox.RdfFormat:
    """Oxigraph's format object for a kg format name.

    Examples
    --------
    >>> oxigraph_format("nt")
    <RdfFormat N-Triples>
    """
    return _OX_FORMATS[name]


def to_oxigraph(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term.

    Examples
    --------
    >>> to_oxigraph(Literal("百度", lang="zh"))
    <Literal value=百度 language=zh>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise StoreError(f"cannot store the term {term!r}")


def from_oxigraph(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term.

    Examples
    --------
    >>> from_oxigraph(ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer))))
    rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == str(XSD.string) else Literal(term.value, datatype=URIRef(dt))
    raise StoreError(f"cannot read the stored term {term!r}")


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a directory holding an Oxigraph database."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()


def open_store(path: str | Path, create: bool = True) -> ox.Store:
    """Open (or create) the store in directory ``path``; one handle per directory and process.

    A store held by another process raises :class:`~kg.errors.StoreError` saying so.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp() + "/store"
    >>> len(open_store(d))
    0
    >>> close_store(d)
    """
    p = Path(path)
    key = str(p.resolve())
    with _LOCK:
        if key in _OPEN:
            return _OPEN[key]
        if not create and not is_store(p):
            raise StoreError(f"{p}: not a kg store (no Oxigraph database in it)")
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: not a directory")
        if p.is_dir() and not is_store(p) and any(p.iterdir()):
            raise StoreError(f"{p}: not a kg store, and not empty; give a new or empty directory")
        try:
            store = ox.Store(str(p))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreError(
                    f"{p}: the store is in use by another process (its lock file {p / 'LOCK'} is held); "
                    "stop that process (kg serve, kg build --store, kg store) and try again"
                ) from exc
            raise StoreError(f"{p}: cannot open the store: {msg}") from exc
        _OPEN[key] = store
        return store


def close_store(path: str | Path) -> None:
    """Release this process's handle on a store (and its lock)."""
    with _LOCK:
        store = _OPEN.pop(str(Path(path).resolve()), None)
        if store is not None:
            store.flush()
            del store
            gc.collect()


def query_store(store: ox.Store, query: str, bindings: Mapping[str, Node] | None = None) -> Any:
    """Run SPARQL on a store's merged graph with kg's prefixes; variables bound by substitution.

    Examples
    --------
    >>> s = ox.Store()
    >>> bool(query_store(s, "ASK { ?s kg:released ?o }"))
    False
    """
    subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
    return store.query(query, prefixes=PREFIXES, substitutions=subs or None)


def _hashes(store: ox.Store) -> dict[str, str]:
    q = f"SELECT ?g ?h WHERE {{ GRAPH <{STORE_GRAPH}> {{ ?g <{CONTENT_HASH}> ?h }} }}"
    return {s["g"].value: s["h"].value for s in store.query(q)}


def stored_hashes(store_dir: str | Path) -> dict[str, str]:
    """Article IRI → content hash of every article in a store (empty when there is no store).

    Lets a build skip extracting articles whose content is already stored.

    Examples
    --------
    >>> import tempfile
    >>> stored_hashes(tempfile.mkdtemp() + "/none")
    {}
    """
    if not is_store(store_dir):
        return {}
    return _hashes(open_store(store_dir))


def _triples(source: Graph | Path, prefix: str) -> Iterator[str]:
    """``s p o`` in N-Triples syntax for each triple of a graph, or of a triples file (parsed by Oxigraph)."""
    if isinstance(source, Graph):
        for s, p, o in source:
            yield f"{nt_term(s, prefix)} {nt_term(p)} {nt_term(o, prefix)}"
        return
    fmt = format_for_path(source)
    try:
        for q in ox.parse(path=str(source), format=_OX_FORMATS[fmt], base_iri=source.resolve().as_uri(),
                          rename_blank_nodes=True):
            yield f"{q.subject} {q.predicate} {q.object}"
    except SyntaxError as exc:
        raise IngestError(f"{source}:{exc.lineno or '?'}: malformed {fmt}: {str(exc.msg).splitlines()[0]}") from exc
    except OSError as exc:
        raise IngestError(f"{source}: cannot read: {exc}") from exc


def _lines(iri: str, content_hash: str, graph: Graph | Path, named: bool) -> Iterator[str]:
    """N-Quads lines (or SPARQL quad data when not ``named``) of one article: its named
    graph, its default-graph copy, its hash."""
    prefix = f"b{stable_id(iri, length=12)}x"
    g = f"<{iri}>"
    for t in _triples(graph, prefix):
        yield f"{t} {g} .\n" if named else f"GRAPH {g} {{ {t} }}\n"
        yield f"{t} .\n"
    meta = f"{g} <{CONTENT_HASH}> {nt_term(Literal(content_hash))}"
    yield f"{meta} <{STORE_GRAPH}> .\n" if named else f"GRAPH <{STORE_GRAPH}> {{ {meta} }}\n"


def _remove(iri: str) -> str:
    """SPARQL that removes an article's graph and those of its triples no other article has."""
    g, meta = f"<{iri}>", f"<{STORE_GRAPH}>"
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g} && ?other != {meta}) }} }} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ GRAPH {meta} {{ {g} <{CONTENT_HASH}> ?h }} }} ;\n"
    )


def _write_batch(store: ox.Store, batch: dict[str, tuple[str, Graph]], changed: set[str]) -> None:
    """Write one batch in exactly one transaction (see the module's notes on atomicity)."""
    try:
        if not changed:
            data = "".join(line for iri, (h, g) in batch.items() for line in _lines(iri, h, g, True))
            store.load(input=data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            return
        body = "".join(line for iri, (h, g) in batch.items() for line in _lines(iri, h, g, False))
        removal = "".join(_remove(iri) for iri in sorted(changed))
        store.update(f"{removal}INSERT DATA {{\n{body}}}")
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"the store update failed and was rolled back: {exc}") from exc


def _batches(items: Iterable[tuple[str, str, Graph]], size: int) -> Iterator[list[tuple[str, str, Graph]]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _merged_size(store: ox.Store) -> int:
    res = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(next(iter(res))["n"].value)


def update_articles(
    store_dir: str | Path, items: Iterable[tuple[str, str, Graph]], batch_size: int = 200
) -> StoreReport:
    """Add, replace or skip articles in a store, from ``(article_iri, content_hash, graph)`` items.

    An article whose hash is already stored is skipped (a re-run changes nothing); a new one is
    added; one with a different hash has its named graph replaced. Each batch of
    ``batch_size`` articles is one transaction. A store directory that does not exist yet is
    built beside it and renamed into place when complete.

    Examples
    --------
    >>> import tempfile
    >>> from kg.vocab import KG, KGID
    >>> d = tempfile.mkdtemp() + "/store"
    >>> g = Graph().add((KGID["Organization/1"], KG.released, KGID["AIModel/2"]))
    >>> update_articles(d, [(str(KGID["article/a"]), "h1", g)])
    StoreReport(added=1, replaced=0, unchanged=0, triples=1)
    >>> update_articles(d, [(str(KGID["article/a"]), "h1", g)])
    StoreReport(added=0, replaced=0, unchanged=1, triples=1)
    >>> close_store(d)
    """
    target = Path(store_dir)
    if not target.exists():
        return _create(target, items)
    store = open_store(target)
    added = replaced = unchanged = 0
    with _LOCK:
        known = _hashes(store)
        for chunk in _batches(items, batch_size):
            batch: dict[str, tuple[str, Graph]] = {}
            for iri, content_hash, graph in chunk:
                batch[str(iri)] = (content_hash, graph)
            for iri in [i for i, (h, _) in batch.items() if known.get(i) == h]:
                del batch[iri]
                unchanged += 1
            if not batch:
                continue
            changed = {iri for iri in batch if iri in known}
            _write_batch(store, batch, changed)
            added += len(batch) - len(changed)
            replaced += len(changed)
            known.update({iri: h for iri, (h, _) in batch.items()})
        store.flush()
        return StoreReport(added, replaced, unchanged, _merged_size(store))


def _create(target: Path, items: Iterable[tuple[str, str, Graph]]) -> StoreReport:
    """Bulk-load a new store in a temporary directory, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    seen: set[str] = set()
    try:
        store = ox.Store(str(tmp))
        chunk: list[str] = []
        for iri, content_hash, graph in items:
            if str(iri) in seen:
                continue
            seen.add(str(iri))
            for line in _lines(str(iri), content_hash, graph, True):
                chunk.append(line)
                if len(chunk) >= _BULK_LINES:
                    store.bulk_load(input="".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
                    chunk = []
        if chunk:
            store.bulk_load(input="".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        gc.collect()
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    store = open_store(target)
    return StoreReport(added=len(seen), triples=_merged_size(store))


def _file_items(paths: Iterable[str | Path]) -> Iterator[tuple[str, str, Graph]]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            raise StoreError(f"{path}: a directory cannot be loaded into a store; give RDF files")
        if format_for_path(path) in QUAD_FORMATS:
            raise StoreError(f"{path}: load triples files (Turtle, N-Triples, JSON-LD, RDF/XML) into a store")
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError as exc:
            raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        yield path.resolve().as_uri(), digest.hexdigest(), path  # type: ignore[misc]  # parsed when written


def load_files(store_dir: str | Path, paths: Iterable[str | Path]) -> StoreReport:
    """Load RDF files into a store, each as its own named graph (named by the file's URI).

    Files whose bytes did not change since the last load are skipped; a changed file
    replaces its graph.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "g.nt").write_text('<https://w3id.org/kgnews/id/a> <https://w3id.org/kgnews/ontology#mentions> <https://w3id.org/kgnews/id/b> .\\n')
    >>> load_files(d / "store", [d / "g.nt"]).triples
    1
    >>> close_store(d / "store")
    """
    return update_articles(store_dir, _file_items(paths), batch_size=1)


def store_stats(store_dir: str | Path) -> dict[str, Any]:
    """Counts of a store: triples of the merged graph, quads, article graphs, size on disk.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp() + "/store"
    >>> _ = open_store(d)
    >>> store_stats(d)["graphs"]
    0
    >>> close_store(d)
    """
    path = Path(store_dir)
    store = open_store(path, create=False)
    graphs = sum(1 for g in store.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value == str(STORE_GRAPH)))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return {
        "store": str(path),
        "triples": _merged_size(store),
        "quads": len(store),
        "graphs": graphs,
        "bytes": size,
    }

