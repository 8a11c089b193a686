"""Build kg/models/idf.txt, the background IDF table of kg.keywords, from a JSONL file of news articles.

Usage: python3 scripts/build_idf.py [ARTICLES.jsonl] [-o kg/models/idf.txt] [--min-df 3]

Each line of the input is a JSON object with a "text" (and optionally "title"). Words are the
noun-like jieba tokens kg.keywords considers (kg.keywords.CANDIDATE_POS), keyed by
kg.names.normalize_key; a word is kept when it appears in at least --min-df articles.
IDF = ln((N + 1) / (df + 1)) + 1, written with 3 decimals, rows sorted by word, so the same
input always gives the same file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.keywords import CANDIDATE_POS  # noqa: E402
from kg.names import normalize_key  # noqa: E402
from kg.records import Article  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402
from kg.segment import load_userdict, make_tagger, segment  # noqa: E402

DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", default=str(DEFAULT_INPUT))
    ap.add_argument("-o", "--output", default=str(ROOT / "kg" / "models" / "idf.txt"))
    ap.add_argument("--min-df", type=int, default=3)
    args = ap.parse_args()
    src = Path(args.input)
    if not src.is_file():
        print(f"{src}: not found", file=sys.stderr)
        return 2
    tagger = make_tagger("rjieba", load_userdict(ontology_dir() / "dicts" / "userdict.txt"))
    df: Counter[str] = Counter()
    docs = 0
    with src.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = "\n".join(x for x in (rec.get("title") or "", rec.get("text") or "") if x)
            words = set()
            for sent in segment(Article(id=str(n), text=text), tagger):
                for tok in sent.tokens:
                    if tok.pos in CANDIDATE_POS:
                        key = normalize_key(tok.text)
                        if key and "\t" not in key:
                            words.add(key)
            df.update(words)
            docs += 1
    rows = sorted((w, math.log((docs + 1) / (c + 1)) + 1.0) for w, c in df.items() if c >= args.min_df)
    out = Path(args.output)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".idf-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# Background IDF of kg.keywords, built by scripts/build_idf.py from {src.name} (min df {args.min_df}).\n")
        fh.write(f"# docs={docs}\n")
        for w, v in rows:
            fh.write(f"{w}\t{v:.3f}\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    print(f"{out}: {len(rows)} words from {docs} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
