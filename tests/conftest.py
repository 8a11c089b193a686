"""Shared fixtures: loaded models (once per session), the shared data folder, small articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def models():
    """The pipeline's models, loaded once for the whole test session."""
    from kg.pipeline import load_models

    return load_models()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (only needed for data-backed tests)")
    return SHARED_DATA


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    """A folder with two small plain-text articles."""
    (tmp_path / "a.txt").write_text(
        "OpenAI发布Sora\nOpenAI于2月16日发布了视频生成模型Sora。\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "百度推出文心一言\n百度创始人、董事长兼首席执行官李彦宏宣布，百度推出文心一言。\n", encoding="utf-8"
    )
    return tmp_path
