"""Build kg's character cluster table (kg/models/char_clusters.txt) from unlabeled news text.

Each Chinese character seen often enough in the news articles gets two cluster numbers, a
coarse one and a fine one, from the characters it is written next to: a count of its left and
right neighbours is weighted by positive pointwise mutual information, reduced by a truncated
SVD and grouped by spherical k-means (seeded, so a rebuild gives the same table). Characters
that behave alike (surnames, the last characters of place names, of company names, verbs of
speech) end up together, which lets the CRF of ``kg/ner.py`` generalize past the names it saw in
training.

The table is a text file, one character a line: ``char<TAB>coarse<TAB>fine``. The CRF is trained
with it (``scripts/train_ner.py``), so after rebuilding the table retrain the model.

Usage::

    python3 scripts/build_clusters.py [--news ../shared/data/news/articles.jsonl] [--out kg/models/char_clusters.txt]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ner import CLUSTERS_PATH  # noqa: E402
from kg.patterns import fold, is_han  # noqa: E402

DEFAULT_NEWS = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"
SEED = 20240601


def read_texts(paths: list[Path]) -> list[str]:
    """Folded (Simplified, half-width) texts of JSON Lines files with a ``text`` field."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.append(fold(json.loads(line)["text"]))
    return out


def context_matrix(texts: list[str], min_count: int, n_contexts: int):
    """Characters (Han, seen ``min_count`` times), and their left/right neighbour counts."""
    import numpy as np

    freq = Counter()
    for t in texts:
        freq.update(t)
    vocab = sorted((c for c, n in freq.items() if n >= min_count and is_han(c)), key=lambda c: (-freq[c], c))
    ctx = [c for c, _ in freq.most_common(n_contexts)]
    vi = {c: i for i, c in enumerate(vocab)}
    ci = {c: i for i, c in enumerate(ctx)}
    other = len(ctx)  # any rarer neighbour, and the start or end of a text
    m = np.zeros((len(vocab), 2 * (other + 1)), dtype=np.float64)
    for t in texts:
        padded = "\x00" + t + "\x00"
        left = [ci.get(c, other) for c in padded]
        for i in range(1, len(padded) - 1):
            v = vi.get(padded[i])
            if v is None:
                continue
            m[v, left[i - 1]] += 1
            m[v, other + 1 + left[i + 1]] += 1
    return vocab, m


def ppmi_svd(m, dims: int, seed: int):
    """Rows of ``m`` as unit vectors of a ``dims``-dimensional PPMI + SVD embedding."""
    import numpy as np
    from scipy.sparse.linalg import svds

    total = m.sum()
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True) ** 0.75  # context smoothing
    col = col / col.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * total / (row * col))
    pmi = np.nan_to_num(np.maximum(pmi, 0.0), nan=0.0, posinf=0.0, neginf=0.0)
    u, s, _ = svds(pmi, k=dims, random_state=seed)
    x = u * np.sqrt(s)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def kmeans(x, k: int, seed: int, iterations: int = 50):
    """Spherical k-means with k-means++ seeding; cluster numbers ordered by first member."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = len(x)
    centers = [x[rng.integers(n)]]
    dist = 1.0 - x @ centers[0]
    for _ in range(1, k):
        p = np.maximum(dist, 0) ** 2
        c = x[rng.choice(n, p=p / p.sum())]
        centers.append(c)
        dist = np.minimum(dist, 1.0 - x @ c)
    centers = np.array(centers)
    assign = np.zeros(n, dtype=int)
    for _ in range(iterations):
        new = np.argmax(x @ centers.T, axis=1)
        if _ and (new == assign).all():
            break
        assign = new
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.sum(axis=0)
                centers[j] = c / max(np.linalg.norm(c), 1e-12)
    # renumber so that the table does not depend on the order clusters were found in
    order = {}
    for a in assign:
        order.setdefault(int(a), len(order))
    return [order[int(a)] for a in assign]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, nargs="+", default=[DEFAULT_NEWS], help="JSON Lines files of articles")
    ap.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=3000, help="most frequent characters used as contexts")
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--coarse", type=int, default=32)
    ap.add_argument("--fine", type=int, default=256)
    args = ap.parse_args(argv)
    texts = read_texts(args.news)
    vocab, m = context_matrix(texts, args.min_count, args.contexts)
    x = ppmi_svd(m, args.dims, SEED)
    coarse = kmeans(x, args.coarse, SEED)
    fine = kmeans(x, args.fine, SEED + 1)
    lines = [f"{c}\t{a}\t{b}" for c, a, b in zip(vocab, coarse, fine)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(
        f"# kg character clusters: char<TAB>coarse<TAB>fine; built by scripts/build_clusters.py from "
        f"{sum(map(len, texts)):,} characters of news ({len(vocab)} characters, {args.coarse}/{args.fine} clusters)\n"
        + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    tmp.replace(args.out)
    print(f"{len(vocab)} characters -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
