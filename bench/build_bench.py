"""Build throughput and peak memory: kg build --jobs 2 against --jobs 1 and against plain jieba cutting.

Each variant runs as its own subprocess over the same articles of the shared news corpus, in one
run, so the ratios compare like with like. Peak memory is measured two ways: the largest single
process (``ru_maxrss`` of the waited-for process tree) and the whole process tree (RSS of the
command and all its descendants summed, sampled every 50 ms from /proc).

Usage::

    python3 bench/build_bench.py                  # 2,000 articles, then 10,000 (the set repeated with new ids)
    python3 bench/build_bench.py --articles 300 --big 0

Prints a table and writes bench/results/build_bench.json. Needs ../shared/data/news/articles.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"


def write_corpus(src: Path, n: int, dest: Path) -> int:
    """The first ``n`` articles of ``src`` (repeated with new ids when it has fewer); returns characters."""
    base = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = 0
    with open(dest, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)])
            if i >= len(base):
                rec["id"] = f"{rec.get('id', 'a')}-r{i // len(base)}"
            chars += len(rec.get("text") or "")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return chars


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * page
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def measure(cmd: list[str]) -> dict:
    """Run ``cmd``; wall time, exit status, largest single-process RSS and peak process-tree RSS."""
    # A fresh measuring process per variant, so that RUSAGE_CHILDREN covers this command only.
    probe = (
        "import resource, subprocess, sys, json, time\n"
        "t = time.perf_counter(); rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - t\n"
        "print(json.dumps({'rc': rc, 'wall_s': wall,"
        " 'maxrss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", probe, *cmd], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_mb"] = peak / 2**20
    return result


CUT = """
import json, sys, time
backend = sys.argv[1]
if backend == "jieba":
    import jieba
    jieba.initialize()
    cut = jieba.cut
else:
    import rjieba
    cut = rjieba.cut
words = 0
with open(sys.argv[2], encoding="utf-8") as fh:
    for line in fh:
        for _ in cut(json.loads(line)["text"]):
            words += 1
sys.exit(0 if words else 1)
"""


def kg_build(corpus: Path, out: Path, jobs: int, report: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--jobs", str(jobs), "--quiet",
            "--report", str(report)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles for the throughput comparison")
    ap.add_argument("--big", type=int, default=10000, help="articles for the memory run (0: skip)")
    ap.add_argument("--format", default="ttl", choices=["ttl", "nt"], help="output of kg build")
    ap.add_argument("--out", type=Path, default=RESULTS / "build_bench.json")
    args = ap.parse_args()
    if not NEWS.is_file():
        print(f"skipped: {NEWS} not found (the benchmark needs the shared news corpus)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = tmp / "corpus.jsonl"
    chars = write_corpus(NEWS, args.articles, corpus)
    rows: list[dict] = []

    def run(name: str, cmd: list[str], n: int, c: int, report: Path | None = None) -> dict:
        load = os.getloadavg()[0]
        r = measure(cmd)
        r.update(name=name, articles=n, chars=c, chars_per_s=c / r["wall_s"], load_before=load)
        if report is not None and report.exists():
            rep = json.loads(report.read_text(encoding="utf-8"))
            r.update(kg_articles=rep["articles"], kg_chars=rep["characters"], triples=rep["triples"],
                     failed=len(rep["failed"]))
        rows.append(r)
        print(f"  {name}: {r['wall_s']:.1f} s, rc {r['rc']}, tree peak {r['tree_peak_mb']:.0f} MB", flush=True)
        return r

    print(f"{args.articles} articles, {chars:,} characters; {os.cpu_count()} cores; corpus in {tmp}", flush=True)
    ext = args.format
    j1 = run("kg build --jobs 1", kg_build(corpus, tmp / f"j1.{ext}", 1, tmp / "r1.json"), args.articles, chars,
             tmp / "r1.json")
    j2 = run("kg build --jobs 2", kg_build(corpus, tmp / f"j2.{ext}", 2, tmp / "r2.json"), args.articles, chars,
             tmp / "r2.json")
    jb = run("jieba.cut (plain)", [sys.executable, "-c", CUT, "jieba", str(corpus)], args.articles, chars)
    rj = run("rjieba.cut (plain)", [sys.executable, "-c", CUT, "rjieba", str(corpus)], args.articles, chars)
    identical = (tmp / f"j1.{ext}").read_bytes() == (tmp / f"j2.{ext}").read_bytes()
    big = None
    if args.big:
        big_corpus = tmp / "big.jsonl"
        big_chars = write_corpus(NEWS, args.big, big_corpus)
        big = run(f"kg build --jobs 2, {args.big:,} articles",
                  kg_build(big_corpus, tmp / f"big.{ext}", 2, tmp / "rb.json"), args.big, big_chars, tmp / "rb.json")

    summary = {
        "jobs2_over_jobs1": j1["wall_s"] / j2["wall_s"],
        "kg_jobs1_over_jieba": jb["wall_s"] / j1["wall_s"],
        "kg_jobs2_over_jieba": jb["wall_s"] / j2["wall_s"],
        "jobs1_jobs2_output_identical": identical,
        "big_tree_peak_mb": big["tree_peak_mb"] if big else None,
        "big_under_2gb": (big["tree_peak_mb"] < 2048) if big else None,
    }
    print()
    print(f"{'variant':<34} {'articles':>8} {'chars':>11} {'wall s':>8} {'chars/s':>9} "
          f"{'maxrss MB':>9} {'tree MB':>8} {'load':>5}")
    for r in rows:
        print(f"{r['name']:<34} {r['articles']:>8,} {r['chars']:>11,} {r['wall_s']:>8.1f} {r['chars_per_s']:>9,.0f} "
              f"{r['maxrss_mb']:>9.0f} {r['tree_peak_mb']:>8.0f} {r['load_before']:>5.1f}")
    print()
    print(f"throughput --jobs 2 / --jobs 1: {summary['jobs2_over_jobs1']:.2f}x (target >= 1.8x)")
    print(f"throughput kg build --jobs 1 / jieba.cut: {summary['kg_jobs1_over_jieba']:.3f}x"
          f"   (--jobs 2: {summary['kg_jobs2_over_jieba']:.3f}x)")
    print(f"--jobs 1 and --jobs 2 outputs byte-identical: {identical}")
    if big:
        print(f"{args.big:,} articles: peak memory {big['tree_peak_mb']:.0f} MB for the whole process tree "
              f"({'under' if summary['big_under_2gb'] else 'OVER'} 2 GB); largest process {big['maxrss_mb']:.0f} MB")
    print("chars/s counts the JSON 'text' of every article over wall time, start-up and model loading included;"
          " load = 1-minute load average before the variant")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "rows": rows, "summary": summary,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
