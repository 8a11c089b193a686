"""A read-only SPARQL 1.1 Protocol endpoint over a graph file or store, on the standard library."""

from __future__ import annotations

import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError, QueryError
from kg.query import QueryResult, QueryTimeout, format_result, load_graph, run_query

__all__ = ["SparqlServer", "make_server", "serve", "negotiate", "MEDIA_TYPES"]

MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
}
"""Result formats and the media type each is sent as."""

_ACCEPTED: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
_SOLUTION_FORMATS = ("json", "xml", "csv", "tsv")
_GRAPH_FORMATS = ("turtle", "nt")
_MAX_BODY = 1 << 20
_INDEX = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body><h1>kg SPARQL endpoint</h1><p>Send SPARQL 1.1 queries to <a href="/sparql">/sparql</a>
(GET ?query=… or POST). The ontology is at <a href="/ontology">/ontology</a>.</p>
<form action="/sparql" method="get"><textarea name="query" rows="8" cols="80">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea>
<br><input type="hidden" name="format" value="csv"><button>Run (CSV)</button></form></body></html>
"""


def negotiate(accept: str | None, kind: str) -> str:
    """The result format to send for an ``Accept`` header and a result kind.

    Media ranges are weighed by their ``q`` parameter; what the client does not name gets
    the default (SPARQL JSON for solutions and booleans, Turtle for graphs).

    Examples
    --------
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'xml'
    >>> negotiate("*/*", "graph"), negotiate(None, "ask")
    ('turtle', 'json')
    """
    allowed = _GRAPH_FORMATS if kind == "graph" else _SOLUTION_FORMATS
    best, best_q = allowed[0], -1.0
    for i, part in enumerate((accept or "").split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        fmt = _ACCEPTED.get(media.lower())
        if fmt in allowed and q > best_q and q > 0:
            best, best_q = fmt, q - i * 1e-6  # earlier entries win ties
    return best


class SparqlServer(ThreadingHTTPServer):
    """A threaded HTTP server holding the dataset and the endpoint's limits."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], target: Any, *, timeout: float, max_results: int,
                 allow_service: bool, html_page: Path | None, log: bool):
        super().__init__(address, _Handler)
        self.target = target
        self.query_timeout = timeout
        self.max_results = max_results
        self.allow_service = allow_service
        self.html = html_page.read_bytes() if html_page else _INDEX.encode("utf-8")
        self.log = log
        self.gate = threading.BoundedSemaphore(8)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql/0.1"

    # -------------------------------------------------------------- plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (BaseHTTPRequestHandler's name)
        if self.server.log:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -------------------------------------------------------------- methods
    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Allow", "GET, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        args = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/sparql", "/query") and ("query" in args or "update" in args):
            return self._answer(args)
        if url.path == "/":
            return self._send(HTTPStatus.OK, self.server.html, "text/html; charset=utf-8")
        if url.path in ("/sparql", "/query"):
            return self._text(HTTPStatus.BAD_REQUEST, "missing the query parameter: /sparql?query=SELECT…")
        if url.path in ("/ontology", "/ontology.ttl"):
            from kg.resources import ontology_dir

            body = (ontology_dir() / "kg.ttl").read_bytes()
            return self._send(HTTPStatus.OK, body, "text/turtle; charset=utf-8")
        self._text(HTTPStatus.NOT_FOUND, f"no such page: {url.path} (try /sparql, /ontology or /)")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query"):
            return self._text(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path} (POST queries to /sparql)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._text(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if length > _MAX_BODY:
            self.close_connection = True
            return self._text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request body is over {_MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        args = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._refuse_update()
        if ctype == "application/sparql-query":
            args["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            args.update(parse_qs(body, keep_blank_values=True))
        else:
            return self._text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {ctype or '(none)'}; send application/sparql-query "
                "or application/x-www-form-urlencoded",
            )
        self._answer(args)

    # -------------------------------------------------------------- queries
    def _refuse_update(self) -> None:
        self._text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")

    def _answer(self, args: dict[str, list[str]]) -> None:
        if "update" in args:
            return self._refuse_update()
        queries = args.get("query") or [""]
        if len(queries) != 1 or not queries[0].strip():
            return self._text(HTTPStatus.BAD_REQUEST, "give exactly one non-empty query parameter")
        srv = self.server
        if not srv.gate.acquire(timeout=srv.query_timeout):
            return self._text(HTTPStatus.SERVICE_UNAVAILABLE, "the endpoint is busy; try again later")
        try:
            result = run_query(
                srv.target, queries[0], allow_service=srv.allow_service,
                timeout=srv.query_timeout, max_results=srv.max_results,
            )
        except QueryTimeout as exc:
            return self._text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except QueryError as exc:
            return self._text(HTTPStatus.BAD_REQUEST, str(exc))
        except KgError as exc:
            return self._text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        except Exception as exc:  # one bad query must not take the connection down
            return self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {type(exc).__name__}: {exc}")
        finally:
            srv.gate.release()
        self._result(result, args)

    def _result(self, result: QueryResult, args: dict[str, list[str]]) -> None:
        fmt = (args.get("format") or [""])[0].lower()
        allowed = _GRAPH_FORMATS if result.kind == "graph" else _SOLUTION_FORMATS
        if fmt not in allowed:
            fmt = negotiate(self.headers.get("Accept"), result.kind)
        body = format_result(result, fmt).encode("utf-8")
        extra = {"Vary": "Accept"}
        if result.truncated:
            extra["X-Kg-Truncated"] = str(self.server.max_results)
        self._send(HTTPStatus.OK, body, f"{MEDIA_TYPES[fmt]}; charset=utf-8", extra)


def make_server(
    source: Any,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    max_results: int = 10000,
    allow_service: bool = False,
    html_page: Path | None = None,
    log: bool = True,
) -> SparqlServer:
    """Load the dataset and bind the endpoint (port 0 picks a free one); call ``serve_forever``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> srv = make_server(Graph(), port=0, log=False)
    >>> srv.url.startswith("http://127.0.0.1:")
    True
    >>> srv.server_close()
    """
    target = load_graph(source) if isinstance(source, (str, Path)) else source
    try:
        return SparqlServer(
            (host, port), target, timeout=timeout, max_results=max_results,
            allow_service=allow_service, html_page=Path(html_page) if html_page else None, log=log,
        )
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def serve(source: Any, host: str = "127.0.0.1", port: int = 7878, **options: Any) -> None:
    """Serve ``source`` (graph file, store directory, or loaded graph) until interrupted.

    The endpoint is ``/sparql`` (GET ``?query=`` or POST, form or ``application/sparql-query``),
    read-only (updates answer 403), with a per-query ``timeout`` (503 when passed), answers cut
    at ``max_results``, SERVICE refused unless ``allow_service``, CORS open. ``/`` serves
    ``html_page`` and ``/ontology`` the ontology in Turtle; ``options`` are :func:`make_server`'s.
    """
    srv = make_server(source, host, port, **options)
    sys.stderr.write(f"kg serve: SPARQL endpoint at {srv.url}/sparql (Ctrl-C stops)\n")
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
