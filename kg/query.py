"""SPARQL over kg's graphs and stores: load, run prepared queries with bindings, format results."""

from __future__ import annotations

import ctypes
import functools
import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import rdflib.plugins.sparql
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import Namespace
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import IngestError, KgError, QueryError
from kg.formats import FORMATS, QUAD_FORMATS, format_for_path
from kg.results import RESULT_FORMATS, QueryResult, format_result
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "QueryResult",
    "QueryTimeout",
    "RESULT_FORMATS",
    "load_graph",
    "run_query",
    "format_result",
    "named_queries",
    "resolve_query",
    "parse_param",
    "check_service",
]

# rdflib would fetch the IRIs of FROM clauses from the web; kg queries only the data it was given.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

_QUERIES_DIR = Path(__file__).resolve().parent / "queries"
_T = TypeVar("_T")
Source = Any
"""A path to an RDF file or store directory, an rdflib Graph, or a pyoxigraph Store."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


# --------------------------------------------------------------------------- loading


def _error_line(exc: BaseException) -> int | None:
    """The line an rdflib/xml/json parser reported, if any."""
    for attr in ("lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    if hasattr(exc, "getLineNumber"):
        return exc.getLineNumber()
    m = re.search(r"\bline:? ?(\d+)", str(exc))
    return int(m.group(1)) if m else None


def _locate(path: Path, fmt: str) -> tuple[int | None, str | None]:
    """Ask Oxigraph's parser (precise positions) where a file is malformed."""
    try:
        import pyoxigraph as ox

        from kg.store import oxigraph_format

        for _ in ox.parse(path=str(path), format=oxigraph_format(fmt), base_iri=path.resolve().as_uri()):
            pass
    except SyntaxError as exc:
        return exc.lineno, (exc.msg if isinstance(exc.msg, str) else str(exc)).splitlines()[0]
    except Exception:  # the precise parser is only a helper for the message
        return None, None
    return None, None


def load_graph(source: str | Path) -> Graph | pyoxigraph.Store:
    """Read an RDF file (format from its extension) or open a kg store directory.

    Turtle, N-Triples, JSON-LD, TriG, N-Quads and RDF/XML are read into an rdflib graph
    (a union-default :class:`~rdflib.Dataset` for formats with named graphs). A malformed
    file raises :class:`~kg.errors.IngestError` naming the file and line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<https://w3id.org/kgnews/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "百度"@zh .\\n')
    >>> len(load_graph(p))
    1
    >>> _ = p.write_text('<https://w3id.org/kgnews/id/a> <b> .\\n')
    >>> load_graph(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.IngestError: ...g.nt:1: malformed nt: ...
    """
    path = Path(source)
    if path.is_dir():
        from kg.store import open_store

        return open_store(path, create=False)
    if not path.is_file():
        raise IngestError(f"{path}: no such file or store directory")
    fmt = format_for_path(path)
    graph: Graph = Dataset(default_union=True) if fmt in QUAD_FORMATS else Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(ns), override=True)
    try:
        graph.parse(path, format=FORMATS[fmt])
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        line, msg = _locate(path, fmt)
        line = line or _error_line(exc)
        detail = msg or " ".join(str(exc).split())[:200]
        where = f"{path}:{line}" if line else str(path)
        raise IngestError(f"{where}: malformed {fmt}: {detail}") from exc
    return graph


# --------------------------------------------------------------------------- queries


def named_queries() -> dict[str, str]:
    """The named queries shipped in ``kg/queries/``, by file stem.

    Examples
    --------
    >>> "released_models" in named_queries()
    True
    """
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(_QUERIES_DIR.glob("*.rq"))}


def resolve_query(query: str) -> str:
    """SPARQL text from a ``.rq`` file path, a shipped query's name, or the text itself.

    Examples
    --------
    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> resolve_query("released_models").lstrip().startswith("#")
    True
    """
    q = query.strip()
    if q.endswith(".rq") or (len(q) < 256 and "\n" not in q and Path(q).is_file()):
        try:
            return Path(q).read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{q}: cannot read the query file: {exc.strerror or exc}") from exc
    named = named_queries()
    if q in named:
        return named[q]
    return query


_STRIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
    re.S,
)


def _code(query: str) -> str:
    """The query without strings, IRIs and comments (so keywords can be searched safely)."""
    return _STRIP.sub(" ", query)


def check_service(query: str, allow_service: bool = False) -> None:
    """Refuse federated queries (``SERVICE``): they make the engine fetch from the network.

    Examples
    --------
    >>> check_service('SELECT * { ?s ?p "SERVICE" }')
    >>> check_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE (federated) queries are refused; allow them with --allow-service
    """
    if not allow_service and re.search(r"(?<![?$:\w])SERVICE(?![\w:-])", _code(query), re.I):
        raise QueryError("SERVICE (federated) queries are refused; allow them with --allow-service")


def _oxigraph_position(query: str) -> SyntaxError | None:
    """Oxigraph's parser pinpoints syntax errors better than pyparsing; ask it where."""
    try:
        import pyoxigraph as ox

        ox.Store().query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        return exc
    except Exception:  # only a helper for the message
        return None
    return None


def _syntax_error(exc: BaseException, query: str) -> QueryError:
    """A one-line QueryError giving the line and column of a syntax error."""
    if not isinstance(exc, SyntaxError):
        exc = _oxigraph_position(query) or exc
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = str(getattr(exc, "msg", None) or exc)
    m = re.search(r"error at (\d+):(\d+)", str(exc))
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        msg = str(exc)[m.end():].lstrip(": ")
    msg = " ".join(msg.split())
    if "Prefix not found" in msg:
        msg = "unknown prefix"
    elif len(msg) > 120:
        msg = msg[:117] + "…"
    if isinstance(line, int) and isinstance(col, int):
        lines = query.splitlines()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        near = text[max(col - 1, 0):][:30].strip()
        where = f" near {near!r}" if near else " at the end"
        return QueryError(f"invalid SPARQL at line {line}, column {col}{where}: {msg}")
    return QueryError(f"invalid SPARQL: {msg}")


_PARSE_LOCK = threading.Lock()


@functools.lru_cache(maxsize=256)
def _prepared(query: str) -> Any:
    with _PARSE_LOCK:  # pyparsing's parser state is not safe to share between threads
        try:
            return prepareQuery(query, initNs=PREFIXES)
        except Exception as exc:  # pyparsing and rdflib raise several types for bad queries
            raise _syntax_error(exc, query) from exc


def parse_param(value: str) -> Node:
    """Turn a ``--param`` value into an RDF term (never into query text).

    ``<iri>``, ``http(s)://…`` and ``prefix:local`` with a known prefix give IRIs;
    ``"text"@lang`` and ``"text"^^<datatype>`` give literals; anything else is a plain string.

    Examples
    --------
    >>> parse_param("kgid:AIModel/abc")
    rdflib.term.URIRef('https://w3id.org/kgnews/id/AIModel/abc')
    >>> parse_param('"Sora"@en')
    rdflib.term.Literal('Sora', lang='en')
    >>> parse_param('百度"} ; DROP ALL')
    rdflib.term.Literal('百度"} ; DROP ALL')
    """
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return URIRef(v[1:-1])
    if re.match(r"^https?://\S+$", v):
        return URIRef(v)
    m = re.match(r"^([A-Za-z][\w-]*):(\S*)$", v)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + m.group(2))
    m = re.match(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^<([^>]+)>)$', v, re.S)
    if m:
        text = re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t", "r": "\r"}.get(e.group(1), e.group(1)), m.group(1))
        if m.group(2):
            return Literal(text, lang=m.group(2))
        return Literal(text, datatype=URIRef(m.group(3)))
    return Literal(value)


def _deadline(fn: Callable[[], _T], timeout: float | None) -> _T:
    """Run ``fn`` in a worker thread; past ``timeout`` seconds, stop it and raise QueryTimeout.

    The worker is stopped by raising an exception inside it (rdflib's evaluation is Python
    and stops at once; Oxigraph stops when its next solution comes back to Python).
    """
    if timeout is None:
        return fn()
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except _Stop:
            pass
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident or 0), ctypes.py_object(_Stop))
        raise QueryTimeout(f"the query timed out after {timeout:g} s and was stopped")
    if "error" in box:
        raise box["error"]
    return box["value"]


class _Stop(BaseException):
    """Raised inside a query worker whose time is up (BaseException: rdflib must not swallow it)."""


def _limit(items: Any, max_results: int | None) -> tuple[list[Any], bool]:
    out: list[Any] = []
    for item in items:
        if max_results is not None and len(out) >= max_results:
            return out, True
        out.append(item)
    return out, False


def _new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, Namespace(ns), override=True)
    return g


def _rdflib_query(graph: Graph, query: str, bindings: dict[str, Node], max_results: int | None) -> QueryResult:
    prepared = _prepared(query)
    algebra = prepared.algebra
    if bindings:
        if algebra.name != "SelectQuery":
            raise QueryError("--param binds variables of SELECT queries only")
        projected = {str(v) for v in algebra.PV}
        for name in bindings:
            if name not in projected:
                raise QueryError(f"--param {name}: ?{name} is not a variable of the query's SELECT clause")
    try:
        res = graph.query(prepared, initBindings=bindings)
        if res.type == "ASK":
            return QueryResult("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            triples, cut = _limit(res.graph or (), max_results)
            g = _new_graph()
            for t in triples:
                g.add(t)
            return QueryResult("graph", graph=g, truncated=cut)
        names = tuple(str(v) for v in (res.vars or ()))
        rows, cut = _limit((tuple(row) for row in res), max_results)
        return QueryResult("select", variables=names, rows=tuple(rows), truncated=cut)
    except KgError:
        raise
    except Exception as exc:  # evaluation errors come in many types
        raise QueryError(f"the query failed: {' '.join(str(exc).split())[:300]}") from exc


def _store_query(store: Any, query: str, bindings: dict[str, Node], max_results: int | None) -> QueryResult:
    import pyoxigraph as ox

    from kg.store import from_oxigraph, query_store

    try:
        res = query_store(store, query, bindings)
    except SyntaxError as exc:
        raise _syntax_error(exc, query) from exc
    except RuntimeError as exc:
        m = re.search(r"does not contains? variable \?(\w+)", str(exc))
        if m:
            raise QueryError(f"--param {m.group(1)}: ?{m.group(1)} is not a variable of the query's SELECT clause") from exc
        raise QueryError(f"the query failed: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from exc
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        triples, cut = _limit(res, max_results)
        g = _new_graph()
        for t in triples:
            g.add((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)))
        return QueryResult("graph", graph=g, truncated=cut)
    names = tuple(v.value for v in res.variables)
    sols, cut = _limit(res, max_results)
    rows = tuple(tuple(from_oxigraph(s[n]) if s[n] is not None else None for n in names) for s in sols)
    return QueryResult("select", variables=names, rows=rows, truncated=cut)


def run_query(
    source: Source,
    query_text: str,
    params: Mapping[str, str | Node] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = None,
    max_results: int | None = None,
) -> QueryResult:
    """Answer a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over a graph or store.

    ``params`` bind variables of the query as RDF terms (strings go through
    :func:`parse_param`); a value is never pasted into the query text. A bound variable
    must appear in the SELECT clause and be matched by a triple pattern. kg's prefixes
    (``kg:``, ``kgid:``, ``rdfs:``, ``schema:``, ``org:`` …) are always declared.
    ``SERVICE`` is refused unless ``allow_service``; ``timeout`` stops a long query with
    :class:`QueryTimeout`; ``max_results`` cuts the answer (``truncated`` is then True).

    Examples
    --------
    >>> from kg.vocab import KG, KGID
    >>> g = Graph().add((KGID["Organization/1"], KG.released, KGID["AIModel/2"]))
    >>> r = run_query(g, "SELECT ?org ?m WHERE { ?org kg:released ?m }", {"org": "kgid:Organization/1"})
    >>> [str(m) for _, m in r.rows]
    ['https://w3id.org/kgnews/id/AIModel/2']
    >>> run_query(g, "ASK { ?x kg:released ?y }").boolean
    True
    >>> run_query(g, "SELECT ?x WHERE {\\n  ?x kg:released }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: invalid SPARQL at line 2, column ...
    """
    check_service(query_text, allow_service)
    bindings = {k.lstrip("?$"): (v if isinstance(v, Node) else parse_param(v)) for k, v in (params or {}).items()}
    target = load_graph(source) if isinstance(source, (str, Path)) else source
    if isinstance(target, Graph):
        _prepared(query_text)  # syntax errors surface before any work starts
        return _deadline(lambda: _rdflib_query(target, query_text, bindings, max_results), timeout)
    return _deadline(lambda: _store_query(target, query_text, bindings, max_results), timeout)
