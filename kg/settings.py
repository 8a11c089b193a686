"""The one place kg's defaults live: a frozen Settings record, optionally read from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from kg.errors import KgError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a build; CLI flags override fields of a loaded TOML file."""

    segmenter: Literal["rjieba", "jieba"] = "rjieba"
    """Segmentation backend: ``rjieba`` (fast, same dictionary) or ``jieba``."""
    ontology_dir: str | None = None
    """Directory holding kg.ttl, patterns/ and dicts/ (None: the shipped one)."""
    on_error: Literal["raise", "skip"] = "skip"
    """What to do with an input that cannot be read: skip it (and report) or stop."""
    seed: int = 42
    """Seed for every random choice (layouts, communities)."""
    min_confidence: float = 0.0
    """Relations below this confidence are left out of the graph."""
    max_html_nodes: int = 300
    """The HTML page shows at most this many entities (the most important)."""
    concepts_per_article: int = 8
    """How many salient keywords each article contributes to the concept network."""

    def with_overrides(self, **values: Any) -> Settings:
        """Copy with the given fields changed; ``None`` values are ignored.

        Examples
        --------
        >>> Settings().with_overrides(seed=7, segmenter=None).seed
        7
        """
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def load_settings(path: str | Path | None = None) -> Settings:
    """Read a TOML file of settings (``[kg]`` table or top level); no path gives the defaults.

    Examples
    --------
    >>> load_settings().segmenter
    'rjieba'
    """
    if path is None:
        return Settings()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KgError(f"{p}: cannot read settings: {exc}") from exc
    data = data.get("kg", data)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise KgError(f"{p}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return Settings(**data)
