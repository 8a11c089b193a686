"""kg: knowledge graphs from Chinese technology news (extract, export as RDF, look, query)."""

from __future__ import annotations

from kg.errors import IngestError, KgError, OntologyError, OutputError, PatternError, QueryError, StoreError
from kg.records import Article, Entity, Extraction, Failure, Mention, Quote, Relation, Sentence, Token
from kg.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "build",
    "extract",
    "extract_articles",
    "BuildResult",
    "Settings",
    "load_settings",
    "Article",
    "Sentence",
    "Token",
    "Mention",
    "Entity",
    "Relation",
    "Quote",
    "Extraction",
    "Failure",
    "KgError",
    "IngestError",
    "OntologyError",
    "PatternError",
    "QueryError",
    "StoreError",
    "OutputError",
]

_API = {"build", "extract", "extract_articles", "BuildResult"}


def __getattr__(name: str):
    # The API pulls in the models' code; import it on first use so `import kg` stays light.
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
