"""Tests of kg.server with real HTTP requests on 127.0.0.1: protocol, conneg, limits, safety."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.server import SparqlServer, make_server, negotiate
from kg.store import close_store, update_articles
from kg.rdf import article_graph, article_iri
from test_query import news_extractions, news_graph

SELECT = "SELECT ?m ?l WHERE { ?m a kg:AIModel ; rdfs:label ?l } ORDER BY ?l"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@contextlib.contextmanager
def _running(source, **options) -> Iterator[SparqlServer]:
    """A server on a free loopback port, answering in a background thread."""
    options.setdefault("log", False)
    srv = make_server(source, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(10)


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def _get(srv: SparqlServer, query: str, accept: str | None = None, path: str = "/sparql"):
    return _request(f"{srv.url}{path}?{urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def test_server_get_answers_sparql_json():
    with _running(news_graph()) as srv:
        status, headers, body = _get(srv, SELECT)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert [b["l"]["value"] for b in doc["results"]["bindings"]] == ["Gemini", "Sora"]


def test_server_post_form_and_sparql_query():
    with _running(news_graph()) as srv:
        form = _request(
            f"{srv.url}/sparql", urlencode({"query": SELECT}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
        )
        direct = _request(
            f"{srv.url}/sparql", SELECT.encode(),
            {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "text/csv"},
        )
        odd = _request(f"{srv.url}/sparql", b"x", {"Content-Type": "image/png"})
    assert form[0] == direct[0] == 200
    rows = list(csv.reader(io.StringIO(form[2].decode())))
    assert rows[0] == ["m", "l"] and [r[1] for r in rows[1:]] == ["Gemini", "Sora"]
    assert form[2] == direct[2]
    assert odd[0] == 415


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/json", "application/sparql-results+json"),
        ("text/html, text/csv;q=0.9, */*;q=0.1", "text/csv"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_server_negotiates_solution_formats(accept, media):
    with _running(news_graph()) as srv:
        status, headers, body = _get(srv, SELECT, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert b"Gemini" in body


def test_server_graph_results_in_turtle_and_ntriples():
    g = news_graph()
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with _running(g) as srv:
        ttl = _get(srv, q, "text/turtle")
        nt = _get(srv, q, "application/n-triples")
        default = _get(srv, q)
    assert ttl[1]["Content-Type"].startswith("text/turtle")
    assert nt[1]["Content-Type"].startswith("application/n-triples")
    assert default[1]["Content-Type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=ttl[2].decode(), format="turtle"), g)
    assert isomorphic(Graph().parse(data=nt[2].decode(), format="nt"), g)


def test_server_negotiate_prefers_higher_quality():
    assert negotiate("text/tab-separated-values;q=0.2, text/csv;q=0.8", "select") == "csv"
    assert negotiate("application/n-triples", "graph") == "nt"
    assert negotiate("text/csv", "graph") == "turtle"


def test_server_refuses_updates_with_403():
    with _running(news_graph()) as srv:
        a = _request(f"{srv.url}/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
        b = _request(f"{srv.url}/sparql", urlencode({"update": "DROP ALL"}).encode(),
                     {"Content-Type": "application/x-www-form-urlencoded"})
        c = _request(f"{srv.url}/sparql?{urlencode({'update': 'DROP ALL'})}")
        after = _get(srv, "ASK { ?s ?p ?o }")
    assert a[0] == b[0] == c[0] == 403
    assert b"read-only" in a[2]
    assert json.loads(after[2])["boolean"] is True


def test_server_refuses_service_unless_allowed():
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with _running(news_graph()) as srv:
        status, _, body = _get(srv, q)
    assert status == 400 and b"SERVICE" in body


def test_server_invalid_sparql_is_400_with_position():
    with _running(news_graph()) as srv:
        status, _, body = _get(srv, "SELECT ?x WHERE {\n ?x kg:worksFor }")
        missing = _request(f"{srv.url}/sparql")
    assert status == 400 and b"line 2, column 17" in body
    assert missing[0] == 400


def test_server_cors_headers_and_preflight():
    with _running(news_graph()) as srv:
        pre = _request(f"{srv.url}/sparql", method="OPTIONS",
                       headers={"Origin": "https://yasgui.org", "Access-Control-Request-Method": "POST"})
        got = _get(srv, "ASK { ?s ?p ?o }")
    assert pre[0] == 204
    assert pre[1]["Access-Control-Allow-Origin"] == "*"
    assert "POST" in pre[1]["Access-Control-Allow-Methods"]
    assert "Content-Type" in pre[1]["Access-Control-Allow-Headers"]
    assert got[1]["Access-Control-Allow-Origin"] == "*"


def test_server_timeout_answers_503_and_keeps_serving():
    with _running(news_graph(), timeout=0.5) as srv:
        slow = _get(srv, SLOW)
        fast = _get(srv, "ASK { ?s ?p ?o }")
    assert slow[0] == 503 and b"timed out after 0.5 s" in slow[2]
    assert fast[0] == 200


def test_server_cuts_long_answers():
    with _running(news_graph(), max_results=3) as srv:
        status, headers, body = _get(srv, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-Kg-Truncated"] == "3"
    assert len(json.loads(body)["results"]["bindings"]) == 3


def test_server_serves_page_and_ontology(tmp_path):
    page = tmp_path / "graph.html"
    page.write_text("<!doctype html><title>图谱</title>", encoding="utf-8")
    with _running(news_graph(), html_page=page) as srv:
        index = _request(f"{srv.url}/")
        onto = _request(f"{srv.url}/ontology")
        missing = _request(f"{srv.url}/nope")
    assert index[0] == 200 and index[1]["Content-Type"].startswith("text/html") and "图谱" in index[2].decode()
    assert onto[0] == 200 and onto[1]["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=onto[2].decode(), format="turtle")) > 100
    assert missing[0] == 404


def test_server_binds_localhost_by_default():
    srv = make_server(news_graph(), port=0, log=False)
    try:
        assert srv.server_address[0] == "127.0.0.1"
    finally:
        srv.server_close()


def test_server_answers_concurrent_clients():
    with _running(news_graph()) as srv:
        results: list[int] = []

        def client() -> None:
            for _ in range(5):
                results.append(_get(srv, SELECT)[0])

        threads = [threading.Thread(target=client) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert results == [200] * 40


def test_server_over_a_store(tmp_path):
    d = tmp_path / "store"
    update_articles(d, [(str(article_iri(ex.article.id)), ex.article.text, article_graph(ex)) for ex in news_extractions()])
    try:
        with _running(Path(d)) as srv:
            status, _, body = _get(srv, SELECT)
            bad = _get(srv, "SELECT ?x WHERE {\n ?x kg:worksFor }")
    finally:
        close_store(d)
    assert status == 200
    assert [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Gemini", "Sora"]
    assert bad[0] == 400 and b"line 2, column 17" in bad[2]
