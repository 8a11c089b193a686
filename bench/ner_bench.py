"""Entity recognition figures: CLUENER held-out F1, news precision/recall, throughput against jieba.

Reads ``../shared/data`` (CLUENER2020 ``cluener/train.json`` and ``news/articles.jsonl``) and the
gold annotations in ``bench/gold/entities/*.jsonl``; exits with a message when the data is absent.

Usage::

    python3 bench/ner_bench.py [--only cluener,news,speed] [--speed-articles 1000] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from gold_sets import ALL, BLIND_SETS, DEVELOPMENT  # noqa: E402
from kg.entities import find_mentions, load_recognizer  # noqa: E402
from kg.linking import link_mentions  # noqa: E402
from kg.names import normalize_key  # noqa: E402
from kg.records import Article  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402
from kg.segment import load_userdict, make_tagger, segment  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "entities"
CLASSES = ("Person", "Organization", "Location", "AIModel", "Technology", "Publication")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract(article: Article, tagger, rec):
    sents = segment(article, tagger)
    return link_mentions(article, find_mentions(article, sents, rec), rec)


def bench_cluener(tagger, rec) -> None:
    import train_ner as T

    from kg.ner import LABELS

    data = T.read_cluener(DATA / "cluener" / "train.json")
    _, held = T.split(data)
    names = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
    gold = [[(s, e, names[k]) for s, e, k in spans] for _, spans in held]
    crf, full = [], []
    for i, (text, _) in enumerate(held):
        a = Article(id=f"c{i}", text=text)
        sents = segment(a, tagger)
        sents_x = next(T.featurize([text], tagger, rec.lexicon, rec.lists, rec.labeller.clusters))
        crf.append([(s, e, LABELS[k]) for s, e, k in T.predict(rec.labeller.tag, sents_x)])
        ms = link_mentions(a, find_mentions(a, sents, rec), rec)
        full.append([(m.start, m.end, m.label) for m in ms])
    print(f"CLUENER2020, held-out tenth of train.json ({len(held)} sentences, seeded split; exact span and type)")
    for title, pred in (("CRF alone", crf), ("kg (segment + find_mentions + link)", full)):
        print(f"  {title}:")
        for cls in names.values():
            tp = fp = fn = 0
            for g, p in zip(gold, pred):
                gs = {x for x in g if x[2] == cls}
                ps = {x for x in p if x[2] == cls}
                tp += len(gs & ps)
                fp += len(ps - gs)
                fn += len(gs - ps)
            p_, r_, f_ = _prf(tp, fp, fn)
            print(f"    {cls:<13} P={p_:.3f} R={r_:.3f} F1={f_:.3f}  (gold {tp + fn})")


def read_gold(names: tuple[str, ...] | None = None) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = {}
    for path in sorted(GOLD.glob("*.jsonl")):
        if names is not None and path.stem not in names:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row["entities"]
    return gold


GROUPS = (
    (DEVELOPMENT + ", simplified + traditional", ("simplified", "traditional")),
    *BLIND_SETS,
    (ALL, None),
)


def bench_news(tagger, rec, show_errors: bool = False) -> None:
    arts = {}
    wanted = set(read_gold())
    with open(DATA / "news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in wanted:
                arts[d["id"]] = d
    for title, names in GROUPS:
        gold = read_gold(names)
        if gold:
            _score_news(title, gold, arts, tagger, rec, show_errors and names is None)


def _score_news(title, gold, arts, tagger, rec, show_errors: bool) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    langs: dict[str, int] = defaultdict(int)
    for aid, ents in gold.items():
        d = arts[aid]
        langs[d["lang"]] += 1
        ms = extract(Article(id=aid, text=d["text"], lang=d["lang"]), tagger, rec)
        # predicted entities: (label, key of canonical name) with every surface key it was seen as
        pred: dict[tuple[str, str], set[str]] = defaultdict(set)
        for m in ms:
            pred[(m.label, normalize_key(m.name))].update({normalize_key(m.text), normalize_key(m.name)})
        golds = [(g["type"], {normalize_key(x) for x in [g["text"], *g.get("aliases", [])]}, g["text"]) for g in ents]
        matched_pred = set()
        for typ, keys, text in golds:
            hit = [k for k, surf in pred.items() if k[0] == typ and surf & keys]
            if hit:
                counts[typ][0] += 1
                matched_pred.update(hit)
            else:
                counts[typ][2] += 1
                if show_errors:
                    print(f"  FN {aid} {typ} {text}")
        for k in pred:
            if k not in matched_pred:
                counts[k[0]][1] += 1
                if show_errors:
                    print(f"  FP {aid} {k[0]} {sorted(pred[k])}")
    print(f"News gold, {title}: {len(gold)} articles "
          f"({', '.join(f'{n} {lang}' for lang, n in sorted(langs.items()))}); "
          "an entity counts once per article with its class")
    tot = [0, 0, 0]
    for cls in CLASSES:
        tp, fp, fn = counts[cls]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p, r, f1 = _prf(tp, fp, fn)
        print(f"  {cls:<13} P={p:.3f} R={r:.3f} F1={f1:.3f}  (gold {tp + fn}, predicted {tp + fp})")
    p, r, f1 = _prf(*tot)
    print(f"  {'all six':<13} P={p:.3f} R={r:.3f} F1={f1:.3f}  (gold {tot[0] + tot[2]}, predicted {tot[0] + tot[1]})")


def bench_speed(tagger, rec, n_articles: int) -> None:
    import jieba
    import rjieba

    texts = []
    with open(DATA / "news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    chars = sum(map(len, texts))
    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    n_mentions = 0
    for a in arts:
        n_mentions += len(extract(a, tagger, rec))
    kg_s = time.perf_counter() - t0
    jieba.setLogLevel(60)
    jb = jieba.Tokenizer()
    list(jb.cut("作为"))
    t0 = time.perf_counter()
    for t in texts:
        for _ in jb.cut(t):
            pass
    jieba_s = time.perf_counter() - t0
    rj = rjieba.Jieba()
    t0 = time.perf_counter()
    for t in texts:
        rj.cut(t)
    rjieba_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Throughput on {len(texts)} news articles ({chars:,} characters), one core, models loaded beforehand:")
    print(f"  kg segment+find_mentions+link  {chars / kg_s:>12,.0f} chars/s  ({n_mentions:,} mentions)")
    print(f"  jieba.cut                      {chars / jieba_s:>12,.0f} chars/s  (kg/jieba = {jieba_s / kg_s:.2f})")
    print(f"  rjieba cut                     {chars / rjieba_s:>12,.0f} chars/s  (kg/rjieba = {rjieba_s / kg_s:.3f})")
    print(f"  peak memory (max RSS of this process) {peak:,.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="cluener,news,speed")
    ap.add_argument("--speed-articles", type=int, default=1000)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (CLUENER2020 and the news articles are needed)")
        return 0
    t0 = time.perf_counter()
    tagger = make_tagger("rjieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
    rec = load_recognizer()
    print(f"loading: {time.perf_counter() - t0:.2f}s")
    parts = args.only.split(",")
    if "cluener" in parts:
        bench_cluener(tagger, rec)
    if "news" in parts:
        bench_news(tagger, rec, args.show_errors)
    if "speed" in parts:
        bench_speed(tagger, rec, args.speed_articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
