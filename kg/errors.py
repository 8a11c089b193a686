"""The one error hierarchy of kg; every message names the file, line or record at fault."""

from __future__ import annotations

__all__ = [
    "KgError",
    "IngestError",
    "OntologyError",
    "PatternError",
    "QueryError",
    "StoreError",
    "ModelError",
    "OutputError",
    "require_optional",
]


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class IngestError(KgError):
    """An input file or record could not be read, decoded or parsed."""


class OntologyError(KgError):
    """The ontology file is missing, malformed, or lacks a term the code needs."""


class PatternError(KgError):
    """An entity or relation rule file has a bad row; the message quotes it."""


class QueryError(KgError):
    """A SPARQL query is malformed or failed; the message gives the position."""


class StoreError(KgError):
    """A persistent store could not be opened, locked or updated."""


class ModelError(KgError):
    """A shipped statistical model is missing or unreadable."""


class OutputError(KgError):
    """An output file could not be written."""


def require_optional(module: str, extra: str | None = None):
    """Import an optional dependency or raise KgError with an install hint.

    Examples
    --------
    >>> require_optional("json").__name__
    'json'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        hint = f"pip install 'kg[{extra}]'" if extra else f"pip install {module}"
        raise KgError(f"the optional package {module!r} is not installed ({hint})") from exc
