"""The kg ontology's names as an rdflib namespace; the only way code reaches ontology terms."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "KGID", "PREFIXES", "ONTOLOGY_IRI"]

ONTOLOGY_IRI = "https://w3id.org/kgnews/ontology"
KGID = Namespace("https://w3id.org/kgnews/id/")
"""Namespace of the graph's own resources: entities, articles, evidence."""


class KG(DefinedNamespace):
    """Terms declared in ``ontology/kg.ttl``; a mistyped term raises ``AttributeError``.

    Examples
    --------
    >>> str(KG.worksFor)
    'https://w3id.org/kgnews/ontology#worksFor'
    """

    _fail = True
    _NS = Namespace("https://w3id.org/kgnews/ontology#")

    AIModel: URIRef
    Article: URIRef
    Concept: URIRef
    Evidence: URIRef
    Extractor: URIRef
    Location: URIRef
    Membership: URIRef
    Organization: URIRef
    Person: URIRef
    Publication: URIRef
    Quote: URIRef
    Role: URIRef
    Technology: URIRef

    about: URIRef
    acquired: URIRef
    alumniOf: URIRef
    authorOf: URIRef
    basedOn: URIRef
    competesWith: URIRef
    confidence: URIRef
    developed: URIRef
    endOffset: URIRef
    explains: URIRef
    founded: URIRef
    hasEvidence: URIRef
    inArticle: URIRef
    investedIn: URIRef
    locatedIn: URIRef
    mentions: URIRef
    method: URIRef
    originalPublisher: URIRef
    partOf: URIRef
    partnersWith: URIRef
    proposed: URIRef
    published: URIRef
    quoteText: URIRef
    relatedConcept: URIRef
    released: URIRef
    ruleId: URIRef
    sentence: URIRef
    source: URIRef
    speaker: URIRef
    startOffset: URIRef
    uses: URIRef
    weight: URIRef
    worksFor: URIRef


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgid": str(KGID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
}
"""Prefixes bound in every graph kg writes and every query it runs."""
