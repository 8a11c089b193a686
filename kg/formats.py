"""RDF file formats kg reads and writes: names, file extensions, and N-Triples terms."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import IngestError

__all__ = ["FORMATS", "EXTENSIONS", "QUAD_FORMATS", "format_for_path", "nt_term"]

FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "trig": "trig",
    "xml": "xml",
    "nquads": "nquads",
}
"""kg's RDF format names mapped to rdflib's parser/serializer plugin names."""

EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".trig": "trig",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".nq": "nquads",
}
"""File extensions mapped to kg's format names."""

QUAD_FORMATS = frozenset({"trig", "nquads"})
"""Formats that carry named graphs."""


def format_for_path(path: str | Path, default: str | None = None) -> str:
    """The format name of an RDF file, from its extension.

    Examples
    --------
    >>> format_for_path("out/graph.ttl"), format_for_path("g.RDF"), format_for_path("x.txt", "turtle")
    ('turtle', 'xml', 'turtle')
    >>> format_for_path("notes.txt")
    Traceback (most recent call last):
    ...
    kg.errors.IngestError: notes.txt: cannot tell the RDF format from the extension '.txt' (known: .json .jsonld .nq .nt .owl .rdf .trig .ttl .xml)
    """
    suffix = Path(path).suffix.lower()
    name = EXTENSIONS.get(suffix, default)
    if name is None:
        known = " ".join(sorted(EXTENSIONS))
        raise IngestError(f"{path}: cannot tell the RDF format from the extension {suffix!r} (known: {known})")
    return name


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def nt_term(term: Node, bnode_prefix: str = "") -> str:
    """A term written as N-Triples (also valid in SPARQL and N-Quads); one line, always.

    ``bnode_prefix`` is put before blank node labels, to keep blank nodes of different
    sources apart.

    Examples
    --------
    >>> nt_term(URIRef("https://w3id.org/kgnews/id/x"))
    '<https://w3id.org/kgnews/id/x>'
    >>> nt_term(Literal('他说："好"\\n', lang="zh"))
    '"他说：\\\\"好\\\\"\\\\n"@zh'
    >>> nt_term(Literal(3)), nt_term(Literal("x"))
    ('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"x"')
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{bnode_prefix}{term}"
    if isinstance(term, Literal):
        body = f'"{_escape(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{body}^^<{term.datatype}>"
        return body
    raise IngestError(f"cannot write {term!r} as an N-Triples term")
