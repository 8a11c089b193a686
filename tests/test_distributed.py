"""Extraction on a 2-worker Dask cluster gives byte-identical output to a local build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from kg import api  # noqa: E402
from kg.distributed import extract_to_parts, merge_parts, partitions, read_part  # noqa: E402
from kg.rdf import serialize  # noqa: E402
from kg.records import Failure  # noqa: E402


@pytest.fixture(scope="module")
def client():
    """Two worker processes, one thread each (processes=True: models load in each worker)."""
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as c:
            yield c


def _record(i: int, text: str, **extra) -> str:
    return json.dumps({"text": text, **extra}, ensure_ascii=False)


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Two JSON Lines files with records lacking ids, ids repeated across files and partitions,
    blank and broken lines, a BOM, mixed encodings, and Traditional Chinese."""
    a = tmp_path / "a.jsonl"
    lines = [
        _record(1, "OpenAI于2月16日发布了视频生成模型Sora。", title="OpenAI发布Sora", date="2024-02-16"),
        _record(2, "百度创始人、董事长兼首席执行官李彦宏宣布，百度推出文心一言。", id="dup"),
        "",
        "{not json",
        _record(3, "阿里巴巴发布通义千问2.5，谷歌发布Gemini 1.5 Pro。", id="dup"),
        "[1, 2]",
        _record(4, "微軟與OpenAI擴大合作，輝達股價上漲。", lang="zh-HK", source="明報"),
        _record(5, "清华大学教授张三表示：“大模型基于Transformer架构。”"),
        _record(6, "DeepSeek发布了DeepSeek-R1推理模型。", id="a-1"),
        json.dumps({"title": "no text"}),
        _record(7, "腾讯发布混元大模型，字节跳动推出豆包。", author="李四、王五"),
    ]
    a.write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8"))
    b = tmp_path / "b.jsonl"
    gbk = json.dumps({"id": "gbk", "text": "华为发布盘古大模型。"}, ensure_ascii=False).encode("gbk")
    b.write_bytes(
        (_record(8, "英伟达发布Blackwell芯片。", id="dup") + "\n").encode("utf-8")
        + gbk
        + b"\n"
        + (_record(9, "Meta发布Llama 3。") + "\n").encode("utf-8")
    )
    return [a, b]


def _local(paths, fmt="turtle"):
    failures: list[Failure] = []
    result = api.build(paths, on_failure=failures.append)
    return serialize(result.graph, fmt), failures, result


@pytest.mark.parametrize("partition_lines", [1, 3, 2000])
def test_distributed_identical_to_local_build(client, corpus, tmp_path, partition_lines):
    local, local_failures, result = _local(corpus)
    failures: list[Failure] = []
    stats: dict[str, int] = {}
    parts = extract_to_parts(
        corpus, tmp_path / "parts", client=client, partition_lines=partition_lines,
        on_failure=failures.append, stats=stats,
    )
    assert len(parts) == len(partitions(corpus, partition_lines))
    graph = merge_parts(parts)
    assert serialize(graph) == local
    assert serialize(graph, "nt") == serialize(result.graph, "nt")
    assert failures == local_failures
    assert stats == {"articles": result.articles, "chars": result.chars}


def test_distributed_repeated_ids_match_a_local_read(client, corpus, tmp_path):
    from kg.ingest import read_inputs
    from kg.records import Article

    local_ids = [x.id for x in read_inputs(corpus) if isinstance(x, Article)]
    assert local_ids.count("dup") == 1 and "dup-2" in local_ids and "dup-3" in local_ids
    parts = extract_to_parts(corpus, tmp_path / "parts", client=client, partition_lines=2)
    text = "".join(p.read_text(encoding="utf-8") for p in parts)
    for i in local_ids:
        assert f'"{i}" .' in text or f'"{i}"' in text


def test_distributed_parts_keep_article_order_and_duplicates(client, corpus, tmp_path):
    parts = extract_to_parts(corpus, tmp_path / "parts", client=client, partition_lines=2)
    triples = []
    for p in parts:
        read_part(p, triples)
    assert len(triples) > len(set(triples))  # repeated labels are kept for the label vote
    assert [p.name for p in parts] == sorted(p.name for p in parts)


def test_distributed_identical_on_news(client, shared_data, tmp_path):
    src = shared_data / "news" / "articles.jsonl"
    corpus = tmp_path / "news.jsonl"
    with open(src, encoding="utf-8") as fh:
        corpus.write_text("".join(next(fh) for _ in range(40)), encoding="utf-8")
    local, _, _ = _local([corpus])
    parts = extract_to_parts([corpus], tmp_path / "parts", client=client, partition_lines=7)
    assert serialize(merge_parts(parts)) == local


def test_distributed_whole_inputs_and_missing_files(client, tmp_path, article_dir):
    missing = tmp_path / "nope.jsonl"
    utf16 = tmp_path / "u.jsonl"
    utf16.write_bytes(json.dumps({"text": "OpenAI发布Sora。"}, ensure_ascii=False).encode("utf-16"))
    inputs = [article_dir, missing, utf16]
    local, local_failures, _ = _local(inputs)
    failures: list[Failure] = []
    parts = extract_to_parts(inputs, tmp_path / "parts", client=client, on_failure=failures.append)
    assert serialize(merge_parts(parts)) == local
    assert failures == local_failures
    assert any(f.origin == str(missing) for f in failures)


def test_distributed_blank_file_reported_once(client, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(_record(1, "百度推出文心一言。") + "\n", encoding="utf-8")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n \n\n\n  \n", encoding="utf-8")
    _, local_failures, _ = _local([good, blank])
    failures: list[Failure] = []
    extract_to_parts([good, blank], tmp_path / "parts", client=client, partition_lines=2, on_failure=failures.append)
    assert failures == local_failures == [Failure(str(blank), "only white space")]


def test_distributed_build_writes_output_and_removes_temporary_parts(client, corpus, tmp_path):
    from kg.distributed import build

    out = tmp_path / "out" / "g.ttl"
    out.parent.mkdir()
    result = build(corpus, out, client=client, partition_lines=4)
    local, _, local_result = _local(corpus)
    assert out.read_bytes() == local
    assert sorted(p.name for p in out.parent.iterdir()) == ["g.ttl"]
    assert result.summary() == {**local_result.summary(), "outputs": [str(out)]}
    assert result.articles == 10


def test_distributed_build_nt_output_identical_to_kg_build(client, corpus, tmp_path):
    from kg.distributed import build

    api.build(corpus, tmp_path / "local.nt")
    build(corpus, tmp_path / "dask.nt", client=client, partition_lines=2, parts_dir=tmp_path / "parts")
    assert (tmp_path / "dask.nt").read_bytes() == (tmp_path / "local.nt").read_bytes()
    assert sorted(p.name for p in (tmp_path / "parts").iterdir())[0] == "part-00000.nt"


def test_distributed_no_articles_writes_nothing(client, tmp_path):
    from kg.distributed import build

    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1]\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    with pytest.raises(api.NoArticlesError):
        build([bad], out, client=client)
    assert not out.exists()


def test_distributed_bad_part_file_is_a_clear_error(tmp_path):
    from kg.errors import KgError

    p = tmp_path / "part-00000.nt"
    p.write_text("this is not n-triples\n", encoding="utf-8")
    with pytest.raises(KgError, match="part-00000.nt"):
        merge_parts([p])


def test_distributed_cli_with_scheduler_matches_kg_build(client, corpus, tmp_path):
    from click.testing import CliRunner

    from kg.cli_dask import dask_build

    api.build(corpus, tmp_path / "local.ttl")
    out, report = tmp_path / "dask.ttl", tmp_path / "report.json"
    r = CliRunner().invoke(
        dask_build,
        [*map(str, corpus), "--scheduler", client.scheduler.address, "-o", str(out), "--partition-lines", "3",
         "--report", str(report)],
    )
    assert r.exit_code == 1, r.output  # the corpus holds bad lines
    assert out.read_bytes() == (tmp_path / "local.ttl").read_bytes()
    summary = json.loads(report.read_text(encoding="utf-8"))
    assert summary["articles"] == 10 and len(summary["failed"]) == 3
    assert "{not json" not in r.output and "invalid JSON" in r.output


def test_distributed_cli_local_cluster(tmp_path):
    from click.testing import CliRunner

    from kg.cli_dask import dask_build

    f = tmp_path / "news.jsonl"
    f.write_text(_record(1, "OpenAI发布了视频生成模型Sora。") + "\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    r = CliRunner().invoke(dask_build, [str(f), "--workers", "1", "-o", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    assert r.output == ""
    api.build([f], tmp_path / "local.nt")
    assert out.read_bytes() == (tmp_path / "local.nt").read_bytes()


def test_distributed_cli_unreachable_scheduler_exit_2(tmp_path):
    from click.testing import CliRunner

    from kg.cli_dask import dask_build

    f = tmp_path / "news.jsonl"
    f.write_text(_record(1, "百度推出文心一言。") + "\n", encoding="utf-8")
    r = CliRunner().invoke(dask_build, [str(f), "--scheduler", "tcp://127.0.0.1:9", "--connect-timeout", "1", "-o", str(tmp_path / "g.ttl")])
    assert r.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "g.ttl").exists()


def test_distributed_cli_help_has_example():
    from click.testing import CliRunner

    from kg.cli_dask import COMMANDS

    for cmd in COMMANDS:
        r = CliRunner().invoke(cmd, ["--help"])
        assert r.exit_code == 0 and "Example:" in r.output and "--scheduler" in r.output
