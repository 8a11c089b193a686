"""Settings: one place for defaults, TOML overrides, clear errors."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.output import atomic_path, write_atomic
from kg.errors import OutputError
from kg.settings import Settings, load_settings


def test_settings_toml_overrides_defaults(tmp_path):
    p = tmp_path / "kg.toml"
    p.write_text('[kg]\nsegmenter = "jieba"\nmin_confidence = 0.5\n', encoding="utf-8")
    s = load_settings(p)
    assert (s.segmenter, s.min_confidence, s.seed) == ("jieba", 0.5, Settings().seed)


def test_settings_unknown_key_is_named(tmp_path):
    p = tmp_path / "kg.toml"
    p.write_text("segmentr = 'jieba'\n", encoding="utf-8")
    with pytest.raises(KgError, match="unknown setting.*segmentr"):
        load_settings(p)


def test_settings_bad_toml_names_file(tmp_path):
    p = tmp_path / "kg.toml"
    p.write_text("segmenter = \n", encoding="utf-8")
    with pytest.raises(KgError, match="kg.toml: cannot read settings"):
        load_settings(p)


def test_output_failed_write_leaves_previous_file(tmp_path):
    target = tmp_path / "g.ttl"
    target.write_text("old graph", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old graph"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_output_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "g.ttl", "x")
