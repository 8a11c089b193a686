"""Benchmark the HTML page on a synthetic 5,000-entity graph: write time, file size, time to a stable layout.

Usage: python3 bench/html_bench.py [--entities 5000] [--articles 3000] [--max-nodes 300 ...] [--seed 42]
       [--keep DIR]

Builds seeded synthetic extractions (articles whose sentences state relations between
entities of every class), turns them into RDF with kg.rdf.build_graph (the graph kg builds),
writes the page with kg.viz.write_html for each --max-nodes, then opens each page in headless
Chromium and reports the time from navigation until vis-network reported its layout stable
(the page records performance.now() at "stabilizationIterationsDone"). Without Chromium only
the write figures are printed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.chromium import Browser, find_chromium  # noqa: E402
from kg.rdf import build_graph  # noqa: E402
from kg.records import Article, Extraction, Mention, Relation  # noqa: E402
from kg.viz import write_html  # noqa: E402

_SYL = "安宝博晨东方飞广海华嘉金凯坤蓝立联明南鹏启青瑞盛世思腾天通维文翔新信星兴雅阳亿英云泽智中卓"
_SUFFIX = {
    "Person": ("",),
    "Organization": ("科技", "集团", "研究院", "大学", "实验室", "资本"),
    "Location": ("市", "省", "区"),
    "AIModel": ("-1", "-2", "大模型", "Pro", "GPT"),
    "Technology": ("学习", "算法", "架构", "计算"),
    "Publication": ("白皮书", "报告", "论文"),
}
_SHARE = {"Person": 0.3, "Organization": 0.3, "Location": 0.08, "AIModel": 0.14, "Technology": 0.12, "Publication": 0.06}
_RULES = [  # (subject class, predicate, object class, verb)
    ("Person", "worksFor", "Organization", "任职于"),
    ("Organization", "released", "AIModel", "发布了"),
    ("Organization", "developed", "Technology", "研发了"),
    ("AIModel", "basedOn", "Technology", "基于"),
    ("Organization", "locatedIn", "Location", "位于"),
    ("Organization", "partnersWith", "Organization", "携手"),
    ("Organization", "investedIn", "Organization", "投资了"),
    ("Person", "founded", "Organization", "创立了"),
    ("Person", "authorOf", "Publication", "撰写了"),
    ("Organization", "uses", "AIModel", "接入了"),
]


def _names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    out, seen = [], set()
    classes = list(_SHARE)
    weights = [_SHARE[c] for c in classes]
    while len(out) < n:
        cls = rng.choices(classes, weights)[0]
        name = "".join(rng.choice(_SYL) for _ in range(rng.choice((2, 3)))) + rng.choice(_SUFFIX[cls])
        if (cls, name) not in seen:
            seen.add((cls, name))
            out.append((cls, name))
    return out


def synthetic_extractions(entities: int = 5000, articles: int = 3000, seed: int = 42) -> list[Extraction]:
    """Seeded articles whose sentences state relations between ``entities`` named entities."""
    rng = random.Random(seed)
    names = _names(rng, entities)
    by_class: dict[str, list[str]] = {}
    for cls, name in names:
        by_class.setdefault(cls, []).append(name)
    out = []
    cursor = 0  # every entity is mentioned at least once, so the graph has exactly ``entities`` of them
    per_article = -(-entities // articles)
    for i in range(articles):
        aid = f"syn-{i:05d}"
        text, mentions, relations = "", [], []
        for _ in range(rng.randint(2, 6)):
            s_cls, pred, o_cls, verb = rng.choice(_RULES)
            # popularity falls off like a power law, so some entities are hubs
            s = by_class[s_cls][int(len(by_class[s_cls]) * rng.random() ** 2.5)]
            o = by_class[o_cls][int(len(by_class[o_cls]) * rng.random() ** 2.5)]
            if s == o:
                continue
            start = len(text)
            sent = f"据报道，{s}{verb}{o}。"
            ms = Mention(aid, start + 4, start + 4 + len(s), s, s_cls, source="bench")
            mo = Mention(aid, ms.end + len(verb), ms.end + len(verb) + len(o), o, o_cls, source="bench")
            text += sent
            mentions += [ms, mo]
            conf = round(rng.uniform(0.3, 1.0), 2)
            role = rng.choice(("首席执行官", "首席科学家", "副总裁")) if pred == "worksFor" else None
            relations.append(Relation(aid, ms, pred, mo, f"bench-{pred}", start, len(text), conf, role))
        for cls, name in names[cursor : cursor + per_article]:
            start = len(text)
            text += f"{name}受到关注。"
            mentions.append(Mention(aid, start, start + len(name), name, cls, source="bench"))
        cursor += per_article
        art = Article(id=aid, text=text, title=f"合成新闻 {i}", date=f"2025-01-{1 + i % 28:02d}")
        out.append(Extraction(art, mentions=tuple(mentions), relations=tuple(relations)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=5000)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--max-nodes", type=int, nargs="+", default=[300, 1000, 5000])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--keep", help="directory to keep the pages in")
    args = ap.parse_args()

    t0 = time.perf_counter()
    exs = synthetic_extractions(args.entities, args.articles, args.seed)
    graph = build_graph(exs)
    t1 = time.perf_counter()
    print(f"graph: {len(graph):,} triples from {len(exs):,} synthetic articles, built in {t1 - t0:.2f} s")
    out_dir = Path(args.keep or tempfile.mkdtemp(prefix="kg-html-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for cap in args.max_nodes:
        path = out_dir / f"graph-{cap}.html"
        t = time.perf_counter()
        s = write_html(graph, path, max_nodes=cap, seed=args.seed, title=f"bench {cap}")
        dt = time.perf_counter() - t
        print(f"max_nodes={cap}: {s.nodes_shown:,} of {s.nodes_total:,} entities, {s.edges_shown:,} of "
              f"{s.edges_total:,} relations, {s.size_bytes / 1e6:.2f} MB, written in {dt:.2f} s")
        pages.append((cap, path))
    binary = find_chromium()
    if binary is None:
        print("headless Chromium not found: no browser timings")
        return 0
    for cap, path in pages:
        with Browser(binary, 1280, 800, timeout=120) as b:
            start = b.open(path)
            ms = b.wait_for("document.documentElement.getAttribute('data-kg-stabilized-ms')", timeout=300)
            wall = time.monotonic() - start
            nav = b.eval("performance.timing.responseEnd - performance.timing.navigationStart")
            print(f"max_nodes={cap}: stable at {int(ms) / 1000:.2f} s after navigation start "
                  f"(page clock; wall {wall:.2f} s; errors: {len(b.errors)}; network requests: "
                  f"{sum(1 for u in b.requests if u.startswith(('http:', 'https:')))}; load {nav} ms)")
    if args.keep:
        print(f"pages kept in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
