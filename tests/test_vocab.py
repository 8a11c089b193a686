"""The ontology is the one source of names: code, rules and the namespace agree with kg.ttl."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib.namespace import OWL, RDF, RDFS

from kg.rules import read_jsonl
from kg.resources import declared_classes, declared_properties, declared_terms, load_ontology, ontology_dir
from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]

CONTRACT_CLASSES = ["Person", "Organization", "Location", "AIModel", "Technology", "Publication", "Concept"]
CONTRACT_PROPERTIES = [
    "released", "developed", "explains", "published", "proposed", "basedOn", "uses", "worksFor", "founded",
    "partOf", "locatedIn", "investedIn", "partnersWith", "competesWith", "alumniOf", "authorOf", "mentions",
]


def test_vocab_namespace_matches_ontology():
    declared = declared_terms()
    in_class = {name for name in KG.__annotations__}
    assert in_class == set(declared)


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_vocab_contract_classes_declared(name):
    assert name in declared_classes()


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_vocab_contract_properties_declared(name):
    assert name in declared_properties()
    assert (KG[name], RDF.type, OWL.ObjectProperty) in load_ontology()


def test_vocab_every_term_has_zh_and_en_label_and_comment():
    g = load_ontology()
    for name in declared_terms():
        langs = {lit.language for lit in g.objects(KG[name], RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert list(g.objects(KG[name], RDFS.comment)), name


def test_vocab_mistyped_term_raises():
    with pytest.raises(AttributeError):
        KG.workFor  # noqa: B018


def _code_terms() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "kg").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"\bKG\.([A-Za-z_]+)\b", text))
        found.update(re.findall(r"\bKG\[\"([A-Za-z_]+)\"\]", text))
    found.discard("_NS")
    return found


def test_vocab_every_term_the_code_uses_is_declared():
    missing = _code_terms() - declared_terms()
    assert not missing, f"used in kg/ but not declared in kg.ttl: {sorted(missing)}"


def _rule_terms() -> tuple[set[str], set[str]]:
    classes: set[str] = set()
    props: set[str] = set()
    pdir = ontology_dir() / "patterns"
    for path in sorted(pdir.glob("*.jsonl")):
        for _, _, row in read_jsonl(path):
            if "label" in row:
                classes.add(row["label"])
            if "relation" in row:
                props.add(row["relation"])
            for tok in row.get("pattern", []) if isinstance(row.get("pattern"), list) else []:
                ent = tok.get("ENT") if isinstance(tok, dict) else None
                if isinstance(ent, str):
                    classes.add(ent)
                elif isinstance(ent, list):
                    classes.update(ent)
                elif isinstance(ent, dict):
                    classes.update(ent.get("IN", []))
    return classes, props


def test_vocab_every_class_and_property_in_the_rules_is_declared():
    classes, props = _rule_terms()
    assert classes - declared_classes() == set()
    assert props - declared_properties() == set()
