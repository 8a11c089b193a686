"""Killing ``kg build`` at any moment leaves the previous output whole; unwritable outputs fail cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = "# the previous graph, which must survive\n<https://example.org/s> <https://example.org/p> \"老\" .\n"

_TEXTS = [
    "2月16日，人工智能公司OpenAI发布了视频生成模型Sora。OpenAI表示，Sora基于扩散模型和Transformer架构。",
    "百度创始人、董事长兼首席执行官李彦宏宣布，百度推出文心一言。李彦宏表示：“文心一言基于文心大模型。”",
    "阿里巴巴发布通义千问2.5，谷歌发布Gemini 1.5 Pro，深度求索发布DeepSeek-R1推理模型。",
    "清华大学教授张三在北京表示，大模型的发展离不开自监督学习和强化学习。",
]


def _corpus(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = _TEXTS[i % len(_TEXTS)] * (1 + i % 3)
            fh.write(json.dumps({"id": f"n{i}", "title": f"新闻{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _kg(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw
    )


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def _leftovers(folder: Path, output: Path) -> list[str]:
    """Hidden temporary files a killed build may leave: never named like an output."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{output.name}.") and p.suffix == ".tmp")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """A corpus that takes several seconds to build."""
    return _corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", 400)


@pytest.fixture(scope="module")
def reference(big, tmp_path_factory) -> dict[str, bytes]:
    """The complete new outputs, from builds that were not interrupted."""
    out = tmp_path_factory.mktemp("ref")
    refs = {}
    for ext in ("nt", "ttl"):
        p = _kg("build", str(big), "-o", str(out / f"g.{ext}"), "--jobs", "1", "--quiet")
        assert p.wait(timeout=600) == 0, p.stderr.read().decode()
        refs[ext] = (out / f"g.{ext}").read_bytes()
    return refs


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 300) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False when it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.001)
    proc.kill()
    raise AssertionError("the build neither ended nor reached the point to kill it")


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_atomic_kill_while_streaming_ntriples_keeps_previous_file(big, tmp_path, jobs):
    out = tmp_path / "g.nt"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = _kg("build", str(big), "-o", str(out), "--jobs", jobs, "--quiet")

    def writing() -> bool:  # the temporary file has received triples
        return any((tmp_path / n).stat().st_size > 0 for n in _leftovers(tmp_path, out))

    killed = _kill_when(proc, writing)
    assert killed, "the build ended before its output was being written"
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert _visible(tmp_path) == ["g.nt"]


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.5, 1.0, 2.0, 4.0])
@pytest.mark.parametrize("ext", ["ttl", "nt"])
def test_atomic_kill_at_any_moment_leaves_old_or_complete_new(big, reference, tmp_path, after, ext):
    out = tmp_path / f"g.{ext}"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = _kg("build", str(big), "-o", str(out), "--jobs", "1", "--quiet")
    start = time.monotonic()
    _kill_when(proc, lambda: time.monotonic() - start >= after)
    assert out.read_bytes() in (PREVIOUS.encode("utf-8"), reference[ext])
    assert _visible(tmp_path) == [out.name]


@pytest.mark.slow
def test_atomic_kill_during_final_turtle_write(big, reference, tmp_path):
    """Turtle is written in one piece at the end: kill the moment its temporary file appears."""
    out = tmp_path / "g.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = _kg("build", str(big), "-o", str(out), "--jobs", "1", "--quiet")
    killed = _kill_when(proc, lambda: bool(_leftovers(tmp_path, out)))
    data = out.read_bytes()
    if killed:
        assert data == PREVIOUS.encode("utf-8")
    else:  # the write finished between two looks: then the file is the complete new one
        assert data == reference["ttl"]
    assert _visible(tmp_path) == ["g.ttl"]


@pytest.mark.slow
def test_atomic_report_and_output_keep_previous_when_killed(big, tmp_path):
    out, report = tmp_path / "g.ttl", tmp_path / "report.json"
    out.write_text(PREVIOUS, encoding="utf-8")
    report.write_text('{"previous": true}\n', encoding="utf-8")
    proc = _kg("build", str(big), "-o", str(out), "--report", str(report), "--jobs", "1", "--quiet")
    start = time.monotonic()
    _kill_when(proc, lambda: time.monotonic() - start >= 1.5)
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert json.loads(report.read_text(encoding="utf-8")) == {"previous": True}


def test_atomic_successful_build_leaves_no_temporary_files(tmp_path):
    corpus = _corpus(tmp_path / "in.jsonl", 3)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for ext in ("ttl", "nt"):
        p = _kg("build", str(corpus), "-o", str(out_dir / f"g.{ext}"), "--quiet")
        assert p.wait(timeout=300) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["g.nt", "g.ttl"]


@pytest.mark.parametrize("ext", ["ttl", "nt"])
def test_atomic_output_in_missing_directory_exit_2(tmp_path, ext):
    corpus = _corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "missing" / "deeper" / f"g.{ext}"
    p = _kg("build", str(corpus), "-o", str(out), "--quiet")
    _, err = p.communicate(timeout=300)
    text = err.decode("utf-8")
    assert p.returncode == 2, text
    assert "does not exist" in text and str(out.parent) in text
    assert "Traceback" not in text
    assert text.count("\n") == 1
    assert not out.parent.exists()


def test_atomic_output_under_a_file_exit_2(tmp_path):
    corpus = _corpus(tmp_path / "in.jsonl", 2)
    blocker = tmp_path / "notadir"
    blocker.write_text("x", encoding="utf-8")
    p = _kg("build", str(corpus), "-o", str(blocker / "g.ttl"), "--quiet")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 2 and "Traceback" not in err.decode("utf-8")
    assert blocker.read_text(encoding="utf-8") == "x"


def _make_read_only(folder: Path) -> None:
    """No new files in ``folder``: mode 555, and for root (who ignores modes) the immutable flag."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        r = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        if r.returncode != 0:
            folder.chmod(0o755)
            pytest.skip(f"running as root and chattr +i is not available here: {r.stderr.strip()}")


def _make_writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


@pytest.mark.parametrize("ext", ["ttl", "nt"])
def test_atomic_output_in_read_only_directory_exit_2(tmp_path, ext):
    corpus = _corpus(tmp_path / "in.jsonl", 2)
    ro = tmp_path / "ro"
    ro.mkdir()
    out = ro / f"g.{ext}"
    out.write_text(PREVIOUS, encoding="utf-8")
    _make_read_only(ro)
    try:
        p = _kg("build", str(corpus), "-o", str(out), "--quiet")
        _, err = p.communicate(timeout=300)
        listing = sorted(os.listdir(ro))
    finally:
        _make_writable(ro)
    text = err.decode("utf-8")
    assert p.returncode == 2, text
    assert "cannot write" in text and str(out) in text
    assert "Traceback" not in text and text.count("\n") == 1
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert listing == [out.name]
