"""The ``kg build`` and ``kg extract`` commands: outputs, exit statuses, reports, quiet runs, standard input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import api
from kg.cli import cli


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def bad_and_good(tmp_path: Path, article_dir: Path) -> list[str]:
    jl = tmp_path / "lines.jsonl"
    jl.write_text('{"id": "g1", "text": "谷歌发布了Gemini模型。"}\n{oops\n', encoding="utf-8")
    return [str(article_dir / "a.txt"), str(jl)]


def test_cli_build_writes_graph_and_summary(article_dir, tmp_path):
    out = tmp_path / "g.ttl"
    r = run("build", str(article_dir), "-o", str(out), "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr.startswith("kg: 2 articles,") and str(out) in r.stderr
    assert isomorphic(Graph().parse(out, format="turtle"), api.build([article_dir]).graph)


def test_cli_build_quiet_prints_nothing(article_dir, tmp_path):
    r = run("build", str(article_dir), "-o", str(tmp_path / "g.ttl"), "--quiet")
    assert r.exit_code == 0
    assert r.stdout == r.stderr == ""


def test_cli_build_to_stdout_in_each_format(article_dir):
    ref = api.build([article_dir]).graph
    for fmt, parse_as in [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")]:
        r = run("build", str(article_dir), "--format", fmt, "-q")
        assert r.exit_code == 0, (fmt, r.stderr)
        assert isomorphic(Graph().parse(data=r.stdout_bytes, format=parse_as), ref), fmt


def test_cli_build_unknown_format_exit_2(article_dir):
    r = run("build", str(article_dir), "--format", "pdf")
    assert r.exit_code == 2
    assert "pdf" in r.stderr


def test_cli_build_report_json(bad_and_good, tmp_path):
    out, report = tmp_path / "g.ttl", tmp_path / "report.json"
    r = run("build", *bad_and_good, "-o", str(out), "--report", str(report), "-q")
    assert r.exit_code == 1  # one input failed
    s = json.loads(report.read_text(encoding="utf-8"))
    assert s["articles"] == 2
    assert s["failed"] == [{"input": f"{bad_and_good[1]}:2", "reason": s["failed"][0]["reason"]}]
    assert "invalid JSON" in s["failed"][0]["reason"]
    assert s["outputs"] == [str(out)]
    assert {"characters", "triples", "entities", "relations"} <= set(s)
    assert out.exists()


def test_cli_build_failed_input_named_on_stderr_even_when_quiet(bad_and_good, tmp_path):
    r = run("build", *bad_and_good, "-o", str(tmp_path / "g.ttl"), "-q")
    assert r.exit_code == 1
    assert f"kg: {bad_and_good[1]}:2: invalid JSON" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_build_nothing_readable_exit_1_and_nothing_written(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1]\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = run("build", str(bad), "-o", str(out))
    assert r.exit_code == 1
    assert "nothing was written" in r.stderr
    assert not out.exists()


def test_cli_build_missing_path_exit_1(tmp_path, article_dir):
    r = run("build", str(article_dir), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "g.ttl"), "-q")
    assert r.exit_code == 1
    assert "nope.txt" in r.stderr and "no such file" in r.stderr


def test_cli_build_stdin_dash(tmp_path):
    lines = [json.dumps({"id": f"s{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(["OpenAI发布了Sora。", "百度推出文心一言。"])]
    out = tmp_path / "g.ttl"
    r = run("build", "-", "-o", str(out), input="\n".join(lines) + "\n")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("kg: 2 articles")


def test_cli_build_stdin_plain_text(tmp_path):
    r = run("build", "-", "--format", "nt", "-q", input="OpenAI发布Sora\nOpenAI于2月16日发布了视频生成模型Sora。\n")
    assert r.exit_code == 0, r.stderr
    assert "Sora" in r.stdout


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_cli_build_bad_jobs_exit_2(article_dir, jobs):
    r = run("build", str(article_dir), "--jobs", jobs)
    assert r.exit_code == 2
    assert "--jobs" in r.stderr


def test_cli_build_jobs_2_same_output(article_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(api, "_SERIAL_BELOW", 1)  # use the worker pool even for two articles
    run("build", str(article_dir), "-o", str(tmp_path / "1.ttl"), "--jobs", "1", "-q")
    run("build", str(article_dir), "-o", str(tmp_path / "2.ttl"), "--jobs", "2", "-q")
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()


def test_cli_build_missing_output_directory_exit_2(article_dir, tmp_path):
    r = run("build", str(article_dir), "-o", str(tmp_path / "no" / "g.ttl"))
    assert r.exit_code == 2
    assert r.stderr.startswith("kg: ") and "does not exist" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_build_output_is_a_directory_exit_2(article_dir, tmp_path):
    r = run("build", str(article_dir), "-o", str(tmp_path))
    assert r.exit_code == 2


def test_cli_build_bad_config_exit_2(article_dir, tmp_path):
    cfg = tmp_path / "kg.toml"
    cfg.write_text("nonsense = 1\n", encoding="utf-8")
    r = run("build", str(article_dir), "--config", str(cfg))
    assert r.exit_code == 2
    assert "nonsense" in r.stderr


def test_cli_build_no_paths_exit_2():
    r = run("build")
    assert r.exit_code == 2


def test_cli_extract_to_stdout(article_dir):
    r = run("extract", str(article_dir), "-q")
    assert r.exit_code == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["id"] for rec in recs] == ["a", "b"]
    assert all({"id", "title", "entities", "relations"} <= set(rec) for rec in recs)
    assert r.stderr == ""


def test_cli_extract_to_file_with_summary(bad_and_good, tmp_path):
    out = tmp_path / "x.jsonl"
    r = run("extract", *bad_and_good, "-o", str(out))
    assert r.exit_code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert "kg: 2 articles extracted, 1 failed inputs" in r.stderr


def test_cli_extract_from_stdin():
    r = run("extract", "-", "-q", input='{"id": "x", "text": "OpenAI发布了视频生成模型Sora。"}\n')
    assert r.exit_code == 0, r.stderr
    rec = json.loads(r.stdout)
    text = "OpenAI发布了视频生成模型Sora。"
    assert rec["id"] == "x"
    assert {(e["text"], e["type"]) for e in rec["entities"]} >= {("OpenAI", "Organization"), ("Sora", "AIModel")}
    for e in rec["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_cli_every_command_has_help_with_example():
    for name, cmd in cli.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0, name
        assert "Example" in r.stdout, name


def test_cli_version():
    r = run("--version")
    assert r.exit_code == 0 and "version" in r.stdout
