"""Tests of kg.push against a real Oxigraph server and small stand-in servers, all on 127.0.0.1."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.push import push
from test_query import news_graph

OXIGRAPH = shutil.which("oxigraph")
needs_oxigraph = pytest.mark.skipif(
    OXIGRAPH is None, reason="the oxigraph server binary is not installed (pip install oxigraph)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _oxigraph(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port; yields its base URL."""
    port = _free_port()
    proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?{urlencode({'query': 'ASK {}'})}", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)


def _fetch(base: str, graph_iri: str | None) -> Graph:
    """The pushed graph, read back with a SPARQL CONSTRUCT over HTTP."""
    where = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}" if graph_iri else "?s ?p ?o"
    q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}"
    req = urllib.request.Request(f"{base}/query?{urlencode({'query': q})}", headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return Graph().parse(data=resp.read().decode("utf-8"), format="nt")


@needs_oxigraph
def test_push_into_oxigraph_and_query_back(tmp_path):
    g = news_graph()
    with _oxigraph(tmp_path) as base:
        report = push(g, f"{base}/store", "https://example.org/news", batch_size=17)
        back = _fetch(base, "https://example.org/news")
        assert len(_fetch(base, None)) == 0
    assert isomorphic(back, g)
    assert report.triples == len(g) and report.requests == -(-len(g) // 17) and report.retries == 0


@needs_oxigraph
def test_push_file_to_default_graph_and_replace(tmp_path):
    g = news_graph()
    f = tmp_path / "g.ttl"
    g.serialize(f, format="turtle")
    with _oxigraph(tmp_path) as base:
        push(f, f"{base}/store")
        assert isomorphic(_fetch(base, None), g)
        small = Graph()
        small.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("只剩这一条")))
        push(small, f"{base}/store", replace=True)
        assert isomorphic(_fetch(base, None), small)


@needs_oxigraph
def test_push_keeps_blank_nodes_together(tmp_path):
    g = Graph()
    b = BNode()
    for i in range(10):
        g.add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i)))
    g.add((URIRef("https://example.org/s0"), URIRef("https://example.org/has"), b))
    g.add((b, URIRef("https://example.org/name"), Literal("节点")))
    with _oxigraph(tmp_path) as base:
        push(g, f"{base}/store", "https://example.org/b", batch_size=3)
        assert isomorphic(_fetch(base, "https://example.org/b"), g)


@needs_oxigraph
def test_push_cli(tmp_path):
    from kg.cli_graph import push as push_cmd

    f = tmp_path / "g.nt"
    news_graph().serialize(f, format="nt")
    with _oxigraph(tmp_path) as base:
        res = CliRunner().invoke(push_cmd, [str(f), "--endpoint", f"{base}/store", "--graph", "https://example.org/g"])
        assert res.exit_code == 0, res.output
        assert isomorphic(_fetch(base, "https://example.org/g"), news_graph())
        bad = CliRunner().invoke(push_cmd, [str(f), "--endpoint", f"{base}/nowhere"])
    assert bad.exit_code == 2 and "refused" in bad.output and "Traceback" not in bad.output


class _Flaky(BaseHTTPRequestHandler):
    """Answers 503 to the first ``failures`` requests, then 204; or always ``status`` with a message."""

    failures = 2
    status = 204
    seen: list[bytes] = []

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        cls = type(self)
        if cls.failures > 0:
            cls.failures -= 1
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        cls.seen.append(body)
        msg = b"" if cls.status < 300 else "bad N-Triples on line 1: 无效".encode()
        self.send_response(cls.status)
        self.send_header("Content-Length", str(len(msg)))
        self.end_headers()
        self.wfile.write(msg)


@contextlib.contextmanager
def _stand_in(failures: int, status: int) -> Iterator[str]:
    handler = type("Handler", (_Flaky,), {"failures": failures, "status": status, "seen": []})
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/store"
    finally:
        srv.shutdown()
        srv.server_close()


def test_push_retries_server_errors():
    with _stand_in(failures=2, status=204) as url:
        report = push(news_graph(), url, batch_size=100000, retries=3, backoff=0.01)
    assert report.retries == 2 and report.requests == 1


def test_push_gives_up_after_retries():
    with _stand_in(failures=10, status=204) as url:
        with pytest.raises(StoreError, match="HTTP 503"):
            push(news_graph(), url, retries=2, backoff=0.01)


def test_push_refusal_quotes_the_server():
    with _stand_in(failures=0, status=400) as url:
        with pytest.raises(StoreError, match="HTTP 400.*bad N-Triples on line 1: 无效"):
            push(news_graph(), url, retries=3, backoff=0.01)


def test_push_unreachable_endpoint():
    port = _free_port()
    with pytest.raises(StoreError, match=r"cannot reach .* after 2 tries"):
        push(news_graph(), f"http://127.0.0.1:{port}/store", retries=1, backoff=0.01)
