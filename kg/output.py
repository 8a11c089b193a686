"""Atomic file output: write beside the target, then rename, so a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError

__all__ = ["write_atomic", "atomic_path"]


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    An existing file at ``path`` stays whole until the new one is complete.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "g.ttl", "x").read_text()
    'x'
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target) as tmp:
        tmp.write_bytes(raw)
    return target


class atomic_path:
    """Context manager giving a temporary path that replaces ``target`` on success.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(d / "out.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (d / "out.txt").read_text()
    'done'
    """

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.tmp: Path | None = None

    def __enter__(self) -> Path:
        parent = self.target.parent
        if not parent.is_dir():
            raise OutputError(f"{self.target}: the directory {parent} does not exist")
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise OutputError(f"{self.target}: cannot write there ({exc.strerror})") from exc
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp is None:
            return
        if exc_type is not None:
            self.tmp.unlink(missing_ok=True)
            return
        try:
            with open(self.tmp, "rb") as fh:
                os.fsync(fh.fileno())
            if self.target.exists():
                os.chmod(self.tmp, self.target.stat().st_mode & 0o777)
            else:
                os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.tmp.unlink(missing_ok=True)
            raise OutputError(f"{self.target}: cannot write ({exc.strerror})") from exc
