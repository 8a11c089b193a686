"""Locate and load the ontology directory: kg.ttl, pattern files and the user dictionary."""

from __future__ import annotations

import functools
from importlib import resources as _res
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.errors import OntologyError
from kg.vocab import KG

__all__ = [
    "ontology_dir",
    "load_ontology",
    "declared_terms",
    "declared_classes",
    "declared_properties",
    "check_term",
    "ENTITY_CLASSES",
]

ENTITY_CLASSES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Location",
    "AIModel",
    "Technology",
    "Publication",
)
"""Classes of named entities that extraction produces (Concept comes from keywords)."""


def ontology_dir(override: str | Path | None = None) -> Path:
    """The directory with kg.ttl, ``patterns/`` and ``dicts/``.

    The source checkout's ``ontology/`` is used when present, else the copy installed
    inside the package as ``kg/_ontology``.

    Examples
    --------
    >>> (ontology_dir() / "kg.ttl").is_file()
    True
    """
    if override is not None:
        p = Path(override)
        if not (p / "kg.ttl").is_file():
            raise OntologyError(f"{p}: not an ontology directory (no kg.ttl in it)")
        return p
    here = Path(__file__).resolve().parent
    checkout = here.parent / "ontology"
    if (checkout / "kg.ttl").is_file():
        return checkout
    installed = Path(str(_res.files("kg") / "_ontology"))
    if (installed / "kg.ttl").is_file():
        return installed
    raise OntologyError(f"no ontology found (looked in {checkout} and {installed})")


@functools.lru_cache(maxsize=4)
def load_ontology(directory: str | None = None) -> Graph:
    """Parse ``kg.ttl`` into a graph (cached).

    Examples
    --------
    >>> len(load_ontology()) > 100
    True
    """
    path = ontology_dir(directory) / "kg.ttl"
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"{path}: cannot parse the ontology: {exc}") from exc
    return g


def declared_terms(directory: str | None = None) -> frozenset[str]:
    """Local names of every class and property declared in the ontology."""
    ns = str(KG._NS)
    g = load_ontology(directory)
    return frozenset(
        str(s)[len(ns):] for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(ns)
    )


def declared_classes(directory: str | None = None) -> frozenset[str]:
    """Local names of the OWL classes of the ontology."""
    ns = str(KG._NS)
    g = load_ontology(directory)
    return frozenset(str(s)[len(ns):] for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(ns))


def declared_properties(directory: str | None = None) -> frozenset[str]:
    """Local names of the object and datatype properties of the ontology."""
    ns = str(KG._NS)
    g = load_ontology(directory)
    out = set()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        out.update(str(s)[len(ns):] for s in g.subjects(RDF.type, kind) if str(s).startswith(ns))
    return frozenset(out)


def check_term(name: str, kind: str, where: str, directory: str | None = None) -> None:
    """Raise OntologyError naming ``where`` unless ``name`` is a declared class/property.

    Examples
    --------
    >>> check_term("Person", "class", "entities.jsonl:1")
    >>> check_term("Persn", "class", "entities.jsonl:1")
    Traceback (most recent call last):
    ...
    kg.errors.OntologyError: entities.jsonl:1: unknown class 'Persn' (not declared in kg.ttl)
    """
    pool = declared_classes(directory) if kind == "class" else declared_properties(directory)
    if name not in pool:
        raise OntologyError(f"{where}: unknown {kind} {name!r} (not declared in kg.ttl)")
