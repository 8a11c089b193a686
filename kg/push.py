"""Load a graph into a running triple store over the SPARQL 1.1 Graph Store HTTP Protocol."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Graph

from kg.errors import StoreError
from kg.formats import nt_term

__all__ = ["PushReport", "push", "gsp_url"]


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent."""

    triples: int
    """Triples sent."""
    requests: int
    """HTTP requests that succeeded."""
    retries: int
    """Requests that had to be repeated (connection errors, 5xx answers)."""
    graph: str | None
    """The named graph loaded into (None: the default graph)."""


def gsp_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of a graph at an endpoint.

    Examples
    --------
    >>> gsp_url("http://127.0.0.1:7878/store", None)
    'http://127.0.0.1:7878/store?default'
    >>> gsp_url("http://127.0.0.1:7878/store", "https://example.org/g?x=1")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1'
    """
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph_iri is None else f"{endpoint}{sep}graph={quote(graph_iri, safe='')}"


def _lines(source: Any) -> tuple[list[str], list[str]]:
    """N-Triples lines of a graph or store: (lines without blank nodes, lines with them)."""
    plain: list[str] = []
    blank: list[str] = []
    if isinstance(source, Graph):
        for s, p, o in source:
            line = f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"
            (blank if isinstance(s, BNode) or isinstance(o, BNode) else plain).append(line)
        return plain, blank
    import pyoxigraph as ox

    for q in source.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        line = f"{q.subject} {q.predicate} {q.object} .\n"
        has_blank = isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
        (blank if has_blank else plain).append(line)
    return plain, blank


def _batches(plain: list[str], blank: list[str], size: int) -> Iterator[list[str]]:
    """Batches of ``size`` lines; all blank-node triples travel together in the last one,
    because a blank node means one node only within one request."""
    for i in range(0, len(plain), size):
        yield plain[i : i + size]
    if blank:
        yield blank


def _send(url: str, method: str, body: bytes, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (the user's endpoint)
        resp.read()


def push(
    graph_path_or_graph: str | Path | Any,
    endpoint: str,
    graph_iri: str | None = None,
    batch_size: int = 50000,
    retries: int = 3,
    *,
    replace: bool = False,
    timeout: float = 120.0,
    backoff: float = 0.5,
) -> PushReport:
    """Send a graph (file, store directory, rdflib Graph or pyoxigraph Store) to a triple store.

    Triples go as N-Triples in POST requests of ``batch_size`` to ``endpoint?graph=IRI``
    (or ``?default``); for Oxigraph the endpoint is ``http://host:port/store``. With
    ``replace`` the first request is a PUT, which replaces the graph's content. Connection
    errors and 5xx answers are retried ``retries`` times with exponential backoff; a refusal
    (4xx) raises :class:`~kg.errors.StoreError` quoting the server's answer.
    """
    if isinstance(graph_path_or_graph, (str, Path)):
        from kg.query import load_graph

        source = load_graph(graph_path_or_graph)
    else:
        source = graph_path_or_graph
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    url = gsp_url(endpoint, graph_iri)
    plain, blank = _lines(source)
    sent = requests = repeats = 0
    for lines in _batches(plain, blank, batch_size):
        body = "".join(lines).encode("utf-8")
        method = "PUT" if replace and requests == 0 else "POST"
        for attempt in range(retries + 1):
            try:
                _send(url, method, body, timeout)
                break
            except urllib.error.HTTPError as exc:
                answer = " ".join(exc.read().decode("utf-8", errors="replace").split())[:300]
                if exc.code < 500 or attempt == retries:
                    raise StoreError(
                        f"{endpoint} refused the data ({method} {url}): HTTP {exc.code} {exc.reason}"
                        + (f": {answer}" if answer else "")
                    ) from exc
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                if attempt == retries:
                    reason = getattr(exc, "reason", exc)
                    raise StoreError(
                        f"cannot reach {endpoint} after {retries + 1} tries: {reason}; "
                        f"{sent} of {len(plain) + len(blank)} triples were sent"
                    ) from exc
            repeats += 1
            time.sleep(backoff * (2**attempt))
        sent += len(lines)
        requests += 1
    return PushReport(triples=sent, requests=requests, retries=repeats, graph=graph_iri)
