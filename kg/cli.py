"""The ``kg`` command line: each command parses its options, calls one API function, prints."""

from __future__ import annotations

import json
import sys

import click

from kg import api
from kg.errors import KgError
from kg.output import write_atomic
from kg.pipeline import default_jobs
from kg.progress import Progress
from kg.records import Failure
from kg.settings import Settings, load_settings

__all__ = ["cli", "UsageFailure"]

FORMAT_CHOICES = ["turtle", "nt", "jsonld", "trig", "xml"]


class UsageFailure(click.ClickException):
    """A command that could not do its work: message on standard error, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"kg: {self.format_message()}", err=True)


def _report_failure(f: Failure) -> None:
    click.echo("\r\x1b[K" if sys.stderr.isatty() else "", nl=False, err=True)
    click.echo(f"kg: {f.origin}: {f.reason}", err=True)


def _settings(config: str | None, **overrides) -> Settings:
    try:
        return load_settings(config).with_overrides(**overrides)
    except KgError as exc:
        raise UsageFailure(str(exc)) from exc


def input_options(fn):
    """Options shared by every command that reads articles."""
    fn = click.option("--quiet", "-q", is_flag=True, help="No progress line and no summary.")(fn)
    fn = click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Worker processes for extraction (default: all cores).",
    )(fn)
    fn = click.option(
        "--segmenter", type=click.Choice(["rjieba", "jieba"]), default=None,
        help="Segmentation backend (default rjieba: jieba's dictionary, compiled).",
    )(fn)
    fn = click.option("--config", type=click.Path(dir_okay=False), help="TOML file of settings.")(fn)
    fn = click.argument("paths", nargs=-1, required=True)(fn)
    return fn


def _progress(quiet: bool) -> Progress:
    return Progress(enabled=not quiet and sys.stderr.isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """Build a knowledge graph from Chinese technology news.

    \b
    Example:
      kg build examples/articles -o out/graph.ttl --html out/graph.html
      kg query out/graph.ttl examples/queries/released_models.rq
    """


@cli.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Graph file to write (default: Turtle on standard output).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default=None, help="RDF format (default: from the file extension, else turtle).")
@click.option("--html", type=click.Path(dir_okay=False), help="Also write an interactive HTML page of the graph.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Leave out relations below this confidence.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a JSON summary of the run (counts, failed inputs).")
@click.option("--store", type=click.Path(file_okay=False), help="Also add the articles to a persistent store directory (incremental).")
def build(paths, output, fmt, html, min_confidence, report, store, config, segmenter, jobs, quiet):
    """Extract entities and relations from articles and write the knowledge graph.

    PATHS are files, directories (read recursively: .txt .md .html .htm .jsonl) or - for
    standard input. An input that cannot be read is reported and skipped; the exit status is
    then 1. Outputs are written atomically.

    \b
    Example:
      kg build examples/articles -o out/graph.ttl --html out/graph.html
      kg build news.jsonl --format nt -o out/graph.nt --jobs 4 --report out/report.json
      kg build news.jsonl --store out/store
    """
    settings = _settings(config, segmenter=segmenter, min_confidence=min_confidence)
    progress = _progress(quiet)
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        _report_failure(f)

    try:
        result = api.build(
            paths, output, fmt=fmt, html=html, settings=settings, jobs=jobs or default_jobs(),
            stdin=click.get_text_stream("stdin"), progress=progress, on_failure=failed, store=store,
        )
    except api.NoArticlesError as exc:
        progress.close() if progress.enabled else None
        click.echo(f"kg: {exc}", err=True)
        sys.exit(1)
    except KgError as exc:
        raise UsageFailure(str(exc)) from exc
    finally:
        if progress.enabled:
            progress.close()
    if output is None and store is None:
        from kg.rdf import serialize

        click.get_binary_stream("stdout").write(serialize(result.graph, fmt or "turtle"))
    summary = result.summary()
    if report:
        try:
            write_atomic(report, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        except KgError as exc:
            raise UsageFailure(str(exc)) from exc
    if not quiet:
        ents = sum(summary["entities"].values())
        click.echo(
            f"kg: {summary['articles']} articles, {ents} entities, {summary['relations']} relations, "
            f"{summary['triples']} triples, {len(failures)} failed inputs"
            + (f" -> {', '.join(result.outputs)}" if result.outputs else ""),
            err=True,
        )
        if result.store:
            st = result.store
            click.echo(
                f"kg: store {st['path']}: {st['added']} added, {st['replaced']} replaced, {st['unchanged']} unchanged",
                err=True,
            )
    sys.exit(1 if failures else 0)


@cli.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="JSON Lines file to write (default: standard output).")
def extract(paths, output, config, segmenter, jobs, quiet):
    """Write one JSON line per article: entities with character offsets, relations with evidence.

    Each line is {"id", "title", "entities": [{"text", "type", "start", "end"}],
    "relations": [{"subject", "predicate", "object", "evidence"}]} in input order; offsets are
    into the article's text as given (for JSON Lines input, its "text" field).

    \b
    Example:
      kg extract examples/articles -o out/extracted.jsonl
      cat news.jsonl | kg extract - > out/extracted.jsonl
    """
    settings = _settings(config, segmenter=segmenter)
    progress = _progress(quiet)
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        _report_failure(f)

    try:
        n = api.extract(
            paths, output, settings=settings, jobs=jobs or default_jobs(),
            stdin=click.get_text_stream("stdin"), progress=progress, on_failure=failed,
            sink=None if output else click.get_text_stream("stdout"),
        )
    except KgError as exc:
        raise UsageFailure(str(exc)) from exc
    finally:
        if progress.enabled:
            progress.close()
    if not quiet:
        click.echo(f"kg: {n} articles extracted, {len(failures)} failed inputs", err=True)
    sys.exit(1 if failures else 0)


# Commands defined beside the modules they drive are registered here, in one place.
from kg.cli_graph import COMMANDS as _GRAPH_COMMANDS  # noqa: E402

for _c in _GRAPH_COMMANDS:
    cli.add_command(_c)
from kg.cli_viz import COMMANDS as _VIZ_COMMANDS  # noqa: E402

for _c in _VIZ_COMMANDS:
    cli.add_command(_c)
from kg.cli_dask import COMMANDS as _DASK_COMMANDS  # noqa: E402

for _c in _DASK_COMMANDS:
    cli.add_command(_c)
