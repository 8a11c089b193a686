"""Commands over finished graphs: ``kg query``, ``kg store``, ``kg serve`` and ``kg push``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.errors import KgError

__all__ = ["COMMANDS", "query", "store", "serve", "push"]


class _Failed(click.ClickException):
    """A command that could not do its work: one line on standard error, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"kg: {self.format_message()}", err=True)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _Failed(f"--param {item!r}: write it as NAME=VALUE, e.g. --param org=kgid:Organization/0123")
        out[name.strip().lstrip("?$")] = value
    return out


@click.command()
@click.argument("graph", type=click.Path(exists=True))
@click.argument("query_", metavar="QUERY", required=False)
@click.option(
    "--format", "fmt", default="table", show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt"]),
    help="Result format: table, CSV/TSV/JSON/XML (SPARQL 1.1 results) or turtle/nt for CONSTRUCT/DESCRIBE.",
)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (an IRI such as kgid:AIModel/… or <http://…>, "
                   '"text"@zh, or plain text); repeatable. Never pasted into the query text.')
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE clauses (they make the query engine fetch from the network).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="Stop the query after this many seconds.")
def query(graph, query_, fmt, params, allow_service, timeout):
    """Run a SPARQL query over GRAPH (an RDF file or a store directory).

    QUERY is SPARQL text, a .rq file, or the name of a shipped query; without QUERY the
    shipped queries are listed. Prefixes kg: kgid: rdf: rdfs: owl: xsd: skos: schema:
    prov: org: dcterms: are declared. SERVICE (federated) clauses are refused unless
    --allow-service is given. Invalid SPARQL gives its line and column and exit status 2.

    \b
    Example:
      kg query out/graph.ttl released_models
      kg query out/graph.ttl examples/queries/people_organizations.rq --format csv
      kg query out/graph.ttl model_quotes --param model=kgid:AIModel/0123456789abcdef
      kg query out/store 'SELECT ?s WHERE { ?s a kg:AIModel } LIMIT 5' --format json
    """
    from kg.query import format_result, named_queries, resolve_query, run_query

    if query_ is None:
        for name, text in named_queries().items():
            first = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
            click.echo(f"{name:24} {first}")
        return
    try:
        result = run_query(graph, resolve_query(query_), _params(params), allow_service=allow_service, timeout=timeout)
        click.echo(format_result(result, fmt), nl=False)
    except KgError as exc:
        raise _Failed(str(exc)) from exc


@click.group()
def store():
    """A persistent on-disk store (Oxigraph) for graphs too big for memory.

    Each article (or loaded file) is a named graph; the default graph is the merged
    graph that queries see. Writes are transactions: nothing is ever half-written.

    \b
    Example:
      kg store load out/store out/graph.nt
      kg store stats out/store
      kg query out/store released_models
    """


@store.command("load")
@click.argument("directory", type=click.Path(file_okay=False))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def store_load(directory, files):
    """Load RDF FILES into the store in DIRECTORY (created if absent), one named graph per file.

    A file already loaded with the same bytes is skipped; a changed file replaces its graph.

    \b
    Example:
      kg store load out/store out/graph.ttl
    """
    from kg.store import load_files

    try:
        report = load_files(directory, files)
    except KgError as exc:
        raise _Failed(str(exc)) from exc
    click.echo(
        f"kg: {report.added} added, {report.replaced} replaced, {report.unchanged} unchanged; "
        f"{report.triples} triples in {directory}",
        err=True,
    )


@store.command("stats")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
def store_stats_cmd(directory):
    """Print counts of the store in DIRECTORY as JSON: triples, quads, graphs, bytes on disk.

    \b
    Example:
      kg store stats out/store
    """
    from kg.store import store_stats

    try:
        click.echo(json.dumps(store_stats(directory), ensure_ascii=False, indent=2))
    except KgError as exc:
        raise _Failed(str(exc)) from exc


@click.command()
@click.argument("source", metavar="GRAPH_OR_STORE", type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds a query may run.")
@click.option("--max-results", default=10000, show_default=True, type=click.IntRange(min=1),
              help="Rows (or triples) an answer may hold; longer answers are cut.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated) queries.")
@click.option("--html", "html_page", type=click.Path(exists=True, dir_okay=False), help="HTML page to serve at /.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request on standard error.")
def serve(source, host, port, timeout, max_results, allow_service, html_page, quiet):
    """Serve GRAPH_OR_STORE as a read-only SPARQL 1.1 endpoint at /sparql.

    GET /sparql?query=… and POST (form or application/sparql-query) answer in the format
    the Accept header asks for (SPARQL JSON, XML, CSV, TSV; Turtle or N-Triples for graphs).
    Updates are refused (403). CORS is open so browser query tools can call it. / serves
    the HTML page given with --html, /ontology the ontology in Turtle. Stop with Ctrl-C.

    \b
    Example:
      kg serve out/graph.ttl --html out/graph.html
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql?query=SELECT+*+WHERE+{?s+?p+?o}+LIMIT+3'
    """
    from kg.server import serve as run_server

    try:
        run_server(
            source, host, port, timeout=timeout, max_results=max_results,
            allow_service=allow_service, html_page=Path(html_page) if html_page else None, log=not quiet,
        )
    except KgError as exc:
        raise _Failed(str(exc)) from exc


@click.command()
@click.argument("graph", type=click.Path(exists=True))
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option("--graph", "graph_iri", default=None, help="Named graph to add to (default: the default graph).")
@click.option("--batch-size", default=50000, show_default=True, type=click.IntRange(min=1), help="Triples per request.")
@click.option("--retries", default=3, show_default=True, type=click.IntRange(min=0), help="Retries of a failed request.")
def push(graph, endpoint, graph_iri, batch_size, retries):
    """Load GRAPH (an RDF file or store) into a running triple store over the SPARQL 1.1
    Graph Store HTTP Protocol, in batches of N-Triples, retrying on connection errors and 5xx.

    \b
    Example:
      oxigraph serve --location /tmp/oxi --bind 127.0.0.1:7879 &
      kg push out/graph.ttl --endpoint http://127.0.0.1:7879/store --graph https://example.org/news
    """
    from kg.push import push as run_push

    try:
        report = run_push(graph, endpoint, graph_iri, batch_size=batch_size, retries=retries)
    except KgError as exc:
        raise _Failed(str(exc)) from exc
    click.echo(
        f"kg: {report.triples} triples in {report.requests} requests to {endpoint}"
        f" ({report.retries} retries) -> {report.graph or 'default graph'}",
        err=True,
    )


COMMANDS = [query, store, serve, push]
"""The commands this module adds to ``kg``'s command group."""
