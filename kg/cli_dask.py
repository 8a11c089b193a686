"""``kg dask-build``: the extraction of ``kg build`` on a Dask cluster, for corpora beyond one machine."""

from __future__ import annotations

import json
import sys

import click

from kg.errors import KgError

__all__ = ["COMMANDS", "dask_build"]


class _Failed(click.ClickException):
    """A command that could not do its work: one line on standard error, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"kg: {self.format_message()}", err=True)


@click.command("dask-build")
@click.argument("corpus", nargs=-1, required=True, type=click.Path())
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: a local cluster on this machine).")
@click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds to wait for the scheduler.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster when no --scheduler is given (default: all cores).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="Graph file to write.")
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "jsonld", "trig", "xml"]), default=None,
              help="RDF format (default: from the file extension, else turtle).")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False),
              help="Keep the N-Triples parts in this folder (default: a temporary folder, removed afterwards).")
@click.option("--partition-lines", type=click.IntRange(min=1), default=2000, show_default=True,
              help="JSON lines per partition (one task on one worker).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out relations below this confidence.")
@click.option("--segmenter", type=click.Choice(["rjieba", "jieba"]), default=None, help="Segmentation backend.")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML file of settings.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a JSON summary of the run (counts, failed inputs).")
@click.option("--quiet", "-q", is_flag=True, help="No summary line.")
def dask_build(corpus, scheduler, connect_timeout, workers, output, fmt, parts_dir, partition_lines, min_confidence, segmenter,
               config, report, quiet):
    """Build the knowledge graph of JSON Lines CORPUS files, extracting on a Dask cluster.

    Each file is cut into runs of --partition-lines lines; every run is extracted on a worker
    (which loads the models once) into an N-Triples part, and the parts are merged into OUTPUT:
    the same bytes as `kg build` writes for the same files. Workers must see the corpus and the
    parts folder at the same paths as this machine (a shared file system) and have kg installed.
    An input that cannot be read is reported and skipped; the exit status is then 1.

    \b
    Example:
      kg dask-build news.jsonl -o out/graph.ttl
      dask scheduler &  dask worker tcp://127.0.0.1:8786 --nworkers 4 --nthreads 1 &
      kg dask-build /shared/news-*.jsonl --scheduler tcp://127.0.0.1:8786 -o /shared/out/graph.nt --parts /shared/parts
    """
    from kg import distributed
    from kg.output import write_atomic
    from kg.settings import load_settings

    try:
        settings = load_settings(config).with_overrides(segmenter=segmenter, min_confidence=min_confidence)
    except KgError as exc:
        raise _Failed(str(exc)) from exc
    failures = []

    def failed(f) -> None:
        failures.append(f)
        click.echo(f"kg: {f.origin}: {f.reason}", err=True)

    try:
        client = _client(scheduler, workers, connect_timeout)
    except ImportError as exc:
        raise _Failed(f"dask-build needs Dask: pip install 'kg[dask]' ({exc})") from exc
    except (OSError, TimeoutError, ValueError) as exc:
        raise _Failed(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        with client:
            result = distributed.build(
                corpus, output, parts_dir=parts_dir, fmt=fmt, client=client, partition_lines=partition_lines,
                settings=settings, on_failure=failed,
            )
    except KgError as exc:
        from kg.api import NoArticlesError

        if isinstance(exc, NoArticlesError):
            click.echo(f"kg: {exc}", err=True)
            sys.exit(1)
        raise _Failed(str(exc)) from exc
    finally:
        cluster = getattr(client, "_kg_cluster", None)
        if cluster is not None:
            cluster.close()
    summary = result.summary()
    if report:
        try:
            write_atomic(report, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        except KgError as exc:
            raise _Failed(str(exc)) from exc
    if not quiet:
        ents = sum(summary["entities"].values())
        click.echo(
            f"kg: {summary['articles']} articles, {ents} entities, {summary['relations']} relations, "
            f"{summary['triples']} triples, {len(failures)} failed inputs -> {output}",
            err=True,
        )
    sys.exit(1 if failures else 0)


def _client(scheduler: str | None, workers: int | None, timeout: float = 10.0):
    """A client of the given scheduler, or of a new local cluster (closed with the command)."""
    from dask.distributed import Client

    if scheduler:
        return Client(scheduler, timeout=f"{timeout}s")
    from dask.distributed import LocalCluster

    from kg.pipeline import default_jobs

    cluster = LocalCluster(
        n_workers=workers or default_jobs(), threads_per_worker=1, dashboard_address=":0", silence_logs=40
    )
    client = Client(cluster)
    client._kg_cluster = cluster  # type: ignore[attr-defined]
    return client


COMMANDS = [dask_build]
"""Commands this module adds to ``kg`` (registered in :mod:`kg.cli`)."""
