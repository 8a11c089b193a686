"""Train kg's character CRF (kg/models/ner.crfsuite) on CLUENER2020 and print held-out scores.

Training data: CLUENER2020, the fine-grained Chinese named entity dataset of the CLUE benchmark
(Sina news sentences; research use). Xu, L., Dong, Q., Liao, Y., Yu, C., Tian, Y., Liu, W., Li, L.,
Liu, C. and Zhang, X. (2020). "CLUENER2020: Fine-grained Named Entity Recognition Dataset and
Benchmark for Chinese." arXiv:2001.04351. Types are mapped: Person <- name; Organization <- company,
organization, government; Location <- address; the other types are left untagged.

The sentences of ``cluener/train.json`` are shuffled with a fixed seed; one tenth is held out for
measurement and the model is trained on the other nine tenths (``--all`` trains on everything, and
then the printed scores are not held-out figures).

Features are computed as kg computes them on an article (sentence by sentence, with the
gazetteer's matches and the character clusters of ``kg/models/char_clusters.txt``, built by
``scripts/build_clusters.py``), so the model sees at run time what it was trained on.

Usage::

    python3 scripts/train_ner.py [--data ../shared/data/cluener/train.json] [--out kg/models/ner.crfsuite]
                                 [--clusters kg/models/char_clusters.txt] [--c1 0.05] [--c2 0.01]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ner import CLUSTERS_PATH, LABELS, char_features, decode_bio, load_clusters  # noqa: E402
from kg.gazetteer import load_lexicon  # noqa: E402
from kg.patterns import fold, fold_key, load_word_lists  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402
from kg.segment import load_userdict, make_tagger, split_sentences  # noqa: E402

TYPE_MAP = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG", "address": "LOC"}
SEED = 20200101
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cluener" / "train.json"


def read_cluener(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences and their mapped spans ``(start, end_exclusive, type)``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        spans = []
        for kind, surf in d.get("label", {}).items():
            if kind not in TYPE_MAP:
                continue
            for _, offs in surf.items():
                for s, e in offs:
                    spans.append((s, e + 1, TYPE_MAP[kind]))
        out.append((d["text"], sorted(spans)))
    return out


def split(data: list, seed: int = SEED) -> tuple[list, list]:
    """Seeded split: (nine tenths for training, one tenth held out)."""
    idx = list(range(len(data)))
    random.Random(seed).shuffle(idx)
    cut = len(idx) // 10
    held = sorted(idx[:cut])
    train = sorted(idx[cut:])
    return [data[i] for i in train], [data[i] for i in held]


def dev_split(train: list, seed: int = SEED + 1) -> tuple[list, list]:
    """For tuning: (eight ninths of the training part, the other ninth), the held-out tenth untouched."""
    idx = list(range(len(train)))
    random.Random(seed).shuffle(idx)
    cut = len(idx) // 9
    return [train[i] for i in sorted(idx[cut:])], [train[i] for i in sorted(idx[:cut])]


def bio(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, k in spans:
        if any(t != "O" for t in tags[s:e]):
            continue
        tags[s] = "B-" + k
        for i in range(s + 1, e):
            tags[i] = "I-" + k
    return tags


def featurize(texts, tagger, lexicon, lists, clusters):
    """Per text, ``(start, end, features)`` of each sentence, computed as kg computes them on an article.

    kg tags sentence by sentence (:func:`kg.segment.split_sentences`), with the tokens of the
    folded sentence and the gazetteer matches found in the whole text.
    """
    for text in texts:
        f = fold(text)
        sents = []
        starts: set[int] = set()
        ends: set[int] = set()
        for start, end in split_sentences(text):
            toks = []
            pos = 0
            for w, p in tagger.tag(f[start:end]):
                toks.append((pos, pos + len(w), p))
                starts.add(start + pos)
                pos += len(w)
                ends.add(start + pos)
            sents.append((start, end, toks))
        lex = sorted((s, e, x.label) for s, e, x in lexicon.match(fold_key(text), starts, ends))
        out = []
        for start, end, toks in sents:
            inside = [(s - start, e - start, k) for s, e, k in lex if s >= start and e <= end]
            out.append((start, end, char_features(f[start:end], toks, inside, lists, clusters)))
        yield out


def sentence_tags(tags: list[str], start: int, end: int) -> list[str]:
    """The gold tags of one sentence (a name cut by the sentence's start begins there)."""
    out = tags[start:end]
    if out and out[0].startswith("I-"):
        out[0] = "B-" + out[0][2:]
    return out


def predict(tag, sentences) -> list[tuple[int, int, str]]:
    """Spans of a text from ``tag(features)`` run on each of its sentences (see :func:`featurize`)."""
    spans = []
    for start, _, xseq in sentences:
        spans.extend((start + s, start + e, k) for s, e, k in decode_bio(tag(xseq)))
    return spans


def score(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict[str, tuple]:
    """Per-type exact-span precision, recall, F1 (and counts)."""
    res = {}
    for k in LABELS:
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            gs = {x for x in g if x[2] == k}
            ps = {x for x in p if x[2] == k}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        res[k] = (pr, rc, f1, tp + fn)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "models" / "ner.crfsuite")
    ap.add_argument("--clusters", type=Path, default=CLUSTERS_PATH, help="character cluster table (scripts/build_clusters.py)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=int, default=1, help="features seen fewer times in training are left out")
    ap.add_argument("--all", action="store_true", help="train on all sentences (no held-out figure)")
    ap.add_argument("--dev", action="store_true",
                    help="for tuning: train on eight ninths of the training part, score on its last ninth")
    args = ap.parse_args(argv)
    import pycrfsuite

    data = read_cluener(args.data)
    train, held = split(data)
    if args.all:
        train = data
    elif args.dev:
        train, held = dev_split(train)
    userdict = load_userdict(ontology_dir() / "dicts" / "userdict.txt")
    tagger = make_tagger("rjieba", userdict)
    lexicon = load_lexicon()
    lists = load_word_lists()
    clusters = load_clusters(args.clusters)
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for (text, spans), sents in zip(train, featurize([t for t, _ in train], tagger, lexicon, lists, clusters)):
        tags = bio(len(text), spans)
        for start, end, xseq in sents:
            trainer.append(xseq, sentence_tags(tags, start, end))
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": args.minfreq,
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(args.out)
    print(f"trained on {len(train)} sentences in {time.time() - t0:.0f}s -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    tg = pycrfsuite.Tagger()
    tg.open(str(args.out))
    gold, pred = [], []
    for (text, spans), sents in zip(held, featurize([t for t, _ in held], tagger, lexicon, lists, clusters)):
        gold.append(spans)
        pred.append(predict(tg.tag, sents))
    label = (
        "the tenth (seen in training: not a held-out figure)" if args.all
        else "dev ninth of the training part" if args.dev else "held-out tenth"
    )
    print(f"CLUENER {label}: {len(held)} sentences")
    for k, (p, r, f, n) in score(gold, pred).items():
        print(f"  {LABELS[k]:<13} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
