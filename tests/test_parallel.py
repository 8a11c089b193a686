"""Extraction in worker processes gives byte for byte what one process gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import api
from kg.records import Failure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture
def pool_always(monkeypatch):
    """Use the worker pool even for a handful of articles (normally they stay in-process)."""
    monkeypatch.setattr(api, "_SERIAL_BELOW", 1)


def _outputs(paths, out: Path, jobs: int) -> tuple[dict[str, bytes], list[Failure], dict]:
    failures: list[Failure] = []
    out.mkdir(exist_ok=True)
    r = api.build(paths, out / "g.ttl", jobs=jobs, on_failure=failures.append)
    api.build(paths, out / "g.nt", jobs=jobs)
    api.extract(paths, out / "x.jsonl", jobs=jobs)
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return files, failures, r.summary()


def test_parallel_examples_identical_to_one_job(tmp_path, pool_always):
    if not any(EXAMPLES.glob("*")):
        pytest.skip(f"no example articles in {EXAMPLES}")
    one = _outputs([EXAMPLES], tmp_path / "j1", 1)
    two = _outputs([EXAMPLES], tmp_path / "j2", 2)
    assert one[0] == two[0]
    assert one[1] == two[1]
    assert {**one[2], "outputs": []} == {**two[2], "outputs": []}
    assert one[2]["articles"] >= 5


def test_parallel_news_identical_to_one_job(shared_data, tmp_path):
    corpus = tmp_path / "news.jsonl"
    with open(shared_data / "news" / "articles.jsonl", encoding="utf-8") as fh:
        corpus.write_text("".join(next(fh) for _ in range(40)), encoding="utf-8")
    one = _outputs([corpus], tmp_path / "j1", 1)
    two = _outputs([corpus], tmp_path / "j2", 2)
    assert one[0].keys() == two[0].keys()
    for name in one[0]:
        assert one[0][name] == two[0][name], name
    assert one[2]["articles"] == 40


def test_parallel_failures_keep_their_place(tmp_path, pool_always):
    """Bad lines between good ones: the same failures, in the same order, and the same graph."""
    corpus = tmp_path / "mixed.jsonl"
    lines = []
    for i in range(30):
        lines.append(json.dumps({"id": f"a{i}", "text": f"百度第{i}次发布文心一言。李彦宏表示满意。"}, ensure_ascii=False))
        if i % 7 == 3:
            lines.append("{broken")
        if i % 11 == 5:
            lines.append("[1]")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one = _outputs([corpus, empty], tmp_path / "j1", 1)
    two = _outputs([corpus, empty], tmp_path / "j2", 2)
    assert one[0] == two[0]
    assert one[1] == two[1]
    assert [f.origin for f in one[1]][-1] == str(empty)
    assert len(one[1]) == 4 + 3 + 1


def test_parallel_batches_longer_than_one_pool_round(tmp_path, monkeypatch):
    """More articles than one batch holds: order is kept across batch boundaries."""
    monkeypatch.setattr(api, "_BATCH", 3)
    corpus = tmp_path / "n.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"n{i}", "text": f"公司{i}号发布了模型{i}号。OpenAI发布Sora。"}, ensure_ascii=False) + "\n"
            for i in range(40)
        ),
        encoding="utf-8",
    )
    ids_one = [ex.article.id for ex in api.extract_articles([corpus], jobs=1)]
    ids_two = [ex.article.id for ex in api.extract_articles([corpus], jobs=2)]
    assert ids_one == ids_two == [f"n{i}" for i in range(40)]


def test_parallel_cli_jobs_2_identical_to_jobs_1(tmp_path):
    if not any(EXAMPLES.glob("*")):
        pytest.skip(f"no example articles in {EXAMPLES}")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"g{jobs}.ttl"
        p = subprocess.run(
            [sys.executable, "-m", "kg", "build", str(EXAMPLES), "-o", str(out), "--jobs", jobs, "--quiet"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        assert p.returncode in (0, 1), p.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
