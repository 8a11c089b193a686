"""kg's Oxigraph store next to rdflib's in-memory graph on a graph of at least 1,000,000 triples.

The graph comes from ``../shared/data/news/articles.jsonl`` through kg's pipeline
(``kg.api.extract_articles`` + ``kg.rdf.build_graph``); its N-Triples are cached in
``bench/results/news.nt``. Copies with renamed IRIs (``…/id/`` → ``…/id/rN/``) are added
until the graph has ``--triples`` triples. Measured, in one run: loading, a two-hop SELECT
(organizations → models → technologies), a COUNT with GROUP BY, and serialization to
N-Triples and Turtle, for both paths; the ratios are printed.

Usage::

    python3 bench/store_bench.py [--triples 1000000] [--repeat 5] [--jobs 2] [--skip-turtle]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph  # noqa: E402

from kg.query import QueryTimeout, run_query  # noqa: E402
from kg.rdf import serialize  # noqa: E402
from kg.store import close_store, load_files, open_store  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"
ID = "https://w3id.org/kgnews/id/"

TWO_HOP = """SELECT DISTINCT ?org ?model ?tech WHERE {
  ?org kg:released ?model .
  ?model kg:basedOn|kg:uses ?tech .
}"""
TWO_HOP_TYPED = """SELECT DISTINCT ?org ?model ?tech WHERE {
  ?org kg:released ?model .
  ?model kg:basedOn|kg:uses ?tech .
  ?org a kg:Organization . ?model a kg:AIModel . ?tech a kg:Technology .
}"""
TWO_HOP_WIDE = """SELECT DISTINCT ?article ?org ?other WHERE {
  ?article kg:mentions ?org .
  ?org a kg:Organization ; kg:partnersWith|kg:investedIn|kg:competesWith|kg:acquired ?other .
}"""
GROUP_COUNT = "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)"


def news_ntriples(jobs: int) -> Path:
    """The news graph as N-Triples, built through kg's pipeline once and cached."""
    out = RESULTS / "news.nt"
    if out.is_file():
        return out
    from kg.api import extract_articles
    from kg.rdf import build_graph

    t = time.perf_counter()
    graph = build_graph(extract_articles([DATA], jobs=jobs))
    RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(serialize(graph, "nt"))
    tmp.replace(out)
    print(f"built the news graph through kg's pipeline: {len(graph):,} triples in {time.perf_counter() - t:.0f} s")
    return out


def replicated(base: Path, triples: int) -> Path:
    """Enough renamed copies of the news graph to reach ``triples`` triples."""
    lines = base.read_text(encoding="utf-8").splitlines(keepends=True)
    copies = -(-triples // len(lines))
    out = RESULTS / f"news-x{copies}.nt"
    if not out.is_file():
        with open(out.with_suffix(".tmp"), "w", encoding="utf-8") as fh:
            for k in range(copies):
                new = f"{ID}r{k}/"
                fh.writelines(line.replace(ID, new) for line in lines)
        out.with_suffix(".tmp").replace(out)
    return out


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    """Median seconds of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rdflib-timeout", type=float, default=120.0,
                    help="seconds after which an rdflib query is stopped (its time is then reported as a lower bound)")
    ap.add_argument("--skip-turtle", action="store_true", help="leave out rdflib's (slow) Turtle serialization")
    args = ap.parse_args()
    if not DATA.is_file():
        sys.exit(f"store_bench: {DATA} not found; the benchmark needs the shared news articles")

    path = replicated(news_ntriples(args.jobs), args.triples)
    work = Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    report: dict[str, object] = {"file": str(path.relative_to(ROOT))}
    try:
        t_rdf, graph = timed(lambda: Graph().parse(path, format="nt"))
        n = len(graph)
        t_store, _ = timed(lambda: load_files(work / "store", [path]))
        store = open_store(work / "store")
        # the transactional path: the same graph added to an existing store as a new file
        seed = work / "seed.nt"
        seed.write_text("", encoding="utf-8")
        load_files(work / "store3", [seed])
        t_incr, _ = timed(lambda: load_files(work / "store3", [RESULTS / "news.nt"]))
        news_n = sum(1 for _ in open(RESULTS / "news.nt", encoding="utf-8"))
        print(f"graph: {n:,} triples ({path.name}); machine: 2 cores")
        rows = [("load", t_rdf, t_store)]
        counts = {}
        queries = (("two-hop SELECT", TWO_HOP), ("two-hop SELECT (typed)", TWO_HOP_TYPED),
                   ("two-hop SELECT (wide)", TWO_HOP_WIDE), ("COUNT GROUP BY", GROUP_COUNT))
        for name, q in queries:
            ts, rs = timed(lambda: run_query(store, q), args.repeat)
            try:
                tr, rr = timed(lambda: run_query(graph, q, timeout=args.rdflib_timeout))
                if tr < 5:  # slow queries are not repeated
                    tr, rr = timed(lambda: run_query(graph, q, timeout=args.rdflib_timeout), args.repeat)
            except QueryTimeout:  # a lower bound: rdflib was stopped
                tr, rr = float("inf"), None
            if rr is not None and sorted(map(tuple, rr.rows)) != sorted(map(tuple, rs.rows)):
                sys.exit(f"store_bench: {name}: the two engines disagree ({len(rr.rows)} vs {len(rs.rows)} rows)")
            counts[name] = len(rs.rows)
            rows.append((name, tr, ts))
        ser, kg_writer = {}, {}
        for fmt, ofmt in (("nt", ox.RdfFormat.N_TRIPLES), ("turtle", ox.RdfFormat.TURTLE)):
            if fmt == "turtle" and args.skip_turtle:
                continue
            tr, data = timed(lambda: graph.serialize(format=fmt, encoding="utf-8"))
            ts, odata = timed(lambda: store.dump(format=ofmt, from_graph=ox.DefaultGraph()))
            tk, _ = timed(lambda: serialize(graph, fmt))
            ser[fmt] = (tr, ts, len(data), len(odata))
            kg_writer[fmt] = tk
        print(f"{'':24} {'rdflib':>10} {'kg store':>10} {'ratio':>8}")
        for name, tr, ts in rows:
            extra = f"   ({counts[name]} rows)" if name in counts else ""
            if tr == float("inf"):  # rdflib stopped at the time limit: the ratio is a lower bound
                lim = args.rdflib_timeout
                print(f"{name:24} {'>' + format(lim, 'g'):>9}s {ts:9.4f}s {'>' + format(lim / ts, '.0f'):>7}x{extra}"
                      "   (rdflib stopped at the time limit)")
                report[name] = {"rdflib_s": None, "rdflib_stopped_after_s": lim, "store_s": ts,
                                "ratio_at_least": lim / ts, "rows": counts.get(name)}
                continue
            print(f"{name:24} {tr:9.4f}s {ts:9.4f}s {tr / ts:7.1f}x{extra}")
            report[name] = {"rdflib_s": tr, "store_s": ts, "ratio": tr / ts, "rows": counts.get(name)}
        for fmt, (tr, ts, br, bs) in ser.items():
            print(f"serialize {fmt:14} {tr:9.2f}s {ts:9.2f}s {tr / ts:7.1f}x   "
                  f"rdflib {n / tr:,.0f} triples/s, oxigraph {n / ts:,.0f} triples/s")
            tk = kg_writer[fmt]
            print(f"{'':24} kg's writer (kg build -o): {tk:.2f}s, {n / tk:,.0f} triples/s")
            report[f"serialize {fmt}"] = {"rdflib_s": tr, "store_s": ts, "rdflib_tps": n / tr, "store_tps": n / ts,
                                          "kg_writer_s": tk, "kg_writer_tps": n / tk}
        print(f"new store, bulk (kg store load DIR FILE): {n / t_store:,.0f} triples/s; "
              f"into an existing store, one transaction: {news_n / t_incr:,.0f} triples/s "
              f"({news_n:,} triples in {t_incr:.1f} s); rdflib parse: {n / t_rdf:,.0f} triples/s")
        report.update(triples=n, load_new_store_tps=n / t_store, load_transaction_tps=news_n / t_incr,
                      rdflib_parse_tps=n / t_rdf)
        (RESULTS / "store_bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    finally:
        for d in ("store", "store3"):
            close_store(work / d)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
