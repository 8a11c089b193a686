"""A one-line progress display on standard error for long runs, and the run's summary counts."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

__all__ = ["Progress"]


@dataclass
class Progress:
    """Counts articles, characters and failures; redraws a status line at most every 0.2 s.

    Silent unless ``enabled`` (the CLI enables it only when standard error is a terminal).

    Examples
    --------
    >>> p = Progress(enabled=False)
    >>> p.article(1200); p.failure(); p.articles, p.chars, p.failures
    (1, 1200, 1)
    """

    enabled: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    articles: int = 0
    chars: int = 0
    failures: int = 0
    started: float = field(default_factory=time.perf_counter)
    _last: float = 0.0

    def article(self, chars: int) -> None:
        """Count one extracted article of ``chars`` characters."""
        self.articles += 1
        self.chars += chars
        self._draw()

    def failure(self) -> None:
        """Count one input that failed."""
        self.failures += 1
        self._draw()

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self.started

    def _draw(self, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not final and now - self._last < 0.2:
            return
        self._last = now
        rate = self.chars / max(self.elapsed, 1e-9)
        self.stream.write(
            f"\r\x1b[Kkg: {self.articles:,} articles, {rate:,.0f} chars/s, {self.failures} failed, {self.elapsed:.1f}s"
        )
        if final:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        """Draw the last state and end the line."""
        self._draw(final=True)
