"""The SPARQL endpoint under load: concurrent clients on loopback for a fixed time.

Starts ``kg serve`` in its own process on a free 127.0.0.1 port over the news graph
(``bench/results/news.nt``, made by ``bench/store_bench.py``; else the graph of the first
``--articles`` news articles, built through kg's pipeline), or over a store of it
(``--store``). Then ``--clients`` threads, each with a keep-alive ``http.client``
connection, send a mix of queries for ``--seconds`` and stop. Reports requests per second,
latency percentiles and the error count.

Usage::

    python3 bench/server_bench.py [--clients 20] [--seconds 30] [--store]
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"

QUERIES = [
    ("released_models", "text/csv"),
    ("SELECT ?m ?l WHERE { ?m a kg:AIModel ; rdfs:label ?l } LIMIT 100", "application/sparql-results+json"),
    ("ASK { ?p kg:worksFor ?o }", "application/sparql-results+json"),
    ("SELECT ?a ?t WHERE { ?a a kg:Article ; schema:headline ?t } LIMIT 20", "text/tab-separated-values"),
    ("CONSTRUCT { ?p kg:worksFor ?o } WHERE { ?p kg:worksFor ?o } LIMIT 50", "text/turtle"),
]


def _graph_file(articles: int) -> Path:
    cached = RESULTS / "news.nt"
    if cached.is_file():
        return cached
    if not DATA.is_file():
        sys.exit(f"server_bench: {DATA} not found; the benchmark needs the shared news articles")
    import itertools

    from kg.api import extract_articles
    from kg.rdf import build_graph, serialize

    RESULTS.mkdir(parents=True, exist_ok=True)
    sample = RESULTS / f"news-{articles}.jsonl"
    with open(DATA, encoding="utf-8") as src, open(sample, "w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, articles))
    out = RESULTS / f"news-{articles}.nt"
    out.write_bytes(serialize(build_graph(extract_articles([sample])), "nt"))
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, proc: subprocess.Popen, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server_bench: kg serve exited early:\n{proc.stderr.read().decode()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("server_bench: kg serve did not start in time")


def _client(port: int, stop: float, latencies: list[float], errors: list[str], offset: int) -> None:
    from kg.query import resolve_query

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while time.monotonic() < stop:
        query, accept = QUERIES[i % len(QUERIES)]
        i += 1
        path = "/sparql?" + urlencode({"query": resolve_query(query)})
        t = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": accept})
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200 or not body:
                errors.append(f"HTTP {resp.status}: {body[:200]!r}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - t)
    conn.close()


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--articles", type=int, default=500, help="articles to build from when no cached graph exists")
    ap.add_argument("--store", action="store_true", help="serve a kg store of the graph instead of the file")
    args = ap.parse_args()

    graph = _graph_file(args.articles)
    work = Path(tempfile.mkdtemp(prefix="kg-server-bench-"))
    source = graph
    if args.store:
        from kg.store import close_store, load_files

        load_files(work / "store", [graph])
        close_store(work / "store")
        source = work / "store"
    port = _free_port()
    cmd = [sys.executable, "-m", "kg", "serve", str(source), "--port", str(port), "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        t0 = time.monotonic()
        _wait(port, proc)
        load_s = time.monotonic() - t0
        latencies: list[float] = []
        errors: list[str] = []
        start = time.monotonic()
        stop = start + args.seconds
        threads = [
            threading.Thread(target=_client, args=(port, stop, latencies, errors, k), daemon=True)
            for k in range(args.clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 60)
        elapsed = time.monotonic() - start
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    n = len(latencies)
    result = {
        "source": "store" if args.store else "graph file (rdflib)",
        "graph": graph.name,
        "startup_s": round(load_s, 2),
        "clients": args.clients,
        "seconds": round(elapsed, 2),
        "requests": n,
        "requests_per_s": round(n / elapsed, 1),
        "p50_ms": round(_pct(latencies, 50) * 1000, 1),
        "p99_ms": round(_pct(latencies, 99) * 1000, 1),
        "max_ms": round(max(latencies, default=0) * 1000, 1),
        "errors": len(errors),
    }
    print(
        f"{result['source']}, {graph.name}: {args.clients} clients x {elapsed:.1f} s: {n} requests, "
        f"{result['requests_per_s']} req/s, p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
        f"max {result['max_ms']} ms, {len(errors)} errors (server start {load_s:.1f} s)"
    )
    for e in errors[:5]:
        print("  error:", e)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "server_bench_store.json" if args.store else "server_bench.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
