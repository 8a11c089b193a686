"""Commands that draw: ``kg html`` (page of a graph file) and ``kg concepts`` (concept network)."""

from __future__ import annotations

import sys

import click

from kg.errors import KgError
from kg.records import Failure
from kg.settings import Settings, load_settings

__all__ = ["COMMANDS", "concepts", "html"]

_DEFAULTS = Settings()


class _Failed(click.ClickException):
    """A command that could not do its work: one line on standard error, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"kg: {self.format_message()}", err=True)


def _settings(config: str | None, **overrides) -> Settings:
    try:
        return load_settings(config).with_overrides(**overrides)
    except KgError as exc:
        raise _Failed(str(exc)) from exc


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help=f"Draw at most this many entities, the most important (default {_DEFAULTS.max_html_nodes}).")
@click.option("--seed", type=int, default=None, help=f"Seed of the layout (default {_DEFAULTS.seed}).")
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML file of settings.")
def html(graph, output, max_nodes, seed, title, config):
    """Write an interactive HTML page of a graph file; it opens from disk with no network.

    GRAPH is an RDF file written by kg build, in any format kg reads (Turtle, N-Triples,
    JSON-LD, TriG, N-Quads, RDF/XML; told by the extension). The page colours entities by
    class, sizes them by importance, has search, class and relation filters, a slider that
    hides low-confidence relations, and shows evidence sentences on click. Big graphs are
    capped to the most important entities, and the page says how many it shows.

    \b
    Example:
      kg html out/graph.ttl -o out/graph.html
      kg html out/graph.nt -o out/top100.html --max-nodes 100
    """
    from pathlib import Path

    from rdflib import Graph

    from kg.query import load_graph
    from kg.viz import write_html

    settings = _settings(config, max_html_nodes=max_nodes, seed=seed)
    try:
        g = load_graph(graph)
        if not isinstance(g, Graph):
            raise KgError(f"{graph}: kg html reads an RDF file, not a store directory")
        summary = write_html(g, output, max_nodes=settings.max_html_nodes, seed=settings.seed,
                             title=title or Path(graph).name)
    except KgError as exc:
        raise _Failed(str(exc)) from exc
    click.echo(
        f"kg: {summary.nodes_shown:,} of {summary.nodes_total:,} entities, {summary.edges_shown:,} of "
        f"{summary.edges_total:,} relations -> {summary.path}",
        err=True,
    )


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="Interactive HTML page to write.")
@click.option("--graphml", type=click.Path(dir_okay=False), help="GraphML file to write (Gephi, yEd).")
@click.option("--gexf", type=click.Path(dir_okay=False), help="GEXF file to write (Gephi).")
@click.option("--window", type=click.Choice(["sentence", "article"]), default="sentence", show_default=True,
              help="Where two terms must both occur to count as occurring together.")
@click.option("--min-weight", type=click.FloatRange(-1, 1), default=None,
              help="Keep links whose NPMI is at least this (default 0.1).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help=f"The page draws at most this many nodes, the most frequent (default {_DEFAULTS.max_html_nodes}).")
@click.option("--seed", type=int, default=None,
              help=f"Seed of community detection and layout (default {_DEFAULTS.seed}).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction (default: all cores).")
@click.option("--segmenter", type=click.Choice(["rjieba", "jieba"]), default=None, help="Segmentation backend.")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML file of settings.")
def concepts(paths, html_out, graphml, gexf, window, min_weight, max_nodes, seed, jobs, segmenter, config):
    """Build the concept network of articles: salient keywords and entities linked by co-occurrence.

    PATHS are files or directories of articles, as for kg build. Nodes are each article's
    salient keywords (TF-IDF) and its entities; two nodes are linked when they occur in the
    same sentence more often than chance (normalized PMI), so frequent words do not link to
    everything. Communities (Louvain, seeded) colour the page. The same input and seed give
    the same files.

    \b
    Example:
      kg concepts examples/articles --html out/concepts.html
      kg concepts news.jsonl --html out/c.html --graphml out/c.graphml --gexf out/c.gexf --seed 7
    """
    from kg import api
    from kg.network import concept_network, write_gexf, write_graphml
    from kg.pipeline import default_jobs
    from kg.viz import write_concepts_html

    if not (html_out or graphml or gexf):
        raise click.UsageError("give at least one output: --html, --graphml or --gexf")
    settings = _settings(config, segmenter=segmenter, seed=seed, max_html_nodes=max_nodes)
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        click.echo(f"kg: {f.origin}: {f.reason}", err=True)

    try:
        extractions = list(api.extract_articles(
            paths, settings, jobs=jobs or default_jobs(), stdin=click.get_text_stream("stdin"), on_failure=failed,
        ))
        if not extractions:
            raise KgError(f"no article could be read from {', '.join(paths)}; nothing was written")
        extra = {} if min_weight is None else {"min_weight": min_weight}
        g = concept_network(extractions, window=window, seed=settings.seed, **extra)
        written = []
        if html_out:
            write_concepts_html(g, html_out, max_nodes=settings.max_html_nodes, seed=settings.seed,
                                title=f"kg concepts · {len(extractions):,} articles")
            written.append(html_out)
        if graphml:
            written.append(str(write_graphml(g, graphml)))
        if gexf:
            written.append(str(write_gexf(g, gexf)))
    except KgError as exc:
        raise _Failed(str(exc)) from exc
    communities = len({c for _, c in g.nodes(data="community")})
    click.echo(
        f"kg: {len(extractions):,} articles, {g.number_of_nodes():,} nodes, {g.number_of_edges():,} links, "
        f"{communities:,} communities -> {', '.join(written)}",
        err=True,
    )
    sys.exit(1 if failures else 0)


COMMANDS = [concepts, html]
"""Added to the ``kg`` group by kg/cli.py."""
