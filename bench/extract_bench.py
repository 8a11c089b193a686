"""Throughput of the whole extraction (every stage of ``kg extract``) on one core, stage by stage.

Reads the first ``--articles`` articles of ``../shared/data/news/articles.jsonl`` through kg's own
reader (cleaning included), loads the models, then times each stage over every article:
segmentation, entity mentions, linking, relations and quotes, salient keywords. In the same run it
times plain ``jieba.cut`` and ``rjieba`` cutting of the same article texts, so the ratio to the floor
cost of Chinese segmentation can be followed over time. Model loading is reported apart and
excluded from the throughput.

Usage::

    python3 bench/extract_bench.py [--articles 1000] [--profile 25]

``--profile N`` also prints the N functions with the most cumulative time (cProfile; slower).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import entities, keywords, linking, pipeline, relations, segment  # noqa: E402
from kg.ingest import read_inputs  # noqa: E402
from kg.records import Article  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"
STAGES = ("segment", "mentions", "link", "relations", "keywords")


def _articles(n: int) -> list[Article]:
    tmp = Path(f"/tmp/kg-extract-bench-{n}.jsonl")
    with open(DATA, encoding="utf-8") as src:
        lines = [line for _, line in zip(range(n), src)]
    tmp.write_text("".join(lines), encoding="utf-8")
    try:
        return [a for a in read_inputs([tmp]) if isinstance(a, Article)]
    finally:
        tmp.unlink()


def _run(arts: list[Article], models: pipeline.Models) -> tuple[dict[str, float], int, int]:
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter
    n_mentions = n_relations = 0
    for a in arts:
        t0 = clock()
        sents = segment.segment(a, models.tagger)
        t1 = clock()
        ms = entities.find_mentions(a, sents, models.recognizer)
        t2 = clock()
        ms = linking.link_mentions(a, ms, models.recognizer)
        t3 = clock()
        rels, _ = relations.extract_relations(a, sents, ms, models.rules)
        t4 = clock()
        keywords.salient_keywords(sents, ms, models.concepts_per_article)
        t5 = clock()
        for k, d in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[k] += d
        n_mentions += len(ms)
        n_relations += len(rels)
    return spent, n_mentions, n_relations


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return 0
    arts = _articles(args.articles)
    chars = sum(len(a.text) for a in arts)
    t0 = time.perf_counter()
    models = pipeline.load_models()
    load_s = time.perf_counter() - t0
    _run(arts[:20], models)  # warm caches and lazy tables before timing
    spent, n_mentions, n_relations = _run(arts, models)
    total = sum(spent.values())

    import jieba
    import rjieba

    jieba.setLogLevel(60)
    jb = jieba.Tokenizer()
    list(jb.cut("作为"))
    t0 = time.perf_counter()
    for a in arts:
        for _ in jb.cut(a.text):
            pass
    jieba_s = time.perf_counter() - t0
    rj = rjieba.Jieba()
    t0 = time.perf_counter()
    for a in arts:
        rj.cut(a.text)
    rjieba_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"kg extract, every stage, one core: {len(arts)} news articles after cleaning, {chars:,} characters")
    print(f"  models loaded in {load_s:.2f}s (excluded)")
    for k in STAGES:
        print(f"  {k:<10} {spent[k]:7.2f}s  {spent[k] / total:6.1%}")
    print(f"  {'all':<10} {total:7.2f}s  {chars / total:>10,.0f} chars/s  "
          f"({n_mentions:,} mentions, {n_relations:,} relations)")
    print(f"  jieba.cut  {jieba_s:7.2f}s  {chars / jieba_s:>10,.0f} chars/s  (kg takes {total / jieba_s:.1f}x jieba)")
    print(f"  rjieba     {rjieba_s:7.2f}s  {chars / rjieba_s:>10,.0f} chars/s  (kg takes {total / rjieba_s:.0f}x rjieba)")
    print(f"  peak memory (max RSS of this process) {peak:,.0f} MB")
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(_run, arts, models)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
