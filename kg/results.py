"""Answers of SPARQL queries and the formats they are written in (SPARQL 1.1 results, tables)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal as Kind

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError
from kg.formats import nt_term
from kg.vocab import PREFIXES

__all__ = ["QueryResult", "RESULT_FORMATS", "format_result"]

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt")
"""Names accepted by :func:`format_result`."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a query: solutions (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: Kind["select", "ask", "graph"]
    """Which of the three shapes the answer has."""
    variables: tuple[str, ...] = ()
    """Projected variable names of a SELECT, in order."""
    rows: tuple[tuple[Node | None, ...], ...] = ()
    """One tuple per solution, aligned with ``variables``; ``None`` where unbound."""
    boolean: bool | None = None
    """The answer of an ASK."""
    graph: Graph | None = None
    """The triples of a CONSTRUCT or DESCRIBE."""
    truncated: bool = False
    """True when a result-size limit cut the answer short."""

    def __len__(self) -> int:
        if self.kind == "graph" and self.graph is not None:
            return len(self.graph)
        return len(self.rows) if self.kind == "select" else 1


def _compact(iri: str) -> str:
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return _compact(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out, w = [], 0
    for ch in text:
        w += _width(ch)
        if w > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _table(result: QueryResult, max_cell: int = 80) -> str:
    cells = [[_clip(_cell(t), max_cell) for t in row] for row in result.rows]
    head = list(result.variables)
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(head)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    rows = [line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    n = len(result.rows)
    rows.append(f"({n} row{'s' if n != 1 else ''}{', cut at the result limit' if result.truncated else ''})")
    return "\n".join(rows) + "\n"


def _csv(result: QueryResult, tsv: bool) -> str:
    buf = io.StringIO()
    if tsv:
        buf.write("\t".join(f"?{v}" for v in result.variables) + "\n")
        for row in result.rows:
            buf.write("\t".join("" if t is None else nt_term(t) for t in row) + "\n")
        return buf.getvalue()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buf.getvalue()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        doc: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml(result: QueryResult) -> str:
    from xml.sax.saxutils import escape, quoteattr

    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    out.append("</head>")
    if result.kind == "ask":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.rows:
            out.append("<result>")
            for v, t in zip(result.variables, row):
                if t is None:
                    continue
                j = _json_term(t)
                if j["type"] == "uri":
                    body = f"<uri>{escape(j['value'])}</uri>"
                elif j["type"] == "bnode":
                    body = f"<bnode>{escape(j['value'])}</bnode>"
                else:
                    attr = f" xml:lang={quoteattr(j['xml:lang'])}" if "xml:lang" in j else ""
                    attr += f" datatype={quoteattr(j['datatype'])}" if "datatype" in j else ""
                    body = f"<literal{attr}>{escape(j['value'])}</literal>"
                out.append(f"<binding name={quoteattr(v)}>{body}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Write a result as ``table`` (aligned, CJK-aware), ``csv``, ``tsv``, ``json``, ``xml``
    (SPARQL 1.1 results formats), or for graph results ``turtle`` / ``nt``.

    Examples
    --------
    >>> r = QueryResult("select", ("name", "n"), ((Literal("文心一言"), Literal(2)), (Literal("Sora"), None)))
    >>> print(format_result(r), end="")
    name      n
    --------  -
    文心一言  2
    Sora
    (2 rows)
    >>> format_result(r, "csv").splitlines()
    ['name,n', '文心一言,2', 'Sora,']
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        if fmt not in ("table", "turtle", "nt"):
            raise QueryError(f"a CONSTRUCT or DESCRIBE answer is a graph: use turtle or nt, not {fmt}")
        graph = result.graph if result.graph is not None else Graph()
        if fmt == "nt":
            return "".join(sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in graph))
        return graph.serialize(format="turtle")
    if fmt in ("turtle", "nt"):
        raise QueryError(f"{fmt} is for CONSTRUCT and DESCRIBE answers; use table, csv, tsv or json")
    if result.kind == "ask":
        if fmt == "json":
            return _json(result)
        if fmt == "xml":
            return _xml(result)
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return _table(result)
    if fmt in ("csv", "tsv"):
        return _csv(result, fmt == "tsv")
    return _json(result) if fmt == "json" else _xml(result)
